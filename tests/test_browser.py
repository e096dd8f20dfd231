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
