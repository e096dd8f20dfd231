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


def twin(name: str) -> str | None:
    """The other half of an HTML/text pair: partials/footer.mjml.j2 <-> partials/footer.txt.j2 (the lesson
    templates are a pair too, but a lesson.mjml.j2 of your own often only changes the HTML's layout)."""
    if name in ("lesson.mjml.j2", "lesson.txt.j2"):
        return "lesson.txt.j2" if name == "lesson.mjml.j2" else "lesson.mjml.j2"
    if not name.startswith("partials/"):
        return None
    other = name.replace(".mjml.j2", ".txt.j2") if name.endswith(".mjml.j2") else name.replace(".txt.j2", ".mjml.j2")
    return other if other != name and (builtin_templates_dir() / other).is_file() else None


def builtin_names() -> list[str]:
    """Every built-in email template (the preview's own pages are not overridable)."""
    root = builtin_templates_dir()
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.j2")
        if p.is_file() and p.relative_to(root).parts[0] != "preview"
    )


def unpaired(own: Path) -> list[tuple[str, str]]:
    """In a course's templates folder `own`: (overridden, its twin still built-in) pairs, whose HTML and text
    will differ."""
    found = []
    for name in builtin_names():
        other = twin(name)
        if other and name.startswith("partials/") and (own / name).is_file() and not (own / other).is_file():
            found.append((name, other))
    return found


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
