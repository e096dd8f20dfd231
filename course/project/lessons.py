"""The lesson files, lessons/NN-<slug>.md: YAML front matter and a Markdown body, read into Lessons and written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from slugify import slugify

from ..lazyre import lazy_compile
from ..model import CallToAction, Lesson, Schedule
from ..plan.schedule import lesson_days, send_dates

LESSON_NAME_RE = lazy_compile(r"^(\d{2,3})-([\w-]+)\.md$")
CTA_KEYS = {"heading", "text", "button", "url"}
NEW_LESSON_BODY = "Write this lesson here."  # the body `course lessons --add` writes; export and upload refuse it


def lesson_file_text(lesson: dict[str, Any]) -> str:
    """A lesson file: front matter (title, subject, preheader, and day when it is pinned) and the Markdown body."""
    import yaml  # here and in _load_lesson, not at the top: `course --help` needs no YAML

    meta = {key: lesson[key] for key in ("title", "subject", "preheader", "day") if lesson.get(key) is not None}
    header = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n\n{lesson['markdown'].strip()}\n"


def read_lessons(lessons_dir: Path, root: Path, problems: list[str], schedule: Schedule | None = None) -> list[Lesson]:
    """Every lesson file in order, each with its day; what is wrong with any of them is added to problems."""
    schedule = schedule or Schedule()
    files = sorted(p for p in lessons_dir.glob("*.md") if not p.name.startswith(".")) if lessons_dir.is_dir() else []
    if not files:
        problems.append(f"{lessons_dir} has no lessons; run `course split ARTICLE -o {root}` to create them")
        return []
    lessons: list[Lesson] = []
    for number, path in enumerate(files, start=1):
        lesson = _load_lesson(path, number, problems)
        if lesson is not None:
            lessons.append(lesson)
    if len(lessons) == len(files):
        schedule_lessons(lessons, schedule, problems)
    return lessons


def schedule_lessons(lessons: list[Lesson], schedule: Schedule, problems: list[str]) -> None:
    """Give every lesson its day (its pin, or its place in [schedule]) and, with a start date, its date; a pin
    that goes down is one problem naming both lessons and the fix."""
    first = lessons[0] if lessons else None
    if first is not None and first.pinned and first.day != 0:
        problems.append(
            f"{first.path}: front matter: the first lesson is sent on sign-up, day 0, not day {first.day}; remove its "
            "`day:` line"
        )
    days, conflicts = lesson_days([lesson.day if lesson.pinned else None for lesson in lessons], schedule)
    for conflict in conflicts:
        lesson, previous = lessons[conflict.position], lessons[conflict.position - 1]
        source = "pinned in its front matter" if conflict.previous_pinned else "from [schedule] in course.toml"
        problems.append(
            f"{lesson.path}: front matter: day {conflict.day} comes before lesson {previous.number}'s day "
            f"{conflict.previous_day} ({previous.path.name}, {source}); days never go down: pin lesson "
            f"{lesson.number} to day {conflict.previous_day} or later, or remove its `day:` line to follow the "
            "schedule"
        )
    dates = send_dates(days, schedule)
    for position, lesson in enumerate(lessons):
        lesson.day = days[position]
        lesson.send_on = dates[position] if dates else None


def _load_lesson(path: Path, number: int, problems: list[str]) -> Lesson | None:
    import frontmatter
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(f"{path}: not UTF-8 text; save the lesson as UTF-8")
        return None
    except OSError as exc:
        problems.append(f"{path}: cannot read it ({exc.strerror})")
        return None
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        reason = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        problems.append(
            f"{path}{line}: front matter is not valid YAML ({reason}); fix it, e.g. quote values with colons"
        )
        return None
    meta = post.metadata
    header_lines = text[: text.find("\n---", 3) + 4].count("\n") + 1 if text.startswith("---") else 0
    match = LESSON_NAME_RE.match(path.name)
    slug = match.group(2) if match else slugify(path.stem) or f"lesson-{number}"

    def line_of(key: str) -> str:
        for index, line in enumerate(text.split("\n")[:header_lines], start=1):
            if line.startswith(f"{key}:"):
                return f":{index}"
        return ""

    title = str(meta.get("title") or "").strip()
    if not title:
        problems.append(f"{path}: front matter has no title; add a line `title: …` between the --- lines")
    day = meta.get("day")  # optional: without it, [schedule] gives the day
    if day is not None and (isinstance(day, bool) or not isinstance(day, int) or day < 0):
        problems.append(
            f"{path}{line_of('day')}: front matter: 'day' must be a whole number ≥ 0 (days after sign-up), got "
            f"{day!r}; or remove the line to follow [schedule]"
        )
        day = None
    if not post.content.strip():
        problems.append(f"{path}: the lesson has no text below its front matter; write the lesson or delete the file")
    cta = _lesson_cta(meta.get("cta"), f"{path}{line_of('cta')}", problems)
    body_line = header_lines + 1
    lines = text.split("\n")
    while body_line <= len(lines) and not lines[body_line - 1].strip():
        body_line += 1
    return Lesson(
        body_line=body_line,
        number=number,
        path=path,
        slug=slug,
        title=title,
        subject=str(meta.get("subject") or title).strip(),
        preheader=str(meta.get("preheader") or "").strip(),
        day=day or 0,
        body=post.content.strip() + "\n",
        cta=cta,
        pinned=day is not None,
    )


def _lesson_cta(value: Any, where: str, problems: list[str]) -> CallToAction | None:
    """A lesson's own call to action, `cta:` in its front matter: text, button and url (heading optional)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.append(f"{where}: front matter: 'cta' must hold text, button and url, e.g. cta: {{button: Book a "
                        "call, url: https://…}}")  # fmt: skip
        return None
    unknown = sorted(set(value) - CTA_KEYS)
    if unknown:
        problems.append(
            f"{where}: front matter: 'cta' has {', '.join(unknown)}; it takes {', '.join(sorted(CTA_KEYS))}"
        )
    url = str(value.get("url") or "").strip()
    if not url or not re.match(r"(https?://|mailto:)", url):
        problems.append(f"{where}: front matter: the lesson's cta needs a url (https://… or mailto:…), got {url!r}")
    if not value.get("button"):
        problems.append(f"{where}: front matter: the lesson's cta needs a button (its words), e.g. button: Book a call")
    return CallToAction(**{key: str(value[key]) for key in CTA_KEYS if value.get(key) is not None})
