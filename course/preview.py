"""`course preview`: a local server that shows the whole course as a reader will get it, live while you edit.

A watcher (watchfiles) rebuilds after each save: the project is reloaded, and only lessons whose inputs changed
(their file, a neighbour's title or day, course.toml, a template) are rendered again. The build goes to a
temporary folder; a failed rebuild keeps serving the last good emails and shows the error in the page.
Pages learn about new builds through server-sent events; the reload script is added to what the server
sends, never to the built files.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import posixpath
import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import jinja2

from .article import reading_minutes
from .build import build_files, preview_dialect_for, write_files
from .errors import CourseError
from .i18n import text_direction
from .project import COURSE_FILE, Course, load_project
from .render import RenderedLesson, Renderer, builtin_templates_dir

log = logging.getLogger(__name__)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
WATCHED = ("lessons", "templates", "assets", COURSE_FILE)
RELOAD_SCRIPT = """<script>/* added by course preview, not part of the email */
(function(){var v=null;var s=new EventSource('/__course/events');s.onmessage=function(e){var d=JSON.parse(e.data);
if(v!==null&&d.version!==v){location.reload();}v=d.version;};})();</script>"""
DARK_QUERY = re.compile(r"@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)")


@dataclass
class Snapshot:
    """The last good build: the course, its rendered lessons and the files written."""

    course: Course
    rendered: list[RenderedLesson]
    rows: list[dict[str, Any]]


@dataclass
class PreviewState:
    """The preview's build: rebuilt on change, read by every request; `version` goes up with every attempt."""

    root: Path
    out: Path
    version: int = 0
    error: str | None = None
    snapshot: Snapshot | None = None
    cache: dict[str, RenderedLesson] = field(default_factory=dict)
    changed: threading.Condition = field(default_factory=threading.Condition)
    last_rebuild_ms: float = 0.0
    rendered_last: int = 0  # lessons rendered by the last rebuild (the others came from the cache)
    rendered_total: int = 0

    def rebuild(self) -> None:
        """Reload the project and render what changed; on failure keep the last good build and record why."""
        started = time.perf_counter()
        try:
            course = load_project(self.root)
            renderer = Renderer(course)
            shared = _digest_of_sources(self.root)
            rendered: list[RenderedLesson] = []
            cache: dict[str, RenderedLesson] = {}
            fresh = 0
            for index, lesson in enumerate(course.lessons):
                following = course.lessons[index + 1] if index + 1 < len(course.lessons) else None
                key = hashlib.sha256(
                    json.dumps(
                        [shared, lesson.path.name, lesson.title, lesson.subject, lesson.preheader, lesson.day,
                         lesson.body, len(course.lessons), lesson.number,
                         following and (following.title, following.day)],
                    ).encode()
                ).hexdigest()  # fmt: skip
                item = self.cache.get(key)
                if item is None:
                    item = renderer.render(lesson)
                    fresh += 1
                cache[key] = item
                rendered.append(item)
            files, rows = build_files(course, rendered)
            write_files(self.out, files, clean=True)
            for row in rows:
                row["size"] = len(files[row["html"]])
                row["minutes"] = reading_minutes(row["words"])
                row["text_body"] = files[row["text"]].decode("utf-8")
            with self.changed:
                self.snapshot = Snapshot(course, rendered, rows)
                self.cache = cache
                self.error = None
                self.rendered_last = fresh
                self.rendered_total += fresh
        except CourseError as exc:
            with self.changed:
                self.error = exc.format_message()
        except Exception as exc:  # a preview must survive anything a half-saved file can do
            log.exception("rebuild failed")
            with self.changed:
                self.error = f"unexpected {type(exc).__name__}: {exc}"
        with self.changed:
            self.version += 1
            self.last_rebuild_ms = (time.perf_counter() - started) * 1000
            self.changed.notify_all()

    def wait_for_change(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout=timeout)
            return self.version


def _digest_of_sources(root: Path) -> str:
    """What every lesson depends on: course.toml and the templates."""
    digest = hashlib.sha256()
    for path in [root / COURSE_FILE, *sorted((root / "templates").rglob("*"))]:
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def watch(state: PreviewState, stop: threading.Event) -> None:
    """Rebuild after changes to lessons, templates, assets or course.toml (debounced by watchfiles)."""
    from watchfiles import watch as watch_files

    root = state.root.resolve()

    def relevant(_change: object, path: str) -> bool:
        try:
            relative = Path(path).resolve().relative_to(root)
        except ValueError:
            return False
        return bool(relative.parts) and relative.parts[0] in WATCHED and not relative.name.startswith(".")

    for _changes in watch_files(root, watch_filter=relevant, debounce=40, step=20, stop_event=stop,
                                raise_interrupt=False):  # fmt: skip
        state.rebuild()


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], state: PreviewState) -> None:
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
                "sender": f"{course.sender.get('name', '')} <{course.sender.get('email', '')}>" if course else "",
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
        item = snapshot.rendered[number - 1]
        source = _dialect_html(snapshot.course, item, query.get("dialect", "preview"))
        context.update(
            lesson=row,
            previous=number - 1 if number > 1 else None,
            next=number + 1 if number < len(rows) else None,
            dialect=query.get("dialect", "preview"),
            source=source,
        )
        self._page("lesson.html.j2", context)

    def _email(self, number: int, query: dict[str, str]) -> None:
        snapshot = self.server.state.snapshot
        if snapshot is None or not 1 <= number <= len(snapshot.rendered):
            return self._not_found()
        document = _dialect_html(snapshot.course, snapshot.rendered[number - 1], query.get("dialect", "preview"))
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
    from .esp import PROVIDERS

    return [name for name, cls in PROVIDERS.items() if cls.tags]


def _dialect_html(course: Course, item: RenderedLesson, dialect_name: str) -> str:
    if dialect_name == "preview":
        return preview_dialect_for(course, item).apply_html(item.html)
    from .esp import PROVIDERS

    provider_type = PROVIDERS.get(dialect_name)
    if provider_type is None:
        return f"<p>Unknown dialect {html.escape(dialect_name)}</p>"
    try:
        return provider_type(course).dialect().apply_html(item.html)
    except (CourseError, KeyError) as exc:
        return f"<p>{html.escape(str(exc))}</p>"


@dataclass
class RunningPreview:
    """A started preview: its URL and how to stop it (used by the CLI and the tests)."""

    url: str
    state: PreviewState
    server: PreviewServer
    stop_event: threading.Event
    threads: list[threading.Thread]
    scratch: tempfile.TemporaryDirectory[str]

    def stop(self) -> None:
        self.stop_event.set()
        self.server.shutdown()
        self.server.server_close()
        for thread in self.threads:
            thread.join(timeout=5)
        self.scratch.cleanup()


def start_preview(root: Path, host: str = "127.0.0.1", port: int = 8000) -> RunningPreview:
    """Build the course once, then serve it and watch for changes in background threads."""
    if not root.is_dir():
        raise CourseError(f"{root}: no such folder; give the course folder that `course split` created")
    if not (root / COURSE_FILE).is_file():
        raise CourseError(f"{root} has no {COURSE_FILE}; run `course split ARTICLE -o {root}` first")
    scratch = tempfile.TemporaryDirectory(prefix="course-preview-")
    state = PreviewState(root=root, out=Path(scratch.name))
    state.rebuild()
    try:
        server = PreviewServer((host, port), state)
    except OSError as exc:
        scratch.cleanup()
        raise CourseError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port") from None
    stop = threading.Event()
    threads = [
        threading.Thread(target=server.serve_forever, name="course-preview-http", daemon=True),
        threading.Thread(target=watch, args=(state, stop), name="course-preview-watch", daemon=True),
    ]
    for thread in threads:
        thread.start()
    shown_host = f"[{host}]" if ":" in host else host
    return RunningPreview(f"http://{shown_host}:{server.server_address[1]}", state, server, stop, threads, scratch)
