"""What every provider's upload shares: the planned action per lesson and the uploader interface."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .base import ExportedLesson, Provider


@dataclass
class Action:
    """What the upload will do with one lesson."""

    lesson: ExportedLesson
    verb: str  # "create", "update" or "unchanged"
    remote_id: str | None = None
    changes: list[str] = field(default_factory=list)
    payload: dict[str, Any] = field(default_factory=dict)


class Uploader:
    """One provider's API conversation: read the remote state, then create or update lesson by lesson."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        self.provider = provider
        self.credentials = credentials
        self.api_url = api_url
        self.options = options
        self.notes: list[str] = []  # shown with the plan (e.g. a sequence to create, subscribers present)
        self.confirm: str | None = None  # a question the user must answer yes to before anything is written

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        raise NotImplementedError

    def prepare(self) -> None:
        """Create what the lessons live in (a Kit sequence), once, before the first write."""

    def apply(self, action: Action) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Release connections."""


def changed_fields(remote: Mapping[str, Any], desired: Mapping[str, Any]) -> list[str]:
    """The keys whose remote value differs from the one we would send (missing counts as different)."""
    return [key for key, value in desired.items() if remote.get(key) != value]
