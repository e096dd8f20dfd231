"""Render a course: each lesson once through Jinja (MJML) -> mjml-python -> premailer with neutral merge-field
placeholders (email.py), then into any dialect (dialects.py): sample values for the build and the preview, or an
email provider's own merge tags.

`open_course` is the one way every command (build, export, upload, send-test, check, preview) loads a course
and renders it, so that each reports the same warnings and gets the same emails.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..model import Course, Lesson, Notice
from ..project import TEMPLATES_DIR, load_project, report_warnings
from .dialects import Dialect, preview_dialect
from .email import BATCH_SIZE, RenderedLesson, Renderer
from .templates import unpaired

__all__ = ["CourseRender", "Email", "RenderedLesson", "open_course", "preview_dialect"]


@dataclass(frozen=True)
class Email:
    """One lesson as its reader gets it in one dialect: the final HTML and its plain-text twin."""

    lesson: Lesson
    html: str
    text: str


class CourseRender:
    """A loaded course whose lessons are rendered once, on first use, and then put into any dialect.

    `cache` and `fingerprint` let a caller keep renders between loads (the preview re-renders only what changed);
    by default a lesson's render is kept for the life of this object.
    """

    def __init__(
        self,
        course: Course,
        cache: dict[str, RenderedLesson] | None = None,
        fingerprint: Callable[[Lesson], str] | None = None,
    ) -> None:
        self.course = course
        self.renderer = Renderer(course)
        self.cache = {} if cache is None else cache
        self.fingerprint = fingerprint or (lambda lesson: lesson.path.name)
        self.rendered = 0  # how many lessons this object rendered (the others came from the cache)
        self.keep_mjml = False  # keep each lesson's MJML (`course build --keep-mjml`)

    def neutral(self, lesson: Lesson) -> RenderedLesson:
        """The lesson's HTML and text with neutral placeholders (raises CourseError when it does not render)."""
        key = self.fingerprint(lesson)
        if key not in self.cache:
            self.cache[key] = self.renderer.render(lesson)
            self.rendered += 1
        return self.cache[key]

    def email(self, lesson: Lesson, dialect: Dialect) -> Email:
        rendered = self.neutral(lesson)
        html, text = dialect.apply(lesson, rendered.html, rendered.text)
        return Email(lesson, html, text)

    def mjml(self, lesson: Lesson, dialect: Dialect) -> str:
        """The lesson's MJML (after the templates, before compilation) in the dialect: what another MJML compiler
        would need to make the same email."""
        return dialect.apply(lesson, self.neutral(lesson).mjml, "")[0]

    def emails(self, dialect: Dialect) -> list[Email]:
        """Every lesson in the dialect, in course order. While a pool renders, the lessons it has sent back are put
        into the dialect here, in the time this process would otherwise wait."""
        done = {lesson.path: self.email(lesson, dialect) for lesson in self.rendering()}
        return [done.get(lesson.path) or self.email(lesson, dialect) for lesson in self.course.lessons]

    def render_all(self) -> None:
        """Render every lesson not rendered yet (see `rendering`)."""
        for _ in self.rendering():
            pass

    def rendering(self) -> Iterator[Lesson]:
        """Render every lesson not rendered yet, when there are enough of them to pay for it: in a pool of
        processes, one per core (the output is byte for byte what one process makes), or here, 25 at a time, on one
        core; each lesson given in course order as its render is done. With fewer, nothing here (each renders on
        first use)."""
        missing = [lesson for lesson in self.course.lessons if self.fingerprint(lesson) not in self.cache]
        if len(missing) < PARALLEL_FROM:
            return
        workers = _cores()
        if workers < 2 or not _can_fork():
            for lesson, rendered in _rendered_in_batches(self.renderer, missing):
                self.cache[self.fingerprint(lesson)] = rendered
                self.rendered += 1
                yield lesson
            return
        log.info("rendering %d lessons in %d processes", len(missing), workers)
        first = missing.pop(0)
        self.neutral(first)  # here, before forking: the workers inherit compiled templates and a loaded premailer
        yield first
        for lesson, (html, text, mjml, words) in zip(missing, _render_in_pool(self, missing, workers), strict=True):
            self.cache[self.fingerprint(lesson)] = RenderedLesson(lesson, html, text, mjml)
            self.rendered += 1
            lesson.words = words  # counted in the worker: no second parse of the body here
            yield lesson


log = logging.getLogger(__name__)
WORKER_GC_THRESHOLD = (50_000, 20, 20)
PARALLEL_FROM = 40  # lessons: below this, starting the processes costs more than it saves
_POOL_RENDER: CourseRender | None = None  # what a forked worker renders with (inherited from the parent)


def _cores() -> int:
    """How many processes render a big course: COURSE_JOBS if set (1: one process), else one per core (up to 8)."""
    chosen = os.environ.get("COURSE_JOBS", "").strip()
    if chosen.isdigit() and int(chosen) > 0:
        return int(chosen)
    try:
        return min(len(os.sched_getaffinity(0)), 8)
    except AttributeError:  # not on Linux
        return min(os.cpu_count() or 1, 8)


def _can_fork() -> bool:
    """Forking copies the loaded templates for free; only from a process with one thread (the preview's watcher
    thread renders the few lessons a save changes itself)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


Rendered = tuple[str, str, str, int]  # what a worker sends back per lesson: html, text, mjml, words


def _render_positions(positions: list[int]) -> list[Rendered]:
    assert _POOL_RENDER is not None
    lessons = [_POOL_RENDER.course.lessons[position] for position in positions]
    done = []
    for lesson, rendered in _rendered_in_batches(_POOL_RENDER.renderer, lessons):
        mjml = rendered.mjml if _POOL_RENDER.keep_mjml else ""  # large, and only --keep-mjml needs it
        done.append((rendered.html, rendered.text, mjml, lesson.words))
    return done


def _rendered_in_batches(renderer: Renderer, lessons: list[Lesson]) -> Iterator[tuple[Lesson, RenderedLesson]]:
    """Each lesson rendered, premailer run once for each 25 (`Renderer.styled_bodies`); a batch's parsed bodies
    are still in the parse cache when their emails are made."""
    for start in range(0, len(lessons), BATCH_SIZE):
        batch = lessons[start : start + BATCH_SIZE]
        for lesson, body in zip(batch, renderer.styled_bodies(batch), strict=True):
            yield lesson, renderer.render(lesson, body)


def _render_in_pool(render: CourseRender, lessons: list[Lesson], workers: int) -> Iterator[Rendered]:
    """The lessons' renders in their order, each chunk as soon as it and the ones before it are done."""
    global _POOL_RENDER
    positions = [render.course.position(lesson) for lesson in lessons]
    size = -(-len(positions) // (workers * 4))  # a few chunks per worker: an even finish
    chunks = [positions[start : start + size] for start in range(0, len(positions), size)]
    _POOL_RENDER = render
    gc.freeze()  # what the workers inherit is never collected by them: no scans of it, no copies of its pages
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_gc)
    try:
        done = pool.map(_render_positions, chunks)  # every worker forked here
        gc.unfreeze()  # what this process makes of the results is its own again
        for chunk in done:
            yield from chunk
    finally:
        gc.unfreeze()
        _POOL_RENDER = None
        pool.shutdown(cancel_futures=True)  # a lesson that failed, here or in a worker: the chunks not begun go


def _worker_gc() -> None:
    """A worker lives for one build: it collects cycles rarely (a lesson leaves little cyclic garbage)."""
    gc.set_threshold(*WORKER_GC_THRESHOLD)


def open_course(root: Path, warn: Callable[[list[Notice]], None] = report_warnings) -> CourseRender:
    """Load the course at root (every problem at once), say its settings warnings through `warn` (a command that
    prints a report of its own passes a function that keeps them), and get ready to render its lessons."""
    course = load_project(root)
    for name, other in unpaired(course.templates_dir):
        side = "the plain text" if name.endswith(".mjml.j2") else "the HTML"
        course.warnings.append(
            Notice(
                "templates.unpaired",
                f"yours, but its twin {other} is still the built-in one, so {side} of this part does not follow "
                f"your edits: copy it with `course templates {root} --copy {other}` and edit both",
                f"{TEMPLATES_DIR}/{name}",
            )
        )
    warn(course.warnings)
    return CourseRender(course)
