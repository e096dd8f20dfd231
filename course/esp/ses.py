"""Amazon SES (v2): one email template per lesson, as `aws sesv2 create-email-template --cli-input-json` takes."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from ..project import Lesson
from .base import ExportedLesson, Provider


class SES(Provider):
    name = "ses"
    label = "Amazon SES"
    env = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION")
    sequences = "no (your app sends each lesson)"
    lands_as = "one email template per lesson, by name"
    tags: ClassVar[dict[str, str]] = {
        "first_name": "{{#if first_name}}{{first_name}}{{else}}{fallback}{{/if}}",
        "email": "{{email}}",
        "unsubscribe_url": "{{amazonSESUnsubscribeUrl}}",
    }
    notes = (
        "- `{{amazonSESUnsubscribeUrl}}` is replaced by SES only when you send with `ListManagementOptions` "
        "(a contact list and topic); SES then also adds the one-click List-Unsubscribe headers.\n"
        "- Credentials come from the standard AWS chain (environment, `~/.aws`, a profile via AWS_PROFILE)."
    )

    def key(self, lesson: Lesson) -> str:
        return re.sub(r"[^A-Za-z0-9_-]", "-", super().key(lesson))[:64]

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """CreateEmailTemplate: {TemplateName, TemplateContent: {Subject, Text, Html}}."""
        return {
            "TemplateName": lesson.key,
            "TemplateContent": {"Subject": lesson.lesson.subject, "Text": lesson.text, "Html": lesson.html},
        }

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        first = lessons[0].html_file.removesuffix(".html")
        return f"""
1. For each lesson: `aws sesv2 create-email-template --cli-input-json file://{first}.json` (and the other
   `NN-….json` files); to change one later, `aws sesv2 update-email-template --cli-input-json file://…`.
   `course upload --esp ses` does both, creating or updating by name.
2. Send lesson N on its day with `aws sesv2 send-email` / `SendEmail` using `Content.Template.TemplateName` =
   the template name in `sequence.csv`, `TemplateData` = {{"first_name": …}}, and `ListManagementOptions` so
   SES fills in the unsubscribe link.
"""
