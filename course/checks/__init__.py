"""`course check`: findings for every lesson, each with a severity, a stable code, what to do and where.

Checks look at three things: the lesson's source (links, images, placeholders as the author wrote them,
with line numbers: source.py), the final email in the chosen dialect (size, structure, unsubscribe link, CSS:
email.py), and the course settings (settings.py). SpamAssassin scores each lesson when it is installed, and
--links requests every external link (network.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..article import count_words
from ..build import preview_dialect_for
from ..dialects import Dialect
from ..errors import CourseError
from ..mdrender import markdown_words_text
from ..project import load_project
from ..render import Renderer
from .email import compare_lessons, email_findings
from .model import SEVERITY_ORDER, Finding, LessonReport, Report
from .network import check_links, spamassassin
from .settings import course_findings
from .source import relative, source_findings

__all__ = ["Finding", "LessonReport", "Report", "check_course"]


def check_course(root: Path, esp: str | None = None, links: bool = False, spam: bool = True) -> Report:
    """Check every lesson of the course in the given dialect (default: the preview build's)."""
    course = load_project(root)
    renderer = Renderer(course)
    settings = course_findings(course)
    dialect_name = "preview"
    provider = None
    if esp:
        from ..esp import provider_class

        provider = provider_class(esp)(course)
        dialect_name = provider.name
    reports: list[LessonReport] = []
    finals: dict[int, tuple[str, str]] = {}
    for lesson in course.lessons:
        report = LessonReport(lesson.number, relative(course, lesson.path), lesson.subject)
        reports.append(report)
        report.findings += source_findings(course, lesson)
        try:
            rendered = renderer.render(lesson)
        except CourseError as exc:
            report.findings.append(Finding("error", "render.failed", exc.format_message(), lesson.number, report.file))
            continue
        dialect: Dialect = provider.dialect() if provider else preview_dialect_for(course, rendered)
        try:
            html, text = dialect.apply_html(rendered.html), dialect.apply_text(rendered.text)
        except KeyError as exc:
            report.findings.append(
                Finding(
                    "error",
                    "template.merge-field",
                    f"the templates use the merge field {exc.args[0]!r}, which {dialect.name} "
                    "does not have; remove it or wrap it in {% call optional(...) %}",
                    lesson.number,
                    report.file,
                )
            )
            continue
        finals[lesson.number] = (html, text)
        report.size = len(html.encode("utf-8"))
        report.words = count_words(markdown_words_text(lesson.body))
        report.findings += email_findings(course, lesson, html, text, rendered.html, dialect, report)
    compare_lessons(course, reports)
    if spam and shutil.which("spamassassin"):
        spamassassin(course, reports, finals)
    if links:
        check_links(course, reports)
    for report in reports:
        report.findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.code))
    return Report(course.title, dialect_name, reports, settings)
