"""When each lesson is sent: [schedule] gives every lesson its day, a `day:` in a lesson's front matter pins it.

The schedule's slot for the lesson in position i is `days[i]` when course.toml lists the days (continued at its
last gap), else `i * every`. A pinned lesson takes its own day; a lesson after it keeps its slot when the slot
still comes later, and otherwise follows it at the schedule's gap, so that pinning lesson 3 later moves lesson 3
alone when it can, and never puts lesson 4 before it. Days never go down: a pinned day before the previous
lesson's day is a conflict, reported with both lessons.

`day` counts days after sign-up (lesson 1 is day 0). With `weekdays_only`, a lesson that would fall on a Saturday
or Sunday waits for Monday (what Kit does with a sequence's send days); the first lesson still goes on sign-up.
With a `start` date (a cohort that starts together), each lesson also gets its calendar date.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Schedule

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEND_DAYS_WEEKDAYS = WEEKDAYS[:5]


def slots(count: int, schedule: Schedule) -> list[int]:
    """The schedule's day for each position: the listed days (continued at their last gap), else every N days."""
    if not schedule.days:
        return [i * schedule.every for i in range(count)]
    result = list(schedule.days[:count])
    gap = result[-1] - result[-2] if len(result) > 1 else schedule.every
    while len(result) < count:
        result.append(result[-1] + gap)
    return result


@dataclass(frozen=True)
class Conflict:
    """A pinned day before the previous lesson's day (positions are 0-based)."""

    position: int
    day: int
    previous_day: int
    previous_pinned: bool


def lesson_days(pins: Sequence[int | None], schedule: Schedule) -> tuple[list[int], list[Conflict]]:
    """Each lesson's day from its pin (front matter `day:`) or the schedule, and every pin that goes down."""
    natural = slots(len(pins), schedule)
    days: list[int] = []
    conflicts: list[Conflict] = []
    for position, pin in enumerate(pins):
        if position == 0:
            days.append(0 if pin is None else pin)
            continue
        previous = days[-1]
        if pin is not None:
            if pin < previous:
                conflicts.append(Conflict(position, pin, previous, pins[position - 1] is not None))
            days.append(pin)
            continue
        gap = natural[position] - natural[position - 1]
        keeps_slot = natural[position] > previous or (gap == 0 and natural[position] >= previous)
        days.append(natural[position] if keeps_slot else previous + gap)
    return days, conflicts


def next_sending_day(date: dt.date, schedule: Schedule) -> dt.date:
    """`date`, or the Monday after it when lessons go on weekdays only and it is a weekend."""
    if schedule.weekdays_only:
        while date.weekday() >= 5:
            date += dt.timedelta(days=1)
    return date


def send_dates(days: Sequence[int], schedule: Schedule) -> list[dt.date] | None:
    """The calendar date of each lesson when [schedule] has a start date, else None (each subscriber's own)."""
    if schedule.start is None:
        return None
    dates = [schedule.start]
    for previous, day in itertools.pairwise(days):
        dates.append(next_sending_day(dates[-1] + dt.timedelta(days=day - previous), schedule))
    return dates


def send_days(schedule: Schedule) -> list[str] | None:
    """The weekdays lessons may go out on, for providers that take them (Kit's send_days); None: every day."""
    return list(SEND_DAYS_WEEKDAYS) if schedule.weekdays_only else None
