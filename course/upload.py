"""`course upload`: plan (create / update / unchanged per lesson), then apply, against a provider's API.

The plan reads the provider's current state and matches lessons by a stable name, alias or position, so a
second run creates nothing and an unchanged lesson is not sent again. A failure midway says which lessons
were uploaded; the rerun picks up the rest. Each lesson done is noted at once in the upload's receipt
(.course/uploads/<provider>.json). `--plan` describes the upload from the sources alone, offline; example
values still in course.toml stop a real upload (`--allow-placeholders` lets a draft through, and says so).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CourseError
from .project.placeholders import Placeholder, find_placeholders, named, placeholder_message
from .providers import provider_class
from .providers.base import ExportedLesson, Provider
from .providers.uploads import Action, Uploader
from .render import open_course

log = logging.getLogger(__name__)
UNEXPECTED = (KeyError, TypeError, AttributeError, IndexError, ValueError)  # an answer of another shape


@dataclass
class UploadSession:
    """An upload in the steps the CLI shows: `load()`, then `offline_plan()` or `plan()` then `apply()`."""

    root: Path
    provider_name: str
    api_url: str | None = None
    publish: bool = False
    allow_placeholders: bool = False
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    sleep: Callable[[float], None] | None = None
    actions: list[Action] = field(default_factory=list)
    done: list[Action] = field(default_factory=list)
    lessons: list[ExportedLesson] = field(default_factory=list)
    placeholders: list[Placeholder] = field(default_factory=list)

    def load(self) -> None:
        """The course rendered in the provider's dialect, and the example values it still holds."""
        provider_type = provider_class(self.provider_name)
        if not provider_type.can_upload:
            raise CourseError(
                f"{provider_type.name} cannot take uploads (it has no API for it); "
                f"use `course export {self.root} --esp {provider_type.name}` and follow IMPORT.md"
            )
        rendering = open_course(self.root)
        self.provider: Provider = provider_type(rendering.course)
        self.placeholders = find_placeholders(rendering.course, provider_type.uses_unsubscribe_page)
        self.lessons = self.provider.prepare(rendering)

    def offline_plan(self) -> list[str]:
        """What the upload would create, from the sources alone: no credentials, no network."""
        self.load()
        return [*self._draft_lines(sending=False), *self.provider.offline_plan(self.lessons)]

    def plan(self, dry_run: bool = False) -> list[Action]:
        """Compare the lessons with what the provider holds. A real upload refuses example values unless allowed."""
        self.load()
        if self.placeholders and not (self.allow_placeholders or dry_run):
            raise CourseError(placeholder_message(self.placeholders, "upload a draft anyway"))
        credentials = self.provider.credentials(self.environ)
        options: dict[str, Any] = {"publish": self.publish}
        if self.sleep is not None:
            options["sleep"] = self.sleep
        self.uploader: Uploader = self.provider.uploader(credentials, self.api_url, **options)
        try:
            with self._answers_checked():
                self.actions = self.uploader.plan(self.lessons)
        except BaseException:
            self.uploader.close()
            raise
        return self.actions

    @property
    def pending(self) -> list[Action]:
        """The actions that write something (create or update)."""
        return [a for a in self.actions if a.verb != "unchanged"]

    def plan_lines(self) -> list[str]:
        """The plan as the user reads it: notes (a sequence to create…), then one line per lesson."""
        lines = [*self._draft_lines(sending=True), f"Plan for {self.provider.label}:"]
        lines += [f"  {note}" for note in self.uploader.notes]
        for action in self.actions:
            detail = f" ({', '.join(action.changes)})" if action.verb == "update" else ""
            lines.append(f"  {action.lesson.number:>2}  {action.verb:<9} {action.lesson.key}{detail}")
        return lines

    def _draft_lines(self, sending: bool) -> list[str]:
        if not self.placeholders:
            return []
        values = named(self.placeholders)
        if sending and self.allow_placeholders:
            return [f"Draft (--allow-placeholders): course.toml still holds example values: {values}"]
        return [f"Note: course.toml still holds example values, which an upload refuses: {values}"]

    def question(self) -> str | None:
        """What the user must agree to before anything is written (publishing to subscribers), if anything."""
        return self.uploader.confirm if self.pending else None

    def summary(self) -> str:
        counts = {verb: sum(a.verb == verb for a in self.actions) for verb in ("create", "update", "unchanged")}
        receipt = self.uploader.receipt.path
        where = receipt.relative_to(self.root) if receipt.is_relative_to(self.root) else receipt
        return (
            f"Done: {counts['create']} created, {counts['update']} updated, {counts['unchanged']} unchanged "
            f"on {self.provider.label} (receipt: {where})."
        )

    def apply(self) -> Iterator[Action]:
        """Carry out the plan, yielding each action once it is done (for a progress bar); each lesson done goes
        into the receipt at once."""
        receipt = self.uploader.receipt
        try:
            pending = self.pending
            with self._answers_checked():
                if pending:
                    self.uploader.prepare()
                for action in pending:
                    remote_id = self.uploader.apply(action)
                    receipt.record(action.lesson.number, action.lesson.key, remote_id or action.remote_id,
                                   self.uploader.digest(action.lesson), action.verb)  # fmt: skip
                    self.done.append(action)
                    yield action
            for action in self.actions:
                if action.verb == "unchanged":
                    receipt.record(action.lesson.number, action.lesson.key, action.remote_id,
                                   self.uploader.digest(action.lesson), "unchanged")  # fmt: skip
        except CourseError as exc:
            raise CourseError(f"{exc.format_message()}. {self.report()}") from None
        finally:
            self.uploader.close()

    @contextmanager
    def _answers_checked(self) -> Iterator[None]:
        """Turn an answer of an unexpected shape (a field missing, a list where an object was due) into one line
        naming the provider and the request, instead of a crash."""
        try:
            yield
        except CourseError:
            raise
        except UNEXPECTED as error:
            request = getattr(getattr(self.uploader, "client", None), "last_request", "") or "its API"
            raise CourseError(
                f"unexpected answer from {self.provider.label} to {request}: {_shape(error)}; check --api-url, "
                "or retry later"
            ) from None

    def close(self) -> None:
        self.uploader.close()

    def report(self) -> str:
        """Which lessons were and were not uploaded, for a failure midway."""
        done = {a.lesson.number for a in self.done} | {a.lesson.number for a in self.actions if a.verb == "unchanged"}
        missing = [a.lesson.number for a in self.actions if a.lesson.number not in done]
        return (
            f"Uploaded or already up to date: lessons {_numbers(sorted(done))}; not uploaded: lessons "
            f"{_numbers(missing)}. Rerun the same command to finish: nothing is created twice"
        )


def _shape(error: BaseException) -> str:
    if isinstance(error, KeyError):
        return f"no {error.args[0]!r} in it"
    return f"{type(error).__name__.lower().removesuffix('error')} ({error})"


def _numbers(values: list[int]) -> str:
    return ", ".join(str(v) for v in values) or "none"
