"""`course send-test`: every lesson (or the chosen ones) as a real multipart email through an SMTP server."""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from email.utils import formatdate, parseaddr
from pathlib import Path

from .errors import CourseError
from .project.placeholders import find_placeholders, placeholder_message
from .render import open_course, preview_dialect
from .render.message import lesson_message

DEFAULT_SMTP = "localhost:1025"
TEST_PREFIX = "[TEST] "
TIMEOUT_SECONDS = 20


@dataclass
class Sent:
    number: int
    subject: str
    to: str


def parse_smtp(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":") if value.count(":") == 1 else (value, "", "")
    if not host:
        host, port = value, ""
    if port and not port.isdigit():
        raise CourseError(f"--smtp {value!r}: the port must be a number, e.g. --smtp smtp.example.com:587")
    return host, int(port) if port else 1025


def send_test(
    root: Path, to: str, smtp: str = DEFAULT_SMTP, lessons: tuple[int, ...] = (), security: str = "none",
    environ: Mapping[str, str] | None = None, allow_placeholders: bool = False, test_prefix: bool = True,
) -> Iterator[Sent]:  # fmt: skip
    """Render and send the lessons one by one (preview dialect: sample first name, example unsubscribe link),
    each subject marked "[TEST] " unless told not to. Example values in course.toml stop it unless allowed."""
    environ = os.environ if environ is None else environ
    _name, address = parseaddr(to)
    if "@" not in address or address.startswith("@") or address.endswith("@"):
        raise CourseError(f"--to {to!r} is not an email address; give one such as you@example.com")
    rendering = open_course(root)
    course = rendering.course
    found = find_placeholders(course, unsubscribe_page=False)  # a test send uses the sample unsubscribe page
    if found and not allow_placeholders:
        raise CourseError(placeholder_message(found, "send the test with them"))
    chosen = [lesson for lesson in course.lessons if not lessons or lesson.number in lessons]
    unknown = sorted(set(lessons) - {lesson.number for lesson in course.lessons})
    if unknown:
        raise CourseError(f"--lesson {unknown[0]}: the course has lessons 1 to {len(course.lessons)}")
    dialect = preview_dialect(course.preview)
    host, port = parse_smtp(smtp)
    username = environ.get("COURSE_SMTP_USERNAME", "")
    password = environ.get("COURSE_SMTP_PASSWORD", "")
    connection = _connect(host, port, security)
    try:
        if username:
            try:
                connection.login(username, password)
            except smtplib.SMTPAuthenticationError:
                raise CourseError(
                    f"{host}:{port} rejected the login in COURSE_SMTP_USERNAME / COURSE_SMTP_PASSWORD; check them"
                ) from None
            except smtplib.SMTPNotSupportedError:
                raise CourseError(
                    f"{host}:{port} does not offer login; unset COURSE_SMTP_USERNAME or use --starttls"
                ) from None
        for lesson in chosen:
            email = rendering.email(lesson, dialect)
            message = lesson_message(
                course, lesson, email.html, email.text, to=to, unsubscribe_url=dialect.values["unsubscribe_url"]
            )
            if test_prefix:
                del message["Subject"]
                message["Subject"] = f"{TEST_PREFIX}{lesson.subject}"
            del message["Date"]
            message["Date"] = formatdate(localtime=True)  # a test goes out now, not on the course's calendar
            try:
                refused = connection.send_message(message, to_addrs=[address])
            except smtplib.SMTPRecipientsRefused as exc:
                code, reason = next(iter(exc.recipients.values()))
                raise CourseError(f"{host}:{port} refused the recipient {address} ({code} {_text(reason)})") from None
            except smtplib.SMTPSenderRefused as exc:
                raise CourseError(
                    f"{host}:{port} refused the sender {exc.sender} ({exc.smtp_code} {_text(exc.smtp_error)}); "
                    "set [sender] email in course.toml to an address this server accepts"
                ) from None
            except smtplib.SMTPException as exc:
                raise CourseError(f"{host}:{port} refused lesson {lesson.number}: {exc}") from None
            if refused:
                raise CourseError(f"{host}:{port} refused the recipient {address}")
            yield Sent(lesson.number, str(message["Subject"]), address)
    finally:
        try:
            connection.quit()
        except smtplib.SMTPException:
            connection.close()


def _connect(host: str, port: int, security: str) -> smtplib.SMTP:
    try:
        if security == "ssl":
            return smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context())
        connection = smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
        if security == "starttls":
            connection.starttls(context=ssl.create_default_context())
        return connection
    except ConnectionRefusedError:
        raise CourseError(
            f"cannot connect to the SMTP server at {host}:{port} (connection refused); start one, e.g. "
            "`python -m aiosmtpd -n -l localhost:1025`, or pass --smtp HOST:PORT"
        ) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise CourseError(f"cannot talk to the SMTP server at {host}:{port} ({exc}); check --smtp") from None


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
