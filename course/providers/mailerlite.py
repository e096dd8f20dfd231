"""MailerLite (new API): no template API, so each lesson becomes a draft regular campaign to copy into a workflow."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .base import ExportedLesson, Provider
from .paging import by_page_number, list_all
from .uploads import Action, Uploader

API_BASE = "https://connect.mailerlite.com/api"


class MailerLiteUploader(Uploader):
    """One draft regular campaign per lesson, matched by name among the drafts; what was sent is remembered in
    .course/ because the campaign list does not carry the HTML."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        super().__init__(provider, credentials, api_url, **options)
        key = credentials["MAILERLITE_API_KEY"]
        self.api_client(
            "MailerLite", api_url or API_BASE, headers={"Authorization": f"Bearer {key}"},
            credential_names=["MAILERLITE_API_KEY"], secret=key,
        )  # fmt: skip

    def _drafts(self) -> list[dict[str, Any]]:
        query = {"filter[status]": "draft", "limit": 100, "page": 1}
        return list_all(self.client, "/campaigns", query, by_page_number("data", last_page="meta.last_page"))

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        return self.match_by_name(
            lessons,
            self._drafts(),
            lambda lesson, body, remote: self.by_receipt(lesson, str(remote["id"]), ["emails"], body),
        )

    def apply(self, action: Action) -> str | None:
        if action.verb == "create":
            return str(self.client.json("POST", "/campaigns", json=action.payload)["data"]["id"])
        body = {k: v for k, v in action.payload.items() if k != "type"}
        self.client.json("PUT", f"/campaigns/{action.remote_id}", json=body)
        return action.remote_id


class MailerLite(Provider):
    name = "mailerlite"
    label = "MailerLite"
    env = ("MAILERLITE_API_KEY",)
    sequences = "by hand (automation workflow)"
    lands_as = "one draft campaign per lesson"
    uploader_class = MailerLiteUploader
    literals = "references"  # {$…} tags: the author's {$ is written &#123;$ in the HTML
    tags: ClassVar[dict[str, str]] = {
        "first_name": "{$name|default('{fallback}')}",
        "email": "{$email}",
        "unsubscribe_url": "{$unsubscribe}",
        "view_online_url": "{$url}",
    }
    notes = (
        "- The fallback form `{$name|default('there')}` is the one public MailerLite templates use; MailerLite's "
        "documentation shows more than one spelling, so check the greeting in MailerLite's preview once."
    )

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """POST /api/campaigns: a draft regular campaign holding the lesson."""
        return {
            "name": lesson.name,
            "type": "regular",
            "emails": [
                {
                    "subject": lesson.subject,
                    "from_name": self.course.sender.name,
                    "from": self.course.sender.email,
                    "content": lesson.html,
                }
            ],
        }

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return f"""
1. In MailerLite open *Automation → Create workflow*, name it “{self.course.title}”, trigger *When subscriber
   joins a group* (the course's group).
2. For each lesson in order: add a **Delay** step of *days after previous* days (none before lesson 1), then an
   **Email** step: *Subject* ← the subject, *Preview text* ← the preheader, content *Custom HTML* ← paste the
   lesson's `.html` file.
3. Each `NN-….json` is the body of `POST /api/campaigns` if you prefer draft campaigns to copy from
   (`course upload --esp mailerlite` creates them).
"""
