"""Buttondown: one draft email per lesson; automations that send them are configured in Buttondown's UI."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import ExportedLesson, Provider

API_BASE = "https://api.buttondown.com/v1"


class Buttondown(Provider):
    name = "buttondown"
    label = "Buttondown"
    env = ("BUTTONDOWN_API_KEY",)
    sequences = "by hand (automations)"
    lands_as = "one draft email per lesson"
    tags: ClassVar[dict[str, str]] = {
        "first_name": '{{ subscriber.metadata.first_name|default:"{fallback}" }}',
        "email": "{{ subscriber.email }}",
        "unsubscribe_url": "{{ unsubscribe_url }}",
        "view_online_url": "{{ email_url }}",
    }
    notes = "- Buttondown stores the first name as subscriber metadata `first_name`; the `default` filter is Django's."

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """POST /v1/emails as a draft."""
        return {"subject": lesson.lesson.subject, "body": lesson.html, "status": "draft", "email_type": "public"}

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return """
1. `BUTTONDOWN_API_KEY=… course upload --esp buttondown` creates one draft per lesson. By hand: *Emails → New
   email*, switch the editor to HTML, paste the `.html` file, subject from the table; save as draft.
2. *Automations → New automation*: trigger *subscriber confirms*, then for each lesson a delay of its *day* and the
   action *send email* with the lesson's draft.
"""
