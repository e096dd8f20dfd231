"""Twilio SendGrid: one dynamic template (with one version) per lesson; the app or an Automation sends them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .base import ExportedLesson, Provider
from .paging import by_next_link, list_all
from .uploads import Action, Uploader, compared

API_BASE = "https://api.sendgrid.com"


class SendGridUploader(Uploader):
    """One dynamic template per lesson, matched by name; its active version holds subject, HTML and text."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        super().__init__(provider, credentials, api_url, **options)
        key = credentials["SENDGRID_API_KEY"]
        self.api_client(
            "SendGrid", api_url or API_BASE, headers={"Authorization": f"Bearer {key}"},
            credential_names=["SENDGRID_API_KEY"], secret=key,
        )  # fmt: skip

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        query = {"generations": "dynamic", "page_size": 200}
        paging = by_next_link("result", "_metadata.next", keep=("generations", "page_size"))
        by_name = {t["name"]: t for t in list_all(self.client, "/v3/templates", query, paging)}
        actions = []
        for lesson in lessons:
            body = self.body(lesson)
            version = body["version"]
            template = by_name.get(lesson.name)
            if template is None:
                actions.append(Action(lesson, "create", payload=body))
                continue
            active = next((v for v in template.get("versions", []) if v.get("active") == 1), None)
            if active is None:
                actions.append(Action(lesson, "update", f"{template['id']}/", ["version"], version))
                continue
            remote = self.client.get(f"/v3/templates/{template['id']}/versions/{active['id']}")
            wanted = {k: version[k] for k in ("subject", "html_content", "plain_content")}
            actions.append(compared(lesson, f"{template['id']}/{active['id']}", remote, wanted))
        return actions

    def apply(self, action: Action) -> str | None:
        if action.verb == "create":
            template = self.client.json("POST", "/v3/templates", json=action.payload["template"])
            self.client.json("POST", f"/v3/templates/{template['id']}/versions", json=action.payload["version"])
            return str(template["id"])
        template_id, version_id = str(action.remote_id).split("/")
        if version_id:
            self.client.json("PATCH", f"/v3/templates/{template_id}/versions/{version_id}", json=action.payload)
        else:
            self.client.json("POST", f"/v3/templates/{template_id}/versions", json=action.payload)
        return template_id


class SendGrid(Provider):
    name = "sendgrid"
    label = "SendGrid"
    env = ("SENDGRID_API_KEY",)
    sequences = "by hand (Automation) or your app"
    lands_as = "one dynamic template + version per lesson"
    uploader_class = SendGridUploader
    literals = "handlebars"  # Handlebars: the author's {{ is written \{{
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
                "subject": lesson.subject,
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
