"""Brevo (Sendinblue) API v3: one email template per lesson; the workflow is assembled in Brevo's automation UI."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import ExportedLesson, Provider

API_BASE = "https://api.brevo.com/v3"


class Brevo(Provider):
    name = "brevo"
    label = "Brevo"
    env = ("BREVO_API_KEY",)
    sequences = "by hand (automation workflow)"
    lands_as = "one email template per lesson"
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
            "subject": lesson.lesson.subject,
            "sender": {"name": sender.get("name", ""), "email": sender.get("email", "")},
            "replyTo": sender.get("reply_to") or sender.get("email", ""),
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
