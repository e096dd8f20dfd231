"""Checks of the course as a whole (course.toml): postal address, sender, example values, and the warnings the
settings schema found (unknown keys, hard-to-read colours, an ignored [schedule])."""

from __future__ import annotations

from collections.abc import Iterator

from ..project import COURSE_FILE, EXAMPLE_ADDRESS, EXAMPLE_EMAIL, EXAMPLE_NAME
from .model import SettingsContext
from .registry import Problem, check


@check("footer.postal-address", "error", "CAN-SPAM's postal address is missing", "course")
def postal_address_missing(ctx: SettingsContext) -> Iterator[Problem]:
    if not ctx.course.sender.postal_address.strip():
        yield Problem(
            "there is no postal address for the footer, which CAN-SPAM requires: set postal_address under [sender] "
            "in course.toml"
        )


@check("footer.example-address", "warning", "the postal address is still the example one", "course")
def postal_address_example(ctx: SettingsContext) -> Iterator[Problem]:
    if ctx.course.sender.postal_address.strip() == EXAMPLE_ADDRESS:
        yield Problem("the postal address is still the example one: set your own under [sender]")


@check("sender.example", "warning", "the sender's name, email or reply-to is still the example one", "course")
def sender_example(ctx: SettingsContext) -> Iterator[Problem]:
    sender = ctx.course.sender
    if sender.name.strip() == EXAMPLE_NAME:
        yield Problem(f"[sender] name is still “{EXAMPLE_NAME}”, which signs every email: set your name")
    for key, value in (("email", sender.email), ("reply_to", sender.reply_to)):
        if value.strip().lower() == EXAMPLE_EMAIL:
            yield Problem(f"[sender] {key} is still {EXAMPLE_EMAIL}: set the address you send from")


@check("links.example-unsubscribe", "info", "[links] unsubscribe_url is the example page", "course")
def unsubscribe_example(ctx: SettingsContext) -> Iterator[Problem]:
    if "example.com" in ctx.course.links.unsubscribe_url:
        yield Problem("[links] unsubscribe_url is the example one; the eml and html exports use it")


def _settings_warnings(code: str, ctx: SettingsContext) -> Iterator[Problem]:
    for notice in ctx.course.warnings:
        if notice.code == code:
            yield Problem(notice.message, COURSE_FILE + (f":{notice.line}" if notice.line else ""))


@check("theme.contrast", "warning", "theme colours under 4.5:1", "course")
def theme_contrast(ctx: SettingsContext) -> Iterator[Problem]:
    return _settings_warnings("theme.contrast", ctx)


@check(
    "settings.unknown-key", "warning", "a section or key of course.toml that course does not know (a typo?)", "course"
)
def unknown_keys(ctx: SettingsContext) -> Iterator[Problem]:
    return _settings_warnings("settings.unknown-key", ctx)


@check("schedule.invalid", "warning", "a [schedule] value that is ignored", "course")
def schedule_invalid(ctx: SettingsContext) -> Iterator[Problem]:
    return _settings_warnings("schedule.invalid", ctx)
