"""Findings in the final email (in the dialect checked) and across lessons: size, subject, preheader,
unsubscribe link, footer, structure, CSS support, the plain-text twin, duplicates and length outliers."""

from __future__ import annotations

import itertools
import re
import statistics

from ..dialects import PLACEHOLDER_RE, Dialect
from ..project import Course, Lesson
from .model import SIZE_ERROR, SIZE_WARNING, Finding, LessonReport

SUBJECT_MAX, PREHEADER_MIN, PREHEADER_MAX = 60, 30, 130


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


def email_findings(
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
    if not unsubscribe or f'href="{dialect.in_html("unsubscribe_url")}"' not in html:
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


def compare_lessons(course: Course, reports: list[LessonReport]) -> None:
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
