"""`make bench`, second part: course side by side with the JS MJML CLI, on the same machine, in one run.

- Weight: each lesson of the seed course and of a tutorial with code and a table, built by course, against the
  same MJML (`course build --keep-mjml`) compiled by the JS MJML CLI, with and without its minify option: bytes,
  Outlook conditional blocks, bytes of <style>.
- Client support: the distinct features caniemail's data marks unsupported (doiuse-email), per client family.
- Speed, cold (a new process each time, as a user runs it; bytecode already compiled, as after an install):
  `course --help` and `course split`, against Python starting with click (and jinja2); `course build` of the
  seed with 10 provider dialects, and of a 1,000-lesson course, against the JS MJML CLI compiling the same
  number of lesson files in one call. The pairs run interleaved, so that a slow moment hits both.

Needs Node.js and `benchmarks/js/node_modules` (the Makefile's bench target installs it with npm).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.fixtures import write_big_course

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "examples" / "sales-manager-or-leader.txt"
TUTORIAL = HERE / "tutorial.md"
JS = HERE / "js" / "node_modules"
MJML = JS / ".bin" / "mjml"
PROVIDERS = ["mailchimp", "kit", "mailerlite", "brevo", "sendgrid", "postmark", "ses", "mailgun", "listmonk",
             "buttondown"]  # fmt: skip
FAMILIES = ("gmail", "outlook", "yahoo", "samsung")
BIN = Path(sys.executable).parent
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # cold, but with bytecode, as installed


def run(*command: str | Path, cwd: Path | None = None) -> None:
    subprocess.run([str(c) for c in command], cwd=cwd, env=ENV, check=True, capture_output=True)


def course(*args: str | Path) -> list[str | Path]:
    return [BIN / "course", *args]


def seconds(command: list[str | Path], before: object = None, cwd: Path | None = None) -> float:
    if callable(before):
        before()
    start = time.perf_counter()
    run(*command, cwd=cwd)
    return time.perf_counter() - start


def interleaved(pairs: dict[str, tuple], rounds: int) -> dict[str, tuple[float, float]]:
    """Median seconds of each (ours, theirs) pair, the runs alternating within every round."""
    samples: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in pairs}
    for _ in range(rounds):
        for name, (ours, theirs) in pairs.items():
            samples[name][0].append(seconds(*ours))
            samples[name][1].append(seconds(*theirs))
    return {name: (statistics.median(a), statistics.median(b)) for name, (a, b) in samples.items()}


# --- weight and client support -----------------------------------------------------------------------------------


def measure(html: str) -> tuple[int, int, int]:
    styles = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S | re.I)
    return len(html.encode()), len(re.findall(r"<!--\[if", html)), sum(len(s.encode()) for s in styles)


def compile_js(sources: list[Path], out: Path, minify: bool) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    extra = ["--config.minify", "true"] if minify else []
    run(MJML, *sources, "-o", f"{out}/", *extra)
    return [out / source.with_suffix(".html").name for source in sources]


def unsupported(files: list[Path]) -> dict[str, list[str]]:
    found = subprocess.run(["node", HERE / "js" / "doiuse.mjs", *files], capture_output=True, text=True, check=True,
                           cwd=HERE / "js")  # fmt: skip
    return json.loads(found.stdout)


def weight(work: Path) -> None:
    print("\n## Weight: the same MJML, compiled by course and by the JS MJML CLI\n")
    print("| course | lesson | course bytes | JS | JS minify | course / JS minify | Outlook blocks (course / JS) "
          "| <style> bytes (course / JS minify) |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    ours_all, theirs_all = [], []
    ratios = []
    for name, article in (("seed", SEED), ("tutorial", TUTORIAL)):
        root = work / f"w-{name}"
        run(*course("split", article, "-o", root))
        run(*course("build", root, "--keep-mjml"))
        sources = sorted((root / "build").glob("*.mjml"))
        plain = compile_js(sources, work / f"js-{name}", minify=False)
        minified = compile_js(sources, work / f"js-{name}-min", minify=True)
        for source, js, js_min in zip(sources, plain, minified, strict=True):
            ours = measure((root / "build" / source.with_suffix(".html").name).read_text())
            theirs, theirs_min = measure(js.read_text()), measure(js_min.read_text())
            ratios.append(ours[0] / theirs_min[0])
            print(
                f"| {name} | {source.stem[:28]} | {ours[0]:,} | {theirs[0]:,} | {theirs_min[0]:,} | "
                f"{ours[0] / theirs_min[0]:.2f} | {ours[1]} / {theirs_min[1]} | {ours[2]:,} / {theirs_min[2]:,} |"
            )
            ours_all.append(root / "build" / source.with_suffix(".html").name)
            theirs_all.append(js_min)
    print(f"\nMedian bytes ratio (course / JS minify): {statistics.median(ratios):.2f}")
    print("\n## Client support: distinct features unsupported (caniemail's data, doiuse-email), all lessons\n")
    ours_found, theirs_found = unsupported(ours_all), unsupported(theirs_all)
    print("| client family | course | JS MJML (minify) | only in course |")
    print("|---|---:|---:|---|")
    for family in FAMILIES:
        only = sorted(set(ours_found[family]) - set(theirs_found[family]))
        print(f"| {family} | {len(ours_found[family])} | {len(theirs_found[family])} | {', '.join(only) or '—'} |")


# --- speed ---------------------------------------------------------------------------------------------------------


def speed(work: Path, rounds: int) -> None:
    seed = work / "s-seed"
    run(*course("split", SEED, "-o", seed))
    run(*course("build", seed, "--keep-mjml"))
    variants = work / "s-mjml"
    variants.mkdir()
    files_per_build = 0
    for copy in range(len(PROVIDERS) + 1):  # the preview files and one folder per provider: 11 per lesson
        for source in sorted((seed / "build").glob("*.mjml")):
            shutil.copy(source, variants / f"{source.stem}-{copy}.mjml")
            files_per_build += 1
    big = work / "s-big"
    write_big_course(big, 1000)
    run(*course("build", big, "--keep-mjml", "-o", work / "big-mjml"))
    big_sources = sorted((work / "big-mjml").glob("*.mjml"))
    split_out = work / "s-split"
    esps = [arg for name in PROVIDERS for arg in ("--esp", name)]
    python = BIN / "python"
    for warm in (course("--help"), course("build", seed, *esps)):  # bytecode compiled once, as after an install
        run(*warm)
    pairs = {
        "`course --help` / `python -c 'import click'`": (
            (course("--help"),), ([python, "-c", "import click"],)),
        "`course split` of the seed / `python -c 'import click, jinja2'`": (
            (course("split", SEED, "-o", split_out), lambda: shutil.rmtree(split_out, ignore_errors=True)),
            ([python, "-c", "import click, jinja2"],)),
        f"`course build` of the seed, 10 dialects / JS MJML CLI, {files_per_build} files": (
            (course("build", seed, *esps),),
            ([MJML, *sorted(variants.glob("*.mjml")), "-o", f"{work / 'js-out'}/"],)),
        f"`course build`, 1,000 lessons / JS MJML CLI, {len(big_sources)} files": (
            (course("build", big, "-o", work / "big-out"),),
            ([MJML, *big_sources, "-o", f"{work / 'js-big'}/"],)),
    }  # fmt: skip
    (work / "js-out").mkdir()
    (work / "js-big").mkdir()
    print(f"\n## Speed, cold, median of {rounds} interleaved runs ({os.cpu_count()} cores)\n")
    print("| what | course s | peer s | ratio |")
    print("|---|---:|---:|---:|")
    for name, (ours, theirs) in interleaved(pairs, rounds).items():
        print(f"| {name} | {ours:.3f} | {theirs:.3f} | {ours / theirs:.2f} |")


def main() -> None:
    if not MJML.exists():
        print("benchmarks/js/node_modules is missing: run `make bench` (it installs the JS MJML CLI with npm)")
        return
    rounds = int(os.environ.get("BENCH_ROUNDS", "7"))
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        weight(work)
        speed(work, rounds)


if __name__ == "__main__":
    main()
