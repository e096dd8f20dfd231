"""What a check finds, per lesson and for the course, and how a report is counted and printed as JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SIZE_WARNING = 80 * 1024
SIZE_ERROR = 100 * 1024  # Gmail clips messages from about 102 KB
SUBJECT_MAX, PREHEADER_MIN, PREHEADER_MAX = 60, 30, 130
SPAM_THRESHOLD = 5.0
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


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
            f"{self.count('error')} errors, {self.count('warning')} warnings, {self.count('info')} notes "
            f"in {len(self.lessons)} lessons"
        )
        return lines
