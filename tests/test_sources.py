"""Reading articles from URLs (against a real local HTTP server) and from standard input."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from course.read import sources

from .conftest import ARTICLES, run

PAGE = (ARTICLES / "04-diveintohtml5-five-things-html5.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/book/introduction.html":
            self._send(200, PAGE, "text/html")
        elif self.path == "/latin1.txt":
            body = "Ein Artikel\n\nÜber Führung schreibe ich gern, weil sie mir wichtig ist und täglich zählt.\n"
            self._send(200, body.encode("latin-1"), "text/plain; charset=iso-8859-1")
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, b"too late", "text/plain")
        elif self.path == "/notes/post.md":  # a Markdown file as GitHub's raw address serves it
            body = "Pricing notes\n=============\n\n" + "Raise your rates every January, and tell clients early. " * 3
            body += "Use [my template](template.html)."
            self._send(200, body.encode(), "text/plain; charset=utf-8")
        elif self.path == "/ines/churn/main/churn.ipynb":  # a notebook as GitHub's raw address serves it
            prose = "# Churn you can trust\n\n" + "Define it first. " * 20
            cells = [{"cell_type": "markdown", "metadata": {}, "source": prose},
                     {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "print(0.18)",
                      "outputs": [{"output_type": "stream", "name": "stdout", "text": "0.18\n"}]}]  # fmt: skip
            body = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
            self._send(200, body.encode(), "text/plain; charset=utf-8")
        elif self.path == "/huge":
            self._send(200, b"word " * 300_000, "text/plain")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_page_is_split_and_its_relative_links_resolve(server: str, tmp_path: Path) -> None:
    result = run("split", f"{server}/book/introduction.html", "-o", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    lessons = "".join(p.read_text() for p in sorted((tmp_path / "c" / "lessons").glob("*.md")))
    assert f"]({server}/book/detect.html)" in lessons
    assert f"]({server}/book/i/video.png)" in lessons
    assert "You are here" not in lessons
    assert 'author = "Mark Pilgrim"' in (tmp_path / "c" / "course.toml").read_text()


def test_a_document_shared_by_its_link_is_fetched_whole() -> None:
    """A Google Doc's address as its Share button gives it, a file's page on GitHub or GitLab, a Dropbox preview:
    each page is an application, not the document (course found "no article text" in it); the address that gives
    the document itself is fetched instead. Any other address is left as it is."""
    doc = "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit?usp=sharing"
    assert sources.shared_document_url(doc) == (
        "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/export?format=docx"
    )
    published = "https://docs.google.com/document/d/e/2PACX-1vXyz/pub"  # published to the web: a page already
    assert sources.shared_document_url(published) == published
    assert sources.shared_document_url("https://github.com/ravi/blog/blob/main/posts/retries.md?plain=1") == (
        "https://raw.githubusercontent.com/ravi/blog/main/posts/retries.md"
    )
    assert sources.shared_document_url("https://gitlab.com/team/site/-/blob/main/docs/guide.rst") == (
        "https://gitlab.com/team/site/-/raw/main/docs/guide.rst"
    )
    assert sources.shared_document_url("https://www.dropbox.com/scl/fi/x1/guide.docx?rlkey=k&dl=0") == (
        "https://www.dropbox.com/scl/fi/x1/guide.docx?rlkey=k&dl=1"
    )
    for notebook in ("https://colab.research.google.com/github/ines/churn/blob/main/churn.ipynb",
                     "https://nbviewer.org/github/ines/churn/blob/main/churn.ipynb"):  # fmt: skip
        assert sources.shared_document_url(notebook) == "https://raw.githubusercontent.com/ines/churn/main/churn.ipynb"
    assert sources.shared_document_url("https://example.com/blog/post?id=3") == "https://example.com/blog/post?id=3"


def test_a_markdown_file_served_as_plain_text_is_read_as_markdown(server: str) -> None:
    """GitHub serves a raw .md as text/plain: the address's ".md" says it is Markdown (a post without Markdown's
    telling marks was read as plain text, "[my template](template.html)" as written)."""
    from course.read import parse_article

    source = sources.load_source(f"{server}/notes/post.md")
    assert source.kind == "markdown"
    article = parse_article(source)
    assert (
        article.title == "Pricing notes"
        and f"[my template]({server}/notes/template.html)" in article.blocks[0].markdown
    )


def test_a_notebook_served_as_plain_text_is_read_as_a_notebook(server: str) -> None:
    """GitHub serves a raw .ipynb as text/plain: its ending says it is a notebook, read as one, not as JSON text."""
    from course.read import parse_article

    article = parse_article(sources.load_source(f"{server}/ines/churn/main/churn.ipynb"))
    assert article.title == "Churn you can trust"
    assert [block.markdown for block in article.blocks if block.kind == "code"] == [
        "```\nprint(0.18)\n```",
        "```output\n0.18\n```",
    ]


def test_a_document_not_shared_with_everyone_says_so(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Google Doc shared only with its team answers with Google's sign-in page, which was read as the article."""
    monkeypatch.setattr(sources, "SIGN_IN_HOSTS", ("127.0.0.1",))  # the local server plays the sign-in page
    with pytest.raises(sources.CourseError, match=r"not shared with everyone who has the link.*download it as \.docx"):
        sources.load_source(f"{server}/book/introduction.html")


def test_an_export_zipped_with_its_pictures_is_read_with_them(tmp_path: Path) -> None:
    """Notion's export ("Markdown & CSV") and Google Docs' "Web page (.html, zipped)" are a ZIP of the article and
    its pictures: it was refused as "a ZIP archive, not a Word document". The article is read as its file would
    be, and the pictures it shows are saved where its addresses lead, inside the course's pictures/ folder."""
    import zipfile

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
    prose = "Your onboarding call decides how the next six months feel, so plan it like a workshop, not a chat. "
    markdown = (f"# Onboarding that sticks\n\n{prose * 3}\n\n![Agenda](Onboarding%20a1b2/agenda.png)\n\n"
                f"## After the call\n\n{prose * 3}\n")  # fmt: skip
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("Onboarding a1b2.md", markdown)
        zipped.writestr("Onboarding a1b2/agenda.png", png)
        zipped.writestr("Onboarding a1b2/unused.png", png)
        zipped.writestr("__MACOSX/._Onboarding a1b2.md", "resource fork")
        zipped.writestr("../evil.png", png)
    result = run("split", str(archive), "-o", str(tmp_path / "course"))
    assert result.exit_code == 0, result.output
    assert "Left out 1 picture of export.zip, saved in" in result.output
    pictures = tmp_path / "course" / "pictures"
    assert [p.relative_to(pictures).as_posix() for p in pictures.rglob("*.png")] == ["Onboarding a1b2/agenda.png"]
    assert not (tmp_path / "evil.png").exists()
    result = run("split", str(archive), "-o", str(tmp_path / "online"), "--base-url", "https://example.com/p/")
    lessons = "".join(path.read_text() for path in (tmp_path / "online" / "lessons").glob("*.md"))
    assert "![Agenda](https://example.com/p/Onboarding%20a1b2/agenda.png)" in lessons
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as zipped:
        zipped.writestr("a.md", "one")
        zipped.writestr("b.html", "two")
    result = run("split", str(two), "-o", str(tmp_path / "none"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "two.zip is a ZIP archive holding 2 documents (a.md, b.html); unzip it and give the article's file" in (
        result.output
    )
    nested = tmp_path / "nested.zip"
    with zipfile.ZipFile(nested, "w") as zipped:
        zipped.writestr("post.md", two.read_bytes())  # a ZIP named as an article: never opened in turn
    result = run("split", str(nested), "-o", str(tmp_path / "none"))
    assert result.exit_code == 1 and "nested.zip: post.md is itself a ZIP archive; unzip it" in result.output


def test_markup_course_does_not_read_says_how_to_export_it(tmp_path: Path) -> None:
    """An AsciiDoc or Org file was read as plain text: "= Shipping small pull requests Dana Whitfield <dana…" titled
    the course and "[source,bash]", "----" reached the lessons. It is refused with the export its author has."""
    post = tmp_path / "post.adoc"
    post.write_text("= Shipping small pull requests\nDana Whitfield\n\n== Why\n\n[source,bash]\n----\ngit log\n----\n")
    result = run("split", str(post), "-o", str(tmp_path / "course"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "post.adoc is AsciiDoc; export it to HTML (asciidoctor post.adoc writes post.html)" in result.output
    assert not (tmp_path / "course").exists()


def test_url_charset_from_the_header(server: str) -> None:
    source = sources.load_source(f"{server}/latin1.txt")
    assert "Über Führung" in source.text
    assert source.kind == "text"


def test_url_404(server: str, tmp_path: Path) -> None:
    result = run("split", f"{server}/gone", "-o", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {server}/gone answered HTTP 404; check the address, or save the page and give the file instead"
    )
    assert not (tmp_path / "c").exists()


def test_url_timeout(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "URL_TIMEOUT_SECONDS", 0.3)
    result = run("split", f"{server}/slow", "-o", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert "did not answer within" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "c").exists()


def test_url_size_cap(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_ARTICLE_BYTES", 1024 * 1024)
    result = run("split", f"{server}/huge", "-o", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert "is over 1 MB" in result.output


def test_unreachable_url(tmp_path: Path) -> None:
    result = run("split", "http://127.0.0.1:9/article", "-o", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot fetch http://127.0.0.1:9/article")


def test_a_word_document_is_read_with_its_title_headings_and_lists(tmp_path: Path) -> None:
    """A consultant's article is often a Word file: its Title style is the course title, its Heading 1 paragraphs
    its sections, its bulleted paragraphs a list (it was "a binary file, not an article")."""
    from course.read import parse_article

    from .word import paragraph, write_word_document

    prose = "Most consultants wait too long to raise their rates, and then raise them too little. " * 4
    document = write_word_document(tmp_path / "rates.docx", [
        paragraph("Raising your rates", "Title"), paragraph(prose),
        paragraph("Why now", "Heading1"), paragraph(prose),
        paragraph("How to tell them", "Heading1"), paragraph("Give notice in writing.", bullet=True),
        paragraph("Keep it short.", bullet=True), paragraph(prose),
    ])  # fmt: skip
    source = sources.load_source(str(document))
    assert source.kind == "html"
    article = parse_article(source)
    assert article.title == "Raising your rates"
    assert [(b.kind, b.markdown) for b in article.blocks if b.kind != "paragraph"] == [
        ("heading", "## Why now"), ("heading", "## How to tell them"),
        ("list", "- Give notice in writing.\n- Keep it short."),
    ]  # fmt: skip
    result = run("split", str(document), "-o", str(tmp_path / "course"))
    assert result.exit_code == 0, result.output
    assert "Why now" in result.output


def test_a_word_documents_quotations_are_quotes_and_its_footer_line_goes(tmp_path: Path) -> None:
    """A playbook written in Word: a client's words in Word's Quote style read as a plain paragraph, the subtitle ran
    into the first lesson's preheader ("A practical guide for small agencies Most agencies lose…"), and the line
    closing the document ("Okafor & Partners · www.okafor.example · Confidential") closed the last lesson."""
    from course.plan import plan_lessons
    from course.read import parse_article

    from .word import paragraph, write_word_document

    prose = "Most agencies lose their best clients in the first ninety days, not the last. " * 4
    document = write_word_document(tmp_path / "playbook.docx", [
        paragraph("The Client Onboarding Playbook", "Title"),
        paragraph("A practical guide for small agencies", "Subtitle"),
        paragraph(prose), paragraph("Reporting", "Heading1"), paragraph(prose),
        paragraph("“The one-page report changed everything for us.” — Marcus Lee", "Quote"), paragraph(prose),
        paragraph("Okafor & Partners · www.okafor.example · Confidential — do not distribute"),
    ])  # fmt: skip
    article = parse_article(sources.load_source(str(document)))
    assert [(b.kind, b.markdown) for b in article.blocks if b.kind == "quote"] == [
        ("quote", "> “The one-page report changed everything for us.” — Marcus Lee")
    ]
    assert "Confidential" not in article.blocks[-1].text
    opening = "Most agencies lose their best clients in the first ninety days, not the last."
    assert plan_lessons(article)[0].preheader == opening


def test_a_word_documents_pictures_are_saved_beside_the_lessons(tmp_path: Path) -> None:
    """A Word document's pictures have no address an email could load: they were reported as left out, and the
    author had to dig them out of the .docx to put them online. They are saved in the course's pictures/ folder,
    named as the lessons will ask for them, and a split with --base-url keeps them in the lessons."""
    from .word import paragraph, picture, write_word_document

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32  # the bytes travel as they are
    prose = "The kickoff call sets the tone for the whole engagement, so we run it the same way every time. " * 3
    document = write_word_document(tmp_path / "kickoff.docx", [
        paragraph("Onboarding in pictures", "Title"), paragraph(prose), picture("The agenda"), paragraph(prose),
    ], picture_png=png)  # fmt: skip
    result = run("split", str(document), "-o", str(tmp_path / "course"))
    assert result.exit_code == 0, result.output
    saved = tmp_path / "course" / "pictures" / "image1.png"
    assert saved.read_bytes() == png
    assert f"Left out 1 picture of kickoff.docx, saved in {saved.parent}/ (image1.png)" in result.output
    result = run("split", str(document), "-o", str(tmp_path / "online"), "--base-url", "https://example.com/pics/")
    assert result.exit_code == 0, result.output
    lessons = "".join(path.read_text() for path in (tmp_path / "online" / "lessons").glob("*.md"))
    assert "![The agenda](https://example.com/pics/image1.png)" in lessons
    assert not (tmp_path / "online" / "pictures").exists() and "Left out" not in result.output


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF, which course does not read"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "is an old Word (.doc)"),
        ("notes.odt", None, "is an OpenDocument file, not a Word document"),
    ],
)
def test_documents_course_cannot_read_say_what_to_save_them_as(tmp_path: Path, name: str, data, said: str) -> None:
    import zipfile

    path = tmp_path / name
    if data is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    else:
        path.write_bytes(data)
    result = run("split", str(path), "-o", str(tmp_path / "course"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert said in result.output and ".docx" in result.output
    assert len(result.output.strip().splitlines()) == 1
