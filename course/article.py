"""An article as the splitter sees it: title, author, language and a list of Markdown blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from .errors import CourseError
from .sources import Source

WORD_RE = re.compile(r"[^\W_](?:[\w'’‑-]*[^\W_])?", re.UNICODE)


@dataclass(frozen=True)
class Block:
    """One unit the splitter may not cut: a heading, paragraph, list, quote, image or code block.

    `markdown` is the block's source as it will appear in the lesson file; `text` is its plain words.
    `glue_next` marks a block that introduces the next one (a lead-in ending with a colon).
    """

    kind: str
    markdown: str
    text: str
    level: int = 0
    glue_next: bool = False

    @property
    def words(self) -> int:
        return count_words(self.text)


@dataclass
class Article:
    """The cleaned article: metadata plus body blocks in reading order."""

    title: str
    blocks: list[Block]
    author: str | None = None
    language: str = "en"
    source_name: str = ""
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def words(self) -> int:
        return sum(block.words for block in self.blocks)


WORDS_PER_MINUTE = 230


def reading_minutes(words: int) -> int:
    """Minutes an average reader needs, at least one (shown in the split table, the emails and the preview)."""
    return max(1, round(words / WORDS_PER_MINUTE))


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def words_of(text: str) -> list[str]:
    return WORD_RE.findall(text)


def parse_article(source: Source, base_url: str | None = None) -> Article:
    """Turn a decoded source into an Article, dropping page boilerplate.

    Relative links and images resolve against base_url (or the page's own URL); with neither, a relative
    link keeps its words as plain text and a relative image is left out, since no reader could open them.
    """
    if source.kind == "html":
        from .htmlreader import parse_html

        article = parse_html(source.text, source.name)
    elif source.kind == "markdown":
        from .mdreader import parse_markdown

        article = parse_markdown(source.text, source.name)
    else:
        from .plaintext import parse_plain_text

        article = parse_plain_text(source.text, source.name)
    article.source_name = source.name
    resolved = [_resolve_links(block, base_url or source.url) for block in article.blocks]
    article.blocks = [block for block in resolved if block.markdown.strip()]
    if not any(block.kind != "heading" and block.words for block in article.blocks):
        raise CourseError(
            f"{source.name}: no article text found (only navigation or boilerplate); "
            "give the article's own page or paste its text into a .txt file"
        )
    if not article.title:
        article.title = _title_from_blocks(article.blocks) or "Untitled course"
    if not article.meta.get("language_declared"):
        article.language = detect_language(" ".join(b.text for b in article.blocks))
    return article


LINK_RE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?((?:\s+\"[^\"]*\")?)\s*\)")


def _resolve_links(block: Block, base: str | None) -> Block:
    def fix(match: re.Match[str]) -> str:
        bang, label, url, title = match.groups()
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", url):
            return match.group(0)
        if base and url and not url.startswith("#"):
            return f"{bang}[{label}]({urljoin(base, url)}{title})"
        return "" if bang else label

    markdown = LINK_RE.sub(fix, block.markdown)
    if markdown == block.markdown:
        return block
    if block.kind == "image" and not markdown.strip():
        return Block("image", "", "")
    return Block(block.kind, markdown, block.text, block.level, block.glue_next)


def _title_from_blocks(blocks: list[Block]) -> str:
    for block in blocks:
        if block.kind == "heading":
            return block.text
    for block in blocks:
        if block.text:
            return first_sentence(block.text, limit=70)
    return ""


def first_sentence(text: str, limit: int = 110) -> str:
    """The first sentence of text, cut at a word boundary to at most `limit` characters."""
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?…])(\s|$)", text)
    sentence = match.group(1) if match else text
    return shorten(sentence, limit)


def shorten(text: str, limit: int) -> str:
    """Cut text at a word boundary so that it fits in `limit` characters, adding an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def detect_language(text: str) -> str:
    """Two-letter language code of the text (py3langid), 'en' when there is too little to tell."""
    if len(text.split()) < 5:
        return "en"
    import py3langid

    code, _score = py3langid.classify(text[:20000])
    return str(code)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape_markdown(text: str) -> str:
    """Escape plain text so Markdown shows it verbatim (used for plain-text articles)."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([#>+=-])", r"\1\\\2", text)
    text = re.sub(r"^(\s*\d+)([.)])(\s)", r"\1\\\2\3", text)
    return re.sub(r"&(?=#?\w+;)", r"\\&", text)
