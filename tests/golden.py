"""Golden output: the seed split and built, committed under tests/golden/seed. `make golden` regenerates it."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from course.cli import cli

GOLDEN = Path(__file__).resolve().parent / "golden" / "seed"
SEED = Path(__file__).resolve().parent.parent / "examples" / "sales-manager-or-leader.txt"


def build_seed(target: Path) -> dict[str, bytes]:
    """Split and build the seed into target; return every file by its relative path (not the tool's own state in
    .course/, which holds times)."""
    runner = CliRunner()
    for args in (["split", str(SEED), "-o", str(target)], ["build", str(target)]):
        result = runner.invoke(cli, args, prog_name="course")
        if result.exit_code != 0:
            raise RuntimeError(result.output)
    files = (p for p in sorted(target.rglob("*")) if p.is_file())
    return {p.relative_to(target).as_posix(): p.read_bytes() for p in files if ".course" not in p.parts}  # state


def regenerate() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        files = build_seed(Path(scratch) / "seed")
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for name, data in files.items():
        (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / name).write_bytes(data)
    print(f"wrote {len(files)} golden files to {GOLDEN}", file=sys.stderr)


if __name__ == "__main__":
    regenerate()
