"""Postmark's template engine, Mustachio (ActiveCampaign/mustachio, Tokenizer.cs and Parser.cs), ported for the tests:
the same tokenizer regex, comments, sections, inverted sections, escaping and path validation, so that what it
would refuse or print can be seen without .NET. Postmark's own `{{{ pm:unsubscribe }}}` is its extension."""

from __future__ import annotations

import html
import re
from typing import Any

TOKEN_RE = re.compile(r"([{]{2}[^{}]+?[}]{2})|([{]{3}[^{}]+?[}]{3})")
NEGATIVE_PATH_RE = re.compile(r"([.]{3,})|([^\w./_]+)|((?<![.]{2})[/])|([.]{2,}($|[^/]))", re.S)
POSTMARK_EXTENSIONS = {"pm:unsubscribe"}


class MustachioError(ValueError):
    pass


def _validated(token: str) -> str:
    token = token.strip()
    if token not in POSTMARK_EXTENSIONS and NEGATIVE_PATH_RE.search(token):
        raise MustachioError(f"The path '{token}' is not valid")
    return token


def tokenize(template: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    scopes: list[str] = []
    index = 0
    for match in TOKEN_RE.finditer(template):
        value = match.group(0)
        if match.start() > index:
            tokens.append(("content", template[index : match.start()]))
        if value.startswith("{{#each"):
            raise MustachioError("each blocks are not used by course")
        if value.startswith("{{#"):
            token = _validated(value.strip("{}").lstrip("#"))
            scopes.append(token)
            tokens.append(("open", token))
        elif value.startswith("{{^"):
            token = _validated(value.strip("{}").lstrip("^"))
            scopes.append(token)
            tokens.append(("inverted", token))
        elif value.startswith("{{/"):
            token = _validated(value.strip("{}").lstrip("/"))
            if not scopes or scopes[-1] != token:
                raise MustachioError("It appears that open and closing elements are mismatched.")
            scopes.pop()
            tokens.append(("close", token))
        elif value.startswith(("{{{", "{{&")):
            tokens.append(("raw", _validated(value.strip("{}").lstrip("&"))))
        elif value.startswith("{{!"):
            pass  # a comment
        else:
            tokens.append(("value", _validated(value.strip("{}"))))
        index = match.end()
    if index < len(template):
        tokens.append(("content", template[index:]))
    if scopes:
        raise MustachioError(f"A scope block to the following path was opened but not closed: '{scopes[-1]}'")
    return tokens


def render(template: str, model: dict[str, Any], escape: bool = True) -> str:
    tokens = tokenize(template)
    out: list[str] = []

    def lookup(path: str) -> Any:
        value: Any = model
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def run(start: int, shown: bool) -> int:
        position = start
        while position < len(tokens):
            kind, value = tokens[position]
            if kind == "close":
                return position
            if kind in ("open", "inverted"):
                truthy = bool(lookup(value))
                position = run(position + 1, shown and (truthy if kind == "open" else not truthy))
            elif shown and kind == "content":
                out.append(value)
            elif shown and kind in ("value", "raw"):
                found = lookup(value)
                text = "" if found is None else str(found)
                out.append(html.escape(text) if kind == "value" and escape else text)
            position += 1
        return position

    run(0, True)
    return "".join(out)
