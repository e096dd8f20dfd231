"""The input formats. Each is one module (plaintext.py, markdown.py, restructured.py, html.py) with the
attributes of `Reader`; this registry is the only place that lists them, in the order their content is sniffed."""

from __future__ import annotations

from typing import Protocol

from ..model import Article
from . import html, markdown, plaintext, restructured


class Reader(Protocol):
    """What an input format's module declares."""

    @property
    def KIND(self) -> str:
        """ "text", "markdown", "rst", "html" """

    @property
    def SUFFIXES(self) -> tuple[str, ...]:
        """File name endings, lower case."""

    @property
    def MEDIA_TYPES(self) -> tuple[str, ...]:
        """Words of a Content-Type that name it ("html" in "text/html; charset=…")."""

    def sniff(self, text: str) -> bool:
        """True when text with no telling name or type is in this format."""
        ...

    def claims_plain_text(self, text: str) -> bool:
        """True when a .txt file is really written in this format."""
        ...

    def parse(self, text: str, name: str) -> Article: ...


# sniffed in this order (reStructuredText before Markdown, which would take its lists); the last takes what is left
READERS: tuple[Reader, ...] = (html, restructured, markdown, plaintext)
FALLBACK: Reader = plaintext


def reader_named(kind: str) -> Reader:
    return next((reader for reader in READERS if kind == reader.KIND), FALLBACK)


def kind_of(text: str, suffix: str = "", media_type: str = "") -> str:
    """The format of an article: from its file name ending, else its Content-Type, else its content."""
    by_suffix = next((r for r in READERS if suffix.lower() in r.SUFFIXES), None) if suffix else None
    if by_suffix is FALLBACK:
        return next((r for r in READERS if r.claims_plain_text(text)), FALLBACK).KIND
    if by_suffix is not None:
        return by_suffix.KIND
    by_type = next((r for r in READERS if any(word in media_type.lower() for word in r.MEDIA_TYPES)), None)
    if by_type is not None:
        return by_type.KIND
    return next((r for r in READERS if r.sniff(text)), FALLBACK).KIND
