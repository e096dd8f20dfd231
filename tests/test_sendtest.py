"""`course send-test` through a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from .conftest import run


def test_every_lesson_arrives_as_multipart_alternative(ready_course: Path, smtp) -> None:
    address, handler = smtp
    result = run("send-test", str(ready_course), "--to", "reader@example.org", "--smtp", address)
    assert result.exit_code == 0, result.output
    lessons = sorted((ready_course / "lessons").glob("*.md"))
    assert len(handler.messages) == len(lessons)
    for mail_from, rcpt_tos, content in handler.messages:
        assert mail_from == "alistair@hopkins-sales.co.uk" and rcpt_tos == ["reader@example.org"]
        message = email.message_from_bytes(content, policy=email.policy.default)
        assert message.get_content_type() == "multipart/alternative"
        assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
        assert message["To"] == "reader@example.org"
        assert "Hi Sam," in message.get_body(("plain",)).get_content()
        assert 'href="https://example.com/unsubscribe"' in message.get_body(("html",)).get_content()
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    subjects = [email.message_from_bytes(c, policy=email.policy.default)["Subject"] for _, _, c in handler.messages]
    assert subjects[0] == "[TEST] Sales Manager or Leader?"
    assert f"Sent {len(lessons)} test emails to reader@example.org" in result.output


def test_chosen_lessons_only(ready_course: Path, smtp) -> None:
    address, handler = smtp
    result = run(
        "send-test", str(ready_course), "--to", "r@example.org", "--smtp", address, "--lesson", "2", "--lesson", "4"
    )
    assert result.exit_code == 0, result.output
    assert len(handler.messages) == 2
    assert "sent lesson 2" in result.output and "sent lesson 4" in result.output


def test_rejected_recipient(ready_course: Path, smtp) -> None:
    address, handler = smtp
    result = run("send-test", str(ready_course), "--to", "nobody@example.org", "--smtp", address)
    assert result.exit_code == 1
    assert result.output.strip().startswith(f"Error: {address} refused the recipient nobody@example.org (550")
    assert handler.messages == []


def test_refused_connection(ready_course: Path) -> None:
    result = run("send-test", str(ready_course), "--to", "r@example.org", "--smtp", "127.0.0.1:9")
    assert result.exit_code == 1
    assert "connection refused" in result.output and "--smtp" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_bad_arguments(ready_course: Path) -> None:
    assert "not an email address" in run("send-test", str(ready_course), "--to", "nope").output
    result = run("send-test", str(ready_course), "--to", "a@b.example", "--lesson", "9")
    assert result.exit_code == 1 and "--lesson 9" in result.output
