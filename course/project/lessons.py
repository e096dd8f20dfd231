"""The lesson files, lessons/NN-<slug>.md: YAML front matter and a Markdown body, read into Lessons and written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from slugify import slugify

from ..model import CallToAction, Lesson

LESSON_NAME_RE = re.compile(r"^(\d{2,3})-([\w-]+)\.md$")
CTA_KEYS = {"heading", "text", "button", "url"}


def lesson_file_text(lesson: dict[str, Any]) -> str:
    """A lesson file: front matter (title, subject, preheader, day) and the Markdown body."""
    import yaml  # here and in _load_lesson, not at the top: `course --help` needs no YAML

    meta = {key: lesson[key] for key in ("title", "subject", "preheader", "day")}
    header = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n\n{lesson['markdown'].strip()}\n"


def read_lessons(lessons_dir: Path, root: Path, problems: list[str]) -> list[Lesson]:
    """Every lesson file in order; what is wrong with any of them is added to problems."""
    files = sorted(lessons_dir.glob("*.md")) if lessons_dir.is_dir() else []
    if not files:
        problems.append(f"{lessons_dir} has no lessons; run `course split ARTICLE -o {root}` to create them")
        return []
    lessons: list[Lesson] = []
    previous_day = None
    for number, path in enumerate(files, start=1):
        lesson = _load_lesson(path, number, problems)
        if lesson is None:
            continue
        if number == 1 and lesson.day != 0:
            problems.append(
                f"{path}: front matter: the first lesson must have day: 0 (sent on sign-up), got {lesson.day}"
            )
        if previous_day is not None and lesson.day < previous_day:
            problems.append(
                f"{path}: front matter: day {lesson.day} comes before the previous lesson's day {previous_day}; "
                "days never go down"
            )
        previous_day = lesson.day
        lessons.append(lesson)
    return lessons


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
    day = meta.get("day", 0 if number == 1 else None)
    if isinstance(day, bool) or not isinstance(day, int) or day < 0:
        got = "nothing" if day is None else repr(day)
        problems.append(f"{path}{line_of('day')}: front matter: 'day' must be a whole number ≥ 0, got {got}")
        day = 0
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
        day=day,
        body=post.content.strip() + "\n",
        cta=cta,
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
