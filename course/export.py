"""`course export` and `course build --esp`: the course in a provider's own format, from one render per lesson."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from .build import write_files
from .errors import CourseError
from .esp import provider_class
from .project import load_project
from .render import Renderer

log = logging.getLogger(__name__)


@dataclass
class ExportResult:
    out: Path
    provider: str
    files: list[str]
    lessons: int


def export_course(root: Path, provider_name: str, out: Path | None = None) -> ExportResult:
    """Render every lesson once, then write what the provider's users import into OUT (default DIR/dist/NAME)."""
    provider_type = provider_class(provider_name)
    course = load_project(root)
    for warning in course.warnings:
        log.warning(warning)
    provider = provider_type(course)
    files = provider.export(Renderer(course).render_all())
    out = out or root / "dist" / provider.name
    previous = out / "sequence.json"
    clean = False
    if previous.is_file():
        try:
            clean = json.loads(previous.read_text(encoding="utf-8")).get("provider") == provider.name
        except (ValueError, OSError):
            clean = False
    elif out.exists() and not out.is_dir():
        raise CourseError(f"{out} is a file; choose a folder for the export with -o")
    write_files(out, files, clean=clean)  # a folder of an earlier export of the same provider is replaced whole
    return ExportResult(out, provider.name, sorted(files), len(course.lessons))
