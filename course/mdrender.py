"""Lesson Markdown to sanitised HTML for the email body, and to plain text for the text twin."""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin

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
    "td": {"align"},
    "th": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
TEXT_WIDTH = 72


@cache
def markdown_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True, "typographer": False}).use(footnote_plugin).enable("table")
    parser.add_render_rule("heading_open", _shifted_heading)
    parser.add_render_rule("heading_close", _shifted_heading)
    return parser


def _shifted_heading(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    """Render a heading `env["heading_shift"]` levels deeper (h2 at least), without changing the tokens."""
    token = tokens[idx]
    level = (
        max(2, min(6, int(token.tag[1]) + env.get("heading_shift", 0)))
        if env.get("heading_shift")
        else int(token.tag[1])
    )
    return f"<h{level}>" if token.nesting == 1 else f"</h{level}>\n"


@lru_cache(maxsize=256)
def parsed(markdown: str) -> tuple[Token, ...]:
    """The token stream of a lesson body, parsed once for its HTML, its text twin and its word count.
    Callers must not change the tokens."""
    return tuple(markdown_parser().parse(markdown))


def render_html(markdown: str, rewrite_url: Callable[[str], str] | None = None, image_width: int = 536) -> str:
    """Markdown to email-ready HTML: raw HTML sanitised (nh3), headings starting at h2 (the lesson title is the
    h1), images capped at the content width, and every link and image URL passed through rewrite_url."""
    parser = markdown_parser()
    tokens = parsed(markdown)
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    raw = parser.renderer.render(list(tokens), parser.options, {"heading_shift": 2 - min(levels) if levels else 0})
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
    cleaned = re.sub(r"<img\b[^>]*>", lambda m: _cap_image(m.group(0), image_width), cleaned)
    # The first element needs no space above it: a class, because premailer inlines it into a style.
    return re.sub(r"^\s*<(\w+)", r'<\1 class="first"', cleaned, count=1)


def _cap_image(tag: str, limit: int) -> str:
    """Give an image a width Outlook obeys (it ignores max-width), never wider than the content column."""
    if not re.search(r"\salt=", tag):
        tag = tag.replace("<img", '<img alt=""', 1)  # no description given: decorative for screen readers
    match = re.search(r'\swidth="(\d+)"', tag)
    if match and int(match.group(1)) <= limit:
        return tag
    tag = re.sub(r'\s(width|height)="[^"]*"', "", tag)
    return tag.replace("<img", f'<img width="{limit}"', 1)


def render_text(markdown: str, width: int = TEXT_WIDTH) -> str:
    """Markdown to readable plain text: links as `text (url)`, lists with markers, no Markdown syntax left."""
    root = SyntaxTreeNode(list(parsed(markdown)))
    parts = [_block_text(node, width) for node in root.children]
    return _join_blocks(parts)


def markdown_words_text(markdown: str) -> str:
    """The words a reader sees in rendered Markdown, without link targets (for counting and comparing)."""
    root = SyntaxTreeNode(list(parsed(markdown)))
    return _join_blocks([_block_text(node, 0, with_urls=False) for node in root.children])


def _join_blocks(parts: list[str]) -> str:
    return "\n\n".join(part for part in parts if part.strip()).strip() + "\n"


def _wrap(text: str, width: int, prefix: str = "", subsequent: str | None = None) -> str:
    lines = []
    for paragraph_line in text.split("\n"):
        if width <= 0:
            lines.append(prefix + paragraph_line)
            continue
        wrapped = textwrap.wrap(
            paragraph_line,
            width=width,
            initial_indent=prefix,
            subsequent_indent=subsequent if subsequent is not None else prefix,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines.extend(wrapped or [prefix.rstrip()])
        prefix = subsequent if subsequent is not None else prefix
    return "\n".join(lines)


def _block_text(node: SyntaxTreeNode, width: int, with_urls: bool = True) -> str:
    kind = node.type
    if kind == "heading":
        text = _inline_text(node, with_urls)
        underline = {"h1": "=", "h2": "-"}.get(node.tag)
        return f"{text}\n{underline * min(len(text), width)}" if underline and width else text
    if kind == "paragraph":
        return _wrap(_inline_text(node, with_urls), width)
    if kind in ("bullet_list", "ordered_list"):
        return _list_text(node, width, with_urls)
    if kind == "blockquote":
        inner = _join_blocks([_block_text(child, max(width - 2, 0), with_urls) for child in node.children]).rstrip()
        return "\n".join(("> " + line).rstrip() for line in inner.split("\n"))
    if kind in ("fence", "code_block"):
        return "\n".join("    " + line for line in node.content.rstrip("\n").split("\n"))
    if kind == "hr":
        return "-" * 20 if width else ""
    if kind == "html_block":
        return _wrap(_html_to_text(node.content), width)
    if kind == "table":
        rows = []
        for row in _descendants(node, "tr"):
            rows.append(" | ".join(_inline_text(cell, with_urls) for cell in row.children))
        return "\n".join(rows)
    if kind == "footnote_block":
        notes = []
        for index, note in enumerate(node.children, start=1):
            body = " ".join(
                _block_text(child, 0, with_urls) for child in note.children if child.type != "footnote_anchor"
            )
            notes.append(_wrap(f"[{index}] {body.strip()}", width, subsequent="    "))
        return "\n".join(notes)
    return _join_blocks([_block_text(child, width, with_urls) for child in node.children]).rstrip()


def _descendants(node: SyntaxTreeNode, kind: str) -> list[SyntaxTreeNode]:
    found = []
    for child in node.children:
        if child.type == kind:
            found.append(child)
        found.extend(_descendants(child, kind))
    return found


def _list_text(node: SyntaxTreeNode, width: int, with_urls: bool) -> str:
    start = int(node.attrs.get("start", 1)) if node.type == "ordered_list" else 1
    items = []
    for offset, item in enumerate(node.children):
        marker = f"{start + offset}. " if node.type == "ordered_list" else "- "
        body = _join_blocks(
            [_block_text(child, max(width - len(marker), 0), with_urls) for child in item.children]
        ).rstrip()
        lines = body.split("\n")
        indent = " " * len(marker)
        items.append("\n".join([marker + lines[0]] + [(indent + line).rstrip() for line in lines[1:]]))
    return "\n".join(items)


def _inline_text(node: SyntaxTreeNode, with_urls: bool) -> str:
    out: list[str] = []
    for child in node.children:
        kind = child.type
        if kind == "inline":
            out.append(_inline_text(child, with_urls))
        elif kind == "text" or kind == "code_inline":
            out.append(child.content)
        elif kind in ("softbreak",):
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "link":
            text = _inline_text(child, with_urls)
            href = str(child.attrs.get("href", ""))
            out.append(_link_text(text, href) if with_urls else text)
        elif kind == "image":
            alt = _inline_text(child, False) or str(child.attrs.get("alt", ""))
            if with_urls:
                out.append(f"[{alt or 'image'}] ({child.attrs.get('src', '')})")
        elif kind == "footnote_ref":
            out.append(f"[{int(child.meta.get('id', 0)) + 1}]")
        elif kind == "html_inline":
            continue
        else:
            out.append(_inline_text(child, with_urls))
    return "".join(out).strip() if node.type != "inline" else "".join(out)


def _link_text(text: str, href: str) -> str:
    target = href[len("mailto:") :] if href.startswith("mailto:") else href
    if not href or text.strip() in (href, target):
        return text or href
    return f"{text} ({target})"


def _html_to_text(fragment: str) -> str:
    return html.unescape(nh3.clean(fragment, tags=set())).strip()
