"""The checks of `course check`: each is one small function registered with its code, its severity and when it
fires. The README's table of codes is made from this registry (`checks_table`), so the two cannot drift.

A check looks at one of four things, its scope:
  "course"   the course settings (SettingsContext)
  "source"   a lesson as the author wrote it, with line numbers (SourceContext)
  "email"    a lesson's final email in the dialect checked (EmailContext)
  "lessons"  all lessons together, after the others ran (LessonsContext)
and yields `Problem`s; the runner turns them into Findings with the check's code and severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SCOPES = ("course", "source", "email", "lessons")


@dataclass(frozen=True)
class Problem:
    """What a check found: a message that says what to do, and where when the check knows better than the lesson."""

    message: str
    where: str | None = None
    severity: str | None = None  # only where the check's severity depends on the finding (sizes, spam scores)
    lesson: int | None = None  # the lesson a "lessons" check found it in


@dataclass(frozen=True)
class Check:
    code: str  # stable, e.g. "size.gmail-clip"
    severity: str  # "error", "warning" or "info"; "warning / error" where it depends (the table shows it)
    when: str  # when it fires, for the README table
    scope: str
    run: Callable[[Any], Iterable[Problem]] | None  # None: a finding the runner makes itself (render.failed)

    @property
    def default_severity(self) -> str:
        return self.severity.split(" / ")[0]


CHECKS: list[Check] = []


def check(code: str, severity: str, when: str, scope: str) -> Callable[[Callable[[Any], Iterable[Problem]]], Any]:
    """Register the decorated function as the check `code`."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")

    def register(function: Callable[[Any], Iterable[Problem]]) -> Callable[[Any], Iterable[Problem]]:
        CHECKS.append(Check(code, severity, when, scope, function))
        return function

    return register


def documented(code: str, severity: str, when: str, scope: str) -> None:
    """A code the runner reports itself (it has no function of its own), listed for the table."""
    CHECKS.append(Check(code, severity, when, scope, None))


def checks_in(scope: str) -> list[Check]:
    return [c for c in CHECKS if c.scope == scope and c.run is not None]


@dataclass
class TableRow:
    code: str
    severities: list[str] = field(default_factory=list)
    whens: list[str] = field(default_factory=list)


def checks_table() -> str:
    """The Markdown table of every code, its severity and when it fires: one row per code, in the order the
    pipeline meets them (settings, the lesson as written, the email, across lessons)."""
    rows: dict[str, TableRow] = {}
    for item in sorted(CHECKS, key=lambda c: SCOPES.index(c.scope)):
        row = rows.setdefault(item.code, TableRow(item.code))
        for severity in item.severity.split(" / "):
            if severity not in row.severities:
                row.severities.append(severity)
        if item.when not in row.whens:
            row.whens.append(item.when)
    lines = ["| code | severity | when |", "|---|---|---|"]
    for row in rows.values():
        severities = " / ".join(sorted(row.severities, key=SEVERITY_ORDER.__getitem__))
        when = "; ".join(row.whens).replace("|", "\\|")
        lines.append(f"| `{row.code}` | {severities} | {when} |")
    return "\n".join(lines) + "\n"
