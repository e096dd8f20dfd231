"""`course export`: the course in an email provider's own format (IMPORT.md says how to import it)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import CourseError
from .files import write_files
from .project.placeholders import find_placeholders, placeholder_message
from .providers import provider_class
from .render import open_course


@dataclass
class ExportResult:
    out: Path
    provider: str
    files: list[str]
    lessons: int


def export_course(
    root: Path, provider_name: str, out: Path | None = None, allow_placeholders: bool = False
) -> ExportResult:
    """Render every lesson once, then write what the provider's users import into OUT (default DIR/dist/NAME).
    Example values still in course.toml stop it, unless allowed: then IMPORT.md says so at the top."""
    provider_type = provider_class(provider_name)
    rendering = open_course(root)
    found = find_placeholders(rendering.course, provider_type.uses_unsubscribe_page)
    if found and not allow_placeholders:
        raise CourseError(placeholder_message(found, "export a draft anyway"))
    provider = provider_type(rendering.course)
    files = provider.export(rendering, draft=found)
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
    return ExportResult(out, provider.name, sorted(files), len(rendering.course.lessons))
