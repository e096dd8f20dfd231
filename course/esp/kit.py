"""Kit (ConvertKit) API v4: the one provider whose API builds a real drip sequence with delays."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import ExportedLesson, Provider, dumps

API_BASE = "https://api.kit.com"


class Kit(Provider):
    name = "kit"
    label = "Kit"
    env = ("KIT_API_KEY",)
    sequences = "API (sequence with delays)"
    lands_as = "one sequence, one draft email per lesson"
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

    def email_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """The body of POST /v4/sequences/{id}/emails for one lesson."""
        same_day = lesson.number > 1 and lesson.delay_days == 0
        return {
            "subject": lesson.lesson.subject,
            "preview_text": lesson.lesson.preheader,
            "content": lesson.html,
            "delay_value": 1 if same_day else lesson.delay_days,
            "delay_unit": "hours" if same_day else "days",
            "position": lesson.number - 1,
            "published": False,
        }

    def extra_files(self, lessons: list[ExportedLesson]) -> dict[str, bytes]:
        return {
            "kit-sequence.json": dumps(
                {
                    "sequence": {"name": self.course.title, "email_address": self.course.sender.get("email", "")},
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
