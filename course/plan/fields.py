"""Each lesson's fields: a title from its own headings (or a whole phrase of its opening), a subject of at most 60
characters that reads as a person wrote it, a preheader of whole sentences that adds to the subject, a unique
slug, and the day it is sent. A lesson whose first heading is its title shows it once (the title)."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import NamedTuple

from slugify import slugify

from ..lazyre import lazy_compile
from ..model import Article, Block, Schedule
from ..phrases import (
    balanced,
    clause_starts,
    cut_at_phrase,
    ends_whole,
    sentences,
    short_phrase,
    whole_words,
    word_set,
)
from ..text import ITEM_NUMBER_RE, markdown_words_text, phrase_words, visible
from .schedule import slots

SUBJECT_MAX, PREHEADER_MIN, PREHEADER_MAX = 60, 40, 110
SUBJECT_LONGEST = 70  # a title up to this long is its subject whole (an inbox on a desktop shows about 70)
MIN_SUBJECT_WORDS = 3
APOSTROPHES = [["'", ""], ["’", ""]]
LESSON_SLUG_MAX = 48
AND_WORD = {"en": "and", "de": "und", "fr": "et", "es": "y", "it": "e", "nl": "en", "pt": "e", "sv": "och"}
PROSE = ("paragraph", "list", "quote")
FENCE_IN_LIST_RE = lazy_compile(r"(?ms)^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[ \t]*$\n?")  # code inside a list item
LIST_MARKER_RE = lazy_compile(
    r"(?m)^\s*(?:(?:\d+[.)]|[-*+•])\s+)?\[[ xX]\]\s+|^\s*(?:\d+[.)]|[-*+•])\s+"
)  # "1. ", "[x] "
# a transcript's speaker in bold, the colon inside or outside: "**Host:** How did you…", "**Dana**: By email…"
# or alone on its line above what they say ("**Brian**" and a line break, as podcast transcripts are written)
BOLD_LABEL_RE = lazy_compile(r"^\*\*(?P<name>[^*:\n]{1,30}?)(?::\*\*|\*\*:|\*\*(?=(?: {2,}|\\)\n))\s+(?=\S)")
ANSWER_LABEL_RE = lazy_compile(r"(?i)^(a|answer|antwort)\s*:\s+(?=\S)")  # an interview's "A: I don't, mostly."
QUESTION_LABEL_RE = lazy_compile(r"(?i)^(q|question|frage)\s*\d*\s*[:.]\s+(?=\S)")  # "Q: How do you …?"
GENERIC_HEADINGS = {
    "introduction", "intro", "overview", "preface", "foreword", "background", "conclusion", "conclusions",
    "summary", "in summary", "in conclusion", "wrap up", "wrapping up", "final thoughts", "closing thoughts",
    "closing", "closing words", "final words", "epilogue", "afterword", "outro", "parting thoughts",
    "questions for you", "over to you", "your turn",
    "takeaways", "key takeaways", "tl dr", "tldr", "einleitung", "fazit", "zusammenfassung", "introduction générale",
    "en résumé", "résumé", "introducción", "conclusión", "resumen", "introduzione", "conclusione", "inleiding",
    "conclusie", "samenvatting", "faq", "faqs", "notes", "footnotes", "endnotes", "anmerkungen", "fußnoten",
    "notes de bas de page", "notas", "note", "frequently asked questions", "questions", "q a", "further reading",
    "resources", "references", "häufige fragen", "questions fréquentes", "preguntas frecuentes",
    # and what a guide may end with: a checklist, a recap, the next steps, an appendix
    "checklist", "checklists", "the checklist", "cheat sheet", "cheatsheet", "recap", "next steps", "action items",
    "action steps", "appendix", "glossary", "bibliography", "sources", "useful links", "further resources",
    "additional resources", "checkliste", "anhang", "glossar", "nächste schritte", "annexe", "glossaire",
    "prochaines étapes", "lista de verificación", "anexo", "glosario", "próximos pasos", "appendice", "glossario",
    "prossimi passi", "bijlage", "woordenlijst", "volgende stappen",
}  # fmt: skip
LABEL_PREFIX_RE = lazy_compile(
    r"(?i)^(step|part|chapter|section|lesson|day|week|month|page|phase|stage|round|module|session|tip|rule|habit|"
    r"mistake|idea|reason|question|kapitel|teil|schritt|seite|phase|chapitre|partie|étape|capítulo|paso|parte|fase|"
    r"etapa)"
    r"\s+(\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten)\s*[:.–—-]\s+(?=\S)"
)  # "Part three: " before a title's own words
LEADING_SYMBOLS_RE = lazy_compile(
    r"^[\U0001F000-\U0001FAFF\u2190-\u2BFF\uFE0F\u200D]+\s*"
)  # "🎉 Send it": emoji, arrows
TRAILING_ASIDE_RE = lazy_compile(r"\s*\([^()]*\)\s*$")
SUBTITLE_RE = lazy_compile(r"\s*(?::|\s[–—-])\s")  # "Title: subtitle", "Titre : sous-titre", "Title — subtitle"
LETTERS_RE = lazy_compile(r"[^\W\d_]")
FRAGMENT_WORDS = 12  # at most, in a subtitle or a label that ends no sentence ("A practical guide for agencies")
SENTENCE_ENDS = tuple('.!?…:;"”’)»。！？」』')
FOOTNOTE_MARK_RE = lazy_compile(r"\[\d{1,3}\]")  # how a footnote's mark reads in a block's text
NOTES_RE = lazy_compile(r"\n\n(?=\[\^[^\]\n]+\]:)")  # where a block's footnotes, brought to it, begin
NOTE_MARK_RE = lazy_compile(r"\[\^[^\]\s]+\]")  # a footnote's mark as written: "[^1]"
# a blog's disclosure ("This post may contain affiliate links", "sponsored by"): the author's to keep in the
# lesson, but not what an inbox shows beside the subject
DISCLOSURE_RE = lazy_compile(
    r"(?i)\b(affiliate links?|earn(s)? (a (small )?commission )?from qualifying purchases|(this|the) (post|article|"
    r"video|episode) (is|was) sponsored|sponsored (post|content)|paid partnership)\b"
)
ARTICLES = {"the", "a", "an", "der", "die", "das", "le", "la", "les", "el", "los", "las", "il", "lo", "het", "de"}
# a question's first word, which two titles share without sharing a subject ("What we changed", "What happened")
QUESTION_WORDS = {"what", "how", "why", "when", "where", "who", "which", "was", "wie", "warum", "wann", "wo", "wer",
                  "quoi", "comment", "pourquoi", "quand", "où", "qui", "qué", "cómo", "cuándo", "dónde", "quién",
                  "cosa", "come", "perché", "dove", "chi", "que", "como", "onde", "quem", "wat", "hoe", "waarom",
                  "wanneer", "waar"}  # fmt: skip
# verbs English how-to headings open with, telling the reader what to do ("Offer three options", "Stop reading
# the CRM aloud"): a title that does so and one that names a thing ("The three-line update") are not joined
INSTRUCTION_VERBS = word_set(
    "add alert allow answer apply ask automate avoid back begin block book break bring build buy call cancel celebrate "
    "change charge check choose clean close collect commit compare cut decide define delete delegate deploy "
    "describe document do don't double drop edit enable end explain find finish fix follow forget give go hire "
    "ignore install invite keep kill know label land launch lead learn leave let limit list listen log look make "
    "map measure meet move name note offer open pay pick plan point practice practise prepare price print protect "
    "publish put raise read record reduce refuse reload remember remove repeat reply report respect rest restart "
    "return review rewrite run save say schedule see sell send set share ship show sign skip slow sort speak split "
    "start stay stop take talk teach tell test think track train treat try turn update use wait walk watch write"
)
NOUN_MARKERS = word_set("of is are was were vs vs. results and or")  # "Review of…", "Test results"
# what an English title naming a thing opens with: an article, a possessive or demonstrative, a number, a question
# word or a preposition ("The three-line update", "Your first macro", "What happened", "After two weeks")
THING_STARTS = word_set(
    "the a an your my our their his her its this that these those one two three four five six seven eight nine ten "
    "what how why when where who which after before during about beyond inside behind between"
)
SMALL_WORDS = {  # lower-case inside a title
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to", "vs", "with",
}  # fmt: skip


class LessonFields(NamedTuple):
    title: str
    subject: str
    preheader: str
    slug: str
    day: int
    heading_is_title: bool  # the lesson's first block is a heading that says its title: the title shows it


def lesson_days(count: int, every_days: int = 1, days: tuple[int, ...] | None = None) -> list[int]:
    """The day of each lesson by [schedule] alone: an explicit list (continued at its last gap), else every N
    days."""
    return slots(count, Schedule(every=every_days, days=days))


def describe_lessons(
    article: Article, groups: list[list[Block]], every_days: int = 1, days: tuple[int, ...] | None = None
) -> list[LessonFields]:
    """Title, subject, preheader, slug and day for each group of blocks, unique within the course."""
    described: list[LessonFields] = []
    used_slugs: set[str] = set()
    used_subjects: set[str] = set()
    schedule = lesson_days(len(groups), every_days, days)
    proper = proper_words(article)
    # a lesson holding several numbered items shows their numbers; then every lesson titled by an item does
    numbered = any(_numbered_items(blocks, blocks[0]) > 1 for blocks in groups if blocks[0].kind == "heading")
    for number, blocks in enumerate(groups, start=1):
        title = _not_shouting(lesson_title(blocks, article, number, proper))  # the title its subject is
        subject = _unique(lesson_subject(title, article.title), used_subjects, number)
        preheader = lesson_preheader(blocks, subject)
        slug = _unique(
            slug_of(title, LESSON_SLUG_MAX) or "lesson",
            used_slugs,
            number,
            sep="-",
        )
        first = blocks[0]
        heading_is_title = first.kind == "heading" and _same(_without_generic_label(strip_number(first.text)), title)
        if heading_is_title and numbered and ITEM_NUMBER_RE.match(first.text):
            title = _no_full_stop(first.text)  # "2. Send the agenda…" above "3. Put prices in writing": numbered
        fields = (visible(title), visible(subject), visible(preheader))
        described.append(LessonFields(*fields, slug, schedule[number - 1], heading_is_title))
    return described


def _numbered_items(blocks: list[Block], first: Block) -> int:
    """How many numbered items ("2. …", "III. …") at the first heading's level the lesson holds, the first included."""
    if not ITEM_NUMBER_RE.match(first.text):
        return 0
    return sum(b.kind == "heading" and b.level == first.level and bool(ITEM_NUMBER_RE.match(b.text)) for b in blocks)


def slug_of(title: str, max_length: int) -> str:
    """The title's slug, cut after its last whole word within max_length ("why-our-team-stopped-doing-daily"):
    python-slugify's own word_boundary cut skips a word that does not fit and goes on with shorter ones after it
    ("…-as-a-freelance-and"), which no longer says the title."""
    full = slugify(title, replacements=APOSTROPHES)
    if len(full) <= max_length:
        return full
    cut = full[: max_length + 1].rsplit("-", 1)[0]
    return cut if cut and len(cut) <= max_length else full[:max_length].strip("-")


def _unique(value: str, used: set[str], number: int, sep: str = " ") -> str:
    if value.lower() in used:
        value = f"{value}{sep}({number})" if sep == " " else f"{value}{sep}{number}"
    used.add(value.lower())
    return value


def strip_number(text: str) -> str:
    """A heading without its item number: "4. You don't keep the bar high" -> "You don't keep the bar high"
    (Roman numerals too: "II. During the meeting"), or an interview's "Q:" before its question."""
    return QUESTION_LABEL_RE.sub("", ITEM_NUMBER_RE.sub("", text)).strip()


# words written with a full stop of their own, which a title keeps ("…and end with a P.S.")
ABBREVIATIONS = frozenset({"etc", "vs", "al", "inc", "ltd", "co", "jr", "sr", "approx", "incl", "usw", "bzw", "cf"})


def _no_full_stop(heading: str) -> str:
    """A heading as a title: without the full stop a post's numbered lines end with ("2. Reports are not
    relationships."); an ellipsis stays, and so does an abbreviation's own ("End with a P.S.", "…, etc.")."""
    if not heading.endswith(".") or heading.endswith(".."):
        return heading
    last = heading[:-1].split()[-1] if heading[:-1].split() else ""
    if "." in last or last.lower() in ABBREVIATIONS:
        return heading
    return heading[:-1].rstrip()


def _same(a: str, b: str) -> bool:
    def key(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))

    return key(a) == key(b)


def proper_words(article: Article) -> set[str]:
    """Words the author capitalises in the middle of a sentence (names, products): their case is kept."""
    found: set[str] = set()
    for block in article.blocks:
        if block.kind not in PROSE:
            continue
        # each item of a list starts as a sentence does ("- The website's CMS"): its first word is no name
        lines = LIST_MARKER_RE.sub("", block.text).split("\n") if block.kind == "list" else [block.text]
        for sentence in (sentence for line in lines for sentence in sentences(line)):
            sentence = LEADING_SYMBOLS_RE.sub("", sentence)  # "💡 The whole method…": "The" starts the sentence
            # two letters at least: the lone "A" of "Tool A" is no name, and "A podcast" starts with an article
            found.update(w for w in re.findall(r"(?<=\s)[A-ZÀ-Ý][\w'’-]+", sentence))
    return found


def _generic(heading: str) -> bool:
    """A heading that names a part of any article ("Introduction", "Conclusion", "Final thoughts"), not this one."""
    return " ".join(re.findall(r"[^\W\d_]+", heading.lower())) in GENERIC_HEADINGS


def heading_levels(blocks: list[Block]) -> dict[int, int]:
    """Each heading's level in the lesson's email, by id: a lesson cut inside a section opens with its subsections
    ("### Retries" before "## Part three"); under the email's title (an h1) they move up to ## until the first
    section heading, so no level is skipped and they count as the lesson's own top level. (A lesson with no ##
    at all keeps its levels: the renderer starts its headings at h2.)"""
    headings = [block for block in blocks if block.kind == "heading"]
    sections = any(block.level <= 2 for block in headings)  # without any, the email moves them all up alike
    shift = headings[0].level - 2 if sections and headings[0].level > 2 else 0
    levels: dict[int, int] = {}
    for block in headings:
        if block.level <= 2:
            shift = 0
        levels[id(block)] = max(2, block.level - shift)
    return levels


def lesson_title(blocks: list[Block], article: Article, number: int, proper: set[str] | None = None) -> str:
    """A title from the lesson's own headings, or a whole phrase of its opening when it has none."""
    blocks = [_without_notes(block) for block in blocks]
    headings = [b for b in blocks if b.kind == "heading" and LETTERS_RE.search(strip_number(b.text))]
    first = blocks[0]
    subtitle = first.kind == "heading" and strip_number(first.text)[:1].islower()  # "_or why your LLM…_"
    if number == 1 and article.title and (first.kind != "heading" or _generic(first.text) or subtitle):
        return article.title  # "Introduction" under the article's title says less than the title
    # a lesson that opens with a heading, or with a lead-in ("Here is what good looks like:") introducing
    # subsections, is named by its top-level headings ("Conclusion" and its like only when nothing else is)
    if headings and (first.kind == "heading" or first.glue_next or _mostly_under_headings(blocks)):
        levels = heading_levels(blocks)
        level = min(levels[id(b)] for b in headings)
        top = [
            _not_shouting(_no_full_stop(_without_generic_label(strip_number(b.text))))
            for b in headings
            if levels[id(b)] == level
        ]
        top = [title for title in top if not _generic(title)] or top
        if number > 1:  # "## The Wheel of Management" under the course of that name: lesson 1 has that title
            top = [title for title in top if not _same(title, article.title)]
        if top:
            return combine_titles(top, article.language, proper or set()) if len(top) > 1 else top[0]
    lead_in = first.text.rstrip(":").strip()  # a lead-in titles its lesson when it names something whole
    short = first.words <= 14 and len(lead_in) <= SUBJECT_LONGEST
    if first.glue_next and short and LETTERS_RE.search(lead_in) and ends_whole(lead_in):  # not "A better one is:"
        return lead_in
    captions = _captions(blocks)
    prose = " ".join(  # a list's words without its markers: a lesson that opens at step 4 is not titled "4. …"
        _said(b, LIST_MARKER_RE.sub("", b.text) if b.kind == "list" else None)
        for b in blocks
        if b.kind in PROSE and LETTERS_RE.search(b.text) and id(b) not in captions
    )
    return short_phrase(prose, SUBJECT_MAX, whole=SUBJECT_LONGEST) or _opening_title(prose) or article.title


def _mostly_under_headings(blocks: list[Block]) -> bool:
    """A lesson cut inside a section whose prose before its first heading is a short tail of that section (at most
    a third of the lesson): its headings say what it is about better than that tail's first sentence does."""
    start = next(index for index, block in enumerate(blocks) if block.kind == "heading")
    return 3 * sum(block.words for block in blocks[:start]) <= sum(block.words for block in blocks)


def _opening_title(prose: str) -> str:
    """A lesson's title when no short phrase of its opening is one: the first sentence's longest whole clause
    that an inbox shows whole, else the sentence if it fits, else the opening cut at a word that ends a phrase
    ("A system like this can produce not just a" ended on "a")."""
    found = sentences(prose)
    if not found:
        return ""
    clauses = [
        clause
        for clause in clause_starts(found[0])
        if phrase_words(clause) >= 3 and len(clause) <= SUBJECT_LONGEST and balanced(clause) and ends_whole(clause)
    ]
    if clauses:
        return clauses[-1]
    if len(found[0]) <= SUBJECT_LONGEST and phrase_words(found[0]) >= 3:
        return found[0].rstrip(" .,;:")
    cut = cut_at_phrase(prose, SUBJECT_MAX).rstrip("…")
    words = cut.split()  # a title shows no "…": it never stops inside a quotation it opens
    whole = whole_words(words, least=3)
    return cut if balanced(cut) or not whole else " ".join(words[:whole]).rstrip(",;:")


def _without_generic_label(heading: str) -> str:
    """A heading without the label any article's part could have before its own words ("Conclusion: Think small,
    win big" -> "Think small, win big"): as the subject of an email, the label says nothing."""
    label, colon, rest = heading.partition(": ")
    return rest if colon and _generic(label) and len(rest.split()) >= 2 else heading


def _fragment(text: str) -> bool:
    """A few words that end no sentence (a subtitle, a label), too few to be a preheader alone: run into the next
    sentence, they read as one."""
    short = len(text) < PREHEADER_MIN and len(text.split()) <= FRAGMENT_WORDS
    return short and not text.rstrip().endswith(SENTENCE_ENDS)


def _said(block: Block, text: str | None = None) -> str:
    """The block's words without the speaker's name in bold before them ("**Dana:** Do not discount.") and without
    its footnotes' marks."""
    text = block.text if text is None else text
    if "[^" in block.markdown:  # a footnote's mark ("since 2020[1]."): the note is in the email, not the inbox
        text = NOTE_MARK_RE.sub("", FOOTNOTE_MARK_RE.sub("", text))  # "[^11]" too, a note never defined
    label = BOLD_LABEL_RE.match(block.markdown)
    return text[len(label["name"]) :].lstrip(": \n") if label and text.startswith(label["name"]) else text


def _without_notes(block: Block) -> Block:
    """The block without the footnotes brought to it from the article's end (read/markdown.py): a note's words
    are the email's, not its title's or preheader's ("Let's consider these scenarios[^3]:" had its note, "It's
    really interesting to think about…", as the preheader)."""
    if "[^" not in block.markdown or not NOTES_RE.search(block.markdown):
        return block
    own = NOTES_RE.split(block.markdown, maxsplit=1)[0]
    return replace(block, markdown=own, text=markdown_words_text(NOTE_MARK_RE.sub("", own)).strip())


def _captions(blocks: list[Block]) -> set[int]:
    """The paragraphs right under a picture (its caption): never a lesson's title or preheader."""
    return {id(block) for before, block in itertools.pairwise(blocks) if before.kind == "image"}


def lesson_subject(title: str, course_title: str) -> str:
    """The title as the subject line: past SUBJECT_MAX without its trailing aside or its subtitle, else whole up
    to SUBJECT_LONGEST (`course check` asks the author to shorten it), and only a longer one cut at a phrase; a
    title of one or two words is too thin for an inbox, so the course's name goes before it when both fit
    ("Templates without tears: Variables")."""
    subject = title
    if len(subject) > SUBJECT_MAX:  # "… stand-ups (and what we do instead)": the aside goes before any words do
        subject = TRAILING_ASIDE_RE.sub("", title)
    if len(subject) > SUBJECT_MAX:  # "Automate your invoices with Python: a guide for…": then the subtitle
        main = SUBTITLE_RE.split(subject)[0]
        subject = main if phrase_words(main) >= MIN_SUBJECT_WORDS else subject
    if len(subject) > SUBJECT_LONGEST:  # a title a little over SUBJECT_MAX stays whole: a subject cut with "…"
        subject = cut_at_phrase(title, SUBJECT_MAX)  # reads as a mistake ("…that make you easy…")
    if phrase_words(title) < MIN_SUBJECT_WORDS and course_title and not _same(title, course_title):
        short = SUBTITLE_RE.split(course_title)[0]  # "Templates without tears: {{ x }} explained"
        for name in (course_title, short):
            joined = f"{name.rstrip(' ?!.:')}: {title}"
            if len(joined) <= SUBJECT_MAX and not _same(name, title) and ": " not in name.rstrip(" ?!.:"):
                return _not_shouting(joined)
    return _not_shouting(subject)


def _not_shouting(subject: str) -> str:
    """A subject or title in capitals reads as shouting, and a subject as spam (`course check` says so): it is
    written in title case, which keeps a name a name ("THE MONDAY MEMO" -> "The Monday Memo", "A GUIDE TO
    RETROS" -> "A Guide to Retros")."""
    letters = [c for c in subject if c.isalpha()]
    if len(letters) < 8 or not all(c.isupper() for c in letters):
        return subject
    words = subject.lower().split(" ")
    return " ".join(
        word if index and word in SMALL_WORDS else word[:1].upper() + word[1:] for index, word in enumerate(words)
    )


def combine_titles(titles: list[str], language: str, proper: set[str]) -> str:
    """Join a lesson's section titles as a person would: 'Good Sales Management' + 'Bad Sales Management' ->
    'Good and Bad Sales Management'; 'It already works' + 'It's here to stay' -> 'It already works and it's
    here to stay'; titles that already hold an 'and' are listed with commas."""
    joiner = AND_WORD.get(language.split("-")[0], "&")
    if any(title.rstrip().endswith(("?", "!", "¿", "¡")) for title in titles):
        return titles[0]  # questions are not joined with "and": the lesson is named by its first one
    if language.split("-")[0] == "en" and {"do", "thing"} <= {_title_form(title) for title in titles}:
        return titles[0]  # "Charge a deposit" and "The reminder I send" do not read as one: named by the first
    title_case = _title_case(titles)
    whole, titles = titles[0], _before_own_commas(titles)
    if not titles:
        return whole
    if len(titles) == 2:
        wa, wb = titles[0].split(), titles[1].split()
        shared = 0
        while shared < min(len(wa), len(wb)) - 1 and wa[-1 - shared].lower() == wb[-1 - shared].lower():
            shared += 1
        if shared:  # "Good Sales Management" + "Bad Sales Management"; "During the meeting" + "After the meeting"
            second = titles[1] if title_case or _own_title_case(titles[1]) else _continued(titles[1], proper)
            return " ".join([*wa[: len(wa) - shared], joiner, second])
        shared = 0
        while shared < min(len(wa), len(wb)) - 1 and wa[shared].lower() == wb[shared].lower():
            shared += 1
        labelled = LABEL_PREFIX_RE.match(titles[1])  # "Part one: …" + "Part two: …" share a label, not a subject
        shared_words = {word.lower() for word in wa[:shared]}
        if (
            shared and not labelled and not shared_words <= ARTICLES and not shared_words <= QUESTION_WORDS
        ):  # "Sales Management" + "… Leadership"; not "What we changed" + "What happened next"
            return " ".join([*wa, joiner, *wb[shared:]])
    # "… and 🎉 Send it" -> "and send it"; "… and Part three: running it" -> "and running it"
    rest = [LABEL_PREFIX_RE.sub("", LEADING_SYMBOLS_RE.sub("", title)) or title for title in titles[1:]]
    # a title in title case of its own keeps its capitals among sentence-case ones ("Blanket.js and Live Server")
    following = [
        titles[0],
        *(title if title_case or _own_title_case(title) else _continued(title, proper) for title in rest),
    ]
    has_joiner = any(f" {joiner} " in f" {title.lower()} " for title in titles)
    for count in range(len(following), 1, -1):
        chosen = following[:count]
        # the last title whole, else (too long) its words before its own comma, rather than no title at all
        for last in dict.fromkeys([chosen[-1], _head_before_comma(chosen[-1]) or chosen[-1]]):
            listed = [*chosen[:-1], last]
            combined = ", ".join(listed) if has_joiner else ", ".join(listed[:-1]) + f" {joiner} {last}"
            if len(combined) <= SUBJECT_MAX:
                return combined
        labels = count == len(following) and all(": " in title for title in titles)
        if labels and not any(map(LABEL_PREFIX_RE.match, titles)):
            # "Monday: access and people" … "Friday: show and ask": too long together, their heads name them all
            heads = [title.split(": ", 1)[0] for title in titles]
            named = combine_titles(heads, language, proper)
            if named != heads[0]:
                return named
    return whole


def _title_form(title: str) -> str:
    """What an English title does: "do" when it tells the reader to do something ("Send it when they read email":
    it opens with a verb how-to headings open with, not made a noun by what follows, "Review of the quarter"),
    "thing" when it names one ("The reminder I send", "Three lines", "What happened", "After two weeks"), "" when
    its first word does not tell ("Inspect less than you think": a verb not listed, so never kept apart)."""
    words = [_bare_word(word) for word in LEADING_SYMBOLS_RE.sub("", LABEL_PREFIX_RE.sub("", title)).split()[:2]]
    if not words:
        return ""
    if words[0] in THING_STARTS or words[0].isdigit():
        return "thing"
    if words[0] not in INSTRUCTION_VERBS:
        return ""
    if words[0] == "back":  # "Back off exponentially", not "Back to basics"
        return "do" if len(words) > 1 and words[1] in ("off", "up", "out", "away") else ""
    return "do" if len(words) == 1 or words[1] not in NOUN_MARKERS else "thing"


def _bare_word(word: str) -> str:
    return word.lower().strip("\"'“”‘’()[]:,.;!?")


def _title_case(titles: list[str]) -> bool:
    """The titles are written in title case: judged by their words after the first (a first word is a capital in
    either case: "Reading it", "When to buy one"), small words aside; when those are too few, by the long words."""
    later = [w for title in titles for w in title.split()[1:] if len(w) >= 3 and w.lower() not in SMALL_WORDS]
    words = later or [w for title in titles for w in title.split() if len(w) > 3]
    return len(words) > (0 if later else 1) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _own_title_case(title: str) -> bool:
    """One title written in title case ("Live Server"): its plain words after the first are all capitalised; a
    name's capitals ("Retry-After", "iPhone") say nothing of the title's case."""
    later = [w for w in title.split()[1:] if len(w) >= 3 and w.lower() not in SMALL_WORDS and w[1:] == w[1:].lower()]
    return bool(later) and all(w[0].isupper() for w in later)


def _before_own_commas(titles: list[str]) -> list[str]:
    """The titles to join, each but the last without what follows its own comma: joined whole, "Back off
    exponentially, with jitter" and "Respect Retry-After" read as one list of three ("…, with jitter and respect
    Retry-After"), so an editor keeps the words before the comma. None when those are too few to stand for the
    title ("Yes, you can")."""
    heads = []
    for title in titles[:-1]:
        head = _head_before_comma(title) if ", " in title else title
        if head is None:
            return []
        heads.append(head)
    return [*heads, titles[-1]]


def _head_before_comma(title: str) -> str | None:
    """A title's words before its own comma ("End with two actions" of "End with two actions, each with an
    owner"), or None when they are too few to stand for it ("Yes" of "Yes, you can") or there is no comma."""
    head = title.split(", ")[0]
    return head if head != title and len(head.split()) >= 2 else None


def _continued(title: str, proper: set[str]) -> str:
    """A sentence-case title as it reads after 'and': 'Parsing dates' -> 'parsing dates', unless its first word
    is a name, an acronym or otherwise always capitalised ('Python', 'HTML5', 'iPhone')."""
    first = title.split()[0]
    keep = first in proper or (len(first) > 1 and first.isupper()) or any(c.isupper() for c in first[1:])
    return title if keep or first == "I" or first.startswith(("I'", "I’")) else first[0].lower() + title[1:]


def lesson_preheader(blocks: list[Block], subject: str) -> str:
    """40–110 characters of whole sentences from the lesson's opening prose that add to the subject: it starts
    where a sentence starts, and leaves out a salutation ("Dear Maya,"), a blog's disclosure ("This post may contain
    affiliate links") and the sentence the subject came from.
    A quote (an epigraph, someone else's words) gives it only when the lesson has no prose of the author's."""
    blocks = [_without_notes(block) for block in blocks]
    found: list[str] = []
    subtitle = ""
    captions = _captions(blocks)
    authors = any(
        b.kind in ("paragraph", "list") and LETTERS_RE.search(b.text) and id(b) not in captions for b in blocks
    )
    for block, following in itertools.zip_longest(blocks, blocks[1:]):
        if block.kind not in PROSE or not LETTERS_RE.search(block.text) or id(block) in captions:
            continue
        if block.kind == "quote" and authors:
            continue
        if len(block.text.split()) <= 4 and block.text.rstrip().endswith(","):
            continue  # a salutation
        if len(block.text.split()) <= 40 and DISCLOSURE_RE.search(block.text):
            continue  # "This post may contain affiliate links."
        if block.kind == "list" and FENCE_IN_LIST_RE.search(block.markdown):
            # steps with their commands in fences: each step's lead-in introduces code no preheader shows
            steps = sentences(LIST_MARKER_RE.sub("", markdown_words_text(FENCE_IN_LIST_RE.sub("", block.markdown))))
            for step in steps:
                found.append(step[:-1].rstrip() + "…" if step.endswith(":") else step)
                if step.endswith(":") and len(" ".join(found)) >= PREHEADER_MIN:
                    break
            if found and found[-1].endswith("…"):
                break
            continue
        # the words, not who says them: "A: I say what I can do…", "**Host:** How did you…"
        text = (
            _said(block, LIST_MARKER_RE.sub("", block.text))
            if block.kind == "list"
            else _said(block, ANSWER_LABEL_RE.sub("", block.text))
        )
        if block.kind == "paragraph" and not found and _fragment(text) and following is not None:
            # too short alone, "A practical guide for small agencies" would run on into the next sentence
            # ("…small agencies Most agencies lose…"): it is the preheader only when nothing follows it
            subtitle = subtitle or text
            continue
        found += sentences(text)
        shown_elsewhere = following is None or following.kind in ("code", "table", "image", "html")
        introduces = found and found[-1].endswith(":") and shown_elsewhere
        if introduces and len(" ".join(found)) >= PREHEADER_MIN:
            # it introduces code, a table or a picture, which no preheader shows: it ends there, open
            found[-1] = found[-1][:-1].rstrip() + "…"
            break
    subject_key = " ".join(re.findall(r"\w+", subject.rstrip("…").lower()))
    subject_words = set(subject_key.split())
    while found:
        words = re.findall(r"\w+", found[0].lower())
        if not words:
            found.pop(0)
            continue
        if (subject_key and subject_key in " ".join(words)) or len(set(words) & subject_words) / len(words) > 0.7:
            found.pop(0)  # the subject is made of it, or it only repeats the subject
            continue
        if len(found) > 1 and found[0][:1].islower():
            found.pop(0)  # "git log … shows …": in an inbox a lower-case start reads as cut mid-sentence
            continue
        break
    if not found and subtitle:
        found = [subtitle]
    chosen = ""
    for sentence in found:
        space = "" if chosen.endswith(("。", "！", "？", "」", "』")) else " "  # Chinese and Japanese: no space
        joined = f"{chosen}{space}{sentence}".strip()
        if len(joined) <= PREHEADER_MAX:
            chosen = joined
        elif not chosen or len(chosen) < PREHEADER_MIN or chosen.endswith(":"):
            chosen = cut_at_phrase(joined, PREHEADER_MAX)
        if (len(chosen) >= PREHEADER_MIN and not chosen.endswith(":")) or chosen.endswith("…"):
            break  # a lead-in ("Here's what good looks like:") goes on into what it introduces
    return chosen or cut_at_phrase(subject, PREHEADER_MAX)
