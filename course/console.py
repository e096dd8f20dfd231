"""What the tool says on the terminal besides its output: warnings and errors from any module, one line each,
prefixed `Warning:` or `Error:` (and, with --verbose, what happens)."""

from __future__ import annotations

import logging
import sys


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        prefix = {"WARNING": "Warning: ", "ERROR": "Error: "}.get(record.levelname, "")
        return prefix + record.getMessage()


def show_log_messages(verbose: bool) -> None:
    """Send the package's log records to standard error as one line each."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    root = logging.getLogger("course")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False
