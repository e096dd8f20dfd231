"""Months of editing: lessons moved, added and removed by `course lessons`, and `split --force` that never loses
an edit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import SEED, run


def _files(course: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((course / "lessons").glob("*.md"))}


def _bodies(files: dict[str, bytes]) -> list[bytes]:
    return list(files.values())


def _sequence_titles(course: Path) -> list[str]:
    assert run("build", str(course)).exit_code == 0
    return [row["title"] for row in json.loads((course / "build" / "sequence.json").read_text())["lessons"]]


def test_the_table_of_lessons(course_copy: Path) -> None:
    result = run("lessons", str(course_copy))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["No", "Day", "Subject", "Words", "File"]
    assert len(lines) == 6
    assert lines[2].split()[:2] == ["2", "1"] and lines[2].endswith("lessons/02-good-and-bad-sales-management.md")


def test_move_renumbers_the_files_and_keeps_every_byte(course_copy: Path) -> None:
    before = _files(course_copy)
    titles = _sequence_titles(course_copy)
    result = run("lessons", str(course_copy), "--move", "2", "--to", "4")
    assert result.exit_code == 0, result.output
    after = _files(course_copy)
    assert list(after) == [
        "01-sales-manager-or-leader.md",
        "02-good-and-bad-sales-leadership.md",
        "03-sales-management-and-leadership.md",
        "04-good-and-bad-sales-management.md",
        "05-one-more-thing.md",
    ]
    old = _bodies(before)
    assert _bodies(after) == [old[0], old[2], old[3], old[1], old[4]]  # byte-identical, in the new order
    assert _sequence_titles(course_copy) == [titles[0], titles[2], titles[3], titles[1], titles[4]]
    assert "3 files renamed" in result.output


def test_add_puts_a_new_lesson_in_place_and_the_guard_knows_it_is_unwritten(course_copy: Path) -> None:
    before = _bodies(_files(course_copy))
    result = run("lessons", str(course_copy), "--add", "A worked example", "--after", "2")
    assert result.exit_code == 0, result.output
    after = _files(course_copy)
    assert list(after)[2] == "03-a-worked-example.md"
    assert [b for name, b in after.items() if name != "03-a-worked-example.md"] == before
    assert _sequence_titles(course_copy)[2] == "A worked example"
    refused = run("export", str(course_copy), "--esp", "kit", "-o", str(course_copy / "dist"), "--allow-placeholders")
    assert refused.exit_code == 0  # with the flag a draft goes through…
    check = run("check", str(course_copy), "--esp", "kit", "--no-spam", "--format", "json")
    found = [f for f in json.loads(check.output)["findings"] if f["code"] == "lesson.unwritten"]
    assert found and found[0]["severity"] == "error" and found[0]["where"] == "lessons/03-a-worked-example.md"


def test_add_at_the_end_by_default(course_copy: Path) -> None:
    assert run("lessons", str(course_copy), "--add", "Bonus: questions readers ask").exit_code == 0
    assert list(_files(course_copy))[-1] == "06-bonus-questions-readers-ask.md"


def test_remove_keeps_a_copy_and_moves_the_rest_up(course_copy: Path) -> None:
    before = _files(course_copy)
    result = run("lessons", str(course_copy), "--remove", "3")
    assert result.exit_code == 0, result.output
    after = _files(course_copy)
    assert _bodies(after) == [b for i, b in enumerate(_bodies(before)) if i != 2]
    [copy] = (course_copy / ".course" / "backup").glob("*/lessons/03-good-and-bad-sales-leadership.md")
    assert copy.read_bytes() == before["03-good-and-bad-sales-leadership.md"]
    assert str(copy.parent.parent.relative_to(course_copy)) in result.output


def test_a_move_that_makes_a_pinned_day_go_down_changes_nothing(course_copy: Path) -> None:
    second = sorted((course_copy / "lessons").glob("*.md"))[1]
    second.write_text(second.read_text().replace("---\n", "---\nday: 1\n", 1))
    before = _files(course_copy)
    result = run("lessons", str(course_copy), "--move", "2", "--to", "5")
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert "02-good-and-bad-sales-management.md (pinned to day 1)" in line
    assert "right after 05-one-more-thing.md (day 3)" in line and "Remove the `day:` line" in line
    assert _files(course_copy) == before


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--move", "9", "--to", "1"], "lessons 1 to 5"),
        (["--move", "2"], "--move N and --to M go together"),
        (["--remove", "1", "--add", "x"], "choose one of"),
        (["--after", "2"], "--after goes with --add"),
    ],
)
def test_bad_arguments(course_copy: Path, args: list[str], says: str) -> None:
    before = _files(course_copy)
    result = run("lessons", str(course_copy), *args)
    assert result.exit_code in (1, 2) and says in result.output
    assert _files(course_copy) == before


# --- split --force never loses an edit -----------------------------------------------------------------------


def test_split_force_refuses_edited_lessons_and_names_them(tmp_path: Path) -> None:
    out = tmp_path / "c"
    assert run("split", str(SEED), "-o", str(out)).exit_code == 0
    assert run("split", str(SEED), "-o", str(out), "--force").exit_code == 0  # nothing edited: fine
    lesson = sorted((out / "lessons").glob("*.md"))[1]
    edited = lesson.read_text().replace("subject: ", "subject: Rewritten ", 1) + "\nA paragraph I added.\n"
    lesson.write_text(edited)
    before = _files(out)
    result = run("split", str(SEED), "-o", str(out), "--force", "-n", "3")
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert f"lessons/{lesson.name}" in line and "--discard-edits" in line
    assert _files(out) == before

    result = run("split", str(SEED), "-o", str(out), "--force", "-n", "3", "--discard-edits")
    assert result.exit_code == 0, result.output
    assert len(_files(out)) == 3
    copy = sorted((out / ".course" / "backup").glob(f"*/lessons/{lesson.name}"))[-1]  # the newest backup
    assert copy.read_text() == edited
    assert "The lessons it replaced are in" in result.output


def test_split_force_without_a_record_of_the_last_split_refuses(tmp_path: Path) -> None:
    out = tmp_path / "c"
    assert run("split", str(SEED), "-o", str(out)).exit_code == 0
    (out / ".course" / "split.json").unlink()
    result = run("split", str(SEED), "-o", str(out), "--force")
    assert result.exit_code == 1 and "no record of what the last split wrote" in result.output


def test_split_force_backs_up_even_unedited_lessons(tmp_path: Path) -> None:
    out = tmp_path / "c"
    assert run("split", str(SEED), "-o", str(out)).exit_code == 0
    first = _files(out)
    assert run("split", str(SEED), "-o", str(out), "--force", "-n", "3").exit_code == 0
    [backup] = (out / ".course" / "backup").iterdir()
    assert {p.name: p.read_bytes() for p in (backup / "lessons").iterdir()} == first


# --- course templates: the built-ins, copies to edit, HTML and text together --------------------------------


def test_templates_lists_the_built_ins_and_marks_the_course_own(course_copy: Path) -> None:
    result = run("templates", str(course_copy))
    assert result.exit_code == 0, result.output
    assert "partials/footer.mjml.j2" in result.output and "partials/footer.txt.j2" in result.output
    assert "yours" not in result.output
    assert run("templates", str(course_copy), "--copy", "partials/cta.mjml.j2").exit_code == 0
    marked = [line for line in run("templates", str(course_copy)).output.splitlines() if " yours " in line]
    assert [line.split()[0] for line in marked] == ["partials/cta.mjml.j2", "partials/cta.txt.j2"]


def test_a_copied_footer_pair_changes_the_html_and_the_text(course_copy: Path) -> None:
    result = run("templates", str(course_copy), "--copy", "partials/footer.mjml.j2")
    assert result.exit_code == 0, result.output
    own = course_copy / "templates" / "partials"
    assert "Copied partials/footer.txt.j2" in result.output  # the text twin comes along
    html, text = own / "footer.mjml.j2", own / "footer.txt.j2"
    html.write_text(html.read_text().replace("{{ why_footer }}", "{{ why_footer }} Sent with care."))
    text.write_text(text.read_text().replace("{{ why_footer }}", "{{ why_footer }} Sent with care."))
    built = run("build", str(course_copy))
    assert built.exit_code == 0 and "Warning" not in built.output
    first = sorted((course_copy / "build").glob("01-*"))
    assert all("Sent with care." in p.read_text() for p in first), [p.name for p in first]


def test_copy_never_overwrites(course_copy: Path) -> None:
    assert run("templates", str(course_copy), "--copy", "partials/teaser.mjml.j2").exit_code == 0
    mine = course_copy / "templates" / "partials" / "teaser.mjml.j2"
    mine.write_text("<mj-section></mj-section>\n")
    again = run("templates", str(course_copy), "--copy", "partials/teaser.mjml.j2")
    assert again.exit_code == 0 and "nothing was overwritten" in again.output
    assert mine.read_text() == "<mj-section></mj-section>\n"
    unknown = run("templates", str(course_copy), "--copy", "partials/nope.mjml.j2")
    assert unknown.exit_code == 1 and "course templates" in unknown.output


def test_an_html_partial_without_its_text_twin_is_a_warning(course_copy: Path) -> None:
    assert run("templates", str(course_copy), "--copy", "partials/footer.mjml.j2").exit_code == 0
    (course_copy / "templates" / "partials" / "footer.txt.j2").unlink()
    built = run("build", str(course_copy))
    assert built.exit_code == 0
    assert "Warning: templates/partials/footer.mjml.j2: yours, but its twin partials/footer.txt.j2" in built.output
    check = run("check", str(course_copy), "--no-spam", "--format", "json")
    codes = {f["code"] for f in json.loads(check.output)["findings"]}
    assert "templates.unpaired" in codes


def test_a_signature_set_once_reaches_the_html_and_the_text(course_copy: Path) -> None:
    toml = course_copy / "course.toml"
    toml.write_text(toml.read_text().replace("[sender]\n", '[sender]\nsignature = "Alistair\\nSales coach"\n', 1))
    assert run("build", str(course_copy)).exit_code == 0
    html = next((course_copy / "build").glob("02-*.html")).read_text()
    text = next((course_copy / "build").glob("02-*.txt")).read_text()
    assert re.search(r"Alistair<br\s*/?>Sales coach", html)
    assert "\nAlistair\nSales coach\n" in text


def test_unpin_lets_the_schedule_decide_and_touches_only_the_day_lines(tmp_path: Path) -> None:
    out = tmp_path / "c"
    assert run("split", str(SEED), "-o", str(out), "--pin-days").exit_code == 0
    toml = out / "course.toml"
    toml.write_text(toml.read_text().replace("every = 1 ", "every = 3 "))
    assert _sequence_days(out) == [0, 1, 2, 3, 4]  # pinned: the schedule changes nothing
    before = {name: data.decode() for name, data in _files(out).items()}
    result = run("lessons", str(out), "--unpin")
    assert result.exit_code == 0 and "Unpinned 5 lessons" in result.output
    after = {name: data.decode() for name, data in _files(out).items()}
    without_day = {
        name: "".join(line for line in text.splitlines(keepends=True) if not line.startswith("day:"))
        for name, text in before.items()
    }
    assert after == without_day and after != before
    assert _sequence_days(out) == [0, 3, 6, 9, 12]


def _sequence_days(course: Path) -> list[int]:
    assert run("build", str(course)).exit_code == 0
    return [row["day"] for row in json.loads((course / "build" / "sequence.json").read_text())["lessons"]]
