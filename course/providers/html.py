"""Plain HTML and text with no merge tags at all: the fallback greeting and the unsubscribe page from course.toml."""

from __future__ import annotations

from typing import ClassVar

from ..errors import CourseError
from ..render.dialects import Dialect
from ..render.wording import strings_for
from .base import ExportedLesson, Provider


class PlainHTML(Provider):
    name = "html"
    label = "plain HTML"
    sequences = "no"
    lands_as = "HTML and text files"
    tags: ClassVar[dict[str, str]] = {}
    escape_values = True
    uses_unsubscribe_page = True

    def dialect(self) -> Dialect:
        links = self.course.links
        unsubscribe = links.unsubscribe_url
        if not unsubscribe.startswith(("https://", "http://", "mailto:")):
            raise CourseError(
                f"{self.course.root / 'course.toml'}: [links] unsubscribe_url is not set; {self.name} emails need "
                'the address of your unsubscribe page, e.g. unsubscribe_url = "https://example.com/unsubscribe"'
            )
        values = {
            "first_name": strings_for(self.course.language, self.course.strings)["first_name_fallback"],
            "unsubscribe_url": unsubscribe,
        }
        if links.view_online_url:
            values["view_online_url"] = links.view_online_url
        return Dialect(self.name, values, escape=True)

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return """
1. Each `NN-….html` is a complete email with no merge tags ("Hi there,"), and each `.txt` its plain-text twin.
   Paste them into any tool that takes custom HTML, or host the HTML files as a web version of the course.
2. The unsubscribe link points at `[links] unsubscribe_url` from course.toml.
"""
