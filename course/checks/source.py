"""Checks of a lesson as the author wrote it: links, images, heading order and placeholders, each with its line."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..lazyre import lazy_compile
from ..model import Course, Lesson
from ..project import ASSETS_DIR
from ..text import diagram_kind
from .model import SourceContext, relative
from .registry import Problem, check

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

SCHEME_RE = lazy_compile(r"^[a-z][a-z0-9+.-]*:")
LEFTOVER_RE = lazy_compile(r"\{\{.*?\}\}|\{%.*?%\}|\*\|[A-Z_:]+\|\*|\{[A-Z][A-Z0-9_]+\}|%%\w+%%|\[\[\w+\]\]")
RAW_LINK_RE = lazy_compile(r"<a\b[^>]*?\bhref\s*=\s*(\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
RAW_IMAGE_RE = lazy_compile(r"<img\b[^>]*>", re.I)
LARGE_IMAGE_PX = 1200
LARGE_IMAGE_BYTES = 1_000_000
CODE_LINE_MAX = 60
PHONE_COLUMN_PX, PX_PER_CHARACTER, CELL_PADDING_PX = 311, 9, 21  # a 375 px screen less the email's margins


def permissive_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # here, not at the top: only `course check` needs this second parser
    from mdit_py_plugins.footnote import footnote_plugin

    # footnotes as the renderer reads them: a note's second line, indented under it, is no code block
    parser = MarkdownIt("commonmark", {"html": True}).enable("table").use(footnote_plugin)
    parser.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link the author wrote, even ones the renderer drops
    return parser


def source_context(course: Course, lesson: Lesson) -> SourceContext:
    """The lesson's links, images and headings with their lines, found in one walk over its tokens."""
    ctx = SourceContext(course, lesson, relative(course, lesson.path))
    ctx.tokens = permissive_parser().parse(lesson.body)
    for token in ctx.tokens:
        line = token.map[0] if token.map else None
        if token.type == "heading_open":
            ctx.headings.append((int(token.tag[1]), line or 0))
        breaks = 0  # lines of the block before this child
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                breaks += 1
            if child.type == "text" and line is not None:
                ctx.prose.append((child.content, line + breaks))
            if child.type == "link_open":
                ctx.links.append((str(child.attrs.get("href", "")), line))
            elif child.type == "image":
                alt = "".join(c.content for c in child.children or []) or str(child.attrs.get("alt", ""))
                ctx.images.append((str(child.attrs.get("src", "")), alt, None, line))
            elif child.type == "html_inline":
                _raw_html(ctx, child.content, line)
        if token.type == "html_block":
            _raw_html(ctx, token.content, line)
    return ctx


def _raw_html(ctx: SourceContext, fragment: str, line: int | None) -> None:
    for match in RAW_LINK_RE.finditer(fragment):
        ctx.links.append((match.group(2) or match.group(3) or match.group(4) or "", line))
    for match in RAW_IMAGE_RE.finditer(fragment):
        tag = match.group(0)
        src = re.search(r"\bsrc\s*=\s*[\"']?([^\"'\s>]*)", tag, re.I)
        alt = re.search(r"\balt\s*=\s*(\"([^\"]*)\"|'([^']*)'|([^\s>]+))", tag, re.I)
        width = re.search(r"\bwidth\s*=\s*[\"']?(\d+)", tag, re.I)
        alt_text = (alt.group(2) or alt.group(3) or alt.group(4) or "") if alt else None
        ctx.images.append((src.group(1) if src else "", alt_text, width.group(1) if width else None, line))


def _targets(ctx: SourceContext) -> Iterator[tuple[str, str, int | None]]:
    for href, line in ctx.links:
        target = href.strip()
        yield target, target.lower(), line


# --- links -------------------------------------------------------------------------------------------------------


@check("link.javascript", "error", "a link runs script (javascript:, vbscript:)", "source")
def link_javascript(ctx: SourceContext) -> Iterator[Problem]:
    for target, lowered, line in _targets(ctx):
        if lowered.startswith(("javascript:", "vbscript:")):
            yield Problem(f"a link runs script ({target[:40]}); email clients block it: remove it", ctx.at(line))


@check("link.data", "error", "a link is a data: URL", "source")
def link_data(ctx: SourceContext) -> Iterator[Problem]:
    for _target, lowered, line in _targets(ctx):
        if lowered.startswith("data:"):
            yield Problem("a link is a data: URL; clients block it: link to a web page instead", ctx.at(line))


@check("link.empty", "error", "a link with no target", "source")
def link_empty(ctx: SourceContext) -> Iterator[Problem]:
    for target, _lowered, line in _targets(ctx):
        if not target or target == "#":
            yield Problem("a link has no target: give it the address it should open", ctx.at(line))


@check("link.relative", "error", "a relative link, with no base_url to resolve it", "source")
def link_relative(ctx: SourceContext) -> Iterator[Problem]:
    for target, lowered, line in _targets(ctx):
        if target and target != "#" and not SCHEME_RE.match(lowered):
            yield Problem(
                f"{target} is relative, and an email has no page to be relative to: make it absolute or set "
                "base_url under [course]",
                ctx.at(line),
            )


@check("link.http", "warning", "a link over http: rather than https:", "source")
def link_http(ctx: SourceContext) -> Iterator[Problem]:
    for target, lowered, line in _targets(ctx):
        if lowered.startswith("http://"):
            yield Problem(f"{target} is not https; some clients warn about it: use https://", ctx.at(line))


# --- images ------------------------------------------------------------------------------------------------------


@check("image.alt-missing", "warning", "an image the lesson adds has no alt text", "source")
def image_alt_missing(ctx: SourceContext) -> Iterator[Problem]:
    for src, alt, _width, line in ctx.images:
        if alt is None or not alt.strip():
            yield Problem(
                "an image has no alt text; screen readers and clients that block images show nothing: describe it",
                ctx.at(line, f"<img src={src[:60]}>"),
            )


@check("image.http", "warning", "an image loaded over http:", "source")
def image_http(ctx: SourceContext) -> Iterator[Problem]:
    for src, _alt, _width, line in ctx.images:
        if src.lower().startswith("http://"):
            yield Problem(
                "an image is loaded over http; clients block or warn: use https://",
                ctx.at(line, f"<img src={src[:60]}>"),
            )


@check("image.data", "error", "an image that is a data: or javascript: URL", "source")
def image_data(ctx: SourceContext) -> Iterator[Problem]:
    for src, _alt, _width, line in ctx.images:
        if src.lower().startswith(("javascript:", "data:")):
            yield Problem(
                "an image is a data: or javascript: URL; clients block it: host the image",
                ctx.at(line, f"<img src={src[:60]}>"),
            )


@check("image.large", "warning", f"an image wider than {LARGE_IMAGE_PX:,} px or over 1 MB in assets/", "source")
def image_large(ctx: SourceContext) -> Iterator[Problem]:
    for src, _alt, width, line in ctx.images:
        element = f"<img src={src[:60]}>"
        if width and width.isdigit() and int(width) > LARGE_IMAGE_PX:
            yield Problem(
                f"an image is {width} px wide; scale it to at most {LARGE_IMAGE_PX} px", ctx.at(line, element)
            )
        local = ctx.course.root / ASSETS_DIR / Path(src).name
        if f"{ASSETS_DIR}/" in src and local.is_file() and local.stat().st_size > LARGE_IMAGE_BYTES:
            yield Problem(
                f"{local.name} is {local.stat().st_size / 1_048_576:.1f} MB; readers on phones wait for it: compress "
                "it below 500 KB",
                ctx.at(line, element),
            )


@check(
    "title.repeated",
    "warning",
    "the lesson's first heading repeats its title (the email shows the title already)",
    "source",
)
def title_repeated(ctx: SourceContext) -> Iterator[Problem]:
    first = next((token for token in ctx.tokens if token.type not in ("html_block",)), None)
    if first is None or first.type != "heading_open":
        return
    heading = ctx.tokens[ctx.tokens.index(first) + 1].content
    if _said_alike(re.sub(r"^\s*\d{1,3}[.):]\s*", "", heading), ctx.lesson.title):
        yield Problem(
            "the first heading says the title again, so the email shows it twice: remove the heading (the title is "
            "the email's heading)",
            ctx.at(first.map[0] if first.map else 0),
        )


def _said_alike(a: str, b: str) -> bool:
    def key(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))

    return key(a) == key(b)


# --- on a phone ---------------------------------------------------------------------------------------------


@check(
    "code.wide",
    "warning",
    f"a code line over {CODE_LINE_MAX} characters: phones show about 35 before the reader scrolls",
    "source",
)
def code_wide(ctx: SourceContext) -> Iterator[Problem]:
    """One finding a code block, at its longest line: a tutorial's listings would otherwise bury the report under a
    warning for every line."""
    for token in ctx.tokens:
        if token.type in ("fence", "code_block") and token.map and not diagram_kind(token.info):
            wide = [
                (len(line), offset)
                for offset, line in enumerate(token.content.split("\n"))
                if len(line) > CODE_LINE_MAX
            ]
            if not wide:
                continue
            longest, offset = max(wide, key=lambda pair: (pair[0], -pair[1]))
            if len(wide) == 1:
                said = f"a code line has {longest} characters; on a phone the reader scrolls sideways for all but the "
                said += "first 35 or so: break it into shorter lines"
            else:
                said = f"{len(wide)} lines of this code block have more than {CODE_LINE_MAX} characters (this one "
                said += f"{longest}); on a phone the reader scrolls sideways for all but the first 35 or so: break "
                said += "them into shorter lines"
            yield Problem(
                said,
                ctx.at(token.map[0] + offset + (1 if token.type == "fence" else 0)),
            )


@check(
    "code.diagram",
    "warning",
    "a diagram's source (a Mermaid, PlantUML or Graphviz fence): sites draw it, email clients show the source",
    "source",
)
def code_diagram(ctx: SourceContext) -> Iterator[Problem]:
    for token in ctx.tokens:
        if token.type == "fence" and (kind := diagram_kind(token.info)):
            yield Problem(
                f"a {kind} diagram: no email client draws one, so readers get its source as code; export it as a "
                "picture, put it online and write ![what it shows](https://…) in its place",
                ctx.at(token.map[0] if token.map else None),
            )


@check("table.wide", "warning", "a table wider than a phone's screen even with its cells wrapped", "source")
def table_wide(ctx: SourceContext) -> Iterator[Problem]:
    start: int | None = None
    columns: dict[int, int] = {}
    column = 0
    for index, token in enumerate(ctx.tokens):
        if token.type == "table_open":
            start, columns = token.map[0] if token.map else None, {}
        elif token.type == "tr_open":
            column = 0
        elif token.type in ("th_open", "td_open"):
            words = ctx.tokens[index + 1].content.split() or [""]
            columns[column] = max(columns.get(column, 0), max(len(w) for w in words))
            column += 1
        elif token.type == "table_close":
            width = sum(PX_PER_CHARACTER * chars + CELL_PADDING_PX for chars in columns.values())
            if width > PHONE_COLUMN_PX:
                yield Problem(
                    f"the table needs about {width} px even with every cell wrapped, and a phone has about "
                    f"{PHONE_COLUMN_PX}: readers scroll it sideways; fewer or shorter columns read better",
                    ctx.at(start),
                )


# --- structure and leftovers -------------------------------------------------------------------------------------


@check("headings.order", "warning", "a heading that skips a level (in the lesson or in the email)", "source")
def headings_order(ctx: SourceContext) -> Iterator[Problem]:
    for (previous, _), (level, line) in itertools.pairwise(ctx.headings):
        if level > previous + 1:
            yield Problem(f"an h{level} follows an h{previous}: use one level deeper at a time", ctx.at(line))


@check(
    "text.template-syntax",
    "warning",
    "`{{ … }}`, `{% … %}`, `*|TAG|*` or `{POLL}`-style placeholders in a lesson's prose (code is the author's "
    "own example and is not flagged): readers get them exactly as written",
    "source",
)
def template_syntax_in_prose(ctx: SourceContext) -> Iterator[Problem]:
    for text, line in ctx.prose:
        leftover = LEFTOVER_RE.search(text)
        if leftover:
            yield Problem(
                f"{leftover.group(0)!r} reaches readers exactly as written; if you meant a merge field, it belongs in "
                "the templates ({{ merge.first_name }}), and an example is clearer in `code`",
                ctx.at(line),
            )
