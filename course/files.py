"""Write a set of files into a folder so that a reader never sees half of it: each file atomically, and only after
everything was made in memory."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import CourseError


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
