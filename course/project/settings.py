"""course.toml to typed settings, through one schema that reports every mistake at once, each with its key and line.

Each section is a dataclass of course/model.py (its defaults are the defaults here too) with one `Option` per key
that turns the TOML value into the field's value or says what is wrong with it. As MkDocs does with mkdocs.yml,
everything is checked before anything fails: `read_settings` returns every error at once, and the course's
`warnings` hold every warning (unknown keys, hard-to-read colours, a [schedule] that is ignored).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slugify import slugify

from ..lazyre import lazy_compile
from ..model import BuildOptions, CallToAction, Course, Links, Notice, PreviewValues, Schedule, Sender, Theme
from .colors import low_contrast

HEX_COLOUR_RE = lazy_compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")


class Invalid(ValueError):
    """A value the schema refuses; the message says what it must be."""


class Option:
    """One key of a section: how its TOML value becomes the setting's value."""

    def __init__(self, required: str | None = None) -> None:
        self.required = required  # the message when it is missing or empty, e.g. 'add title = "…"'

    def convert(self, value: Any) -> Any:
        return str(value)


class Text(Option):
    def __init__(self, required: str | None = None, strip: bool = False) -> None:
        super().__init__(required)
        self.strip = strip

    def convert(self, value: Any) -> Any:
        text = str(value)
        return text.strip() if self.strip else text


class WebAddress(Text):
    def convert(self, value: Any) -> Any:
        text = str(value).strip()
        if text and not re.match(r"https?://", text):
            raise Invalid(f"must start with https:// or http://, got {text!r}")
        return text


class Colour(Option):
    def convert(self, value: Any) -> Any:
        if not HEX_COLOUR_RE.fullmatch(str(value)):
            raise Invalid(f'must be a hex colour such as "#1f6feb", got {value!r}')
        return str(value)


class Pixels(Option):
    def convert(self, value: Any) -> Any:
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise Invalid(f"must be a whole number of pixels, got {value!r}")
        return value


class Flag(Option):
    def convert(self, value: Any) -> Any:
        return bool(value)


class Days(Option):
    """The gap between lessons: a whole number of days, 0 or more."""

    def convert(self, value: Any) -> Any:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise Invalid("must be a whole number of days; using 1")
        return value


class DayList(Option):
    """The exact day of each lesson: starts at 0 and never goes down."""

    def convert(self, value: Any) -> Any:
        valid = (
            isinstance(value, list) and value and all(isinstance(d, int) and not isinstance(d, bool) for d in value)
            and value[0] == 0 and all(b >= a for a, b in itertools.pairwise(value))
        )  # fmt: skip
        if not valid:
            raise Invalid("must start at 0 and never go down, e.g. [0, 1, 3, 7]; ignoring it")
        return tuple(value)


class Date(Option):
    """A calendar day: a TOML date (start = 2026-12-04) or the same as text."""

    def convert(self, value: Any) -> Any:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise Invalid(f"must be a date such as 2026-12-04, got {value!r}; ignoring it") from None


@dataclass(frozen=True)
class Section:
    """A [table] of course.toml: its options, the dataclass they fill, and whether a mistake only warns."""

    options: dict[str, Option]
    model: type | None = None  # the dataclass of model.py the values fill, if any
    lenient: bool = False  # a wrong value is ignored with a warning (the default is used) instead of an error
    free_form: bool = False  # any key is welcome, its value kept as text


SCHEMA: dict[str, Section] = {
    "course": Section({
        "title": Text(required='add title = "Your course name"', strip=True),
        "author": Text(),
        "language": Text(strip=True),
        "slug": Text(),
        "base_url": WebAddress(),
        "description": Text(),
    }),
    "sender": Section({
        "name": Text(required='add name = "…" under [sender]'),
        "email": Text(required='add email = "…" under [sender]'),
        "reply_to": Text(),
        "postal_address": Text(),
        "signature": Text(),
    }, Sender),
    "schedule": Section(
        {"every": Days(), "days": DayList(), "weekdays_only": Flag(), "start": Date()}, Schedule, lenient=True
    ),
    "theme": Section({
        **{key: Colour() for key in ("brand_color", "text_color", "muted_color", "background_color",
                                     "content_background", "button_text_color")},
        **{key: Pixels() for key in ("width", "font_size", "logo_width")},
        "button_radius": Text(),
        "font_family": Text(),
        "logo_url": Text(),
    }, Theme),
    "links": Section({
        "utm": Flag(),
        "utm_source": Text(),
        "utm_medium": Text(),
        "utm_campaign": Text(),
        "unsubscribe_url": Text(strip=True),
        "view_online_url": Text(),
        "website": Text(),
    }, Links),
    "cta": Section({key: Text() for key in ("heading", "text", "button", "url")}, CallToAction),
    "build": Section({"minify": Flag()}, BuildOptions),
    "strings": Section({}, free_form=True),  # free-form: any framing string of render/wording.py may be overridden
    "preview": Section(
        {key: Text() for key in ("first_name", "email", "unsubscribe_url", "view_online_url", "preferences_url")},
        PreviewValues,
    ),
}  # fmt: skip


def read_settings(root: Path, path: Path, text: str) -> tuple[Course, list[Notice]]:
    """The course (without lessons) from course.toml's text, and every problem found; warnings go to the course.
    A TOML syntax error is the one problem that stops early."""
    course = Course(root=root, title="")
    problems: list[Notice] = []
    try:
        config = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        number = int(line.group(1)) if line else None
        return course, [Notice("settings.syntax", f"{exc}; fix the TOML syntax", str(path), number)]
    lines = _key_lines(text)
    course.setting_lines = lines
    tables: dict[str, dict[str, Any]] = {}
    for name, value in config.items():
        at = lines.get((name, ""))
        if name not in SCHEMA:
            course.warnings.append(
                Notice("settings.unknown-key", f"unknown section [{name}] is ignored", str(path), at)
            )
        elif not isinstance(value, dict):
            problems.append(Notice("settings.invalid", f"[{name}] must be a table (a [{name}] section)", str(path), at))
        else:
            tables[name] = value
    values = {
        name: _section(path, name, section, tables.get(name, {}), lines, problems, course.warnings)
        for name, section in SCHEMA.items()
    }
    info, sender = values["course"], values["sender"]
    sender.setdefault("reply_to", sender.get("email", ""))
    course.title = info.get("title", "")
    course.author = info.get("author", "")
    course.language = info.get("language") or "en"
    course.slug = info.get("slug") or slugify(course.title) or "course"
    course.base_url = info.get("base_url", "")
    course.sender = Sender(**sender)
    course.schedule = Schedule(**values["schedule"])
    course.theme = Theme(**values["theme"])
    course.links = Links(**values["links"])
    course.cta = CallToAction(**values["cta"])
    course.strings = values["strings"]
    course.preview = PreviewValues(**values["preview"])
    course.build = BuildOptions(**values["build"])
    if not any(p.code == "theme.invalid" for p in problems):
        for key, message in low_contrast(course.theme):
            course.warnings.append(Notice("theme.contrast", message, str(path), lines.get(("theme", key))))
    return course, problems


def _section(
    path: Path, name: str, section: Section, table: dict[str, Any], lines: dict[tuple[str, str], int],
    problems: list[Notice], warnings: list[Notice],
) -> dict[str, Any]:  # fmt: skip
    """The section's values by key (only the keys course.toml gives), recording problems and warnings."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        option = section.options.get(key)
        at = lines.get((name, key))
        if option is None and section.free_form:
            values[key] = str(value)
        elif option is None:
            warnings.append(
                Notice("settings.unknown-key", f"unknown key {key!r} in [{name}] is ignored", str(path), at)
            )
        else:
            try:
                values[key] = option.convert(value)
            except Invalid as exc:
                notices = warnings if section.lenient else problems
                notices.append(Notice(f"{name}.invalid", f"[{name}] {key} {exc}", str(path), at))
    for key, option in section.options.items():
        if option.required and not values.get(key):
            at = lines.get((name, key)) or lines.get((name, ""))
            problems.append(Notice("settings.missing", f"[{name}] {key} is missing; {option.required}", str(path), at))
    return values


def _key_lines(text: str) -> dict[tuple[str, str], int]:
    """Where each [table] header and each `key =` line of course.toml is: (table, key) -> line, (table, "") for
    the header. Enough for course.toml's flat tables; keys TOML allows elsewhere are simply not located."""
    found: dict[tuple[str, str], int] = {}
    table = ""
    for number, line in enumerate(text.split("\n"), start=1):
        header = re.match(r"\s*\[\s*([\w.-]+)\s*\]", line)
        if header:
            table = header.group(1)
            found.setdefault((table, ""), number)
            continue
        key = re.match(r"""\s*["']?([\w.-]+)["']?\s*=""", line)
        if key:
            found.setdefault((table, key.group(1)), number)
    return found
