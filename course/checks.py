"""`course check`: findings for every lesson, each with a severity, a stable code, what to do and where.

Checks look at three things: the lesson's source (links, images, placeholders as the author wrote them,
with line numbers), the final email in the chosen dialect (size, structure, unsubscribe link, CSS), and the
course settings (postal address, sender, colours). SpamAssassin scores each lesson when it is installed.
"""

from __future__ import annotations

import html as html_module
import itertools
import re
import shutil
import statistics
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from .article import count_words
from .build import lesson_files
from .colors import theme_contrast_warnings
from .dialects import PLACEHOLDER_RE, Dialect, preview_dialect
from .errors import CourseError
from .mdrender import markdown_words_text
from .project import EXAMPLE_ADDRESS, EXAMPLE_EMAIL, Course, Lesson, load_project
from .render import Renderer

SIZE_WARNING = 80 * 1024
SIZE_ERROR = 100 * 1024  # Gmail clips messages from about 102 KB
SUBJECT_MAX, PREHEADER_MIN, PREHEADER_MAX = 60, 30, 130
SPAM_THRESHOLD = 5.0
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

# CSS that major clients ignore. Each fact names its source; only properties that change layout or meaning are
# listed, since a missing rounded corner in Outlook is not worth a warning.
CSS_SUPPORT: list[tuple[re.Pattern[str], str, str, str]] = [
    (
        re.compile(r"(?<![-\w])position\s*:\s*(absolute|fixed|relative|sticky)"),
        "position",
        "Gmail and Outlook for Windows ignore it",
        "https://www.caniemail.com/features/css-position/",
    ),
    (
        re.compile(r"display\s*:\s*(inline-)?flex"),
        "display:flex",
        "Outlook for Windows ignores it and Gmail only partly supports it",
        "https://www.caniemail.com/features/css-display-flex/",
    ),
    (
        re.compile(r"display\s*:\s*(inline-)?grid"),
        "display:grid",
        "Gmail and Outlook ignore it",
        "https://www.caniemail.com/features/css-display-grid/",
    ),
    (
        re.compile(r"background-image\s*:|background\s*:[^;\"]*url\("),
        "background-image",
        "Outlook for Windows ignores CSS background images",
        "https://www.caniemail.com/features/css-background-image/",
    ),
    (
        re.compile(r"box-shadow\s*:"),
        "box-shadow",
        "Gmail and Outlook for Windows ignore it",
        "https://www.caniemail.com/features/css-box-shadow/",
    ),
    (
        re.compile(r"(?<![-\w])(transform|animation|transition)\s*:"),
        "transform/animation",
        "Gmail and Outlook ignore it; Apple Mail alone plays it",
        "https://www.caniemail.com/features/css-transform/",
    ),
    (
        re.compile(r"@font-face|@import"),
        "web fonts",
        "Gmail and Outlook ignore web fonts; the fallback font shows",
        "https://www.caniemail.com/features/css-at-font-face/",
    ),
]


@dataclass
class Finding:
    severity: str  # "error", "warning" or "info"
    code: str  # stable, e.g. "size.gmail-clip"
    message: str  # what is wrong and what to do
    lesson: int | None = None
    where: str | None = None  # "lessons/02-x.md:14", "course.toml", "<img src=…>"


@dataclass
class LessonReport:
    number: int
    file: str
    subject: str
    size: int = 0
    words: int = 0
    spam_score: float | None = None
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Report:
    course: str
    dialect: str
    lessons: list[LessonReport]
    findings: list[Finding]  # about the course as a whole (course.toml)

    def all(self) -> list[Finding]:
        return self.findings + [f for lesson in self.lessons for f in lesson.findings]

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.all())

    def failed(self, strict: bool = False) -> bool:
        return self.count("error") > 0 or (strict and self.count("warning") > 0)

    def as_json(self) -> dict[str, Any]:
        return {
            "course": self.course,
            "dialect": self.dialect,
            "summary": {s: self.count(s) for s in ("error", "warning", "info")},
            "findings": [asdict(f) for f in self.findings],
            "lessons": [
                {
                    "number": r.number,
                    "file": r.file,
                    "subject": r.subject,
                    "size": r.size,
                    "words": r.words,
                    "spam_score": r.spam_score,
                    "findings": [asdict(f) for f in r.findings],
                }
                for r in self.lessons
            ],
        }


def check_course(root: Path, esp: str | None = None, links: bool = False, spam: bool = True) -> Report:
    """Check every lesson of the course in the given dialect (default: the preview build's)."""
    course = load_project(root)
    renderer = Renderer(course)
    course_findings = _course_findings(course)
    dialect_name = "preview"
    provider = None
    if esp:
        from .esp import provider_class

        provider = provider_class(esp)(course)
        dialect_name = provider.name
    reports: list[LessonReport] = []
    finals: dict[int, tuple[str, str]] = {}
    for lesson in course.lessons:
        report = LessonReport(lesson.number, _relative(course, lesson.path), lesson.subject)
        reports.append(report)
        report.findings += _source_findings(course, lesson)
        try:
            rendered = renderer.render(lesson)
        except CourseError as exc:
            report.findings.append(Finding("error", "render.failed", exc.format_message(), lesson.number, report.file))
            continue
        dialect: Dialect = (
            provider.dialect() if provider else preview_dialect(course.preview, lesson_files(rendered)[0])
        )
        try:
            html, text = dialect.apply_html(rendered.html), dialect.apply_text(rendered.text)
        except KeyError as exc:
            report.findings.append(
                Finding(
                    "error",
                    "template.merge-field",
                    f"the templates use the merge field {exc.args[0]!r}, which {dialect.name} "
                    "does not have; remove it or wrap it in {% call optional(...) %}",
                    lesson.number,
                    report.file,
                )
            )
            continue
        finals[lesson.number] = (html, text)
        report.size = len(html.encode("utf-8"))
        report.words = count_words(markdown_words_text(lesson.body))
        report.findings += _email_findings(course, lesson, html, text, rendered.html, dialect, report)
    _compare_lessons(course, reports)
    if spam and shutil.which("spamassassin"):
        _spamassassin(course, reports, finals)
    if links:
        _check_links(course, reports)
    for report in reports:
        report.findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.code))
    return Report(course.title, dialect_name, reports, course_findings)


def _relative(course: Course, path: Path) -> str:
    try:
        return path.relative_to(course.root).as_posix()
    except ValueError:
        return str(path)


# --- course settings ----------------------------------------------------------------------------------------


def _course_findings(course: Course) -> list[Finding]:
    where = "course.toml"
    findings = []
    address = course.sender.get("postal_address", "").strip()
    if not address:
        findings.append(
            Finding(
                "error",
                "footer.postal-address",
                "there is no postal address for the footer, which CAN-SPAM requires: set "
                "postal_address under [sender] in course.toml",
                None,
                where,
            )
        )
    elif address == EXAMPLE_ADDRESS:
        findings.append(
            Finding(
                "warning",
                "footer.example-address",
                "the postal address is still the example one: set your own under [sender]",
                None,
                where,
            )
        )
    for key in ("email", "reply_to"):
        if course.sender.get(key, "").strip().lower() == EXAMPLE_EMAIL:
            findings.append(
                Finding(
                    "warning",
                    "sender.example",
                    f"[sender] {key} is still {EXAMPLE_EMAIL}: set the address you send from",
                    None,
                    where,
                )
            )
    unsubscribe = str(course.links.get("unsubscribe_url") or "")
    if "example.com" in unsubscribe:
        findings.append(
            Finding(
                "info",
                "links.example-unsubscribe",
                "[links] unsubscribe_url is the example one; the eml and html exports use it",
                None,
                where,
            )
        )
    for warning in theme_contrast_warnings(course.theme, where):
        findings.append(Finding("warning", "theme.contrast", warning.split(": ", 1)[1], None, where))
    return findings


# --- the lesson as written ----------------------------------------------------------------------------------


def _permissive_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    parser.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link the author wrote, even ones the renderer drops
    return parser


def _source_findings(course: Course, lesson: Lesson) -> list[Finding]:
    findings: list[Finding] = []
    file = _relative(course, lesson.path)
    offset = lesson.body_line  # markdown-it counts body lines from 0

    def add(severity: str, code: str, message: str, line: int | None, element: str | None = None) -> None:
        where = f"{file}:{line + offset}" if line is not None else file
        findings.append(Finding(severity, code, message, lesson.number, f"{where} {element}" if element else where))

    tokens = _permissive_parser().parse(lesson.body)
    heading_levels: list[tuple[int, int]] = []
    for token in tokens:
        line = token.map[0] if token.map else None
        if token.type == "heading_open":
            heading_levels.append((int(token.tag[1]), line or 0))
        children = token.children or []
        for child in children:
            if child.type == "link_open":
                _link_findings(add, str(child.attrs.get("href", "")), line, "link")
            elif child.type == "image":
                src = str(child.attrs.get("src", ""))
                alt = "".join(c.content for c in child.children or []) or str(child.attrs.get("alt", ""))
                _image_findings(add, course, src, alt, None, line)
            elif child.type == "html_inline":
                _raw_html_findings(add, course, child.content, line)
        if token.type == "html_block":
            _raw_html_findings(add, course, token.content, line)
    for (previous, _), (level, line) in itertools.pairwise(heading_levels):
        if level > previous + 1:
            add(
                "warning", "headings.order", f"an h{level} follows an h{previous}: use one level deeper at a time", line
            )
    for number, text in enumerate(lesson.body.split("\n")):
        leftover = re.search(r"\{\{.*?\}\}|\{%.*?%\}|\*\|[A-Z_:]+\|\*|\{[A-Z][A-Z0-9_]+\}|%%\w+%%|\[\[\w+\]\]", text)
        if leftover:
            add(
                "error",
                "template.leftover",
                f"{leftover.group(0)!r} is template syntax or a placeholder in the lesson text; readers would see it "
                "as is: write merge fields in the templates ({{ merge.first_name }}), not in lessons",
                number,
            )
    return findings


def _link_findings(add: Any, href: str, line: int | None, what: str) -> None:
    target = href.strip()
    lowered = target.lower()
    if lowered.startswith(("javascript:", "vbscript:")):
        add(
            "error", "link.javascript", f"a {what} runs script ({target[:40]}); email clients block it: remove it", line
        )
    elif lowered.startswith("data:"):
        add("error", "link.data", f"a {what} is a data: URL; clients block it: link to a web page instead", line)
    elif not target or target == "#":
        add("error", "link.empty", f"a {what} has no target: give it the address it should open", line)
    elif lowered.startswith("http://"):
        add("warning", "link.http", f"{target} is not https; some clients warn about it: use https://", line)
    elif not re.match(r"^[a-z][a-z0-9+.-]*:", lowered):
        add(
            "error",
            "link.relative",
            f"{target} is relative, and an email has no page to be relative to: make it absolute or set base_url "
            "under [course]",
            line,
        )


def _image_findings(add: Any, course: Course, src: str, alt: str | None, width: str | None, line: int | None) -> None:
    element = f"<img src={src[:60]}>"
    if alt is None or not alt.strip():
        add(
            "warning",
            "image.alt-missing",
            "an image has no alt text; screen readers and clients that block images show nothing: describe it",
            line,
            element,
        )
    if src.lower().startswith("http://"):
        add("warning", "image.http", "an image is loaded over http; clients block or warn: use https://", line, element)
    elif src.lower().startswith(("javascript:", "data:")):
        add(
            "error",
            "image.data",
            "an image is a data: or javascript: URL; clients block it: host the image",
            line,
            element,
        )
    if width and width.isdigit() and int(width) > 1200:
        add("warning", "image.large", f"an image is {width} px wide; scale it to at most 1200 px", line, element)
    local = course.root / "assets" / Path(src).name
    if "assets/" in src and local.is_file() and local.stat().st_size > 1_000_000:
        add(
            "warning",
            "image.large",
            f"{local.name} is {local.stat().st_size / 1_048_576:.1f} MB; readers on phones wait for it: compress it "
            "below 500 KB",
            line,
            element,
        )


def _raw_html_findings(add: Any, course: Course, fragment: str, line: int | None) -> None:
    for match in re.finditer(r"<a\b[^>]*?\bhref\s*=\s*(\"([^\"]*)\"|'([^']*)'|([^\s>]+))", fragment, re.I):
        _link_findings(add, match.group(2) or match.group(3) or match.group(4) or "", line, "link")
    for match in re.finditer(r"<img\b[^>]*>", fragment, re.I):
        tag = match.group(0)
        src = re.search(r"\bsrc\s*=\s*[\"']?([^\"'\s>]*)", tag, re.I)
        alt = re.search(r"\balt\s*=\s*(\"([^\"]*)\"|'([^']*)'|([^\s>]+))", tag, re.I)
        width = re.search(r"\bwidth\s*=\s*[\"']?(\d+)", tag, re.I)
        alt_text = (alt.group(2) or alt.group(3) or alt.group(4) or "") if alt else None
        _image_findings(add, course, src.group(1) if src else "", alt_text, width.group(1) if width else None, line)


# --- the final email ----------------------------------------------------------------------------------------


def _email_findings(
    course: Course, lesson: Lesson, html: str, text: str, neutral: str, dialect: Dialect, report: LessonReport
) -> list[Finding]:
    findings: list[Finding] = []
    file = report.file

    def add(severity: str, code: str, message: str, where: str | None = None) -> None:
        findings.append(Finding(severity, code, message, lesson.number, where or file))

    size = report.size
    if size >= SIZE_ERROR:
        add(
            "error",
            "size.gmail-clip",
            f"the email is {size / 1024:.0f} KB; Gmail clips messages from about 102 KB and hides the rest, "
            "unsubscribe link included: split the lesson or shorten it",
        )
    elif size >= SIZE_WARNING:
        add(
            "warning",
            "size.gmail-clip",
            f"the email is {size / 1024:.0f} KB, close to Gmail's clipping point (about 102 KB): keep it shorter",
        )
    subject = lesson.subject.strip()
    if not subject:
        add("error", "subject.empty", "the subject is empty: set `subject:` in the front matter")
    else:
        if len(subject) > SUBJECT_MAX:
            add(
                "warning",
                "subject.too-long",
                f"the subject has {len(subject)} characters; phones show about {SUBJECT_MAX}: shorten it",
            )
        letters = [c for c in subject if c.isalpha()]
        if len(letters) >= 8 and all(c.isupper() for c in letters):
            add("warning", "subject.all-caps", "the subject is in capitals, which reads as shouting and as spam")
    preheader = lesson.preheader.strip()
    if not preheader:
        add(
            "warning",
            "preheader.missing",
            "there is no preheader; inboxes then show the first words of the email: set `preheader:`",
        )
    else:
        if len(preheader) < PREHEADER_MIN:
            add(
                "warning",
                "preheader.too-short",
                f"the preheader has {len(preheader)} characters; inboxes fill the rest with body text: aim for 40–110",
            )
        elif len(preheader) > PREHEADER_MAX:
            add(
                "warning",
                "preheader.too-long",
                f"the preheader has {len(preheader)} characters; inboxes cut it at about 100: shorten it",
            )
        if subject and (preheader.lower().startswith(subject.lower()) or subject.lower() == preheader.lower()):
            add(
                "warning",
                "preheader.repeats-subject",
                "the preheader repeats the subject; use it to add something the subject does not say",
            )
    unsubscribe = dialect.values.get("unsubscribe_url", "")
    escaped = html_module.escape(unsubscribe, quote=True) if dialect.escape else unsubscribe
    if not unsubscribe or f'href="{escaped}"' not in html:
        add(
            "error",
            "unsubscribe.missing",
            f"there is no unsubscribe link ({unsubscribe or 'none'}) in an href for {dialect.name}: keep "
            '<a href="{{ merge.unsubscribe_url }}"> in the footer template',
        )
    elif unsubscribe not in text:
        add(
            "error",
            "unsubscribe.missing-text",
            "the plain-text email has no unsubscribe link: keep {{ merge.unsubscribe_url }} in lesson.txt.j2",
        )
    address = course.sender.get("postal_address", "").strip()
    if address and address not in html.replace("&amp;", "&"):
        add(
            "error",
            "footer.postal-address",
            "the postal address is not in the email's footer: keep {{ sender.postal_address }} in the footer template",
        )
    for leftover in re.findall(r"<mj-[\w-]+|\{%|%\}", neutral)[:1] + PLACEHOLDER_RE.findall(html)[:1]:
        add("error", "template.leftover", f"{leftover!r} is left in the email: fix the templates")
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html)]
    for previous, level in itertools.pairwise(levels):
        if level > previous + 1:
            add("warning", "headings.order", f"an h{level} follows an h{previous} in the email: check the templates")
            break
    for img in re.findall(r"<img\b[^>]*>", html):
        if " alt=" not in img:
            add(
                "error",
                "image.alt-missing",
                "an image in the email has no alt attribute: check the templates",
                img[:80],
            )
    for pattern, name, effect, source in CSS_SUPPORT:
        if pattern.search(html):
            add("warning", "css.unsupported", f"{name}: {effect} ({source})")
    html_words = len(_visible_text(html).split())
    text_words = len(text.split())
    if not text.strip():
        add("error", "text.missing", "the plain-text twin is empty: check lesson.txt.j2")
    elif text_words < 0.6 * html_words:
        add(
            "warning",
            "text.short",
            f"the plain-text twin has {text_words} words against {html_words} in the HTML: check lesson.txt.j2",
        )
    return findings


def _visible_text(html: str) -> str:
    body = re.sub(r"(?is)<(style|script|head)\b.*?</\1>", " ", html)
    body = re.sub(r'(?is)<div style="display:none;[^"]*">.*?</div>', " ", body)  # the hidden preheader
    body = re.sub(r"(?s)<!--.*?-->", " ", body)
    return re.sub(r"<[^>]+>", " ", body)


def _compare_lessons(course: Course, reports: list[LessonReport]) -> None:
    subjects: dict[str, int] = {}
    for report in reports:
        key = report.subject.strip().lower()
        if key and key in subjects:
            report.findings.append(
                Finding(
                    "warning",
                    "subject.duplicate",
                    f"the subject is the same as lesson {subjects[key]}'s: make each one specific",
                    report.number,
                    report.file,
                )
            )
        subjects.setdefault(key, report.number)
    words = [r.words for r in reports if r.words]
    if len(words) < 3:
        return
    middle = statistics.median(words)
    for report in reports:
        if report.words > 2.5 * middle:
            report.findings.append(
                Finding(
                    "warning",
                    "length.outlier",
                    f"{report.words} words, far more than the other lessons (median "
                    f"{middle:.0f}): split it or move some to its neighbours",
                    report.number,
                    report.file,
                )
            )
        elif 0 < report.words < 0.4 * middle:
            report.findings.append(
                Finding(
                    "info",
                    "length.outlier",
                    f"{report.words} words, far fewer than the other lessons (median "
                    f"{middle:.0f}): merge it with a neighbour?",
                    report.number,
                    report.file,
                )
            )


# --- SpamAssassin -------------------------------------------------------------------------------------------


def _spamassassin(course: Course, reports: list[LessonReport], finals: dict[int, tuple[str, str]]) -> None:
    from email.utils import formataddr

    from .message import lesson_message

    def score(report: LessonReport) -> tuple[LessonReport, str | None]:
        html, text = finals[report.number]
        lesson = course.lessons[report.number - 1]
        message = lesson_message(
            course,
            lesson,
            html,
            text,
            to=formataddr(("Sam", "sam@example.com")),
            unsubscribe_url=str(course.links.get("unsubscribe_url") or ""),
        )
        try:
            done = subprocess.run(
                ["spamassassin", "-L", "-t", "--cf=report_safe 0"],
                input=message.as_bytes(),
                capture_output=True,
                timeout=120,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return report, None
        return report, done.stdout.decode("utf-8", "replace")

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(score, [r for r in reports if r.number in finals]))
    for report, output in results:
        if output is None:
            continue
        status = re.search(
            r"X-Spam-Status: \w+, score=(-?[\d.]+) required=[\d.]+\s+tests=([^\n]*(?:\n\s+[^\n]*)*)", output
        )
        if not status:
            continue
        report.spam_score = float(status.group(1))
        rules = [r for r in re.split(r"[,\s]+", status.group(2).split("autolearn=")[0]) if r and r != "none"]
        severity = "warning" if report.spam_score >= SPAM_THRESHOLD else "info"
        report.findings.append(
            Finding(
                severity,
                "spam.score",
                f"SpamAssassin scores {report.spam_score:.1f} (spam from {SPAM_THRESHOLD:.0f}); "
                f"rules hit: {', '.join(rules) or 'none'}",
                report.number,
                report.file,
            )
        )


# --- external links -----------------------------------------------------------------------------------------


def _check_links(course: Course, reports: list[LessonReport], timeout: float = 10.0) -> None:
    import httpx

    targets: dict[str, list[LessonReport]] = {}
    parser = _permissive_parser()
    for report in reports:
        lesson = course.lessons[report.number - 1]
        for url in _external_links(parser, lesson.body):
            targets.setdefault(url, []).append(report)

    def probe(url: str) -> tuple[str, int | None, str]:
        with httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": "course link check"}
        ) as client:
            try:
                response = client.head(url)
                if response.status_code in (405, 501) or response.status_code >= 400:
                    response = client.get(url)
                return url, response.status_code, ""
            except httpx.HTTPError as exc:
                return url, None, type(exc).__name__

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(probe, sorted(targets)))
    for url, status, problem in results:
        if status is not None and status < 400:
            continue
        for report in targets[url]:
            if status in (404, 410) or status is None:
                what = f"answers HTTP {status}" if status else f"does not answer ({problem})"
                report.findings.append(
                    Finding("error", "link.broken", f"{url} {what}: fix or remove the link", report.number, report.file)
                )
            else:
                report.findings.append(
                    Finding(
                        "warning",
                        "link.status",
                        f"{url} answers HTTP {status}; check it opens in a browser",
                        report.number,
                        report.file,
                    )
                )


def _external_links(parser: MarkdownIt, body: str) -> Iterable[str]:
    for token in parser.parse(body):
        for child in token.children or []:
            if child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                if href.startswith(("http://", "https://")):
                    yield href
    for match in re.finditer(r"<a\b[^>]*?\bhref\s*=\s*[\"'](https?://[^\"']+)", body, re.I):
        yield match.group(1)
