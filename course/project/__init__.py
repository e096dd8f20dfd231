"""The course project on disk: course.toml and lessons/NN-<slug>.md, to and from Course and Lesson objects.

This package is the one place that knows the layout of a project folder; settings.py reads course.toml through
its schema and lessons.py reads and writes the lesson files.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from ..errors import CourseError
from ..model import Course, Notice, Schedule, Theme
from ..text import plural
from .history import BACKUP_DIR, STATE_DIR, back_up, edited_since_split, record_split
from .lessons import lesson_file_text, read_lessons
from .placeholders import EXAMPLE_ADDRESS, EXAMPLE_EMAIL, EXAMPLE_NAME
from .settings import read_settings

log = logging.getLogger(__name__)

COURSE_FILE = "course.toml"
LESSONS_DIR = "lessons"
TEMPLATES_DIR = "templates"
ASSETS_DIR = "assets"

DEFAULT_THEME = Theme()


def toml_string(value: str) -> str:
    """A TOML basic string (JSON string escapes are valid TOML escapes)."""
    return json.dumps(value, ensure_ascii=False)


def course_toml_text(title: str, author: str, language: str, source: str, every_days: int = 1) -> str:
    """The course.toml that `course split` writes, with example values clearly marked."""
    sender_name = toml_string(author) if author else f'"{EXAMPLE_NAME}"            # EXAMPLE: the name readers see'
    return f"""# The course settings. `course split` wrote this from {source};
# values marked EXAMPLE are placeholders: replace them before you upload or send anything.

[course]
title = {toml_string(title)}
author = {toml_string(author or "")}
language = {toml_string(language)}          # BCP 47 tag: sets lang="" and the wording around each lesson
# base_url = "https://example.com/blog/"   # resolves relative links and images in the lessons

[sender]
name = {sender_name}
email = "{EXAMPLE_EMAIL}"            # EXAMPLE
reply_to = "{EXAMPLE_EMAIL}"         # EXAMPLE
postal_address = "{EXAMPLE_ADDRESS}"   # EXAMPLE: printed in every footer (CAN-SPAM)

[schedule]
every = {every_days}          # days between lessons; lesson 1 is sent on sign-up (day 0)
# days = [0, 1, 3, 7]   # or the exact day of each lesson
# weekdays_only = true  # a lesson due on a Saturday or Sunday waits for Monday (lesson 1 still goes on sign-up)
# start = 2026-12-07    # a cohort's first day: every lesson also gets its date
# A lesson's own `day: N` in its front matter pins it; the others follow this schedule.

[theme]
brand_color = "{DEFAULT_THEME.brand_color}"
text_color = "{DEFAULT_THEME.text_color}"
background_color = "{DEFAULT_THEME.background_color}"
content_background = "{DEFAULT_THEME.content_background}"
# logo_url = "https://example.com/logo.png"
# font_family = {toml_string(DEFAULT_THEME.font_family)}
# width = 600

[links]
utm = false            # true adds utm_source/utm_medium/utm_campaign/utm_content to article links
unsubscribe_url = "https://example.com/unsubscribe"   # EXAMPLE: your unsubscribe page, for the eml and html exports

[cta]
# The closing call to action on the last lesson. Without a url, the button invites a reply.
# text = "Book a free 20-minute call to talk about your sales team."
# button = "Book a call"
# url = "https://example.com/call"
"""


def write_project(root: Path, title: str, author: str, language: str, source: str, lessons: list[dict[str, Any]],
                  force: bool, every_days: int = 1,
                  discard_edits: bool = False) -> tuple[bool, Path | None]:  # fmt: skip
    """Write course.toml (unless one exists) and the lesson files. Returns whether course.toml was kept and where
    the replaced lessons were backed up. Lessons edited since the last split are replaced only with
    `discard_edits`; replaced lessons are always backed up first."""
    lessons_dir = root / LESSONS_DIR
    if root.exists() and not root.is_dir():
        raise CourseError(f"{root} is a file; choose a folder for the course with -o")
    if root.exists() and any(root.iterdir()) and not force:
        raise CourseError(
            f"{root} already exists and is not empty; pass --force to replace its lessons, "
            "or choose another folder with -o"
        )
    replaced = sorted(lessons_dir.glob("*.md")) if lessons_dir.is_dir() else []
    edited, recorded = edited_since_split(root, replaced)
    if edited and not discard_edits:
        names = ", ".join(str(path.relative_to(root)) for path in edited)
        them = "it" if len(edited) == 1 and recorded else "them"
        why = (
            f"{plural(len(edited), 'lesson')} changed since the last split" if recorded
            else "there is no record of what the last split wrote, so any lesson may hold your edits"
        )  # fmt: skip
        raise CourseError(
            f"{root}: {why} ({names}); `split --force` would replace {them}. Pass --discard-edits to replace "
            f"{them} anyway (a copy is kept in {root / STATE_DIR / BACKUP_DIR}/), or split into another folder with -o"
        )
    backup = back_up(root, replaced)
    kept_settings = (root / COURSE_FILE).exists()
    staging = root.parent / f".{root.name}.split-tmp"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        (staging / LESSONS_DIR).mkdir(parents=True)
        for lesson in lessons:
            (staging / LESSONS_DIR / lesson["file"]).write_text(lesson_file_text(lesson), encoding="utf-8")
        if not kept_settings:
            (staging / COURSE_FILE).write_text(
                course_toml_text(title, author, language, source, every_days), encoding="utf-8"
            )
        root.mkdir(parents=True, exist_ok=True)
        if lessons_dir.exists():
            for old in lessons_dir.glob("*.md"):
                old.unlink()
        lessons_dir.mkdir(exist_ok=True)
        for new in sorted((staging / LESSONS_DIR).iterdir()):
            os.replace(new, lessons_dir / new.name)
        if not kept_settings:
            os.replace(staging / COURSE_FILE, root / COURSE_FILE)
        record_split(root, sorted(lessons_dir.glob("*.md")), source)
    except OSError as exc:
        raise CourseError(
            f"cannot write the course to {root} ({exc.strerror}); check the folder's permissions"
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return kept_settings, backup


def check_project_folder(root: Path) -> None:
    """Stop with a message saying what to do when root is not a course folder."""
    if not root.exists():
        raise CourseError(f"{root}: no such folder; give the course folder that `course split` created")
    if not root.is_dir():
        raise CourseError(f"{root} is a file; give the course folder that holds {COURSE_FILE}")
    if not (root / COURSE_FILE).exists():
        raise CourseError(f"{root} has no {COURSE_FILE}; run `course split ARTICLE -o {root}` first")


def load_project(root: Path) -> Course:
    """Read and validate a course project; every problem found is reported at once."""
    check_project_folder(root)
    config_path = root / COURSE_FILE
    try:
        text = config_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CourseError(f"{config_path}: cannot read it ({exc}); check the file") from None
    course, settings_problems = read_settings(root, config_path, text)
    if any(p.code == "settings.syntax" for p in settings_problems):
        raise CourseError(str(settings_problems[0]))
    course.templates_dir = root / TEMPLATES_DIR
    problems = [str(p) for p in settings_problems]
    course.lessons = read_lessons(root / LESSONS_DIR, root, problems, course.schedule)
    if problems:
        raise CourseError("\n       ".join(problems))
    return course


def read_schedule(root: Path) -> Schedule:
    """The [schedule] of an existing course.toml (the rhythm of the next split); defaults when there is none or it
    cannot be read, and a warning for each value that is ignored."""
    path = root / COURSE_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Schedule()
    course, _problems = read_settings(root, path, text)
    for warning in course.warnings:
        if warning.code == "schedule.invalid":
            log.warning("%s", warning)
    return course.schedule


def report_warnings(warnings: list[Notice]) -> None:
    """Say every warning about the settings once (the commands that print a report show them in it instead)."""
    for warning in warnings:
        log.warning("%s", warning)
