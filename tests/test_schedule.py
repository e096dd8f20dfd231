"""The schedule lives in course.toml: every lesson's day follows [schedule] unless its front matter pins it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from course.model import Schedule
from course.plan.schedule import lesson_days, send_dates

from .conftest import SEED, run


def _set_schedule(course: Path, lines: str) -> None:
    toml = course / "course.toml"
    text = toml.read_text()
    start = text.index("[schedule]\n")
    end = text.index("\n[", start + 1)
    toml.write_text(text[:start] + "[schedule]\n" + lines.strip() + "\n" + text[end:])


def _pin(course: Path, number: int, day: int | None) -> Path:
    lesson = sorted((course / "lessons").glob("*.md"))[number - 1]
    lines = [line for line in lesson.read_text().split("\n") if not line.startswith("day:")]
    if day is not None:
        lines.insert(1, f"day: {day}")
    lesson.write_text("\n".join(lines))
    return lesson


def _sequence(course: Path) -> list[dict]:
    result = run("build", str(course))
    assert result.exit_code == 0, result.output
    return json.loads((course / "build" / "sequence.json").read_text())["lessons"]


def _days(course: Path) -> list[int]:
    return [row["day"] for row in _sequence(course)]


def test_split_writes_no_day_and_the_schedule_decides(course_copy: Path) -> None:
    assert not any("\nday:" in p.read_text() for p in (course_copy / "lessons").glob("*.md"))
    assert _days(course_copy) == [0, 1, 2, 3, 4]
    _set_schedule(course_copy, "every = 2")
    assert _days(course_copy) == [0, 2, 4, 6, 8]
    _set_schedule(course_copy, "days = [0, 1, 3]")
    assert _days(course_copy) == [0, 1, 3, 5, 7]  # continued at the list's last gap


def test_a_schedule_change_reaches_every_export(course_copy: Path, tmp_path: Path) -> None:
    _set_schedule(course_copy, "every = 2")
    result = run("export", str(course_copy), "--esp", "kit", "-o", str(tmp_path / "kit"), "--allow-placeholders")
    assert result.exit_code == 0, result.output
    emails = json.loads((tmp_path / "kit" / "kit-sequence.json").read_text())["emails"]
    assert [e["delay_value"] for e in emails] == [0, 2, 2, 2, 2]
    csv_days = [line.split(",")[1] for line in (tmp_path / "kit" / "sequence.csv").read_text().splitlines()[1:]]
    assert csv_days == ["0", "2", "4", "6", "8"]


def test_a_pin_moves_its_lesson_alone_when_it_fits(course_copy: Path) -> None:
    _set_schedule(course_copy, "every = 2")
    _pin(course_copy, 3, 5)
    rows = _sequence(course_copy)
    assert [r["day"] for r in rows] == [0, 2, 5, 6, 8]
    assert [r["pinned"] for r in rows] == [False, False, True, False, False]
    assert rows[2]["when"] == "3 days after lesson 2 (pinned to day 5)"


def test_a_pin_later_than_the_next_slots_carries_them_at_the_rhythm(course_copy: Path) -> None:
    _set_schedule(course_copy, "every = 2")
    _pin(course_copy, 3, 10)
    assert _days(course_copy) == [0, 2, 10, 12, 14]  # lessons 4 and 5 never arrive before lesson 3


def test_the_last_lesson_pinned_moves_alone(course_copy: Path) -> None:
    _set_schedule(course_copy, "every = 2")
    _pin(course_copy, 5, 20)
    assert _days(course_copy) == [0, 2, 4, 6, 20]


def test_a_pin_that_goes_down_is_one_error_naming_both_lessons(course_copy: Path) -> None:
    _set_schedule(course_copy, "every = 2")
    lesson = _pin(course_copy, 4, 1)
    result = run("build", str(course_copy))
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    previous = sorted((course_copy / "lessons").glob("*.md"))[2].name
    assert lesson.name in line and previous in line and "lesson 3's day 4" in line
    assert "pin lesson 4 to day 4 or later, or remove its `day:` line" in line


def test_a_lesson_added_without_a_day_just_follows(course_copy: Path) -> None:
    (course_copy / "lessons" / "06-bonus.md").write_text("---\ntitle: Bonus\n---\n\nOne more idea for you.\n")
    assert _days(course_copy) == [0, 1, 2, 3, 4, 5]


def test_weekdays_only_from_a_friday_skips_the_weekend(course_copy: Path) -> None:
    _set_schedule(course_copy, "every = 1\nweekdays_only = true\nstart = 2026-12-04")  # a Friday
    rows = _sequence(course_copy)
    assert [r["send_on"] for r in rows] == ["2026-12-04", "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"]
    assert rows[1]["when"] == "1 day after lesson 1: Monday 7 December 2026, after the weekend"
    assert [r["day"] for r in rows] == [0, 1, 2, 3, 4]
    text = (course_copy / "build" / rows[0]["text"]).read_text()
    assert "arrives in 3 days" in text  # Friday to Monday


def test_weekdays_only_reaches_kit_as_send_days(course_copy: Path, tmp_path: Path) -> None:
    _set_schedule(course_copy, "weekdays_only = true")
    rows = _sequence(course_copy)
    assert rows[1]["when"] == "1 day after lesson 1; on a Saturday or Sunday it waits for Monday"
    assert "arrives on the next weekday" in (course_copy / "build" / rows[0]["text"]).read_text()
    run("export", str(course_copy), "--esp", "kit", "-o", str(tmp_path / "kit"), "--allow-placeholders")
    sequence = json.loads((tmp_path / "kit" / "kit-sequence.json").read_text())
    weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"]
    assert sequence["sequence"]["send_days"] == weekdays
    assert len(sequence["emails"][0]["send_days"]) == 7  # the first lesson goes on sign-up, any day
    assert all(e["send_days"] == weekdays for e in sequence["emails"][1:])
    assert "Monday to Friday only" in (tmp_path / "kit" / "IMPORT.md").read_text()


def test_pin_days_writes_the_days_and_a_rerun_split_keeps_the_schedule(tmp_path: Path) -> None:
    out = tmp_path / "c"
    assert run("split", str(SEED), "-o", str(out), "--pin-days").exit_code == 0
    lessons = sorted((out / "lessons").glob("*.md"))
    assert [p.read_text().split("\nday: ")[1].split("\n")[0] for p in lessons] == ["0", "1", "2", "3", "4"]


@pytest.mark.parametrize(
    ("pins", "every", "expected"),
    [
        ([None] * 4, 3, [0, 3, 6, 9]),
        ([None, 5, None, None], 1, [0, 5, 6, 7]),
        ([None, None, None, 1], 1, [0, 1, 2, 1]),  # a conflict: reported, the day kept as written
        ([None, None, None], 0, [0, 0, 0]),
    ],
)
def test_lesson_days(pins: list[int | None], every: int, expected: list[int]) -> None:
    days, conflicts = lesson_days(pins, Schedule(every=every))
    assert days == expected
    assert bool(conflicts) == (expected != sorted(expected))


def test_send_dates_wait_for_monday_only_when_asked() -> None:
    friday = dt.date(2026, 12, 4)
    assert send_dates([0, 1, 2], Schedule(start=friday))[1:] == [dt.date(2026, 12, 5), dt.date(2026, 12, 6)]
    assert send_dates([0, 1, 2], Schedule(start=friday, weekdays_only=True))[1:] == [
        dt.date(2026, 12, 7),
        dt.date(2026, 12, 8),
    ]
    assert send_dates([0, 1], Schedule()) is None
