"""Nothing unfinished reaches a subscriber: placeholders stop export, upload and send-test; the plan works offline;
odd provider answers, offline link checks and lost receipts are handled as a person would want."""

from __future__ import annotations

import email
import email.policy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from course.providers import PROVIDERS as REGISTRY

from .conftest import fill_settings, run
from .fakes.providers import KitAPI, serve
from .test_upload import PROVIDERS, lesson_count, upload

EXAMPLE_KEYS = (
    "[sender] email",
    "reply_to",
    "postal_address",
)  # "[sender] email, reply_to = …; [sender] postal_address…"


def _one_error_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), output
    assert "Traceback" not in output and "bug" not in output.lower(), output
    return lines[0]


# --- placeholders: the guard on export, upload and send-test, and the check that agrees with it ---------------


def test_export_refuses_placeholders_and_writes_nothing(course_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = run("export", str(course_copy), "--esp", "kit", "-o", str(out))
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert all(key in line for key in EXAMPLE_KEYS) and "--allow-placeholders" in line
    assert "you@example.com" in line and "1 Example Street" in line
    assert not out.exists()


def test_export_with_the_flag_marks_the_draft_at_the_top(course_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = run("export", str(course_copy), "--esp", "kit", "-o", str(out), "--allow-placeholders")
    assert result.exit_code == 0, result.output
    guide = (out / "IMPORT.md").read_text()
    assert guide.startswith("> **Draft: not ready to send.**")
    assert all(key in guide.split("\n\n")[0] for key in EXAMPLE_KEYS)


def test_a_ready_course_exports_without_a_draft_notice(ready_course: Path, tmp_path: Path) -> None:
    result = run("export", str(ready_course), "--esp", "kit", "-o", str(tmp_path / "export"))
    assert result.exit_code == 0, result.output
    assert "Draft" not in (tmp_path / "export" / "IMPORT.md").read_text()


@pytest.mark.parametrize("name", ["kit", "postmark", "mailchimp"])
def test_upload_refuses_placeholders_and_sends_no_request(course_copy: Path, name: str) -> None:
    spec = PROVIDERS[name]
    api = spec["fake"]()
    with serve(api) as url:
        result = upload(course_copy, name, url, spec["env"](api))
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert all(key in line for key in EXAMPLE_KEYS)
    assert api.requests == []


def test_upload_with_the_flag_says_draft_first_and_proceeds(course_copy: Path) -> None:
    api = KitAPI()
    with serve(api) as url:
        result = upload(course_copy, "kit", url, {"KIT_API_KEY": api.secret}, "--allow-placeholders")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Draft (--allow-placeholders): course.toml still holds example values")
    assert len(api.emails) == lesson_count(course_copy)


def test_send_test_refuses_placeholders_and_sends_nothing(course_copy: Path, smtp) -> None:
    address, handler = smtp
    result = run("send-test", str(course_copy), "--to", "reader@example.org", "--smtp", address)
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert all(key in line for key in EXAMPLE_KEYS)
    assert handler.messages == []


def test_send_test_with_the_flag_sends_marked_tests(course_copy: Path, smtp) -> None:
    address, handler = smtp
    result = run("send-test", str(course_copy), "--to", "reader@example.org", "--smtp", address,
                 "--allow-placeholders", "--lesson", "2")  # fmt: skip
    assert result.exit_code == 0, result.output
    [(_, _, content)] = handler.messages
    assert email.message_from_bytes(content, policy=email.policy.default)["Subject"].startswith("[TEST] ")
    unmarked = run("send-test", str(course_copy), "--to", "reader@example.org", "--smtp", address,
                   "--allow-placeholders", "--lesson", "2", "--no-test-prefix")  # fmt: skip
    assert unmarked.exit_code == 0, unmarked.output
    assert not email.message_from_bytes(handler.messages[-1][2], policy=email.policy.default)["Subject"].startswith(
        "[TEST]"
    )


def _check_errors(course: Path, *options: str) -> tuple[int, dict[str, list[str]]]:
    result = run("check", str(course), "--format", "json", "--no-spam", *options)
    data = json.loads(result.output)
    errors: dict[str, list[str]] = {}
    for finding in data["findings"]:
        if finding["severity"] == "error":
            errors.setdefault(finding["code"], []).append(finding["message"])
    return result.exit_code, errors


def test_check_with_an_esp_reports_the_same_placeholders_as_errors(course_copy: Path) -> None:
    code, errors = _check_errors(course_copy, "--esp", "kit")
    assert code == 1
    assert set(errors) == {"sender.example", "footer.example-address"}
    messages = " ".join(m for found in errors.values() for m in found)
    refusal = _one_error_line(run("export", str(course_copy), "--esp", "kit", "-o", str(course_copy / "x")).output)
    for key in EXAMPLE_KEYS:
        assert key in refusal and key.removeprefix("[sender] ") in messages
    code_without, errors_without = _check_errors(course_copy)
    assert code_without == 0 and errors_without == {}  # without a provider they are warnings: still a draft


def test_the_example_unsubscribe_page_matters_only_where_course_links_to_it(ready_copy: Path, tmp_path: Path) -> None:
    toml = ready_copy / "course.toml"
    toml.write_text(toml.read_text().replace("https://hopkins-sales.co.uk/unsubscribe", "https://example.com/unsub"))
    refused = run("export", str(ready_copy), "--esp", "eml", "-o", str(tmp_path / "eml"))
    assert refused.exit_code == 1 and "[links] unsubscribe_url" in _one_error_line(refused.output)
    assert run("export", str(ready_copy), "--esp", "kit", "-o", str(tmp_path / "kit")).exit_code == 0
    assert _check_errors(ready_copy, "--esp", "eml")[1].keys() == {"links.example-unsubscribe"}


def test_a_cta_url_left_as_an_example_or_empty_is_a_placeholder(ready_copy: Path, tmp_path: Path) -> None:
    toml = ready_copy / "course.toml"
    ready = toml.read_text()
    for url, named in (("https://example.com/book", "'https://example.com/book'"), ("", "it is there but empty")):
        toml.write_text(ready.replace("[cta]\n", f'[cta]\nbutton = "Book a call"\nurl = "{url}"\n'))
        result = run("export", str(ready_copy), "--esp", "kit", "-o", str(tmp_path / "kit"))
        assert result.exit_code == 1
        line = _one_error_line(result.output)
        assert "[cta] url" in line and named in line
    toml.write_text(ready.replace("[cta]\n", '[cta]\nbutton = "Tell me what you think"\n'))  # a reply: fine
    assert run("export", str(ready_copy), "--esp", "kit", "-o", str(tmp_path / "kit")).exit_code == 0


# --- upload --plan: offline, no credentials ---------------------------------------------------------------------


def test_plan_needs_no_credentials_and_no_network(ready_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIT_API_KEY", raising=False)
    result = run("upload", str(ready_copy), "--esp", "kit", "--plan", "--api-url", "http://127.0.0.1:9")
    assert result.exit_code == 0, result.output
    assert "offline" in result.output and "Sales Manager or Leader?" in result.output
    lessons = [line for line in result.output.splitlines() if re.match(r"\s+\d+\s+day \d+", line)]
    assert len(lessons) == lesson_count(ready_copy)
    assert "+1 day" in lessons[1] and "“Good and Bad Sales Management”" in lessons[1]


def test_plan_of_a_draft_says_so_at_the_top(course_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POSTMARK_SERVER_TOKEN", raising=False)
    result = run("upload", str(course_copy), "--esp", "postmark", "--plan")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Note: course.toml still holds example values")


# --- answers of an unexpected shape ------------------------------------------------------------------------------

ODD_ANSWERS = {
    "an HTML page": (
        b"<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>",
        "an HTML page (“Welcome to nginx!”), not the API",
    ),
    "an empty object": ({}, ""),
    "truncated JSON": (b'{"sequences": [{"id": 1, "na', "not JSON"),
}


@pytest.mark.parametrize("answer", sorted(ODD_ANSWERS))
@pytest.mark.parametrize("name", sorted(PROVIDERS))
def test_an_odd_answer_is_one_line_naming_the_provider_and_the_request(ready_copy: Path, name: str,
                                                                       answer: str) -> None:  # fmt: skip
    spec = PROVIDERS[name]
    api = spec["fake"]()
    body, words = ODD_ANSWERS[answer]
    api.fail("GET", ".*", 200, body=body)
    with serve(api) as url:
        result = upload(ready_copy, name, url, spec["env"](api))
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    first_get = next(r for r in api.requests if r["method"] == "GET")
    label = REGISTRY[name].label
    assert f"unexpected answer from {label} to GET {first_get['path']}" in line, line
    assert words in line and api.secret not in line
    assert api.writes == []


# --- check --links: once when offline, every finding where it is ----------------------------------------------


def _only_these_links(course: Path, links: dict[int, str]) -> None:
    """Drop every external link the lessons have, then give lesson N the link `links[N]`."""
    for number, path in enumerate(sorted((course / "lessons").glob("*.md")), 1):
        text = re.sub(r"\]\(https?://[^)]*\)", "](#)", path.read_text())
        if number in links:
            text += f"\nSee [this page]({links[number]}).\n"
        path.write_text(text)


def test_check_links_offline_is_one_finding(course_copy: Path) -> None:
    _only_these_links(course_copy, {2: "https://nowhere.invalid/a", 3: "https://elsewhere.invalid/b",
                                    4: "https://nowhere.invalid/c"})  # fmt: skip
    fill_settings(course_copy)
    result = run("check", str(course_copy), "--format", "json", "--no-spam", "--links")
    data = json.loads(result.output)
    found = [f for f in data["findings"] if f["code"].startswith("link.")]
    found += [f for lesson in data["lessons"] for f in lesson["findings"] if f["code"].startswith("link.")]
    assert [f["code"] for f in found] == ["link.unchecked"]
    assert "3 external links could not be checked" in found[0]["message"]
    assert result.exit_code == 0  # a warning: the links may be fine; --strict makes it fail
    strict = run("check", str(course_copy), "--no-spam", "--links", "--strict")
    assert strict.exit_code == 1


def test_every_link_finding_names_the_file_and_line(course_copy: Path, pages: str) -> None:
    _only_these_links(course_copy, {3: f"{pages}/gone"})
    result = run("check", str(course_copy), "--format", "json", "--no-spam", "--links")
    [broken] = [f for f in json.loads(result.output)["lessons"][2]["findings"] if f["code"] == "link.broken"]
    lesson = sorted((course_copy / "lessons").glob("*.md"))[2]
    line = lesson.read_text().splitlines().index(f"See [this page]({pages}/gone).") + 1
    assert broken["where"] == f"lessons/{lesson.name}:{line}"


# --- receipts ----------------------------------------------------------------------------------------------------


def test_the_receipt_records_the_upload_without_secrets_and_losing_it_duplicates_nothing(ready_copy: Path) -> None:
    api = KitAPI()
    env = {"KIT_API_KEY": api.secret}
    with serve(api) as url:
        first = upload(ready_copy, "kit", url, env)
        assert first.exit_code == 0, first.output
        receipt_path = ready_copy / ".course" / "uploads" / "kit.json"
        raw = receipt_path.read_text()
        assert api.secret not in raw
        receipt: dict[str, Any] = json.loads(raw)
        lessons = receipt["lessons"]
        assert len(lessons) == lesson_count(ready_copy)
        assert {str(e["id"]) for e in api.emails.values()} == {str(entry["remote_id"]) for entry in lessons.values()}
        assert all(re.fullmatch(r"[0-9a-f]{16,}", entry["hash"]) for entry in lessons.values())
        assert "receipt" in first.output and {e["done"] for e in lessons.values()} == {"created"}

        again = upload(ready_copy, "kit", url, env)
        kept = json.loads(receipt_path.read_text())["lessons"]
        assert all(kept[k]["done"] == "created" and kept[k]["at"] == lessons[k]["at"] and "checked" in kept[k]
                   for k in lessons)  # fmt: skip

        receipt_path.unlink()
        again = upload(ready_copy, "kit", url, env)
    assert again.exit_code == 0, again.output
    assert "0 created" in again.output and len(api.emails) == lesson_count(ready_copy)
    assert {e["done"] for e in json.loads(receipt_path.read_text())["lessons"].values()} == {"found up to date"}


# --- a lesson's own call to action ---------------------------------------------------------------------------


def _add_cta(lesson: Path, cta: str) -> None:
    lesson.write_text(lesson.read_text().replace("---\n", f"---\ncta:\n{cta}", 1))


def test_a_lesson_cta_shows_in_the_email_and_its_text_twin(ready_copy: Path) -> None:
    lesson = sorted((ready_copy / "lessons").glob("*.md"))[1]
    _add_cta(lesson, "  heading: Want a second opinion?\n  button: Book a 20-minute call\n"
                     "  url: https://hopkins-sales.co.uk/call\n")  # fmt: skip
    assert run("build", str(ready_copy)).exit_code == 0
    html = (ready_copy / "build" / lesson.with_suffix(".html").name).read_text()
    text = (ready_copy / "build" / lesson.with_suffix(".txt").name).read_text()
    assert "Want a second opinion?" in html and 'href="https://hopkins-sales.co.uk/call"' in html
    assert "Book a 20-minute call: https://hopkins-sales.co.uk/call" in text
    assert text.index("Book a 20-minute call") < text.index("Next lesson")
    other = ready_copy / "build" / sorted((ready_copy / "lessons").glob("*.md"))[2].with_suffix(".html").name
    assert "Book a 20-minute call" not in other.read_text()


def test_a_lesson_cta_without_a_url_is_refused_with_its_file(ready_copy: Path) -> None:
    lesson = sorted((ready_copy / "lessons").glob("*.md"))[1]
    _add_cta(lesson, "  button: Book a call\n")
    result = run("build", str(ready_copy))
    assert result.exit_code == 1
    assert f"lessons/{lesson.name}:2" in result.output and "cta needs a url" in result.output
