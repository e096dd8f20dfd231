from __future__ import annotations

import shutil
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


def copy_sources(root: Path, target: Path) -> Path:
    """A writable copy of a course without its build folder."""
    shutil.copytree(root, target, ignore=shutil.ignore_patterns("build"))
    return target


@pytest.fixture
def course_copy(seed_course: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the seed course (sources only), example values and all."""
    return copy_sources(seed_course, tmp_path / "course")


READY_SETTINGS = {
    'email = "you@example.com"': 'email = "alistair@hopkins-sales.co.uk"',
    'reply_to = "you@example.com"': 'reply_to = "alistair@hopkins-sales.co.uk"',
    'postal_address = "1 Example Street, Example City, Country"': 'postal_address = "12 Kingsway, London WC2B 6XF, UK"',
    'unsubscribe_url = "https://example.com/unsubscribe"': 'unsubscribe_url = "https://hopkins-sales.co.uk/unsubscribe"',
    'name = "Your Name"': 'name = "Alistair Hopkins"',
}


def fill_settings(root: Path) -> Path:
    """Replace the example values `course split` writes with real-looking ones: a course ready to send."""
    toml = root / "course.toml"
    text = toml.read_text()
    for example, real in READY_SETTINGS.items():
        text = text.replace(example, real)
    toml.write_text(text)
    return root


@pytest.fixture(scope="session")
def ready_course(seed_course: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed course with its example settings replaced: what export, upload and send-test accept (read-only)."""
    target = fill_settings(copy_sources(seed_course, tmp_path_factory.mktemp("ready") / "course"))
    built = run("build", str(target))
    assert built.exit_code == 0, built.output
    return target


@pytest.fixture
def ready_copy(ready_course: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the ready course."""
    return copy_sources(ready_course, tmp_path / "ready")


from .browser import browser  # noqa: E402, F401  (one Chromium for the whole session, shared by every test)
from .fakes.pages import pages  # noqa: E402, F401  (a local web site for link checks)
from .fakes.smtp import smtp  # noqa: E402, F401  (a real SMTP server per test)
