"""What every provider's upload shares: the planned action per lesson and the uploader interface."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .base import ExportedLesson, Provider
from .http import ApiClient


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

    client: Any  # the provider's API client (http.py's ApiClient, or boto3's for SES)

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        self.provider = provider
        self.credentials = credentials
        self.api_url = api_url
        self.options = options
        self.notes: list[str] = []  # shown with the plan (e.g. a sequence to create, subscribers present)
        self.confirm: str | None = None  # a question the user must answer yes to before anything is written

    def body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """The provider's request body for a lesson (every provider with an uploader has one)."""
        body = self.provider.request_body(lesson)
        if body is None:
            raise NotImplementedError(f"{self.provider.name} has no request body")
        return body

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        raise NotImplementedError

    def api_client(self, label: str, base_url: str, *, credential_names: list[str], secret: str, **options: Any) -> Any:
        """The shared HTTP client (http.py) for this provider, closed by `close()`."""
        if "sleep" in self.options:
            options["sleep"] = self.options["sleep"]
        self.client = ApiClient(label, base_url, credential_names=credential_names, secrets=[secret], **options)
        return self.client

    def prepare(self) -> None:
        """Create what the lessons live in (a Kit sequence), once, before the first write."""

    def apply(self, action: Action) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Release connections."""
        client = getattr(self, "client", None)
        if client is not None:
            client.close()


def changed_fields(remote: Mapping[str, Any], desired: Mapping[str, Any]) -> list[str]:
    """The keys whose remote value differs from the one we would send (missing counts as different)."""
    return [key for key, value in desired.items() if remote.get(key) != value]


def compared(
    lesson: ExportedLesson, remote_id: str, remote: Mapping[str, Any], wanted: Mapping[str, Any],
    payload: dict[str, Any] | None = None,
) -> Action:  # fmt: skip
    """An update of the fields that differ (the whole `payload` when given), or unchanged when none do."""
    changes = changed_fields(remote, wanted)
    body = payload if payload is not None else {key: wanted[key] for key in changes}
    return Action(lesson, "update" if changes else "unchanged", remote_id, changes, body)


def content_hash(*parts: object) -> str:
    """A short fingerprint of what we send, to tell an unchanged lesson from an edited one."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


class UploadState:
    """What was last uploaded to a provider whose API cannot give content back: key -> remote id and hash.

    Kept in DIR/.course/upload-<provider>.json. Existence is always checked against the provider (no duplicates
    even if this file is lost); the file only saves re-sending lessons that did not change.
    """

    def __init__(self, root: Path, provider: str) -> None:
        self.path = Path(root) / ".course" / f"upload-{provider}.json"
        self.entries: dict[str, dict[str, str]] = {}
        if self.path.is_file():
            try:
                self.entries = json.loads(self.path.read_text(encoding="utf-8"))
            except ValueError:
                self.entries = {}

    def unchanged(self, key: str, remote_id: str, digest: str) -> bool:
        entry = self.entries.get(key, {})
        return entry.get("id") == str(remote_id) and entry.get("hash") == digest

    def record(self, key: str, remote_id: str, digest: str) -> None:
        self.entries[key] = {"id": str(remote_id), "hash": digest}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.entries, indent=2, sort_keys=True) + "\n", encoding="utf-8")
