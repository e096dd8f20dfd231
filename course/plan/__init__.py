"""Plan the lessons of an article: where to cut (cuts.py), then each lesson's title, subject, preheader, slug and
day (fields.py). Pure functions of an Article: no files, no network."""

from __future__ import annotations

from .cuts import WEIGHTS, PlannedLesson, Weights, plan_lessons
from .fields import APOSTROPHES, LESSON_SLUG_MAX, PREHEADER_MAX, SUBJECT_LONGEST, SUBJECT_MAX, slug_of

__all__ = [
    "APOSTROPHES", "LESSON_SLUG_MAX", "PREHEADER_MAX", "SUBJECT_LONGEST", "SUBJECT_MAX", "WEIGHTS", "PlannedLesson",
    "Weights", "plan_lessons", "slug_of",
]  # fmt: skip
