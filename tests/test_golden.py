"""The seed's split and build, byte for byte, against tests/golden/seed (regenerate with `make golden`)."""

from __future__ import annotations

import difflib
from pathlib import Path

from .golden import GOLDEN, build_seed


def test_seed_output_matches_the_golden_files(tmp_path: Path) -> None:
    built = build_seed(tmp_path / "seed")
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(built) == sorted(golden), "files differ: run `make golden` if the change is intended"
    for name, data in built.items():
        if data != golden[name]:
            diff = difflib.unified_diff(
                golden[name].decode().splitlines(), data.decode().splitlines(), f"golden/{name}", name, lineterm=""
            )
            raise AssertionError(f"{name} changed (run `make golden` if intended):\n" + "\n".join(list(diff)[:40]))
