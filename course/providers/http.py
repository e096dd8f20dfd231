"""The one HTTP client every provider's upload uses: timeouts, bounded retries, errors a person can act on.

Retries: 429, 502, 503, 504 and connection failures are retried with exponential backoff (honouring
Retry-After, capped), up to MAX_ATTEMPTS. A request that may have reached the server (a read timeout on a
POST) is not retried: creating twice is worse than stopping, and a rerun finds what was created by name.
Secrets passed in `secrets` never appear in an error message.
"""

from __future__ import annotations

import email.utils
import logging
import re
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..errors import CourseError

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
MAX_WAIT_SECONDS = 30.0
RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT_SECONDS = 30.0  # to read an answer
CONNECT_TIMEOUT_SECONDS = 10.0


def pause(seconds: float) -> None:
    """Wait between retries (a module function, so tests can replace it)."""
    time.sleep(seconds)


class ApiError(CourseError):
    """A provider answered with an error; `status` is the HTTP status (0 when it could not be reached)."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class ApiClient:
    """A small wrapper over httpx.Client for one provider's API."""

    def __init__(
        self,
        label: str,
        base_url: str,
        *,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        credential_names: Iterable[str] = (),
        secrets: Iterable[str] = (),
        sleep: Callable[[float], None] | None = None,
        max_attempts: int = MAX_ATTEMPTS,
    ) -> None:
        self.label = label
        self.base_url = base_url.rstrip("/")
        self.base_path = urlsplit(self.base_url).path
        self.credential_names = " and ".join(credential_names) or "your credentials"
        self.secrets = [s for s in secrets if s]
        self.sleep = sleep or (lambda seconds: pause(seconds))
        self.max_attempts = max_attempts
        self.last_request = ""  # "GET /v4/sequences": what an unexpected answer answered
        import httpx  # here, not at the top: only uploads need it

        self.http = httpx.Client(
            base_url=self.base_url,
            headers={"Accept": "application/json", "User-Agent": "course (email course builder)", **(headers or {})},
            auth=auth,
            timeout=httpx.Timeout(TIMEOUT_SECONDS, connect=min(CONNECT_TIMEOUT_SECONDS, TIMEOUT_SECONDS)),
        )

    def close(self) -> None:
        self.http.close()

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.json("GET", path, **kwargs)

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        return self.answer(self.request(method, path, **kwargs))

    def answer(self, response: httpx.Response) -> Any:
        """The JSON of an answer ({} when empty); one line naming the request when it is not JSON."""
        if not response.content:
            return {}
        try:
            return response.json()
        except ValueError:
            kind = response.headers.get("content-type", "no content type").split(";")[0]
            summary = _page_summary(response.text)
            if not summary.startswith("an HTML page"):
                summary = f"not JSON ({kind}, “{summary[:60]}…”)"
            raise ApiError(
                f"unexpected answer from {self.label} to {self.last_request}: {summary}; check --api-url, or "
                "retry later"
            ) from None

    def request(self, method: str, path: str, *, allow: Iterable[int] = (), **kwargs: Any) -> httpx.Response:
        """Send a request; return the response for 2xx (or a status in `allow`), raise ApiError otherwise."""
        import httpx  # loaded by __init__ already

        allowed = set(allow)
        self.last_request = f"{method} {self.base_path}{path}"  # as the provider's docs write it: GET /v3/…
        for attempt in range(1, self.max_attempts + 1):
            try:
                response = self.http.request(method, path, **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                if attempt < self.max_attempts:
                    self._wait(attempt, None, f"cannot connect ({type(exc).__name__})")
                    continue
                raise ApiError(
                    f"cannot reach {self.label} at {self.base_url} ({self._redact(str(exc)) or type(exc).__name__}); "
                    "check your connection, or --api-url"
                ) from None
            except httpx.TimeoutException:
                if method in ("GET", "PUT", "DELETE", "HEAD") and attempt < self.max_attempts:
                    self._wait(attempt, None, "timed out")
                    continue
                raise ApiError(
                    f"{self.label} did not answer {method} {path} in time; rerun later (what was uploaded is "
                    "found again, not duplicated)"
                ) from None
            except httpx.HTTPError as exc:
                raise ApiError(f"talking to {self.label} failed: {self._redact(str(exc))}") from None
            if response.is_success or response.status_code in allowed:
                return response
            if response.status_code in RETRY_STATUSES and attempt < self.max_attempts:
                self._wait(attempt, response.headers.get("Retry-After"), f"HTTP {response.status_code}")
                continue
            raise self._error(method, path, response)
        raise AssertionError("unreachable")

    def _wait(self, attempt: int, retry_after: str | None, why: str) -> None:
        delay = min(MAX_WAIT_SECONDS, 0.5 * 2 ** (attempt - 1))
        if retry_after:
            parsed = _retry_after_seconds(retry_after)
            if parsed is not None:
                delay = min(MAX_WAIT_SECONDS, max(parsed, 0.0))
        log.info(
            "%s: %s, retrying in %.1f s (attempt %d of %d)", self.label, why, delay, attempt + 1, self.max_attempts
        )
        self.sleep(delay)

    def _error(self, method: str, path: str, response: httpx.Response) -> ApiError:
        status = response.status_code
        detail = self._redact(_detail(response))
        where = f"{method} {path}"
        if status == 401:
            message = (
                f"{self.label} rejected the credentials: the key in {self.credential_names} was rejected; check it"
            )
        elif status == 403:
            message = (
                f"{self.label} refused {where} (HTTP 403): the key in {self.credential_names} lacks the permission, "
                f"or the account's plan does not allow it{': ' + detail if detail else ''}"
            )
        elif status == 404:
            message = f"{self.label} has no {path} (HTTP 404){': ' + detail if detail else ''}; check --api-url"
        elif status == 429:
            message = f"{self.label} kept answering 429 Too Many Requests; wait a minute and rerun"
        elif status >= 500:
            message = f"{self.label} had a server error on {where} (HTTP {status}); try again later"
        else:
            message = f"{self.label} rejected {where} (HTTP {status}){': ' + detail if detail else ''}"
        return ApiError(message, status)

    def _redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


def _detail(response: httpx.Response) -> str:
    """The provider's own words from an error body, in one short line."""
    try:
        body = response.json()
    except ValueError:
        return _page_summary(response.text)
    if isinstance(body, dict):
        for key in ("message", "Message", "detail", "error", "title"):
            if isinstance(body.get(key), str):
                return body[key][:200]
        errors = body.get("errors")
        if isinstance(errors, list) and errors:
            first = errors[0]
            return str(first.get("message", first) if isinstance(first, dict) else first)[:200]
    return str(body)[:200]


def _page_summary(text: str) -> str:
    """A short line for a body that is not JSON: an HTML page (a proxy's or a web server's error page) by its
    title or first heading, anything else by its first words."""
    if re.match(r"\s*<(!doctype|html|head|body)\b", text, re.I):
        found = re.search(r"<(title|h1)\b[^>]*>(.*?)</\1>", text, re.I | re.S)
        heading = " ".join(re.sub(r"<[^>]+>", " ", found.group(2)).split()) if found else ""
        return f"an HTML page{f' (“{heading[:80]}”)' if heading else ''}, not the API"
    return " ".join(text.split())[:200]


def _retry_after_seconds(value: str) -> float | None:
    value = value.strip()
    if value.replace(".", "", 1).isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return moment.timestamp() - time.time()
