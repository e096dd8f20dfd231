"""Every page of a provider's listing, whatever its way of paging: one loop for all providers.

A listing that stops at its first page misses what an account already holds beyond it, and the upload then
creates a lesson a second time; every uploader lists through `list_all`. Each provider describes its paging
with one of the styles below (offsets with a total, page numbers, cursors, or a link to the next page).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .http import ApiClient, ApiError

MAX_PAGES = 1000  # a provider that keeps answering "there is more" past this is looping, not listing
Query = dict[str, Any]


@dataclass(frozen=True)
class Paging:
    """How a listing pages. `items` is where a page holds its items ("data.results"); `following` gives the query
    of the next page from this page's body, its query and the count of items so far, or None at the end."""

    items: str
    following: Callable[[Any, Query, int], Query | None]
    total: str | None = None  # where a page says how many items there are: with 0, a page may omit the list

    def empty_without_items(self, page: Any) -> bool:
        return self.total is not None and _number(page, self.total) == 0


def list_all(client: ApiClient, path: str, query: Query, paging: Paging) -> list[dict[str, Any]]:
    """GET path page by page until the provider says there is no more; every item of every page, in order."""
    found: list[dict[str, Any]] = []
    asked: set[tuple[tuple[str, str], ...]] = set()
    for _ in range(MAX_PAGES):
        asked.add(tuple(sorted((key, str(value)) for key, value in query.items())))
        page = client.get(path, params=query)
        batch = _at(page, paging.items, client.label, client.last_request, paging.empty_without_items(page))
        found.extend(batch)
        following = paging.following(page, query, len(found)) if batch else None
        if following is None:
            return found
        if tuple(sorted((key, str(value)) for key, value in following.items())) in asked:
            break  # the provider sent us back to a page we already have
        query = following
    raise ApiError(f"{client.label} kept answering GET {path} with more pages; stopped after {len(found)} items")


def _at(body: Any, dotted: str, label: str, request: str, may_omit: bool = False) -> list[dict[str, Any]]:
    """The list at a dotted path of a page's body (null is an empty list); a page without it, or of another shape,
    is an unexpected answer, unless it says it holds nothing (`may_omit`)."""
    value = body
    for key in dotted.split("."):
        if not isinstance(value, dict) or key not in value:
            if may_omit:
                return []
            raise ApiError(f"unexpected answer from {label} to {request}: no {dotted!r} list in it; check --api-url")
        value = value[key]
        if value is None:
            return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ApiError(f"unexpected answer from {label} to {request}: {dotted!r} is not a list of objects")
    return value


def _number(body: Any, dotted: str) -> int | None:
    value = _at_value(body, dotted)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def by_offset(items: str, total: str, offset: str = "offset") -> Paging:
    """`offset` counts the items already seen; the page says how many there are in all (`total`)."""

    def following(page: Any, query: Query, seen: int) -> Query | None:
        count = _number(page, total)
        return {**query, offset: seen} if count is not None and seen < count else None

    return Paging(items, following, total)


def by_page_number(items: str, last_page: str | None = None, total: str | None = None, size: str = "") -> Paging:
    """`page` counts from 1; the page says which is the last one, or how many items there are in all (with the
    page size asked for in the query parameter `size`)."""

    def following(page: Any, query: Query, seen: int) -> Query | None:
        number = int(query.get("page", 1))
        if last_page is not None:
            last = _number(page, last_page)
            more = last is not None and number < last
        else:
            count = _number(page, total or "")
            more = count is not None and number * int(query[size]) < count
        return {**query, "page": number + 1} if more else None

    return Paging(items, following)


def by_cursor(items: str, more: str, cursor: str, parameter: str = "after") -> Paging:
    """The page says whether there is `more` and gives the `cursor` to ask for next (as `parameter`)."""

    def following(page: Any, query: Query, seen: int) -> Query | None:
        flags = _at_value(page, more)
        position = _at_value(page, cursor)
        return {**query, parameter: position} if flags is True and position else None

    return Paging(items, following)


def by_next_link(items: str, link: str, keep: tuple[str, ...] = ()) -> Paging:
    """The page links to the next one (a URL, absent or null at the end); its query parameters are asked for on
    our own base URL (so --api-url keeps working), with `keep` carried over from our first query."""

    def following(page: Any, query: Query, seen: int) -> Query | None:
        url = _at_value(page, link)
        if not isinstance(url, str) or not url:
            return None
        return {**{key: query[key] for key in keep if key in query}, **dict(parse_qsl(urlsplit(url).query))}

    return Paging(items, following)


def _at_value(body: Any, dotted: str) -> Any:
    value = body
    for key in dotted.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value
