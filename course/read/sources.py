"""Read an article from a file, a URL or standard input, and decode it to text whatever its encoding."""

from __future__ import annotations

import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import CourseError
from .readers import kind_of

log = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
URL_TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True)
class Source:
    """Decoded article text with where it came from and how to parse it."""

    name: str
    kind: str  # the KIND of one of the readers (readers.py): "text", "markdown" or "html"
    text: str
    url: str | None = None


def load_source(location: str, stdin: BinaryIO | None = None) -> Source:
    """Read ARTICLE as the CLI accepts it: a path, an http(s) URL, or '-' for standard input."""
    if location == "-":
        data = _read_capped((stdin or sys.stdin.buffer), "standard input")
        text = decode_bytes(data, "standard input")
        return Source("standard input", kind_of(text), text)
    if re.match(r"(?i)^https?://", location):
        return _fetch_url(location)
    return _read_file(Path(location))


def _read_file(path: Path) -> Source:
    if not path.exists():
        raise CourseError(f"{path}: no such file; check the path to the article")
    if path.is_dir():
        raise CourseError(f"{path} is a folder; give the path of the article file inside it")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise CourseError(
                f"{path} is {size / 1_048_576:.1f} MB; an article must be under "
                f"{MAX_ARTICLE_BYTES // 1_048_576} MB of text: give the article itself, not an archive or a dump"
            )
        data = path.read_bytes()
    except PermissionError:
        raise CourseError(f"{path}: permission denied; make the file readable (chmod +r) and retry") from None
    except OSError as exc:
        raise CourseError(f"{path}: cannot read the file ({exc.strerror}); check the path and retry") from None
    text = decode_bytes(data, str(path))
    return Source(str(path), kind_of(text, suffix=path.suffix), text)


def _read_capped(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise CourseError(
            f"{name} is over {MAX_ARTICLE_BYTES // 1_048_576} MB; an article must be shorter: give the article itself"
        )
    return data


def _fetch_url(url: str) -> Source:
    import httpx

    try:
        with (
            httpx.Client(follow_redirects=True, timeout=URL_TIMEOUT_SECONDS) as client,
            client.stream("GET", url, headers={"User-Agent": "course (article to email course)"}) as response,
        ):
            if response.status_code >= 400:
                raise CourseError(
                    f"{url} answered HTTP {response.status_code}; check the address, or save the page "
                    "and give the file instead"
                )
            chunks: list[bytes] = []
            received = 0
            for chunk in response.iter_bytes():
                received += len(chunk)
                if received > MAX_ARTICLE_BYTES:
                    raise CourseError(
                        f"{url} is over {MAX_ARTICLE_BYTES // 1_048_576} MB; give the address of the article itself"
                    )
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "").lower()
            charset = response.charset_encoding
    except httpx.TimeoutException:
        raise CourseError(
            f"{url} did not answer within {URL_TIMEOUT_SECONDS:.0f} s; retry later, or save the page and give the file"
        ) from None
    except httpx.HTTPError as exc:
        raise CourseError(f"cannot fetch {url} ({exc}); check the address and your connection") from None
    data = b"".join(chunks)
    text = decode_bytes(data, url, declared=charset)
    return Source(url, kind_of(text, media_type=content_type), text, url=url)


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), a declared charset, else a detected one."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CourseError(f"{name} is a binary file, not an article; give a .txt, .md or .html file")
    text: str | None = None
    for encoding in filter(None, ["utf-8-sig", declared]):
        try:
            text = data.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise CourseError(f"{name} is not text in any known encoding; save it as UTF-8 text and retry")
        log.info("%s decoded as %s", name, best.encoding)
        text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise CourseError(f"{name} is a binary file, not an article; give a .txt, .md or .html file")
    if not text.strip():
        raise CourseError(f"{name} is empty; give a file that contains the article's text")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
    return controls > max(8, len(sample) // 100)
