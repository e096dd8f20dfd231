"""listmonk (self-hosted): one draft campaign per lesson, using a bare campaign template so our HTML stays whole."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import ExportedLesson, Provider, dumps

BARE_TEMPLATE_NAME = "course: lesson as is"
BARE_TEMPLATE_BODY = '{{ template "content" . }}'


class Listmonk(Provider):
    name = "listmonk"
    label = "listmonk"
    env = ("LISTMONK_URL", "LISTMONK_USERNAME", "LISTMONK_API_TOKEN")
    sequences = "no (send each campaign on its day)"
    lands_as = "one draft campaign per lesson"
    tags: ClassVar[dict[str, str]] = {
        "first_name": '{{ .Subscriber.FirstName | default "{fallback}" }}',
        "email": "{{ .Subscriber.Email }}",
        "unsubscribe_url": "{{ UnsubscribeURL }}",
        "view_online_url": "{{ MessageURL }}",
        "preferences_url": "{{ UnsubscribeURL }}?manage=true",
    }
    notes = "- The greeting uses Sprig's `default`, which listmonk's templates include."

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """POST /api/campaigns (draft); `template_id` is the bare template's id, filled in at upload."""
        return {
            "name": lesson.name,
            "subject": lesson.lesson.subject,
            "lists": [],
            "from_email": f"{self.course.sender.get('name', '')} <{self.course.sender.get('email', '')}>",
            "type": "regular",
            "content_type": "html",
            "body": lesson.html,
            "altbody": lesson.text,
            "tags": [self.course.slug],
        }

    def extra_files(self, lessons: list[ExportedLesson]) -> dict[str, bytes]:
        return {"template.json": dumps({"name": BARE_TEMPLATE_NAME, "type": "campaign", "body": BARE_TEMPLATE_BODY})}

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return """
1. *Campaigns → Templates → New*: create the template from `template.json` (its body is only
   `{{ template "content" . }}`, so listmonk adds no frame around the lesson's own layout).
2. For each lesson: *Campaigns → New*, subject from the table, format *Raw HTML*, template *course: lesson as is*,
   paste the `.html` file and, under *Plain text*, the `.txt` file. Or run `course upload --esp listmonk`.
3. listmonk has no drip: schedule each campaign for its day, or send lesson N with the transactional API.
"""
