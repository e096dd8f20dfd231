"""The author's words stay words: template syntax an article quotes (`{{ 7*7 }}`, `{% if %}`, `*|FNAME|*`, `{$name}`)
reaches every reader exactly as written, whichever template language the provider runs the email through.

Before rendering, every sequence a template language could read in the author's text (the lesson, its title,
subject and preheader, course.toml's values) becomes a neutral placeholder such as `@@COURSE_LITERAL_LB_LB@@`,
which no stage alters and which the check for our own templates' leftovers does not see. The dialect, last,
writes each one back in the form its provider's language prints literally (`STYLES`). docs/providers.md lists
the forms and how each was tested.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from markupsafe import Markup

from ..lazyre import lazy_compile

# Opening and closing delimiters of Handlebars, Mustache, Liquid, Jinja/Django, Go templates, Mailchimp and
# MailerLite: runs of braces, and a brace beside %, # or $; Mailchimp's *| and |*.
LITERAL_RE = lazy_compile(r"\{{2,}|\}{2,}|\{[%#$]|[%#]\}|\*\||\|\*")
CODES = {"{": "LB", "}": "RB", "%": "PC", "#": "HS", "$": "DL", "*": "ST", "|": "VB"}
CHARACTERS = {code: character for character, code in CODES.items()}
PREFIX = "literal_"


def protect(text: str) -> str:
    """Text with each template delimiter replaced by its placeholder (the same form as merge placeholders)."""
    if "{" not in text and "}" not in text and "|" not in text:  # every delimiter has one: most text has none
        return text
    return LITERAL_RE.sub(lambda m: "@@COURSE_LITERAL_" + "_".join(CODES[c] for c in m.group(0)) + "@@", text)


def protect_all(value: Any) -> Any:
    """`protect` through the values a template sees: strings, Markup, dicts, lists and dataclasses."""
    if isinstance(value, Markup):
        return Markup(protect(str(value)))
    if isinstance(value, str):
        return protect(value)
    if isinstance(value, dict):
        return {key: protect_all(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(protect_all(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: protect_all(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def literal_text(field_name: str) -> str:
    """The author's characters behind a placeholder's field name ("literal_lb_lb" -> "{{")."""
    return "".join(CHARACTERS[code.upper()] for code in field_name[len(PREFIX) :].split("_"))


def _expression(text: str, quote: str) -> str:
    """Liquid, Jinja, Nunjucks, Django and Go print a string constant: {{ '{{' }} is two braces."""
    if text.startswith("{"):
        opening = text[:2]
        return "{{ " + quote + opening + quote + " }}" + text[2:]
    return text


def _handlebars(text: str) -> str:
    """Handlebars prints `\\{{…` as written, up to the next mustache."""
    return "\\" + text if text.startswith("{{") else text


def _mustachio(text: str) -> str:
    """Postmark's Mustachio has no escape: an empty comment between two braces keeps them from making a tag
    (its tokenizer only matches {{ followed by something that is not a brace)."""
    if text.startswith("{{"):
        return "{" + "{{!}}{" * (len(text) - 1)
    return text


def _character_references(text: str, html_part: bool) -> str:
    """Languages with no escape in the HTML part: the first character as a character reference, which the
    provider does not read and the reader's mail client shows as the character."""
    if html_part and text.startswith(("{", "*")):
        return f"&#{ord(text[0])};{text[1:]}"
    return text


STYLES = {
    "plain": lambda text, html_part: text,  # no template language: the local build, .eml and plain HTML
    "handlebars": lambda text, html_part: _handlebars(text),
    "mustachio": lambda text, html_part: _mustachio(text),
    "expression": lambda text, html_part: _expression(text, "'"),  # Liquid, Jinja, Nunjucks, Django, pongo2
    "go": lambda text, html_part: _expression(text, "`"),  # Go templates: a raw string constant
    "references": _character_references,  # Mailchimp's *|…|*, MailerLite's {$…}: HTML only
}


def render_literal(style: str, field_name: str, html_part: bool) -> str:
    """The author's characters behind a placeholder, in the form `style` prints them literally."""
    return STYLES[style](literal_text(field_name), html_part)
