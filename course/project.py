"""The course project on disk: course.toml and lessons/NN-<slug>.md, to and from Course and Lesson objects.

This is the one module that knows the layout of a project folder.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from slugify import slugify

from .colors import theme_contrast_warnings
from .errors import CourseError

log = logging.getLogger(__name__)

COURSE_FILE = "course.toml"
LESSONS_DIR = "lessons"
LESSON_NAME_RE = re.compile(r"^(\d{2,3})-([\w-]+)\.md$")
EXAMPLE_EMAIL = "you@example.com"
EXAMPLE_ADDRESS = "1 Example Street, Example City, Country"

DEFAULT_THEME: dict[str, Any] = {
    "brand_color": "#1f6feb",
    "text_color": "#1f2933",
    "muted_color": "#52606d",
    "background_color": "#f3f4f6",
    "content_background": "#ffffff",
    "button_text_color": "#ffffff",
    "button_radius": "6px",
    "font_family": "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
    "font_size": 17,
    "width": 600,
    "logo_url": "",
    "logo_width": 120,
}
KNOWN_KEYS: dict[str, set[str] | None] = {
    "course": {"title", "author", "language", "slug", "base_url", "description"},
    "sender": {"name", "email", "reply_to", "postal_address"},
    "schedule": {"every", "days"},
    "theme": set(DEFAULT_THEME),
    "links": {"utm", "utm_source", "utm_medium", "utm_campaign", "unsubscribe_url", "view_online_url", "website"},
    "cta": {"heading", "text", "button", "url"},
    "strings": None,  # free-form: any framing string may be overridden
    "preview": {"first_name", "email", "unsubscribe_url", "view_online_url", "preferences_url"},
}


@dataclass
class Lesson:
    """One lesson file: its front matter and Markdown body."""

    number: int
    path: Path
    slug: str
    title: str
    subject: str
    preheader: str
    day: int
    body: str
    body_line: int = 1  # the line of the file where the Markdown body starts (for messages that point at a line)

    @property
    def stem(self) -> str:
        return self.path.stem


@dataclass
class Course:
    """A loaded course project: settings from course.toml and lessons in order."""

    root: Path
    title: str
    author: str
    language: str
    slug: str
    sender: dict[str, str]
    theme: dict[str, Any]
    links: dict[str, Any]
    cta: dict[str, str]
    strings: dict[str, str]
    preview: dict[str, str]
    base_url: str
    lessons: list[Lesson] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"


def toml_string(value: str) -> str:
    """A TOML basic string (JSON string escapes are valid TOML escapes)."""
    return json.dumps(value, ensure_ascii=False)


def course_toml_text(title: str, author: str, language: str, source: str, every_days: int = 1) -> str:
    """The course.toml that `course split` writes, with example values clearly marked."""
    sender = author or "Your Name"
    return f"""# The course settings. `course split` wrote this from {source};
# values marked EXAMPLE are placeholders: replace them before you upload or send anything.

[course]
title = {toml_string(title)}
author = {toml_string(author or "")}
language = {toml_string(language)}          # BCP 47 tag: sets lang="" and the wording around each lesson
# base_url = "https://example.com/blog/"   # resolves relative links and images in the lessons

[sender]
name = {toml_string(sender)}
email = "{EXAMPLE_EMAIL}"            # EXAMPLE
reply_to = "{EXAMPLE_EMAIL}"         # EXAMPLE
postal_address = "{EXAMPLE_ADDRESS}"   # EXAMPLE: printed in every footer (CAN-SPAM)

[schedule]
every = {every_days}          # days between lessons; lesson 1 is sent on sign-up (day 0)
# days = [0, 1, 3, 7]   # or the exact day of each lesson (used the next time you run course split --force)

[theme]
brand_color = "{DEFAULT_THEME["brand_color"]}"
text_color = "{DEFAULT_THEME["text_color"]}"
background_color = "{DEFAULT_THEME["background_color"]}"
content_background = "{DEFAULT_THEME["content_background"]}"
# logo_url = "https://example.com/logo.png"
# font_family = {toml_string(DEFAULT_THEME["font_family"])}
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
                  force: bool, every_days: int = 1) -> bool:  # fmt: skip
    """Write course.toml (unless one exists) and the lesson files. Returns True when course.toml was kept."""
    lessons_dir = root / LESSONS_DIR
    if root.exists() and not root.is_dir():
        raise CourseError(f"{root} is a file; choose a folder for the course with -o")
    if root.exists() and any(root.iterdir()) and not force:
        raise CourseError(
            f"{root} already exists and is not empty; pass --force to replace its lessons, "
            "or choose another folder with -o"
        )
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
    except OSError as exc:
        raise CourseError(
            f"cannot write the course to {root} ({exc.strerror}); check the folder's permissions"
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return kept_settings


def lesson_file_text(lesson: dict[str, Any]) -> str:
    meta = {key: lesson[key] for key in ("title", "subject", "preheader", "day")}
    header = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n\n{lesson['markdown'].strip()}\n"


def load_project(root: Path) -> Course:
    """Read and validate a course project; every problem found is reported at once."""
    if not root.exists():
        raise CourseError(f"{root}: no such folder; give the course folder that `course split` created")
    if not root.is_dir():
        raise CourseError(f"{root} is a file; give the course folder that holds {COURSE_FILE}")
    config_path = root / COURSE_FILE
    if not config_path.exists():
        raise CourseError(f"{root} has no {COURSE_FILE}; run `course split ARTICLE -o {root}` first")
    try:
        config = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = f"{config_path}:{line.group(1)}" if line else str(config_path)
        raise CourseError(f"{where}: {exc}; fix the TOML syntax") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CourseError(f"{config_path}: cannot read it ({exc}); check the file") from None
    problems: list[str] = []
    warnings = _unknown_keys(config, config_path)
    course = _course_from_config(root, config, config_path, problems)
    if not problems:
        warnings += theme_contrast_warnings(course.theme, str(config_path))
    course.warnings = warnings
    course.lessons = _load_lessons(root, problems)
    if problems:
        raise CourseError("\n       ".join(problems))
    return course


def _unknown_keys(config: dict[str, Any], path: Path) -> list[str]:
    warnings = []
    for section, value in config.items():
        if section not in KNOWN_KEYS:
            warnings.append(f"{path}: unknown section [{section}] is ignored")
            continue
        known = KNOWN_KEYS[section]
        if known is not None and isinstance(value, dict):
            for key in value:
                if key not in known:
                    warnings.append(f"{path}: unknown key {key!r} in [{section}] is ignored")
    return warnings


def _table(config: dict[str, Any], name: str, path: Path, problems: list[str]) -> dict[str, Any]:
    value = config.get(name, {})
    if not isinstance(value, dict):
        problems.append(f"{path}: [{name}] must be a table (a [{name}] section)")
        return {}
    return value


def _course_from_config(root: Path, config: dict[str, Any], path: Path, problems: list[str]) -> Course:
    course = _table(config, "course", path, problems)
    sender = {k: str(v) for k, v in _table(config, "sender", path, problems).items()}
    title = str(course.get("title") or "").strip()
    if not title:
        problems.append(f'{path}: [course] title is missing; add title = "Your course name"')
    for key in ("name", "email"):
        if not sender.get(key):
            problems.append(f'{path}: [sender] {key} is missing; add {key} = "…" under [sender]')
    sender.setdefault("reply_to", sender.get("email", ""))
    sender.setdefault("postal_address", "")
    theme = dict(DEFAULT_THEME)
    theme.update(_table(config, "theme", path, problems))
    for key in ("width", "font_size", "logo_width"):
        if not isinstance(theme[key], int) or isinstance(theme[key], bool) or theme[key] <= 0:
            problems.append(f"{path}: [theme] {key} must be a whole number of pixels, got {theme[key]!r}")
    for key in (
        "brand_color",
        "text_color",
        "muted_color",
        "background_color",
        "content_background",
        "button_text_color",
    ):
        if not re.fullmatch(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?", str(theme[key])):
            problems.append(f'{path}: [theme] {key} must be a hex colour such as "#1f6feb", got {theme[key]!r}')
    language = str(course.get("language") or "en").strip()
    base_url = str(course.get("base_url") or "").strip()
    if base_url and not re.match(r"https?://", base_url):
        problems.append(f"{path}: [course] base_url must start with https:// or http://, got {base_url!r}")
    return Course(
        root=root,
        title=title,
        author=str(course.get("author") or ""),
        language=language,
        slug=str(course.get("slug") or slugify(title) or "course"),
        sender=sender,
        theme=theme,
        links=_table(config, "links", path, problems),
        cta={k: str(v) for k, v in _table(config, "cta", path, problems).items()},
        strings={k: str(v) for k, v in _table(config, "strings", path, problems).items()},
        preview={k: str(v) for k, v in _table(config, "preview", path, problems).items()},
        base_url=base_url,
    )


def _load_lessons(root: Path, problems: list[str]) -> list[Lesson]:
    lessons_dir = root / LESSONS_DIR
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
    )
