"""One lesson to one email: Markdown -> HTML body (its CSS inlined by premailer) -> Jinja (MJML) -> mjml-python
-> Outlook blocks tidied -> HTML, plus the plain-text twin.

The output still carries neutral merge-field placeholders; `dialects` turns them into sample values or a
provider's tags as the last step. The pipeline follows docs/email-pipeline.md (premailer without network,
doctype kept, media queries and !important kept, no link rewriting).
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from markupsafe import Markup

from ..errors import CourseError
from ..lazyre import lazy_compile
from ..model import Course, Lesson
from ..read.bylines import closing_and_name, is_postscript, is_salutation, signed_by
from ..text import display_width, first_paragraph, last_paragraphs, markdown_text
from .dialects import MergeFields, optional_html, optional_text
from .literals import protect, protect_all
from .markdown import render_html
from .templates import shown_path, template_loader
from .wording import strings_for, text_direction

if TYPE_CHECKING:
    import jinja2

log = logging.getLogger(__name__)

HTML_TEMPLATE = "lesson.mjml.j2"
TEXT_TEMPLATE = "lesson.txt.j2"
BODY_CSS_TEMPLATE = "partials/body.css.j2"
LEFTOVER_RE = lazy_compile(r"<mj-|\{\{|\{%|\{#|%\}|\}\}")
LEFTOVER_MARKS = ("<mj-", "{{", "{%", "{#", "%}", "}}")  # `in` finds none of them in a tenth of the regex's time


@dataclass(frozen=True)
class RenderedLesson:
    """A lesson's final HTML and text with neutral placeholders, ready for any dialect."""

    lesson: Lesson
    html: str
    text: str
    mjml: str = ""  # the MJML the templates made, before compilation (`course build --keep-mjml`)


class Renderer:
    """Renders the lessons of one course; templates are loaded once and shared by all lessons."""

    def __init__(self, course: Course) -> None:
        import jinja2  # here and below, not at the top: see templates.py

        self.course = course
        common = {
            "loader": template_loader(course),
            "undefined": jinja2.StrictUndefined,
            "keep_trailing_newline": True,
            "auto_reload": False,
        }
        self.mjml_env = jinja2.Environment(autoescape=True, **common)  # type: ignore[arg-type]
        self.text_env = jinja2.Environment(autoescape=False, **common)  # type: ignore[arg-type]
        self.mjml_env.globals["optional"] = optional_html
        self.text_env.globals["optional"] = optional_text
        self.text_env.filters["columns"] = display_width  # an underline as wide as a Japanese title
        self.strings = strings_for(course.language, course.strings)
        self._templates: dict[str, jinja2.Template] = {}
        self._body_css: str | None = None
        self._shared: dict[str, Any] | None = None

    def _template(self, env: jinja2.Environment, name: str) -> jinja2.Template:
        import jinja2

        key = f"{id(env)}:{name}"
        if key not in self._templates:
            try:
                self._templates[key] = env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                raise CourseError(f"{self._where(exc.filename, exc.lineno)}: {exc.message}; fix the template") from None
            except jinja2.TemplateNotFound as exc:
                raise CourseError(f"template {exc.name} not found; add it to {self.course.templates_dir}") from None
        return self._templates[key]

    def _where(self, filename: str | None, line: int | None) -> str:
        return shown_path(self.course, filename, line)

    def render(self, lesson: Lesson, body: str | CourseError | None = None) -> RenderedLesson:
        """The lesson's email; `body` is its styled body when `styled_bodies` made it beforehand (or what stopped
        it, raised here, in the lesson's turn)."""
        if isinstance(body, CourseError):
            raise body
        context = self.context(lesson, body)
        mjml_source = self._run(self._template(self.mjml_env, HTML_TEMPLATE), context, lesson)
        document = compile_mjml(mjml_source, lesson)
        document = tidy_outlook_conditionals(document)
        leftover = LEFTOVER_RE.search(document) if any(mark in document for mark in LEFTOVER_MARKS) else None
        if leftover:
            snippet = document[max(0, leftover.start() - 40) : leftover.end() + 40].replace("\n", " ")
            raise CourseError(
                f"{lesson.path}: the email still contains template syntax {leftover.group(0)!r} near “{snippet}”; "
                "check the templates for an unknown <mj-…> element or unbalanced {{ }}"
            )
        if self.course.build.minify:
            document = minify_styles(document)
        context["body_text"] = protect(markdown_text(lesson.body).rstrip())
        text = self._run(self._template(self.text_env, TEXT_TEMPLATE), context, lesson)
        text = re.sub(r"[ \t]+\n", "\n", text)
        text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
        return RenderedLesson(lesson, document, text, mjml_source)

    def _run(self, template: jinja2.Template, context: dict[str, Any], lesson: Lesson) -> str:
        import jinja2

        try:
            return template.render(context)
        except jinja2.TemplateSyntaxError as exc:  # an included or extended template, compiled on first use
            where = self._where(exc.filename, exc.lineno)
            raise CourseError(f"{where}: {exc.message} (rendering {lesson.path.name}); fix the template") from None
        except jinja2.TemplateError as exc:
            frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
            where = self._where(frames[-1].filename, frames[-1].lineno) if frames else str(template.name)
            raise CourseError(f"{where}: {exc} (rendering {lesson.path.name}); fix the template") from None

    def styled_body(self, fragment: str) -> str:
        """The lesson's HTML with partials/body.css.j2 written into each element's style="" by premailer: only
        the lesson's own part of the email goes through it, not the whole document."""
        return inline_body_css(fragment, self.body_css())

    def styled_bodies(self, lessons: list[Lesson]) -> list[str | CourseError]:
        """What `styled_body` makes of each lesson's body, premailer run once for all of them (`inline_bodies_css`),
        for `render`; a lesson whose body cannot be made gets what stopped it, for `render` to raise in its turn."""
        fragments: list[str | CourseError] = []
        for lesson in lessons:
            try:
                fragments.append(self.body_fragment(lesson))
            except CourseError as exc:
                fragments.append(exc)
        made = iter(inline_bodies_css([f for f in fragments if isinstance(f, str)], self.body_css()))
        return [next(made) if isinstance(fragment, str) else fragment for fragment in fragments]

    def body_fragment(self, lesson: Lesson) -> str:
        """The lesson's Markdown as sanitised HTML, its links rewritten and its pictures fitted to the column."""
        content_width = self.course.theme.width - 64  # the body column has 32 px of padding on each side
        return render_html(lesson.body, self.rewrite_url(lesson), image_width=content_width)

    def body_css(self) -> str:
        if self._body_css is None:
            rtl = text_direction(self.course.language) == "rtl"
            self._body_css = self._template(self.text_env, BODY_CSS_TEMPLATE).render(theme=self.course.theme, rtl=rtl)
        return self._body_css

    def rewrite_url(self, lesson: Lesson) -> Callable[[str], str]:
        """Resolve relative URLs against base_url and add UTM parameters to web links."""
        links = self.course.links

        def rewrite(url: str) -> str:
            url = url.strip()
            if not url or url.startswith(("mailto:", "tel:", "@@COURSE_", "#")):  # "#fn1": a footnote in the email
                return url
            if not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", url) and not url.startswith("//"):
                if not self.course.base_url:
                    raise CourseError(
                        f"{lesson.path}: the relative link {url!r} needs a base: set base_url under [course] "
                        "in course.toml, or make the link absolute"
                    )
                url = urljoin(self.course.base_url, url)
            if links.utm and url.startswith(("http://", "https://")):
                url = add_utm(url, {
                    "utm_source": links.utm_source,
                    "utm_medium": links.utm_medium,
                    "utm_campaign": self.course.slug if links.utm_campaign is None else links.utm_campaign,
                    "utm_content": lesson.slug,
                })  # fmt: skip
            return url

        return rewrite

    def shared_context(self) -> dict[str, Any]:
        """What every lesson's context holds alike (the course, its sender, theme and wording), protected once
        per course, not once per lesson."""
        if self._shared is None:
            course, t, sender = self.course, self.strings, self.course.sender
            shared = {
                "course": {
                    "title": course.title,
                    "author": course.author,
                    "language": course.language,
                    "dir": text_direction(course.language),
                    "slug": course.slug,
                    "lessons": len(course.lessons),
                },
                "sender": sender,
                "signature": [line.strip() for line in (sender.signature or sender.name).splitlines() if line.strip()],
                "theme": course.theme,
                "t": t,
                "greeting": Markup(t["greeting"]).format(name=MergeFields().first_name),
                "why_footer": t["why_footer"].format(course=course.title),
            }
            # every value comes from the author or course.toml: template syntax in it is the author's, as written
            self._shared = {key: protect_all(value) for key, value in shared.items()}
        return self._shared

    def context(self, lesson: Lesson, body: str | None = None) -> dict[str, Any]:
        """What the templates see for the lesson (`body`: its styled body, when made beforehand)."""
        course = self.course
        t = self.strings
        lessons = course.lessons
        index = course.position(lesson)
        next_lesson = course.next_lesson(lesson)
        sender, cta = course.sender, course.cta
        cta_url = cta.url or f"mailto:{sender.reply_address}"
        minutes = lesson.minutes
        rewrite = self.rewrite_url(lesson)
        signed = signed_by_the_author(lesson.body, sender.name)
        # an author who signs the last lesson off has said their closing words: the built-in ones would repeat them
        cta_text = cta.text if cta.text is not None else "" if signed and next_lesson is None else t["cta_text"]
        context: dict[str, Any] = {
            "lesson": {
                "number": lesson.number,
                "title": lesson.title,
                "subject": lesson.subject,
                "preheader": lesson.preheader,
                "day": lesson.day,
                "slug": lesson.slug,
                "minutes": minutes,
                "signed": signed,
                # a letter that greets its reader itself ("Dear new manager,"): the built-in greeting would repeat it
                "greeted": is_salutation(first_paragraph(lesson.body)),
            },
            "lesson_of": t["lesson_of"].format(number=lesson.number, total=len(lessons)),
            "reading_time": t["reading_time"].format(minutes=minutes),
            "body_html": Markup(self.styled_body(self.body_fragment(lesson)) if body is None else body),
            "next_lesson": None,
            "cta": call_to_action(
                t["cta_heading"] if cta.heading is None else cta.heading,
                cta_text,
                t["cta_button"].format(name=sender.name) if cta.button is None else cta.button,
                rewrite(cta_url),
            ),
            "lesson_cta": None,
        }
        if lesson.cta is not None:  # the lesson's own, from its front matter: only what the author wrote
            own = lesson.cta
            context["lesson_cta"] = call_to_action(own.heading, own.text, own.button, rewrite(own.url or ""))
        if next_lesson is not None:
            gap = next_lesson.day - lesson.day
            if lesson.send_on and next_lesson.send_on:  # a cohort's dates: the weekend it waits out included
                gap = (next_lesson.send_on - lesson.send_on).days
            weekday = course.schedule.weekdays_only and lesson.send_on is None  # Friday's "tomorrow" is Monday
            arrives = (
                t["arrives_today"] if gap == 0 else (t["arrives_next_weekday"] if weekday else t["arrives_tomorrow"])
                if gap == 1 else t["arrives_in_days"].format(days=gap)
            )  # fmt: skip
            context["next_lesson"] = {"title": next_lesson.title, "day": next_lesson.day, "arrives": arrives}
        # every value comes from the author or course.toml: template syntax in it is the author's, kept as written
        return {
            **self.shared_context(),
            **{key: protect_all(value) for key, value in context.items()},
            "merge": MergeFields(),  # no author text in these two (progress: a flag per lesson, 1,000 in a big course)
            "progress": [True] * (index + 1) + [False] * (len(lessons) - index - 1),  # built, not compared
        }


def call_to_action(heading: str | None, text: str | None, button: str | None, url: str) -> dict[str, Any]:
    """What the cta partials show: a heading and text when there are any, a button, and the url as a reader
    of the plain text sees it."""
    return {
        "heading": heading or "",
        "text": text or "",
        "button": button or "",
        "url": url,
        "url_text": url.removeprefix("mailto:"),
    }


def signed_by_the_author(body: str, sender_name: str) -> bool:
    """The lesson ends as a letter does, with a closing and a name ("Bien à vous," then "Claire"), or with the
    sender's own name, before any P.S.: the template's signature would say it twice."""
    # a closing is in the last blocks: read only those, line by line ("Warmly,<br>Priya" is one paragraph)
    paragraphs = last_paragraphs(body, 5)
    while paragraphs and is_postscript(paragraphs[-1]):
        paragraphs.pop()
    lines = [line.strip() for paragraph in paragraphs[-3:] for line in paragraph.split("\n") if line.strip()]
    if not lines:
        return False
    if signed_by(lines[-1], sender_name):
        return True  # "Tomasz" under a lesson sent by Tomasz Nowak
    return closing_and_name(lines[-2:]) is not None


def add_utm(url: str, params: dict[str, str]) -> str:
    """Add UTM parameters to a URL, keeping any it already has."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {key for key, _ in query}
    query += [(k, v) for k, v in params.items() if k not in present and v]
    return urlunsplit(parts._replace(query=urlencode(query)))


def compile_mjml(source: str, lesson: Lesson) -> str:
    """MJML to HTML with mjml-python; its only failure signal is ValueError, and unknown tags leak as <mj-."""
    import mjml

    try:
        document = mjml.mjml2html(source, fonts={})
    except ValueError as exc:
        message = str(exc)
        span = re.search(r"position (\d+):(\d+)", message)
        where = ""
        if span:
            start = int(span.group(1))
            line = source.count("\n", 0, start) + 1
            where = f" at line {line} of the rendered MJML (“{source[start : start + 60].strip()}”)"
        raise CourseError(
            f"{lesson.path}: the templates produced invalid MJML: {message}{where}; check the template's tags "
            "and any raw HTML in the lesson"
        ) from None
    if "<mj-" in document:
        tag = re.search(r"<mj-[\w-]+", document)
        raise CourseError(
            f"{lesson.path}: {tag.group(0) if tag else '<mj-…>'} is not an MJML element mjml-python knows, "
            "or it is misplaced; fix the template"
        )
    return document


_RULES_CACHE: dict[tuple[str, int], Any] = {}
# what premailer would write as attributes from styles (bgcolor="…" from background-color…): none of them, the
# styles say it all; all of them disabled, its pass over every element's style has nothing to do
BASIC_ATTRIBUTES = ("width", "height", "align", "bgcolor", "valign")


def _import_premailer() -> Any:
    """premailer imports `requests` (and with it urllib3, ssl, idna…, 35 ms of every cold build) only to fetch
    external stylesheets, which course never lets it do (allow_network=False). While premailer loads, `requests`
    is a placeholder; it is taken away at once, so anything that imports requests afterwards gets the real one."""
    import sys
    import types

    if "requests" in sys.modules:
        import premailer

        return premailer
    placeholder = types.ModuleType("requests", "not loaded: course never lets premailer fetch anything")
    sys.modules["requests"] = placeholder
    try:
        import premailer
    finally:
        if sys.modules.get("requests") is placeholder:
            del sys.modules["requests"]
    return premailer


@cache
def _premailer_class() -> type:
    """premailer's class as course runs it, made (and premailer loaded) on first use."""
    premailer = _import_premailer()

    class CachedPremailer(premailer.Premailer):  # type: ignore[misc,name-defined]
        """premailer re-serialises every rule of every stylesheet for every email (most of its time); the
        stylesheet is the same for all lessons of a course, so its parsed rules are kept."""

        document = ""  # what this instance inlines: rules that cannot match in it are left out

        def _parse_style_rules(self, css_body: str, ruleset_index: int) -> Any:
            rules, leftover = self.all_rules(css_body, ruleset_index)
            return [rule for rule in rules if _may_match(rule[1], self.document)], leftover

        def all_rules(self, css_body: str, ruleset_index: int = 0) -> Any:
            """The stylesheet's rules, each (specificity, selector, declarations), and its media queries."""
            key = (css_body, ruleset_index)
            if key not in _RULES_CACHE:
                if len(_RULES_CACHE) > 64:
                    _RULES_CACHE.clear()
                _RULES_CACHE[key] = super()._parse_style_rules(css_body, ruleset_index)
            return _RULES_CACHE[key]

        def _style_to_basic_html_attributes(self, element: Any, style_content: str, force: bool = False) -> None:
            """Every attribute premailer makes of a style is disabled (BASIC_ATTRIBUTES): this pass, which parses
            each element's style again, would set nothing, so it is skipped."""

    return CachedPremailer


# the element names and classes a selector names ("pre.output code" -> pre, code; output): tags, then classes
SELECTOR_PART_RE = lazy_compile(r"(?:^|(?<=[\s>+~]))([A-Za-z][\w-]*)|\.(-?[_A-Za-z][\w-]*)")
TAG_NAME_RE = lazy_compile(r"<([A-Za-z][\w-]*)")


def _may_match(selector: str, document: str) -> bool:
    """Whether a rule's selector could match an element of the document: premailer runs every rule's selector
    over the whole lesson (a quarter of a build's time), and most rules name an element a lesson has none of (a
    table, a quote). A selector it cannot tell about (an attribute, :not(), an id, a list…) may always match."""
    names = _selector_names(selector)
    if names is None:
        return True
    tags, classes = names
    return tags <= _tags_in(document) and all(name in document for name in classes)


@lru_cache(maxsize=512)
def _selector_names(selector: str) -> tuple[frozenset[str], tuple[str, ...]] | None:
    if any(mark in selector for mark in "[(#*,\\"):
        return None
    parts = SELECTOR_PART_RE.findall(selector)
    tags = frozenset(tag.lower() for tag, _ in parts if tag)
    return tags, tuple(name for _, name in parts if name)


@lru_cache(maxsize=8)
def _tags_in(document: str) -> frozenset[str]:
    return frozenset(tag.lower() for tag in TAG_NAME_RE.findall(document))


# each block's inside up to the first <![endif]-->, as ([\s\S]*?) would, a run of text at a time
OUTLOOK_BLOCK_RE = lazy_compile(r"(<!--\[if\s[^\]]+]>)(?!<!-->)([^<]*(?:<(?!!\[endif]-->)[^<]*)*)(<!\[endif]-->)")
ADJACENT_OUTLOOK_RE = lazy_compile(r"<!\[endif]-->\s*?<!--\[if mso \| IE]>")
SPACE_BETWEEN_TAGS_RE = lazy_compile(r"(^|>)\s+(<|$)", re.M)
SPACES_RE = lazy_compile(r"\s{2,}")


def tidy_outlook_conditionals(document: str) -> str:
    """What JS MJML does to its Outlook-only markup and mjml-python does not: drop the whitespace between tags
    inside each `<!--[if …]>` block, then join blocks that only whitespace separates into one, so that
    `<![endif]-->\n<!--[if mso | IE]>` disappears (27 blocks in a lesson become 16). Non-Outlook clients never
    read these comments; content a non-Outlook client shows (`<!--[if !mso]><!-->…`) is left alone."""
    return ADJACENT_OUTLOOK_RE.sub("", OUTLOOK_BLOCK_RE.sub(_minify_outlook_block, document))


def _minify_outlook_block(match: re.Match[str]) -> str:
    return match.group(1) + _minified_outlook(match.group(2)) + match.group(3)


@lru_cache(maxsize=256)
def _minified_outlook(inside: str) -> str:
    """One block's inside, minified (the same blocks recur in every lesson: each is done once)."""
    return SPACES_RE.sub(" ", SPACE_BETWEEN_TAGS_RE.sub(lambda m: m.group(1) + m.group(2), inside))


# up to the first </style>, as (.*?) would, but a run of text at a time rather than a character at a time
STYLE_BLOCK_RE = lazy_compile(r"(<style\b[^>]*>)([^<]*(?:<(?!/style>)[^<]*)*)(</style>)", re.I)
CSS_COMMENT_RE = lazy_compile(r"/\*.*?\*/", re.S)
WHITESPACE_RE = lazy_compile(r"\s+")
AROUND_PUNCTUATION_RE = lazy_compile(r"\s*([{};,>])\s*")
CLOSING_BRACES_RE = lazy_compile(r"\}(?=\})")


def minify_styles(document: str) -> str:
    """The head's CSS without comments, indentation or spaces around { } ; , (the `[build] minify` setting):
    the rules and their order stay exactly as they were."""
    return STYLE_BLOCK_RE.sub(lambda m: m.group(1) + _minified_css(m.group(2)) + m.group(3), document)


@lru_cache(maxsize=256)
def _minified_css(css: str) -> str:
    """One stylesheet, minified (the head's stylesheets are the same in every lesson: each is done once)."""
    css = WHITESPACE_RE.sub(" ", CSS_COMMENT_RE.sub("", css))
    css = AROUND_PUNCTUATION_RE.sub(lambda m: m.group(1), css)  # keeps "100%;}": "%}" would look like template syntax
    return CLOSING_BRACES_RE.sub("} ", css).strip()  # and "} }" at the end of a media query, for the same reason


SINGLE_QUOTED_STYLE_RE = lazy_compile(r"style='([^']*)'")
BODY_MARK = "course-body-5f3a"  # the wrapper premailer is given, found again in its output


def inline_body_css(fragment: str, css: str) -> str:
    """Write `css` into the style="" of the fragment's elements with premailer, configured never to fetch,
    strip or rewrite anything; the fragment is wrapped in <div class="lesson-body"> for the rules' selectors."""
    return _body_inside(_inlined(f"<body>{_wrapped(fragment)}</body>", css))


def _wrapped(fragment: str) -> str:
    """A lesson's HTML in the wrapper the body CSS's selectors name, found again in premailer's output."""
    return f'<div class="lesson-body" id="{BODY_MARK}">{fragment}</div>'


BATCH_MARK = "<!--course-body-5f3a-->"  # between the lessons of a batch (nh3 leaves no comment in a lesson)
BATCH_SIZE = 25  # lessons a premailer run: enough to spread its fixed cost, small enough to stay in the cache


def inline_bodies_css(fragments: list[str], css: str) -> list[str]:
    """`inline_body_css` of each fragment, byte for byte, with premailer run once per 25 lessons: its fixed cost
    (parsing, the head, the stylesheet) and each rule's query over the lessons once, not once a lesson. Each
    lesson is in a wrapper of its own, as alone; a stylesheet with a rule that could tell the wrappers apart (a
    sibling combinator, or a pseudo-class that is not on a named element other than a div) is done one by one."""
    if len(fragments) < 2 or not _wrapper_blind(css):
        return [inline_body_css(fragment, css) for fragment in fragments]
    done: list[str] = []
    for start in range(0, len(fragments), BATCH_SIZE):
        wrapped = BATCH_MARK.join(map(_wrapped, fragments[start : start + BATCH_SIZE]))
        inlined = _inlined(f"<body>{wrapped}</body>", css)
        body = inlined[inlined.index("<body>") + len("<body>") : inlined.rindex("</body>")]
        done += [_body_inside(piece) for piece in body.split(BATCH_MARK)]
    return done


def _inlined(body: str, css: str) -> str:
    """premailer's document of `body` with `css` written into its elements' style="" (the rules that cannot match
    in it left out)."""
    inliner = _premailer_class()(
        f"<html><head><style>{css}</style></head>{body}</html>",
        allow_network=False,
        strip_important=False,
        keep_style_tags=False,
        disable_validation=True,
        disable_link_rewrites=True,
        cssutils_logging_level=logging.CRITICAL,
        disable_basic_attributes=list(BASIC_ATTRIBUTES),
    )
    inliner.document = f"<html><head><style></style></head>{body}</html>"  # what the rules can match: not the CSS
    return str(inliner.transform(pretty_print=False))


def _body_inside(document: str) -> str:
    """What premailer's output holds inside the (first) lesson wrapper."""
    start = document.index(">", document.index(f'id="{BODY_MARK}"')) + 1
    end = document.rindex("</div>")
    # lxml writes style='…"Courier New"…' when a value holds double quotes, and mjml-python would turn that into
    # style="…\"Courier New\"…", which ends the attribute early: single quotes inside, double outside
    return SINGLE_QUOTED_STYLE_RE.sub(lambda m: f'style="{m.group(1).replace(chr(34), chr(39))}"', document[start:end])


@lru_cache(maxsize=8)
def _wrapper_blind(css: str) -> bool:
    """Whether no rule of the stylesheet premailer inlines could match a lesson's wrapper in a batch otherwise than
    alone: no "+" or "~", and every compound with a pseudo-class (the only ones premailer inlines: :first-child,
    :last-child, :nth-child) names an element that is not the wrapper's (a div)."""
    rules, _ = _premailer_class()("", cssutils_logging_level=logging.CRITICAL).all_rules(css)
    for _, selector, _ in rules:
        if "+" in selector or "~" in selector:
            return False
        for compound in COMBINATOR_RE.split(selector):
            name = ELEMENT_NAME_RE.match(compound)
            if ":" in compound and (not name or name.group(0).lower() in ("div", "body", "html")):
                return False
    return True


COMBINATOR_RE = lazy_compile(r"\s*>\s*|\s+")
ELEMENT_NAME_RE = lazy_compile(r"[A-Za-z][\w-]*")
