"""Brevo (Sendinblue) API v3: one email template per lesson; the workflow is assembled in Brevo's automation UI."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .base import ExportedLesson, Provider
from .paging import by_offset, list_all
from .uploads import Action, Uploader, compared

API_BASE = "https://api.brevo.com/v3"


class BrevoUploader(Uploader):
    """One email template per lesson, matched by templateName; updated with PUT when it changed."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        super().__init__(provider, credentials, api_url, **options)
        key = credentials["BREVO_API_KEY"]
        self.api_client(
            "Brevo", api_url or API_BASE, headers={"api-key": key}, credential_names=["BREVO_API_KEY"],
            secret=key,
        )  # fmt: skip

    def _templates(self) -> list[dict[str, Any]]:
        query = {"limit": 1000, "offset": 0}
        return list_all(self.client, "/smtp/templates", query, by_offset("templates", total="count"))

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        def existing(lesson: ExportedLesson, body: dict[str, Any], remote: dict[str, Any]) -> Action:
            wanted = {"subject": body["subject"], "htmlContent": body["htmlContent"]}
            return compared(lesson, str(remote["id"]), remote, wanted)

        return self.match_by_name(lessons, self._templates(), existing)

    def apply(self, action: Action) -> str | None:
        if action.verb == "create":
            return str(self.client.json("POST", "/smtp/templates", json=action.payload)["id"])
        self.client.request("PUT", f"/smtp/templates/{action.remote_id}", json=action.payload)
        return action.remote_id


class Brevo(Provider):
    name = "brevo"
    label = "Brevo"
    env = ("BREVO_API_KEY",)
    sequences = "by hand (automation workflow)"
    lands_as = "one email template per lesson"
    uploader_class = BrevoUploader
    literals = "expression"  # Django-like: the author's {{ is written {{ '{{' }}
    tags: ClassVar[dict[str, str]] = {
        "first_name": "{{ contact.FIRSTNAME|default:'{fallback}' }}",
        "email": "{{ contact.EMAIL }}",
        "unsubscribe_url": "{{ unsubscribe }}",
        "view_online_url": "{{ mirror }}",
    }
    notes = "- `{{ unsubscribe }}` and `{{ mirror }}` are the link tags public Brevo templates use."

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """POST /v3/smtp/templates."""
        sender = self.course.sender
        return {
            "templateName": lesson.name,
            "subject": lesson.subject,
            "sender": {"name": sender.name, "email": sender.email},
            "replyTo": sender.reply_address,
            "htmlContent": lesson.html,
            "tag": self.course.slug,
            "isActive": True,
        }

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return f"""
1. Templates: `BREVO_API_KEY=… course upload --esp brevo` creates one template per lesson from the `NN-….json`
   bodies; by hand, open *Campaigns → Templates → New template → Paste your code* and paste each `.html` file,
   with the subject from the table.
2. Open *Automations → Create an automation → Custom workflow*, entry point *Contact added to list*.
3. For each lesson in order: **Wait** *days after previous* days (none before lesson 1), then **Send an email**
   with the lesson's template. Brevo takes the preheader from the template's hidden preview text.
4. Activate the workflow “{self.course.title}”.
"""
