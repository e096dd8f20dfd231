"""The one exception type users see: a message that says what to do, and an exit code."""

from __future__ import annotations

import click


class CourseError(click.ClickException):
    """An expected failure caused by the user's input; shown as one line `Error: …`, exit code 1."""

    exit_code = 1


def where(path: object, line: int | None = None) -> str:
    """Format a location as `path:line` for error messages."""
    return f"{path}:{line}" if line else str(path)
