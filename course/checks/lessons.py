"""Checks across the lessons: the same subject twice, a lesson far longer or shorter than the others."""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from .model import LessonsContext
from .registry import Problem, check

LONG, SHORT = 2.5, 0.4  # times the median length


@check("subject.duplicate", "warning", "the same subject as another lesson", "lessons")
def subject_duplicate(ctx: LessonsContext) -> Iterator[Problem]:
    subjects: dict[str, int] = {}
    for report in ctx.reports:
        key = report.subject.strip().lower()
        if key and key in subjects:
            yield Problem(
                f"the subject is the same as lesson {subjects[key]}'s: make each one specific", lesson=report.number
            )
        subjects.setdefault(key, report.number)


@check("length.outlier", "warning / info", f"a lesson over {LONG}× or under {SHORT}× the median length (a short "
       "first lesson is a welcome, not flagged)", "lessons")  # fmt: skip
def length_outlier(ctx: LessonsContext) -> Iterator[Problem]:
    words = [r.words for r in ctx.reports if r.words]
    if len(words) < 3:
        return
    middle = statistics.median(words)
    for report in ctx.reports:
        if report.words > LONG * middle:
            yield Problem(
                f"{report.words} words, far more than the other lessons (median {middle:.0f}): split it or move some "
                "to its neighbours",
                lesson=report.number,
            )
        elif 0 < report.words < SHORT * middle and report.number > 1:  # a short first lesson: the welcome
            yield Problem(
                f"{report.words} words, far fewer than the other lessons (median {middle:.0f}): merge it with a "
                "neighbour?",
                lesson=report.number,
                severity="info",
            )
