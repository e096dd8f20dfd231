"""Buttondown: one draft email per lesson; automations that send them are configured in Buttondown's UI."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .base import ExportedLesson, Provider
from .paging import by_next_link, list_all
from .uploads import Action, Uploader, compared

API_BASE = "https://api.buttondown.com/v1"


class ButtondownUploader(Uploader):
    """One draft email per lesson. Buttondown emails have no name, so the draft's id is remembered in .course/;
    without that record a draft with the lesson's subject is taken as the lesson's."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        super().__init__(provider, credentials, api_url, **options)
        key = credentials["BUTTONDOWN_API_KEY"]
        self.api_client(
            "Buttondown", api_url or API_BASE, headers={"Authorization": f"Token {key}"},
            credential_names=["BUTTONDOWN_API_KEY"], secret=key,
        )  # fmt: skip

    def _drafts(self) -> list[dict[str, Any]]:
        return list_all(self.client, "/emails", {"status": "draft"}, by_next_link("results", "next", keep=("status",)))

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        drafts = self._drafts()
        by_id = {str(d["id"]): d for d in drafts}
        by_subject = {d.get("subject"): d for d in drafts}
        actions = []
        for lesson in lessons:
            body = self.body(lesson)
            known = self.receipt.remote_id(lesson.key)
            remote = by_id.get(str(known)) if known else by_subject.get(body["subject"])
            if remote is None:
                actions.append(Action(lesson, "create", lesson.key, payload=body))
                continue
            wanted = {"subject": body["subject"], "body": body["body"]}
            actions.append(compared(lesson, str(remote["id"]), remote, wanted, payload=wanted))
        return actions

    def apply(self, action: Action) -> str | None:
        if action.verb == "create":
            return str(self.client.json("POST", "/emails", json=action.payload)["id"])
        self.client.json("PATCH", f"/emails/{action.remote_id}", json=action.payload)
        return action.remote_id


class Buttondown(Provider):
    name = "buttondown"
    label = "Buttondown"
    env = ("BUTTONDOWN_API_KEY",)
    sequences = "by hand (automations)"
    lands_as = "one draft email per lesson"
    uploader_class = ButtondownUploader
    literals = "expression"  # Django: the author's {{ is written {{ '{{' }}
    tags: ClassVar[dict[str, str]] = {
        "first_name": '{{ subscriber.metadata.first_name|default:"{fallback}" }}',
        "email": "{{ subscriber.email }}",
        "unsubscribe_url": "{{ unsubscribe_url }}",
        "view_online_url": "{{ email_url }}",
    }
    notes = "- Buttondown stores the first name as subscriber metadata `first_name`; the `default` filter is Django's."

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """POST /v1/emails as a draft."""
        return {"subject": lesson.subject, "body": lesson.html, "status": "draft", "email_type": "public"}

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return """
1. `BUTTONDOWN_API_KEY=… course upload --esp buttondown` creates one draft per lesson. By hand: *Emails → New
   email*, switch the editor to HTML, paste the `.html` file, subject from the table; save as draft.
2. *Automations → New automation*: trigger *subscriber confirms*, then for each lesson a delay of its *day* and the
   action *send email* with the lesson's draft.
"""
