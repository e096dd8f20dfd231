"""reStructuredText (a Sphinx, Pelican or Nikola blog's source) to article blocks, with docutils.

docutils parses the text, as the blog's own build does; what a site's build adds and an email has no use for
goes from the document tree (the bibliographic fields under the title, a generated table of contents, Sphinx's
cross-reference roles and build directives), and the tree is written as HTML for the HTML reader. Nothing is read
from disk or passed through raw: `include`, `raw` and configuration files are off.
"""

from __future__ import annotations

import html as html_escape
import io
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import CourseError
from ..lazyre import lazy_compile
from ..model import Article
from . import html

# Nikola's and Pelican's ".. youtube:: ID": a link, as an embed is; Sphinx's roles read as MyST's are
from .markdown import VIDEO_PAGES, role_words, shown_address

if TYPE_CHECKING:
    from docutils import nodes

KIND = "rst"
SUFFIXES = (".rst", ".rest")
MEDIA_TYPES = ("x-rst", "restructuredtext")

# what reStructuredText writes and Markdown and plain text do not: a directive (".. note::"), a link with its
# target inside (`the docs <https://…>`_), a role (:func:`retry`), a title between two lines of = or #, a
# field under a title (":date: 2026-03-14") and a literal block after "::"
SIGNALS = (
    lazy_compile(r"(?m)^\.\. [A-Za-z][\w:-]*::"),
    lazy_compile(r"`[^`\n]+ <[^>\n]+>`__?"),
    lazy_compile(r"(?<![\w`]):[a-z][\w:+-]*:`[^`\n]+`"),
    lazy_compile(r"(?m)^([=#*~^+-])\1{3,}\n[^\n]+\n\1{4,}$"),
    lazy_compile(r"(?m)^:(?:author|authors|date|tags|category|slug|summary|modified|status):[ \t]+\S"),
    lazy_compile(r"(?m)\S::\n\n[ \t]+\S"),
)
SIGNALS_NEEDED = 2  # kinds of them: one alone ("Note::" in prose, a lone "`x <y>`_") does not make a format
COMMENT_FIELD_RE = lazy_compile(r"(?i)^\.\. (?P<key>title|authors?): (?P<value>.*)$")
COMMENT_FIELD_LINES = 20  # the top of the post, where such fields are

ROLE_RE = lazy_compile(r"^:(?P<role>[\w.+:-]+):`(?P<content>.*)`$", re.S)  # a role docutils does not know
# Sphinx's directives whose words belong to the article; its build directives (toctree, highlight, autodoc…)
# go, as docutils drops any directive it does not know
VERSION_LABELS = {"versionadded": "New in version", "versionchanged": "Changed in version",
                  "deprecated": "Deprecated since version", "versionremoved": "Removed in version"}  # fmt: skip
BUILD_DIRECTIVES = ("toctree", "highlight", "index", "tabularcolumns", "sectionauthor",
                    "moduleauthor", "codeauthor", "currentmodule", "module", "automodule", "autoclass",
                    "autofunction", "automethod", "autodata", "autoattribute", "autosummary", "todo", "todolist",
                    "testsetup", "testcleanup", "post", "more", "thumbnail")  # fmt: skip


def sniff(text: str) -> bool:
    return sum(1 for signal in SIGNALS if signal.search(text)) >= SIGNALS_NEEDED


def claims_plain_text(text: str) -> bool:
    """A .txt written in reStructuredText (a README.txt, a docs page saved as text)."""
    return sniff(text)


def parse(text: str, name: str = "") -> Article:
    """Parse reStructuredText into an Article: its title, its author from the fields under the title, and its
    sections, lists, tables, code, admonitions and footnotes."""
    from docutils.core import publish_doctree, publish_from_doctree
    from docutils.writers.html5_polyglot import Writer as HtmlWriter

    _register_sphinx_directives()
    settings = _settings()
    fields = _comment_fields(text)
    try:
        document = publish_doctree(text, source_path=name or None, settings_overrides=settings)
    except Exception as exc:  # docutils reports what it cannot read in the tree; anything else is its own failure
        raise CourseError(
            f"{name or 'the article'}: docutils cannot read this reStructuredText ({exc}); fix the markup it names, "
            "or save the article as Markdown or plain text"
        ) from None
    author = _without_docinfo(document) or fields.get("author")
    left_out = _inserted(document)
    _without_build_parts(document)
    _as_written(document)
    page = publish_from_doctree(document, writer=HtmlWriter(), settings_overrides=settings)
    page = page.decode("utf-8") if isinstance(page, bytes) else page
    meta = {"author": author, "og:title": fields.get("title")}
    page = page.replace("<head>", "<head>" + "".join(
        f'<meta name="{key}" content="{html_escape.escape(value)}">' for key, value in meta.items() if value
    ), 1)  # fmt: skip
    article = html.parse(page, name)
    article.left_out += left_out
    return article


DISABLED_RE = lazy_compile(r'^"(?P<kind>include|raw)" directive disabled')
UNKNOWN_DIRECTIVE_RE = lazy_compile(r'^Unknown directive type "(?P<name>[^"]+)"')
DIRECTIVE_LINE_RE = lazy_compile(r"^\.\. [\w-]+::\s*(?P<argument>\S*)")


def _inserted(document: nodes.document) -> list[str]:
    """What the article brings in from elsewhere, or writes in a directive docutils does not know, that course
    leaves out, to be said after the split: a file it includes ("file snippets/setup.rst", from `include` or
    Sphinx's `literalinclude`), raw HTML ("raw html"), an extension's block ("directive tab", "directive mermaid")."""
    from docutils import nodes

    found = []
    for message in document.findall(nodes.system_message):
        said = message.children[0].astext() if message.children else ""
        disabled, unknown = DISABLED_RE.match(said), UNKNOWN_DIRECTIVE_RE.match(said)
        blocks = [child for child in message.children if isinstance(child, nodes.literal_block)]
        written = DIRECTIVE_LINE_RE.match(blocks[0].astext()) if blocks else None
        if disabled and written:
            found.append(f"{'file' if disabled['kind'] == 'include' else 'raw'} {written['argument']}")
        elif unknown:
            found.append(f"directive {unknown['name']}")
    for marker in list(document.findall(nodes.comment)):
        if "course-left-out" in marker["classes"]:
            found.append(marker.astext())
            marker.parent.remove(marker)
    return found


def _comment_fields(text: str) -> dict[str, str]:
    """The title and author a blog keeps in comments at the top of a post, as Nikola does (".. title: …",
    ".. author: …") and early Pelican did under the title."""
    fields: dict[str, str] = {}
    for line in text.lstrip("\ufeff").split("\n")[:COMMENT_FIELD_LINES]:
        match = COMMENT_FIELD_RE.match(line)
        if match and match.group("value").strip():
            fields.setdefault(match.group("key").lower().removesuffix("s"), match.group("value").strip())
    return fields


def _as_lines(block: nodes.line_block) -> nodes.Node:
    """A line block ("| Thanks for reading," over "| Tomás"): one paragraph, broken where the author broke it."""
    from docutils import nodes

    paragraph = nodes.paragraph()
    for index, line in enumerate(block.findall(nodes.line)):
        if index:
            paragraph += nodes.raw("", "<br />", format="html")
        paragraph += line.children
    return paragraph


def _settings() -> dict[str, Any]:
    return {
        "file_insertion_enabled": False,  # no `include` of a file on this machine
        "raw_enabled": False,  # no `raw` HTML around the sanitiser
        "_disable_config": True,  # no docutils.conf from the working folder or the home folder
        "report_level": 5,  # no warnings printed: what docutils cannot read is dealt with below
        "halt_level": 5,
        "warning_stream": io.StringIO(),
        "syntax_highlight": "none",  # code as its text, not one <span> per token
        "embed_stylesheet": False,
        "stylesheet_path": "",
        "input_encoding": "unicode",
        "output_encoding": "unicode",
        "math_output": "HTML",
        "toc_backlinks": "none",  # a heading that links back to the contents is a heading, not a link
        "trim_footnote_reference_space": True,  # "since 2020 [#]_." cites as "since 2020[^1]."
    }


def _without_build_parts(document: nodes.document) -> None:
    """What only the site's build reads, or what the HTML reader would take for something else, made into what a
    reader of the page sees."""
    from docutils import nodes

    for message in list(document.findall(nodes.system_message)):  # docutils' own notes on what it could not read
        message.parent.remove(message)
    for unknown in list(document.findall(nodes.problematic)):  # a role it does not know, such as Sphinx's
        unknown.parent.replace(unknown, _role_words(unknown.astext()))
    for topic in list(document.findall(nodes.topic)):
        if "contents" in topic["classes"]:  # the table of contents `.. contents::` generates
            topic.parent.remove(topic)
    for label in list(document.findall(nodes.label)):  # a footnote's own "[1]": the HTML reader numbers it
        if isinstance(label.parent, (nodes.footnote, nodes.citation)):
            label.parent.remove(label)
    for classifier in list(document.findall(nodes.classifier)):  # "timeout : float" in a definition list
        terms = [node for node in classifier.parent.children if isinstance(node, nodes.term)]
        if terms:
            terms[0] += nodes.Text(f" ({classifier.astext()})")
        classifier.parent.remove(classifier)
    for block in list(document.findall(nodes.line_block)):
        block.replace_self(_as_lines(block))
    for admonition in list(document.findall(lambda node: isinstance(node, nodes.Admonition))):
        assert isinstance(admonition, nodes.Element)
        admonition.replace_self(_as_quote(admonition, document))


def _as_written(document: nodes.document) -> None:
    """What the HTML writer would blur: inline code ("``503``") as <code>, not a styled <span>; a code block's
    language as the class the HTML reader takes it from; a paragraph's source line breaks as spaces (code keeps
    its lines)."""
    from docutils import nodes

    for image in document.findall(nodes.image):
        image.setdefault("alt", "")  # none given: docutils would describe the picture by its address
    for literal in document.findall(nodes.literal):
        literal["classes"] = ["code"]
    for block in document.findall(nodes.literal_block):
        languages = [name for name in block["classes"] if name not in ("code", "literal-block")]
        block["classes"] = ["code", *(f"language-{languages[0]}" for _ in languages[:1])]
    kept = (nodes.literal_block, nodes.doctest_block, nodes.math_block, nodes.line_block, nodes.comment)
    for text in list(document.findall(nodes.Text)):
        if "\n" in text and not any(isinstance(parent, kept) for parent in _ancestors(text)):
            text.parent.replace(text, nodes.Text(text.replace("\n", " ")))


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def _without_docinfo(document: nodes.document) -> str | None:
    """The author named in the fields under the title (":author: Priya Raman"), and those fields gone: a blog's
    date, tags and slug are its site's, not the article's words."""
    from docutils import nodes

    author = None
    for docinfo in list(document.findall(nodes.docinfo)):
        names = [node.astext().strip() for node in docinfo.findall(nodes.author)]
        author = author or (", ".join(name for name in names if name) or None)
        docinfo.parent.remove(docinfo)
    return author


def _role_words(source: str) -> nodes.Node:
    """A role docutils does not know, as a reader would see it: ":func:`~retry.backoff`" as the code "backoff",
    ":ref:`the backoff section <backoff>`" as "the backoff section" (markdown.role_words, MyST's roles too)."""
    from docutils import nodes

    match = ROLE_RE.match(source)
    if not match:
        return nodes.Text(source)
    words, code = role_words(match.group("role"), match.group("content"))
    return nodes.literal(words, words) if code else nodes.Text(words)


def _as_quote(admonition: nodes.Element, document: nodes.document) -> nodes.Node:
    """An admonition (".. note::", ".. admonition:: Before you start") as the HTML reader takes a callout: a quote,
    its label in bold over its words."""
    from docutils import nodes
    from docutils.languages import get_language

    titles = [child for child in admonition.children if isinstance(child, nodes.title)]
    if titles:
        label = titles[0].astext()
        admonition.remove(titles[0])
    else:
        labels = get_language(document.settings.language_code, document.reporter).labels
        kind = str(admonition.tagname)
        label = labels.get(kind) or kind.capitalize()
    quote = nodes.block_quote()
    quote += nodes.paragraph("", "", nodes.strong(label, label))
    quote += admonition.children
    return quote


@cache
def _register_sphinx_directives() -> None:
    """Sphinx's directives that hold the article's words (seealso, versionadded…) read as docutils' own; its build
    directives read as nothing, without an error in the tree."""
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives

    class SeeAlso(Directive):
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True

        def run(self) -> list[nodes.Node]:
            admonition = nodes.admonition()
            admonition += nodes.title("See also", "See also")
            if self.arguments:
                words, messages = self.state.inline_text(self.arguments[0], self.lineno)
                admonition += nodes.paragraph("", "", *words, *messages)
            if self.content:
                self.state.nested_parse(self.content, self.content_offset, admonition)
            return [admonition]

    class Version(Directive):
        required_arguments = 1
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True

        def run(self) -> list[nodes.Node]:
            label = f"{VERSION_LABELS[self.name]} {self.arguments[0].split()[0]}"
            words = " ".join([*self.arguments[0].split()[1:], *self.arguments[1:]]).strip()
            paragraph = nodes.paragraph("", "", nodes.emphasis(label, label + ("." if not words else ":")))
            if words:
                paragraph += nodes.Text(" " + words)
            container = nodes.container()
            container += paragraph
            if self.content:
                self.state.nested_parse(self.content, self.content_offset, container)
            return [container]

    class Nothing(Directive):
        optional_arguments = 10
        final_argument_whitespace = True
        has_content = True
        option_spec = _AnyOption()

        def run(self) -> list[nodes.Node]:
            return []

    class FromFile(Nothing):  # Sphinx's literalinclude: code from a file, which course does not read
        def run(self) -> list[nodes.Node]:
            marker = nodes.comment("", f"file {self.arguments[0] if self.arguments else ''}".strip())
            marker["classes"].append("course-left-out")
            return [marker]

    class Code(Directive):
        optional_arguments = 1
        has_content = True
        option_spec = _AnyOption()  # Sphinx's :linenos:, :emphasize-lines:, :caption:…

        def run(self) -> list[nodes.Node]:
            language = self.arguments[0] if self.arguments else ""
            block = nodes.literal_block("\n".join(self.content), "\n".join(self.content))
            block["classes"] = ["code", *([language] if language else [])]
            caption = str(self.options.get("caption") or "").strip()
            if not caption:
                return [block]
            return [nodes.paragraph("", "", nodes.strong(caption, caption)), block]

    class Session(Code):  # sphinx.ext.doctest's blocks: an interpreter session, its argument a group's name
        language = "pycon"

        def run(self) -> list[nodes.Node]:
            self.arguments = [self.language] if self.language else []
            return super().run()

    class Listing(Session):
        language = "python"

    class Output(Session):
        language = ""

    class Video(Directive):
        required_arguments = 1
        option_spec = _AnyOption()  # :width:, :align:…

        def run(self) -> list[nodes.Node]:
            url = VIDEO_PAGES[self.name].format(self.arguments[0])
            shown = "▶ " + shown_address(url)
            return [nodes.paragraph("", "", nodes.reference(shown, shown, refuri=url))]

    for name in VIDEO_PAGES:
        directives.register_directive(name, Video)
    for name, directive in (("doctest", Session), ("testcode", Listing), ("testoutput", Output)):
        directives.register_directive(name, directive)
    for name in ("code-block", "sourcecode", "code"):  # Sphinx's options (:linenos:, :caption:…) included
        directives.register_directive(name, Code)
    directives.register_directive("seealso", SeeAlso)
    for name in VERSION_LABELS:
        directives.register_directive(name, Version)
    for name in BUILD_DIRECTIVES:
        directives.register_directive(name, Nothing)
    directives.register_directive("literalinclude", FromFile)


class _AnyOption(dict[str, Any]):
    """The options of a directive read as nothing: any name, any value."""

    def __bool__(self) -> bool:  # docutils reads a directive's options only when it has any
        return True

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> Any:
        return lambda value: value
