"""Lesson Markdown to sanitised HTML for the email body (its plain text comes from course/text.py)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from functools import cache
from types import MethodType
from typing import TYPE_CHECKING, Any

from ..lazyre import lazy_compile
from ..text import ALERT_KINDS, alert_label, markdown_parser, parsed

if TYPE_CHECKING:
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "li", "ol", "p", "pre", "s", "section", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "u", "ul", "mark", "small", "figure", "figcaption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"id", "class"},
    "section": {"class"},
    "p": {"class"},
    "pre": {"class"},
    "td": {"align"},
    "th": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Code and tables keep their lines and words on a phone: they scroll sideways inside a box that never widens the
# email. A fixed-layout table holds the box at the column's width (a table cell would grow to fit its content;
# Outlook, which has no scrolling, lays the email out at its full width anyway).
WIDE_RE = lazy_compile(r"(?s)<pre\b[^>]*>.*?</pre>|<table>.*?</table>")
# what a notebook's code printed (a fence of "output", as the notebook reader writes it): a box of its own kind
OUTPUT_RE = lazy_compile(r'<pre><code class="language-output">')
SCROLL_BOX = (
    '<table class="scroll-box" role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>'
    '<td class="scroll-cell"><div class="scroll">{}</div></td></tr></table>'
)


@cache
def _renderer() -> RendererHTML:
    """The HTML renderer of the shared parser's tokens, with headings shifted (see _shifted_heading)."""
    from markdown_it.renderer import RendererHTML  # loaded with the parser (text.py), not at start-up

    renderer = RendererHTML()
    shared = markdown_parser().renderer
    assert isinstance(shared, RendererHTML)
    renderer.rules.update(shared.rules)  # the footnote plugin's rules among them
    renderer.rules["heading_open"] = renderer.rules["heading_close"] = MethodType(_shifted_heading, renderer)
    return renderer


def _shifted_heading(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    """Render a heading `env["heading_shift"]` levels deeper (h2 at least), without changing the tokens."""
    token = tokens[idx]
    level = (
        max(2, min(6, int(token.tag[1]) + env.get("heading_shift", 0)))
        if env.get("heading_shift")
        else int(token.tag[1])
    )
    return f"<h{level}>" if token.nesting == 1 else f"</h{level}>\n"


def render_html(markdown: str, rewrite_url: Callable[[str], str] | None = None, image_width: int = 536) -> str:
    """Markdown to email-ready HTML: raw HTML sanitised (nh3), headings starting at h2 (the lesson title is the
    h1), images capped at the content width, and every link and image URL passed through rewrite_url."""
    import nh3  # here, not at the top: only rendering needs it

    tokens = parsed(markdown)
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    shift = {"heading_shift": 2 - min(levels) if levels else 0}
    raw = _renderer().render(list(tokens), markdown_parser().options, shift)
    raw = SUMMARY_RE.sub(r"<p><strong>\1</strong></p>", raw)  # no email client opens a <details>: all is shown
    raw = OUTPUT_RE.sub('<pre class="output"><code>', raw)
    cleaned = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    if rewrite_url is not None:
        cleaned = re.sub(
            r'(<(?:a|img)\b[^>]*?\s(?:href|src)=")([^"]*)(")',
            lambda m: m.group(1) + html.escape(rewrite_url(html.unescape(m.group(2)))) + m.group(3),
            cleaned,
        )
    cleaned = ALERT_HTML_RE.sub(lambda m: f"{m.group(1)}<strong>{alert_label(m.group(2))}</strong> ", cleaned)
    cleaned = TASK_RE.sub(lambda m: m.group(1) + ("☐ " if m.group(2) == " " else "☑ "), cleaned)
    cleaned = re.sub(r"<img\b[^>]*>", lambda m: _cap_image(m.group(0), image_width), cleaned)
    cleaned = WIDE_RE.sub(lambda m: SCROLL_BOX.format(m.group(0)), cleaned)
    # The first element needs no space above it: a class, because premailer inlines it into a style.
    return FIRST_TAG_RE.sub(_first, cleaned, count=1)


SUMMARY_RE = lazy_compile(r"(?s)<summary\b[^>]*>(.*?)</summary>")
ALERT_HTML_RE = lazy_compile(rf"(<blockquote>\s*<p>)\[!({ALERT_KINDS})\]\s*")
TASK_RE = lazy_compile(r"(<li>\s*(?:<p>)?)\[([ xX])\]\s")  # "- [x] done": a task list's boxes
FIRST_TAG_RE = lazy_compile(r"^\s*<(\w+)([^>]*)>")
CLASS_ATTRIBUTE_RE = lazy_compile(r'\sclass="([^"]*)"')


def _first(match: re.Match[str]) -> str:
    """The first element with the class "first" added to the ones it has (a table or code box at the top of a
    lesson keeps its class="scroll-box": a second class attribute would be ignored)."""
    tag, attributes = match.group(1), match.group(2)
    if CLASS_ATTRIBUTE_RE.search(attributes):
        attributes = CLASS_ATTRIBUTE_RE.sub(lambda m: f' class="{m.group(1)} first"', attributes, count=1)
        return f"<{tag}{attributes}>"
    return f'<{tag} class="first"{attributes}>'


def _cap_image(tag: str, limit: int) -> str:
    """Give an image a width Outlook obeys (it ignores max-width), never wider than the content column."""
    if not re.search(r"\salt=", tag):
        tag = tag.replace("<img", '<img alt=""', 1)  # no description given: decorative for screen readers
    match = re.search(r'\swidth="(\d+)"', tag)
    if match and int(match.group(1)) <= limit:
        return tag
    tag = re.sub(r'\s(width|height)="[^"]*"', "", tag)
    return tag.replace("<img", f'<img width="{limit}"', 1)
