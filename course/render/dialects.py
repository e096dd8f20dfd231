"""Merge fields: neutral placeholders through the whole pipeline, a provider's syntax only at the very end.

Templates write `{{ merge.first_name }}`; the render carries `@@COURSE_FIRST_NAME@@`, which no stage
(Jinja, Markdown, MJML, premailer) alters. A dialect replaces each placeholder as the last string operation
on the final HTML and text, so one render per lesson serves every provider. A field a dialect does not
have (a view-online link, say) removes the part of the email that the template marked as optional.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from markupsafe import Markup

from ..errors import CourseError
from ..lazyre import lazy_compile
from ..model import Lesson, PreviewValues
from .literals import PREFIX as LITERAL
from .literals import protect, render_literal

FIELDS = ("first_name", "email", "unsubscribe_url", "view_online_url", "preferences_url")
PLACEHOLDER_RE = lazy_compile(r"@@COURSE_[A-Z_]+@@")
PLACEHOLDER_NAME_RE = lazy_compile(r"@@COURSE_([A-Z_]+)@@")
OPTIONAL_HTML_RE = lazy_compile(r"<!--course:if (\w+)-->(.*?)<!--course:endif \1-->", re.DOTALL)
OPTIONAL_TEXT_RE = lazy_compile(r"\x02course:if (\w+)\x03(.*?)\x02course:endif \1\x03", re.DOTALL)


def placeholder(name: str) -> str:
    return f"@@COURSE_{name.upper()}@@"


class MergeFields:
    """What templates see as `merge`: each field renders as its opaque placeholder."""

    def __getattr__(self, name: str) -> Markup:
        if name not in FIELDS:
            raise AttributeError(f"unknown merge field {name!r}; the fields are: {', '.join(FIELDS)}")
        return Markup(placeholder(name))


def optional_html(name: str, caller: Callable[[], str]) -> Markup:
    """Jinja `{% call optional("view_online_url") %}`: content dropped by dialects without that field."""
    return Markup(f"<!--course:if {name}-->{caller()}<!--course:endif {name}-->")


def optional_text(name: str, caller: Callable[[], str]) -> str:
    return f"\x02course:if {name}\x03{caller()}\x02course:endif {name}\x03"


class MergeFieldError(CourseError):
    """The templates use a merge field the dialect does not have; `reason` says so without the lesson's path."""

    def __init__(self, lesson: Lesson, field_name: str, dialect: str) -> None:
        self.reason = (
            f"the templates use the merge field {field_name!r}, which {dialect} does not have; remove it from the "
            "template or wrap it in {% call optional(...) %}"
        )
        super().__init__(f"{lesson.path}: {self.reason}")


@dataclass(frozen=True)
class Dialect:
    """How one audience sees the merge fields: sample values (preview) or a provider's tags.

    `values` maps field -> text to insert; a field missing from it is not supported. `escape` is True when
    the values are plain text to be HTML-escaped in the HTML part (sample values), False for provider tags,
    which must appear byte-exact. `literals` is how the author's own template-like text is written back so
    that the provider prints it as written (literals.STYLES).
    """

    name: str
    values: dict[str, str] = field(default_factory=dict)
    escape: bool = True
    own_page: bool = False  # the view-online link is the lesson's own built file (the local build and preview)
    literals: str = "plain"

    def apply(self, lesson: Lesson, html: str, text: str) -> tuple[str, str]:
        """A lesson's final HTML and text in this dialect."""
        dialect = self
        if self.own_page and "view_online_url" not in self.values:
            # the HTML links to its own file beside it; a file name means nothing in the plain text, which keeps
            # its view-online line only for a web address
            dialect = replace(self, values={"view_online_url": lesson.html_file, **self.values})
        try:
            return dialect.apply_html(html), self.apply_text(text)
        except KeyError as exc:
            raise MergeFieldError(lesson, str(exc.args[0]), self.name) from None

    def apply_html(self, document: str) -> str:
        return self._apply(_segments(document, html_part=True), html_part=True)

    def apply_text(self, text: str) -> str:
        applied = re.sub(r"\n{3,}", "\n\n", self._apply(_segments(text, html_part=False), html_part=False))
        return applied.rstrip() + "\n"  # an optional last line left out leaves no blank line behind

    def text(self, value: str) -> str:
        """An author's value sent in a provider's own field (a subject, a preview text), printed as written."""
        return self._apply(_segments(protect(value), html_part=False), html_part=False)

    def in_html(self, name: str) -> str:
        """A field's value exactly as it appears in the HTML part: escaped sample text, or a tag byte for byte."""
        raw = self.values[name]
        return html.escape(raw, quote=True) if self.escape else raw

    def _apply(self, segments: tuple[Segment, ...], html_part: bool) -> str:
        out: list[str] = []
        for kind, value, inner in segments:
            if kind == "text":
                out.append(value)
            elif kind == "field" and value.startswith(LITERAL):
                out.append(render_literal(self.literals, value, html_part))
            elif kind == "field":
                if value not in self.values:
                    raise KeyError(value)
                out.append(self.in_html(value) if html_part else self.values[value])
            elif value in self.values:  # an optional part whose field this dialect has
                out.append(self._apply(inner, html_part))
        return "".join(out)


Segment = tuple[str, str, tuple]  # ("text", chunk, ()), ("field", name, ()) or ("optional", name, inner segments)


@lru_cache(maxsize=512)
def _segments(document: str, html_part: bool) -> tuple[Segment, ...]:
    """The document cut at its placeholders and optional parts, once; every dialect then only joins the pieces."""
    optional = OPTIONAL_HTML_RE if html_part else OPTIONAL_TEXT_RE
    segments: list[Segment] = []
    position = 0
    for match in optional.finditer(document):
        segments += _fields(document[position : match.start()])
        segments.append(("optional", match.group(1), tuple(_fields(match.group(2)))))
        position = match.end()
    segments += _fields(document[position:])
    return tuple(segments)


def _fields(chunk: str) -> list[Segment]:
    parts = PLACEHOLDER_NAME_RE.split(chunk)  # text, field name, text, field name, …, text
    segments: list[Segment] = [("field", part.lower(), ()) if odd else ("text", part, ())
                               for odd, part in zip(itertools.cycle((False, True)), parts) if part]  # fmt: skip
    return segments


def preview_dialect(preview: PreviewValues) -> Dialect:
    """Sample values for the local build, the preview server and test sends; course.toml [preview] overrides them.
    The view-online link of each lesson is its own built file."""
    values = {
        "first_name": "Sam",
        "email": "sam@example.com",
        "unsubscribe_url": "https://example.com/unsubscribe",
    }
    values.update(preview.given())
    return Dialect("preview", values, escape=True, own_page=True)
