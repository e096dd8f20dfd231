"""The preview's build: reloaded and re-rendered after every change, keeping the last good one when a change
does not build. Only lessons whose inputs changed (their file, a neighbour's title or day, course.toml, a
template) are rendered again."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..build import build_files
from ..errors import CourseError
from ..files import write_files
from ..model import Course, Lesson, Notice
from ..project import COURSE_FILE, TEMPLATES_DIR, report_warnings
from ..render import CourseRender, RenderedLesson, open_course
from ..text import reading_minutes

log = logging.getLogger(__name__)


@dataclass
class Snapshot:
    """The last good build: the course rendered (any dialect can be had from it) and one row per lesson."""

    rendering: CourseRender
    rows: list[dict[str, Any]]

    @property
    def course(self) -> Course:
        return self.rendering.course


@dataclass
class PreviewState:
    """The preview's build: rebuilt on change, read by every request; `version` goes up with every attempt."""

    root: Path
    out: Path
    version: int = 0
    error: str | None = None
    snapshot: Snapshot | None = None
    cache: dict[str, RenderedLesson] = field(default_factory=dict)
    changed: threading.Condition = field(default_factory=threading.Condition)
    rendered_total: int = 0  # lessons rendered since the start (the others came from the cache)
    warned: list[Notice] = field(default_factory=list)

    def rebuild(self) -> None:
        """Reload the project and render what changed; on failure keep the last good build and record why."""
        try:
            loaded = open_course(self.root, warn=self._warn_once)
            shared = _digest_of_sources(self.root)
            rendering = CourseRender(loaded.course, cache=dict(self.cache), fingerprint=lambda lesson: _fingerprint(
                shared, loaded.course, lesson))  # fmt: skip
            files, rows = build_files(rendering)
            write_files(self.out, files, clean=True)
            for row in rows:
                row["size"] = len(files[row["html"]])
                row["minutes"] = reading_minutes(row["words"])
                row["text_body"] = files[row["text"]].decode("utf-8")
            used = {rendering.fingerprint(lesson) for lesson in loaded.course.lessons}
            with self.changed:
                self.snapshot = Snapshot(rendering, rows)
                self.cache = {key: item for key, item in rendering.cache.items() if key in used}
                self.error = None
                self.rendered_total += rendering.rendered
        except CourseError as exc:
            with self.changed:
                self.error = exc.format_message()
        except Exception as exc:  # a preview must survive anything a half-saved file can do
            log.exception("rebuild failed")
            with self.changed:
                self.error = f"unexpected {type(exc).__name__}: {exc}"
        with self.changed:
            self.version += 1
            self.changed.notify_all()

    def _warn_once(self, warnings: list[Notice]) -> None:
        """Say the settings warnings when they change, not on every save."""
        if warnings != self.warned:
            report_warnings([w for w in warnings if w not in self.warned])
            self.warned = list(warnings)

    def wait_for_change(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout=timeout)
            return self.version


def _fingerprint(shared: str, course: Course, lesson: Lesson) -> str:
    """Everything a lesson's render depends on: course.toml and the templates (shared), the lesson itself, its
    place in the course and the title and day of the lesson after it (the teaser)."""
    following = course.next_lesson(lesson)
    inputs = [shared, lesson.path.name, lesson.title, lesson.subject, lesson.preheader, lesson.day, lesson.body,
              len(course.lessons), lesson.number, following and (following.title, following.day)]  # fmt: skip
    return hashlib.sha256(json.dumps(inputs).encode()).hexdigest()


def _digest_of_sources(root: Path) -> str:
    """What every lesson depends on: course.toml and the templates."""
    digest = hashlib.sha256()
    for path in [root / COURSE_FILE, *sorted((root / TEMPLATES_DIR).rglob("*"))]:
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
