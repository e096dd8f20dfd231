"""Postmark: one Standard template per lesson, keyed by alias, in the folder layout Postmark's CLI pushes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .base import ExportedLesson, Provider, dumps
from .paging import by_offset, list_all
from .uploads import Action, Uploader, compared

API_BASE = "https://api.postmarkapp.com"


class PostmarkUploader(Uploader):
    """One Standard template per lesson, matched by alias: POST to create, PUT /templates/{alias} to update."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        super().__init__(provider, credentials, api_url, **options)
        token = credentials["POSTMARK_SERVER_TOKEN"]
        self.api_client(
            "Postmark", api_url or API_BASE, headers={"X-Postmark-Server-Token": token},
            credential_names=["POSTMARK_SERVER_TOKEN"], secret=token,
        )  # fmt: skip

    def _aliases(self) -> set[str]:
        query = {"count": 500, "offset": 0, "templateType": "Standard"}
        templates = list_all(self.client, "/templates", query, by_offset("Templates", total="TotalCount"))
        return {t["Alias"] for t in templates if t.get("Alias")}

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        existing = self._aliases()
        actions = []
        for lesson in lessons:
            desired = {"Name": lesson.name, "Subject": lesson.subject, "HtmlBody": lesson.html,
                       "TextBody": lesson.text}  # fmt: skip
            if lesson.key not in existing:
                payload = {**desired, "Alias": lesson.key, "TemplateType": "Standard"}
                actions.append(Action(lesson, "create", lesson.key, payload=payload))
                continue
            remote = self.client.get(f"/templates/{lesson.key}")
            actions.append(compared(lesson, lesson.key, remote, desired, payload=desired))
        return actions

    def apply(self, action: Action) -> str | None:
        if action.verb == "create":
            return str(self.client.json("POST", "/templates", json=action.payload)["TemplateId"])
        self.client.json("PUT", f"/templates/{action.remote_id}", json=action.payload)
        return action.remote_id


class Postmark(Provider):
    name = "postmark"
    label = "Postmark"
    env = ("POSTMARK_SERVER_TOKEN",)
    sequences = "no (your app sends each lesson)"
    lands_as = "one template per lesson, by alias"
    uploader_class = PostmarkUploader
    literals = "mustachio"  # Mustachio: the author's {{ is written {{{!}}{
    tags: ClassVar[dict[str, str]] = {
        "first_name": "{{#first_name}}{{first_name}}{{/first_name}}{{^first_name}}{fallback}{{/first_name}}",
        "email": "{{email}}",
        "unsubscribe_url": "{{{ pm:unsubscribe }}}",
    }
    notes = (
        "- Send the lessons on a Broadcast message stream: Postmark requires the unsubscribe link there and replaces "
        "`{{{ pm:unsubscribe }}}`.\n- Postmark has no drip feature: your application sends lesson N on day N with "
        "`POST /email/withTemplate` and the template's alias."
    )

    def lesson_files(self, lessons: list[ExportedLesson]) -> dict[str, bytes]:
        files: dict[str, bytes] = {}
        for lesson in lessons:
            folder = lesson.key
            files[f"{folder}/content.html"] = lesson.html.encode("utf-8")
            files[f"{folder}/content.txt"] = lesson.text.encode("utf-8")
            files[f"{folder}/meta.json"] = dumps(
                {
                    "Name": lesson.name,
                    "Alias": lesson.key,
                    "Subject": lesson.subject,
                    "TemplateType": "Standard",
                    "TestRenderModel": {"first_name": "Sam", "email": "sam@example.com"},
                }
            )
        return files

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return f"""
1. With Postmark's CLI: `POSTMARK_SERVER_TOKEN=… postmark templates push <this folder>` reads every
   `<alias>/meta.json`, `content.html` and `content.txt` and shows what it will add or modify. Or run
   `course upload --esp postmark`.
2. By hand: *Servers → your server → Templates → Add template*, paste `content.html` and `content.txt`, set
   *Alias* and *Subject* from `meta.json`.
3. Your application sends lesson N on its day (the table's *day*) with `POST /email/withTemplate`,
   `TemplateAlias` = the alias (first: `{lessons[0].key}`), `TemplateModel` = {{"first_name": …}},
   `MessageStream` = your broadcast stream.
"""
