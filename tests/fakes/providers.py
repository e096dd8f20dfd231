"""Fakes of the providers' APIs on a real local HTTP server, checking every request against the documented API.

Each fake enforces its provider's auth header, paths, required and allowed JSON fields (an unknown field is a
422, as a strict API would answer), keeps state like the real service, pages its listings the way the service
does (with its maximum page size), and can be told to fail: a status with headers for the next N matching
requests, or a slow answer. `seed(n)` fills the account with n objects that are not the course's, so that the
course's own land beyond the first page of a listing.
"""

from __future__ import annotations

import base64
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

    def seed(self, count: int) -> None:
        """Fill the account with `count` objects that are not the course's."""
        raise NotImplementedError

    def pages_served(self, path: str) -> int:
        return sum(1 for r in self.requests if r["method"] == "GET" and re.fullmatch(path, r["path"]))


def cursor_of(number: int) -> str:
    return base64.urlsafe_b64encode(f"position:{number}".encode()).decode()


def position_of(cursor: str) -> int:
    return int(base64.urlsafe_b64decode(cursor.encode()).decode().split(":")[1])


def cursor_page(items: list[dict[str, Any]], query: dict[str, str], cap: int | None = None) -> tuple[list, dict]:
    """Kit v4's cursor pagination: per_page (default 500, at most 1000) items after the cursor."""
    per_page = int(query.get("per_page", 500))
    if not 1 <= per_page <= 1000:
        raise ValueError("per_page must be between 1 and 1000")
    size = min(per_page, cap or per_page)
    start = position_of(query["after"]) if query.get("after") else 0
    page = items[start : start + size]
    end = start + len(page)
    pagination = {"has_previous_page": start > 0, "has_next_page": end < len(items),
                  "start_cursor": cursor_of(start), "end_cursor": cursor_of(end), "per_page": per_page}  # fmt: skip
    return page, pagination


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
        self.page_cap: int | None = None  # a server that answers with fewer items than per_page asks for

    def seed(self, count: int) -> None:
        for number in range(count):
            sequence_id = self._id()
            self.sequences[sequence_id] = {"id": sequence_id, "name": f"Other sequence {number:04d}", "hold": False,
                                           "repeat": False, "created_at": "2026-01-01T00:00:00Z",
                                           "subscriber_count": 0}  # fmt: skip

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        if headers.get("x-kit-api-key") != self.secret:
            return 401, {}, {"errors": ["The access token is invalid"]}
        return None

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        if path == "/v4/sequences" and method == "GET":
            try:
                page, pagination = cursor_page(list(self.sequences.values()), query, self.page_cap)
            except ValueError as exc:
                return 422, {}, {"errors": [str(exc)]}
            return 200, {}, {"sequences": page, "pagination": pagination}
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
            try:
                page, pagination = cursor_page(shown, query, self.page_cap)
            except ValueError as exc:
                return 422, {}, {"errors": [str(exc)]}
            return 200, {}, {"emails": page, "pagination": pagination}
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

    def seed(self, count: int) -> None:
        for number in range(count):
            self.next_id += 1
            self.templates[self.next_id] = {"TemplateId": self.next_id, "Name": f"Other {number:04d}",
                                            "Alias": f"other-{number:04d}", "Subject": "Other", "HtmlBody": "<p>x</p>",
                                            "TextBody": "x", "TemplateType": "Standard", "Active": True,
                                            "LayoutTemplate": None}  # fmt: skip

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


class _Store(FakeAPI):
    """A helper for fakes that keep one kind of object by id."""

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[int, dict[str, Any]] = {}
        self.next_id = 500

    def add(self, item: dict[str, Any]) -> dict[str, Any]:
        self.next_id += 1
        item = {"id": self.next_id, **item}
        self.items[self.next_id] = item
        return item

    def seed(self, count: int) -> None:
        for number in range(count):
            self.add(self.other(number))

    def other(self, number: int) -> dict[str, Any]:
        """An object of the account that is not one of the course's."""
        raise NotImplementedError


class MailgunAPI(_Store):
    """Mailgun templates: POST /v3/{domain}/templates (multipart), GET …/{name}?active=yes, POST …/{name}/versions."""

    name = "mailgun"
    secret = "key-mailgun-0123456789abcdef"
    domain = "mg.example.com"
    FORM: ClassVar[set[str]] = {"name", "description", "template", "tag", "comment", "headers", "createdBy", "active"}

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        expected = "Basic " + base64.b64encode(f"api:{self.secret}".encode()).decode()
        return None if headers.get("authorization") == expected else (401, {}, b"Forbidden")

    def dispatch(self, method: str, url: str, headers: dict[str, str], body: bytes) -> Response:
        self.form = _multipart(headers.get("content-type", ""), body) if body else {}
        return super().dispatch(method, url, headers, b"")

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        form = self.form
        base = f"/v3/{self.domain}/templates"
        if path == base and method == "POST":
            if "name" not in form or set(form) - self.FORM or "template" not in form:
                return 400, {}, {"message": "name and template are required; unknown fields are refused"}
            if any(t["name"] == form["name"].lower() for t in self.items.values()):
                return 409, {}, {"message": "template already exists"}
            self.add({"name": form["name"].lower(), "description": form.get("description", ""),
                      "versions": [{"tag": form.get("tag", "initial"), "template": form["template"], "active": True,
                                    "headers": form.get("headers")}]})  # fmt: skip
            return 200, {}, {"message": "template has been stored", "template": {"name": form["name"].lower()}}
        match = re.fullmatch(re.escape(base) + r"/([^/]+)(/versions)?", path)
        if not match:
            return 404, {}, {"message": "not found"}
        template = next((t for t in self.items.values() if t["name"] == match.group(1)), None)
        if template is None:
            return 404, {}, {"message": "template not found"}
        if method == "GET" and not match.group(2):
            active = next(v for v in template["versions"] if v["active"])
            shown = {"name": template["name"], "description": template["description"]}
            if query.get("active") == "yes":
                shown["version"] = {k: v for k, v in active.items() if k != "active"}
            return 200, {}, {"template": shown}
        if method == "POST" and match.group(2):
            if "template" not in form or "tag" not in form or set(form) - self.FORM:
                return 400, {}, {"message": "template and tag are required"}
            if any(v["tag"] == form["tag"] for v in template["versions"]):
                return 409, {}, {"message": "version tag already exists"}
            if form.get("active") == "yes":
                for version in template["versions"]:
                    version["active"] = False
            version = {"tag": form["tag"], "template": form["template"], "active": form.get("active") == "yes",
                       "headers": form.get("headers")}  # fmt: skip
            template["versions"].append(version)
            return 200, {}, {"message": "new version of the template has been stored"}
        return 405, {}, {"message": "method not allowed"}


def _numbered_page(items: list[dict[str, Any]], query: dict[str, str]) -> dict[str, Any]:
    """listmonk's paging: page (from 1) and per_page (a number, or "all")."""
    if query.get("per_page") == "all":
        return {"results": items, "total": len(items), "per_page": len(items), "page": 1}
    page, per_page = int(query.get("page", 1)), int(query.get("per_page", 20))
    return {"results": items[(page - 1) * per_page : page * per_page], "total": len(items), "per_page": per_page,
            "page": page}  # fmt: skip


def _multipart(content_type: str, body: bytes) -> dict[str, str]:
    from email.parser import BytesParser
    from email.policy import HTTP

    if "multipart/form-data" not in content_type:
        return {"__not_multipart__": "1"}
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    return {part.get_param("name", header="content-disposition"): part.get_content() for part in message.iter_parts()}


class SendGridAPI(_Store):
    """SendGrid dynamic templates and versions (twilio.com/docs/sendgrid/api-reference/transactional-templates)."""

    name = "sendgrid"
    secret = "SG.sendgrid-test-key-0123456789"
    VERSION: ClassVar[set[str]] = {"template_id", "active", "name", "html_content", "plain_content",
                                   "generate_plain_content", "subject", "editor", "test_data"}  # fmt: skip

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        if headers.get("authorization") != f"Bearer {self.secret}":
            return 401, {}, {"errors": [{"field": None, "message": "authorization required"}]}
        return None

    def other(self, number: int) -> dict[str, Any]:
        version = {"id": f"o{number}", "template_id": 0, "active": 1, "name": "other", "subject": "Other"}
        return {"name": f"Other template {number:04d}", "generation": "dynamic", "versions": [version]}

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        if path == "/v3/templates" and method == "GET":
            if query.get("generations") != "dynamic":
                return 400, {}, {"errors": [{"message": "generations=dynamic expected"}]}
            size = int(query.get("page_size", 0))
            if not 1 <= size <= 200:
                return 400, {}, {"errors": [{"field": "page_size", "message": "page_size must be between 1 and 200"}]}
            shown = [{**t, "versions": [{k: v[k] for k in ("id", "template_id", "active", "name", "subject")}
                                        for v in t["versions"]]} for t in self.items.values()]  # fmt: skip
            start = position_of(query["page_token"]) if query.get("page_token") else 0
            metadata: dict[str, Any] = {"self": f"https://api.sendgrid.com/v3/templates?page_size={size}",
                                        "count": len(shown)}  # fmt: skip
            if start + size < len(shown):
                metadata["next"] = (
                    f"https://api.sendgrid.com/v3/templates?page_size={size}&page_token={cursor_of(start + size)}"
                )
            return 200, {}, {"result": shown[start : start + size], "_metadata": metadata}
        if path == "/v3/templates" and method == "POST":
            problem = require_fields(data, {"name"}, {"name", "generation"})
            if problem or data.get("generation") != "dynamic":
                return 400, {}, {"errors": [{"message": problem or "generation must be dynamic"}]}
            return 201, {}, self.add({"name": data["name"], "generation": "dynamic", "versions": []})
        match = re.fullmatch(r"/v3/templates/(\d+)/versions(?:/([\w-]+))?", path)
        template = self.items.get(int(match.group(1))) if match else None
        if template is None:
            return 404, {}, {"errors": [{"message": "not found"}]}
        if method == "POST" and match.group(2) is None:
            problem = require_fields(data, {"name", "subject"}, self.VERSION)
            if problem:
                return 400, {}, {"errors": [{"field": None, "message": problem}]}
            self.next_id += 1
            version = {"id": f"v{self.next_id}", "template_id": template["id"], "active": 1, **data}
            if not template["versions"] or data.get("active") == 1:
                for other in template["versions"]:
                    other["active"] = 0
            template["versions"].append(version)
            return 201, {}, version
        version = next((v for v in template["versions"] if v["id"] == match.group(2)), None)
        if version is None:
            return 404, {}, {"errors": [{"message": "version not found"}]}
        if method == "GET":
            return 200, {}, version
        if method == "PATCH":
            problem = require_fields(data, set(), self.VERSION)
            if problem:
                return 400, {}, {"errors": [{"field": None, "message": problem}]}
            version.update(data)
            return 200, {}, version
        return 405, {}, {"errors": [{"message": "method not allowed"}]}


class BrevoAPI(_Store):
    """Brevo SMTP templates (developers.brevo.com/reference/create-smtp-template)."""

    name = "brevo"
    secret = "xkeysib-brevo-test-0123456789"
    FIELDS: ClassVar[set[str]] = {"templateName", "subject", "sender", "htmlContent", "htmlUrl", "replyTo", "toField",
                                  "tag", "attachmentUrl", "isActive"}  # fmt: skip

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        return (
            None
            if headers.get("api-key") == self.secret
            else (401, {}, {"code": "unauthorized", "message": "Key not found"})
        )

    def other(self, number: int) -> dict[str, Any]:
        return {"templateName": f"Other template {number:04d}", "subject": "Other", "htmlContent": "<p>other</p>"}

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        if path == "/v3/smtp/templates" and method == "GET":
            offset, limit = int(query.get("offset", 0)), int(query.get("limit", 50))
            if limit > 1000:
                return 400, {}, {"code": "invalid_parameter", "message": "limit must be at most 1000"}
            items = [{**t, "name": t["templateName"]} for t in self.items.values()]
            return 200, {}, {"count": len(items), "templates": items[offset : offset + limit]}
        if path == "/v3/smtp/templates" and method == "POST":
            problem = require_fields(data, {"templateName", "subject", "sender"}, self.FIELDS)
            if problem or len(data.get("htmlContent", "")) < 10:
                return 400, {}, {"code": "missing_parameter", "message": problem or "htmlContent is too short"}
            return 201, {}, {"id": self.add(dict(data))["id"]}
        match = re.fullmatch(r"/v3/smtp/templates/(\d+)", path)
        if match and method == "PUT":
            template = self.items.get(int(match.group(1)))
            if template is None:
                return 404, {}, {"code": "document_not_found", "message": "Template ID does not exist"}
            problem = require_fields(data, set(), self.FIELDS)
            if problem:
                return 400, {}, {"code": "invalid_parameter", "message": problem}
            template.update(data)
            return 204, {}, None
        return 404, {}, {"code": "not_found", "message": "not found"}


class MailchimpAPI(_Store):
    """Mailchimp Marketing API 3.0 templates: GET/POST /templates, PATCH /templates/{id}."""

    name = "mailchimp"
    secret = "0123456789abcdef0123456789abcdef-us6"

    def other(self, number: int) -> dict[str, Any]:
        return {"name": f"Other template {number:04d}", "html": "<p>other</p>"}

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        auth = headers.get("authorization", "")
        if auth.startswith("Basic "):
            user_and_key = base64.b64decode(auth[6:]).decode()
            if user_and_key.split(":", 1)[-1] == self.secret:
                return None
        return (
            401,
            {},
            {"type": "about:blank", "title": "API Key Invalid", "status": 401, "detail": "Your API key may be invalid"},
        )

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        if path == "/templates" and method == "GET":
            count, offset = int(query.get("count", 10)), int(query.get("offset", 0))
            if not 1 <= count <= 1000:
                return 400, {}, {"title": "Invalid Resource", "status": 400, "detail": "count must be at most 1000"}
            shown = [{"id": t["id"], "name": t["name"], "type": "user"} for t in self.items.values()]
            return 200, {}, {"templates": shown[offset : offset + count], "total_items": len(shown)}
        if path == "/templates" and method == "POST":
            problem = require_fields(data, {"name", "html"}, {"name", "html", "folder_id"})
            if problem:
                return 400, {}, {"title": "Invalid Resource", "status": 400, "detail": problem}
            return 200, {}, self.add(dict(data))
        match = re.fullmatch(r"/templates/(\d+)", path)
        if match and method == "PATCH":
            template = self.items.get(int(match.group(1)))
            problem = require_fields(data, set(), {"name", "html", "folder_id"})
            if template is None or problem:
                return (404 if template is None else 400), {}, {"title": "Error", "detail": problem or "not found"}
            template.update(data)
            return 200, {}, template
        return 404, {}, {"title": "Resource Not Found", "status": 404}


class MailerLiteAPI(_Store):
    """MailerLite campaigns (connect.mailerlite.com/api/campaigns)."""

    name = "mailerlite"
    secret = "mailerlite-token-0123456789"

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        return (
            None
            if headers.get("authorization") == f"Bearer {self.secret}"
            else (401, {}, {"message": "Unauthenticated."})
        )

    def other(self, number: int) -> dict[str, Any]:
        return {"name": f"Other campaign {number:04d}", "type": "regular", "status": "draft",
                "emails": [{"subject": "Other", "from_name": "Other", "from": "other@example.com"}]}  # fmt: skip

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        if path == "/api/campaigns" and method == "GET":
            limit, page = int(query.get("limit", 25)), int(query.get("page", 1))
            if not 1 <= limit <= 100:
                return 422, {}, {"message": "The limit may not be greater than 100."}
            drafts = [c for c in self.items.values() if query.get("filter[status]") in (None, c["status"])]
            last = max(1, -(-len(drafts) // limit))
            meta = {"current_page": page, "last_page": last, "per_page": limit, "total": len(drafts)}
            return 200, {}, {"data": drafts[(page - 1) * limit : page * limit], "meta": meta}
        if path == "/api/campaigns" and method == "POST":
            problem = require_fields(data, {"name", "type", "emails"}, {"name", "type", "emails", "groups", "segments",
                                                                          "filter", "language_id"})  # fmt: skip
            email_fields = {"subject", "from_name", "from", "content", "reply_to"}
            email_problem = (
                None if problem else require_fields(data["emails"][0], {"subject", "from_name", "from"}, email_fields)
            )
            if problem or email_problem:
                return 422, {}, {"message": problem or email_problem}
            return 201, {}, {"data": self.add({**data, "status": "draft"})}
        match = re.fullmatch(r"/api/campaigns/(\d+)", path)
        if match and method == "PUT":
            campaign = self.items.get(int(match.group(1)))
            problem = require_fields(data, {"name", "emails"}, {"name", "emails", "groups", "segments", "filter",
                                                                 "language_id"})  # fmt: skip
            if campaign is None or problem:
                return (404 if campaign is None else 422), {}, {"message": problem or "Not found"}
            campaign.update(data)
            return 200, {}, {"data": campaign}
        return 404, {}, {"message": "Not found"}


class ListmonkAPI(_Store):
    """listmonk's API: templates, lists, campaigns (listmonk.app/docs/apis)."""

    name = "listmonk"
    secret = "listmonk-token-0123456789"
    user = "course-api"
    CAMPAIGN: ClassVar[set[str]] = {"name", "subject", "lists", "from_email", "type", "content_type", "body", "altbody",
                                    "send_at", "messenger", "template_id", "tags", "headers"}  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.templates: dict[int, dict[str, Any]] = {
            1: {"id": 1, "name": "Default campaign template", "type": "campaign"}
        }
        self.lists = [{"id": 3, "name": "Newsletter"}]

    def other(self, number: int) -> dict[str, Any]:
        return {"name": f"Other campaign {number:04d}", "subject": "Other", "lists": [3], "status": "draft",
                "body": "<p>other</p>"}  # fmt: skip

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        expected = "Basic " + base64.b64encode(f"{self.user}:{self.secret}".encode()).decode()
        return None if headers.get("authorization") == expected else (403, {}, {"message": "invalid API credentials"})

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        if path == "/api/templates" and method == "GET":
            return 200, {}, {"data": list(self.templates.values())}
        if path == "/api/templates" and method == "POST":
            problem = require_fields(data, {"name", "type", "body"}, {"name", "type", "subject", "body"})
            if problem or '{{ template "content" . }}' not in data["body"]:
                return 400, {}, {"message": problem or 'the template must contain {{ template "content" . }}'}
            template = {"id": max(self.templates) + 1, **data}
            self.templates[template["id"]] = template
            return 200, {}, {"data": template}
        if path == "/api/lists" and method == "GET":
            return 200, {}, {"data": _numbered_page(self.lists, query)}
        if path == "/api/campaigns" and method == "GET":
            return 200, {}, {"data": _numbered_page(list(self.items.values()), query)}
        if path == "/api/campaigns" and method == "POST":
            problem = require_fields(data, {"name", "subject", "lists"}, self.CAMPAIGN)
            if problem or not data["lists"] or data.get("template_id") not in self.templates:
                return 400, {}, {"message": problem or "invalid lists or template"}
            return 200, {}, {"data": self.add({**data, "status": "draft"})}
        match = re.fullmatch(r"/api/campaigns/(\d+)", path)
        if match and method == "PUT":
            campaign = self.items.get(int(match.group(1)))
            problem = require_fields(data, {"name", "subject", "lists"}, self.CAMPAIGN)
            if campaign is None or problem:
                return (404 if campaign is None else 400), {}, {"message": problem or "campaign not found"}
            campaign.update(data)
            return 200, {}, {"data": campaign}
        return 404, {}, {"message": "not found"}


class ButtondownAPI(_Store):
    """Buttondown emails (docs.buttondown.com/api-emails)."""

    name = "buttondown"
    secret = "buttondown-key-0123456789"
    FIELDS: ClassVar[set[str]] = {"subject", "body", "status", "email_type", "description", "slug", "metadata",
                                  "included_tags", "excluded_tags", "publish_date"}  # fmt: skip

    def check_auth(self, headers: dict[str, str]) -> Response | None:
        return (
            None if headers.get("authorization") == f"Token {self.secret}" else (401, {}, {"detail": "Invalid token."})
        )

    PAGE_SIZE = 100  # Buttondown's pages have a fixed size; `next` links to the following one

    def other(self, number: int) -> dict[str, Any]:
        return {"subject": f"Other email {number:04d}", "body": "<p>other</p>", "status": "draft"}

    def route(self, method: str, path: str, query: dict[str, str], data: Any) -> Response:
        if path == "/v1/emails" and method == "GET":
            found = [e for e in self.items.values() if query.get("status") in (None, e["status"])]
            page = int(query.get("page", 1))
            status = f"status={query['status']}&" if "status" in query else ""
            more = page * self.PAGE_SIZE < len(found)
            next_url = f"https://api.buttondown.com/v1/emails?{status}page={page + 1}" if more else None
            shown = found[(page - 1) * self.PAGE_SIZE : page * self.PAGE_SIZE]
            return 200, {}, {"results": shown, "next": next_url, "previous": None, "count": len(found)}
        if path == "/v1/emails" and method == "POST":
            problem = require_fields(data, {"subject", "body"}, self.FIELDS)
            if problem:
                return 400, {}, {"detail": problem}
            return 201, {}, self.add({"status": "draft", **data})
        match = re.fullmatch(r"/v1/emails/(\d+)", path)
        if match and method == "PATCH":
            item = self.items.get(int(match.group(1)))
            problem = require_fields(data, set(), self.FIELDS)
            if item is None or problem:
                return (404 if item is None else 400), {}, {"detail": problem or "Not found."}
            item.update(data)
            return 200, {}, item
        return 404, {}, {"detail": "Not found."}
