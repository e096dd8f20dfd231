"""Mailgun: one stored template per lesson (Handlebars), sent by your app with `template` and variables."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from ..project import Lesson
from .base import ExportedLesson, Provider

API_BASE = "https://api.mailgun.net"


class Mailgun(Provider):
    name = "mailgun"
    label = "Mailgun"
    env = ("MAILGUN_API_KEY", "MAILGUN_DOMAIN")
    sequences = "no (your app sends each lesson)"
    lands_as = "one template per lesson, by name"
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
                    "Subject": lesson.lesson.subject,
                    "From": f"{sender.get('name', '')} <{sender.get('email', '')}>",
                    "Reply-To": sender.get("reply_to") or sender.get("email", ""),
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
