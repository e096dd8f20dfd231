"""`course preview`: a local server that shows the whole course as a reader will get it, live while you edit.

A watcher (watch.py) rebuilds after each save (state.py): the project is reloaded, and only lessons whose inputs
changed are rendered again. The build goes to a temporary folder; a failed rebuild keeps serving the last good
emails and shows the error in the page. The server (server.py) tells open pages about each new build.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError
from ..project import check_project_folder
from .server import PreviewServer, safe_path
from .state import PreviewState
from .watch import watch

__all__ = ["LOOPBACK", "RunningPreview", "safe_path", "start_preview"]

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


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
    check_project_folder(root)
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
