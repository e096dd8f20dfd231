"""The preview's HTTP server: the overview, each lesson's page, each email in any dialect, the built files, and
server-sent events that tell open pages about a new build. The reload script is added to what the server sends,
never to the built files."""

from __future__ import annotations

import html
import json
import logging
import posixpath
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import CourseError
from ..lazyre import lazy_compile
from ..providers import PROVIDERS
from ..render import preview_dialect
from ..render.templates import builtin_templates_dir
from ..render.wording import text_direction
from .state import PreviewState, Snapshot

log = logging.getLogger(__name__)

RELOAD_SCRIPT = """<script>/* added by course preview, not part of the email */
(function(){var v=null;var s=new EventSource('/__course/events');s.onmessage=function(e){var d=JSON.parse(e.data);
if(v!==null&&d.version!==v){location.reload();}v=d.version;};})();</script>"""
DARK_QUERY = lazy_compile(r"@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)")


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], state: PreviewState) -> None:
        import jinja2  # here, not at the top: see render/templates.py

        self.state = state
        self.pages = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(builtin_templates_dir() / "preview")),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )
        super().__init__(address, PreviewHandler)


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        log.debug("preview: " + format, *args)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path, query = parts.path, {k: v[-1] for k, v in parse_qs(parts.query).items()}
        try:
            if path in ("/", "/overview"):
                return self._page("overview.html.j2", self._context())
            match = re.fullmatch(r"/lessons/(\d+)", path)
            if match:
                return self._lesson_page(int(match.group(1)), query)
            match = re.fullmatch(r"/email/(\d+)", path)
            if match:
                return self._email(int(match.group(1)), query)
            if path == "/__course/events":
                return self._events()
            if path == "/__course/state.json":
                return self._send(200, "application/json", json.dumps(self._context(full=True)).encode())
            return self._static(path)
        except (BrokenPipeError, ConnectionResetError):
            return None

    # --- pages -----------------------------------------------------------------------------------------

    def _context(self, full: bool = False) -> dict[str, Any]:
        state = self.server.state
        snapshot = state.snapshot
        course = snapshot.course if snapshot else None
        rows = [dict(r) for r in snapshot.rows] if snapshot else []
        if not full:
            for row in rows:
                row.pop("text_body", None)
        return {
            "version": state.version,
            "error": state.error,
            "course": {
                "title": course.title if course else "(no course yet)",
                "language": course.language if course else "en",
                "dir": text_direction(course.language) if course else "ltr",
                "sender": f"{course.sender.name} <{course.sender.email}>" if course else "",
            },
            "lessons": rows,
            "providers": _provider_names(),
        }

    def _page(self, name: str, context: dict[str, Any]) -> None:
        body = self.server.pages.get_template(name).render(context).encode("utf-8")
        self._send(200, "text/html; charset=utf-8", body)

    def _lesson_page(self, number: int, query: dict[str, str]) -> None:
        context = self._context(full=True)
        rows = context["lessons"]
        row = next((r for r in rows if r["number"] == number), None)
        if row is None:
            return self._not_found()
        snapshot = self.server.state.snapshot
        assert snapshot is not None
        source, text = _dialect_email(snapshot, number, query.get("dialect", "preview"))
        context.update(
            lesson={**row, "text_body": text},
            previous=number - 1 if number > 1 else None,
            next=number + 1 if number < len(rows) else None,
            dialect=query.get("dialect", "preview"),
            source=source,
        )
        self._page("lesson.html.j2", context)

    def _email(self, number: int, query: dict[str, str]) -> None:
        snapshot = self.server.state.snapshot
        if snapshot is None or not 1 <= number <= len(snapshot.course.lessons):
            return self._not_found()
        document, text = _dialect_email(snapshot, number, query.get("dialect", "preview"))
        if query.get("part") == "text":  # the plain-text twin in the same dialect
            return self._send(200, "text/plain; charset=utf-8", text.encode("utf-8"))
        if query.get("dark") == "1":
            document = DARK_QUERY.sub("@media all", document)
        self._send(200, "text/html; charset=utf-8", document.encode("utf-8"))

    def _events(self) -> None:
        state = self.server.state
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        seen = -1
        while True:
            payload = json.dumps({"version": state.version, "error": state.error})
            self.wfile.write(f"data: {payload}\n\n".encode())
            self.wfile.flush()
            seen = state.version
            state.wait_for_change(seen, timeout=15.0)  # a comment-free heartbeat every 15 s keeps proxies awake

    # --- files ----------------------------------------------------------------------------------------

    def _static(self, raw_path: str) -> None:
        target = safe_path(self.server.state.out, raw_path)
        if target is None or not target.is_file():
            return self._not_found()
        data = target.read_bytes()
        if target.suffix == ".html":
            data = data.replace(b"</body>", RELOAD_SCRIPT.encode() + b"</body>", 1)
        kind = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8",
                ".json": "application/json"}.get(target.suffix, "application/octet-stream")  # fmt: skip
        self._send(200, kind, data)

    def _not_found(self) -> None:
        self._send(404, "text/plain; charset=utf-8", b"Not found\n")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def safe_path(root: Path, raw_path: str) -> Path | None:
    """The file under root that a request path names, or None for anything that could leave root."""
    decoded = unquote(unquote(raw_path))  # %2e%2e and %252e%252e both count as ..
    if "\0" in decoded or "\\" in decoded:
        return None
    parts = [p for p in decoded.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    relative = posixpath.join(*parts) if parts else "index.html"
    base = root.resolve()
    target = (base / relative).resolve()  # follows symlinks: one pointing outside is refused below
    if not target.is_relative_to(base):
        return None
    return target


def _provider_names() -> list[str]:
    return [name for name, cls in PROVIDERS.items() if cls.tags]


def _dialect_email(snapshot: Snapshot, number: int, dialect_name: str) -> tuple[str, str]:
    """Lesson `number`'s email, HTML and plain text, with sample values ("preview") or a provider's merge tags."""
    lesson = snapshot.course.lessons[number - 1]
    if dialect_name == "preview":
        email = snapshot.rendering.email(lesson, preview_dialect(snapshot.course.preview))
        return email.html, email.text
    provider_type = PROVIDERS.get(dialect_name)
    if provider_type is None:
        return f"<p>Unknown dialect {html.escape(dialect_name)}</p>", f"Unknown dialect {dialect_name}"
    try:
        email = snapshot.rendering.email(lesson, provider_type(snapshot.course).dialect())
    except CourseError as exc:
        return f"<p>{html.escape(exc.format_message())}</p>", exc.format_message()
    return email.html, email.text
