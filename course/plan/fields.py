"""Each lesson's fields: a title from its own headings (or first words), a subject of at most 60 characters,
a 40–110-character preheader that adds to the subject, a unique slug, and the day it is sent."""

from __future__ import annotations

import re
from typing import NamedTuple

from slugify import slugify

from ..model import Article, Block
from ..text import first_sentence, shorten

SUBJECT_MAX, PREHEADER_MIN, PREHEADER_MAX = 60, 40, 110
APOSTROPHES = [["'", ""], ["’", ""]]
AND_WORD = {"en": "and", "de": "und", "fr": "et", "es": "y", "it": "e", "nl": "en", "pt": "e", "sv": "och"}


class LessonFields(NamedTuple):
    title: str
    subject: str
    preheader: str
    slug: str
    day: int


def lesson_days(count: int, every_days: int = 1, days: tuple[int, ...] | None = None) -> list[int]:
    """The day of each lesson: an explicit list from course.toml (continued at its last gap), else every N days."""
    if not days:
        return [i * every_days for i in range(count)]
    result = list(days[:count])
    gap = result[-1] - result[-2] if len(result) > 1 else every_days
    while len(result) < count:
        result.append(result[-1] + max(gap, 1))
    return result


def describe_lessons(
    article: Article, groups: list[list[Block]], every_days: int = 1, days: tuple[int, ...] | None = None
) -> list[LessonFields]:
    """Title, subject, preheader, slug and day for each group of blocks, unique within the course."""
    described: list[LessonFields] = []
    used_slugs: set[str] = set()
    used_subjects: set[str] = set()
    schedule = lesson_days(len(groups), every_days, days)
    for number, blocks in enumerate(groups, start=1):
        title = lesson_title(blocks, article, number)
        subject = _unique(shorten(title, SUBJECT_MAX), used_subjects, number)
        preheader = lesson_preheader(blocks, subject)
        slug = _unique(
            slugify(title, max_length=48, word_boundary=True, replacements=APOSTROPHES) or "lesson",
            used_slugs,
            number,
            sep="-",
        )
        described.append(LessonFields(title, subject, preheader, slug, schedule[number - 1]))
    return described


def _unique(value: str, used: set[str], number: int, sep: str = " ") -> str:
    if value.lower() in used:
        value = f"{value}{sep}({number})" if sep == " " else f"{value}{sep}{number}"
    used.add(value.lower())
    return value


def _strip_number(text: str) -> str:
    return re.sub(r"^\s*\d{1,3}[.):]\s*", "", text).strip()


def lesson_title(blocks: list[Block], article: Article, number: int) -> str:
    """A title from the lesson's own headings, or from its first words when it has none."""
    headings = [b for b in blocks if b.kind == "heading"]
    first = blocks[0]
    if first.kind != "heading" and number == 1 and article.title:
        return article.title
    # a lesson that opens with a heading, or with a lead-in ("Here is what good looks like:") introducing
    # subsections, is named by its top-level headings
    if first.kind == "heading" or (first.glue_next and headings):
        level = min(b.level for b in headings)
        top = [_strip_number(b.text) for b in headings if b.level == level]
        return _combine_titles(top, article.language) if len(top) > 1 else top[0]
    if first.glue_next and first.words <= 14:
        return first.text.rstrip(":").strip()
    return first_sentence(first.text, limit=SUBJECT_MAX).rstrip(".")


def _combine_titles(titles: list[str], language: str) -> str:
    """Join a lesson's section titles: 'Good Sales Management' + 'Bad Sales Management' -> 'Good and Bad Sales
    Management'; 'A', 'B', 'C' -> 'A, B and C' when that fits in a subject line."""
    joiner = AND_WORD.get(language.split("-")[0], "&")
    if len(titles) == 2:
        wa, wb = titles[0].split(), titles[1].split()
        shared = 0
        while shared < min(len(wa), len(wb)) - 1 and wa[-1 - shared].lower() == wb[-1 - shared].lower():
            shared += 1
        if shared:  # "Good Sales Management" + "Bad Sales Management"
            return " ".join([*wa[: len(wa) - shared], joiner, *wb])
        shared = 0
        while shared < min(len(wa), len(wb)) - 1 and wa[shared].lower() == wb[shared].lower():
            shared += 1
        if shared:  # "Sales Management" + "Sales Leadership"
            return " ".join([*wa, joiner, *wb[shared:]])
    for count in range(len(titles), 1, -1):
        combined = ", ".join(titles[: count - 1]) + f" {joiner} {titles[count - 1]}"
        if len(combined) <= SUBJECT_MAX:
            return combined
    return titles[0]


def lesson_preheader(blocks: list[Block], subject: str) -> str:
    """40–110 characters from the lesson's opening prose that add to the subject rather than repeat it."""
    prose = " ".join(" ".join(b.text.split()) for b in blocks if b.kind in ("paragraph", "list", "quote") and b.text)
    if subject and prose.lower().startswith(subject.rstrip("…").lower()):
        prose = prose[len(subject.rstrip("…")) :].lstrip(" :.-–—")  # the title came from these words
    sentences = [s for s in re.split(r"(?<=[.!?…])\s+", " ".join(prose.split())) if s]
    subject_words = set(re.findall(r"\w+", subject.lower()))
    chosen = ""
    for sentence in sentences:
        words = set(re.findall(r"\w+", sentence.lower()))
        if not chosen and words and len(words & subject_words) / len(words) > 0.7:
            continue  # the sentence only repeats the subject
        chosen = f"{chosen} {sentence}".strip()
        if len(chosen) >= PREHEADER_MIN:
            break
    if len(chosen) < PREHEADER_MIN:
        chosen = " ".join(sentences)[:PREHEADER_MAX] if sentences else subject
    return shorten(chosen, PREHEADER_MAX)
