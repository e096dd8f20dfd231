"""Build every lesson of a course into OUT: HTML and text per lesson, the gallery and sequence.json.

Everything is rendered in memory first; files are written only when every lesson rendered, each one
atomically, so a failed build leaves the previous build as it was.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .article import count_words
from .dialects import Dialect, preview_dialect
from .errors import CourseError
from .i18n import text_direction
from .mdrender import markdown_words_text
from .project import Course, load_project
from .render import RenderedLesson, Renderer, template_loader

log = logging.getLogger(__name__)

GALLERY_TEMPLATE = "gallery.html.j2"


@dataclass
class BuildResult:
    """What a build wrote: the output folder, the gallery and one summary row per lesson."""

    out: Path
    index: Path
    lessons: list[dict[str, Any]]
    files: list[str] = field(default_factory=list)


def lesson_files(rendered: RenderedLesson) -> tuple[str, str]:
    stem = f"{rendered.lesson.number:02d}-{rendered.lesson.slug}"
    return f"{stem}.html", f"{stem}.txt"


def sequence(course: Course, rendered: list[RenderedLesson], prefix: str = "") -> dict[str, Any]:
    """The sequence.json document: the course and, per lesson, its fields and files."""
    rows = []
    previous_day = 0
    for item in rendered:
        lesson = item.lesson
        html_name, text_name = lesson_files(item)
        rows.append({
            "number": lesson.number,
            "slug": lesson.slug,
            "title": lesson.title,
            "subject": lesson.subject,
            "preheader": lesson.preheader,
            "day": lesson.day,
            "delay_days": lesson.day - previous_day if lesson.number > 1 else 0,
            "words": count_words(markdown_words_text(lesson.body)),
            "html": prefix + html_name,
            "text": prefix + text_name,
        })  # fmt: skip
        previous_day = lesson.day
    return {
        "course": {
            "title": course.title,
            "author": course.author,
            "language": course.language,
            "lessons": len(rendered),
        },
        "lessons": rows,
    }


def preview_dialect_for(course: Course, rendered: RenderedLesson) -> Dialect:
    """The sample-values dialect for one lesson; its view-online link is the lesson's own built file."""
    return preview_dialect(course.preview, view_online_url=lesson_files(rendered)[0])


def render_dialect(rendered: list[RenderedLesson], dialect: Dialect, prefix: str = "") -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for item in rendered:
        html_name, text_name = lesson_files(item)
        try:
            files[prefix + html_name] = dialect.apply_html(item.html).encode("utf-8")
            files[prefix + text_name] = dialect.apply_text(item.text).encode("utf-8")
        except KeyError as exc:
            raise CourseError(
                f"{item.lesson.path}: the templates use the merge field {exc.args[0]!r}, which {dialect.name} "
                "does not have; remove it from the template or wrap it in {% call optional(...) %}"
            ) from None
    return files


def gallery_html(course: Course, rows: list[dict[str, Any]]) -> str:
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


def build_files(
    course: Course, rendered: list[RenderedLesson], esps: tuple[str, ...] = ()
) -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """Every file of a build, by relative path (preview emails, provider variants, sequence.json and the
    gallery), and the sequence's lesson rows."""
    files: dict[str, bytes] = {}
    for item in rendered:
        files.update(render_dialect([item], preview_dialect_for(course, item)))
    for name in esps:
        from .esp import provider_class

        provider = provider_class(name)(course)
        for lesson in provider.prepare(rendered):
            files[f"{provider.name}/{lesson.html_file}"] = lesson.html.encode("utf-8")
            files[f"{provider.name}/{lesson.text_file}"] = lesson.text.encode("utf-8")
    seq = sequence(course, rendered)
    files["sequence.json"] = (json.dumps(seq, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files["index.html"] = gallery_html(course, seq["lessons"]).encode("utf-8")
    return files, seq["lessons"]


def build_course(root: Path, out: Path | None = None, clean: bool = False, esps: tuple[str, ...] = ()) -> BuildResult:
    """Render every lesson once; write the preview files, the gallery, sequence.json and one folder per --esp."""
    course = load_project(root)
    for warning in course.warnings:
        log.warning(warning)
    out = out or root / "build"
    rendered = Renderer(course).render_all()
    files, rows = build_files(course, rendered, esps)
    write_files(out, files, clean=clean)
    return BuildResult(out=out, index=out / "index.html", lessons=rows, files=sorted(files))


def write_files(out: Path, files: dict[str, bytes], clean: bool = False) -> None:
    """Write each file atomically (temp file + rename); with clean, remove files this build did not produce."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, data in sorted(files.items()):
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists() and target.read_bytes() == data:
                continue
            fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(temp, 0o644)
            os.replace(temp, target)
        if clean:
            for path in sorted(out.rglob("*"), reverse=True):
                relative = path.relative_to(out).as_posix()
                if path.is_file() and relative not in files:
                    path.unlink()
                elif path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
    except OSError as exc:
        raise CourseError(f"cannot write the build to {out} ({exc.strerror}); check the folder's permissions") from None
