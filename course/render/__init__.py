"""Render a course: each lesson once through Jinja (MJML) -> mjml-python -> premailer with neutral merge-field
placeholders (email.py), then into any dialect (dialects.py): sample values for the build and the preview, or an
email provider's own merge tags.

`open_course` is the one way every command (build, export, upload, send-test, check, preview) loads a course
and renders it, so that each reports the same warnings and gets the same emails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model import Course, Lesson, Notice
from ..project import TEMPLATES_DIR, load_project, report_warnings
from .dialects import Dialect, preview_dialect
from .email import RenderedLesson, Renderer
from .templates import unpaired

__all__ = ["CourseRender", "Email", "RenderedLesson", "open_course", "preview_dialect"]


@dataclass(frozen=True)
class Email:
    """One lesson as its reader gets it in one dialect: the final HTML and its plain-text twin."""

    lesson: Lesson
    html: str
    text: str


class CourseRender:
    """A loaded course whose lessons are rendered once, on first use, and then put into any dialect.

    `cache` and `fingerprint` let a caller keep renders between loads (the preview re-renders only what changed);
    by default a lesson's render is kept for the life of this object.
    """

    def __init__(
        self,
        course: Course,
        cache: dict[str, RenderedLesson] | None = None,
        fingerprint: Callable[[Lesson], str] | None = None,
    ) -> None:
        self.course = course
        self.renderer = Renderer(course)
        self.cache = {} if cache is None else cache
        self.fingerprint = fingerprint or (lambda lesson: lesson.path.name)
        self.rendered = 0  # how many lessons this object rendered (the others came from the cache)

    def neutral(self, lesson: Lesson) -> RenderedLesson:
        """The lesson's HTML and text with neutral placeholders (raises CourseError when it does not render)."""
        key = self.fingerprint(lesson)
        if key not in self.cache:
            self.cache[key] = self.renderer.render(lesson)
            self.rendered += 1
        return self.cache[key]

    def email(self, lesson: Lesson, dialect: Dialect) -> Email:
        rendered = self.neutral(lesson)
        html, text = dialect.apply(lesson, rendered.html, rendered.text)
        return Email(lesson, html, text)

    def mjml(self, lesson: Lesson, dialect: Dialect) -> str:
        """The lesson's MJML (after the templates, before compilation) in the dialect: what another MJML compiler
        would need to make the same email."""
        return dialect.apply(lesson, self.neutral(lesson).mjml, "")[0]

    def emails(self, dialect: Dialect) -> list[Email]:
        """Every lesson in the dialect, in course order."""
        return [self.email(lesson, dialect) for lesson in self.course.lessons]


def open_course(root: Path, warn: Callable[[list[Notice]], None] = report_warnings) -> CourseRender:
    """Load the course at root (every problem at once), say its settings warnings through `warn` (a command that
    prints a report of its own passes a function that keeps them), and get ready to render its lessons."""
    course = load_project(root)
    for name, other in unpaired(course.templates_dir):
        side = "the plain text" if name.endswith(".mjml.j2") else "the HTML"
        course.warnings.append(
            Notice(
                "templates.unpaired",
                f"yours, but its twin {other} is still the built-in one, so {side} of this part does not follow "
                f"your edits: copy it with `course templates {root} --copy {other}` and edit both",
                f"{TEMPLATES_DIR}/{name}",
            )
        )
    warn(course.warnings)
    return CourseRender(course)
