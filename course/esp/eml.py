"""One RFC 5322 message per lesson (multipart/alternative), ready for a mail client or a sending tool."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from .base import ExportedLesson
from .html import PlainHTML

DAY_ZERO = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # the Date of lesson 1: fixed, so exports are reproducible


class EML(PlainHTML):
    name = "eml"
    label = "RFC 5322 .eml files"
    lands_as = "one .eml file per lesson"

    def lesson_files(self, lessons: list[ExportedLesson]) -> dict[str, bytes]:
        files = super().lesson_files(lessons)
        for lesson in lessons:
            files[lesson.html_file.removesuffix(".html") + ".eml"] = self.message(lesson)
        return files

    def message(self, lesson: ExportedLesson) -> bytes:
        """A deterministic message: same course, same bytes (Date from the lesson's day, Message-ID from content)."""
        sender = self.course.sender
        email = sender.get("email", "")
        domain = email.rsplit("@", 1)[-1] or "localhost"
        digest = hashlib.sha256((lesson.key + lesson.html + lesson.text).encode("utf-8")).hexdigest()
        unsubscribe = self.unsubscribe_tag()
        reply_to = sender.get("reply_to") or email
        message = EmailMessage(policy=policy.SMTP)
        message["From"] = formataddr((sender.get("name", ""), email))
        message["To"] = formataddr(("Sam", self.course.preview.get("email", "sam@example.com")))
        message["Reply-To"] = reply_to
        message["Subject"] = lesson.lesson.subject
        message["Date"] = format_datetime(DAY_ZERO + timedelta(days=lesson.lesson.day))
        message["Message-ID"] = f"<course.{lesson.number:02d}.{digest[:20]}@{domain}>"
        targets = [f"<{unsubscribe}>"] if unsubscribe.startswith("http") else []
        targets.append(f"<mailto:{reply_to}?subject=unsubscribe>")
        message["List-Unsubscribe"] = ", ".join(targets)
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message.set_content(lesson.text)
        message.add_alternative(lesson.html, subtype="html")
        message.set_boundary(f"=_course_{digest[16:40]}")
        return message.as_bytes()

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return """
1. Each `NN-….eml` is a complete message (plain text and HTML, From, Reply-To, Subject, List-Unsubscribe and
   List-Unsubscribe-Post headers). Open one in your mail client to read it as a subscriber would, or drag it into
   a sending tool that imports .eml files.
2. The Date header puts lesson 1 on 5 January 2026 and each lesson on its day after that, so a mail client sorts
   them in course order.
"""
