"""`course templates`: the built-in templates, which of them a course overrides, and copies to edit.

A file in DIR/templates/ replaces the built-in of the same name. Most parts of an email come in pairs, the HTML
partial (.mjml.j2) and its plain-text twin (.txt.j2): copying one copies both, and a course that overrides one
without the other is told that its HTML and text will differ.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import CourseError
from .project import TEMPLATES_DIR, check_project_folder
from .render.templates import builtin_names, builtin_templates_dir, twin

# What each built-in template makes, for `course templates` and the README.
ROLES: dict[str, str] = {
    "layout.mjml.j2": "the frame of every email: head, styles, header, content, footer blocks",
    "lesson.mjml.j2": "a lesson's HTML: title, greeting, body, sign-off, call to action or teaser",
    "lesson.txt.j2": "a lesson's plain-text twin, part by part as the HTML",
    "partials/header.mjml.j2": "the logo and course name above the lesson",
    "partials/header.txt.j2": "the first line of the text: course title · Lesson N of M",
    "partials/progress.mjml.j2": "“Lesson 2 of 5 · 3 min read” and the progress bar (HTML only)",
    "partials/styles.mjml.j2": "the head's CSS: phone widths and dark mode (HTML only)",
    "partials/body.css.j2": "the lesson body's CSS (headings, lists, quotes, code, tables), written into each "
    "element's style by premailer (HTML only)",
    "partials/signature.mjml.j2": "the sign-off under the lesson ([sender] signature, else the name)",
    "partials/signature.txt.j2": "the sign-off in the text",
    "partials/cta.mjml.j2": "a call to action: the lesson's own `cta:` and [cta] on the last lesson",
    "partials/cta.txt.j2": "a call to action in the text",
    "partials/teaser.mjml.j2": "“Next lesson · arrives tomorrow” and its title",
    "partials/teaser.txt.j2": "the next lesson line in the text",
    "partials/footer.mjml.j2": "why they get it, sender and postal address, unsubscribe link",
    "partials/footer.txt.j2": "the footer of the text",
    "gallery.html.j2": "build/index.html, the gallery of the whole course (not an email)",
}


@dataclass(frozen=True)
class Template:
    name: str
    role: str
    overridden: bool


def list_templates(root: Path) -> list[Template]:
    check_project_folder(root)
    own = root / TEMPLATES_DIR
    return [Template(name, ROLES.get(name, ""), (own / name).is_file()) for name in builtin_names()]


def copy_templates(root: Path, names: list[str]) -> tuple[list[str], list[str]]:
    """Copy built-ins (and their twins) into DIR/templates/; returns (copied, already there). Never overwrites."""
    check_project_folder(root)
    known = builtin_names()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise CourseError(
            f"no built-in template {', '.join(unknown)}; `course templates {root}` lists them (e.g. "
            "partials/footer.mjml.j2)"
        )
    wanted: list[str] = []
    for name in names:
        for item in (name, twin(name)):
            if item and item not in wanted:
                wanted.append(item)
    own = root / TEMPLATES_DIR
    copied, kept = [], []
    for name in wanted:
        target = own / name
        if target.exists():
            kept.append(name)
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(builtin_templates_dir() / name, target)
        except OSError as exc:
            raise CourseError(f"cannot write {target} ({exc.strerror}); check the folder's permissions") from None
        copied.append(name)
    return copied, kept


def templates_table() -> str:
    """The README's table: each built-in template, what it makes, and its twin in the other part."""
    rows = ["| template | makes | twin |", "|---|---|---|"]
    for name in builtin_names():
        other = twin(name)
        rows.append(f"| `{name}` | {ROLES.get(name, '')} | {f'`{other}`' if other else '—'} |")
    return "\n".join(rows) + "\n"
