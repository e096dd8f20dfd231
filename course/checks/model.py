"""What a check looks at (a context per scope), what it finds, and the report: counted, as text and as JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..model import Course, Lesson
from ..render.dialects import Dialect
from ..text import plural


@dataclass
class Finding:
    severity: str  # "error", "warning" or "info"
    code: str  # stable, e.g. "size.gmail-clip"
    message: str  # what is wrong and what to do
    lesson: int | None = None
    where: str | None = None  # "lessons/02-x.md:14", "course.toml", "<img src=…>"


@dataclass
class LessonReport:
    number: int
    file: str
    subject: str
    size: int = 0
    words: int = 0
    spam_score: float | None = None
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Report:
    course: str
    dialect: str
    lessons: list[LessonReport]
    findings: list[Finding]  # about the course as a whole (course.toml)

    def all(self) -> list[Finding]:
        return self.findings + [f for lesson in self.lessons for f in lesson.findings]

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.all())

    def failed(self, strict: bool = False) -> bool:
        return self.count("error") > 0 or (strict and self.count("warning") > 0)

    def as_json(self) -> dict[str, Any]:
        return {
            "course": self.course,
            "dialect": self.dialect,
            "summary": {s: self.count(s) for s in ("error", "warning", "info")},
            "findings": [asdict(f) for f in self.findings],
            "lessons": [
                {
                    "number": r.number,
                    "file": r.file,
                    "subject": r.subject,
                    "size": r.size,
                    "words": r.words,
                    "spam_score": r.spam_score,
                    "findings": [asdict(f) for f in r.findings],
                }
                for r in self.lessons
            ],
        }

    def as_text(self) -> list[str]:
        """The report as a person reads it: course settings, then each lesson with its findings, then totals."""

        def line(finding: Finding) -> str:
            where = f"  [{finding.where}]" if finding.where else ""
            return f"  {finding.severity:<8} {finding.code:<26} {finding.message}{where}"

        lines = [f"Checking “{self.course}” ({self.dialect} dialect)"]
        if self.findings:
            lines.append("Course settings")
            lines += [line(f) for f in self.findings]
        for lesson in self.lessons:
            spam = f" · spam {lesson.spam_score:.1f}" if lesson.spam_score is not None else ""
            lines.append(
                f"Lesson {lesson.number}  {lesson.file}  {lesson.size / 1024:.0f} KB{spam}  “{lesson.subject}”"
            )
            lines += [line(f) for f in lesson.findings] or ["  ok"]
        lines.append(
            f"{plural(self.count('error'), 'error')}, {plural(self.count('warning'), 'warning')}, "
            f"{plural(self.count('info'), 'note')} in {plural(len(self.lessons), 'lesson')}"
        )
        return lines


def relative(course: Course, path: Path) -> str:
    try:
        return path.relative_to(course.root).as_posix()
    except ValueError:
        return str(path)


@dataclass
class SettingsContext:
    """What a "course" check sees: the course and its settings, and the provider checked for, if any."""

    course: Course
    provider: str | None = None  # --esp: example values are then errors, as the guard would refuse them
    unsubscribe_page: bool = True  # the provider links to [links] unsubscribe_url (eml, html)


@dataclass
class SourceContext:
    """What a "source" check sees: a lesson as written, with its links, images and headings found once, each with
    its line in the body (0 = the body's first line; `at` turns it into `lessons/NN-….md:LINE`)."""

    course: Course
    lesson: Lesson
    file: str
    links: list[tuple[str, int | None]] = field(default_factory=list)  # (href, line)
    images: list[tuple[str, str | None, str | None, int | None]] = field(
        default_factory=list
    )  # (src, alt, width, line)
    headings: list[tuple[int, int]] = field(default_factory=list)  # (level, line)
    prose: list[tuple[str, int]] = field(default_factory=list)  # (text outside code, its line)
    tokens: list[Any] = field(default_factory=list)  # markdown-it's tokens of the body

    def at(self, line: int | None, element: str | None = None) -> str:
        where = f"{self.file}:{line + self.lesson.body_line}" if line is not None else self.file
        return f"{where} {element}" if element else where


@dataclass
class EmailContext:
    """What an "email" check sees: a lesson's final email in the dialect checked, and its neutral render."""

    course: Course
    lesson: Lesson
    file: str
    html: str
    text: str
    neutral: str  # the HTML before the dialect (placeholders still in)
    dialect: Dialect

    @property
    def size(self) -> int:
        return len(self.html.encode("utf-8"))


@dataclass
class LessonsContext:
    """What a "lessons" check sees: every lesson's report so far, and the final emails of those that rendered."""

    course: Course
    reports: list[LessonReport]
    finals: dict[int, tuple[str, str]]  # lesson number -> (html, text) in the dialect checked
    links: bool = False  # --links: request every external link
    spam: bool = True  # score with SpamAssassin when it is installed
    probed: list[tuple[str, int | None, str, list[tuple[int, str]]]] = field(default_factory=list)  # --links' answers
