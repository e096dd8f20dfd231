"""Checks that leave the machine or run other programs: SpamAssassin's score and external links."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from markdown_it import MarkdownIt

from ..project import Course
from .model import SPAM_THRESHOLD, Finding, LessonReport
from .source import permissive_parser


def spamassassin(course: Course, reports: list[LessonReport], finals: dict[int, tuple[str, str]]) -> None:
    from email.utils import formataddr

    from ..message import lesson_message

    def score(report: LessonReport) -> tuple[LessonReport, str | None]:
        html, text = finals[report.number]
        lesson = course.lessons[report.number - 1]
        message = lesson_message(
            course,
            lesson,
            html,
            text,
            to=formataddr(("Sam", "sam@example.com")),
            unsubscribe_url=str(course.links.get("unsubscribe_url") or ""),
        )
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
        results = list(pool.map(score, [r for r in reports if r.number in finals]))
    for report, output in results:
        if output is None:
            continue
        status = re.search(
            r"X-Spam-Status: \w+, score=(-?[\d.]+) required=[\d.]+\s+tests=([^\n]*(?:\n\s+[^\n]*)*)", output
        )
        if not status:
            continue
        report.spam_score = float(status.group(1))
        rules = [r for r in re.split(r"[,\s]+", status.group(2).split("autolearn=")[0]) if r and r != "none"]
        severity = "warning" if report.spam_score >= SPAM_THRESHOLD else "info"
        report.findings.append(
            Finding(
                severity,
                "spam.score",
                f"SpamAssassin scores {report.spam_score:.1f} (spam from {SPAM_THRESHOLD:.0f}); "
                f"rules hit: {', '.join(rules) or 'none'}",
                report.number,
                report.file,
            )
        )


def check_links(course: Course, reports: list[LessonReport], timeout: float = 10.0) -> None:
    import httpx

    targets: dict[str, list[LessonReport]] = {}
    parser = permissive_parser()
    for report in reports:
        lesson = course.lessons[report.number - 1]
        for url in _external_links(parser, lesson.body):
            targets.setdefault(url, []).append(report)

    def probe(url: str) -> tuple[str, int | None, str]:
        with httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": "course link check"}
        ) as client:
            try:
                response = client.head(url)
                if response.status_code in (405, 501) or response.status_code >= 400:
                    response = client.get(url)
                return url, response.status_code, ""
            except httpx.HTTPError as exc:
                return url, None, type(exc).__name__

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(probe, sorted(targets)))
    for url, status, problem in results:
        if status is not None and status < 400:
            continue
        for report in targets[url]:
            if status in (404, 410) or status is None:
                what = f"answers HTTP {status}" if status else f"does not answer ({problem})"
                report.findings.append(
                    Finding("error", "link.broken", f"{url} {what}: fix or remove the link", report.number, report.file)
                )
            else:
                report.findings.append(
                    Finding(
                        "warning",
                        "link.status",
                        f"{url} answers HTTP {status}; check it opens in a browser",
                        report.number,
                        report.file,
                    )
                )


def _external_links(parser: MarkdownIt, body: str) -> Iterable[str]:
    for token in parser.parse(body):
        for child in token.children or []:
            if child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                if href.startswith(("http://", "https://")):
                    yield href
    for match in re.finditer(r"<a\b[^>]*?\bhref\s*=\s*[\"'](https?://[^\"']+)", body, re.I):
        yield match.group(1)
