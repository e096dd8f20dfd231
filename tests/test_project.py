"""course.toml through its one schema: every mistake at once, each with its key and line; the same warnings from
every command that loads the course."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from course.preview import start_preview
from course.project.settings import read_settings

from .conftest import run


def _line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text().split("\n"), start=1) if text in line)


def test_every_mistake_in_course_toml_is_reported_at_once_with_its_key_and_line(course_copy: Path) -> None:
    toml = course_copy / "course.toml"
    text = toml.read_text()
    text = text.replace('title = "Sales Manager or Leader?"', "# no title")
    text = text.replace('email = "you@example.com"            # EXAMPLE', "")
    text = text.replace('brand_color = "#1f6feb"', 'brand_color = "blue"')
    text = text.replace("# width = 600", 'width = "wide"')
    text = text.replace('# base_url = "https://example.com/blog/"', 'base_url = "ftp://example.com/"')
    toml.write_text(text)
    before = sorted(p.name for p in (course_copy / "lessons").iterdir())
    result = run("build", str(course_copy))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    expected = [
        ("[course] title is missing", "[course]"),
        ("[course] base_url must start with https:// or http://", "base_url ="),
        ("[sender] email is missing", "[sender]"),
        ("[theme] brand_color must be a hex colour such as \"#1f6feb\", got 'blue'", "brand_color ="),
        ("[theme] width must be a whole number of pixels, got 'wide'", "width ="),
    ]
    for message, line_text in expected:
        assert f"course.toml:{_line_of(toml, line_text)}: {message}" in result.output, (message, result.output)
    assert result.output.count("course.toml:") == len(expected)
    assert not (course_copy / "build").exists()
    assert sorted(p.name for p in (course_copy / "lessons").iterdir()) == before


def test_a_toml_syntax_error_names_its_line(course_copy: Path) -> None:
    toml = course_copy / "course.toml"
    toml.write_text(toml.read_text().replace('language = "en"', "language = en"))
    result = run("build", str(course_copy))
    assert result.exit_code == 1
    assert f"course.toml:{_line_of(toml, 'language = en')}:" in result.output
    assert "fix the TOML syntax" in result.output and len(result.output.strip().splitlines()) == 1


def test_settings_are_typed_with_their_defaults(tmp_path: Path) -> None:
    text = '[course]\ntitle = "T"\n[sender]\nname = "N"\nemail = "n@example.org"\n[links]\nutm = true\n'
    course, problems = read_settings(tmp_path, tmp_path / "course.toml", text)
    assert problems == []
    assert course.sender.reply_to == "n@example.org" and course.sender.postal_address == ""
    assert course.links.utm is True and course.links.utm_source == "email" and course.links.utm_campaign is None
    assert course.theme.width == 600 and course.schedule.every == 1 and course.schedule.days is None
    assert course.slug == "t" and course.language == "en" and course.warnings == []


def test_an_invalid_schedule_is_a_warning_and_the_default_is_used(tmp_path: Path) -> None:
    text = (
        '[course]\ntitle = "T"\n[sender]\nname = "N"\nemail = "n@example.org"\n[schedule]\nevery = -2\ndays = [1, 0]\n'
    )
    course, problems = read_settings(tmp_path, tmp_path / "course.toml", text)
    assert problems == []
    assert course.schedule.every == 1 and course.schedule.days is None
    assert [(w.code, w.line) for w in course.warnings] == [("schedule.invalid", 7), ("schedule.invalid", 8)]
    assert str(course.warnings[1]).endswith(
        "[schedule] days must start at 0 and never go down, e.g. [0, 1, 3, 7]; ignoring it"
    )


def _with_a_typo(course: Path) -> int:
    toml = course / "course.toml"
    toml.write_text(toml.read_text().replace('brand_color = "#1f6feb"', 'brand_colour = "#aa0000"'))
    return _line_of(toml, "brand_colour")


WARNING = "unknown key 'brand_colour' in [theme] is ignored"


@pytest.mark.parametrize(
    "command",
    [
        ["build"],
        ["export", "--esp", "html"],
        ["upload", "--esp", "kit", "--dry-run"],  # stops at the missing KIT_API_KEY, after the warning
        ["send-test", "--to", "sam@example.com", "--smtp", "127.0.0.1:9"],  # stops at the closed port, likewise
    ],
    ids=lambda command: command[0],
)
def test_every_command_that_loads_the_course_says_the_same_warning(course_copy: Path, command: list[str]) -> None:
    line = _with_a_typo(course_copy)
    result = run(command[0], str(course_copy), *command[1:])
    assert f"Warning: {course_copy / 'course.toml'}:{line}: {WARNING}" in result.output, result.output
    assert result.output.count(WARNING) == 1


def test_check_reports_the_warning_as_a_finding(course_copy: Path) -> None:
    line = _with_a_typo(course_copy)
    result = run("check", str(course_copy), "--no-spam", "--format", "json")
    data = json.loads(result.output)
    found = [f for f in data["findings"] if f["code"] == "settings.unknown-key"]
    assert [(f["message"], f["where"], f["severity"]) for f in found] == [(WARNING, f"course.toml:{line}", "warning")]


def test_the_preview_says_the_warning_once(course_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    _with_a_typo(course_copy)
    with caplog.at_level(logging.WARNING, logger="course"):
        running = start_preview(course_copy, port=0)
        try:
            running.state.rebuild()  # a second build with the same settings says nothing new
        finally:
            running.stop()
    assert [r.getMessage() for r in caplog.records if WARNING in r.getMessage()] != []
    assert sum(WARNING in r.getMessage() for r in caplog.records) == 1


def test_the_email_and_the_sequence_count_words_alike(course_copy: Path) -> None:
    lesson = sorted((course_copy / "lessons").glob("*.md"))[0]
    padding = "\n\n".join(
        "A sentence of [linked words](https://example.com/a-very-long-address) here." for _ in range(70)
    )
    lesson.write_text(lesson.read_text() + "\n" + padding + "\n")
    assert run("build", str(course_copy)).exit_code == 0
    row = json.loads((course_copy / "build" / "sequence.json").read_text())["lessons"][0]
    minutes = max(1, round(row["words"] / 230))
    html = (course_copy / "build" / row["html"]).read_text()
    assert re.search(rf"\b{minutes} min read", html), (row["words"], minutes)
