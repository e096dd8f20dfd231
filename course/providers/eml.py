"""One RFC 5322 message per lesson (multipart/alternative), ready for a mail client or a sending tool."""

from __future__ import annotations

from email.utils import formataddr

from ..render.message import lesson_message
from .base import ExportedLesson
from .html import PlainHTML


class EML(PlainHTML):
    name = "eml"
    label = "RFC 5322 .eml files"
    lands_as = "one .eml file per lesson"

    def lesson_files(self, lessons: list[ExportedLesson]) -> dict[str, bytes]:
        files = super().lesson_files(lessons)
        preview_email = self.course.preview.email
        to = formataddr(("Sam", "sam@example.com" if preview_email is None else preview_email))
        for lesson in lessons:
            message = lesson_message(
                self.course, lesson.lesson, lesson.html, lesson.text, to=to, unsubscribe_url=self.unsubscribe_tag()
            )
            files[lesson.html_file.removesuffix(".html") + ".eml"] = message.as_bytes()
        return files

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return """
1. Each `NN-….eml` is a complete message (plain text and HTML, From, Reply-To, Subject, List-Unsubscribe and
   List-Unsubscribe-Post headers). Open one in your mail client to read it as a subscriber would, or drag it into
   a sending tool that imports .eml files.
2. The Date header puts lesson 1 on 5 January 2026 and each lesson on its day after that, so a mail client sorts
   them in course order.
"""
