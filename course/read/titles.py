"""The title of an article that gives none (no heading, front matter or page title): its file's name when that
is a title written as a slug, else its first heading when nothing comes before it, else a phrase of its opening."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..lazyre import lazy_compile
from ..model import Block
from ..phrases import cut_at_phrase, short_phrase, word_set


def untitled_title(name: str, blocks: list[Block]) -> str:
    """The title of an article named `name` (a file or an address) that gave none."""
    return title_from_name(name, blocks) or title_from_blocks(blocks) or "Untitled course"


# what a file's name says before its title: Jekyll's date ("2025-01-06-"), an order ("02-", "007_"; not the
# "108" of "108-thoughts-for-strategists", which is the title's)
NAME_PREFIX_RE = lazy_compile(r"^(\d{4}[-_]\d{1,2}[-_]\d{1,2}|\d{8}|0\d{1,2})[-_ ]+")
SMALL_WORDS = word_set("a an the and or but nor of in on at to for by with from as vs via")
NAME_SUFFIX_RE = lazy_compile(r"\.\w{1,6}$")  # a version's mark before the extension: "ladder.1m.md", "post.draft.md"
DATE_WORD_RE = lazy_compile(
    r"(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december|week|day|month|year|q[1-4]|h[12]|st|nd|rd|th)$"
)
# words that name a file, not what it says: a name with one ("draft", "final-v2") or made only of the others
# ("blog-post", "my-article"; "telescopic-content" is a title)
FILE_WORDS_RE = lazy_compile(r"(?i)^(draft|final|copy|untitled|export|backup|old|v\d+|rev\d*|version|tmp|temp|test)$")
GENERIC_WORDS_RE = lazy_compile(
    r"(?i)^(new|my|the|a|post|article|blog|essay|newsletter|notes?|text|document|doc|page|index|readme|main|"
    r"content|file|input|sample|example|\d+)$"
)


def title_from_name(name: str, blocks: list[Block]) -> str | None:
    """An untitled article's title from its file's name, when the name is a title written as a slug: the author's
    own words for the whole article ("108-thoughts-for-strategists.md" -> "108 thoughts for strategists",
    "a-year-of-chatgpt.md" -> "A year of ChatGPT", each word cased as the article writes it), where its opening
    phrase was a dedication or the first sentence. Not a name of one word, nor one with a hash, an id or a word
    about the file ("draft", "final-v2", "blog-post")."""
    path = urlsplit(name).path if "://" in name else name
    stem = re.split(r"[/\\]", path.rstrip("/"))[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    stem = NAME_PREFIX_RE.sub("", NAME_SUFFIX_RE.sub("", stem))
    words = [word for word in re.split(r"[-_\s]+", stem) if word]
    if len(words) < 2 or not all(re.fullmatch(r"[^\W_]+", word) for word in words):
        return None
    if any(FILE_WORDS_RE.match(word) or (len(word) >= 6 and re.search(r"\d", word)) for word in words):
        return None
    if all(GENERIC_WORDS_RE.match(word) for word in words):
        return None
    if sum(bool(re.search(r"[^\W\d_]", word)) and not DATE_WORD_RE.match(word) for word in words) < 2:
        return None  # a date ("2025-11-november", "week-12"): when, not what
    if " " in stem:  # "The Sales Call.docx": typed as a title, cased as typed
        return " ".join(words)
    text = "\n".join(block.text for block in blocks if block.kind != "heading")  # headings: title case
    cased = [_as_written(word, text) for word in words]
    return cased[0][:1].upper() + cased[0][1:] + "".join(f" {word}" for word in cased[1:])


def _as_written(word: str, text: str) -> str:
    """A word of a file's name as the article's sentences write it: a name with capitals inside ("ChatGPT", "AI")
    as written, a word capitalised as a name ("Jesus", "Consumerism") when nearly always so, else in lower case
    ("The Return of the Gut" named mid-sentence does not make "return" a name)."""
    if word.lower() in SMALL_WORDS:
        return word.lower()
    forms = [
        match.group(0)
        for match in re.finditer(rf"(?i)(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text)
        if not re.search(r"(^|[.!?:]\s*|\n\s*)$", text[max(0, match.start() - 3) : match.start()])
    ]
    inner = [form for form in forms if form[1:] != form[1:].lower()]  # "ChatGPT", "AI": capitals inside
    if inner:
        return max(dict.fromkeys(inner), key=inner.count)  # the commonest, the same on every run
    named = sum(form[:1].isupper() for form in forms)
    return word.capitalize() if len(forms) > 1 and named >= 0.8 * len(forms) else word.lower()


ITEM_MARKER_RE = lazy_compile(r"(?m)^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")


def title_from_blocks(blocks: list[Block]) -> str:
    """An untitled article's title: its first heading when nothing is said before it, else a phrase of its opening
    (a post that opens "I lost my biggest client last year." is not titled by its first item, "1. Silence…")."""
    for block in blocks:
        if block.kind == "heading":
            return block.text
        if block.text:
            break
    for block in blocks:
        if block.text:  # a list's words without its markers: "- AI is reshaping…" is "AI is reshaping…"
            text = ITEM_MARKER_RE.sub("", block.text) if block.kind == "list" else block.text
            return short_phrase(text, 70) or cut_at_phrase(text, 70).rstrip("…")
    return ""
