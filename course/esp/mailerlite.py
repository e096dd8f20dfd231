"""MailerLite (new API): no template API, so each lesson becomes a draft regular campaign to copy into a workflow."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import ExportedLesson, Provider

API_BASE = "https://connect.mailerlite.com/api"


class MailerLite(Provider):
    name = "mailerlite"
    label = "MailerLite"
    env = ("MAILERLITE_API_KEY",)
    sequences = "by hand (automation workflow)"
    lands_as = "one draft campaign per lesson"
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
                    "subject": lesson.lesson.subject,
                    "from_name": self.course.sender.get("name", ""),
                    "from": self.course.sender.get("email", ""),
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
