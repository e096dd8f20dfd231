"""`course build`: every lesson into OUT as HTML and text (sample merge values), the gallery and sequence.json,
and with --esp the same lessons in a provider's merge tags under OUT/NAME/.

Everything is rendered in memory first; files are written only when every lesson rendered, each one
atomically, so a failed build leaves the previous build as it was.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CourseError
from .files import write_files
from .render import CourseRender, open_course, preview_dialect
from .render.templates import template_loader
from .render.wording import text_direction

if TYPE_CHECKING:
    from .providers import Provider

GALLERY_TEMPLATE = "gallery.html.j2"


@dataclass
class BuildResult:
    """What a build wrote: the output folder, the gallery and one summary row per lesson."""

    out: Path
    index: Path
    lessons: list[dict[str, Any]]


def build_course(root: Path, out: Path | None = None, clean: bool = False,
                 providers: Sequence[type[Provider]] = (), keep_mjml: bool = False) -> BuildResult:  # fmt: skip
    """Render every lesson once; write the preview files, the gallery, sequence.json and one folder per provider
    (`course build --esp`; with `keep_mjml`, each lesson's MJML beside its HTML). The command line resolves the
    providers' names, so that a build without --esp never imports their clients."""
    rendering = open_course(root)
    out = out or root / "build"
    rendering.keep_mjml = keep_mjml
    files, rows = build_files(rendering, [provider(rendering.course) for provider in providers], keep_mjml)
    write_files(out, files, clean=clean)
    return BuildResult(out=out, index=out / "index.html", lessons=rows)


def build_files(
    rendering: CourseRender, providers: list[Provider] | tuple[()] = (), keep_mjml: bool = False
) -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """Every file of a build, by relative path (preview emails, provider variants, sequence.json and the
    gallery), and the sequence's lesson rows."""
    course = rendering.course
    files: dict[str, bytes] = {}
    dialect = preview_dialect(course.preview)
    for email in rendering.emails(dialect):
        files[email.lesson.html_file] = email.html.encode("utf-8")
        files[email.lesson.text_file] = email.text.encode("utf-8")
        if keep_mjml:
            files[f"{email.lesson.stem}.mjml"] = rendering.mjml(email.lesson, dialect).encode("utf-8")
    for provider in providers:
        for lesson in provider.prepare(rendering):
            files[f"{provider.name}/{lesson.html_file}"] = lesson.html.encode("utf-8")
            files[f"{provider.name}/{lesson.text_file}"] = lesson.text.encode("utf-8")
    seq = course.sequence()
    files["sequence.json"] = (json.dumps(seq, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files["index.html"] = gallery_html(rendering, seq["lessons"]).encode("utf-8")
    return files, seq["lessons"]


def gallery_html(rendering: CourseRender, rows: list[dict[str, Any]]) -> str:
    import jinja2  # here, not at the top: see render/templates.py

    course = rendering.course
    env = jinja2.Environment(loader=template_loader(course), autoescape=True, undefined=jinja2.StrictUndefined)
    context = {
        "course": {"title": course.title, "author": course.author, "language": course.language,
                   "dir": text_direction(course.language)},
        "sender": course.sender,
        "theme": course.theme,
        "lessons": rows,
    }  # fmt: skip
    try:
        return env.get_template(GALLERY_TEMPLATE).render(context)
    except jinja2.TemplateError as exc:
        raise CourseError(f"{GALLERY_TEMPLATE}: {exc}; fix the template") from None
