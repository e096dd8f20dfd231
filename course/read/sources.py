"""Read an article from a file, a URL or standard input, and decode it to text whatever its encoding (a Word
document to the HTML it holds)."""

from __future__ import annotations

import logging
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import urlsplit, urlunsplit

from ..errors import CourseError
from ..lazyre import lazy_compile
from .notebook import looks_like_notebook, notebook_markdown
from .readers import kind_of

log = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # a Word document or a notebook carries its pictures
DOCUMENT_SUFFIXES = (".docx", ".ipynb")
# Word's own styles as the HTML reader knows them (Google Docs writes the same): the title, then sections
WORD_STYLES = (  # the title and subtitle as the HTML reader knows them; Word's quotations as quotes
    "p[style-name='Title'] => p.title:fresh\np[style-name='Subtitle'] => p.subtitle:fresh\n"
    "p[style-name='Quote'] => blockquote > p:fresh\np[style-name='Intense Quote'] => blockquote > p:fresh"
)
ZIP_MAGIC = b"PK\x03\x04"  # a Word document's first bytes (a .docx is a ZIP archive)
# formats course cannot read, by their first bytes, with what to do instead
OTHER_FORMATS = [
    (b"%PDF", "a PDF"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) or other Office 97 document"),
    (b"{\\rtf", "an RTF document"),
]
# formats of plain text that course does not read, by their file name's ending, with the export their authors have
EXPORT_FIRST = {
    ".adoc": "AsciiDoc; export it to HTML (asciidoctor ARTICLE.adoc writes ARTICLE.html)",
    ".asciidoc": "AsciiDoc; export it to HTML (asciidoctor ARTICLE.asciidoc writes ARTICLE.html)",
    ".org": "an Org document; export it to HTML or Markdown (in Emacs: C-c C-e h h, or C-c C-e m m)",
    ".tex": "LaTeX; convert it to Markdown (pandoc ARTICLE.tex -o ARTICLE.md)",
}
URL_TIMEOUT_SECONDS = 15.0
# a PDF's typeset ligatures, copied with its text ("ﬁrst", "ofﬁce"): the letters they stand for
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})  # fmt: skip


@dataclass(frozen=True)
class Source:
    """Decoded article text with where it came from and how to parse it."""

    name: str
    kind: str  # the KIND of one of the readers (readers.py): "text", "markdown" or "html"
    text: str
    url: str | None = None
    # where its relative links lead, when not its url: a GitHub file's raw address (its pictures are there), or ""
    # for a Word document fetched by its link (its pictures are inside it, named image1.png…)
    links_from: str | None = None
    pictures: dict[str, bytes] = field(default_factory=dict)  # a Word document's, by the names its HTML gives them


def load_source(location: str, stdin: BinaryIO | None = None) -> Source:
    """Read ARTICLE as the CLI accepts it: a path, an http(s) URL, or '-' for standard input."""
    if location == "-":
        data = _read_capped((stdin or sys.stdin.buffer), "standard input")
        return _source("standard input", data)
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
        limit = MAX_DOCUMENT_BYTES if path.suffix.lower() in DOCUMENT_SUFFIXES else MAX_ARTICLE_BYTES
        if size > limit:
            raise CourseError(
                f"{path} is {size / 1_048_576:.1f} MB; an article must be under "
                f"{limit // 1_048_576} MB: give the article itself, not an archive or a dump"
            )
        data = path.read_bytes()
    except PermissionError:
        raise CourseError(f"{path}: permission denied; make the file readable (chmod +r) and retry") from None
    except OSError as exc:
        raise CourseError(f"{path}: cannot read the file ({exc.strerror}); check the path and retry") from None
    return _source(str(path), data, suffix=path.suffix)


def _source(name: str, data: bytes, suffix: str = "", media_type: str = "", declared: str | None = None) -> Source:
    """The article in `data`: a Word document as the HTML it holds, else text in its encoding."""
    if data.startswith(ZIP_MAGIC) and suffix.lower() != ".docx" and not _is_word_document(data):
        return _archived_source(name, data)
    if data.startswith(ZIP_MAGIC):
        page, pictures = word_html(data, name)
        return Source(name, "html", page, pictures=pictures)
    for magic, what in OTHER_FORMATS:
        if data.startswith(magic):
            raise CourseError(
                f"{name} is {what}, which course does not read; save it as a Word document (.docx) or a web page "
                "(.html), or paste its text into a .txt file"
            )
    if suffix.lower() in EXPORT_FIRST:  # read as plain text, its markup would reach the lessons ("== Why", "----")
        stem = PurePosixPath(name).stem
        raise CourseError(f"{name} is {EXPORT_FIRST[suffix.lower()].replace('ARTICLE', stem)}, and give that file")
    text = decode_bytes(data, name, declared=declared)
    if suffix.lower() == ".ipynb" or (suffix.lower() in ("", ".json", ".txt") and looks_like_notebook(text)):
        markdown, pictures = notebook_markdown(text, name)
        return Source(name, "markdown", markdown, pictures=pictures)
    return Source(name, kind_of(text, suffix=suffix, media_type=media_type), text)


ARTICLE_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt", ".rst", ".docx", ".ipynb")
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")


def _is_word_document(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return True  # a damaged file: Word's reader says so
    return "word/document.xml" in names or "mimetype" in names  # an OpenDocument file: Word's reader refuses it


def _archived_source(name: str, data: bytes) -> Source:
    """An export that is a ZIP of one article and its pictures (Notion's "Markdown & CSV" or "HTML", Google Docs'
    "Web page (.html, zipped)"): the article, read as its file would be, and the pictures it shows, by the
    address it gives them ("images/image1.png", Notion's "Page%20abc/chart.png"), to save beside the lessons."""
    import io
    import zipfile
    from urllib.parse import quote

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [m for m in archive.infolist() if not m.is_dir() and not _hidden_member(m.filename)]
            articles = [m for m in members if PurePosixPath(m.filename).suffix.lower() in ARTICLE_SUFFIXES]
            if len(articles) != 1:
                shown = ", ".join(PurePosixPath(m.filename).name for m in articles[:3]) + ", …" * (len(articles) > 3)
                what = f"{len(articles)} documents ({shown})" if articles else "no article (.html, .md, .txt, .docx…)"
                raise CourseError(f"{name} is a ZIP archive holding {what}; unzip it and give the article's file")
            article = articles[0]
            suffix = PurePosixPath(article.filename).suffix.lower()
            limit = MAX_DOCUMENT_BYTES if suffix in DOCUMENT_SUFFIXES else MAX_ARTICLE_BYTES
            if article.file_size > limit:
                raise CourseError(
                    f"{name}: {article.filename} is over {limit // 1_048_576} MB; give the article itself"
                )
            inner = archive.read(article)
            if inner.startswith(ZIP_MAGIC) and suffix != ".docx":  # a ZIP in a ZIP (in a ZIP…): not an export
                raise CourseError(f"{name}: {article.filename} is itself a ZIP archive; unzip it and give the article")
            source = _source(name, inner, suffix=suffix)
            folder = PurePosixPath(article.filename).parent
            pictures = dict(source.pictures)
            budget = MAX_DOCUMENT_BYTES
            for member in members:
                path = PurePosixPath(member.filename)
                if path.suffix.lower() not in PICTURE_SUFFIXES or ".." in path.parts:
                    continue
                relative = str(path.relative_to(folder)) if path.is_relative_to(folder) else None
                written = next(
                    (form for form in (relative, quote(relative or "")) if form and form in source.text), None
                )
                if written and member.file_size <= budget:
                    pictures[written] = archive.read(member)
                    budget -= member.file_size
    except zipfile.BadZipFile:
        raise CourseError(
            f"{name} is a damaged ZIP archive; export it again, or unzip it and give the article"
        ) from None
    return replace(source, pictures=pictures)


def _hidden_member(filename: str) -> bool:
    """What a Mac or an editor adds to an archive: __MACOSX/, .DS_Store and other dot files."""
    return any(part.startswith((".", "__MACOSX")) for part in PurePosixPath(filename).parts)


def word_html(data: bytes, name: str) -> tuple[str, dict[str, bytes]]:
    """A Word document (.docx) as HTML, with mammoth: Word's title, headings, lists, tables, bold and links; and
    its pictures by name. A picture in it has no address an email could load: it is named image1.png…, which a
    --base-url resolves (put the pictures there) and which `course split` otherwise reports as left out, saving
    the pictures beside the lessons for the author to put online."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                kind = "an OpenDocument file" if "mimetype" in archive.namelist() else "a ZIP archive"
                raise CourseError(
                    f"{name} is {kind}, not a Word document; save it as .docx or .html, or paste its text into a "
                    ".txt file"
                )
    except zipfile.BadZipFile:
        raise CourseError(f"{name} is a damaged Word document or ZIP archive; save it again as .docx") from None
    import mammoth

    pictures: dict[str, bytes] = {}

    def picture(image: Any) -> dict[str, str]:
        extension = str(getattr(image, "content_type", "") or "image/png").split("/")[-1].split("+")[0]
        name = f"image{len(pictures) + 1}.{extension}"
        with image.open() as stream:
            pictures[name] = stream.read()
        return {"src": name, "alt": str(getattr(image, "alt_text", "") or "")}

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data), style_map=WORD_STYLES, convert_image=mammoth.images.img_element(picture)
        )
    except Exception as exc:  # mammoth raises whatever its XML parser does on a broken file
        raise CourseError(f"{name}: cannot read this Word document ({exc}); save it again as .docx") from None
    return f"<html><body><article>{result.value}</article></body></html>", pictures


def _read_capped(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise CourseError(
            f"{name} is over {MAX_ARTICLE_BYTES // 1_048_576} MB; an article must be shorter: give the article itself"
        )
    return data


# where a document shared by its link can be downloaded whole: a Google Doc as Word (its title and heading styles
# kept), a file on GitHub or GitLab as it is written (raw), a Dropbox file rather than its preview page
SHARED_DOCUMENTS = [
    (lazy_compile(r"^https://docs\.google\.com/document/d/([\w-]{20,})(?:/(?:edit|view|preview|mobilebasic)\b[^#]*)?(?:#.*)?$"),
     "https://docs.google.com/document/d/{0}/export?format=docx"),
    (lazy_compile(r"^https://github\.com/([\w.-]+)/([\w.-]+)/blob/(.+?)(?:[?#].*)?$"),
     "https://raw.githubusercontent.com/{0}/{1}/{2}"),
    (lazy_compile(r"^https://gitlab\.com/(.+?)/-/blob/(.+?)(?:[?#].*)?$"), "https://gitlab.com/{0}/-/raw/{1}"),
    # a notebook on GitHub opened in Colab or nbviewer: the notebook itself
    (lazy_compile(r"^https://(?:colab\.research\.google\.com|nbviewer\.org|nbviewer\.jupyter\.org)/github/"
                r"([\w.-]+)/([\w.-]+)/blob/(.+?\.ipynb)(?:[?#].*)?$"),
     "https://raw.githubusercontent.com/{0}/{1}/{2}"),
]  # fmt: skip
SIGN_IN_HOSTS = ("accounts.google.com",)  # where a document not shared with everyone sends its reader


def shared_document_url(url: str) -> str:
    """The address that gives the document itself, for a document shared by its link (a Google Doc's /edit page,
    a file's page on GitHub, a Dropbox preview); any other address as it is."""
    for pattern, download in SHARED_DOCUMENTS:
        match = pattern.match(url)
        if match:
            return download.format(*match.groups())
    parts = urlsplit(url)
    if parts.hostname in ("www.dropbox.com", "dropbox.com") and "dl=0" in parts.query.split("&"):
        query = "&".join("dl=1" if item == "dl=0" else item for item in parts.query.split("&"))
        return urlunsplit(parts._replace(query=query))
    return url


def _fetch_url(url: str) -> Source:
    import httpx

    address = shared_document_url(url)
    suffix = PurePosixPath(urlsplit(address).path).suffix  # "post.md" on GitHub, served as text/plain
    document = suffix.lower() in DOCUMENT_SUFFIXES or address.endswith("format=docx")
    limit = MAX_DOCUMENT_BYTES if document else MAX_ARTICLE_BYTES  # a Word document carries its pictures
    try:
        with (
            httpx.Client(follow_redirects=True, timeout=URL_TIMEOUT_SECONDS) as client,
            client.stream("GET", address, headers={"User-Agent": "course (article to email course)"}) as response,
        ):
            if response.url.host in SIGN_IN_HOSTS:
                raise CourseError(
                    f"{url} is not shared with everyone who has the link, so course cannot read it; share it "
                    "(Share → General access → Anyone with the link) or download it as .docx and give the file"
                )
            if response.status_code >= 400:
                raise CourseError(
                    f"{url} answered HTTP {response.status_code}; check the address, or save the page "
                    "and give the file instead"
                )
            chunks: list[bytes] = []
            received = 0
            for chunk in response.iter_bytes():
                received += len(chunk)
                if received > limit:
                    raise CourseError(f"{url} is over {limit // 1_048_576} MB; give the address of the article itself")
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
    links_from = "" if data.startswith(ZIP_MAGIC) else address if address != url else None
    ending = "" if "html" in content_type else suffix  # a page served as HTML is one, whatever its address ends with
    source = _source(url, data, suffix=ending, media_type=content_type, declared=charset)
    return replace(source, url=url, links_from=links_from)


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), a declared charset, else a detected one."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _binary_file(name)
    text: str | None = None
    for encoding in filter(None, ["utf-8-sig", declared]):
        try:
            text = data.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        from charset_normalizer import from_bytes

        matches = from_bytes(data)
        best = matches.best()
        if best is None:
            raise CourseError(f"{name} is not text in any known encoding; save it as UTF-8 text and retry")
        # Windows-1252 is what Word and Notepad write on a Western Windows: of the readings that are as clean as
        # the best, it is the likeliest (an English text whose only other characters are "•" and "©" was read as
        # a Baltic code page, "Ģ Send…")
        western = next((m for m in matches if "cp1252" in m.could_be_from_charset and m.chaos <= best.chaos), None)
        best = western or best
        log.info("%s decoded as %s", name, best.encoding)
        text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(LIGATURES)
    if _looks_binary(text):
        raise _binary_file(name)
    if not text.strip():
        raise CourseError(f"{name} is empty; give a file that contains the article's text")
    return text


def _binary_file(name: str) -> CourseError:
    return CourseError(f"{name} is a binary file, not an article; give a .txt, .md, .rst, .html, .docx or .ipynb file")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
    return controls > max(8, len(sample) // 100)
