from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from course.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "sales-manager-or-leader.txt"
ARTICLES = Path(__file__).resolve().parent / "articles"


def run(*args: str, input: str | bytes | None = None):
    """Invoke the CLI exactly as a user would (standalone mode, exit codes and all)."""
    return CliRunner().invoke(cli, list(args), input=input, prog_name="course")


@pytest.fixture(scope="session")
def seed_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article split and built once for the whole session (read-only for tests)."""
    root = tmp_path_factory.mktemp("seed") / "course"
    split = run("split", str(SEED), "-o", str(root))
    assert split.exit_code == 0, split.output
    built = run("build", str(root))
    assert built.exit_code == 0, built.output
    return root


@pytest.fixture
def course_copy(seed_course: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the seed course (sources only)."""
    import shutil

    target = tmp_path / "course"
    shutil.copytree(seed_course, target, ignore=shutil.ignore_patterns("build"))
    return target


from .browser import browser  # noqa: E402, F401  (one Chromium for the whole session, shared by every test)
