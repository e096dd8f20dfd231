"""Every built seed lesson in real headless Chromium, at phone and desktop widths, light and dark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .browser import SCREENSHOTS

WIDTHS = (320, 375, 600, 1024)


@pytest.fixture(scope="module")
def lessons(seed_course: Path) -> list[tuple[str, Path]]:
    rows = json.loads((seed_course / "build" / "sequence.json").read_text())["lessons"]
    return [(row["slug"], seed_course / "build" / row["html"]) for row in rows]


@pytest.mark.parametrize("width", WIDTHS)
def test_lessons_fit_every_width(browser, lessons, width: int) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        for index, (slug, path) in enumerate(lessons):
            page.goto(path.as_uri())
            scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert scroll_width <= inner_width, f"{slug} scrolls sideways at {width}px ({scroll_width}px wide)"
            if width == 375:
                sizes = page.eval_on_selector_all(
                    ".lesson-body p, .lesson-body li", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
                )
                assert sizes and min(sizes) >= 14, f"{slug}: body text {min(sizes)}px at 375px"
            footer = page.get_by_role("link", name="Unsubscribe")
            assert footer.is_visible()
            box = footer.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
            if index == len(lessons) - 1:
                button = page.get_by_role("link", name="Reply to Alistair Hopkins")
                assert button.is_visible()
                box = button.bounding_box()
                assert box and box["x"] + box["width"] <= width and box["height"] >= 40
            page.screenshot(path=str(SCREENSHOTS / f"{index + 1:02d}-{slug}-{width}.png"), full_page=True)
    finally:
        page.close()


def test_dark_mode_keeps_text_readable(browser, lessons) -> None:
    page = browser.new_page(viewport={"width": 600, "height": 900}, color_scheme="dark")
    try:
        page.goto(lessons[0][1].as_uri())
        colors = page.evaluate(
            """() => {
                const p = document.querySelector('.lesson-body p');
                let el = p, bg = 'rgba(0, 0, 0, 0)';
                while (el && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) {
                    bg = getComputedStyle(el).backgroundColor; el = el.parentElement;
                }
                return [getComputedStyle(p).color, bg];
            }"""
        )
        text, background = (_luminance(c) for c in colors)
        assert background < 0.1, f"background stays light in dark mode: {colors}"
        assert (max(text, background) + 0.05) / (min(text, background) + 0.05) >= 4.5, colors
        page.screenshot(path=str(SCREENSHOTS / "01-dark-600.png"), full_page=True)
    finally:
        page.close()


def _luminance(css_color: str) -> float:
    parts = [float(x) for x in css_color[css_color.index("(") + 1 : css_color.index(")")].split(",")[:3]]

    def channel(c: float) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in parts)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


TUTORIAL = """---
title: Cleaning messy CSV files with pandas
author: Dana Whitfield
---

Most CSV files you receive are messy, and cleaning them by hand is slow. This tutorial shows the three steps I
use every time a new export lands in my inbox, with the code and the checks that go with each.

## Reading the file

Start by reading everything as text, so that pandas guesses nothing wrongly and you decide every conversion:

```python
import pandas as pd

df = pd.read_csv("exports/sales-2024-03.csv", dtype=str, keep_default_na=False, encoding="utf-8")
for column in df.columns:
    df[column] = df[column].str.strip().astype("string")
```

| Pattern | Example value | Meaning of the value in the export |
|---|---|---|
| ISODate | 2024-03-07 | year, month and day |
| yesterday | yesterday | relative to the export date |
| Thousands | 1,250,000.50 | comma-separated thousands |

Then count the empty cells per column before you change anything, and write the counts down somewhere.
"""
CODE_LINES = 5


@pytest.fixture(scope="module")
def tutorial(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import run

    folder = tmp_path_factory.mktemp("tutorial")
    (folder / "tutorial.md").write_text(TUTORIAL)
    assert run("split", str(folder / "tutorial.md"), "-o", str(folder / "course"), "-n", "2").exit_code == 0
    assert run("build", str(folder / "course")).exit_code == 0
    return next((folder / "course" / "build").glob("02-*.html"))


@pytest.mark.parametrize("width", (320, 375))
@pytest.mark.parametrize("styles", ("with <style>", "without <style>"))
def test_code_and_tables_keep_their_lines_and_words_on_a_phone(
    browser, tutorial: Path, width: int, styles: str
) -> None:
    import re

    document = tutorial.read_text()
    if styles == "without <style>":  # a client that drops the head's styles keeps the inlined ones
        document = re.sub(r"(?s)<style\b.*?</style>", "", document)
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.set_content(document)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"the email is {scroll_width}px wide at {width}px"
        scroll, client, lines = page.evaluate(
            """() => { const pre = document.querySelector('.lesson-body pre');
                const box = pre.closest('.scroll') || pre, range = document.createRange();
                range.selectNodeContents(pre);
                const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                return [box.scrollWidth, box.clientWidth, tops.size]; }"""
        )
        font = page.evaluate("getComputedStyle(document.querySelector('.lesson-body pre code')).fontFamily")
        assert "monospace" in font, f"the code is set in {font}"
        assert scroll > client, "the long code line does not scroll inside its box"
        assert lines == CODE_LINES, f"the code's {CODE_LINES} lines show as {lines}: wrapped"
        broken = page.evaluate(
            """() => [...document.querySelectorAll('.lesson-body table:not(.scroll-box) td')].flatMap(cell => {
                const text = cell.firstChild; if (!text || text.nodeType !== 3) return [];
                const words = [...text.textContent.matchAll(/[^\\s-]+-?/g)];  // a line may break after a hyphen
                return words.filter(w => {
                    const r = document.createRange(); r.setStart(text, w.index); r.setEnd(text, w.index + w[0].length);
                    return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1;
                }).map(w => w[0]); })"""
        )
        assert broken == [], f"words broken across lines in table cells: {broken}"
        page.screenshot(path=str(SCREENSHOTS / f"tutorial-{width}-{styles.split()[0]}.png"), full_page=True)
    finally:
        page.close()


def test_dark_mode_keeps_the_labels_muted_and_the_button_readable(browser, lessons) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 900}, color_scheme="dark")
    try:
        page.goto(lessons[-1][1].as_uri())
        label, body = page.evaluate(
            "[getComputedStyle(document.querySelector('.card .label')).color,"
            " getComputedStyle(document.querySelector('.lesson-body p')).color]"
        )
        assert _luminance(label) < _luminance(body) * 0.75, f"the label is as bright as the text: {label} {body}"
        button = page.get_by_role("link", name="Reply to Alistair Hopkins")
        text, background = button.evaluate(
            "a => { let el = a, bg = 'rgba(0, 0, 0, 0)'; while (el && bg === 'rgba(0, 0, 0, 0)') {"
            " bg = getComputedStyle(el).backgroundColor; el = el.parentElement; }"
            " return [getComputedStyle(a).color, bg]; }"
        )
        low, high = sorted((_luminance(text), _luminance(background)))
        assert (high + 0.05) / (low + 0.05) >= 3, (
            f"the button's text is hard to read in dark mode: {text} on {background}"
        )
    finally:
        page.close()


def test_the_gallery_fits_a_phone(browser, seed_course: Path) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 900})
    try:
        page.goto((seed_course / "build" / "index.html").as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        page.close()


@pytest.mark.parametrize("opening", ("table", "code"))
def test_a_lesson_that_opens_with_a_table_or_code_fits_a_phone(browser, tmp_path: Path, opening: str) -> None:
    """The first element of a lesson gets class "first": a table's or code's scroll box keeps its own class."""
    from .conftest import run

    root = tmp_path / "course"
    (root / "lessons").mkdir(parents=True)
    (root / "course.toml").write_text('[course]\ntitle = "Macros"\n[sender]\nname = "Ann"\nemail = "a@example.org"\n')
    first = (
        "| Argument | Required | Default | What it does |\n|---|---|---|---|\n"
        "| `label` | yes | — | The text on the button that the reader clicks |\n"
        "| `kind` | no | `primary` | The CSS modifier: `primary`, `secondary` or `danger` |\n"
        if opening == "table"
        else "```\n{% macro button(label, url, kind='primary', size='large', icon=None) -%}\n```\n"
    )
    (root / "lessons" / "01-arguments.md").write_text(f"---\ntitle: Arguments\n---\n\n{first}\nThat is all.\n")
    assert run("build", str(root)).exit_code == 0
    page = browser.new_page(viewport={"width": 320, "height": 900})
    try:
        page.goto((root / "build" / "01-arguments.html").resolve().as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"the email is {width}px wide at 320px"
    finally:
        page.close()
