"""Mailgun: one stored template per lesson (Handlebars), sent by your app with `template` and variables."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

from ..model import Lesson
from .base import ExportedLesson, Provider
from .uploads import Action, Uploader, content_hash

API_BASE = "https://api.mailgun.net"


class MailgunUploader(Uploader):
    """One stored template per lesson, by name; an edit becomes a new active version tagged with its content hash."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        super().__init__(provider, credentials, api_url, **options)
        key = credentials["MAILGUN_API_KEY"]
        self.domain = credentials["MAILGUN_DOMAIN"]
        self.api_client(
            "Mailgun", api_url or API_BASE, auth=("api", key), credential_names=["MAILGUN_API_KEY"],
            secret=key,
        )  # fmt: skip

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        actions = []
        for lesson in lessons:
            body = self.body(lesson)
            tag = "c" + content_hash(body["template"], body["headers"])
            response = self.client.request(
                "GET", f"/v3/{self.domain}/templates/{lesson.key}", params={"active": "yes"}, allow=[404]
            )
            if response.status_code == 404:
                actions.append(Action(lesson, "create", lesson.key, payload={**body, "tag": tag}))
                continue
            version = self.client.answer(response)["template"]["version"]  # Mailgun's documented shape
            verb = "unchanged" if version.get("tag") == tag else "update"
            payload = {k: body[k] for k in ("template", "comment", "headers")} | {"tag": tag, "active": "yes"}
            actions.append(Action(lesson, verb, lesson.key, ["template"] if verb == "update" else [], payload))
        return actions

    def apply(self, action: Action) -> str | None:
        form = {key: (None, str(value)) for key, value in action.payload.items()}  # multipart/form-data
        if action.verb == "create":
            self.client.json("POST", f"/v3/{self.domain}/templates", files=form)
        else:
            self.client.json("POST", f"/v3/{self.domain}/templates/{action.remote_id}/versions", files=form)
        return action.remote_id  # Mailgun names a template by our key


class Mailgun(Provider):
    name = "mailgun"
    label = "Mailgun"
    env = ("MAILGUN_API_KEY", "MAILGUN_DOMAIN")
    env_note = "EU region: --api-url https://api.eu.mailgun.net"
    sequences = "no (your app sends each lesson)"
    lands_as = "one template per lesson, by name"
    uploader_class = MailgunUploader
    literals = "handlebars"  # Handlebars: the author's {{ is written \{{
    tags: ClassVar[dict[str, str]] = {
        "first_name": "{{#if first_name}}{{first_name}}{{else}}{fallback}{{/if}}",
        "unsubscribe_url": "%unsubscribe_url%",
    }
    notes = (
        "- `%unsubscribe_url%` is filled in by Mailgun when unsubscribe tracking is on for the domain; clear Mailgun's "
        "automatic footer text so the email does not get two links.\n"
        "- For the EU region use `--api-url https://api.eu.mailgun.net`."
    )

    def key(self, lesson: Lesson) -> str:
        return super().key(lesson).lower()  # Mailgun stores template names lower-cased

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """The multipart form fields of POST /v3/{domain}/templates."""
        sender = self.course.sender
        return {
            "name": lesson.key,
            "description": lesson.name,
            "template": lesson.html,
            "tag": "initial",
            "comment": f"course lesson {lesson.number}",
            "headers": json.dumps(
                {
                    "Subject": lesson.subject,
                    "From": f"{sender.name} <{sender.email}>",
                    "Reply-To": sender.reply_address,
                },
                ensure_ascii=False,
            ),
        }

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return """
1. `MAILGUN_API_KEY=… MAILGUN_DOMAIN=… course upload --esp mailgun` stores one template per lesson. By hand:
   *Send → Templates → Create message template → Blank → Code*, paste the `.html` file, name it as in
   `sequence.csv`.
2. Send lesson N on its day with `POST /v3/<domain>/messages`, `template=<name>`, `t:variables={"first_name": …}`,
   `text` = the lesson's `.txt` file if you want your own plain text.
"""
