"""Plain text (typed or scraped from a web page) to article blocks, by general layout rules.

Scraped text carries the page around the article: "top of page", an avatar caption glued to the author's
name, view counters, "Recent Posts", "See All". None of these rules names a page; each describes a kind of
page furniture: lower-case interface lines before the title, counters, a trailing run of short
unpunctuated lines after the last sentence, whatever follows the author's sign-off, and the blocks that blog
platforms put under a post (sharing buttons, related posts, the comments, the copyright line).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace

from ..lazyre import lazy_compile
from ..model import Article, Block
from ..text import FULL_STOPS
from .bylines import (
    COUNTER_RE,
    DATE_RE,
    PAGE_LABEL_RE,
    SITE_LABEL_RE,
    bare_signature,
    byline_name,
    closing_and_name,
    is_author_bio,
    is_closing,
    is_metadata,
    is_postscript,
    is_salutation,
    is_signature,
    signature_name,
    signed_by,
)

KIND = "text"
SUFFIXES = (".txt", ".text")
MEDIA_TYPES: tuple[str, ...] = ()  # text/plain says nothing: the content is sniffed

# a bullet, or Word's plain-text export's second and third levels ("o" and "§", then a tab: four spaces once the
# text is read, as every tab is)
BULLET_RE = lazy_compile(r"^\s*(?P<marker>[•◦▪▫●○■□‣⁃∙·*+\-–—]|[o§](?= {2}))\s+(?P<item>\S.*)$")
SUB_BULLETS = {"o": 1, "○": 1, "◦": 1, "§": 2, "■": 2, "▪": 2}  # how deep a marker nests with no indentation
DASH_LINE_RE = lazy_compile(r"^\s*[–—]\s+\S")  # an en or em dash opening a line: a list item, or a signature
NUMBERED_RE = lazy_compile(r"^\s*(?P<number>\d{1,3})[.)]\s+(?P<item>\S.*)$")
CHAPTER_RE = lazy_compile(
    r"(?i)^(chapter|part|section|lesson|step|day|kapitel|teil|abschnitt|lektion|chapitre|partie|"
    r"cap[íi]tulo|capitolo|parte|hoofdstuk|deel)\s+([0-9]+|[ivxlc]+|[a-z]+)\b\s*[:.\-–—]?"
)
POINTING_DOWN = ("👇", *(f"👇{tone}" for tone in "🏻🏼🏽🏾🏿"), "⬇️", "⬇", "↓")  # "Here's what I learned 👇": a colon
# with the Arabic, Chinese and Japanese, and Devanagari marks: "،" "؟" "。" "！" "？" "：" "।"
TERMINAL_PUNCTUATION = tuple('.!?…:;,"”’)»،؛؟۔。！？；：，、।') + POINTING_DOWN
QUESTION_MARKS = ("?", "؟", "？")
SET_APART = 4  # spaces: a line indented this much under an unindented text is set apart (code, a quoted sample)
SHORT_LINE = 50  # characters: lines this short that each end a sentence keep their breaks (a post, a poem)
# What blog platforms put under a post: a count of comments ("6 thoughts on “…”"), a copyright line, and short
# labels (sharing buttons, related posts, the comment form, tags). From the first of them on, the page is not
# the article.
UNDER_POST_RE = lazy_compile(
    r"(?i)^(\d+\s+(thoughts?|comments?|responses?|replies|kommentare|commentaires?|comentarios?)\s+(on|to|zu|sur|"
    r"en)\b|©|\(c\)\s*\d{4}|copyright\b|"
    # and what a newsletter's email puts under it: "You are receiving this email because…", "Unsubscribe"
    r"you('re| are) receiving this|you received this|this (e-?mail|newsletter) was sent to|unsubscribe\b|"
    r"update your (email )?preferences|manage (your )?subscription|"
    # and a newsletter platform's own line under a post: "Thanks for reading The Margin! Subscribe for free…"
    r"thanks for reading\b[^.!?]{0,60}[.!?]\s*(subscribe|sign up)\b|"
    r"--$|"  # an email's signature separator ("-- "): what follows is the sender's card, not the article
    # and a social post's calls to action: "♻️ Repost if this helped", "➕ Follow me for more on …", "If this was
    # useful, follow me for more", "RT the first post"
    r"\W{0,3}\s*(if (you|this)\b[^.!?]{0,60}?[,:]\s*)?(repost\b|retweet\b|rt (the|this)\b|follow (me|us) (for|on)\b)|"
    # and LinkedIn's bar under an article: "Like", "Comment", "Repost", "Send", reactions, "Report this article"
    r"like\s*$|report this (article|post)\b)"
)
UNDER_POST_LABEL_RE = lazy_compile(
    r"(?i)^(share( this( post| article)?| on| via)?|related( posts| articles| reading)?|recent posts|"
    r"(you (may|might) )?also like|like this|leave a (reply|comment)|post a comment|tags?|filed under|posted in|"
    r"categor(y|ies)|teilen|partager|compartir|kommentare|commentaires|comentarios|comments?|j'aime|gefällt mir|"
    r"me gusta|laisser un commentaire|publié dans|articles similaires)\b.{0,30}$"
)
# what makes an indented line code rather than quoted words: a shell prompt or command, a keyword, a path, an
# option, an operator, a line ending in ; { or }
CODE_LINE_RE = lazy_compile(
    r"[;{}]\s*$|^\s*(\$ |> |>>> |#!|sudo |cd |ls |git |npm |npx |pip3? |python3? |node |curl |docker |brew |"
    r"apt(-get)? |make |def |class |import |from \S+ import |function |const |let |var |return\b|SELECT |<\w)|"
    r"(^|\s)(--?[a-zA-Z][\w-]*|~?\.{0,2}/[\w.-]+/\S*|[=!<>]=|=>|&&|\|\||2>&1|>>)(\s|$)|\w\([^)]*\)|^\s*[\w.]+\s*=\s*\S"
)
# a section break alone on its line: "* * *", "***", "---", "~~~", "• • •", "⁂" (a line of = or - right under a
# line of text underlines it instead: a heading)
SECTION_BREAK_RE = lazy_compile(r"^\s*(?:([*\-_=~•·#+])(?:\s*\1){2,}|⁂)\s*$")


@dataclass
class _Chunk:
    lines: list[str]
    underlined: bool = False  # a line with ===== or ----- under it: a heading, as plain text writes one

    @property
    def single(self) -> bool:
        return len(self.lines) == 1

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)

    @property
    def indent(self) -> int:
        return _indent(self.lines[0])


def sniff(text: str) -> bool:
    return True  # the fallback: whatever no other reader recognises


def claims_plain_text(text: str) -> bool:
    return False


def parse(text: str, name: str = "") -> Article:
    """Parse plain text into an Article: title, author, headings, paragraphs and lists."""
    chunks = _thread(_without_contents(_without_page_furniture(_chunks(text))))
    chunks = [c for c in chunks if not all(COUNTER_RE.match(line) for line in c.lines)]
    forwarded, chunks = _forward_header(chunks)
    opening = chunks[0].lines if chunks else []
    author, chunks = _strip_head(chunks)
    # a byline among the opening lines, taken out of them ("By Marta Lindqvist" under a cover's title)
    named = bool(author and chunks) and chunks[0].lines != opening and set(chunks[0].lines) < set(opening)
    if named:
        chunks = _without_header_card(chunks)
    if forwarded.recipient and chunks and chunks[0].single and _greets(chunks[0].text, forwarded.recipient):
        chunks = chunks[1:]  # "Hi Sam," to the person it was forwarded to, not to every subscriber
    chunks = _strip_tail(chunks, author or _early_byline(chunks))
    chunks = _without_bio(chunks, author or _early_byline(chunks))
    signed = _signed_by(chunks)
    title = ""
    cover = _cover(chunks[0], named) if len(chunks) > 1 else None
    if cover:
        lines, author_on_cover = cover
        chunks[0:1] = [_Chunk([line]) for line in lines]
        author = author or author_on_cover
    elif len(chunks) > 1 and len(chunks[0].lines) == 2 and all(_title_like(line, 12) for line in chunks[0].lines):
        if chunks[0].lines[1].strip()[:1].islower():  # a title wrapped onto a second line ("…for" / "consultants")
            chunks[0] = _Chunk([chunks[0].text])
        else:
            chunks[0:1] = [_Chunk([line]) for line in chunks[0].lines]  # a title with its subtitle under it
    if len(chunks) > 1 and chunks[0].single and _title_like(chunks[0].text, max_words=20):
        title = clean_title(chunks.pop(0).text)
        author_after, chunks = _strip_head(chunks, under_title=True)
        author = author or author_after
    author = author or forwarded.sender or signed  # a byline's full name ("Por Marta Quintana") before "Marta"
    chunks, speakers = _transcript(chunks)
    blocks = _blocks(chunks, author, speakers)
    return Article(title=forwarded.subject or title, blocks=blocks, author=author)


BUTTON_MARK_RE = lazy_compile(r"^[+＋]\s*")  # a button's plus: "+ Follow"
FOLLOW_BUTTON_RE = lazy_compile(r"(?i)^(follow|following|subscribe|subscribed|connect|abonnieren|folgen|suivre|"
                                r"s'abonner|seguir|suscribirse|volgen|abonneren|segui|iscriviti)$")  # fmt: skip


def _without_header_card(chunks: list[_Chunk]) -> list[_Chunk]:
    """A platform's header above the post, its byline taken out (LinkedIn's newsletter name, its description and
    the author's headline, then "+ Follow"): when a follow or subscribe button closes it and a title stands alone
    under the button, over the prose, the header goes and that line is the title."""
    button = 1
    while button < len(chunks) and all(_page_label(line) for line in chunks[button].lines):
        if any(FOLLOW_BUTTON_RE.match(BUTTON_MARK_RE.sub("", line.strip())) for line in chunks[button].lines):
            title = button + 1
            if title + 1 < len(chunks) and chunks[title].single and _title_like(chunks[title].text, max_words=20):
                return chunks[title:] if not _title_like(chunks[title + 1].text, max_words=20) else chunks
            return chunks
        button += 1
    return chunks


EDITION_RE = lazy_compile(
    r"(?i)^(?:(?:\d{4}|first|second|third|new|revised|updated)\s+)?(?:edition|ausgabe|auflage|[ée]dition|edici[óo]n|"
    r"edizione|editie|uitgave)(?:\s+\d{4})?$|^(?:version|v)\s*\d+(?:\.\d+)*$"
)


def _cover(chunk: _Chunk, named: bool = False) -> tuple[list[str], str | None] | None:
    """A document's cover, copied as its first lines: the title (broken over two lines when it is set large), a
    subtitle, the author (with her firm: "Marta Lindqvist, Northlight Advisory"; or a byline already taken out of
    them, `named`) and the edition or a date. The title and the subtitle, each a line of its own, and the author;
    None when the lines name no author and no edition, as a post's short opening lines do not."""
    lines = [" ".join(line.split()) for line in chunk.lines]
    if not (2 if named else 3) <= len(lines) <= 7 or not all(_title_like(line, 12) for line in lines):
        return None
    author, kept = None, []
    for line in lines:
        name = byline_name(line) or _name_with_firm(line)
        if name:
            author = author or name
        elif not (EDITION_RE.match(line) or is_metadata(line)):
            kept.append(line)
    if not kept or (len(kept) == len(lines) and not named):
        return None
    title, rest = kept[0], kept[1:]
    while rest and _title_goes_on(rest[0]):
        title = f"{title} {rest.pop(0)}"
    return [title, *rest], author


def _name_with_firm(line: str) -> str | None:
    """ "Marta Lindqvist, Northlight Advisory": a name of two to four words, then a comma and capitalised words."""
    name, _, firm = line.partition(",")
    words = firm.split()
    if not words or not 2 <= len(name.split()) <= 4 or not is_signature(name):
        return None
    return name.strip() if all(_capital(word[0]) or not word[0].isalpha() for word in words) else None


def _title_goes_on(line: str) -> bool:
    """A title set large breaks over two lines, its second one or two capitalised words ("Consultants"); a subtitle
    is longer, or opens with an article ("A Field Guide")."""
    words = line.split()
    return len(words) <= 2 and all(_capital(word[0]) for word in words) and words[0].casefold() not in ARTICLES


ARTICLES = frozenset({"a", "an", "the", "der", "die", "das", "ein", "eine", "le", "la", "les", "un", "une", "el",
                      "los", "las", "il", "lo", "gli", "o", "os", "as", "um", "uma", "de", "het", "een"})  # fmt: skip


def _without_bio(chunks: list[_Chunk], author: str | None) -> list[_Chunk]:
    """The author's bio after the article, its label perhaps on the first line of its text ("About the author" then
    "Marta Lindqvist has advised…" and a copyright line, no blank line between): see bylines.is_author_bio."""
    for index in range(len(chunks) - 1, max(len(chunks) - 4, 0), -1):
        words = sum(len(chunk.text.split()) for chunk in chunks[index:])
        if is_author_bio(chunks[index].lines[0], words, author):
            return chunks[:index]
    return chunks


@dataclass
class _Forwarded:
    """What an email's forwarding header says: its subject, its sender's name and its recipient's first name."""

    subject: str = ""
    sender: str | None = None
    recipient: str | None = None


# "---------- Forwarded message ---------" (Gmail), "Begin forwarded message:" (Apple Mail), "-----Original
# Message-----" (Outlook), and the header lines under them, in the languages with built-in wording
FORWARD_MARK_RE = lazy_compile(
    r"(?i)^-*\s*(forwarded message|original message|begin forwarded message|message transféré|"
    r"weitergeleitete nachricht|mensaje reenviado|messaggio inoltrato|mensagem encaminhada|doorgestuurd bericht)"
    r"\s*:?\s*-*$"
)
HEADER_LINE_RE = lazy_compile(
    r"(?i)^(?P<key>from|date|sent|subject|to|cc|bcc|reply-to|de|von|datum|gesendet|betreff|an|objet|à|envoyé|"
    r"para|asunto|fecha|enviado|oggetto|da|data|inviato|a|assunto|onderwerp|aan|van|verzonden)\s*:\s*(?P<value>.*)$"
)
SUBJECT_KEYS = {"subject", "betreff", "objet", "asunto", "oggetto", "assunto", "onderwerp"}
SENDER_KEYS = {"from", "von", "de", "da", "van"}
RECIPIENT_KEYS = {"to", "an", "à", "para", "a", "aan"}
FORWARD_PREFIX_RE = lazy_compile(r"(?i)^((fwd?|tr|wg|rv|re|aw|enc|i)\s*:\s*)+")


def _forward_header(chunks: list[_Chunk]) -> tuple[_Forwarded, list[_Chunk]]:
    """A forwarded email's header at the top (the mark, then From, Date, Subject, To lines): it goes, and says the
    subject (the title), who sent it (the author) and who it was for (whose greeting goes)."""
    if not chunks or not FORWARD_MARK_RE.match(chunks[0].lines[0].strip()):
        return _Forwarded(), chunks
    lines, rest = chunks[0].lines[1:], chunks[1:]
    if not lines and rest:  # Apple Mail: a blank line under "Begin forwarded message:"
        lines, rest = rest[0].lines, rest[1:]
    found: dict[str, str] = {}
    while lines and (match := HEADER_LINE_RE.match(lines[0].strip())):
        found.setdefault(match["key"].lower(), match["value"].strip())
        lines = lines[1:]
    forwarded = _Forwarded()
    for key, value in found.items():
        if key in SUBJECT_KEYS:
            forwarded.subject = clean_title(FORWARD_PREFIX_RE.sub("", value))
        elif key in SENDER_KEYS:
            name = value.split("<")[0].strip().strip("\"'")
            forwarded.sender = name if is_signature(name) else None
        elif key in RECIPIENT_KEYS:
            name = value.split("<")[0].strip().strip("\"'") or value.strip("<> ").split("@")[0]
            forwarded.recipient = re.split(r"[\s._-]+", name)[0] or None
    return forwarded, ([_Chunk(lines)] if lines else []) + rest


def _greets(text: str, name: str) -> bool:
    """The line is a greeting to `name` ("Hi Sam,", "Dear Sam Reed,")."""
    return is_salutation(text) and name.casefold() in (word.strip(",!:").casefold() for word in text.split())


SUBJECT_LABEL_RE = lazy_compile(
    r"(?i)^(subject( line)?|title|betreff|objet|asunto|oggetto|onderwerp|assunto)\s*:\s+(?=\S)"
)


# a newsletter's name and issue number before its subject: "The Friday Note #48: …", "Issue 112 — …"
ISSUE_LABEL_RE = lazy_compile(
    r"(?i)^[^:|–—]{0,40}?(#\s?\d+|\bissue\s+#?\d+|\bno\.\s?\d+|\bvol\.?\s?\d+)\s*(:|\||–|—|-)\s+"
)


ISSUE_SUBJECT_WORDS = 2  # at least, after the label, for a subject that stands alone ("Hire slower"; not "go")


def clean_title(title: str) -> str:
    """Tidy a title line: an email's "Subject:" label, a newsletter's issue label ("The Friday Note #48:"), runs
    of dots before ? or ! and trailing colons go."""
    title = SUBJECT_LABEL_RE.sub("", title.strip())
    label = ISSUE_LABEL_RE.match(title)
    if label and len(title[label.end() :].split()) >= ISSUE_SUBJECT_WORDS:
        rest = title[label.end() :]
        title = rest[:1].upper() + rest[1:]
    title = re.sub(r"\s*[.…]{2,}\s*([?!])", r"\1", title)
    title = re.sub(r"\s*[.…]{2,}$", "", title)
    return title.rstrip(":").strip()


# text copied out of a PDF: a page's number alone ("3", "Page 3", "3 / 12", "- 3 -"), and a word broken across
# two lines with a hyphen ("pro-" / "posal")
PAGE_NUMBER_RE = lazy_compile(r"(?i)^\s*(page\s+)?\d{1,4}(\s*(/|of)\s*\d{1,4})?\s*$|^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$")
BROKEN_WORD_RE = lazy_compile(r"(?<![\w-])([^\W\d_]{2,})-\n([ \t]*)([a-zß-ÿ][^\W\d_]*)(?=[\s,.;:!?)'’]|$)")


def _without_page_furniture(chunks: list[_Chunk]) -> list[_Chunk]:
    """What a PDF puts on every page, copied with its text: page numbers (two or more, each alone), and the
    running head above or below them (the title or a chapter's name, repeated). Its first showing stays (the
    title, or a heading). A text without page numbers keeps its repeated lines (an interview's speakers)."""
    numbers = {i for i, chunk in enumerate(chunks) if chunk.single and PAGE_NUMBER_RE.match(chunk.lines[0])}
    if len(numbers) < 2:
        return chunks
    singles = [chunk.text.strip() for chunk in chunks if chunk.single]
    seen = {chunks[0].lines[0].strip()}  # the title, above the first page, is its first showing
    kept: list[_Chunk] = []
    for index, chunk in enumerate(chunks):
        line = chunk.text.strip()
        if index in numbers:
            continue
        by_a_number = index - 1 in numbers or index + 1 in numbers
        if index and chunk.single and by_a_number and singles.count(line) >= 2 and line in seen:
            continue
        seen.add(line)
        kept.append(chunk)
    return kept


# "1. Why clients leave ........ 2": a line of a PDF's contents, its title, dot leaders and its page number
CONTENTS_LINE_RE = lazy_compile(r"^\s*\S.*?(?:[.·_…]\s*){4,}\d{1,4}\s*$")


def _without_contents(chunks: list[_Chunk]) -> list[_Chunk]:
    """A PDF's contents page, copied with its text: lines each leading with dots to a page number (two or more, in
    one block or one a block), and the short heading above them ("Contents"), the PDF's way to its pages."""
    contents = {i for i, chunk in enumerate(chunks) if all(CONTENTS_LINE_RE.match(line) for line in chunk.lines)}
    if sum(len(chunks[i].lines) for i in contents) < 2:
        return chunks
    for index in sorted(contents):
        label = chunks[index - 1] if index else None
        heading = (
            label and label.single and _title_like(label.text, 4) and not label.text.endswith(TERMINAL_PUNCTUATION)
        )
        if heading and index - 1 not in contents:
            contents.add(index - 1)
    return [chunk for index, chunk in enumerate(chunks) if index not in contents]


# the halves of everyday compounds, which a line may well break at their own hyphen ("self-" / "employed")
COMPOUND_HEADS = frozenset({
    "self", "well", "long", "short", "high", "low", "non", "co", "post", "anti", "multi", "cross", "full", "half",
    "part", "all", "ever", "one", "two", "three", "four", "five", "first", "second", "third", "follow", "check",
    "sign", "back", "front", "top", "bottom", "mid",
})  # fmt: skip
COMPOUND_TAILS = frozenset({
    "up", "in", "out", "off", "on", "based", "free", "like", "level", "term", "time", "known", "made", "friendly",
    "wide", "owned", "led", "driven", "focused", "related", "specific", "minded",
})  # fmt: skip


def _joined_broken_words(text: str) -> str:
    """ "pro-" at a line's end and "posal" on the next are one word, "proposal"; a compound keeps its hyphen
    ("self-" / "employed", "follow-" / "up"), as does any word the text writes with one elsewhere."""

    def join(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(3)
        hyphenated = re.search(rf"(?i)\b{re.escape(head)}-{re.escape(tail)}\b", text)
        compound = head.lower() in COMPOUND_HEADS or tail.lower() in COMPOUND_TAILS
        joined = re.search(rf"(?i)\b{re.escape(head + tail)}\b", text)
        keep = hyphenated or (compound and not joined)
        return f"{head}-{tail}" if keep else f"{head}{tail}"  # the next line's rest runs on after it

    return BROKEN_WORD_RE.sub(join, text)


KEYCAP_RE = lazy_compile(r"(?m)^([ \t]*)(?:([0-9])\ufe0f?\u20e3|(🔟))[ \t]*")  # "1️⃣ Silence…", as social posts number


# a thread's numbering, as posts on X, Threads or Bluesky number its parts: "1/", "2/14" or "3/n" opening a part,
# "(3/14)" closing it; the thread's emoji ("…I wish I'd known. 🧵👇") and a line saying "A thread:"
THREAD_MARK_RE = lazy_compile(r"^\s*(?P<number>\d{1,3}) ?/(?P<total>\d{1,3}|n)?(?:\s+|$)")
THREAD_END_RE = lazy_compile(r"\s*[(\[]?(?P<number>\d{1,3}) ?/ ?(?P<total>\d{1,3}|n)[)\]]?$")
THREAD_EMOJI_RE = lazy_compile(r"\s*🧵(?:\s*👇[🏻-🏿]?)?")
THREAD_LABEL_RE = lazy_compile(r"(?i)^\W*(?:a |mega |short )?thread\W*$")
THREAD_PARTS = 3  # numbered parts at least, 1 (or 2, after an unnumbered opening) and up, one at a time
POINT_WORDS = 14  # a part's opening line this short, with more of the part under it: one of the thread's points


def _thread(chunks: list[_Chunk]) -> list[_Chunk]:
    """A thread pasted as text ("1/ Your first price is a guess." then its explanation, "2/ …"): the numbers
    counted posts, which an email has none of, so they go; the parts whose short first line the rest of the part
    explains are the thread's points, numbered 1, 2, 3… as an article's numbered sections are. The thread's emoji
    goes too, as does a line saying only "Thread"."""
    opening = any("🧵" in chunk.text for chunk in chunks[:2])
    lead = _counted([THREAD_MARK_RE.match(chunk.lines[0]) for chunk in chunks])
    trail = _counted([THREAD_END_RE.search(chunk.lines[-1]) for chunk in chunks])
    if not (lead or trail or opening):
        return chunks
    parts: list[_Chunk] = []
    starts: list[int] = []  # the parts that opened with a number
    numbered_next = False
    for index, chunk in enumerate(chunks):
        lines = list(chunk.lines)
        if index in lead:
            lines[0] = THREAD_MARK_RE.sub("", lines[0])
        if index in trail:
            lines[-1] = THREAD_END_RE.sub("", lines[-1])
        lines = [line for line in (THREAD_EMOJI_RE.sub("", line) for line in lines) if line.strip()]
        if not lines or (len(lines) == 1 and THREAD_LABEL_RE.match(lines[0])):
            numbered_next = numbered_next or index in lead  # "1/" alone: the part is what follows it
            continue
        if index in lead or numbered_next:
            starts.append(len(parts))
        numbered_next = False
        parts.append(replace(chunk, lines=lines))
    points = [
        i
        for i in starts
        if parts[i].single
        and len(parts[i].text.split()) <= POINT_WORDS
        and i + 1 < len(parts)
        and i + 1 not in starts  # the part goes on under its first line
        and not _is_list_chunk(parts[i])
    ]
    if len(points) >= 2:
        for number, i in enumerate(points, start=1):
            parts[i] = replace(parts[i], lines=[f"{number}. {parts[i].lines[0].strip()}"])
    return parts


def _counted(marks: list[re.Match[str] | None]) -> set[int]:
    """The places of the chunks a thread's numbers mark, when they count its parts: three or more, from 1 (or 2,
    after an unnumbered opening), one at a time, each out of the same total if any ("2/14"; a recipe's "1/2 cup"
    and "2/3 cup" are not a thread)."""
    found = [(i, int(mark.group("number"))) for i, mark in enumerate(marks) if mark]
    numbers = [number for _, number in found]
    totals = {mark.group("total") for mark in marks if mark}
    if len(found) < THREAD_PARTS or numbers[0] > 2 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return set()
    if len(totals) > 1 or not (totals <= {None, "n"} or int(next(iter(totals))) >= numbers[-1]):
        return set()
    return {i for i, _ in found}


def _chunks(text: str) -> list[_Chunk]:
    text = text.replace("\t", "    ").replace("\u00a0", " ").replace("\u200b", "")
    text = re.sub(r"\u00ad[ \t]*\n[ \t]*", "", text)  # a PDF's soft hyphen where it broke a word at a line's end
    text = _without_running_lines(text)
    text = _joined_broken_words(KEYCAP_RE.sub(lambda m: f"{m.group(1)}{m.group(2) or 10}. ", text))
    chunks: list[_Chunk] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        if line.strip():
            current.append(line)
        elif current:
            chunks.append(_Chunk(current))
            current = []
    if current:
        chunks.append(_Chunk(current))
    return [
        piece
        for chunk in chunks
        for underlined in _underlined_off(chunk)
        for paragraph in _paragraphs_off(underlined)
        for piece in _heading_off(paragraph)
    ]


# a PDF page's running head or foot with its page number, far apart on one line ("The Playbook      Page 2")
RUNNING_LINE_RE = lazy_compile(
    r"(?i)^\s*(?:(?P<before>\S.*?)\s{3,}(?:page\s+)?(?P<number>\d{1,4})|(?:page\s+)?(?P<first>\d{1,4})\s{3,}(?P<after>\S.*?))\s*$"
)


def _without_running_lines(text: str) -> str:
    """A PDF's running head or foot and the page number beside it, copied with every page's text: the same words
    beside two or more different numbers go, wherever the page broke (in the middle of a paragraph, too)."""
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        match = RUNNING_LINE_RE.match(line)
        if match:
            words = " ".join((match.group("before") or match.group("after")).split()).casefold()
            found.append((index, words, match.group("number") or match.group("first")))
    pages: dict[str, set[str]] = {}
    for _, words, number in found:
        pages.setdefault(words, set()).add(number)
    drop = {index for index, words, _ in found if len(pages[words]) >= 2} | _numbers_inside_paragraphs(lines)
    return "\n".join(line for index, line in enumerate(lines) if index not in drop) if drop else text


PAGE_LINES = 5  # lines at least between two page numbers: numbers closer together number something else


def _numbers_inside_paragraphs(lines: list[str]) -> set[int]:
    """Page numbers a viewer copied where the page broke, with no blank line on one side or both (inside or under a
    paragraph), rising through the text a page apart; and the running head beside each (a line said again at every
    page break, but the first time: the title). A number alone between blank lines is _without_page_furniture's."""
    padded = ["", *lines, ""]
    inside = [
        index
        for index, line in enumerate(lines)
        if PAGE_NUMBER_RE.match(line) and (padded[index].strip() or padded[index + 2].strip())
    ]
    numbers = [int(re.findall(r"\d+", lines[index])[0]) for index in inside]
    rising = all(later > earlier for earlier, later in itertools.pairwise(numbers))
    apart = all(later - earlier >= PAGE_LINES for earlier, later in itertools.pairwise(inside))
    if len(inside) < 2 or not rising or not apart:
        return set()
    drop = set(inside)
    said = [" ".join(line.split()).casefold() for line in lines]
    for index in inside:
        for beside in (index - 1, index + 1):
            head = said[beside] if 0 <= beside < len(lines) else ""
            title = bool(head) and _title_like(head, 10) and _capital(lines[beside].strip()[0])
            if title and said.count(head) >= 2 and said.index(head) != beside:
                drop.add(beside)
    return drop


WRAPPED_SHARE = 0.8  # of the width wrapped to: a line this long was wrapped there, not ended by its writer
NARROWEST = 25  # characters: a PDF's narrow column wraps at 35 or so; shorter lines are a poem's or a post's
ROOM_SHARE = 0.95  # of the width wrapped to: a word fits on a line this long and no longer (proportional fonts vary)
CLOSING_MARKS = "\"'”’»)]"


def _paragraphs_off(chunk: _Chunk) -> list[_Chunk]:
    """Text copied out of a PDF viewer, which drops the space between paragraphs: lines wrapped to a width run on
    from one paragraph (or heading) into the next. Where a line ends short of the width, so that the next line's
    first word would have fitted on it, its writer ended it: a paragraph's end when it ends a sentence, a heading
    when it reads as one. Prose that is not wrapped to a width (a post's short lines, code, a table) is left as it
    is, and so is a paragraph that blank lines already set apart."""
    lines = chunk.lines
    if len(lines) < 4 or chunk.underlined or any(_indent(line) >= SET_APART or "   " in line.strip() for line in lines):
        return [chunk]
    # the width the page wrapped to: most lines come close to it; one that a broken word joined to the next
    # ("be-" / "comes part of their story") is longer
    lengths = sorted(len(line.strip()) for line in lines)
    width = lengths[(len(lengths) * 4) // 5]
    # the mark of wrapping: long lines that break off mid-sentence, the next going on in lower case ("the" /
    # "rota emails."), a quarter of the lines or more
    wrapped = [
        line
        for line, following in itertools.pairwise(lines)
        if len(line.strip()) >= WRAPPED_SHARE * width and _runs_on(line.strip()) and following.lstrip()[:1].islower()
    ]
    if width < NARROWEST or len(wrapped) < 2 or len(wrapped) * 4 < len(lines) - 1:
        return [chunk]
    cuts = [i + 1 for i in range(len(lines) - 1) if _ends_paragraph(lines[i].strip(), lines[i + 1].strip(), width)]
    if not cuts:
        return [chunk]
    return [_Chunk(lines[start:end]) for start, end in zip([0, *cuts], [*cuts, len(lines)], strict=True)]


def _runs_on(line: str) -> bool:
    return not line.rstrip(CLOSING_MARKS).endswith((*FULL_STOPS, ":"))


def _ends_paragraph(line: str, following: str, width: int) -> bool:
    if len(line) + 1 + len(following.split()[0]) > ROOM_SHARE * width:
        return False  # the next word would not have fitted: the line was wrapped there
    if not _runs_on(line):
        return True
    heading = not line.endswith(TERMINAL_PUNCTUATION) and len(line.split()) <= 12 and not BULLET_RE.match(line)
    return heading and (_capital(line[0]) or line[0].isdigit()) and _capital(following[0])


UNDERLINE_RE = lazy_compile(r"^\s*([=\-~^*#])\1{2,}\s*$")


def _underlined_off(chunk: _Chunk) -> list[_Chunk]:
    """A line with a row of = or - under it ("Before the meeting" then "-----") is a heading of its own; the
    row itself is not text."""
    lines = chunk.lines
    for index in range(1, len(lines)):
        if UNDERLINE_RE.match(lines[index]) and not UNDERLINE_RE.match(lines[index - 1]):
            before = [_Chunk(lines[: index - 1])] if index > 1 else []
            heading = _Chunk([lines[index - 1]], underlined=True)
            after = _underlined_off(_Chunk(lines[index + 1 :])) if index + 1 < len(lines) else []
            return [*before, heading, *after]
    return [chunk]


def _heading_off(chunk: _Chunk) -> list[_Chunk]:
    """Text written with no blank line between its parts: a heading line above its text stands on its own,
    and so does a list that follows a line of text ("You need three things:" then "- a rope")."""
    lines = chunk.lines
    if len(lines) > 1 and _is_heading_line(lines[0].strip()):
        return [_Chunk(lines[:1]), *_heading_off(_Chunk(lines[1:]))]
    starts = [i for i, line in enumerate(lines) if BULLET_RE.match(line) or NUMBERED_RE.match(line)]
    if starts and starts[0] > 0 and not (BULLET_RE.match(lines[0]) or NUMBERED_RE.match(lines[0])):
        return [_Chunk(lines[: starts[0]]), _Chunk(lines[starts[0] :])]
    return [chunk]


def _is_heading_line(text: str) -> bool:
    words = text.split()
    if CHAPTER_RE.match(text) and len(words) <= 14 and not text.endswith((".", ",")):
        return True
    return text.endswith(":") and not text.endswith("::") and len(words) <= 5 and _capitalised_share(text) >= 0.5


def _is_interface_line(line: str) -> bool:
    """Page furniture: a short lower-case label, a date or reading time, a counter (never an indented command)."""
    stripped = line.strip()
    words = stripped.split()
    if not words:
        return True
    if _indented_code(line):
        return False
    if is_metadata(stripped):
        return True
    return len(words) <= 6 and not any(_capital(ch) for ch in stripped) and not stripped.endswith(TERMINAL_PUNCTUATION)


def _byline(line: str) -> str | None:
    return byline_name(line)


def _strip_head(chunks: list[_Chunk], under_title: bool = False) -> tuple[str | None, list[_Chunk]]:
    """Page furniture before the article (menus, labels, bylines, dates), and the author a byline names. Under
    the title, a list is the author's ("- what you need" lines), not a menu that lost its links."""
    author = None
    while chunks:
        labels = chunks[0].lines
        unpunctuated = not any(line.strip().endswith(TERMINAL_PUNCTUATION) for line in labels)
        # a menu: one-to-three-word labels in a row, or four and more of up to four words ("Open Menu Close Menu")
        longest = max(len(line.split()) for line in labels)
        short_labels = unpunctuated and (longest <= 3 or (len(labels) >= 4 and longest <= 4))
        listed = under_title and _is_list_chunk(chunks[0])
        if len(labels) >= 2 and short_labels and not listed and not any(_byline(line) for line in labels):
            chunks = chunks[1:]
            continue
        kept: list[str] = []
        lines = chunks[0].lines
        for previous, line, following in zip([None, *lines[:-1]], lines, [*lines[1:], None], strict=True):
            name = _byline(line) or _name_beside_date(line, previous, following)
            if name:
                author = author or name
            elif _page_label(line) and not _introduces_prose(line, lines, chunks):
                continue  # "Share", "Sign in" among the title's lines
            elif (
                not _is_interface_line(line)
                or (listed and (BULLET_RE.match(line) or NUMBERED_RE.match(line)))
                or _goes_on(kept, line)
            ):
                kept.append(line)
        if kept:
            chunks[0] = _Chunk(kept)
            break
        chunks = chunks[1:]
    return author, chunks


def _introduces_prose(line: str, lines: list[str], chunks: list[_Chunk]) -> bool:
    """A label alone over the author's first words ("More:" over prose, a line or a list of their own): a lead-in
    of the article's, kept; not a share row's "Share:" over its buttons ("Facebook", "LinkedIn")."""
    if lines != [line] or not line.rstrip().endswith(":") or len(chunks) < 2:
        return False
    return not all(map(_button, chunks[1].lines))


def _button(line: str) -> bool:
    """A page's button or link, a line of its own: up to three words, capitalised, unpunctuated ("LinkedIn")."""
    match = BULLET_RE.match(line)
    words = (match["item"] if match else line).strip()
    return len(words.split()) <= 3 and _capital(words[:1]) and not words.endswith(TERMINAL_PUNCTUATION)


def _goes_on(kept: list[str], line: str) -> bool:
    """A line in lower case that goes on with the sentence of the prose kept above it ("…at the end" / "of the
    quarter and the team"): a paragraph wrapped narrow, not a label, however few its words."""
    above = kept[-1].strip() if kept else ""
    prose = len(above.split()) >= 4 and not above.endswith(TERMINAL_PUNCTUATION)
    stripped = line.strip()
    return prose and stripped[:1].islower() and not is_metadata(stripped)


def _name_beside_date(line: str, previous: str | None, following: str | None) -> str | None:
    """A name alone on the line under or over a post's date ("March 12, 2026" / "Helen Okafor", Substack's "Lena
    Park" / "Mar 02, 2026"): its byline without "By"."""
    name = " ".join(line.split())
    if not any(other and DATE_RE.match(other.strip()) for other in (previous, following)):
        return None
    if not 2 <= len(name.split()) <= 4:
        return None
    return name if is_signature(name) and not PAGE_LABEL_RE.match(name) else None


def _page_label(line: str) -> bool:
    """A page's label alone on its line: "Share", "Sign in", "Comments" (not a sentence that starts so: "Next
    steps?")."""
    line = BUTTON_MARK_RE.sub("", line.strip())  # LinkedIn's "+ Follow"
    words = line.split()
    sentence = line.rstrip().endswith(FULL_STOPS)  # "Share:" is a label still
    return 0 < len(words) <= 3 and bool(SITE_LABEL_RE.match(line)) and not sentence


def _early_byline(chunks: list[_Chunk]) -> str | None:
    """The author a byline under the title names ("Posted on 14 October 2025 by Tomasz Nowak")."""
    return next((name for chunk in chunks[:4] for line in chunk.lines if (name := _byline(line))), None)


def _strip_tail(chunks: list[_Chunk], author: str | None = None) -> list[_Chunk]:
    """Drop what follows the article: everything after the author's sign-off (and its P.S.), the blocks a blog
    platform puts under a post, and the trailing run of short unpunctuated lines (related posts, 'See All',
    'Comments'), but not the name a letter is signed with ('Warm regards,' then 'Claire')."""
    end, signed = _article_end(chunks, author)
    if end == len(chunks) and not signed and _bare_signature(chunks):
        return chunks  # the author's name under the last paragraph: the article's end, as signed
    chunks = chunks[:end]
    while len(chunks) > 1 and not signed:  # a sign-off says exactly where the article ends
        last = chunks[-1]
        if _is_signed(chunks[-2], last) or not _furniture(last) or _announced_list(chunks[-2], last):
            break
        chunks = chunks[:-1]
    return chunks


def _bare_signature(chunks: list[_Chunk]) -> bool:
    """The text ends with a name alone under a paragraph of prose: the author signing (bylines.bare_signature)."""
    if len(chunks) < 3 or not chunks[-1].single:
        return False
    return bare_signature(chunks[-1].text, chunks[-2].text, [chunk.text for chunk in chunks[:-1]])


def _announced_list(before: _Chunk, chunk: _Chunk) -> bool:
    """A list of the author's, however short and lower-case its items ("What you need:" then "- a laptop"): more
    than one item, or one after a lead-in or another item. A lone "· Share" is still the page's."""
    if not _is_list_chunk(chunk):
        return False
    return len(chunk.lines) > 1 or _is_list_chunk(before) or before.text.rstrip().endswith(":")


def _article_end(chunks: list[_Chunk], author: str | None) -> tuple[int, bool]:
    """Where the article ends, and whether it is signed: after its sign-off, or where the page's under-the-post
    blocks begin, when either is in its last part (the first half of a text is always the article's)."""
    start = max(1, len(chunks) // 2)
    for index in range(start, len(chunks)):
        if _under_post(chunks, index):
            return index, False
        if _signs_off(chunks[index - 1], chunks[index], author):
            end = index + 1
            while end < len(chunks) and is_postscript(chunks[end].text):
                end += 1
            # only page furniture may follow a sign-off, up to what a blog puts under its posts: a name alone
            # before more prose is a speaker in an interview, or a letter within the article
            after = end
            while after < len(chunks) and _furniture(chunks[after]) and not _under_post(chunks, after):
                after += 1
            if after == len(chunks) or _under_post(chunks, after):
                return end, True
    return len(chunks), False


def _under_post(chunks: list[_Chunk], index: int) -> bool:
    """chunks[index] is the first of the blocks a blog platform puts under a post: a count of comments or a
    copyright line, or a short label ("Share this:", "Related") that page furniture follows (followed by prose,
    "Comment:" introduces the article's own words)."""
    chunk = chunks[index]
    first = " ".join(chunk.lines[0].split())
    if UNDER_POST_RE.match(first):
        return True
    if len(first.split()) > 6 or not UNDER_POST_LABEL_RE.match(first):
        return False
    if not chunk.single:  # "Posted in Leadership" over "Share", "Facebook", "Email"
        return all(_is_tail_furniture(line) for line in chunk.lines[1:])
    return index + 1 == len(chunks) or _furniture(chunks[index + 1])


def _furniture(chunk: _Chunk) -> bool:
    return all(_is_tail_furniture(line) for line in chunk.lines)


def _signs_off(before: _Chunk, chunk: _Chunk, author: str | None) -> bool:
    """The author's name alone on its line ('Tomasz' under a post by Tomasz Nowak), or a closing and a name."""
    if _is_signed(before, chunk) or _closing_and_name(chunk):
        return True
    return chunk.single and signed_by(chunk.text, author)


def _is_signed(closing: _Chunk, name: _Chunk) -> bool:
    return closing.single and is_closing(closing.text) and name.single and is_signature(name.text)


def _signed_by(chunks: list[_Chunk]) -> str | None:
    """The name a letter ends with, after its closing or alone (and above its P.S.): the author when no byline
    said so."""
    while len(chunks) > 1 and is_postscript(chunks[-1].text):
        chunks = chunks[:-1]
    if (len(chunks) >= 2 and _is_signed(chunks[-2], chunks[-1])) or _bare_signature(chunks):
        return signature_name(chunks[-1].text)
    sign_off = _closing_and_name(chunks[-1]) if chunks else None
    return sign_off[1] if sign_off else None


def _closing_and_name(chunk: _Chunk) -> tuple[str, str] | None:
    """A closing above a name, in one chunk of two lines ("Talk soon," / "Grace")."""
    return closing_and_name(chunk.lines)


def _is_tail_furniture(line: str) -> bool:
    stripped = line.strip()
    if _indented_code(line):
        return False
    if _is_interface_line(stripped):
        return True
    words = stripped.split()
    if len(words) <= 6 and UNDER_POST_LABEL_RE.match(stripped):
        return True  # "Like this:", "J'aime :" among the share buttons
    return len(words) <= 4 and not stripped.endswith(TERMINAL_PUNCTUATION) and not BULLET_RE.match(line)


def _title_like(text: str, max_words: int) -> bool:
    words = text.split()
    return (0 < len(words) <= max_words and not text.rstrip().endswith((".", ",", ";"))) or text.endswith("...")


def _capital(character: str) -> bool:
    """A capital letter, or a letter of a script without capitals (Arabic, Hebrew, Chinese…), which can open a
    heading or a name as a capital does."""
    return character.isupper() or (character.isalpha() and not character.islower())


def _capitalised_share(text: str) -> float:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    if not words:
        return 0.0
    return sum(1 for w in words if _capital(w[0])) / len(words)


def _heading_kind(chunk: _Chunk, next_chunk: _Chunk | None, previous: _Chunk | None = None) -> str | None:
    """'chapter', 'caps', 'colon', 'indent', 'numbered', 'plain' or 'sentence' when the chunk is a heading line."""
    if not chunk.single:
        return None
    if chunk.underlined:
        return "underlined"
    text = chunk.text
    words = text.split()
    if BULLET_RE.match(chunk.lines[0]) and not text.endswith(":"):
        return None
    if CHAPTER_RE.match(text) and len(words) <= 14 and not text.endswith((".", ",")):
        return "chapter"
    if text.endswith(":") and not text.endswith("::") and len(words) <= 12:
        if len(words) <= 4 or _capitalised_share(text) >= 0.5:
            return "colon"
        return None
    if text.endswith(TERMINAL_PUNCTUATION) or len(words) > 10 or next_chunk is None:
        return None
    next_is_list = bool(BULLET_RE.match(next_chunk.lines[0]) or NUMBERED_RE.match(next_chunk.lines[0]))
    if NUMBERED_RE.match(text):
        return None if next_is_list else "numbered"
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) > 1:
        return "caps"
    if chunk.indent >= 3:
        return "indent"
    if len(words) <= 8 and _capitalised_share(text) >= 0.6 and _capital(text[0]):
        return "plain"
    if _sentence_case_heading(text, previous, next_chunk, next_is_list):
        return "sentence"
    return None


def _sentence_case_heading(text: str, previous: _Chunk | None, next_chunk: _Chunk, next_is_list: bool) -> bool:
    """A heading written as a sentence is ("The first week"): a short capitalised line without a full stop
    between a paragraph that ends as prose does and a paragraph (or list) of some length."""
    words = text.split()
    if not 2 <= len(words) <= 8 or not _capital(text[0]) or is_closing(text) or previous is None:
        return False
    after_prose = previous.text.rstrip().endswith(TERMINAL_PUNCTUATION) or _is_list_chunk(previous)
    before_text = next_is_list or len(next_chunk.text.split()) >= 12 or next_chunk.text.rstrip().endswith(":")
    return after_prose and before_text


def _block_heading_kind(chunks: list[_Chunk], index: int, author: str | None) -> str | None:
    """The heading kind of chunks[index] among its neighbours; the sign-off ("Ines" above her P.S.) is none."""
    chunk = chunks[index]
    previous = chunks[index - 1] if index else None
    following = chunks[index + 1] if index + 1 < len(chunks) else None
    last = all(is_postscript(later.text) for later in chunks[index + 1 :])
    if previous is not None and last and _signs_off(previous, chunk, author):
        return None
    return _heading_kind(chunk, following, previous)


# a transcript's time mark opening a turn: "[00:02:14]", "(02:14)", or bare when a speaker's name follows
TIMESTAMP_RE = lazy_compile(r"^\s*(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]|\d{1,2}:\d{2}:\d{2})\s*[-–—]?\s*")
SPEAKER_RE = lazy_compile(r"^(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}):\s+(?=\S)")
QA_LABELS = frozenset({"question", "answer", "frage", "antwort", "pregunta", "respuesta", "réponse", "domanda",
                       "risposta", "pergunta", "resposta", "vraag", "antwoord"})  # fmt: skip
TURNS = 3  # paragraphs at least that open with a time mark, or with a speaker's name, in a transcript


def _transcript(chunks: list[_Chunk]) -> tuple[list[_Chunk], set[str]]:
    """A recording's transcript pasted as text ("[00:02:14] Dana: Do not discount."): the time marks go (the
    subscriber has no recording to find them in), and the speakers' names are returned, two or more, each opening
    two turns or more, for the blocks to set them in bold as an interview does. A day's agenda ("09:00 Doors open")
    keeps its times: a bare time is a time mark only with hours, minutes and seconds."""
    marked = [i for i, chunk in enumerate(chunks) if TIMESTAMP_RE.match(chunk.lines[0])]
    if len(marked) >= TURNS:
        chunks = [
            replace(chunk, lines=[TIMESTAMP_RE.sub("", chunk.lines[0]), *chunk.lines[1:]]) if i in marked else chunk
            for i, chunk in enumerate(chunks)
        ]
    turns = Counter(match.group("name") for chunk in chunks if (match := SPEAKER_RE.match(chunk.lines[0])))
    # a Q&A's "Q:" and "A:" are its own form: its questions are headings (see _heading_kind)
    speakers = {name for name, count in turns.items() if count >= 2 and len(name) > 1 and name.lower() not in QA_LABELS}
    return chunks, speakers if len(speakers) >= 2 and turns.total() >= TURNS else set()


def _blocks(
    chunks: list[_Chunk], author: str | None = None, speakers: frozenset[str] | set[str] = frozenset()
) -> list[Block]:
    set_apart = _set_apart(chunks)
    typed = {i for i in range(len(chunks)) if i not in set_apart and _typed_code(chunks, i)}
    aligned = {i: _aligned_table(chunk) for i, chunk in enumerate(chunks) if i not in set_apart | typed}
    tables = {i: table for i, table in aligned.items() if table is not None}
    shown_as_typed = set_apart | typed | tables.keys()
    kinds = [None if i in shown_as_typed else _block_heading_kind(chunks, i, author) for i in range(len(chunks))]
    for i in range(len(chunks) - 1):
        if kinds[i] == "colon" and i + 1 in shown_as_typed:
            kinds[i] = None  # "Put this in ~/.ssh/config:" above the code: its lead-in, not a heading
    for index in _numbered_sections(chunks, kinds):
        kinds[index] = "numbered"
    questions = [index for index in range(len(chunks)) if kinds[index] is None and _question_heading(chunks, index)]
    if len(questions) >= 2:  # "Why do most talks bore?" … "And the nerves?": one question is a paragraph's
        for index in questions:
            kinds[index] = "question"
    for index, chunk in enumerate(chunks):
        speaker = SPEAKER_RE.match(chunk.lines[0])
        if speaker and speaker.group("name") in speakers:
            kinds[index] = None  # "Sam: So what should they do instead?" is a turn of the interview, not a heading
    has_chapters = "chapter" in kinds
    blocks: list[Block] = []
    list_items: list[ListItem] = []

    def flush_list() -> None:
        if list_items:
            blocks.append(_list_block(list_items))
            list_items.clear()

    breaks: set[int] = set()  # blocks the author set apart with a section break: where a lesson may start
    for i, chunk in enumerate(chunks):
        kind = kinds[i]
        if chunk.single and SECTION_BREAK_RE.match(chunk.lines[0]):
            flush_list()
            breaks.add(len(blocks))
            continue
        if i in set_apart:  # indented under the text: a command or code as typed, or words quoted as a sample
            flush_list()
            blocks.append(_set_apart_block(chunk))
            continue
        if i in typed or i in tables:
            flush_list()
            blocks.append(_code_block(chunk) if i in typed else tables[i])
            continue
        if kind is None and _is_list_chunk(chunk) and not _attribution(chunks, i):
            items = _list_items(chunk)
            top = not list_items or items[0][2] <= list_items[0][2] + 1  # not an item nested in the list above
            if list_items and top and (list_items[0][0] is None) != (items[0][0] is None):
                flush_list()
            list_items.extend(items)
            continue
        flush_list()
        if kind is None and all(line.lstrip().startswith(">") for line in chunk.lines):
            quoted = " ".join(line.lstrip()[1:].strip() for line in chunk.lines)
            blocks.append(Block("quote", "> " + escape_markdown(quoted), quoted))
            continue
        if kind is not None:
            text = chunk.text.strip().rstrip(":").strip()
            numbered = NUMBERED_RE.match(text)
            if numbered:
                text = f"{numbered.group('number')}. {numbered.group('item')}"
            next_chunk = chunks[i + 1] if i + 1 < len(chunks) else None
            follows_lead_in = bool(blocks) and blocks[-1].glue_next
            caption = kind == "colon" and next_chunk is not None and _is_list_chunk(next_chunk)
            level = 3 if (has_chapters and kind != "chapter") or caption or follows_lead_in else 2
            # "## 3. Step" is a heading, not a list: its number needs no escaping ("## 3\. Step" reads oddly)
            escaped = re.sub(r"^(\d+)\\([.)])", r"\1\2", escape_markdown(text))
            blocks.append(Block("heading", "#" * level + " " + escaped, text, level=level))
        elif sign_off := _closing_and_name(chunk):  # "Talk soon," above "Grace": two lines
            closing, name = sign_off
            blocks.append(Block("paragraph", f"{escape_markdown(closing)}  \n{escape_markdown(name)}", chunk.text))
        else:
            text = chunk.text.strip()
            lead_in = text.endswith((":", *POINTING_DOWN))
            markdown = (
                "  \n".join(escape_markdown(line.strip()) for line in chunk.lines)
                if _line_by_line(chunk)
                else escape_markdown(text)
            )
            speaker = SPEAKER_RE.match(text)
            if speaker and speaker.group("name") in speakers:  # "**Dana:** Do not discount.", as an interview
                markdown = f"**{escape_markdown(speaker.group('name'))}:** {escape_markdown(text[speaker.end() :])}"
            blocks.append(Block("paragraph", markdown, text, glue_next=lead_in))
    flush_list()
    return [replace(block, break_before=True) if i in breaks and i else block for i, block in enumerate(blocks)]


def _line_by_line(chunk: _Chunk) -> bool:
    """Short lines that each end a sentence ("Not because of price." / "Not because of quality."), as a social
    post or a poem sets them: the author's line breaks, kept. Prose wrapped to a width runs on, its lines joined."""
    lines = [line.strip() for line in chunk.lines]
    return len(lines) > 1 and all(len(line) <= SHORT_LINE and line.endswith(TERMINAL_PUNCTUATION) for line in lines)


def _numbered_sections(chunks: list[_Chunk], kinds: list[str | None]) -> list[int]:
    """Numbered lines that open the article's sections, full stop and all ("1. Silence feels like safety. It
    isn't." then paragraphs, "2. Reports are not relationships." then paragraphs): each alone between prose, and
    numbered 1, 2, 3… through the article. A list written with blank lines between its items is still a list."""
    found = []
    for index, chunk in enumerate(chunks):
        numbered = NUMBERED_RE.match(chunk.lines[0])
        if not (chunk.single and numbered and kinds[index] is None and len(chunk.text.split()) <= 14):
            continue
        around = chunks[index - 1 : index] + chunks[index + 1 : index + 2]
        if len(around) == 2 and not any(_is_list_chunk(other) for other in around):
            found.append((index, int(numbered.group("number"))))
    numbers = [number for _, number in found]
    return [index for index, _ in found] if len(found) >= 2 and numbers == list(range(1, len(found) + 1)) else []


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _indented_code(line: str) -> bool:
    return _indent(line) >= SET_APART and bool(CODE_LINE_RE.search(line))


def _set_apart(chunks: list[_Chunk]) -> set[int]:
    """The chunks indented four spaces or more under an unindented text (a text that indents every paragraph sets
    none apart): several lines, or one of code; a list keeps its own indentation."""
    indented = {i for i, chunk in enumerate(chunks) if all(_indent(line) >= SET_APART for line in chunk.lines)}
    if len(indented) * 2 >= len(chunks):
        return set()
    return {
        i
        for i in indented
        if not _is_list_chunk(chunks[i])
        and (not chunks[i].single or CODE_LINE_RE.search(chunks[i].lines[0]))  # one plain line: a heading ("Epilogue")
    }


PROMPT_RE = lazy_compile(r"^\s*(\$|PS [^>\s]*>|[A-Z]:\\[^>]*>)\s+\S")  # "$ ssh-keygen …", "PS C:\\> …"
CODE_NEVER_ENDS = FULL_STOPS  # a line ending so is a sentence (code ends with ")", ";")


def _typed_code(chunks: list[_Chunk], index: int) -> bool:
    """Code typed flush with the text: a command after a shell prompt ("$ ssh-keygen …"), or what a lead-in
    introduces ("Put this in ~/.ssh/config:") when its lines read as code, not prose: none ends a sentence, and
    they look like code or indent under the first as a config file's stanza does."""
    chunk = chunks[index]
    if PROMPT_RE.match(chunk.lines[0]):
        return True
    if index == 0 or _is_list_chunk(chunk) or not chunks[index - 1].text.rstrip().endswith(":"):
        return False
    if any(line.rstrip().endswith(CODE_NEVER_ENDS) for line in chunk.lines):
        return False
    if chunk.single:  # "git push origin main": a command, where a sentence would start with a capital
        return bool(CODE_LINE_RE.search(chunk.lines[0])) and not _capital(chunk.lines[0].lstrip()[:1])
    first = _indent(chunk.lines[0])
    stanza = any(_indent(line) >= first + 2 for line in chunk.lines[1:])
    return stanza or sum(bool(CODE_LINE_RE.search(line)) for line in chunk.lines) * 2 >= len(chunk.lines)


def _code_block(chunk: _Chunk) -> Block:
    margin = min(_indent(line) for line in chunk.lines)
    code = "\n".join(line[margin:] for line in chunk.lines)
    fence = "~~~" if "```" in code else "```"
    return Block("code", f"{fence}\n{code}\n{fence}", code)


CELL_GAP_RE = lazy_compile(r"\S+(?: \S+)*")  # a cell: words apart by single spaces; two or more end it


def _aligned_table(chunk: _Chunk) -> Block | None:
    """Lines of cells lined up in columns with spaces (a table typed in plain text): a Markdown table headed by
    its first line, when every line has the same two or more cells and each column starts at the same place."""
    if chunk.single or _is_list_chunk(chunk):
        return None
    rows = [list(CELL_GAP_RE.finditer(line)) for line in chunk.lines]
    columns = len(rows[0])
    if columns < 2 or any(len(row) != columns for row in rows):
        return None
    if any(abs(row[c].start() - rows[0][c].start()) > 1 for row in rows for c in range(columns)):
        return None
    cells = [[escape_markdown(cell.group(0)) for cell in row] for row in rows]
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    lines.insert(1, "|" + " --- |" * columns)
    text = "\n".join(" | ".join(cell.group(0) for cell in row) for row in rows)
    return Block("table", "\n".join(lines), text)


def _set_apart_block(chunk: _Chunk) -> Block:
    """An indented chunk: a code block as typed when any line looks like code, else a quote (a sample email, a
    passage) whose lines join as the text's paragraphs do."""
    if any(CODE_LINE_RE.search(line) for line in chunk.lines):
        return _code_block(chunk)
    text = chunk.text.strip()
    return Block("quote", "> " + escape_markdown(text), text)


def _attribution(chunks: list[_Chunk], index: int) -> bool:
    """ "— Mark" under a letter, "– Seneca, Letters" under a quote: one short line after a dash, with no dashed list
    around it, is a signature or a source as the author wrote it, not a list of one item."""
    lines = chunks[index].lines
    if len(lines) != 1 or not DASH_LINE_RE.match(lines[0]) or len(lines[0].split()) > 7:
        return False
    neighbours = [chunks[i] for i in (index - 1, index + 1) if 0 <= i < len(chunks)]
    return not any(DASH_LINE_RE.match(chunk.lines[0]) or DASH_LINE_RE.match(chunk.lines[-1]) for chunk in neighbours)


def _question_heading(chunks: list[_Chunk], index: int) -> bool:
    """A question alone on its line between paragraphs, answered by the prose under it ("¿Y los nervios?"): a
    heading when the article has two or more of them."""
    chunk = chunks[index]
    text = chunk.text.strip()
    words = text.split()
    if (
        not chunk.single
        or not text.endswith(QUESTION_MARKS)
        or not 2 <= len(words) <= 14
        or index in (0, len(chunks) - 1)
    ):
        return False
    if not _capital(text.lstrip("¿¡")[:1]) or sum(text.count(mark) for mark in QUESTION_MARKS) > 1 or is_closing(text):
        return False
    previous, following = chunks[index - 1], chunks[index + 1]
    answered = _is_list_chunk(following) or len(following.text.split()) >= 12
    return answered and previous.text.rstrip().endswith(TERMINAL_PUNCTUATION)


def _is_list_chunk(chunk: _Chunk) -> bool:
    first = chunk.lines[0]
    return bool(BULLET_RE.match(first) or NUMBERED_RE.match(first))


ListItem = tuple[str | None, str, int]  # an item's number (None: a bullet), its text, and its line's indentation


def _list_items(chunk: _Chunk) -> list[ListItem]:
    """(number or None, text, indentation) per item; continuation lines join the item above."""
    items: list[ListItem] = []
    for line in chunk.lines:
        bullet = BULLET_RE.match(line)
        numbered = NUMBERED_RE.match(line)
        indent = _indent(line)
        if numbered:
            items.append((numbered.group("number"), numbered.group("item").strip(), indent))
        elif bullet:  # "o" under "•" with no indentation (Word): as deep as its marker says
            depth = SUB_BULLETS.get(bullet.group("marker"), 0) if items else 0
            items.append((None, bullet.group("item").strip(), max(indent, 4 * depth)))
        elif items:
            number, text, indent = items[-1]
            items[-1] = (number, f"{text} {line.strip()}", indent)
        else:
            items.append((None, line.strip(), indent))
    return items


def _list_block(items: list[ListItem]) -> Block:
    """The items as a Markdown list, an item indented under another (a tab, a few spaces: "●" then "	○") nested
    in it; a column or so more or less is the same level, as copied text wobbles."""
    lines = []
    levels: list[tuple[int, int]] = []  # per open level: its items' indentation, and where their text starts
    for number, text, indent in items:
        while levels and indent < levels[-1][0] - 1:
            levels.pop()
        if levels and indent <= levels[-1][0] + 1:
            levels.pop()  # a sibling: same level, its own marker
        offset = levels[-1][1] if levels else 0
        marker = f"{number}." if number is not None else "-"
        lines.append(f"{' ' * offset}{marker} {escape_markdown(text)}")
        levels.append((indent, offset + len(marker) + 1))
    return Block("list", "\n".join(lines), "\n".join(text for _, text, _ in items))


_MD_SPECIAL = lazy_compile(r"([\\`*_\[\]<>|~])")


def escape_markdown(text: str) -> str:
    """Escape plain text so Markdown shows it verbatim."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([#>+=-])", r"\1\\\2", text)
    text = re.sub(r"^(\s*\d+)([.)])(\s)", r"\1\\\2\3", text)
    return re.sub(r"&(?=#?\w+;)", r"\\&", text)
