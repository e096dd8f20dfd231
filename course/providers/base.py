"""What every email provider has in common: its merge-tag dialect, its export files and its import guide.

A provider is one module in this package with one `Provider` subclass, registered in `course/providers/__init__.py`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..errors import CourseError
from ..model import Course, Lesson
from ..project.placeholders import Placeholder, named
from ..render import CourseRender
from ..render.dialects import Dialect
from ..render.wording import strings_for
from ..text import plural


@dataclass
class ExportedLesson:
    """One lesson as a provider receives it: final HTML and text in its dialect, plus its stable names."""

    lesson: Lesson
    html: str
    text: str
    delay_days: int
    name: str  # human-readable, unique within the account: "<course title> · 02 <lesson title>"
    key: str  # machine-safe and stable: "<course-slug>-02-<lesson-slug>", a template name or alias
    html_file: str
    text_file: str
    subject: str  # the subject and preheader as the provider's template language prints them as written
    preheader: str

    @property
    def number(self) -> int:
        return self.lesson.number


@dataclass
class Provider:
    """An email service provider: merge tags, export format, and (for some) an upload API."""

    name: ClassVar[str]
    label: ClassVar[str]
    env: ClassVar[tuple[str, ...]] = ()
    can_upload: ClassVar[bool] = False  # derived: True when the provider has an uploader_class
    sequences: ClassVar[str] = "no"  # how a drip is set up: "API" (real sequence with delays) or "by hand"
    lands_as: ClassVar[str] = ""  # what an upload or import creates, in a few words
    env_note: ClassVar[str] = ""  # what to know about the credentials, for `course esps` and the README
    # Neutral field -> the provider's tag. "{fallback}" in first_name is the course language's fallback word.
    tags: ClassVar[dict[str, str]] = {}
    escape_values: ClassVar[bool] = False
    literals: ClassVar[str] = "plain"  # how its template language prints the author's {{ … }} as written
    uses_unsubscribe_page: ClassVar[bool] = False  # links to [links] unsubscribe_url instead of its own tag
    notes: ClassVar[str] = ""  # facts we could not confirm, said in the import guide
    uploader_class: ClassVar[type | None] = None
    course: Course = field(repr=False)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.can_upload = cls.uploader_class is not None

    def credentials(self, environ: Mapping[str, str]) -> dict[str, str]:
        """The upload credentials from the environment; a missing one is an error naming the variable."""
        missing = [name for name in self.env if not environ.get(name, "").strip()]
        if missing:
            raise CourseError(
                f"no credentials for {self.name}: set {' and '.join(missing)} in the environment (see `course esps`)"
            )
        return {name: environ[name].strip() for name in self.env}

    def uploader(self, credentials: Mapping[str, str], api_url: str | None, **options: Any) -> Any:
        if self.uploader_class is None:
            raise CourseError(f"{self.name} cannot take uploads; use `course export --esp {self.name}`")
        return self.uploader_class(self, credentials, api_url, **options)

    def dialect(self) -> Dialect:
        fallback = strings_for(self.course.language, self.course.strings)["first_name_fallback"]
        values = {key: tag.replace("{fallback}", fallback) for key, tag in self.tags.items()}
        return Dialect(self.name, values, escape=self.escape_values, literals=self.literals)

    def unsubscribe_tag(self) -> str:
        return self.dialect().values.get("unsubscribe_url", "")

    def key(self, lesson: Lesson) -> str:
        base = self.course.slug if re.match(r"[a-z]", self.course.slug) else f"course-{self.course.slug}"
        return f"{base[:30].rstrip('-')}-{lesson.number:02d}-{lesson.slug}"[:64].rstrip("-")

    def display_name(self, lesson: Lesson) -> str:
        return f"{self.course.title} · {lesson.number:02d} {lesson.title}"[:100]

    def prepare(self, rendering: CourseRender) -> list[ExportedLesson]:
        """Every lesson in this provider's dialect, each checked to still carry a working unsubscribe link."""
        dialect = self.dialect()
        exported = []
        for email in rendering.emails(dialect):
            lesson = email.lesson
            self.check_unsubscribe(lesson, email.html, email.text, dialect)
            exported.append(
                ExportedLesson(
                    lesson, email.html, email.text, self.course.delay_days(lesson), self.display_name(lesson),
                    self.key(lesson), lesson.html_file, lesson.text_file, dialect.text(lesson.subject),
                    dialect.text(lesson.preheader),
                )
            )  # fmt: skip
        return exported

    def check_unsubscribe(self, lesson: Lesson, html: str, text: str, dialect: Dialect) -> None:
        tag = dialect.values.get("unsubscribe_url", "")
        if not tag:
            return
        href = f'href="{dialect.in_html("unsubscribe_url")}"'
        if href not in html or tag not in text:
            part = "HTML" if href not in html else "plain-text"
            raise CourseError(
                f"{lesson.path}: the {part} email has no unsubscribe link, which {self.name} needs ({tag}); keep "
                '<a href="{{ merge.unsubscribe_url }}"> in the HTML templates and {{ merge.unsubscribe_url }} '
                "in partials/footer.txt.j2"
            )

    # --- export -----------------------------------------------------------------------------------------

    def export(self, rendering: CourseRender, draft: list[Placeholder] | tuple[()] = ()) -> dict[str, bytes]:
        """Every file of this provider's export, by path relative to the export folder; `draft`: the example values
        it was allowed to keep, which IMPORT.md names at the top."""
        lessons = self.prepare(rendering)
        files: dict[str, bytes] = {}
        files.update(self.lesson_files(lessons))
        files.update(self.extra_files(lessons))
        seq = self.course.sequence()
        for row, lesson in zip(seq["lessons"], lessons, strict=True):
            row["name"] = lesson.name
            row["key"] = lesson.key
        seq["provider"] = self.name
        files["sequence.json"] = dumps(seq)
        files["sequence.csv"] = sequence_csv(seq["lessons"])
        files["IMPORT.md"] = (draft_notice(draft) + self.import_guide(lessons)).encode("utf-8")
        return files

    def lesson_files(self, lessons: list[ExportedLesson]) -> dict[str, bytes]:
        """The HTML and text of each lesson in this dialect, plus the provider's request body when it has one."""
        files: dict[str, bytes] = {}
        for lesson in lessons:
            files[lesson.html_file] = lesson.html.encode("utf-8")
            files[lesson.text_file] = lesson.text.encode("utf-8")
            body = self.request_body(lesson)
            if body is not None:
                files[lesson.html_file.removesuffix(".html") + ".json"] = dumps(body)
        return files

    def offline_plan(self, lessons: list[ExportedLesson]) -> list[str]:
        """What an upload would create, from the sources alone (`course upload --plan`): no credentials, no network,
        so nothing is compared with what the account already holds."""
        lines = [f"Plan for {self.label}, from the sources (offline: not compared with what {self.label} holds):"]
        lines += [f"  {line}" for line in self.plan_notes()]
        for lesson in lessons:
            when = "on sign-up" if lesson.number == 1 else f"+{plural(lesson.delay_days, 'day')}"
            if lesson.lesson.send_on is not None:
                when = lesson.lesson.send_on.strftime("%a %d %b")
            lines.append(
                f"  {lesson.number:>2}  day {lesson.lesson.day:<3} {when:<11} {lesson.key}  “{lesson.lesson.subject}”"
            )
        variables = " and ".join(self.env) or "the AWS credentials"
        lines.append(f"Each lesson is created, or updated if {self.label} already has it; run without --plan to "
                     f"compare and upload ({variables}).")  # fmt: skip
        return lines

    def plan_notes(self) -> list[str]:
        """What the upload creates besides the lessons (a Kit sequence), for the offline plan."""
        return []

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any] | None:
        """The JSON this provider's create endpoint takes for one lesson, if it has one."""
        return None

    def extra_files(self, lessons: list[ExportedLesson]) -> dict[str, bytes]:
        return {}

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        raise NotImplementedError

    def import_guide(self, lessons: list[ExportedLesson]) -> str:
        def cell(text: str) -> str:
            return text.replace("|", "\\|")

        schedule = "\n".join(
            f"| {x.number} | {x.lesson.day} | {cell(self.course.when(x.lesson))} | {cell(x.lesson.subject)} | "
            f"{cell(x.lesson.preheader)} | `{x.html_file}` |"
            for x in lessons
        )
        notes = f"\n## Good to know\n\n{self.notes.strip()}\n" if self.notes else ""
        weekdays = (
            "Lessons go out Monday to Friday only (`weekdays_only` in course.toml): a lesson due on a Saturday or "
            "Sunday waits for Monday, the first on sign-up whatever the day. Set "
            f"{possessive(self.label)} sending days to match where it has them.\n\n"
            if self.course.schedule.weekdays_only else ""
        )  # fmt: skip
        return (
            f"# Importing “{self.course.title}” into {self.label}\n\n"
            f"{plural(len(lessons), 'lesson')}. Their merge tags are {possessive(self.label)} own: first name "
            f"`{self.dialect().values.get('first_name', '—')}`, unsubscribe link "
            f"`{self.unsubscribe_tag() or '—'}`.\n\n{weekdays}"
            "| lesson | day | sent | subject | preheader | HTML |\n|---|---|---|---|---|---|\n"
            f"{schedule}\n\n## Step by step\n\n{self.import_steps(lessons).strip()}\n{notes}"
        )


def possessive(name: str) -> str:
    """The possessive of a provider's label: "Kit's", "Amazon SES's", but "RFC 5322 .eml files'"."""
    return f"{name}'" if name.endswith("files") else f"{name}'s"


def draft_notice(draft: list[Placeholder] | tuple[()]) -> str:
    """What an export or upload made with --allow-placeholders says first."""
    if not draft:
        return ""
    return (
        "> **Draft: not ready to send.** course.toml still holds example values, exported because of "
        f"`--allow-placeholders`: {named(draft)}. Replace them and export again before "
        "anything reaches a subscriber.\n\n"
    )


def dumps(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def sequence_csv(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["order", "day", "delay_days", "subject", "preheader", "html", "text", "name", "send_on", "when"])
    for row in rows:
        writer.writerow(
            [row["number"], row["day"], row["delay_days"], row["subject"], row["preheader"], row["html"],
             row["text"], row.get("name", ""), row["send_on"] or "", row["when"]]
        )  # fmt: skip
    return buffer.getvalue().encode("utf-8")
