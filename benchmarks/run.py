"""`make bench`, first part: how long each stage of a lesson email takes, a 1,000-lesson course (with one process
per core and with one), 12 dialects vs 1, and the preview's reload. The second part (compare.py) sets course
beside the JS MJML CLI.

Timings are medians over repeated warm runs on this machine; docs/performance.md records a run.
"""

from __future__ import annotations

import gc
import http.client
import json as json_module
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from benchmarks.fixtures import write_big_course
from course.build import build_course
from course.cli import cli
from course.preview import start_preview
from course.project import load_project
from course.render import CourseRender
from course.render.dialects import Dialect
from course.render.email import Renderer, compile_mjml
from course.render.markdown import render_html
from course.text import markdown_text, parsed

SEED = Path(__file__).resolve().parent.parent / "examples" / "sales-manager-or-leader.txt"
PROVIDER_LIKE_TAGS = [
    ("*|FNAME|*", "*|UNSUB|*"),
    ("{{ subscriber.first_name }}", "{{ unsubscribe_url }}"),
    ("{$name}", "{$unsubscribe}"),
    ("{{ contact.FIRSTNAME }}", "{{ unsubscribe }}"),
    ("{{first_name}}", "<%asm_group_unsubscribe_raw_url%>"),
    ("{{ FirstName }}", "{{{ pm:unsubscribe }}}"),
    ("{{first_name}}", "{{amazonSESUnsubscribeUrl}}"),
    ("%recipient.first_name%", "%unsubscribe_url%"),
    ("{{ .Subscriber.FirstName }}", "{{ UnsubscribeURL }}"),
    ("{{ subscriber.metadata.first_name }}", "{{ unsubscribe_url }}"),
    ("there", "https://example.com/unsubscribe"),
    ("Sam", "https://example.com/unsubscribe"),
]


def cold(function: Callable[..., Any], *args: Any) -> Any:
    """Call with the Markdown parse cache empty, as the first render of a lesson in a build is."""
    parsed.cache_clear()
    return function(*args)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def seed_course(folder: Path) -> Path:
    root = folder / "seed"
    CliRunner().invoke(cli, ["split", str(SEED), "-o", str(root)], catch_exceptions=False)
    return root


def stages(root: Path, repeat: int) -> list[tuple[str, float]]:
    course = load_project(root)
    renderer = Renderer(course)
    lessons = course.lessons
    for lesson in lessons:  # warm up: templates compiled, premailer's CSS cache filled
        renderer.render(lesson)
    template = renderer._template(renderer.mjml_env, "lesson.mjml.j2")
    contexts = [renderer.context(lesson) for lesson in lessons]
    sources = [template.render(context) for context in contexts]
    compiled = [compile_mjml(source, lesson) for source, lesson in zip(sources, lessons, strict=True)]
    inlined = compiled
    bodies = [render_html(x.body) for x in lessons]
    dialect = Dialect("bench", {"first_name": "Sam", "unsubscribe_url": "https://example.com/u"}, escape=True)
    n = len(lessons)
    rows = [
        ("Markdown -> sanitised HTML (markdown-it-py, nh3)", lambda: [cold(render_html, x.body) for x in lessons]),
        ("template context (incl. Markdown)", lambda: [cold(renderer.context, x) for x in lessons]),
        ("Jinja -> MJML", lambda: [template.render(c) for c in contexts]),
        ("MJML -> HTML (mjml-python)", lambda: [compile_mjml(s, x) for s, x in zip(sources, lessons, strict=True)]),
        ("CSS inlining of the lesson body (premailer)", lambda: [renderer.styled_body(b) for b in bodies]),
        ("plain-text twin (Markdown already parsed for the HTML)", lambda: [markdown_text(x.body) for x in lessons]),
        ("dialect substitution (placeholders cut once per lesson)", lambda: [dialect.apply_html(h) for h in inlined]),
        (
            "whole lesson (render + one dialect)",
            lambda: [dialect.apply_html(cold(renderer.render, x).html) for x in lessons],
        ),
    ]
    return [(name, median_ms(action, repeat) / n) for name, action in rows]


def dialect_cost(root: Path, repeat: int) -> tuple[float, float]:
    course = load_project(root)
    renderer = Renderer(course)
    dialects = [
        Dialect(f"d{i}", {"first_name": fn, "unsubscribe_url": un}, escape=False)
        for i, (fn, un) in enumerate(PROVIDER_LIKE_TAGS)
    ]
    for lesson in course.lessons:  # warm up
        renderer.render(lesson)

    def with_dialects(count: int) -> None:
        rendering = CourseRender(course)
        rendering.renderer = renderer  # templates already compiled, as in one build
        for dialect in dialects[:count]:
            rendering.emails(dialect)

    ones, twelves = [], []
    for _ in range(repeat):  # interleaved, so that a slow moment of the machine hits both variants alike
        ones.append(median_ms(lambda: with_dialects(1), 1))
        twelves.append(median_ms(lambda: with_dialects(12), 1))
    return statistics.median(ones), statistics.median(twelves)


def big_course(folder: Path, lessons: int, parallel: bool = True) -> tuple[float, float]:
    root = folder / ("big" if parallel else "big-serial")
    write_big_course(root, lessons)
    gc.collect()
    import course.render

    limit = course.render.PARALLEL_FROM
    course.render.PARALLEL_FROM = limit if parallel else lessons + 1
    start = time.perf_counter()
    build_course(root)
    seconds = time.perf_counter() - start
    course.render.PARALLEL_FROM = limit
    return seconds, seconds * 1000 / lessons


def preview_latency(root: Path, samples: int) -> tuple[float, float]:
    """Save a lesson, wait for the preview's server-sent event announcing the new build: median and worst ms."""
    running = start_preview(root, port=0)
    try:
        host, port = running.server.server_address[:2]
        connection = http.client.HTTPConnection(host, port, timeout=10)
        connection.request("GET", "/__course/events")
        stream = connection.getresponse()

        def next_event() -> dict:
            while True:
                line = stream.readline().decode()
                if line.startswith("data: "):
                    return json_module.loads(line[6:])

        version = next_event()["version"]
        lesson = sorted((root / "lessons").glob("*.md"))[0]
        timings = []
        for index in range(samples):
            time.sleep(0.2)  # let the watcher settle, as between two saves
            start = time.perf_counter()
            lesson.write_text(lesson.read_text() + f"\nEdit number {index}.\n")
            event = next_event()
            while event["version"] == version:
                event = next_event()
            version = event["version"]
            timings.append((time.perf_counter() - start) * 1000)
        connection.close()
    finally:
        running.stop()
    return statistics.median(timings), max(timings)


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        root = seed_course(folder)
        print(f"Per email, warm, median of {repeat} runs over the seed's lessons:\n")
        print("| stage | ms per email |\n|---|---:|")
        for name, ms in stages(root, repeat):
            print(f"| {name} | {ms:.2f} |")
        one, twelve = dialect_cost(root, max(10, repeat))
        print(f"\nWhole course ({len(load_project(root).lessons)} lessons), render once then write dialects:\n")
        print("| dialects | ms | ratio |\n|---|---:|---:|")
        print(f"| 1 | {one:.1f} | 1.00 |")
        print(f"| 12 | {twelve:.1f} | {twelve / one:.2f} |")
        seconds, per_lesson = big_course(folder, 1000)  # before the preview: its threads would keep the pool off
        serial, serial_per_lesson = big_course(folder, 1000, parallel=False)
        print("\nSynthetic course of 1,000 lessons, `course build` end to end (render, gallery, write), in-process:\n")
        print("| lessons | processes | seconds | ms per lesson |\n|---|---|---:|---:|")
        print(f"| 1000 | one per core | {seconds:.2f} | {per_lesson:.2f} |")
        print(f"| 1000 | one | {serial:.2f} | {serial_per_lesson:.2f} |")
        median, worst = preview_latency(root, 10)
        print("\n`course preview`: save a lesson -> the page is told about the new build (10 saves):\n")
        print(f"| median ms | worst ms |\n|---:|---:|\n| {median:.0f} | {worst:.0f} |")


if __name__ == "__main__":
    main()
