"""Twilio SendGrid: one dynamic template (with one version) per lesson; the app or an Automation sends them."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import ExportedLesson, Provider

API_BASE = "https://api.sendgrid.com"


class SendGrid(Provider):
    name = "sendgrid"
    label = "SendGrid"
    env = ("SENDGRID_API_KEY",)
    sequences = "by hand (Automation) or your app"
    lands_as = "one dynamic template + version per lesson"
    tags: ClassVar[dict[str, str]] = {
        "first_name": "{{#if first_name}}{{first_name}}{{else}}{fallback}{{/if}}",
        "email": "{{email}}",
        "unsubscribe_url": "<%asm_group_unsubscribe_raw_url%>",
        "preferences_url": "<%asm_preferences_raw_url%>",
    }
    notes = (
        "- The unsubscribe link is SendGrid's unsubscribe-group substitution `<%asm_group_unsubscribe_raw_url%>`: "
        "send with an `asm.group_id`. For Marketing Campaigns designs use `{{{unsubscribe}}}` in your own template "
        "instead.\n"
        "- `first_name` comes from `dynamic_template_data` at send time."
    )

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """POST /v3/templates, then POST /v3/templates/{id}/versions."""
        return {
            "template": {"name": lesson.name, "generation": "dynamic"},
            "version": {
                "name": lesson.key,
                "subject": lesson.lesson.subject,
                "html_content": lesson.html,
                "plain_content": lesson.text,
                "generate_plain_content": False,
                "editor": "code",
                "active": 1,
            },
        }

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return """
1. `SENDGRID_API_KEY=… course upload --esp sendgrid` creates the templates from the `NN-….json` bodies. By hand:
   *Email API → Dynamic Templates → Create a Dynamic Template*, name it as in `sequence.csv`, *Add Version →
   Blank Template → Code Editor*, paste the `.html` file, set the version's *Subject*, and paste the `.txt` file
   as plain text.
2. SendGrid has no preheader field: the preheader is already hidden at the top of each HTML file.
3. Send lesson N on its day with Mail Send (`template_id`, `dynamic_template_data.first_name`, `asm.group_id`),
   or build a *Marketing → Automations* flow with the delays from the table.
"""
