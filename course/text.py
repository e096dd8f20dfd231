"""Words and plain text: word counts, reading time, sentences, and the text a reader sees in Markdown or HTML.

Every count in the tool comes from here (the split table, sequence.json, the email's "N min read", the preview
and `course check`), and so does the one Markdown parser every stage shares, so that a lesson means the same
thing to the reader, the planner, the renderer and the checks.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .lazyre import lazy_compile

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

WORD_RE = lazy_compile(r"[^\W_](?:[\w'’‑-]*[^\W_])?", re.UNICODE)
WORDS_PER_MINUTE = 230
FULL_STOPS = (".", "!", "?", "…", "。", "！", "？")  # what ends a sentence, in the languages course reads
TEXT_WIDTH = 72
# a web page's hints to a browser, never seen: a soft hyphen (&shy;), zero-width spaces and joiners of words, a BOM
INVISIBLE_RE = lazy_compile("[\u00ad\u200b\u2060\ufeff]")


def visible(text: str) -> str:
    """Text without the characters nobody sees: what a subject line, a title or a preheader holds (in a lesson's
    body a soft hyphen stays, where it lets a long word break on a phone)."""
    return INVISIBLE_RE.sub("", text)


# Chinese and Japanese are written without spaces: each character of Han, kana or their compatibility forms
# counts as half a word (a reader takes about 500 of them a minute, as many as 230 English words would take).
CJK_RE = lazy_compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def count_words(text: str) -> int:
    """Words as a reader counts them; in Chinese and Japanese, two characters make a word."""
    characters = len(CJK_RE.findall(text))
    if not characters:
        return len(WORD_RE.findall(text))
    return len(WORD_RE.findall(CJK_RE.sub(" ", text))) + (characters + 1) // 2


def display_width(text: str) -> int:
    """Columns the text takes in a monospaced font: a Chinese or Japanese character (or an emoji) takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def phrase_words(text: str) -> int:
    """How many words a title or a subject has: separated by spaces, or in Chinese and Japanese two characters
    a word ("三つの質問" is three)."""
    return count_words(text) if CJK_RE.search(text) else len(text.split())


def words_of(text: str) -> list[str]:
    return WORD_RE.findall(text)


def reading_minutes(words: int) -> int:
    """Minutes an average reader needs, at least one (shown in the split table, the emails and the preview)."""
    return max(1, round(words / WORDS_PER_MINUTE))


# --- HTML ----------------------------------------------------------------------------------------------------

HEAD_RE = lazy_compile(r"(?is)<(head|title)\b.*?</\1\s*>")
BLOCK_TAG_RE = lazy_compile(
    r"(?i)</?(p|div|br|hr|h[1-6]|li|ul|ol|tr|td|th|table|tbody|thead|blockquote|pre|section|article|figure|"
    r"figcaption|body|center|dd|dt|dl)\b[^>]*>"
)


LIST_ITEM_TAG_RE = lazy_compile(r"(?i)<li\b[^>]*>")


def html_text(fragment: str) -> str:
    """The words a reader sees in an HTML fragment or page: no tags, comments, head, scripts or styles;
    block elements separate words, inline ones do not; entities decoded."""
    import nh3  # here and in the Markdown functions below, not at the top: `course --help` needs none of them

    spaced = BLOCK_TAG_RE.sub(r" \g<0>", HEAD_RE.sub(" ", fragment))
    return html.unescape(nh3.clean(spaced, tags=set())).strip()


# --- Markdown ------------------------------------------------------------------------------------------------


@cache
def markdown_parser() -> MarkdownIt:
    """The one Markdown dialect of articles and lessons: CommonMark with raw HTML, tables, footnotes and, as GitHub
    does, an address written out with its scheme as a link ("see https://…"; not "example.com")."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark", {"html": True, "typographer": False, "linkify": True})
    parser.use(footnote_plugin).enable(["table", "linkify"])
    # the inline rule links "https://…" where the parser meets its "://"; the core rule would search every
    # paragraph again for addresses without a scheme and for e-mail addresses (a third of the parse's time)
    parser.core.ruler.disable("linkify")
    parser.normalizeLink = _normalized_link  # type: ignore[method-assign]
    return parser


# a web address markdown-it-py's normalizeLink gives back as it is: a lower-case ASCII host (punycode changes
# nothing) and only characters its percent-encoding keeps (no "%", no space, nothing outside ASCII)
PLAIN_LINK_RE = lazy_compile(r"https?://[a-z0-9.-]+(?::[0-9]+)?(?:[/?#][A-Za-z0-9\-._~!$&'()*+,;=:@/?#]*)?\Z")


def _normalized_link(url: str) -> str:
    """markdown-it-py's normalizeLink (parse, punycode the host, format, percent-encode: a tenth of a lesson's
    parse), skipped for a plain web address, which it returns unchanged."""
    if PLAIN_LINK_RE.match(url):
        return url
    from markdown_it.common.normalize_url import normalizeLink

    return normalizeLink(url)


@lru_cache(maxsize=256)
def parsed(markdown: str) -> tuple[Token, ...]:
    """The token stream of a lesson body, parsed once for its HTML, its text twin and its word count.
    Callers must not change the tokens."""
    return tuple(markdown_parser().parse(markdown))


class Node:
    """One node of a lesson's syntax tree: a token without nesting, or an opening and closing pair and what they
    hold, with the fields of its (opening) token. markdown-it-py's SyntaxTreeNode makes the same tree with a
    parent, properties and a copy of the token list at every level; this one is five times quicker to build,
    which a 1,000-lesson build notices."""

    __slots__ = ("attrs", "children", "content", "hidden", "meta", "tag", "type")

    def __init__(self, kind: str, token: Token | None = None) -> None:
        self.type = kind
        self.children: list[Node] = []
        if token is None:
            self.tag, self.attrs, self.content, self.meta, self.hidden = "", {}, "", {}, False
        else:
            self.tag, self.attrs, self.content = token.tag, token.attrs, token.content
            self.meta, self.hidden = token.meta, token.hidden

    def walk(self) -> Iterator[Node]:
        """This node and every node under it, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def _nodes(tokens: Sequence[Token], parent: Node) -> Node:
    """Hang the token stream under `parent`: an opening token starts a node that takes what follows up to its
    closing token; a token's own children (an inline run's, an image's alt text) go under its node."""
    stack = [parent]
    for token in tokens:
        if token.nesting == -1:
            stack.pop()
            continue
        node = Node(token.type.removesuffix("_open") if token.nesting == 1 else token.type, token)
        stack[-1].children.append(node)
        if token.nesting == 1:
            stack.append(node)
        elif token.children:
            _nodes(token.children, node)
    return parent


@lru_cache(maxsize=256)
def syntax_tree(markdown: str) -> Node:
    """The tokens as a tree, built once for the text twin and the word count. Callers must not change it."""
    return _nodes(parsed(markdown), Node("root"))


def markdown_text(markdown: str, width: int = TEXT_WIDTH) -> str:
    """Markdown to readable plain text: links as `text (url)`, lists with markers, no Markdown syntax left."""
    return _join_blocks([_block_text(node, width) for node in syntax_tree(markdown).children])


def last_paragraphs(markdown: str, blocks: int) -> list[str]:
    """The plain text of the last `blocks` top-level blocks of rendered Markdown, paragraph by paragraph."""
    text = _join_blocks([_block_text(node, 0) for node in syntax_tree(markdown).children[-blocks:]])
    return [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]


def first_paragraph(markdown: str) -> str:
    """The plain text of a lesson's first block when it is a paragraph (a letter's "Dear Maya,"), else ""."""
    children = syntax_tree(markdown).children
    return _inline_text(children[0], True).strip() if children and children[0].type == "paragraph" else ""


def markdown_words_text(markdown: str) -> str:
    """The words a reader sees in rendered Markdown, without link targets (for counting and comparing)."""
    return _join_blocks([_block_text(node, 0, with_urls=False) for node in syntax_tree(markdown).children])


def markdown_words(markdown: str) -> int:
    """The number of words a reader reads in rendered Markdown: the one word count of a lesson (its size, its
    reading time), where a line of code counts as one word (a listing is studied a line at a time, not read as
    prose: an 80-line listing is not 400 words of reading)."""
    words = count_words(markdown_words_text(markdown))
    if "```" in markdown or "~~~" in markdown or "\n    " in markdown or markdown.startswith("    "):
        for node in syntax_tree(markdown).walk():
            if node.type in ("fence", "code_block"):
                words += code_lines(node.content) - count_words(node.content)
    return words


def code_lines(code: str) -> int:
    """What a code listing weighs in a lesson's word count: its lines with anything on them."""
    return sum(1 for line in code.split("\n") if line.strip())


def _join_blocks(parts: list[str]) -> str:
    return "\n\n".join(part for part in parts if part.strip()).strip() + "\n"


def wrap_words(line: str, width: int, initial: str, subsequent: str) -> list[str]:
    """textwrap.wrap(line, width, initial_indent=initial, subsequent_indent=subsequent, break_long_words=False,
    break_on_hyphens=False), line for line, done here for words one space apart (a third of textwrap's time,
    which a 1,000-lesson build notices); a line with other spacing goes to textwrap itself."""
    if "  " in line or line[:1] == " " or line[-1:] == " " or any(c in line for c in "\t\n\x0b\x0c\r"):
        return textwrap.wrap(line, width=width, initial_indent=initial, subsequent_indent=subsequent,
                             break_long_words=False, break_on_hyphens=False)  # fmt: skip
    lines: list[str] = []
    words = line.split(" ") if line else []
    start, count = 0, len(words)
    while start < count:
        indent = subsequent if lines else initial
        room = width - len(indent)
        end, used = start, -1  # the words start…end-1 fit, with the spaces between them
        while end < count and used + 1 + len(words[end]) <= room:
            used += 1 + len(words[end])
            end += 1
        if end == start:  # a word longer than the line has a line to itself
            end += 1
        lines.append(indent + " ".join(words[start:end]))
        start = end
    return lines


def _wrap(text: str, width: int, prefix: str = "", subsequent: str | None = None) -> str:
    lines = []
    for paragraph_line in text.split("\n"):
        if width <= 0:
            lines.append(prefix + paragraph_line)
            continue
        wrapped = wrap_words(paragraph_line, width, prefix, subsequent if subsequent is not None else prefix)
        lines.extend(wrapped or [prefix.rstrip()])
        prefix = subsequent if subsequent is not None else prefix
    return "\n".join(lines)


def _block_text(node: Node, width: int, with_urls: bool = True) -> str:
    kind = node.type
    if kind == "heading":
        text = _inline_text(node, with_urls)
        underline = {"h1": "=", "h2": "-"}.get(node.tag)
        return f"{text}\n{underline * min(display_width(text), width)}" if underline and width else text
    if kind == "paragraph":
        return _wrap(_inline_text(node, with_urls), width)
    if kind in ("bullet_list", "ordered_list"):
        return _list_text(node, width, with_urls)
    if kind == "blockquote":
        inner = _join_blocks([_block_text(child, max(width - 2, 0), with_urls) for child in node.children]).rstrip()
        inner = ALERT_RE.sub(lambda m: alert_label(m.group(1)), inner, count=1)  # "> [!TIP]" -> "> Tip:"
        return "\n".join(("> " + line).rstrip() for line in inner.split("\n"))
    if kind in ("fence", "code_block"):
        return "\n".join("    " + line for line in node.content.rstrip("\n").split("\n"))
    if kind == "hr":
        return "-" * 20 if width else ""
    if kind == "html_block":  # its lines as a reader sees them: the source's indentation gone, an item a line
        shown = html_text(LIST_ITEM_TAG_RE.sub(lambda m: m.group(0) + "- ", node.content))
        lines = [" ".join(line.split()) for line in shown.split("\n")]
        return _wrap(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n"), width)
    if kind == "table":
        return _table_text(node, width, with_urls)
    if kind == "footnote_block":
        notes = []
        for index, note in enumerate(node.children, start=1):
            body = " ".join(
                _block_text(child, 0, with_urls) for child in note.children if child.type != "footnote_anchor"
            )
            notes.append(_wrap(f"[{index}] {body.strip()}", width, subsequent="    "))
        return "\n".join(notes)
    return _join_blocks([_block_text(child, width, with_urls) for child in node.children]).rstrip()


def _table_text(node: Node, width: int, with_urls: bool) -> str:
    """A table as rows of cells between " | "; lined up in columns under a rule below the header when it fits in
    the width (as a person types a table in a plain-text email), else one row a line as it comes."""
    cells = [list(row.children) for row in _descendants(node, "tr")]
    rows = [[" ".join(_inline_text(cell, with_urls).split()) for cell in row] for row in cells]
    columns = max((len(row) for row in rows), default=0)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    widths = [max(display_width(row[column]) for row in rows) for column in range(columns)]
    if not rows or not width or sum(widths) + 3 * (columns - 1) > width:
        return "\n".join(" | ".join(row).rstrip(" |") for row in rows)
    right = [
        any("right" in str(row[i].attrs.get("style", "")) for row in cells if i < len(row)) for i in range(columns)
    ]

    def padded(cell: str, column: int) -> str:
        room = " " * (widths[column] - display_width(cell))
        return room + cell if right[column] else cell + room  # a column aligned right (|--:|) stays so

    lines = [" | ".join(padded(cell, i) for i, cell in enumerate(row)).rstrip() for row in rows]
    if any(child.type == "thead" for child in node.children):
        lines.insert(1, "-+-".join("-" * size for size in widths))
    return "\n".join(lines)


ITEM_NUMBER_RE = lazy_compile(r"^\s*(\d{1,3}[.):]\s*|[IVXLC]{1,6}[.)]\s+)")  # "4. …", "IV. …": an item's number
ALERT_KINDS = "NOTE|TIP|IMPORTANT|WARNING|CAUTION"  # GitHub's alerts: "> [!TIP]"
ALERT_RE = lazy_compile(rf"^\[!({ALERT_KINDS})\]")


# A fence in one of these languages is a diagram's source, which a site draws (GitHub, GitLab, MkDocs, Docusaurus)
# and no email client does: the email shows its source, and course says so (split, `course check`)
DIAGRAM_LANGUAGES = {
    "mermaid": "Mermaid", "mmd": "Mermaid", "plantuml": "PlantUML", "puml": "PlantUML", "graphviz": "Graphviz",
    "dot": "Graphviz", "d2": "D2", "nomnoml": "nomnoml", "wavedrom": "WaveDrom", "vega-lite": "Vega-Lite",
    "flowchart": "flowchart.js", "geojson": "GeoJSON map", "topojson": "TopoJSON map", "stl": "3D model",
}  # fmt: skip


def diagram_kind(info: str) -> str | None:
    """The kind of diagram a fence's info string names ("mermaid", "{mermaid}"), if it names one."""
    return DIAGRAM_LANGUAGES.get(info.strip().strip("{}").split(" ")[0].lower()) if info.strip() else None


def diagram_kinds(markdown: str) -> list[str]:
    """The kinds of diagram whose source a lesson's Markdown shows ("Mermaid"), once each, in order."""
    if "```" not in markdown and "~~~" not in markdown:
        return []  # no fence, so no diagram: and a split of prose never loads the Markdown parser for this
    kinds = (diagram_kind(token.info) for token in parsed(markdown) if token.type == "fence")
    return list(dict.fromkeys(kind for kind in kinds if kind))


def alert_label(kind: str) -> str:
    """GitHub's alert marker ("[!TIP]") as the label GitHub shows (in English, as GitHub does): "Tip:"."""
    return kind.capitalize() + ":"


def _descendants(node: Node, kind: str) -> list[Node]:
    found = []
    for child in node.children:
        if child.type == kind:
            found.append(child)
        found.extend(_descendants(child, kind))
    return found


def _list_text(node: Node, width: int, with_urls: bool) -> str:
    start = int(node.attrs.get("start", 1)) if node.type == "ordered_list" else 1
    items = []
    for offset, item in enumerate(node.children):
        marker = f"{start + offset}. " if node.type == "ordered_list" else "- "
        parts = [_block_text(child, max(width - len(marker), 0), with_urls) for child in item.children]
        tight = all(child.type != "paragraph" or child.hidden for child in item.children)
        # a tight list's nested list follows its item's line directly, as the author wrote it
        body = ("\n".join(part for part in parts if part.strip()) if tight else _join_blocks(parts)).rstrip()
        lines = body.split("\n")
        indent = " " * len(marker)
        items.append("\n".join([marker + lines[0]] + [(indent + line).rstrip() for line in lines[1:]]))
    return "\n".join(items)


def _inline_text(node: Node, with_urls: bool) -> str:
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
                space = " " if out and out[-1] and not out[-1][-1].isspace() else ""  # pictures side by side
                out.append(f"{space}[{alt or 'image'}] ({child.attrs.get('src', '')})")
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


def fenced(code: str, language: str = "") -> str:
    """Code as a Markdown fence in its language, the fence longer than any run of backticks in the code (a tutorial
    showing a fence keeps it as its code)."""
    longest = max((len(run) for run in re.findall(r"`{3,}", code)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}{language}\n{code}\n{fence}"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """A count with its noun, "1 lesson", "2 lessons", "0 notes" (`many`: an irregular plural)."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"
