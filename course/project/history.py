"""What `course split` wrote last, so that a later `split --force` can tell an edited lesson from its own output,
and the backups of every lesson file a command replaces or removes. Both live in DIR/.course/, the tool's own state.

.course/split.json holds a SHA-256 of each lesson file as the last split wrote it; .course/backup/<time>/ holds
copies of replaced files, under their path in the course (lessons/02-….md).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from ..errors import CourseError

STATE_DIR = ".course"
SPLIT_RECORD = "split.json"
BACKUP_DIR = "backup"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record_split(root: Path, lesson_files: list[Path], source: str) -> None:
    """Remember what this split wrote: each lesson file's hash."""
    record = {  # no time in it: the same split writes the same bytes
        "source": source,
        "lessons": {path.name: _digest(path) for path in sorted(lesson_files)},
    }
    state = root / STATE_DIR
    state.mkdir(exist_ok=True)
    (state / SPLIT_RECORD).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def edited_since_split(root: Path, lesson_files: list[Path]) -> tuple[list[Path], bool]:
    """The lesson files that differ from what the last split wrote (edited, renamed or added by hand), and whether
    there is a record to compare with (without one, every lesson may have been edited)."""
    try:
        record = json.loads((root / STATE_DIR / SPLIT_RECORD).read_text(encoding="utf-8"))
        written = record["lessons"]
        if not isinstance(written, dict):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError):
        return sorted(lesson_files), False
    return [path for path in sorted(lesson_files) if written.get(path.name) != _digest(path)], True


def back_up(root: Path, files: list[Path]) -> Path | None:
    """Copy files (paths inside root) to .course/backup/<time>/, keeping their place; returns that folder."""
    if not files:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder = root / STATE_DIR / BACKUP_DIR / stamp
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = root / STATE_DIR / BACKUP_DIR / f"{stamp}-{suffix}"
    try:
        for path in files:
            target = folder / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    except OSError as exc:
        raise CourseError(
            f"cannot keep a copy of the lessons in {folder} ({exc.strerror}); nothing was changed. Check the "
            "folder's permissions and free space"
        ) from None
    return folder
