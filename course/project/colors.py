"""Colour arithmetic for the theme: WCAG contrast between text and its background."""

from __future__ import annotations

import re

from ..model import Theme

MIN_CONTRAST = 4.5  # WCAG 2.x AA for body text


def parse_hex(color: str) -> tuple[int, int, int]:
    value = color.strip().lstrip("#")
    if not re.fullmatch(r"[0-9a-fA-F]{3}|[0-9a-fA-F]{6}", value):
        raise ValueError(f"not a hex colour: {color!r}")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = parse_hex(color)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio, from 1 (same colour) to 21 (black on white)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def low_contrast(theme: Theme) -> list[tuple[str, str]]:
    """Pairs of theme colours a reader must be able to tell apart that are below 4.5:1: (colour key, why)."""
    pairs = [
        ("text_color", "content_background", "lesson text"),
        ("muted_color", "background_color", "footer text"),
        ("button_text_color", "brand_color", "button text"),
        ("brand_color", "content_background", "links"),
    ]
    found = []
    for fg, bg, what in pairs:
        foreground, background = str(getattr(theme, fg)), str(getattr(theme, bg))
        try:
            ratio = contrast_ratio(foreground, background)
        except ValueError:
            continue
        if ratio < MIN_CONTRAST:
            found.append((
                fg,
                f"[theme] {fg} {foreground} on {bg} {background} has contrast {ratio:.1f}:1, below "
                f"{MIN_CONTRAST}:1; {what} will be hard to read: darken or lighten one of them",
            ))  # fmt: skip
    return found
