"""Rebuild the preview after each save to the course's sources (watchfiles debounces bursts of changes)."""

from __future__ import annotations

import threading
from pathlib import Path

from ..project import ASSETS_DIR, COURSE_FILE, LESSONS_DIR, TEMPLATES_DIR
from .state import PreviewState

WATCHED = (LESSONS_DIR, TEMPLATES_DIR, ASSETS_DIR, COURSE_FILE)


def watch(state: PreviewState, stop: threading.Event) -> None:
    """Rebuild after changes to lessons, templates, assets or course.toml (debounced by watchfiles)."""
    from watchfiles import watch as watch_files  # here, not at the top: only the preview needs it

    root = state.root.resolve()

    def relevant(_change: object, path: str) -> bool:
        try:
            relative = Path(path).resolve().relative_to(root)
        except ValueError:
            return False
        return bool(relative.parts) and relative.parts[0] in WATCHED and not relative.name.startswith(".")

    for _changes in watch_files(root, watch_filter=relevant, debounce=40, step=20, stop_event=stop,
                                raise_interrupt=False):  # fmt: skip
        state.rebuild()
