"""Merge fields: neutral placeholders through the whole pipeline, a provider's syntax only at the very end.

Templates write `{{ merge.first_name }}`; the render carries `@@COURSE_FIRST_NAME@@`, which no stage
(Jinja, Markdown, MJML, premailer) alters. A dialect replaces each placeholder as the last string operation
on the final HTML and text, so one render per lesson serves every provider. A field a dialect does not
have (a view-online link, say) removes the part of the email that the template marked as optional.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

FIELDS = ("first_name", "email", "unsubscribe_url", "view_online_url", "preferences_url")
PLACEHOLDER_RE = re.compile(r"@@COURSE_[A-Z_]+@@")
OPTIONAL_HTML_RE = re.compile(r"<!--course:if (\w+)-->(.*?)<!--course:endif \1-->", re.DOTALL)
OPTIONAL_TEXT_RE = re.compile(r"\x02course:if (\w+)\x03(.*?)\x02course:endif \1\x03", re.DOTALL)


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


@dataclass(frozen=True)
class Dialect:
    """How one audience sees the merge fields: sample values (preview) or a provider's tags.

    `values` maps field -> text to insert; a field missing from it is not supported. `escape` is True when
    the values are plain text to be HTML-escaped in the HTML part (sample values), False for provider tags,
    which must appear byte-exact.
    """

    name: str
    values: dict[str, str] = field(default_factory=dict)
    escape: bool = True

    def apply_html(self, document: str) -> str:
        document = OPTIONAL_HTML_RE.sub(lambda m: m.group(2) if m.group(1) in self.values else "", document)
        return self._substitute(document, html_part=True)

    def apply_text(self, text: str) -> str:
        text = OPTIONAL_TEXT_RE.sub(lambda m: m.group(2) if m.group(1) in self.values else "", text)
        text = re.sub(r"\n{3,}", "\n\n", text)
        return self._substitute(text, html_part=False)

    def _substitute(self, document: str, html_part: bool) -> str:
        def value(match: re.Match[str]) -> str:
            name = match.group(0)[len("@@COURSE_") : -2].lower()
            if name not in self.values:
                raise KeyError(name)
            raw = self.values[name]
            return html.escape(raw, quote=True) if html_part and self.escape else raw

        return PLACEHOLDER_RE.sub(value, document)


def preview_dialect(preview: dict[str, str], view_online_url: str | None = None) -> Dialect:
    """Sample values for the local build and the preview server; course.toml [preview] overrides them."""
    values = {
        "first_name": "Sam",
        "email": "sam@example.com",
        "unsubscribe_url": "https://example.com/unsubscribe",
    }
    if view_online_url:
        values["view_online_url"] = view_online_url
    values.update({k: v for k, v in preview.items() if k in FIELDS})
    return Dialect("preview", values, escape=True)
