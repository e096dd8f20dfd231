"""Postmark: one Standard template per lesson, keyed by alias, in the folder layout Postmark's CLI pushes."""

from __future__ import annotations

from typing import ClassVar

from .base import ExportedLesson, Provider, dumps

API_BASE = "https://api.postmarkapp.com"


class Postmark(Provider):
    name = "postmark"
    label = "Postmark"
    env = ("POSTMARK_SERVER_TOKEN",)
    sequences = "no (your app sends each lesson)"
    lands_as = "one template per lesson, by alias"
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
                    "Subject": lesson.lesson.subject,
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
