"""`course upload`: plan (create / update / unchanged per lesson), then apply, against a provider's API.

The plan reads the provider's current state and matches lessons by a stable name, alias or position, so a
second run creates nothing and an unchanged lesson is not sent again. A failure midway says which lessons
were uploaded; the rerun picks up the rest.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CourseError
from .providers import provider_class
from .providers.uploads import Action
from .render import open_course

log = logging.getLogger(__name__)


@dataclass
class UploadSession:
    """An upload in two steps the CLI shows: `plan()` then `apply()`."""

    root: Path
    provider_name: str
    api_url: str | None = None
    publish: bool = False
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    sleep: Callable[[float], None] | None = None
    actions: list[Action] = field(default_factory=list)
    done: list[Action] = field(default_factory=list)

    def plan(self) -> list[Action]:
        provider_type = provider_class(self.provider_name)
        if not provider_type.can_upload:
            raise CourseError(
                f"{provider_type.name} cannot take uploads (it has no API for it); "
                f"use `course export {self.root} --esp {provider_type.name}` and follow IMPORT.md"
            )
        rendering = open_course(self.root)
        self.provider = provider_type(rendering.course)
        credentials = self.provider.credentials(self.environ)
        lessons = self.provider.prepare(rendering)
        options: dict[str, Any] = {"publish": self.publish}
        if self.sleep is not None:
            options["sleep"] = self.sleep
        self.uploader = self.provider.uploader(credentials, self.api_url, **options)
        try:
            self.actions = self.uploader.plan(lessons)
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
        lines = [f"Plan for {self.provider.label}:", *(f"  {note}" for note in self.uploader.notes)]
        for action in self.actions:
            detail = f" ({', '.join(action.changes)})" if action.verb == "update" else ""
            lines.append(f"  {action.lesson.number:>2}  {action.verb:<9} {action.lesson.key}{detail}")
        return lines

    def question(self) -> str | None:
        """What the user must agree to before anything is written (publishing to subscribers), if anything."""
        return self.uploader.confirm if self.pending else None

    def summary(self) -> str:
        counts = {verb: sum(a.verb == verb for a in self.actions) for verb in ("create", "update", "unchanged")}
        return (
            f"Done: {counts['create']} created, {counts['update']} updated, {counts['unchanged']} unchanged "
            f"on {self.provider.label}."
        )

    def apply(self) -> Iterator[Action]:
        """Carry out the plan, yielding each action once it is done (for a progress bar)."""
        try:
            pending = self.pending
            if pending:
                self.uploader.prepare()
            for action in pending:
                self.uploader.apply(action)
                self.done.append(action)
                yield action
        except CourseError as exc:
            raise CourseError(f"{exc.format_message()}. {self.report()}") from None
        finally:
            self.uploader.close()

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


def _numbers(values: list[int]) -> str:
    return ", ".join(str(v) for v in values) or "none"
