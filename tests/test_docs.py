"""The README's tables of check codes and of providers are made from the registries (cog); they must not drift."""

from __future__ import annotations

from pathlib import Path

from cogapp import Cog

from course.checks import checks_table
from course.checks.registry import CHECKS
from course.providers import PROVIDERS, providers_table

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_tables_match_the_registries() -> None:
    status = Cog().main(["cog", "--check", "--check-fail-msg=run `make docs`", str(README)])
    assert status == 0, "README.md's generated tables are out of date: run `make docs`"


def test_every_check_and_every_provider_is_in_the_tables() -> None:
    readme = README.read_text(encoding="utf-8")
    assert checks_table() in readme and providers_table() in readme
    assert all(f"| `{check.code}` |" in readme for check in CHECKS)
    assert all(f"| `{name}` |" in readme for name in PROVIDERS)


def test_a_drifted_table_is_caught(tmp_path: Path) -> None:
    stale = tmp_path / "README.md"
    stale.write_text(README.read_text(encoding="utf-8").replace("| `size.gmail-clip` |", "| `size.old-name` |"))
    assert Cog().main(["cog", "--check", str(stale)]) != 0
