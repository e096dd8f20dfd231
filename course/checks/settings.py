"""Checks of the course as a whole (course.toml): postal address, sender, example values, and the warnings the
settings schema found (unknown keys, hard-to-read colours, an ignored [schedule])."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ..project import COURSE_FILE
from ..project.placeholders import find_placeholders
from ..render.wording import untranslated
from .model import SettingsContext
from .registry import Problem, check


@check("footer.postal-address", "error", "CAN-SPAM's postal address is missing", "course")
def postal_address_missing(ctx: SettingsContext) -> Iterator[Problem]:
    if not ctx.course.sender.postal_address.strip():
        yield Problem(
            "there is no postal address for the footer, which CAN-SPAM requires: set postal_address under [sender] "
            "in course.toml"
        )


def _placeholders(code: str, ctx: SettingsContext) -> Iterator[Problem]:
    """The example values of one kind (project/placeholders.py, the list export, upload and send-test refuse):
    warnings while you write, errors when checking for a provider (`--esp`), as the guard would stop you."""
    for found in find_placeholders(ctx.course, unsubscribe_page=ctx.unsubscribe_page):
        if found.code != code:
            continue
        line = ctx.course.setting_lines.get(found.where) if found.where else None
        where = (COURSE_FILE + (f":{line}" if line else "")) if found.where else found.key.split(":")[0]
        severity = "error" if ctx.provider else None
        if found.code == "links.example-unsubscribe" and not ctx.provider:
            severity = "info"  # only the eml and html exports use it
        message = f"{found.key} {found.fix}" if found.code == "lesson.unwritten" else (
            f"{found.key} is still an example value: {found.fix}"
        )  # fmt: skip
        yield Problem(message, where, severity)


PLACEHOLDER_CHECKS = [  # code, severity, when: one check each, all answered by _placeholders
    ("lesson.unwritten", "warning / error", "a lesson added with `course lessons --add` still holds its placeholder "
     "text (an error with `--esp`)"),
    ("sender.example", "warning / error", "the sender's name, email or reply-to is still the example one (an error "
     "with `--esp`: export, upload and send-test refuse it)"),
    ("footer.example-address", "warning / error", "the postal address is still the example one (an error with "
     "`--esp`)"),
    ("links.example-unsubscribe", "info / error", "[links] unsubscribe_url is the example page, which the eml and "
     "html exports link to (an error with `--esp eml` or `--esp html`)"),
    ("cta.example", "warning / error", "a call to action's url is an example one (example.com…), or [cta] url is "
     "there but empty (an error with `--esp`)"),
]  # fmt: skip
for code, severity, when in PLACEHOLDER_CHECKS:
    check(code, severity, when, "course")(partial(_placeholders, code))


@check("strings.language", "warning", "the course's language has no built-in wording and course.toml's [strings] "
       "does not give it: the greeting, “Lesson 1 of 5” and the footer would be in English", "course")  # fmt: skip
def wording_untranslated(ctx: SettingsContext) -> Iterator[Problem]:
    missing = untranslated(ctx.course.language, ctx.course.strings)
    if missing:
        line = ctx.course.setting_lines.get(("course", "language"))
        yield Problem(
            f"course has no wording of its own for language {ctx.course.language!r}: the greeting, “Lesson 1 of 5”, "
            f"“Next lesson” and the footer are in English; translate them under [strings] in course.toml "
            f"({', '.join(missing[:3])} and {len(missing) - 3} more: the README lists them under “Other languages”)",
            COURSE_FILE + (f":{line}" if line else ""),
        )


@check("templates.unpaired", "warning", "the course overrides a template but not its twin (partials/footer.mjml.j2 "
       "without partials/footer.txt.j2): its HTML and plain text differ", "course")  # fmt: skip
def templates_unpaired(ctx: SettingsContext) -> Iterator[Problem]:
    for notice in ctx.course.warnings:
        if notice.code == "templates.unpaired":
            yield Problem(notice.message, notice.file)


def _settings_warnings(code: str, ctx: SettingsContext) -> Iterator[Problem]:
    """The warnings the settings schema found while reading course.toml, with their line."""
    for notice in ctx.course.warnings:
        if notice.code == code:
            yield Problem(notice.message, COURSE_FILE + (f":{notice.line}" if notice.line else ""))


SETTINGS_WARNINGS = [
    ("theme.contrast", "theme colours under 4.5:1"),
    ("settings.unknown-key", "a section or key of course.toml that course does not know (a typo?)"),
    ("schedule.invalid", "a [schedule] value that is ignored"),
]
for code, when in SETTINGS_WARNINGS:
    check(code, "warning", when, "course")(partial(_settings_warnings, code))
