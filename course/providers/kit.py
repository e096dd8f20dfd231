"""Kit (ConvertKit) API v4: the one provider whose API builds a real drip sequence with delays."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..plan.schedule import WEEKDAYS, send_days
from ..text import plural
from .base import ExportedLesson, Provider, dumps
from .paging import by_cursor, list_all
from .uploads import Action, Uploader, compared

API_BASE = "https://api.kit.com"
PER_PAGE = 500  # Kit v4 lists with cursors: pagination.has_next_page, pagination.end_cursor -> ?after=


class KitUploader(Uploader):
    """Find or create the sequence named after the course; create or update one email per lesson by position."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        super().__init__(provider, credentials, api_url, **options)
        key = credentials["KIT_API_KEY"]
        self.api_client(
            "Kit", api_url or API_BASE, headers={"X-Kit-Api-Key": key}, credential_names=["KIT_API_KEY"],
            secret=key,
        )  # fmt: skip
        self.kit: Kit = provider  # type: ignore[assignment]
        self.sequence_id: int | None = None
        self.publish = bool(options.get("publish"))

    def _all(self, path: str, key: str, params: dict[str, str] | None = None) -> list[dict[str, Any]]:
        paging = by_cursor(key, "pagination.has_next_page", "pagination.end_cursor")
        return list_all(self.client, path, {**(params or {}), "per_page": PER_PAGE}, paging)

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        name = self.kit.course.title
        sequences = [s for s in self._all("/v4/sequences", "sequences") if s.get("name") == name]
        emails: list[dict[str, Any]] = []
        if sequences:
            sequence = sequences[0]
            self.sequence_id = sequence["id"]
            emails = self._all(f"/v4/sequences/{self.sequence_id}/emails", "emails", {"include_content": "true"})
            subscribers = int(sequence.get("subscriber_count") or 0)
            if self.publish and subscribers:
                self.confirm = (
                    f"The sequence “{name}” already has {plural(subscribers, 'subscriber')}: publishing sends these "
                    "emails to them on their schedule. Publish?"
                )
        else:
            self.notes.append(f"sequence “{name}”: create")
        by_position = {int(e.get("position", -1)): e for e in emails}
        actions = []
        for lesson in lessons:
            desired = self.kit.email_body(lesson)
            if self.publish:
                desired["published"] = True
            else:
                desired.pop("published")  # drafts stay drafts; an email published in Kit is not unpublished
            remote = by_position.get(lesson.number - 1)
            if remote is None:
                actions.append(Action(lesson, "create", payload=desired))
                continue
            desired.pop("position")  # matched by position already
            actions.append(compared(lesson, str(remote["id"]), remote, desired))
        extra = len(by_position) - len(lessons)
        if extra > 0:
            self.notes.append(
                f"the sequence has {plural(extra, 'more email', 'more emails')} than the course; they are left as "
                "they are"
            )
        return actions

    def prepare(self) -> None:
        if self.sequence_id is None:
            created = self.client.json("POST", "/v4/sequences", json=self.kit.sequence_body())
            self.sequence_id = created["sequence"]["id"]

    def apply(self, action: Action) -> str | None:
        path = f"/v4/sequences/{self.sequence_id}/emails"
        if action.verb == "create":
            body = dict(action.payload)
            body.setdefault("published", False)
            return str(self.client.json("POST", path, json=body)["email"]["id"])
        self.client.json("PUT", f"{path}/{action.remote_id}", json=action.payload)
        return action.remote_id


class Kit(Provider):
    name = "kit"
    label = "Kit"
    env = ("KIT_API_KEY",)
    env_note = "a v4 key, sent as X-Kit-Api-Key"
    sequences = "API (sequence with delays)"
    lands_as = "one sequence, one draft email per lesson"
    uploader_class = KitUploader
    literals = "expression"  # Liquid: the author's {{ is written {{ '{{' }}
    tags: ClassVar[dict[str, str]] = {
        "first_name": '{{ subscriber.first_name | default: "{fallback}" }}',
        "email": "{{ subscriber.email_address }}",
        "unsubscribe_url": "{{ unsubscribe_url }}",
    }
    notes = (
        "- Kit's tag names (`subscriber.first_name`, `unsubscribe_url`) come from Kit's help on HTML templates and "
        "public usage; check one email with *Preview* before publishing.\n"
        "- Kit does not document a view-in-browser tag for sequence emails, so that link is left out.\n"
        "- Only the first email of a sequence may go out immediately. A later lesson on the same day as the one "
        "before it is sent 1 hour after it (`delay_unit: hours`)."
    )

    def plan_notes(self) -> list[str]:
        return [f"sequence “{self.course.title}”: created, or reused if Kit has one of that name; emails are drafts"]

    def email_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """The body of POST /v4/sequences/{id}/emails for one lesson."""
        same_day = lesson.number > 1 and lesson.delay_days == 0
        body = {
            "subject": lesson.subject,
            "preview_text": lesson.preheader,
            "content": lesson.html,
            "delay_value": 1 if same_day else lesson.delay_days,
            "delay_unit": "hours" if same_day else "days",
            "position": lesson.number - 1,
            "published": False,
        }
        weekdays = send_days(self.course.schedule)
        if weekdays and not same_day:  # Kit refuses send_days on an hours-based email
            body["send_days"] = list(WEEKDAYS) if lesson.number == 1 else weekdays  # lesson 1: on sign-up, any day
        return body

    def sequence_body(self) -> dict[str, Any]:
        """The body of POST /v4/sequences."""
        body: dict[str, Any] = {"name": self.course.title}
        if weekdays := send_days(self.course.schedule):
            body["send_days"] = weekdays
        return body

    def extra_files(self, lessons: list[ExportedLesson]) -> dict[str, bytes]:
        return {
            "kit-sequence.json": dumps(
                {
                    "sequence": {**self.sequence_body(), "email_address": self.course.sender.email},
                    "emails": [self.email_body(x) for x in lessons],
                }
            )
        }

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return f"""
1. Fastest: `KIT_API_KEY=… course upload --esp kit` creates the sequence “{self.course.title}” with every email
   as a draft, in order, with its delay. The steps below do the same by hand.
2. In Kit open *Send → Sequences → New sequence* and name it “{self.course.title}”.
3. For each lesson in order: *Add email*; *Subject* ← the subject; *Preview text* ← the preheader; switch the
   editor to HTML and paste the lesson's `.html` file; set *When to send* to the *days after previous* value
   (lesson 1: immediately).
4. `kit-sequence.json` holds exactly what the API receives: for each email `subject`, `preview_text`, `content`,
   `delay_value`, `delay_unit`, `position` (0 = first) and `published: false`.
5. Publish the emails, then connect the sequence to your sign-up form (*Grow → Landing pages & forms*).
"""
