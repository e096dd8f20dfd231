"""The example values `course split` writes into course.toml, still there: what export, upload and send-test refuse
to send to subscribers, and what `course check` reports. One list, so that the guard and the check agree."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Course
from .lessons import NEW_LESSON_BODY

EXAMPLE_NAME = "Your Name"
EXAMPLE_EMAIL = "you@example.com"
EXAMPLE_ADDRESS = "1 Example Street, Example City, Country"
EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")


@dataclass(frozen=True)
class Placeholder:
    """A setting that still holds an example value: its key, the check's code, and what to set instead."""

    key: str  # "[sender] email"
    code: str  # the check's code: "sender.example", "footer.example-address", …
    value: str
    fix: str  # what to do, e.g. "set the address you send from"
    where: tuple[str, str] | None = None  # (table, key) in course.toml, to find its line; None: a lesson's own

    def __str__(self) -> str:
        return f"{self.key} ({self.fix})" if not self.value else f"{self.key} = {self.value!r} ({self.fix})"


def _is_example(url: str) -> bool:
    host = url.split("://", 1)[-1].split("/", 1)[0].lower()
    return any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS)


def find_placeholders(course: Course, unsubscribe_page: bool = True) -> list[Placeholder]:
    """Every example value the course's settings still hold. `unsubscribe_page`: the provider sends our own
    unsubscribe page ([links] unsubscribe_url: the eml and html exports, the local build), so an example page
    counts; the others put their own link in every email."""
    sender, cta = course.sender, course.cta
    found = []
    if sender.name.strip() == EXAMPLE_NAME:
        found.append(
            Placeholder("[sender] name", "sender.example", sender.name, "set the name readers see", ("sender", "name"))
        )
    for key, value in (("email", sender.email), ("reply_to", sender.reply_to)):
        if value.strip().lower() == EXAMPLE_EMAIL:
            found.append(
                Placeholder(
                    f"[sender] {key}", "sender.example", value, "set the address you send from", ("sender", key)
                )
            )
    if sender.postal_address.strip() == EXAMPLE_ADDRESS:
        found.append(
            Placeholder(
                "[sender] postal_address", "footer.example-address", sender.postal_address,
                "set your postal address, printed in every footer", ("sender", "postal_address"),
            )
        )  # fmt: skip
    if unsubscribe_page and _is_example(course.links.unsubscribe_url):
        found.append(
            Placeholder(
                "[links] unsubscribe_url", "links.example-unsubscribe", course.links.unsubscribe_url,
                "set the address of your unsubscribe page", ("links", "unsubscribe_url"),
            )
        )  # fmt: skip
    if cta.url and _is_example(cta.url):
        found.append(
            Placeholder("[cta] url", "cta.example", cta.url, "set where the closing button leads", ("cta", "url"))
        )
    elif cta.url is not None and not cta.url.strip():
        found.append(
            Placeholder(
                "[cta] url", "cta.example", "",
                "it is there but empty: set where the closing button leads, or delete the line to invite a reply",
                ("cta", "url"),
            )
        )  # fmt: skip
    for lesson in course.lessons:
        if lesson.body.strip() == NEW_LESSON_BODY:
            found.append(
                Placeholder(
                    f"lessons/{lesson.path.name}", "lesson.unwritten", "",
                    f"still says “{NEW_LESSON_BODY}”: write the lesson",
                )
            )  # fmt: skip
        if lesson.cta is not None and lesson.cta.url and _is_example(lesson.cta.url):
            found.append(
                Placeholder(
                    f"{lesson.path.name}: cta url", "cta.example", lesson.cta.url,
                    "set where this lesson's button leads",
                )
            )  # fmt: skip
    return found


def named(found: list[Placeholder]) -> str:
    """The placeholders in one phrase, keys with the same value and fix together: "[sender] email, reply_to =
    'you@example.com' (set the address you send from); …"."""
    groups: dict[tuple[str, str], list[str]] = {}
    for placeholder in found:
        groups.setdefault((placeholder.value, placeholder.fix), []).append(placeholder.key)
    phrases = []
    for (value, fix), keys in groups.items():
        table = keys[0].split("] ")[0] + "] " if keys[0].startswith("[") else ""
        together = ", ".join(
            [keys[0], *(k.removeprefix(table) if table and k.startswith(table) else k for k in keys[1:])]
        )
        phrases.append(f"{together} = {value!r} ({fix})" if value else f"{together} ({fix})")
    return "; ".join(phrases)


def placeholder_message(found: list[Placeholder], action: str) -> str:
    """The one-line refusal: every key still holding an example value, and the way out (`action`: "export a
    draft anyway")."""
    return (
        f"course.toml still holds example values: {named(found)}. Replace them, or pass "
        f"--allow-placeholders to {action}"
    )
