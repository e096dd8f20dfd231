"""What every provider's upload shares: the planned action per lesson and the uploader interface."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
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
        self.receipt = Receipt(provider.course.root, provider.name)

    def digest(self, lesson: ExportedLesson) -> str:
        """A fingerprint of what is sent for a lesson, to tell an edited lesson from an unchanged one."""
        return content_hash(lesson.subject, lesson.preheader, lesson.html, lesson.text)

    def body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """The provider's request body for a lesson (every provider with an uploader has one)."""
        body = self.provider.request_body(lesson)
        if body is None:
            raise NotImplementedError(f"{self.provider.name} has no request body")
        return body

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        raise NotImplementedError

    def match_by_name(
        self, lessons: list[ExportedLesson], remotes: list[dict[str, Any]],
        existing: Callable[[ExportedLesson, dict[str, Any], dict[str, Any]], Action],
    ) -> list[Action]:  # fmt: skip
        """The plan where a lesson's remote object carries its name: a lesson no object is named after is created;
        for the others `existing(lesson, body, remote)` says update or unchanged."""
        by_name = {remote.get("name"): remote for remote in remotes}
        actions = []
        for lesson in lessons:
            body = self.body(lesson)
            remote = by_name.get(lesson.name)
            actions.append(Action(lesson, "create", lesson.key, payload=body) if remote is None else (
                existing(lesson, body, remote)
            ))  # fmt: skip
        return actions

    def by_receipt(self, lesson: ExportedLesson, remote_id: str, changes: list[str], payload: dict[str, Any]) -> Action:
        """For an API that does not give back what was sent (a template's HTML): unchanged when the receipt says
        this very content went to this very object, else an update (of `changes`, for the plan) with `payload`."""
        if self.receipt.unchanged(lesson.key, remote_id, self.digest(lesson)):
            return Action(lesson, "unchanged", remote_id)
        return Action(lesson, "update", remote_id, changes, payload)

    def api_client(self, label: str, base_url: str, *, credential_names: list[str], secret: str, **options: Any) -> Any:
        """The shared HTTP client (http.py) for this provider, closed by `close()`."""
        if "sleep" in self.options:
            options["sleep"] = self.options["sleep"]
        self.client = ApiClient(label, base_url, credential_names=credential_names, secrets=[secret], **options)
        return self.client

    def prepare(self) -> None:
        """Create what the lessons live in (a Kit sequence), once, before the first write."""

    def apply(self, action: Action) -> str | None:
        """Create or update one lesson; the remote id when the answer gives it."""
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


class Receipt:
    """What the last uploads to a provider did, kept in DIR/.course/uploads/<provider>.json: per lesson its remote
    id, a fingerprint of what was sent, what was done and when. Never a secret.

    The provider's own listing always decides whether a lesson exists (a lost receipt causes no duplicates); the
    receipt adds what some APIs cannot give back (a template's HTML: was the lesson changed since?) and the id of
    an object that has no name to find it by (a Buttondown draft).
    """

    def __init__(self, root: Path, provider: str) -> None:
        self.provider = provider
        self.path = Path(root) / ".course" / "uploads" / f"{provider}.json"
        self.entries: dict[str, dict[str, Any]] = {}
        legacy = Path(root) / ".course" / f"upload-{provider}.json"  # written by course 0.1 for three providers
        for path in (legacy, self.path):
            if path.is_file():
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                except ValueError:
                    continue
                lessons = data.get("lessons", data) if isinstance(data, dict) else {}
                self.entries.update({k: v for k, v in lessons.items() if isinstance(v, dict)})

    def remote_id(self, key: str) -> str | None:
        entry = self.entries.get(key, {})
        found = entry.get("remote_id", entry.get("id"))
        return str(found) if found else None

    def unchanged(self, key: str, remote_id: str, digest: str) -> bool:
        return self.remote_id(key) == str(remote_id) and self.entries.get(key, {}).get("hash") == digest

    def record(self, number: int, key: str, remote_id: str | None, digest: str, verb: str) -> None:
        """Note what was done to one lesson (`verb`: create, update or unchanged), at once: a failure later keeps
        what was done before it. An unchanged lesson keeps when it was last written and gains when it was checked."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        before = self.entries.get(key, {})
        entry = {"number": number, "remote_id": remote_id or self.remote_id(key), "hash": digest}
        if verb == "unchanged" and before.get("hash") == digest and before.get("at"):
            entry |= {"done": before.get("done", "created"), "at": before["at"], "checked": now}
        else:
            done = {"create": "created", "update": "updated"}.get(verb, "found up to date")
            entry |= {"done": done, "at": now}
        self.entries[key] = entry
        document = {"provider": self.provider, "lessons": dict(sorted(self.entries.items()))}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
