"""Where templates come from: the course's own templates/ folder first, then the built-in ones."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Course

if TYPE_CHECKING:
    import jinja2


def builtin_templates_dir() -> Path:
    """The built-in templates: inside the installed package, or at the top of a source checkout."""
    packaged = Path(__file__).parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "templates"


def template_loader(course: Course) -> jinja2.BaseLoader:
    """The course's own templates first, then the built-in ones; "builtin/lesson.mjml.j2" always names the
    shipped template, so a user's own lesson.mjml.j2 can extend it."""
    import jinja2  # here and wherever templates are rendered, not at the top: `course --help` needs none of it

    builtin = jinja2.FileSystemLoader(str(builtin_templates_dir()))
    return jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(str(course.templates_dir)), builtin, jinja2.PrefixLoader({"builtin": builtin})]
    )


def shown_path(course: Course, filename: str | None, line: int | None) -> str:
    """A template's place for an error message: `templates/x.j2:3` for the course's, `built-in templates/…`."""
    if not filename:
        return "template"
    path = Path(filename)
    try:
        shown = str(path.relative_to(course.root))
    except ValueError:
        shown = f"built-in templates/{path.relative_to(builtin_templates_dir())}"
    return f"{shown}:{line}" if line else shown
