"""Findings in the lesson as the author wrote it: links, images, heading order and placeholders, with lines."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from ..project import Course, Lesson
from .model import Finding


def relative(course: Course, path: Path) -> str:
    try:
        return path.relative_to(course.root).as_posix()
    except ValueError:
        return str(path)


def permissive_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    parser.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link the author wrote, even ones the renderer drops
    return parser


def source_findings(course: Course, lesson: Lesson) -> list[Finding]:
    findings: list[Finding] = []
    file = relative(course, lesson.path)
    offset = lesson.body_line  # markdown-it counts body lines from 0

    def add(severity: str, code: str, message: str, line: int | None, element: str | None = None) -> None:
        where = f"{file}:{line + offset}" if line is not None else file
        findings.append(Finding(severity, code, message, lesson.number, f"{where} {element}" if element else where))

    tokens = permissive_parser().parse(lesson.body)
    heading_levels: list[tuple[int, int]] = []
    for token in tokens:
        line = token.map[0] if token.map else None
        if token.type == "heading_open":
            heading_levels.append((int(token.tag[1]), line or 0))
        children = token.children or []
        for child in children:
            if child.type == "link_open":
                _link_findings(add, str(child.attrs.get("href", "")), line, "link")
            elif child.type == "image":
                src = str(child.attrs.get("src", ""))
                alt = "".join(c.content for c in child.children or []) or str(child.attrs.get("alt", ""))
                _image_findings(add, course, src, alt, None, line)
            elif child.type == "html_inline":
                _raw_html_findings(add, course, child.content, line)
        if token.type == "html_block":
            _raw_html_findings(add, course, token.content, line)
    for (previous, _), (level, line) in itertools.pairwise(heading_levels):
        if level > previous + 1:
            add(
                "warning", "headings.order", f"an h{level} follows an h{previous}: use one level deeper at a time", line
            )
    for number, text in enumerate(lesson.body.split("\n")):
        leftover = re.search(r"\{\{.*?\}\}|\{%.*?%\}|\*\|[A-Z_:]+\|\*|\{[A-Z][A-Z0-9_]+\}|%%\w+%%|\[\[\w+\]\]", text)
        if leftover:
            add(
                "error",
                "template.leftover",
                f"{leftover.group(0)!r} is template syntax or a placeholder in the lesson text; readers would see it "
                "as is: write merge fields in the templates ({{ merge.first_name }}), not in lessons",
                number,
            )
    return findings


def _link_findings(add: Any, href: str, line: int | None, what: str) -> None:
    target = href.strip()
    lowered = target.lower()
    if lowered.startswith(("javascript:", "vbscript:")):
        add(
            "error", "link.javascript", f"a {what} runs script ({target[:40]}); email clients block it: remove it", line
        )
    elif lowered.startswith("data:"):
        add("error", "link.data", f"a {what} is a data: URL; clients block it: link to a web page instead", line)
    elif not target or target == "#":
        add("error", "link.empty", f"a {what} has no target: give it the address it should open", line)
    elif lowered.startswith("http://"):
        add("warning", "link.http", f"{target} is not https; some clients warn about it: use https://", line)
    elif not re.match(r"^[a-z][a-z0-9+.-]*:", lowered):
        add(
            "error",
            "link.relative",
            f"{target} is relative, and an email has no page to be relative to: make it absolute or set base_url "
            "under [course]",
            line,
        )


def _image_findings(add: Any, course: Course, src: str, alt: str | None, width: str | None, line: int | None) -> None:
    element = f"<img src={src[:60]}>"
    if alt is None or not alt.strip():
        add(
            "warning",
            "image.alt-missing",
            "an image has no alt text; screen readers and clients that block images show nothing: describe it",
            line,
            element,
        )
    if src.lower().startswith("http://"):
        add("warning", "image.http", "an image is loaded over http; clients block or warn: use https://", line, element)
    elif src.lower().startswith(("javascript:", "data:")):
        add(
            "error",
            "image.data",
            "an image is a data: or javascript: URL; clients block it: host the image",
            line,
            element,
        )
    if width and width.isdigit() and int(width) > 1200:
        add("warning", "image.large", f"an image is {width} px wide; scale it to at most 1200 px", line, element)
    local = course.root / "assets" / Path(src).name
    if "assets/" in src and local.is_file() and local.stat().st_size > 1_000_000:
        add(
            "warning",
            "image.large",
            f"{local.name} is {local.stat().st_size / 1_048_576:.1f} MB; readers on phones wait for it: compress it "
            "below 500 KB",
            line,
            element,
        )


def _raw_html_findings(add: Any, course: Course, fragment: str, line: int | None) -> None:
    for match in re.finditer(r"<a\b[^>]*?\bhref\s*=\s*(\"([^\"]*)\"|'([^']*)'|([^\s>]+))", fragment, re.I):
        _link_findings(add, match.group(2) or match.group(3) or match.group(4) or "", line, "link")
    for match in re.finditer(r"<img\b[^>]*>", fragment, re.I):
        tag = match.group(0)
        src = re.search(r"\bsrc\s*=\s*[\"']?([^\"'\s>]*)", tag, re.I)
        alt = re.search(r"\balt\s*=\s*(\"([^\"]*)\"|'([^']*)'|([^\s>]+))", tag, re.I)
        width = re.search(r"\bwidth\s*=\s*[\"']?(\d+)", tag, re.I)
        alt_text = (alt.group(2) or alt.group(3) or alt.group(4) or "") if alt else None
        _image_findings(add, course, src.group(1) if src else "", alt_text, width.group(1) if width else None, line)
