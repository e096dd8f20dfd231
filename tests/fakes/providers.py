"""Fake Kit and Postmark APIs on a real local HTTP server, checking every request against the documented API.

Each fake enforces its provider's auth header, paths, required and allowed JSON fields (an unknown field is a
422, as a strict API would answer), keeps state like the real service, and can be told to fail: a status with
headers for the next N matching requests, or a slow answer.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

Response = tuple[int, dict[str, str], Any]


@dataclass
class Failure:
    method: str
    path: str  # a regex matched against the path
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    times: int = 1
    delay: float = 0.0


class FakeAPI:
    """The shared machinery; subclasses add routes and state."""

    name = ""
    secret = ""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.failures: list[Failure] = []
        self.lock = threading.Lock()

    @property
    def writes(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] in ("POST", "PUT", "PATCH", "DELETE")]

    def fail(self, method: str, path: str, status: int, times: int = 1, **kwargs: Any) -> None:
        self.failures.append(Failure(method, path, status, times=times, **kwargs))

    def dispatch(self, method: str, url: str, headers: dict[str, str], body: bytes) -> Response:
        parts = urlsplit(url)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        data = json.loads(body) if body else None
        failing: Failure | None = None
        with self.lock:
            self.requests.append(
                {"method": method, "path": parts.path, "query": query, "headers": headers, "json": data}
            )
            for failure in self.failures:
                if failure.times and failure.method == method and re.fullmatch(failure.path, parts.path):
                    failure.times -= 1
                    failing = failure
                    break
            if failing is None:
                return self.check_auth(headers) or self.route(method, parts.path, query, data)
        if failing.delay:
            time.sleep(failing.delay)  # outside the lock: other requests are served meanwhile
        return failing.status, failing.headers, failing.body

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        raise NotImplementedError

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        raise NotImplementedError


def require_fields(data: Any, required: set[str], allowed: set[str]) -> str | None:
    """Why the JSON body breaks the documented schema, or None."""
    if not isinstance(data, dict):
        return "the body must be a JSON object"
    missing = sorted(required - set(data))
    if missing:
        return f"missing required field(s): {', '.join(missing)}"
    unknown = sorted(set(data) - allowed)
    if unknown:
        return f"unknown field(s): {', '.join(unknown)}"
    return None


class KitAPI(FakeAPI):
    """Kit API v4: sequences and sequence emails (developers.kit.com/api-reference)."""

    name = "kit"
    secret = "kit_test_secret_key_0123456789"
    EMAIL_FIELDS: ClassVar[set[str]] = {
        "subject", "preview_text", "content", "delay_value", "delay_unit", "send_days", "position",
        "email_template_id", "published",
    }  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.sequences: dict[int, dict[str, Any]] = {}
        self.emails: dict[int, dict[str, Any]] = {}
        self.next_id = 100

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        if headers.get("x-kit-api-key") != self.secret:
            return 401, {}, {"errors": ["The access token is invalid"]}
        return None

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        if path == "/v4/sequences" and method == "GET":
            return 200, {}, {"sequences": list(self.sequences.values()), "pagination": _page()}
        if path == "/v4/sequences" and method == "POST":
            problem = require_fields(data, {"name"}, {"name", "email_address", "email_template_id", "send_days",
                                                       "send_hour", "time_zone", "repeat", "hold"})  # fmt: skip
            if problem:
                return 422, {}, {"errors": [problem]}
            sequence = {"id": self._id(), "name": data["name"], "hold": False, "repeat": False,
                        "created_at": "2026-11-27T00:00:00Z", "subscriber_count": 0}  # fmt: skip
            self.sequences[sequence["id"]] = sequence
            return 201, {}, {"sequence": sequence}
        match = re.fullmatch(r"/v4/sequences/(\d+)/emails(?:/(\d+))?", path)
        if not match or int(match.group(1)) not in self.sequences:
            return 404, {}, {"errors": ["Not Found"]}
        sequence_id, email_id = int(match.group(1)), match.group(2)
        mine = sorted((e for e in self.emails.values() if e["sequence_id"] == sequence_id), key=lambda e: e["position"])
        if method == "GET" and email_id is None:
            include = query.get("include_content") == "true"
            shown = [{k: v for k, v in e.items() if include or k != "content"} for e in mine]
            return 200, {}, {"emails": shown, "pagination": _page()}
        if method == "POST" and email_id is None:
            problem = require_fields(data, {"subject", "delay_value", "delay_unit"}, self.EMAIL_FIELDS)
            problem = problem or self._check_timing(data, data.get("position", len(mine)))
            if problem:
                return 422, {}, {"errors": [problem]}
            email = {"id": self._id(), "sequence_id": sequence_id, "preview_text": None, "content": None,
                     "published": False, "position": len(mine), "send_days": [], **data}  # fmt: skip
            self.emails[email["id"]] = email
            return 201, {}, {"email": email}
        if method == "PUT" and email_id is not None:
            email = self.emails.get(int(email_id))
            if email is None:
                return 404, {}, {"errors": ["Not Found"]}
            problem = require_fields(data, set(), self.EMAIL_FIELDS) or self._check_timing(
                {**email, **data}, data.get("position", email["position"])
            )
            if problem:
                return 422, {}, {"errors": [problem]}
            email.update(data)
            return 200, {}, {"email": email}
        return 405, {}, {"errors": ["Method Not Allowed"]}

    @staticmethod
    def _check_timing(data: dict[str, Any], position: int) -> str | None:
        if data.get("delay_unit") not in ("days", "hours"):
            return "delay_unit must be days or hours"
        if not isinstance(data.get("delay_value"), int) or data["delay_value"] < 0:
            return "delay_value must be a whole number"
        if data["delay_value"] == 0 and position != 0:
            return "only the first email in a sequence can be sent immediately"
        return None


class PostmarkAPI(FakeAPI):
    """Postmark's templates API (postmarkapp.com/developer/api/templates-api)."""

    name = "postmark"
    secret = "postmark-server-token-0123456789"
    FIELDS: ClassVar[set[str]] = {"Name", "Alias", "Subject", "HtmlBody", "TextBody", "TemplateType", "LayoutTemplate"}

    def __init__(self) -> None:
        super().__init__()
        self.templates: dict[int, dict[str, Any]] = {}
        self.next_id = 1000

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        if headers.get("x-postmark-server-token") != self.secret:
            return 401, {}, {"ErrorCode": 10, "Message": "Request does not contain a valid Server token."}
        if "application/json" not in headers.get("accept", ""):
            return 406, {}, {"ErrorCode": 0, "Message": "Accept header must be application/json"}
        return None

    def _find(self, key: str) -> dict[str, Any] | None:
        for template in self.templates.values():
            if str(template["TemplateId"]) == key or template["Alias"] == key:
                return template
        return None

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        if path == "/templates" and method == "GET":
            if "count" not in query or "offset" not in query:
                return 422, {}, {"ErrorCode": 1109, "Message": "count and offset are required"}
            count, offset = int(query["count"]), int(query["offset"])
            if not 1 <= count <= 500:
                return 422, {}, {"ErrorCode": 1109, "Message": "count must be between 1 and 500"}
            items = [
                {key: t[key] for key in ("TemplateId", "Name", "Alias", "TemplateType", "Active", "LayoutTemplate")}
                for t in self.templates.values()
                if query.get("templateType", "All") in ("All", t["TemplateType"])
            ]
            return 200, {}, {"TotalCount": len(items), "Templates": items[offset : offset + count]}
        if path == "/templates" and method == "POST":
            problem = require_fields(data, {"Name"}, self.FIELDS)
            if problem or not (data.get("HtmlBody") or data.get("TextBody")):
                return 422, {}, {"ErrorCode": 300, "Message": problem or "Provide HtmlBody or TextBody"}
            if data.get("TemplateType", "Standard") == "Standard" and not data.get("Subject"):
                return 422, {}, {"ErrorCode": 300, "Message": "Subject is required for Standard templates"}
            alias = data.get("Alias")
            if alias is not None and not re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", alias):
                return 422, {}, {"ErrorCode": 1120, "Message": "Invalid alias"}
            if alias and self._find(alias):
                return 422, {}, {"ErrorCode": 1121, "Message": "The alias is already in use"}
            self.next_id += 1
            template = {"TemplateId": self.next_id, "Active": True, "TemplateType": "Standard", "LayoutTemplate": None,
                        "Alias": None, "Subject": "", "HtmlBody": "", "TextBody": "", **data}  # fmt: skip
            self.templates[self.next_id] = template
            return 200, {}, {key: template[key] for key in ("TemplateId", "Name", "Active", "Alias", "TemplateType")}
        match = re.fullmatch(r"/templates/([^/]+)", path)
        if match:
            template = self._find(match.group(1))
            if template is None:
                return 422, {}, {"ErrorCode": 1101, "Message": "The Template's 'id' or 'alias' was not found."}
            if method == "GET":
                return 200, {}, template
            if method == "PUT":
                problem = require_fields(data, set(), self.FIELDS - {"TemplateType"})
                if problem:
                    return 422, {}, {"ErrorCode": 300, "Message": problem}
                template.update(data)
                return (
                    200,
                    {},
                    {key: template[key] for key in ("TemplateId", "Name", "Active", "Alias", "TemplateType")},
                )
        return 404, {}, {"ErrorCode": 404, "Message": "Not found"}


def _page() -> dict[str, Any]:
    return {"has_previous_page": False, "has_next_page": False, "start_cursor": None, "end_cursor": None,
            "per_page": 500}  # fmt: skip


@contextmanager
def serve(api: FakeAPI) -> Iterator[str]:
    """Run the fake on a free loopback port; yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, extra, payload = api.dispatch(self.command, self.path, headers, body)
            data = payload if isinstance(payload, bytes) else (b"" if payload is None else json.dumps(payload).encode())
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for key, value in extra.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join()
