"""`course lessons`: the table of lessons, and moving, adding or removing one. The files are renumbered
(lessons/NN-<slug>.md) by renaming them: every other lesson's text stays byte-identical. A removed lesson is kept
in .course/backup/<time>/; a move that would make a pinned day go down is refused before anything changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import CourseError
from .model import Course, Lesson
from .plan import LESSON_SLUG_MAX, slug_of
from .plan.schedule import lesson_days
from .project import LESSONS_DIR, load_project
from .project.history import STATE_DIR, back_up
from .project.lessons import LESSON_NAME_RE, NEW_LESSON_BODY, lesson_file_text


@dataclass(frozen=True)
class Renumbered:
    """What a change did: the course as it is now, and the lessons whose file name (so number) changed."""

    course: Course
    renamed: list[tuple[str, str]]  # (old name, new name)
    note: str


def _file_name(position: int, slug: str, count: int) -> str:
    return f"{position:0{max(2, len(str(count)))}d}-{slug}.md"


def _slug_of(lesson: Lesson) -> str:
    match = LESSON_NAME_RE.match(lesson.path.name)
    return match.group(2) if match else lesson.slug


def _check_days(course: Course, order: list[Lesson], pins: list[int | None], action: str) -> None:
    """Refuse an order in which a pinned day would go down, naming both lessons and the fix."""
    _days, conflicts = lesson_days(pins, course.schedule)
    if conflicts:
        conflict = conflicts[0]
        lesson, previous = order[conflict.position], order[conflict.position - 1]
        raise CourseError(
            f"{action} would put {lesson.path.name} (pinned to day {conflict.day}) right after {previous.path.name} "
            f"(day {conflict.previous_day}): days never go down. Remove the `day:` line of {lesson.path.name} or pin "
            f"it to day {conflict.previous_day} or later, then run the command again; nothing was changed"
        )


def _rename(root: Path, order: list[tuple[Path, str]]) -> list[tuple[str, str]]:
    """Give the files in `order` (path, slug) the numbers 1, 2, …: rename through temporary names, so that no file
    is ever overwritten, and leave every byte of every file as it was."""
    lessons_dir = root / LESSONS_DIR
    targets = [lessons_dir / _file_name(n, slug, len(order)) for n, (_, slug) in enumerate(order, start=1)]
    moves = [(path, target) for (path, _), target in zip(order, targets, strict=True) if path != target]
    staged = []
    try:
        for index, (path, target) in enumerate(moves):
            temporary = lessons_dir / f".renumber-{index}-{target.name}"
            os.replace(path, temporary)
            staged.append((temporary, target))
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as exc:
        raise CourseError(
            f"cannot rename the lessons in {lessons_dir} ({exc.strerror}); check its permissions"
        ) from None
    return [(path.name, target.name) for path, target in moves]


def _files(lessons: list[Lesson]) -> list[tuple[Path, str]]:
    return [(x.path, _slug_of(x)) for x in lessons]


def _changed(course: Course, renamed: list[tuple[str, str]]) -> Renumbered:
    note = ""
    uploads = sorted(p.stem for p in (course.root / STATE_DIR / "uploads").glob("*.json"))
    if renamed and uploads:
        note = (
            f"Uploaded before to {', '.join(uploads)}: providers that name a lesson by its number (all but Kit) get "
            "the renumbered lessons as new ones on the next upload; delete the old ones there"
        )
    return Renumbered(load_project(course.root), renamed, note)


def move_lesson(root: Path, number: int, to: int) -> Renumbered:
    """Move lesson `number` to position `to`; the lessons between shift by one."""
    course = load_project(root)
    _in_range(course, number, "--move")
    _in_range(course, to, "--to")
    order = list(course.lessons)
    order.insert(to - 1, order.pop(number - 1))
    _check_days(course, order, [x.day if x.pinned else None for x in order], f"moving lesson {number} to {to}")
    return _changed(course, _rename(root, _files(order)))


def add_lesson(root: Path, title: str, after: int | None = None) -> Renumbered:
    """A new lesson titled `title` after lesson `after` (default: at the end), with a body to write."""
    course = load_project(root)
    title = title.strip()
    if not title:
        raise CourseError('the new lesson needs a title: course lessons DIR --add "Its title"')
    position = len(course.lessons) if after is None else after
    if not 0 <= position <= len(course.lessons):
        raise CourseError(f"--after {after}: the course has lessons 1 to {len(course.lessons)} (0 puts it first)")
    used = {_slug_of(x) for x in course.lessons}
    slug = base = slug_of(title, LESSON_SLUG_MAX) or "lesson"
    suffix = 2
    while slug in used:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    new = root / LESSONS_DIR / f".new-{slug}.md"
    new.write_text(lesson_file_text({"title": title, "subject": title, "markdown": NEW_LESSON_BODY}), encoding="utf-8")
    order = _files(course.lessons)
    order.insert(position, (new, slug))
    renamed = _rename(root, order)
    return _changed(course, [(old, name) for old, name in renamed if not old.startswith(".new-")])


def remove_lesson(root: Path, number: int) -> tuple[Renumbered, Path | None]:
    """Remove lesson `number` (a copy goes to .course/backup/<time>/); the lessons after it move up."""
    course = load_project(root)
    _in_range(course, number, "--remove")
    if len(course.lessons) == 1:
        raise CourseError("a course needs at least one lesson; this is its last")
    order = [x for x in course.lessons if x.number != number]
    _check_days(course, order, [x.day if x.pinned else None for x in order], f"removing lesson {number}")
    removed = course.lessons[number - 1].path
    backup = back_up(root, [removed])
    removed.unlink()
    return _changed(course, _rename(root, _files(order))), backup


def _in_range(course: Course, number: int, option: str) -> None:
    if not 1 <= number <= len(course.lessons):
        raise CourseError(f"{option} {number}: the course has lessons 1 to {len(course.lessons)}")


def unpin_days(root: Path) -> Renumbered:
    """Remove the `day:` line from every lesson's front matter (a course split by an older version pins them all),
    so that [schedule] decides; nothing else in the files changes."""
    course = load_project(root)
    changed = []
    for lesson in course.lessons:
        if not lesson.pinned:
            continue
        text = lesson.path.read_bytes().decode("utf-8")
        header_end = text.find("\n---", 3) + 1  # the front matter's lines, each with its newline
        header, rest = text[:header_end], text[header_end:]
        kept = "".join(line for line in header.splitlines(keepends=True) if not line.startswith("day:"))
        lesson.path.write_bytes((kept + rest).encode("utf-8"))
        changed.append(lesson.path.name)
    return Renumbered(load_project(root), [(name, name) for name in changed], "")
