"""`course check`: findings for every lesson, each with a severity, a stable code, what to do and where.

Each check is a small function in one of settings.py (course.toml), source.py (the lesson as written, with
lines), email.py (the final email in the dialect checked), lessons.py (across lessons) or network.py
(SpamAssassin, --links), registered with its code and severity in registry.py.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CourseError
from ..model import Notice
from ..providers import provider_class
from ..render import open_course, preview_dialect
from ..render.dialects import MergeFieldError
from . import email, lessons, network, settings, source
from .model import EmailContext, Finding, LessonReport, LessonsContext, Report, SettingsContext, relative
from .registry import SEVERITY_ORDER, Check, Problem, checks_in, checks_table, documented

__all__ = ["Finding", "LessonReport", "Report", "check_course", "checks_table"]
CHECK_MODULES = (settings, source, email, lessons, network)  # imported for their checks' registration

documented(
    "template.merge-field", "error", "the templates use a merge field the dialect checked does not have", "email"
)
documented("render.failed", "error", "the lesson does not build (the message says why)", "email")


def check_course(root: Path, esp: str | None = None, links: bool = False, spam: bool = True) -> Report:
    """Check every lesson of the course in the given dialect (default: the preview build's)."""
    provider_type = provider_class(esp) if esp else None

    def keep(_warnings: list[Notice]) -> None:
        """The settings warnings become findings of the report (settings.py), not lines on stderr."""

    rendering = open_course(root, warn=keep)
    course = rendering.course
    dialect = provider_type(course).dialect() if provider_type else preview_dialect(course.preview)
    settings = SettingsContext(
        course, provider_type.name if provider_type else None,
        provider_type.uses_unsubscribe_page if provider_type else True,
    )  # fmt: skip
    settings_findings = _run(checks_in("course"), settings, None, "course.toml")
    reports: list[LessonReport] = []
    finals: dict[int, tuple[str, str]] = {}
    for lesson in course.lessons:
        report = LessonReport(lesson.number, relative(course, lesson.path), lesson.subject)
        reports.append(report)
        report.findings += _run(checks_in("source"), source.source_context(course, lesson), lesson.number, report.file)
        try:
            neutral = rendering.neutral(lesson)
            email_ = rendering.email(lesson, dialect)
        except MergeFieldError as exc:
            report.findings.append(Finding("error", "template.merge-field", exc.reason, lesson.number, report.file))
            continue
        except CourseError as exc:
            report.findings.append(Finding("error", "render.failed", exc.format_message(), lesson.number, report.file))
            continue
        finals[lesson.number] = (email_.html, email_.text)
        context = EmailContext(course, lesson, report.file, email_.html, email_.text, neutral.html, dialect)
        report.size = context.size
        report.words = lesson.words
        report.findings += _run(checks_in("email"), context, lesson.number, report.file)
    across = LessonsContext(course, reports, finals, links=links, spam=spam)
    for item in checks_in("lessons"):
        assert item.run is not None
        for problem in item.run(across):
            if problem.lesson is None:  # about the course as a whole ("the links could not be checked")
                settings_findings.append(_finding(item, problem, None, "course"))
                continue
            report = reports[problem.lesson - 1]
            report.findings.append(_finding(item, problem, report.number, report.file))
    for report in reports:
        report.findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.code))
    return Report(course.title, dialect.name, reports, settings_findings)


def _run(checks: list[Check], context: object, lesson: int | None, where: str) -> list[Finding]:
    findings = []
    for item in checks:
        assert item.run is not None
        findings += [_finding(item, problem, lesson, where) for problem in item.run(context)]
    return findings


def _finding(item: Check, problem: Problem, lesson: int | None, where: str) -> Finding:
    severity = problem.severity or item.default_severity
    return Finding(severity, item.code, problem.message, lesson, problem.where or where)
