"""`course check`: a clean seed course passes; each kind of defect is found in the right lesson."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import run


def _report(course: Path, *options: str, spam: bool = False) -> tuple[int, dict]:
    """The JSON report; SpamAssassin (seconds per lesson) only where a test is about it."""
    result = run("check", str(course), "--format", "json", *options, *([] if spam else ["--no-spam"]))
    return result.exit_code, json.loads(result.output)


def _codes(data: dict, number: int | None) -> set[str]:
    if number is None:
        return {f["code"] for f in data["findings"]}
    return {f["code"] for f in data["lessons"][number - 1]["findings"]}


def _lesson(course: Path, number: int) -> Path:
    return sorted((course / "lessons").glob("*.md"))[number - 1]


def test_the_seed_course_passes_with_an_entry_per_lesson(course_copy: Path) -> None:
    code, data = _report(course_copy)
    assert code == 0
    lessons = sorted((course_copy / "lessons").glob("*.md"))
    assert [entry["number"] for entry in data["lessons"]] == list(range(1, len(lessons) + 1))
    assert data["summary"]["error"] == 0
    assert all(entry["size"] < 60_000 for entry in data["lessons"])
    assert {"footer.example-address", "sender.example"} <= _codes(data, None)


def test_a_broken_course_fails_and_names_each_problem_where_it_is(course_copy: Path) -> None:
    toml = course_copy / "course.toml"
    toml.write_text(re.sub(r"(?m)^postal_address = .*$", 'postal_address = ""', toml.read_text()))
    second = _lesson(course_copy, 2)
    second.write_text(
        second.read_text()
        + "\n![](https://img.example.com/chart.png)\n\nSee [the old page](http://old.example.com/page) and "
        "[click me](javascript:alert(1)).\n"
    )
    third = _lesson(course_copy, 3)
    third.write_text(third.read_text() + "\n" + "\n\n".join(f"Padding paragraph {i}. " * 30 for i in range(200)) + "\n")
    code, data = _report(course_copy)
    assert code == 1
    assert "footer.postal-address" in _codes(data, None)
    assert {"image.alt-missing", "link.http", "link.javascript"} <= _codes(data, 2)
    assert "size.gmail-clip" not in _codes(data, 2)
    size = next(f for f in data["lessons"][2]["findings"] if f["code"] == "size.gmail-clip")
    assert size["severity"] == "error" and data["lessons"][2]["size"] > 102_000
    javascript = next(f for f in data["lessons"][1]["findings"] if f["code"] == "link.javascript")
    assert javascript["severity"] == "error" and re.search(rf"{second.name}:\d+", javascript["where"])
    lines = second.read_text().split("\n")
    line_number = int(re.search(r":(\d+)", javascript["where"]).group(1))
    assert "javascript:" in lines[line_number - 1]
    text = run("check", str(course_copy), "--no-spam")
    assert text.exit_code == 1
    assert "link.javascript" in text.output and "size.gmail-clip" in text.output and "errors" in text.output


def test_strict_fails_on_warnings(course_copy: Path) -> None:
    assert run("check", str(course_copy)).exit_code == 0
    assert run("check", str(course_copy), "--strict").exit_code == 1


def test_subject_and_preheader_rules(course_copy: Path) -> None:
    first, second = _lesson(course_copy, 1), _lesson(course_copy, 2)
    subject = re.search(r"(?m)^subject: (.*)$", first.read_text()).group(1)
    text = re.sub(r"(?m)^subject: .*$", f"subject: {subject}", second.read_text(), count=1)
    text = re.sub(r"(?m)^preheader: .*$", "preheader: Too short", text, count=1)
    second.write_text(text)
    first.write_text(
        re.sub(r"(?m)^subject: .*$", "subject: THIS IS A SHOUTING SUBJECT LINE", first.read_text(), count=1)
    )
    _, data = _report(course_copy)
    assert {"subject.all-caps"} <= _codes(data, 1)
    assert {"preheader.too-short"} <= _codes(data, 2)


def test_source_problems_have_line_numbers(course_copy: Path) -> None:
    lesson = _lesson(course_copy, 1)
    lesson.write_text(
        lesson.read_text()
        + "\n## A part\n\nSome words.\n\n#### Too deep\n\nA line before,\nthen Hello {{ first_name }}, and {POLL}.\n\n"
        "An example: `{{ merge.first_name }}`\n"
    )
    code, data = _report(course_copy)
    assert code == 0  # warnings: the author's words reach readers as written, and the email still builds
    codes = _codes(data, 1)
    assert {"headings.order", "text.template-syntax"} <= codes
    order = [f for f in data["lessons"][0]["findings"] if f["code"] == "headings.order"]
    assert len(order) == 1 and re.search(r"\.md:\d+$", order[0]["where"])  # once, at its line (not again by email)
    found = [f for f in data["lessons"][0]["findings"] if f["code"] == "text.template-syntax"]
    assert len(found) == 1 and found[0]["severity"] == "warning"  # the one in `code` is an example, not flagged
    number = int(re.search(r":(\d+)", found[0]["where"]).group(1))
    assert "{{ first_name }}" in lesson.read_text().split("\n")[number - 1]


def test_a_footnote_written_under_its_label_is_no_wide_code(course_copy: Path) -> None:
    """Google Docs' Markdown export writes each footnote under its label, indented ("[^13]:" then five spaces and
    the note): the email shows it as the note it is, but `course check` read it without footnotes, as a code block,
    and called a 300-character note a code line too wide for a phone. A real code block still is one."""
    lesson = _lesson(course_copy, 1)
    note = "Siddhartha: It is very good, sir. When a person has nothing to eat, fasting is the smartest thing. " * 3
    # without footnotes, the label and first line read as a link definition (address "Kamaswami:", a title in quotes)
    # and the second line as code
    lesson.write_text(lesson.read_text() + f'\nFasting.[^13]\n\n[^13]:\n     Kamaswami: "Why fast?"\n    {note}\n')
    _, data = _report(course_copy)
    assert "code.wide" not in _codes(data, 1)
    lesson.write_text(lesson.read_text() + f"\n```\n{note}\n```\n")
    assert "code.wide" in _codes(_report(course_copy)[1], 1)


def test_a_code_block_with_many_wide_lines_is_one_finding_at_its_longest(course_copy: Path) -> None:
    """A tutorial's listings made a warning of every line over 60 characters: 100 for a nine-lesson course, the
    rest of the report buried under them. Now one a code block, at its longest line, saying how many there are."""
    lesson = _lesson(course_copy, 1)
    listing = ["short", "x" * 70, "y" * 95, "short", "z" * 80]
    lesson.write_text(lesson.read_text() + "\n```\n" + "\n".join(listing) + "\n```\n")
    _, data = _report(course_copy)
    found = [f for f in data["lessons"][0]["findings"] if f["code"] == "code.wide"]
    assert len(found) == 1 and "3 lines of this code block" in found[0]["message"] and "95" in found[0]["message"]
    number = int(re.search(r":(\d+)$", found[0]["where"]).group(1))
    assert lesson.read_text().split("\n")[number - 1] == "y" * 95


def test_a_provider_without_its_unsubscribe_link(course_copy: Path) -> None:
    (course_copy / "templates" / "partials").mkdir(parents=True)
    (course_copy / "templates" / "partials" / "footer.mjml.j2").write_text(
        "<mj-section><mj-column><mj-text>{{ sender.postal_address }}</mj-text></mj-column></mj-section>"
    )
    code, data = _report(course_copy, "--esp", "kit")
    assert code == 1 and data["dialect"] == "kit"
    assert all("unsubscribe.missing" in _codes(data, entry["number"]) for entry in data["lessons"])


def test_css_that_clients_ignore(course_copy: Path) -> None:
    (course_copy / "templates").mkdir()
    (course_copy / "templates" / "lesson.mjml.j2").write_text(
        '{% extends "builtin/lesson.mjml.j2" %}{% block greeting %}'
        '<p style="display:flex;position:absolute;">{{ greeting }}</p>{% endblock %}'
    )
    _, data = _report(course_copy)
    findings = [f for f in data["lessons"][0]["findings"] if f["code"] == "css.unsupported"]
    assert any("display:flex" in f["message"] and "caniemail.com" in f["message"] for f in findings)
    assert any(f["message"].startswith("position") for f in findings)


@pytest.mark.skipif(
    shutil.which("spamassassin") is None, reason="SpamAssassin is not installed (make test installs it)"
)
def test_spamassassin_scores_each_lesson(course_copy: Path) -> None:
    _, data = _report(course_copy, spam=True)
    assert all(isinstance(entry["spam_score"], float) for entry in data["lessons"])
    assert all("spam.score" in _codes(data, entry["number"]) for entry in data["lessons"])


def test_links_option_checks_every_external_link(course_copy: Path, pages: str) -> None:
    lesson = _lesson(course_copy, 2)
    lesson.write_text(lesson.read_text() + f"\nRead [this]({pages}/alive) and [that]({pages}/gone).\n")
    code, data = _report(course_copy, "--links")
    assert code == 1
    broken = [f for f in data["lessons"][1]["findings"] if f["code"] == "link.broken"]
    assert len(broken) == 1 and f"{pages}/gone" in broken[0]["message"]
    _code, data_without = _report(course_copy)
    assert "link.broken" not in _codes(data_without, 2)


def test_missing_course_or_lessons(tmp_path: Path) -> None:
    missing = run("check", str(tmp_path / "nope"))
    assert (
        missing.exit_code == 1 and len(missing.output.strip().splitlines()) == 1 and "no such folder" in missing.output
    )
    shutil.copytree(Path(__file__).parent / "golden" / "seed", tmp_path / "c", ignore=shutil.ignore_patterns("lessons"))
    empty = run("check", str(tmp_path / "c"))
    assert empty.exit_code == 1 and "has no lessons" in empty.output and len(empty.output.strip().splitlines()) == 1


def test_cut_thin_and_repeated_fields_are_caught(course_copy: Path) -> None:
    first, second, third = _lesson(course_copy, 1), _lesson(course_copy, 2), _lesson(course_copy, 3)
    first.write_text(re.sub(r"(?m)^subject: .*$", "subject: The difference between a manager and…", first.read_text()))
    text = re.sub(r"(?m)^subject: .*$", "subject: '1'", second.read_text(), count=1)
    text = re.sub(r"(?m)^preheader: .*$", "preheader: and the rest of a sentence that began elsewhere.", text, count=1)
    second.write_text(text)
    title = re.search(r"(?m)^title: (.*)$", third.read_text()).group(1)
    third.write_text(re.sub(r"(?ms)^---\n\n", f"---\n\n## 3. {title}\n\n", third.read_text(), count=1))
    code, data = _report(course_copy)
    assert code == 1  # a subject with no words is an error
    assert "subject.cut" in _codes(data, 1)
    assert {"subject.no-words", "preheader.mid-sentence"} <= _codes(data, 2)
    repeated = next(f for f in data["lessons"][2]["findings"] if f["code"] == "title.repeated")
    line = int(re.search(r":(\d+)", repeated["where"]).group(1))
    assert third.read_text().split("\n")[line - 1] == f"## 3. {title}"


def test_a_split_of_the_seed_passes_the_new_field_checks(course_copy: Path) -> None:
    _, data = _report(course_copy)
    new = {"subject.cut", "subject.too-short", "subject.no-words", "preheader.mid-sentence", "title.repeated"}
    assert not new & {f["code"] for entry in data["lessons"] for f in entry["findings"]}


def test_a_lesson_far_shorter_or_longer_than_the_others_is_noted_but_not_a_short_welcome(course_copy: Path) -> None:
    first, third = _lesson(course_copy, 1), _lesson(course_copy, 3)
    first.write_text(first.read_text().split("\n---\n")[0] + "\n---\n\nWelcome to the course: it starts tomorrow.\n")
    third.write_text(third.read_text().split("\n---\n")[0] + "\n---\n\nOnly a few words are left here.\n")
    _, data = _report(course_copy)
    assert "length.outlier" in _codes(data, 3)
    assert "length.outlier" not in _codes(data, 1)  # the first lesson may be a short welcome
    fourth = _lesson(course_copy, 4)
    fourth.write_text(fourth.read_text() + "\n" + "More about leading a sales team, every week. " * 120)
    _, data = _report(course_copy)
    longest = next(f for f in data["lessons"][3]["findings"] if f["code"] == "length.outlier")
    assert longest["severity"] == "warning" and "far more than the other lessons" in longest["message"]


def test_a_language_without_built_in_wording_is_a_warning_until_strings_give_it(course_copy: Path) -> None:
    """Arabic has no built-in wording: the emails would greet, number and sign off in English. The check says so,
    at the language's line, until [strings] gives every framing string; a built-in language has no warning."""
    toml = course_copy / "course.toml"
    english = toml.read_text()
    toml.write_text(english.replace('language = "en"', 'language = "ar"'))
    code, data = _report(course_copy)
    found = [f for f in data["findings"] if f["code"] == "strings.language"]
    assert code == 0 and len(found) == 1 and found[0]["severity"] == "warning"
    assert "'ar'" in found[0]["message"] and found[0]["where"].startswith("course.toml:")
    from course.render.wording import STRINGS

    given = "\n".join(f'{key} = "x"' for key in STRINGS["en"])
    toml.write_text(english.replace('language = "en"', 'language = "ar"') + f"\n[strings]\n{given}\n")
    assert "strings.language" not in _codes(_report(course_copy)[1], None)
    toml.write_text(english.replace('language = "en"', 'language = "de"'))
    assert "strings.language" not in _codes(_report(course_copy)[1], None)
