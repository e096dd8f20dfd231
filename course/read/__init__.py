"""Read an article: a file, a URL or standard input (sources.py), in one of the formats readers.py lists, into an
Article of blocks with its title, author and language."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import BinaryIO
from urllib.parse import parse_qs, urljoin, urlsplit

from ..errors import CourseError
from ..lazyre import lazy_compile
from ..model import Article, Block
from ..text import ITEM_NUMBER_RE, visible
from .bylines import closing_and_name, is_author_bio, is_postscript
from .language import detect_language
from .markdown import link_destination
from .readers import reader_named
from .sources import Source, load_source
from .titles import untitled_title

__all__ = ["Source", "load_source", "parse_article", "read_article"]

LINK_RE = lazy_compile(
    r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?((?:\s+\"[^\"]*\")?)\s*\)"
)  # [label](url "title") and ![alt](src); a URL may hold one level of parentheses
REDIRECTS = [  # a link through a redirect, and the query parameter holding where it leads
    (lazy_compile(r"^https?://(www\.)?google\.[a-z.]+/url\?"), "q"),
    (lazy_compile(r"^https?://l\.facebook\.com/l\.php\?"), "u"),
    (lazy_compile(r"^https?://[\w.-]*safelinks\.protection\.outlook\.com/"), "url"),
]
LINKED_PICTURES_RE = lazy_compile(r"(?:\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+")  # "[![](chart.png)](chart.png)"
UNSAFE_URL_RE = lazy_compile(r"(?i)^\s*(javascript|vbscript|data|file):")
EMBEDDED_PICTURE_MIN = 300  # characters of a data: address: shorter, it is a tracking pixel or a spacer
MIN_WORDS, SENTENCE_WORDS = 30, 6  # less prose than this, and no sentence this long: navigation, not an article
# A newsletter's greeting to no one in particular, or to a merge tag ("Hi *|FNAME|*,", "Hey {{ first_name }},"); a
# letter's "Dear Maya," is the letter's own and stays
MERGE_TAG = r"\*\|[^|]+\|\*|\{\{[^}]*\}\}|\{\$?\w+\}|%\w+%|\[\s*first[ _]?name\s*\]|<%[^%]*%>|\{\{\{[^}]*\}\}\}"
GENERIC_SALUTATION_RE = lazy_compile(
    r"(?i)^(hi|hello|hey|dear|greetings|good morning|hallo|liebe|bonjour|hola|ciao|salut)\s+(friends?|everyone|all|"
    r"there|folks|readers?|team|y'all|you|subscribers?|zusammen|leserinnen und leser|à tous|a todos|a tutti|"
    rf"tout le monde|{MERGE_TAG})\W*$"
)
OPENING_BLOCKS = 4  # the top of the text, where a page may repeat its title and subtitle
CONTENTS_RE = lazy_compile(r"(?i)^(table of contents|contents|in this (article|post|guide)|inhalt|inhaltsverzeichnis|"
                         r"sommaire|table des matières|contenido|índice|indice|inhoud)\s*:?$")  # fmt: skip


def read_article(location: str, base_url: str | None = None, stdin: BinaryIO | None = None) -> Article:
    """ARTICLE as the CLI takes it (a path, an http(s) URL, or '-' for standard input) as an Article."""
    return parse_article(load_source(location, stdin=stdin), base_url=base_url)


def parse_article(source: Source, base_url: str | None = None) -> Article:
    """Turn a decoded source into an Article, dropping page boilerplate.

    Relative links and images resolve against base_url (or the page's own URL); with neither, a relative
    link keeps its words as plain text and a relative image is left out, since no reader could open them.
    Unsafe links (javascript:, data:…) keep their words as plain text.
    """
    article = reader_named(source.kind).parse(source.text, source.name)
    article.source_name = source.name
    base = base_url or (source.url if source.links_from is None else source.links_from) or None
    resolved = [_resolve_links(block, base, article.left_out) for block in article.blocks]
    resolved = _without_orphan_captions(article.blocks, resolved, article.captions)
    article.blocks = _without_pull_quotes(_keep_signatures(block for block in resolved if block.markdown.strip()))
    article.blocks = _without_repeated_opening(article.blocks, article.title)
    article.blocks = _without_contents_list(article.blocks)
    article.blocks = _without_subscribe_invitation(_without_issue_poll(_without_related_links(article.blocks)))
    article.blocks = _without_contact_line(_without_author_bio(article.blocks, article.author))
    article.blocks = _without_empty_headings(article.blocks)
    first = article.blocks[0] if article.blocks else None  # its source too: "Hi *|FNAME|*," reads "Hi |FNAME|,"
    if first and any(GENERIC_SALUTATION_RE.match(s.strip()) for s in (first.text, first.markdown.replace("\\", ""))):
        article.blocks = article.blocks[1:]  # "Hi friend,": each lesson greets its reader by name already
    if not _has_article_text(article.blocks):
        words = sum(block.words for block in article.blocks if block.kind != "heading")
        raise CourseError(
            f"{source.name}: no article text found ({words} words besides headings: only navigation or "
            "boilerplate?); give the article's own page, or paste its text into a .txt file"
        )
    if not article.title:
        article.title = untitled_title(source.name, article.blocks)
    article.title = visible(article.title)  # "Kunden&shy;gespräche" in a page's title: no soft hyphen in a subject
    article.author = visible(article.author) if article.author else article.author
    if not article.language_declared:
        article.language = detect_language(" ".join(b.text for b in article.blocks))
    return article


def _without_empty_headings(blocks: list[Block]) -> list[Block]:
    """Without the headings over nothing: "### Footnotes", its notes gone to the paragraphs citing them, at the end
    or before the next section ("## Part 2" over "### Step 1" is not empty). A heading opening the article stays:
    over the first section's, it is a subtitle ("##### _a proposed architecture for Freudian agents_")."""
    kept: list[Block] = []
    for index in range(len(blocks) - 1, -1, -1):
        block, following = blocks[index], kept[-1] if kept else None
        empty = following is None or (following.kind == "heading" and following.level <= block.level)
        if not (block.kind == "heading" and empty and index > 0):
            kept.append(block)
    return kept[::-1]


def _without_orphan_captions(blocks: list[Block], resolved: list[Block], captions: set[str]) -> list[Block]:
    """A picture left out (a relative address, no base) takes its caption with it: the paragraph under it that the
    page marked as its caption (<figcaption>) would describe nothing."""
    keys = {_text_key(caption) for caption in captions}
    kept = []
    for index, block in enumerate(resolved):
        before, was = (resolved[index - 1], blocks[index - 1]) if index else (None, None)
        pictured = was is not None and (was.kind == "image" or LINKED_PICTURES_RE.fullmatch(was.markdown.strip()))
        left_out = before is not None and pictured and not before.markdown.strip()
        if left_out and block.kind == "paragraph" and _text_key(block.text) in keys:
            continue
        kept.append(block)
    return kept


def _text_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _without_repeated_opening(blocks: list[Block], title: str) -> list[Block]:
    """A page that says its title (and subtitle) again at the top of the text, as Medium's export does: among
    the first blocks, a heading that is the title and a short block that repeats an earlier one go."""
    kept: list[Block] = []
    seen = {_text_key(title)} if title else set()
    for index, block in enumerate(blocks):
        key = _text_key(block.text)
        repeated = key in seen and (block.kind == "heading" or len(key.split()) <= 30)
        if index < OPENING_BLOCKS and key and repeated:
            continue
        seen.add(key)
        kept.append(block)
    return kept


def _without_author_bio(blocks: list[Block], author: str | None) -> list[Block]:
    """A heading "About the author" (or "About <author>") near the end with a short bio under it
    (bylines.is_author_bio): it goes, with what follows it."""
    for index in range(len(blocks) - 1, max(len(blocks) - 5, 0), -1):
        words = sum(block.words for block in blocks[index:])
        if blocks[index].kind == "heading" and is_author_bio(blocks[index].text, words, author):
            return blocks[:index]
    return blocks


CONTACT_SEPARATOR_RE = lazy_compile(r"\s+[·|•]\s+")
CONTACT_PART_RE = lazy_compile(
    r"(?i)^(?:https?://\S+|www\.\S+|[\w.-]+\.(?:com|net|org|io|co|example|[a-z]{2})(?:/\S*)?|[\w.+-]+@[\w-]+\.[\w.]+|"
    r"\+?[\d ()./-]{7,}|confidential\b.*|all rights reserved\.?|vertraulich\b.*|confidentiel\b.*|confidencial\b.*)$"
)
CONTACT_LINE_WORDS = 25


def _without_contact_line(blocks: list[Block]) -> list[Block]:
    """A document's footer at its very end ("Okafor & Partners · www.okafor.example · Confidential — do not
    distribute"): parts set apart by "·" or "|", one of them an address, a phone number or a confidentiality
    notice. Every email of the course ends with the sender's own footer already."""
    last = blocks[-1] if blocks else None
    if last is None or last.kind != "paragraph" or last.words > CONTACT_LINE_WORDS:
        return blocks
    parts = [part.strip() for part in CONTACT_SEPARATOR_RE.split(last.text.strip())]
    if len(parts) >= 2 and any(CONTACT_PART_RE.match(part) for part in parts):
        return blocks[:-1]
    return blocks


def _without_contents_list(blocks: list[Block]) -> list[Block]:
    """A table of contents (a list near the top whose items are the article's later headings, most of them, and
    its "Contents:" heading or lead-in) goes: each lesson is one part of it, and its items link nowhere."""
    headings = [_text_key(ITEM_NUMBER_RE.sub("", block.text)) for block in blocks if block.kind == "heading"]
    for index, block in enumerate(blocks[:OPENING_BLOCKS]):
        if block.kind != "list":
            continue
        items = [_text_key(ITEM_NUMBER_RE.sub("", line)) for line in block.text.split("\n") if line.strip()]
        listed = sum(item in headings for item in items)
        if len(items) >= 3 and listed >= 0.8 * len(items) and len(headings) >= len(items):
            before = blocks[index - 1] if index else None
            label = before is not None and CONTENTS_RE.match(before.text.strip()) is not None
            return blocks[: index - 1 if label else index] + blocks[index + 1 :]
    return blocks


# a blog's pointer to another of its posts, set between paragraphs: "Related: How to price a retainer", "Read
# also: …", "Lire aussi : …" (the author's "See also" and "Further reading" are the article's and stay)
RELATED = (
    r"(?:related(?: post| posts| article| articles| reading)?|read (?:also|next|more)|also read|"
    r"you (?:may|might) also like|lire aussi|à lire aussi|lesen sie auch|auch interessant|lee también|"
    r"leia também|leggi anche|lees ook)"
)
RELATED_LINK_RE = lazy_compile(rf"(?i)^\W{{0,3}}{RELATED}\s*:\s*(?P<rest>.+)$")
RELATED_LABEL_RE = lazy_compile(rf"(?i)^\W{{0,3}}{RELATED}\s*:?\W{{0,3}}$")  # "**Related Reading:**" over a list
LINK_ITEM_RE = lazy_compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\[[^\]\n]+\]\([^)\n]+\)\s*$")  # "- [Title](…)"
RELATED_TITLE_WORDS = 15


def _without_related_links(blocks: list[Block]) -> list[Block]:
    """A paragraph that only points to another post of the blog ("**Related:** [How to price a retainer](…)"), or a
    list of them under such a label alone ("**Related Reading:**"): the reader of a course follows the course, and
    a link left out (a relative address) leaves the words of a title that points nowhere."""
    kept: list[Block] = []
    for block in blocks:
        related = RELATED_LINK_RE.match(block.text.strip()) if block.kind == "paragraph" else None
        rest = related.group("rest").strip() if related else ""
        if related and len(rest.split()) <= RELATED_TITLE_WORDS and not rest.endswith((".", "!")):
            continue
        label = kept[-1] if kept and kept[-1].kind == "paragraph" else None
        links = block.kind == "list" and all(map(LINK_ITEM_RE.match, block.markdown.strip().split("\n")))
        if label is not None and links and RELATED_LABEL_RE.match(label.text.strip()):
            kept.pop()  # "**Related Reading:**" over a list of the blog's other posts, nothing else in it
            continue
        kept.append(block)
    return kept


SUBSCRIBE_LINK_RE = lazy_compile(
    r"(?i)\[[^\]]*\b(subscribe|sign up|signup|join (the|my|our) (newsletter|list)|abonnieren|abonnez|suscr[ií]bete|"
    r"referral|refer a friend)[^\]]*\]\("  # and a newsletter's referral programme ("Your referral link")
)
# a newsletter's poll on the issue itself ("How did you like today's issue?" over "🔥 Loved it", "👎 Not for me")
ISSUE_POLL_RE = lazy_compile(
    r"(?i)^\W*(how (did you like|was|would you rate) (today's|today’s|this|this week's|this week’s) "
    r"(issue|email|edition|newsletter|post)|what did you think of (today's|today’s|this) (issue|email|edition|"
    r"newsletter)|rate (this|today's|today’s) (issue|email|edition|newsletter))\b"
)
POLL_ANSWER_WORDS = 6  # at most, in one answer of such a poll: a link of a few words ("👍 It was OK")


def _without_issue_poll(blocks: list[Block]) -> list[Block]:
    """A newsletter's poll on the issue it closes: the course's reader is asked about a lesson by its own reply
    button, and the poll's links count votes for an issue the course is not."""
    for index, block in enumerate(blocks):
        if block.kind != "paragraph" or not ISSUE_POLL_RE.match(block.text):
            continue
        end = index + 1
        while end < len(blocks) and _poll_answer(blocks[end]):
            end += 1
        if end > index + 1:
            return blocks[:index] + blocks[end:]
    return blocks


def _poll_answer(block: Block) -> bool:
    """One answer of a poll: a paragraph, or a list, of short links and nothing else."""
    links = LINK_RE.findall(block.markdown)
    bare = LINK_RE.sub("", block.markdown).strip(" \n-*")
    return (
        block.kind in ("paragraph", "list")
        and bool(links)
        and not bare
        and block.words <= POLL_ANSWER_WORDS * len(links)
    )


def _without_subscribe_invitation(blocks: list[Block]) -> list[Block]:
    """A closing invitation to subscribe ("P.S. If this resonated, I write one every other Sunday. [Subscribe
    here](…)"): the course's reader has subscribed already. Only a short paragraph among the last two, with a
    link to subscribe in it; the author's other closing words stay."""
    for index in range(max(1, len(blocks) - 2), len(blocks)):
        block = blocks[index]
        if block.kind == "paragraph" and block.words <= 35 and SUBSCRIBE_LINK_RE.search(block.markdown):
            return blocks[:index] + blocks[index + 1 :]
    return blocks


def _without_pull_quotes(blocks: list[Block]) -> list[Block]:
    """A pull quote repeats a sentence of the article in large type, a magazine's layout device: a quote whose
    words all stand, in that order, in one of the article's paragraphs goes (the words stay where they were)."""
    prose = [f" {_text_key(block.text)} " for block in blocks if block.kind in ("paragraph", "list")]
    return [
        block for block in blocks
        if block.kind != "quote" or len(_text_key(block.text).split()) < 5
        or not any(f" {_text_key(block.text)} " in paragraph for paragraph in prose)
    ]  # fmt: skip


def _keep_signatures(blocks: Iterable[Block]) -> list[Block]:
    """A letter's closing ("Warm regards,") holds on to the name after it, and whatever precedes a P.S. holds on
    to the P.S.: no lesson starts with a signature or an afterthought."""
    kept = list(blocks)
    for index, (block, following) in enumerate(itertools.pairwise(kept)):
        signature = block.kind == "paragraph" and closing_and_name([block.text, following.text])
        if signature or (following.kind == "paragraph" and is_postscript(following.text)):
            kept[index] = replace(block, glue_next=True)
    return kept


def _has_article_text(blocks: list[Block]) -> bool:
    """Enough prose for a course: MIN_WORDS words besides headings, or at least one real sentence."""
    prose = [block for block in blocks if block.kind != "heading"]
    if sum(block.words for block in prose) >= MIN_WORDS:
        return True
    sentences = (s for block in prose for s in re.split(r"(?<=[.!?…])\s+", block.text))
    return any(len(sentence.split()) >= SENTENCE_WORDS and sentence.rstrip().endswith((".", "!", "?", "…"))
               for sentence in sentences)  # fmt: skip


def _unwrapped(url: str) -> str:
    """The page a redirecting link leads to, when the redirect says it (Google Docs' google.com/url?q=…, Facebook's
    l.php?u=…, Outlook's safelinks ?url=…): the subscriber goes straight there, and the click is not tracked."""
    for pattern, parameter in REDIRECTS:
        if pattern.match(url):
            target = parse_qs(urlsplit(url).query).get(parameter, [""])[0]
            return target if re.match(r"https?://", target) else url
    return url


CODE_SPAN_RE = lazy_compile(r"(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)")  # a code span, its backticks matched
# raw HTML in Markdown (a blog's '<a href="/images/a.png"><img src="/images/a.png"></a>'): its links and pictures
HTML_LINK_RE = lazy_compile(r"(?is)<a\b[^>]*?\bhref\s*=\s*([\"'])(.*?)\1[^>]*>(.*?)</a\s*>")
HTML_PICTURE_RE = lazy_compile(r"(?is)<img\b[^>]*?\bsrc\s*=\s*([\"'])(.*?)\1[^>]*>")
ABSOLUTE_URL_RE = lazy_compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^#")


def _resolve_html_addresses(markdown: str, base: str | None, left_out: list[str]) -> str:
    """Relative addresses in raw HTML, as in Markdown: against the base when there is one; else a picture is left
    out and a link keeps what it holds (said after the split, where --base-url keeps them)."""

    def link(match: re.Match[str]) -> str:
        url, inside = match.group(2).strip(), match.group(3)
        if not url or ABSOLUTE_URL_RE.match(url):
            return match.group(0)
        if base:
            return _with_address(match, urljoin(base, url))
        pictured = any(m.group(2).strip() == url for m in HTML_PICTURE_RE.finditer(inside))
        if not pictured:  # a link to the picture it shows: said once, as the picture
            left_out.append(f"link {url}")
        return inside

    def picture(match: re.Match[str]) -> str:
        url = match.group(2).strip()
        if not url or ABSOLUTE_URL_RE.match(url) or url.lower().startswith("data:"):
            return match.group(0)
        if base:
            return _with_address(match, urljoin(base, url))
        left_out.append(f"image {url}")
        return ""

    return HTML_PICTURE_RE.sub(picture, HTML_LINK_RE.sub(link, markdown))


def _with_address(match: re.Match[str], url: str) -> str:
    """The tag `match` found, its address (group 2) replaced by `url`."""
    start, end = match.start(2) - match.start(0), match.end(2) - match.start(0)
    return match.group(0)[:start] + url + match.group(0)[end:]


def _resolve_links(block: Block, base: str | None, left_out: list[str]) -> Block:
    def fix(match: re.Match[str]) -> str:
        bang, label, url, title = match.groups()
        pictured = not bang and any(m.group(1) and m.group(3) == url for m in LINK_RE.finditer(label))
        if not bang:  # a picture inside a link ("[![](chart.png)](chart.png)", Notion's and Google's) resolves too
            label = LINK_RE.sub(fix, label)
        if UNSAFE_URL_RE.match(url):
            if bang and url.strip().lower().startswith("data:image/") and len(url) > EMBEDDED_PICTURE_MIN:
                left_out.append("embedded image")  # Google Docs' pictures: said after the split, as the others
            return "" if bang else label  # a link that runs script or hides content keeps its words, nothing else
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", url):
            target = _unwrapped(url)
            if target == url:
                return match.group(0)
            return f"{bang}[{label}]({link_destination(target)}{title})"
        if base and url and not url.startswith("#"):
            return f"{bang}[{label}]({urljoin(base, url)}{title})"
        if url and not url.startswith("#") and not pictured:  # a link to the picture it shows: said once, as it
            left_out.append(f"{'image' if bang else 'link'} {url}")  # said after the split: --base-url keeps it
        return "" if bang else label

    if block.kind == "code":
        return block  # a listing shows addresses as written ("<a href=\"/about\">", "[x](/rel)"): they are its text

    def resolve(text: str) -> str:
        text = LINK_RE.sub(fix, text)
        return _resolve_html_addresses(text, base, left_out) if "<" in text else text

    # the same in inline code ("`<img src=\"/a.png\">`"): only what lies between code spans is resolved
    pieces, position = [], 0
    for span in CODE_SPAN_RE.finditer(block.markdown):
        pieces += [resolve(block.markdown[position : span.start()]), span.group(0)]
        position = span.end()
    markdown = "".join([*pieces, resolve(block.markdown[position:])])
    if markdown == block.markdown:
        return block
    if block.kind == "image" and not markdown.strip():
        return Block("image", "", "")
    return replace(block, markdown=markdown)
