"""Checks that leave the machine or run other programs: SpamAssassin's score and, with --links, external links."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from email.utils import formataddr

from ..render.message import lesson_message
from .model import LessonReport, LessonsContext
from .registry import Problem, check
from .source import source_context

SPAM_THRESHOLD = 5.0
UNREACHABLE = "unreachable"
LINK_TIMEOUT_SECONDS = 10.0


@check(
    "spam.score",
    "info / warning",
    f"SpamAssassin's score and rules for the lesson as an .eml (warning from {SPAM_THRESHOLD:.0f}), when "
    "`spamassassin` is installed (`make test` installs it; `--no-spam` skips it)",
    "lessons",
)
def spam_score(ctx: LessonsContext) -> Iterator[Problem]:
    if not ctx.spam or not shutil.which("spamassassin"):
        return
    course = ctx.course

    def score(report: LessonReport) -> tuple[LessonReport, str | None]:
        html, text = ctx.finals[report.number]
        message = lesson_message(
            course, course.lessons[report.number - 1], html, text, to=formataddr(("Sam", "sam@example.com")),
            unsubscribe_url=course.links.unsubscribe_url,
        )  # fmt: skip
        try:
            done = subprocess.run(
                ["spamassassin", "-L", "-t", "--cf=report_safe 0"],
                input=message.as_bytes(),
                capture_output=True,
                timeout=120,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return report, None
        return report, done.stdout.decode("utf-8", "replace")

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(score, [r for r in ctx.reports if r.number in ctx.finals]))
    for report, output in results:
        status = output and re.search(
            r"X-Spam-Status: \w+, score=(-?[\d.]+) required=[\d.]+\s+tests=([^\n]*(?:\n\s+[^\n]*)*)", output
        )
        if not status:
            continue
        report.spam_score = float(status.group(1))
        rules = [r for r in re.split(r"[,\s]+", status.group(2).split("autolearn=")[0]) if r and r != "none"]
        yield Problem(
            f"SpamAssassin scores {report.spam_score:.1f} (spam from {SPAM_THRESHOLD:.0f}); "
            f"rules hit: {', '.join(rules) or 'none'}",
            lesson=report.number,
            severity="warning" if report.spam_score >= SPAM_THRESHOLD else "info",
        )


Probe = tuple[str, int | None, str, list[tuple[int, str]]]  # url, status, why not, (lesson, file:line) linking to it


def _probe_links(ctx: LessonsContext) -> list[Probe]:
    """(url, HTTP status or None, why it did not answer, where it is linked) for every external link."""
    import httpx  # here, not at the top: only --links needs it

    targets: dict[str, list[tuple[int, str]]] = {}
    for report in ctx.reports:
        lesson = ctx.course.lessons[report.number - 1]
        source = source_context(ctx.course, lesson)
        places = [(href, source.at(line)) for href, line in source.links]
        if lesson.cta is not None and lesson.cta.url:
            places.append((lesson.cta.url, f"{source.file} front matter cta"))
        if lesson is ctx.course.lessons[-1] and ctx.course.cta.url:
            line = ctx.course.setting_lines.get(("cta", "url"))
            places.append((ctx.course.cta.url, f"course.toml:{line}" if line else "course.toml [cta] url"))
        for href, where in places:
            if href.strip().lower().startswith(("http://", "https://")):
                targets.setdefault(href.strip(), []).append((report.number, where))

    def probe(url: str) -> tuple[str, int | None, str]:
        headers = {"User-Agent": "course link check"}
        with httpx.Client(timeout=LINK_TIMEOUT_SECONDS, follow_redirects=True, headers=headers) as client:
            try:
                response = client.head(url)
                if response.status_code in (405, 501) or response.status_code >= 400:
                    response = client.get(url)
                return url, response.status_code, ""
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                return url, None, f"{UNREACHABLE}: {type(exc).__name__}"
            except httpx.HTTPError as exc:
                return url, None, type(exc).__name__

    with ThreadPoolExecutor(max_workers=8) as pool:
        return [(url, status, why, targets[url]) for url, status, why in pool.map(probe, sorted(targets))]


def _offline(probed: list[Probe]) -> bool:
    """No link could even be connected to: this machine has no network (or no DNS), the links may be fine."""
    return bool(probed) and all(status is None and why.startswith(UNREACHABLE) for _, status, why, _ in probed)


@check(
    "link.broken",
    "error",
    "with `--links`: an external link that answers 404 or 410, or does not answer (every link is requested, HEAD "
    "then GET, in parallel, with a 10 s timeout)",
    "lessons",
)
def links_broken(ctx: LessonsContext) -> Iterator[Problem]:
    if not ctx.links:
        return
    ctx.probed = _probe_links(ctx)
    if _offline(ctx.probed):
        return
    for url, status, why, places in ctx.probed:
        if status in (404, 410) or status is None:
            what = f"answers HTTP {status}" if status else f"does not answer ({why})"
            for number, where in places:
                yield Problem(f"{url} {what}: fix or remove the link", where, lesson=number)


@check(
    "link.unchecked",
    "warning",
    "with `--links` on a machine that reaches none of the links (no network or no DNS): said once, not per link",
    "lessons",
)
def links_unchecked(ctx: LessonsContext) -> Iterator[Problem]:
    if ctx.links and _offline(ctx.probed):
        yield Problem(
            f"the {len(ctx.probed)} external links could not be checked: none could be reached from this machine "
            "(no network, or no DNS); run `course check --links` where the web is reachable"
        )


@check("link.status", "warning", "with `--links`: an external link that answers another error status", "lessons")
def links_status(ctx: LessonsContext) -> Iterator[Problem]:
    for url, status, _why, places in ctx.probed:
        if status is not None and status >= 400 and status not in (404, 410):
            for number, where in places:
                yield Problem(f"{url} answers HTTP {status}; check it opens in a browser", where, lesson=number)
