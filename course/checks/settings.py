"""Findings about the course as a whole: postal address, sender, example values, theme contrast."""

from __future__ import annotations

from ..colors import theme_contrast_warnings
from ..project import EXAMPLE_ADDRESS, EXAMPLE_EMAIL, Course
from .model import Finding


def course_findings(course: Course) -> list[Finding]:
    where = "course.toml"
    findings = []
    address = course.sender.get("postal_address", "").strip()
    if not address:
        findings.append(
            Finding(
                "error",
                "footer.postal-address",
                "there is no postal address for the footer, which CAN-SPAM requires: set "
                "postal_address under [sender] in course.toml",
                None,
                where,
            )
        )
    elif address == EXAMPLE_ADDRESS:
        findings.append(
            Finding(
                "warning",
                "footer.example-address",
                "the postal address is still the example one: set your own under [sender]",
                None,
                where,
            )
        )
    for key in ("email", "reply_to"):
        if course.sender.get(key, "").strip().lower() == EXAMPLE_EMAIL:
            findings.append(
                Finding(
                    "warning",
                    "sender.example",
                    f"[sender] {key} is still {EXAMPLE_EMAIL}: set the address you send from",
                    None,
                    where,
                )
            )
    unsubscribe = str(course.links.get("unsubscribe_url") or "")
    if "example.com" in unsubscribe:
        findings.append(
            Finding(
                "info",
                "links.example-unsubscribe",
                "[links] unsubscribe_url is the example one; the eml and html exports use it",
                None,
                where,
            )
        )
    for warning in theme_contrast_warnings(course.theme, where):
        findings.append(Finding("warning", "theme.contrast", warning.split(": ", 1)[1], None, where))
    return findings
