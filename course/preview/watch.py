"""Rebuild the preview after each save to the course's sources (watchfiles debounces bursts of changes), and
follow a course folder that is replaced while the preview runs (deleted and split again, or moved over)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from ..project import ASSETS_DIR, COURSE_FILE, LESSONS_DIR, TEMPLATES_DIR
from .state import PreviewState

WATCHED = (LESSONS_DIR, TEMPLATES_DIR, ASSETS_DIR, COURSE_FILE)
CHECK_EVERY_MS = 300  # how often the watcher looks whether the folder itself was replaced


def _identity(root: Path) -> tuple[int, int] | None:
    """The folder's device and inode: a replaced folder has new ones; None when it is gone."""
    try:
        stat = os.stat(root)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def watch(state: PreviewState, stop: threading.Event) -> None:
    """Rebuild after changes to lessons, templates, assets or course.toml; when the folder is replaced, start
    watching the new one and rebuild from it."""
    from watchfiles import watch as watch_files  # here, not at the top: only the preview needs it

    root = state.root.resolve()

    def relevant(_change: object, path: str) -> bool:
        try:
            relative = Path(path).resolve().relative_to(root)
        except ValueError:
            return False
        return bool(relative.parts) and relative.parts[0] in WATCHED and not relative.name.startswith(".")

    while not stop.is_set():
        identity = _identity(root)
        if identity is None:  # gone: say so once, then wait for it to come back and build it
            state.rebuild()
            while not stop.is_set() and _identity(root) is None:
                stop.wait(CHECK_EVERY_MS / 1000)
            if not stop.is_set():
                stop.wait(0.2)  # a split writes the new folder in a few steps: let it finish
                state.rebuild()
            continue
        for changes in watch_files(root, watch_filter=relevant, debounce=40, step=20, stop_event=stop,
                                   raise_interrupt=False, yield_on_timeout=True,
                                   rust_timeout=CHECK_EVERY_MS):  # fmt: skip
            if _identity(root) != identity:
                break  # replaced or removed: the old folder's events will never come again
            if changes:
                state.rebuild()
        else:
            return  # stopped
        if _identity(root) is not None:
            stop.wait(0.2)  # a split writes the new folder in a few steps: let it finish
            state.rebuild()
