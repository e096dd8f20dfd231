"""One lesson as a real RFC 5322 message: multipart/alternative, one-click unsubscribe headers, fixed bytes."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from ..model import Course, Lesson

DAY_ZERO = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # the Date of lesson 1 in exported files: fixed, reproducible


def lesson_message(
    course: Course, lesson: Lesson, html: str, text: str, *, to: str, unsubscribe_url: str,
    date: datetime | None = None,
) -> EmailMessage:  # fmt: skip
    """The lesson as an email; Date, Message-ID and MIME boundary derive from the content, so they repeat."""
    sender = course.sender
    address = sender.email
    domain = address.rsplit("@", 1)[-1] or "localhost"
    reply_to = sender.reply_address
    digest = hashlib.sha256(f"{lesson.number}{lesson.subject}{html}{text}{to}".encode()).hexdigest()
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = formataddr((sender.name, address))
    message["To"] = to
    message["Reply-To"] = reply_to
    message["Subject"] = lesson.subject
    message["Date"] = format_datetime(date or DAY_ZERO + timedelta(days=lesson.day))
    message["Message-ID"] = f"<course.{lesson.number:02d}.{digest[:20]}@{domain}>"
    targets = [f"<{unsubscribe_url}>"] if unsubscribe_url.startswith(("https://", "http://")) else []
    targets.append(f"<mailto:{reply_to}?subject=unsubscribe>")
    message["List-Unsubscribe"] = ", ".join(targets)
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    message.set_boundary(f"=_course_{digest[20:44]}")
    return message
