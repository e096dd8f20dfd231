"""What the tool works on, with no I/O: an Article of Blocks (read from a source), and a Course of Lessons with its
typed settings (as course.toml holds them). Every stage above this module passes these around."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import where
from .text import code_lines, count_words, markdown_words, plural, reading_minutes

# --- the article -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One unit the splitter may not cut: a heading, paragraph, list, quote, image or code block.

    `markdown` is the block's source as it will appear in the lesson file; `text` is its plain words.
    `glue_next` marks a block that introduces the next one (a lead-in ending with a colon); `break_before` one the
    author set apart from what precedes it with a section break ("* * *", a rule), where a lesson may well start.
    """

    kind: str
    markdown: str
    text: str
    level: int = 0
    glue_next: bool = False
    break_before: bool = False

    @property
    def words(self) -> int:
        """Its words; a code block weighs a word a line, as in a lesson's count (text.markdown_words)."""
        return code_lines(self.text) if self.kind == "code" else count_words(self.text)


@dataclass
class Article:
    """The cleaned article: metadata plus body blocks in reading order."""

    title: str
    blocks: list[Block]
    author: str | None = None
    language: str = "en"
    language_declared: bool = False  # the source said its language (front matter, <html lang>): no detection
    source_name: str = ""
    left_out: list[str] = field(default_factory=list)  # "image img/a.png", "link /about" (relative), "embedded image"
    captions: set[str] = field(default_factory=set)  # its pictures' captions as marked (<figcaption>, a Hugo figure's)
    draft: bool = False  # its front matter says it is a draft ("draft: true", as Hugo, Jekyll and Astro write it)

    @property
    def words(self) -> int:
        return sum(block.words for block in self.blocks)


# --- the course's settings (course.toml) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sender:
    """[sender]: who the emails come from, and the postal address every footer prints (CAN-SPAM)."""

    name: str = ""
    email: str = ""
    reply_to: str = ""  # course.toml without it: the same as email
    postal_address: str = ""
    signature: str = ""  # the sign-off under every lesson, one or more lines; without it, the name

    @property
    def reply_address(self) -> str:
        return self.reply_to or self.email


@dataclass(frozen=True)
class Schedule:
    """[schedule]: days between lessons, or the exact day of each lesson; weekdays only; a fixed start date."""

    every: int = 1
    days: tuple[int, ...] | None = None
    weekdays_only: bool = False  # a lesson due on a Saturday or Sunday waits for Monday (lesson 1: on sign-up)
    start: dt.date | None = None  # a cohort's first day; without it each subscriber starts on sign-up


@dataclass(frozen=True)
class Theme:
    """[theme]: the colours, font and width of every email."""

    brand_color: str = "#1f6feb"
    text_color: str = "#1f2933"
    muted_color: str = "#52606d"
    background_color: str = "#f3f4f6"
    content_background: str = "#ffffff"
    button_text_color: str = "#ffffff"
    button_radius: str = "6px"
    font_family: str = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
    font_size: int = 17
    width: int = 600
    logo_url: str = ""
    logo_width: int = 120


@dataclass(frozen=True)
class Links:
    """[links]: how links in the lessons are tagged, and the pages some exports need."""

    utm: bool = False
    utm_source: str = "email"
    utm_medium: str = "email"
    utm_campaign: str | None = None  # not set: the course slug
    unsubscribe_url: str = ""
    view_online_url: str = ""
    website: str = ""


@dataclass(frozen=True)
class CallToAction:
    """[cta]: the closing call to action on the last lesson; what is not set comes from the course's wording,
    and without a url the button invites a reply."""

    heading: str | None = None
    text: str | None = None
    button: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class BuildOptions:
    """[build]: how the HTML is written."""

    minify: bool = True  # CSS without indentation, comments or spaces around { } ; — safe in every client


@dataclass(frozen=True)
class PreviewValues:
    """[preview]: sample merge values for the local build and the preview; what is not set keeps its built-in
    sample."""

    first_name: str | None = None
    email: str | None = None
    unsubscribe_url: str | None = None
    view_online_url: str | None = None
    preferences_url: str | None = None

    def given(self) -> dict[str, str]:
        return {key: value for key, value in vars(self).items() if value is not None}


@dataclass(frozen=True)
class Notice:
    """A problem or a warning about the course's settings, with where it is (course.toml and the line)."""

    code: str  # stable, e.g. "settings.unknown-key", "theme.contrast"
    message: str  # what is wrong and what to do
    file: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{where(self.file, self.line)}: {self.message}"


# --- the course ----------------------------------------------------------------------------------------------


@dataclass
class Lesson:
    """One lesson file: its front matter and Markdown body."""

    number: int
    path: Path
    slug: str
    title: str
    subject: str
    preheader: str
    day: int  # days after sign-up: the lesson's own `day:` (pinned) or its place in [schedule]
    body: str
    body_line: int = 1  # the line of the file where the Markdown body starts (for messages that point at a line)
    cta: CallToAction | None = None  # the lesson's own call to action (front matter `cta:`)
    pinned: bool = False  # the day comes from the lesson's front matter, not from [schedule]
    send_on: dt.date | None = None  # its calendar date, when [schedule] has a start date

    @property
    def stem(self) -> str:
        """The name every file made from this lesson shares: NN-<slug>."""
        return f"{self.number:02d}-{self.slug}"

    @property
    def html_file(self) -> str:
        return f"{self.stem}.html"

    @property
    def text_file(self) -> str:
        return f"{self.stem}.txt"

    @cached_property
    def words(self) -> int:
        return markdown_words(self.body)

    @property
    def minutes(self) -> int:
        return reading_minutes(self.words)


@dataclass
class Course:
    """A loaded course project: settings from course.toml and lessons in order."""

    root: Path
    title: str
    author: str = ""
    language: str = "en"
    slug: str = "course"
    base_url: str = ""
    sender: Sender = field(default_factory=Sender)
    schedule: Schedule = field(default_factory=Schedule)
    theme: Theme = field(default_factory=Theme)
    links: Links = field(default_factory=Links)
    cta: CallToAction = field(default_factory=CallToAction)
    strings: dict[str, str] = field(default_factory=dict)
    preview: PreviewValues = field(default_factory=PreviewValues)
    build: BuildOptions = field(default_factory=BuildOptions)
    templates_dir: Path = Path("templates")
    lessons: list[Lesson] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    setting_lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (table, key) -> its line in course.toml

    def position(self, lesson: Lesson) -> int:
        """The lesson's index in `lessons` (its number less one, checked; a list search only if they differ)."""
        index = lesson.number - 1
        if 0 <= index < len(self.lessons) and self.lessons[index] is lesson:
            return index
        return self.lessons.index(lesson)

    def delay_days(self, lesson: Lesson) -> int:
        """Days between the previous lesson and this one (0 for the first)."""
        index = self.position(lesson)
        return lesson.day - self.lessons[index - 1].day if index else 0

    def next_lesson(self, lesson: Lesson) -> Lesson | None:
        index = self.position(lesson)
        return self.lessons[index + 1] if index + 1 < len(self.lessons) else None

    def sequence(self, prefix: str = "") -> dict[str, Any]:
        """The sequence.json document: the course, its schedule and, per lesson, its fields, files and when it is
        sent."""
        rows = [
            {
                "number": lesson.number,
                "slug": lesson.slug,
                "title": lesson.title,
                "subject": lesson.subject,
                "preheader": lesson.preheader,
                "day": lesson.day,
                "delay_days": self.delay_days(lesson),
                "pinned": lesson.pinned,
                "send_on": lesson.send_on.isoformat() if lesson.send_on else None,
                "when": self.when(lesson),
                "words": lesson.words,
                "html": prefix + lesson.html_file,
                "text": prefix + lesson.text_file,
            }
            for lesson in self.lessons
        ]
        info = {"title": self.title, "author": self.author, "language": self.language, "lessons": len(rows)}
        schedule = self.schedule
        plan = {
            "every": schedule.every,
            "days": list(schedule.days) if schedule.days else None,
            "weekdays_only": schedule.weekdays_only,
            "start": schedule.start.isoformat() if schedule.start else None,
        }
        return {"course": info, "schedule": plan, "lessons": rows}

    def when(self, lesson: Lesson) -> str:
        """When a lesson is sent, in words: "on sign-up", "2 days after lesson 1 (pinned to day 2)", with its
        date and the weekend it waits out when the schedule says so."""
        index = self.position(lesson)
        if index == 0:
            said = "on sign-up" if self.schedule.start is None else "on the start date"
        else:
            delay = self.delay_days(lesson)
            said = f"{plural(delay, 'day')} after lesson {self.lessons[index - 1].number}"
            if delay == 0:
                said = f"the same day as lesson {self.lessons[index - 1].number}"
        if lesson.pinned and index:
            said += f" (pinned to day {lesson.day})"
        if lesson.send_on is not None:
            said += f": {lesson.send_on.strftime('%A')} {lesson.send_on.day} {lesson.send_on.strftime('%B %Y')}"
            if index and self.schedule.weekdays_only:
                due = self.lessons[index - 1].send_on
                if due is not None and (lesson.send_on - due).days > self.delay_days(lesson):
                    said += ", after the weekend"
        elif index and self.schedule.weekdays_only:
            said += "; on a Saturday or Sunday it waits for Monday"
        return said
