"""Markdown (with optional front matter) to article blocks, keeping each block's own Markdown source."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import replace

from ..lazyre import lazy_compile
from ..model import Article, Block
from ..text import ALERT_KINDS, fenced, markdown_parser, markdown_words_text
from .bylines import (
    bare_signature,
    byline_name,
    closing_and_name,
    is_metadata,
    is_postscript,
    is_signature,
    signature_name,
)
from .plaintext import SECTION_BREAK_RE, escape_markdown
from .tables import table_markdown

KIND = "markdown"
SUFFIXES = (".md", ".markdown", ".mdx")
MEDIA_TYPES = ("markdown",)
ATX_HEADING_RE = lazy_compile(r"(?m)^#{1,6} \S")

ANCHOR_RE = lazy_compile(r"\s*\{:?[ \t]*[#.][^}]*\}\s*$")  # "## Setup {#setup}", "{ #setup .wide }"
FOOTNOTE_DEF_RE = lazy_compile(r"^\[\^([^\]]+)\]:[ \t]?(.*)$")
# JSX/MDX components (<NewsletterForm />, <Caption>…</Caption>): a capitalised tag name is never HTML.
SELF_CLOSING_COMPONENT_RE = lazy_compile(r"<([A-Z][\w.]*)\b[^>]*/>")
COMPONENT_RE = lazy_compile(r"<([A-Z][\w.]*)\b([^>]*)>(.*?)</\1\s*>", re.DOTALL)
COMPONENT_ATTRIBUTE_RE = lazy_compile(r"""(\w+)=(?:"([^"]*)"|'([^']*)'|\{["']([^"']*)["']\})""")
# a callout component (<Callout type="warning" title="…">, <Tip>, <Admonition type="note">): a labelled quote
CALLOUT_COMPONENTS = {"callout", "admonition", "alert", "aside", "note", "tip", "info", "warning", "caution",
                      "danger", "important", "hint"}  # fmt: skip
# Docusaurus, VitePress and others: ":::tip Title" (or ":::note[Title]") … ":::"
ADMONITION_RE = lazy_compile(
    r"(?ms)^[ \t]*(:{3,})[ \t]*([A-Za-z]+)(?:[ \t]*\[([^\]\n]*)\]|[ \t]+([^\n{]*?))?[ \t]*(?:\{[^}\n]*\})?[ \t]*\n"
    r"(.*?)\n[ \t]*\1[ \t]*$"
)
# kramdown (Jekyll): a table of contents generated in place ("* TOC" over "{:toc}"), and attribute lists after a
# block or a span ("{: .notice--info}", "![…](…){: .align-center}"), which say how a theme styles them
KRAMDOWN_TOC_RE = lazy_compile(
    r"(?mi)^[ \t]*(?:[*+-]|1\.)[ \t]+(?:toc|table of contents|contents)[ \t]*\n[ \t]*\{:toc\}[ \t]*$"
)
# a paragraph a Jekyll theme boxes as a notice (Minimal Mistakes' "{: .notice--info}" under it): the author's callout
KRAMDOWN_NOTICE_RE = lazy_compile(r"(?m)((?:^(?![ \t]*$)(?![ \t]*\{:).*\n)+)[ \t]*\{:[ \t]*\.notice[^}\n]*\}[ \t]*$")
KRAMDOWN_IAL_RE = lazy_compile(r"\{:(?:toc|[ \t]*[.#][^}\n]*|[ \t]+[\w-]+=[^}\n]*)\}")
PROSE_MIN_WORDS = 2  # what a component wraps is the author's when it has this many words (a caption, a note)
PLACEHOLDER_RE = lazy_compile(
    r"^\s*(\{[A-Z0-9_ -]+\}|\{\{[^}]*\}\}|\{%.*%\}|\{:[^}]*\}|\[\[[^\]]*\]\]|%[A-Z0-9_]+%)\s*$"
)  # {POLL}, {{ include }}, {% liquid %}, {: .kramdown-attribute}, [[wiki]], %MERGE%
MDX_LINE_RE = lazy_compile(
    r"^\s*((import|export)\s+.*\bfrom\s+['\"][^'\"]+['\"];?|export\s+(const|default)\b.*|:::\s*\w*.*)$"
)
# a table of contents generated where this line stands: Python-Markdown's and Typora's "[TOC]", VitePress' and
# VuePress' "[[toc]]", GitLab's "[[_TOC_]]", markdown-it-toc's "@[toc]", "${toc}": in an email it lists nothing
TOC_MARKER_RE = lazy_compile(r"(?i)^[ \t]*(?:\[toc\]|\[\[_?toc_?\]\]|@\[toc\]|\$\{toc\})[ \t]*$")
SYMBOL_LINE_RE = lazy_compile(r"^[^\w\s]{3,}$")
EDITORIAL_LABEL_RE = lazy_compile(
    r"(?i)^(sub-?heading|subtitle|preheader|pre-header|subject( line)?|email subject|meta description|"
    r"seo title|excerpt|tk|note to editor|editor'?s note|draft)\b[^:]{0,40}:"
)
# A reference-style link ("[the docs][docs]", "[docs][]", "[docs]"): its definition is usually at the end of the
# article, which a lesson does not carry, so each becomes an inline link. Footnotes ([^1]) are not links.
REFERENCE_LINK_RE = lazy_compile(r"(!?)\[(?!\^)((?:[^\[\]\\]|\\.)*)\](?:\[((?:[^\[\]\\]|\\.)*)\])?(?![(:])")
BARE_DESTINATION_BREAKERS_RE = lazy_compile(r"[\s()<>]")
CODE_SPAN_RE = lazy_compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")
# Hugo's and Jekyll's shortcodes, {{< … >}} or {{% … %}}
FIGURE_SHORTCODE_RE = lazy_compile(r"(?m)^[ \t]*\{\{[<%]\s*figure\b(.*?)[>%]\}\}[ \t]*$")
SHORTCODE_ATTRIBUTE_RE = lazy_compile(r'(\w+)="([^"]*)"')
VIDEO_SHORTCODE_RE = lazy_compile(r'(?mi)^[ \t]*\{\{[<%]\s*(youtube|vimeo)\s+(?:id=)?"?([\w-]+)"?[^}]*[>%]\}\}[ \t]*$')
SCHEME_RE = lazy_compile(r"^https?://(www\.)?")
VIDEO_PAGES = {  # a video's own page, from its id: where an embed or a shortcode's link leads
    "youtube": "https://www.youtube.com/watch?v={}", "vimeo": "https://vimeo.com/{}", "loom": "https://www.loom.com/share/{}",
}  # fmt: skip
HIGHLIGHT_SHORTCODE_RE = lazy_compile(  # {{< highlight go "linenos=table" >}} … {{< /highlight >}}
    r"(?msi)^[ \t]*\{\{[<%]\s*highlight\s+([\w+#.-]+)[^}\n]*[>%]\}\}[ \t]*\n(.*?)\n?[ \t]*"
    r"\{\{[<%]\s*/highlight\s*[>%]\}\}[ \t]*$"
)
CALLOUT_SHORTCODE_RE = lazy_compile(
    r"(?msi)^[ \t]*\{\{[<%]\s*(tip|note|notice|hint|info|warning|caution|important|callout|admonition|alert)\b"
    r"[^}]*[>%]\}\}[ \t]*\n(.*?)\n\s*\{\{[<%]\s*/\1\s*[>%]\}\}[ \t]*$"
)
# GitHub's emoji shortcodes (":rocket:", ":+1:"), not a time ("10:30:45") or a word in colons inside a URL
EMOJI_SHORTCODE_RE = lazy_compile(r"(?<![\w:/]):[a-z0-9_+-]+:(?![\w:/])")
# Liquid tags (dev.to, Forem, Jekyll): embeds by name, an expandable {% details %}, Jekyll's {% highlight %}
LIQUID_EMBED_RE = lazy_compile(
    r"(?mi)^[ \t]*\{%-?\s*(youtube|vimeo|loom|twitch|embed|link|github|gist|codepen|twitter|tweet|stackblitz|"
    r"codesandbox|replit|jsfiddle|glitch|spotify|soundcloud|speakerdeck|slideshare|instagram|asciinema)\s+"
    r"[\"']?([^\s\"'%]+)[\"']?[^%\n]*-?%\}[ \t]*$"
)
LIQUID_DETAILS_RE = lazy_compile(
    r"(?msi)^[ \t]*\{%-?\s*(details|spoiler|collapsible|accordion)\s+(.*?)\s*-?%\}[ \t]*\n(.*?)\n?"
    r"[ \t]*\{%-?\s*end\1\s*-?%\}[ \t]*$"
)
LIQUID_HIGHLIGHT_RE = lazy_compile(
    r"(?msi)^[ \t]*\{%-?\s*highlight\s+([\w+#.-]+)[^%\n]*-?%\}[ \t]*\n(.*?)\n?[ \t]*\{%-?\s*endhighlight\s*-?%\}[ \t]*$"
)
# Jekyll shows what {% raw %}…{% endraw %} hold as written; `{% raw %}` in backticks is a tag being talked about
LIQUID_RAW_RE = lazy_compile(r"(?s)(?<!`)\{%-?\s*raw\s*-?%\}(?!`)(.*?)\{%-?\s*endraw\s*-?%\}")
EMBED_ADDRESSES = {  # a Liquid embed's argument when it is not a web address already
    "github": "https://github.com/{}", "twitter": "https://twitter.com/i/status/{}",
    "tweet": "https://twitter.com/i/status/{}", "codesandbox": "https://codesandbox.io/s/{}",
    "stackblitz": "https://stackblitz.com/edit/{}", "replit": "https://replit.com/{}",
}  # fmt: skip
# Obsidian's (and other wikis') Markdown: [[Page|alias]], ![[picture.png]], ==highlight==, > [!tip] Title, #tags
WIKI_EMBED_RE = lazy_compile(r"!\[\[([^\]|#]+?)(?:[|#][^\]]*)?\]\](?![(\[])")  # not ![[alt]](picture.png)
WIKI_LINK_RE = lazy_compile(r"\[\[([^\]|#]+?)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\](?![(\[])")
HIGHLIGHT_RE = lazy_compile(r"(?<![=\w])==(?=\S)([^=\n]+?)(?<=\S)==(?![=\w])")
CALLOUT_RE = lazy_compile(r"(?m)^([ \t]*>[ \t]*)\[!(\w+)\][+-]?[ \t]*(.*?)[ \t]*$")
TAG = r"#(?![0-9a-fA-F]{3,8}\b)[^\W\d][\w/-]*"  # "#productivity", not a colour ("#ff6600")
TAG_LINE_RE = lazy_compile(rf"(?m)^[ \t]*{TAG}(?:[ \t]+{TAG})*[ \t]*$")
TRAILING_TAGS_RE = lazy_compile(rf"(?:[ \t]+{TAG})+[ \t]*(?=\n[ \t]*\n|\n?\Z)")  # at a paragraph's end only
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif")
# A status badge (build, version, licence, coverage), linked or not: "[![Build](https://img.shields.io/…)](…)"
# a status badge's picture: a build, version or licence badge, or a notebook's "Open in Colab" ("colab-badge.svg"),
# "launch binder" ("badge_logo.svg") or "Open in Kaggle" button
BADGE_URL = (
    r"https?://(?:img\.shields\.io|badge\.fury\.io|badgen\.net|badges\.gitter\.im|travis-ci\.(?:org|com)|codecov\.io|"
    r"coveralls\.io|circleci\.com|api\.netlify\.com|[^\s)\"']*/(?:[\w-]*-)?badge(?:[\w-]*\.svg|\b)|"
    r"[^\s)\"']*/open-in-[\w-]+\.svg)"
)
BADGE_RE = lazy_compile(rf"\[?!\[[^\]]*\]\(\s*<?{BADGE_URL}[^\s)]*>?(?:\s+\"[^\"]*\")?\s*\)(?:\]\([^)]*\))?")
# an SVG picture, linked or not: in a row with badges, a badge of a service not named above (a hit counter)
SVG_PICTURE_RE = lazy_compile(
    r"\[?!\[[^\]]*\]\(\s*<?[^\s)>]+\.svg(?:\?[^\s)>]*)?>?(?:\s+\"[^\"]*\")?\s*\)(?:\]\([^)]*\))?"
)
# the same written as HTML, each picture maybe in its link: '<a href="…"><img src="…/colab-badge.svg"/></a>'
HTML_BADGES_RE = lazy_compile(
    rf"(?is)(?:<(?:p|div|center)\b[^>]*>\s*)?(?:(?:<a\b[^>]*>\s*)?<img\b[^>]*\bsrc=[\"']{BADGE_URL}[^>]*>"
    r"(?:\s*</a>)?\s*)+(?:</(?:p|div|center)>)?"
)
BOLD_LINE_RE = lazy_compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__")  # a paragraph that is one bold line
TOML_FRONT_MATTER_RE = lazy_compile(r"\A\ufeff?\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FENCE_RE = lazy_compile(r"(?ms)^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?^[ \t]{0,3}\1[ \t]*$")
# MyST's directives (Jupyter Book, Sphinx with MyST): "```{note}", ":::{warning}", "```{code-block} python" with
# ":caption: …" options (or a YAML block between "---") under the opening line, closed by the same fence
# (or code in a fence of its own, "````md" showing one, which stays as written)
MYST_DIRECTIVE_RE = lazy_compile(
    r"(?ms)^[ \t]{0,3}(?P<code>(?P<plain>`{3,}|~{3,})(?![ \t]*\{)[^\n]*\n.*?^[ \t]{0,3}(?P=plain)[ \t]*$)|"
    r"^(?P<indent>[ \t]{0,3})(?P<fence>`{3,}|~{3,}|:{3,})[ \t]*"
    r"\{(?P<name>\.?[A-Za-z][\w+#.-]*)(?P<attributes>[^}\n]*)\}[ \t]*(?P<argument>[^\n]*)\n"
    r"(?P<inner>.*?)^[ \t]{0,3}(?P=fence)[ \t]*$"
)
MYST_OPTION_RE = lazy_compile(r"^:([\w-]+):(?:[ \t]+(.*))?$")
MYST_ADMONITIONS = ("note", "tip", "hint", "important", "warning", "caution", "attention", "danger", "error",
                    "seealso", "admonition")  # fmt: skip
MYST_CODE = ("code-block", "code", "sourcecode", "code-cell")
MYST_BUILD = ("toctree", "tableofcontents", "contents", "include", "literalinclude", "glossary", "index")
MYST_DIRECTIVES = (*MYST_ADMONITIONS, *MYST_CODE, *MYST_BUILD, "figure", "image")
MYST_ROLE_RE = lazy_compile(r"\{([\w.+:-]+)\}`([^`\n]+)`")  # "{ref}`the fixtures <fixtures>`", "{func}`~a.b`"
MYST_TARGET_RE = lazy_compile(r"(?m)^\([\w.:-]+\)=[ \t]*$\n?")  # "(fixtures)=" over a heading: a link target
# roles that name code ("see :func:`~retry.backoff`", "{func}`~retry.backoff`"): the name, as code; any other role
# (ref, doc, term…) keeps its words. "py:func" and the like are the same roles in a domain.
CODE_ROLES = frozenset({"func", "meth", "class", "mod", "attr", "data", "const", "exc", "obj", "command", "file",
                        "program", "option", "envvar", "samp", "kbd", "makevar", "mailheader", "type", "member",
                        "var", "macro", "struct", "enum", "function", "cpp", "js", "code", "math"})  # fmt: skip
ROLE_TARGET_RE = lazy_compile(r"^(?P<title>.*?)\s*<[^<>]+>$", re.S)  # "the backoff section <backoff>"
# Quarto's and R Markdown's code cells: "```{python}" or "```{r setup, include=FALSE}", options as "#| echo: true";
# Pandoc's "```{.python .numberLines}" names its language so too (read with MyST's directives, above)
CELL_OPTIONS_RE = lazy_compile(r"\A(?:[ \t]*#\|[^\n]*\n)*")
# Quarto's callouts: "::: {.callout-tip}" (a title="…" attribute, or a "## Title" inside) … ":::"
QUARTO_CALLOUT_RE = lazy_compile(
    r"(?ms)^[ \t]*(:{3,})[ \t]*\{\.callout-(\w+)([^}\n]*)\}[ \t]*\n(?:[ \t]*#{1,6}[ \t]+([^\n]+)\n)?"
    r"(.*?)\n[ \t]*\1[ \t]*$"
)
QUARTO_TITLE_RE = lazy_compile(r'title\s*=\s*"([^"]*)"')
PROPERTY_LINE_RE = lazy_compile(r"^[A-Z][\w ]{0,24}:\s+\S.{0,80}$")  # "Tags: hiring, onboarding"
OWNER_PROPERTY_RE = lazy_compile(r"(?i)^(owner|author|written by|created by|autora?|auteure?)\s*:\s*(.+)$")
# a blog's fields written as paragraphs under the title ("Author: [devneel](…)", "Tags: Startups", "Description:
# …"): the page's, not the article's. Tags and their like say so alone; the others only two or more together
# ("Summary: what we learned" alone may be the author's first line)
TAG_PROPERTY_RE = lazy_compile(
    r"(?i)^(tags?|categories|category|keywords|topics|labels|filed under|posted in|schlagwörter|kategorien?|"
    r"étiquettes|catégories?|etiquetas|categorías?)\s*:\s+\S"
)
FIELD_MAX = 400  # characters: a blog's description field runs to two sentences or so, a paragraph of prose further
PAGE_PROPERTY_RE = lazy_compile(
    r"(?i)^(author|authors|by|written by|date|published|published on|posted|posted on|updated|last updated|created|"
    r"description|summary|excerpt|reading time|read time|status|slug|series|level|difficulty|autor|autorin|auteur|"
    r"datum|veröffentlicht|publié le|fecha|publicado)\s*:\s+\S"
)
# Notion's callouts (<aside>💡 …</aside>) are a quote of the author's own: written as one
ASIDE_RE = lazy_compile(r"(?ms)^<aside>[ \t]*\n(.*?)\n\s*</aside>[ \t]*$")
NAV_RE = lazy_compile(
    r"(?i)^(next|previous|prev|back|up|home|continue reading|read next|weiter|zurück|suivant|précédent|"
    r"siguiente|anterior|you are here)\b\s*(:|»|→|>|\|)"
)


def sniff(text: str) -> bool:
    """Markdown structure (headings, lists, quotes, fences or front matter) and Markdown markup in it."""
    looks_structured = text.lstrip().startswith("---\n") or re.search(
        r"(?m)^(#{1,6} \S|\* \S|- \S|\d+\. \S|> \S|```)", text
    )
    return bool(looks_structured and re.search(r"(?m)^(#{1,6} \S|```)|\[[^\]]+\]\([^)]+\)|\*\*\S", text))


def claims_plain_text(text: str) -> bool:
    """A .txt written in Markdown: its headings (two or more) and lists are meant as such."""
    return len(ATX_HEADING_RE.findall(text)) >= 2


def parse(text: str, name: str = "") -> Article:
    """Parse Markdown into an Article; front matter gives title, author and language."""
    meta, body = _split_front_matter(text, name)
    if "{" in body or ")=" in body:  # MyST's directives, Quarto's cells, roles and "(label)=" targets, outside code
        body = _outside(FENCE_RE, _myst_directives(body), _myst_inline)
    body = _outside(FENCE_RE, body, _python_markdown)  # first: its blocks hold code indented under them
    # MDX and shortcodes are read outside code: a React tutorial's `<Button>` and `import` lines are its code
    body, code = _code_set_aside(body)
    body = "\n".join("" if TOC_MARKER_RE.match(line) else line for line in body.split("\n"))  # before wikilinks
    captions: set[str] = set()
    body = _without_needless_escapes(_shortcodes(_unwrap_components(body), captions))
    body = "\n".join(
        "" if MDX_LINE_RE.match(line) else line for line in body.split("\n")
    )  # MDX code, admonition fences
    body = _typographic_dashes(body)
    body = _code_put_back(body, code)
    body = ASIDE_RE.sub(lambda m: _quoted(m.group(1).strip()), body)
    body, footnotes = _extract_footnotes(body)
    lines = body.split("\n")
    blocks: list[Block] = []
    env: dict = {}
    section_break = False  # a rule ("* * *", "---", "⁂") sets the next block apart: it is not a block of its own
    for token in markdown_parser().parse(body, env):
        if token.level != 0 or token.map is None or token.nesting == -1:
            continue
        source = "\n".join(lines[token.map[0] : token.map[1]]).strip("\n")
        if token.type == "hr" or (token.type == "paragraph_open" and SECTION_BREAK_RE.match(source)):  # "⁂"
            section_break = bool(blocks)
            continue
        if env.get("references") and token.type not in ("fence", "code_block", "html_block"):
            source = _inline_references(source, env["references"])
        if token.type == "fence" and FENCE_INFO_EXTRA_RE.search(token.info):
            title, source = _titled_fence(token.info, source)
            if title:
                blocks.append(Block("paragraph", f"**{escape_markdown(title)}**", title))
        block = _block(token.type, token.tag, source)
        if block is not None:
            blocks.append(replace(block, break_before=True) if section_break else block)
            section_break = False
    blocks = _drop_navigation(blocks)
    title = str(meta.get("title") or "").strip()
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        title = title or blocks[0].text
        if sum(block.kind == "heading" and block.level == 1 for block in blocks) == 1:
            blocks = blocks[1:]  # the title; with several, each "# …" is a section (a Google Docs export)
    byline, blocks = _drop_byline(blocks)
    blocks = _bold_lines_as_headings(blocks)
    blocks = _normalise_levels(blocks)
    blocks = _attach_footnotes(blocks, footnotes)
    article = Article(title=title, blocks=blocks, author=_author(meta) or byline or _signed_by(blocks))
    if BROKEN_HEADER in meta:
        article.left_out.append(f"header {meta[BROKEN_HEADER]}")
    article.draft = str(meta.get("draft")).lower() in ("true", "yes")  # YAML's true, or a string saying so
    article.captions = captions
    language = meta.get("lang") or meta.get("language")
    if isinstance(language, str) and language.strip():
        article.language = language.strip()
        article.language_declared = True
    return article


BROKEN_HEADER = "\0broken"  # the front matter's key for why it could not be read (no YAML key can be this)


def _split_front_matter(text: str, name: str) -> tuple[dict, str]:
    import frontmatter  # here, not at the top: only Markdown articles need it
    import yaml

    toml_header = TOML_FRONT_MATTER_RE.match(text)
    if toml_header:  # Hugo's +++ … +++
        import tomllib

        try:
            meta = tomllib.loads(toml_header.group(1))
        except tomllib.TOMLDecodeError as exc:  # a broken header is still not prose: drop it, keep the body, say so
            meta = {BROKEN_HEADER: f"not valid TOML ({str(exc).splitlines()[0]})"}
        return meta, text[toml_header.end() :]
    try:
        post = frontmatter.loads(text)
    except (yaml.YAMLError, ValueError) as exc:
        # where it went wrong, as a line of the file (the YAML it reads opens with the newline after "---"): what was
        # left open ("[unclosed"), else where it was found
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: {getattr(exc, 'problem', '') or 'cannot be read'}" if mark else str(exc)
        match = re.match(r"^---\n.*?\n---\n", text, re.DOTALL)
        return {BROKEN_HEADER: f"not valid YAML ({where.splitlines()[0]})"}, text[match.end() :] if match else text
    return dict(post.metadata), post.content


def _signed_by(blocks: list[Block]) -> str | None:
    """The name a letter ends with ("Talk soon," above "Owen", in one paragraph or two, or alone under the last
    paragraph; above its P.S.): the author when nothing else says who wrote it."""
    while len(blocks) > 1 and blocks[-1].kind == "paragraph" and is_postscript(blocks[-1].text):
        blocks = blocks[:-1]
    last = [block for block in blocks[-2:] if block.kind == "paragraph"]
    lines = [line for block in last for line in block.text.split("\n") if line.strip()]
    signed = closing_and_name(lines[-2:]) if len(lines) >= 2 else None
    if signed:
        return signed[1]
    if len(blocks) < 2:
        return None
    final, before = blocks[-1], blocks[-2]
    if final.kind != "paragraph" or "\n" in final.text.strip() or before.kind == "heading":
        return None
    prose = before.text if before.kind == "paragraph" else None  # under a list or a table: no sentence to end
    if bare_signature(final.text, prose, [block.text for block in blocks[:-1]]):
        return signature_name(final.text)  # "Tomás" (or "— Tomás") alone under the text
    return None


def _author(meta: dict) -> str | None:
    value = meta.get("author") or meta.get("authors")
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if re.fullmatch(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*", value):  # a slug such as lior-neu-ner: not a name to print
        return None
    return value


CODE_MARK_RE = lazy_compile("\x00(\\d+)\x00")


ESCAPED_STOP_RE = lazy_compile(r"\\\\|\\\.")  # an escaped backslash (kept), an escaped full stop
LIST_NUMBER_RE = lazy_compile(r"^[ \t>*+-]*\d{1,9}\\\.")  # "1984\\. That is when…": the escape stops a numbered list


def _without_needless_escapes(body: str) -> str:
    """Google Docs' Markdown export escapes every full stop ("tools\\."): the lesson files keep one only where it
    stops a numbered list. Code (set aside) and indented lines are left as written."""
    if "\\." not in body:
        return body
    lines = []
    for line in body.split("\n"):
        if "\\." in line and not line.startswith(("    ", "\t")):
            kept = LIST_NUMBER_RE.match(line)
            start = kept.end() if kept else 0
            line = line[:start] + ESCAPED_STOP_RE.sub(
                lambda m: "." if m.group(0) == "\\." else m.group(0), line[start:]
            )
        lines.append(line)
    return "\n".join(lines)


# an em dash typed as three hyphens ("Many times---and it"), an en dash as two between spaces ("fasting -- what"),
# which Hugo, Jekyll, Pandoc and Astro print as dashes; not in a link's address, a bare address, an indented line
EM_DASH_RE = lazy_compile(r"(?<=[^\s-])---(?=[^\s-])| --- ")
EN_DASH_RE = lazy_compile(r"(?<=[^\s-]) -- (?=[^\s-])")
ADDRESS_RE = lazy_compile(  # and a table's delimiter row ("| --- | --- |") or a rule, made of hyphens alone
    r"\]\([^)\n]*\)|<[^>\n]*>|\b(?:https?|ftp)://\S+|^(?: {4}|\t).*$|^[ \t|:-]*-[ \t|:-]*$", re.MULTILINE
)


def _typographic_dashes(body: str) -> str:
    """Dashes typed as hyphens ("---", " -- ") as the dashes the author's site shows, outside addresses and code."""
    if "--" not in body:
        return body
    return _outside(ADDRESS_RE, body, lambda text: EN_DASH_RE.sub(" – ", EM_DASH_RE.sub(_em_dash, text)))


def _em_dash(match: re.Match[str]) -> str:
    return " — " if match.group(0).startswith(" ") else "—"


def _code_set_aside(body: str) -> tuple[str, list[str]]:
    """The body with each code block and code span replaced by a mark (CODE_MARK_RE), and what they were."""
    code: list[str] = []

    def mark(match: re.Match[str]) -> str:
        code.append(match.group(0))
        return f"\x00{len(code) - 1}\x00"

    return CODE_SPAN_RE.sub(mark, FENCE_RE.sub(mark, body.replace("\x00", ""))), code


QUOTE_PREFIX_RE = lazy_compile(r"(?:[ \t]*>)+[ \t]?")


def _code_put_back(body: str, code: list[str]) -> str:
    """Each code mark replaced by its code again; one that an admonition or a callout has made part of a quote
    ("> \x000\x00") has every line of its code quoted, so that the code stays in the quote (its fence's lines
    after the first fell out of it, and the text after it became code)."""

    def put_back(match: re.Match[str]) -> str:
        text = _unraw(code[int(match.group(1))])
        prefix = body[body.rfind("\n", 0, match.start()) + 1 : match.start()]
        if "\n" not in text or not QUOTE_PREFIX_RE.fullmatch(prefix):
            return text
        lines = text.split("\n")
        if all(line.lstrip().startswith(">") for line in lines[1:]):
            return text  # quoted already: a fence the author wrote inside a quote
        return "\n".join([lines[0], *(prefix + line for line in lines[1:])])

    return CODE_MARK_RE.sub(put_back, body)


def _unwrap_components(body: str) -> str:
    """MDX components go, but not the author's words inside them: a caption, a callout or a note keeps its text
    (as a paragraph of its own); an empty or interface-only one (<NewsletterForm />, <Button>Go</Button>) goes."""

    def unwrap(match: re.Match[str]) -> str:
        name, inner = match.group(1), match.group(3).strip()
        words = re.findall(r"[^\W\d_][\w'’-]*", re.sub(r"\]\([^)]*\)", "]", inner))
        if len(words) < PROSE_MIN_WORDS and "\x00" not in inner:  # a tab of code alone is the author's too
            return ""
        line_start = match.string.rfind("\n", 0, match.start()) + 1
        if match.string[line_start : match.start()].strip():  # inside a line: its words, in their place
            return inner
        attributes = {
            key: next(v for v in values if v) for key, *values in COMPONENT_ATTRIBUTE_RE.findall(match.group(2))
        }
        if name.split(".")[-1].lower() in CALLOUT_COMPONENTS:
            kind = attributes.get("type") or attributes.get("kind") or attributes.get("variant") or name.split(".")[-1]
            kind = "" if kind.lower() in ("callout", "admonition", "alert", "aside") else kind
            return "\n\n" + _callout_quote(kind, attributes.get("title", ""), inner) + "\n\n"
        label = attributes.get("label", "")  # a tab's (<TabItem label="Python">): which of the versions this is
        return f"\n\n**{label}**\n\n{inner}\n\n" if label else f"\n\n{inner}\n\n"

    body = SELF_CLOSING_COMPONENT_RE.sub("", body)
    previous = None
    while previous != body:  # nested components unwrap from the inside out
        previous, body = body, COMPONENT_RE.sub(unwrap, body)
    return body


# Hugo's link to another page of the site: [the saboteurs]({{< ref "talk-to-your-saboteurs" >}}), relref alike
REF_SHORTCODE_RE = lazy_compile(r"""\{\{[<%]\s*(?:rel)?ref\s+["']([^"'\n]+)["']\s*[>%]\}\}""")


def _page_address(ref: str) -> str:
    """The address a Hugo ref gives a page, relative to this article's ("talk-to-your-saboteurs" is the page beside
    it, "../talk-to-your-saboteurs/"; "/posts/x.md" is "/posts/x/"): a reader gets it with --base-url, as any
    relative link."""
    path = re.sub(r"(/_?index)?\.(md|markdown|html)$", "", ref.strip()).strip("/")
    return f"/{path}/" if "/" in path else f"../{path}/"


def _shortcodes(body: str, captions: set[str] | None = None) -> str:
    """A site generator's shortcodes ({{< youtube … >}}, {{< figure … >}}, a paired {{< tip >}}…{{< /tip >}},
    {{< highlight go >}}…{{< /highlight >}}, {{< ref "page" >}}), which no email understands, as what they show: a
    link to the video, the picture and its caption (added to `captions`), a quote, a code block, the page's
    address."""

    def figure(match: re.Match[str]) -> str:
        attributes = dict(SHORTCODE_ATTRIBUTE_RE.findall(match.group(1)))
        if captions is not None and attributes.get("caption"):
            captions.add(attributes["caption"])
        picture = f"![{attributes.get('alt', '')}]({attributes['src']})" if attributes.get("src") else ""
        return "\n" + "\n\n".join(part for part in (picture, attributes.get("caption", "")) if part) + "\n"

    def video(match: re.Match[str]) -> str:
        page = VIDEO_PAGES[match.group(1).lower()].format(match.group(2))
        return f"\n[▶ {shown_address(page)}]({page})\n"  # a block of its own

    def outside_code(body: str) -> str:
        body = KRAMDOWN_NOTICE_RE.sub(lambda m: _quoted(m.group(1).rstrip("\n")) + "\n", body)
        body = KRAMDOWN_IAL_RE.sub("", KRAMDOWN_TOC_RE.sub("", body))  # Jekyll's "{: .align-center}", "{:toc}"
        body = FIGURE_SHORTCODE_RE.sub(figure, body)
        body = VIDEO_SHORTCODE_RE.sub(video, body)
        body = REF_SHORTCODE_RE.sub(lambda m: _page_address(m.group(1)), body)
        body = CALLOUT_SHORTCODE_RE.sub(lambda m: "\n" + _quoted(m.group(2).strip()) + "\n", body)
        body = QUARTO_CALLOUT_RE.sub(
            lambda m: (
                "\n" + _callout_quote(m.group(2), _quarto_title(m.group(3)) or m.group(4) or "", m.group(5)) + "\n"
            ),
            body,
        )
        body = ADMONITION_RE.sub(
            lambda m: "\n" + _callout_quote(m.group(2), m.group(3) or m.group(4) or "", m.group(5)) + "\n", body
        )
        body = _wiki_markdown(body)
        if EMOJI_SHORTCODE_RE.search(body):  # as GitHub shows them: the emoji (a name it does not know stays)
            import emoji

            body = EMOJI_SHORTCODE_RE.sub(lambda m: emoji.emojize(m.group(0), language="alias"), body)
        body = LIQUID_EMBED_RE.sub(_liquid_embed, body)
        return LIQUID_DETAILS_RE.sub(lambda m: f"\n**{m.group(2).strip()}**\n\n{m.group(3).strip()}\n", body)

    def as_fences(body: str) -> str:  # first: no other pass reads the lines of code
        body = HIGHLIGHT_SHORTCODE_RE.sub(lambda m: f"```{m.group(1)}\n{m.group(2).rstrip()}\n```", body)
        return LIQUID_HIGHLIGHT_RE.sub(lambda m: f"```{m.group(1)}\n{m.group(2).rstrip()}\n```", body)

    # a tutorial about shortcodes shows them in its code blocks: those stay as written
    return _unraw(_outside(FENCE_RE, _outside(FENCE_RE, body, as_fences), outside_code))


# Python-Markdown's extensions (MkDocs Material): an admonition ("!!! tip "Title"", "??? note" folded, "???+" open)
# or a content tab ('=== "Python"') over a block indented four spaces, the block's blank lines included
INDENTED_BLOCK_RE = lazy_compile(
    r"(?m)^(?P<indent>[ \t]*)(?P<mark>!!!|\?\?\?\+?|===\+?)[ \t]+(?P<head>[^\n]*)\n"
    r"(?P<body>(?:(?P=indent)(?: {4}|\t)[^\n]*\n|[ \t]*\n)*(?:(?P=indent)(?: {4}|\t)[^\n]*$)?)"
)
ADMONITION_HEAD_RE = lazy_compile(r'^(?P<kind>[\w-]+)(?:[ \t]+(?:inline|end))*(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')
TAB_HEAD_RE = lazy_compile(r'^"(?P<label>[^"]*)"')
# what only the site's build reads: an attribute list on a line of its own ("{ .annotate }"), a snippet included
# from another file ('--8<-- "includes/abbreviations.md"'), an abbreviation's definition ("*[HMAC]: …")
BUILD_ONLY_LINE_RE = lazy_compile(
    r"(?m)^[ \t]*(?:\{[ \t]*[.#][^}\n]*\}|-{1,2}8<-{1,2}[ \t]+[\"'][^\n]*|\*\[[^\]\n]+\]:[^\n]*)[ \t]*(?:\n|$)"
)


def _python_markdown(body: str) -> str:
    """MkDocs Material's blocks as plain Markdown: an admonition is a quote under its title (or its kind), each
    content tab its label in bold over what it holds (an email shows every tab, one after the other), and what
    only the site's build reads goes."""

    def block(match: re.Match[str]) -> str:
        inner = textwrap.dedent(match.group("body")).strip("\n")
        inner = _python_markdown(inner + "\n").strip("\n")  # a tab holding an admonition
        head = match.group("head").strip()
        tab = TAB_HEAD_RE.match(head) if match.group("mark").startswith("=") else None
        admonition = None if tab else ADMONITION_HEAD_RE.match(head)
        if not inner.strip() or not (tab or admonition):
            return match.group(0)  # "Title" over "=== " is a heading; "!!! Wow" alone is the author's
        if tab:
            return f"{match.group('indent')}**{tab.group('label')}**\n\n{inner}\n\n"
        assert admonition is not None
        title = admonition.group("title")
        quote = _quoted(inner) if title == "" else _callout_quote(admonition.group("kind"), title or "", inner)
        return quote + "\n\n"

    return BUILD_ONLY_LINE_RE.sub("", INDENTED_BLOCK_RE.sub(block, body))


def _unraw(text: str) -> str:
    """Liquid's {% raw %}…{% endraw %} as what it shows: what it holds, as written (in code too)."""
    return LIQUID_RAW_RE.sub(lambda m: m.group(1), text)


def _wiki_markdown(body: str) -> str:
    """Obsidian's Markdown as plain Markdown: a wiki link is its words ("[[Weekly review|my review]]" -> "my
    review": no page to link to), an embedded picture a picture with a relative address (left out and reported,
    or resolved with --base-url), an embedded note goes, ==highlight== is bold, a callout "> [!tip] Title" shows
    its title in bold (GitHub's kinds without a title keep their label), and #tags at the end of a line go."""

    def callout(match: re.Match[str]) -> str:
        quote, kind, title = match.groups()
        return quote + _callout_head(kind, title)

    def embed(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        return f"![]({link_destination(name)})" if name.lower().endswith(PICTURE_SUFFIXES) else ""

    body = CALLOUT_RE.sub(callout, body)
    body = TRAILING_TAGS_RE.sub("", TAG_LINE_RE.sub("", body))
    # `[[x]]` in backticks is being talked about: as written
    return _outside(CODE_SPAN_RE, body, lambda text: _wiki_inline(text, embed))


def _wiki_inline(text: str, embed: Callable[[re.Match[str]], str]) -> str:
    text = WIKI_EMBED_RE.sub(embed, text)
    text = WIKI_LINK_RE.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)
    return HIGHLIGHT_RE.sub(r"**\1**", text)


def _liquid_embed(match: re.Match[str]) -> str:
    """{% youtube id %}, {% embed https://… %}, {% github owner/repo %}: a link to what the tag shows (a video's
    with ▶), a paragraph of its own; a tag whose page cannot be told goes."""
    kind, argument = match.group(1).lower(), match.group(2)
    if argument.startswith(("https://", "http://")):
        page = argument
    elif kind in VIDEO_PAGES and re.fullmatch(r"[\w-]+", argument):
        page = VIDEO_PAGES[kind].format(argument)
    elif kind in EMBED_ADDRESSES and re.fullmatch(r"@?[\w./-]+", argument):
        page = EMBED_ADDRESSES[kind].format(argument.lstrip("@") if kind != "replit" else argument)
    else:
        return ""
    return f"\n[{'▶ ' if kind in VIDEO_PAGES or kind == 'twitch' else ''}{shown_address(page)}]({page})\n"


def shown_address(url: str) -> str:
    """An address as the link to an embed's page shows it, without its scheme or "www." ("youtube.com/watch?v=…"):
    the Markdown, HTML and reStructuredText readers' embeds alike."""
    return SCHEME_RE.sub("", url)


def role_words(role: str, content: str) -> tuple[str, bool]:
    """What a reader sees of a Sphinx or MyST role, and whether it is code: ":func:`~retry.backoff`" is the code
    "backoff", ":ref:`the backoff section <backoff>`" the words "the backoff section"."""
    role = role.split(":")[-1]
    target = ROLE_TARGET_RE.match(content)
    words = target.group("title") if target and target.group("title") else content
    if role in ("guilabel", "menuselection"):  # "&Cancel" underlines its C; "File --> Save" is a path of menus
        words = re.sub(r"&(?=\w)", "", words).replace("-->", "›")
    if role in CODE_ROLES:
        words = words.lstrip("!")
        return (words[1:].rsplit(".", 1)[-1] if words.startswith("~") else words), True
    return words, False


def _myst_inline(body: str) -> str:
    return MYST_TARGET_RE.sub("", MYST_ROLE_RE.sub(_myst_role, body))


def _myst_role(match: re.Match[str]) -> str:
    words, code = role_words(match.group(1), match.group(2))
    return f"`{words}`" if code else words


def _myst_directives(body: str) -> str:
    """MyST's directives as what they show: an admonition a quote under its label, a code block code in its
    language (its :caption: in bold above), a figure its picture; a table of contents or an include goes. Any
    other directive is left as written."""

    def directive(match: re.Match[str]) -> str:
        if match.group("code"):
            return match.group(0)
        name, argument, inner = match.group("name").lower(), match.group("argument").strip(), match.group("inner")
        fence = match.group("fence")
        myst = name in MYST_DIRECTIVES and not match.group("attributes").strip()
        if not myst and fence.startswith(":"):
            return match.group(0)  # Quarto's callout (":::{.callout-tip}"), read further on
        if not myst:  # a notebook's cell: code in its language, without the cell's options ("#| echo: true")
            language = name.lstrip(".")
            return f"{match.group('indent')}{fence}{language}\n{CELL_OPTIONS_RE.sub('', inner)}{fence}"
        options, inner = _myst_options(inner)
        if name in MYST_BUILD:
            return ""
        if name in ("figure", "image"):
            alt = options.get("alt") or " ".join(inner.split())
            return f"\n![{alt}]({argument})\n" if argument else ""
        if name in MYST_CODE:
            caption = f"**{options['caption']}**\n\n" if options.get("caption") else ""
            return f"\n{caption}{fenced(inner.rstrip(), argument.split()[0] if argument else '')}\n"
        kind = "" if name == "admonition" else "see also" if name == "seealso" else name
        return "\n" + _callout_quote(kind, argument if name == "admonition" else "", _myst_directives(inner)) + "\n"

    return MYST_DIRECTIVE_RE.sub(directive, body)


def _myst_options(inner: str) -> tuple[dict[str, str], str]:
    """A directive's options (":caption: test_orders.py" lines, or a YAML block between "---"), and what follows."""
    lines = inner.split("\n")
    options: dict[str, str] = {}
    if lines and lines[0].strip() == "---" and "---" in (line.strip() for line in lines[1:]):
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == "---")
        for line in lines[1:end]:
            key, _, value = line.partition(":")
            options[key.strip().lower()] = value.strip().strip("'\"")
        lines = lines[end + 1 :]
    while lines and (option := MYST_OPTION_RE.match(lines[0].strip())):
        options[option.group(1).lower()] = (option.group(2) or "").strip()
        lines.pop(0)
    return options, "\n".join(lines).strip("\n")


def _callout_head(kind: str, title: str) -> str:
    """A callout's first line in a quote: its title in bold, else a GitHub kind's marker ("[!TIP]", shown as
    "Tip:"), else its kind in bold ("**Info**"); nothing for a callout of no kind."""
    if not title and kind.upper() in ALERT_KINDS.split("|"):
        return f"[!{kind.upper()}]"
    return f"**{title or kind.capitalize()}**  " if title or kind else ""


def _quarto_title(attributes: str) -> str:
    match = QUARTO_TITLE_RE.search(attributes)
    return match.group(1) if match else ""


def _callout_quote(kind: str, title: str, inner: str) -> str:
    """A callout (a Docusaurus admonition, an MDX <Callout>) as a quote that opens with its label."""
    head = _callout_head(kind, title.strip())
    return _quoted(f"{head}\n{inner.strip()}" if head else inner.strip())


def _quoted(text: str) -> str:
    """Lines as a Markdown quote: "> " before each, a blank line a bare ">"."""
    return "\n".join("> " + line if line.strip() else ">" for line in text.split("\n"))


def _bold_lines_as_headings(blocks: list[Block]) -> list[Block]:
    """An article with no headings whose sections open with a bold line ("**The forecast that saved us**", as
    Blogger and many editors write them): two or more such lines are its headings (a lesson ended on one, its
    section in the next). An article with headings keeps its bold lines as the author's emphasis."""
    if any(block.kind == "heading" for block in blocks):
        return blocks
    lines = [
        i
        for i, block in enumerate(blocks)
        if block.kind == "paragraph" and _bold_line(block) and [b.kind for b in blocks[i + 1 : i + 2]] != ["code"]
    ]  # over a code block, a bold line labels it ("**Python**" over a tab's code)
    if len(lines) < 2:
        return blocks
    headed = list(blocks)
    for i in lines:
        text = blocks[i].text.strip().rstrip(":").strip()
        headed[i] = replace(blocks[i], kind="heading", markdown=f"## {text}", text=text, level=2, glue_next=False)
    return headed


def _bold_line(block: Block) -> bool:
    text = block.text.strip()
    return (
        bool(BOLD_LINE_RE.fullmatch(block.markdown.strip()))
        and "](" not in block.markdown  # a bold link is a reading list's item: its address stays
        and 1 <= len(text.split()) <= 12
        and not text.endswith((".", ",", ";"))
    )


def _drop_byline(blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """Bylines, dates and reading times at the top of the article ("*By Priya Raman · 12 minute read*") are the
    page's, not the article's: they go, and a byline gives the author. So does a block of properties, one
    "Key: value" a line, as Notion exports them ("Created: March 4, 2026", "Tags: hiring", "Status: Published")
    and Google Docs' templates write them in bold ("**Owner:** Daniela Ruiz"), or a blog's fields a paragraph
    each (see _page_fields): its owner or author is the author."""
    fields = {id(block): block.text.replace("**", "").strip() for block in _page_fields(blocks)}
    author = _owner(list(fields.values()))
    kept = [block for block in blocks if id(block) not in fields]
    for block in blocks[:4]:
        if block.kind == "heading":
            break
        if id(block) in fields:
            continue
        lines = [line.replace("**", "").strip() for line in block.markdown.split("\n") if line.strip()]
        if block.kind == "paragraph" and len(lines) >= 2 and all(PROPERTY_LINE_RE.match(line) for line in lines):
            author = author or _owner(lines)
            kept.remove(block)
            continue
        if block.kind != "paragraph" or len(block.text.split()) > 16:
            continue
        name = byline_name(block.text)
        if name or is_metadata(block.text):
            author = author or name
            kept.remove(block)
    return author, kept


def _owner(lines: list[str]) -> str | None:
    """The name a page's properties give as its owner or author ("Author: Jane Doe"), if one is a name."""
    owners = [match.group(2).strip() for line in lines if (match := OWNER_PROPERTY_RE.match(line))]
    return next((name for name in owners if is_signature(name)), None)


def _page_fields(blocks: list[Block]) -> list[Block]:
    """The paragraphs at the top of the article that are a blog's fields, one "Key: value" each ("Tags: Team
    Management, Startups", then "Description: …"): a tag line always, the others when two or more are there."""
    fields, tags = [], []
    for block in blocks[:8]:
        text = block.text.replace("**", "").strip()
        if block.kind == "heading":
            break
        if block.kind != "paragraph" or "\n" in text or len(text) > FIELD_MAX:
            continue
        tag = TAG_PROPERTY_RE.match(text)
        if tag:
            tags.append(block)
        if tag or PAGE_PROPERTY_RE.match(text):
            fields.append(block)
    return fields if len(fields) >= 2 else tags


def link_destination(url: str) -> str:
    """A URL as a Markdown link's destination: in <…> when a space, a bracket or a parenthesis would end it."""
    return f"<{url}>" if BARE_DESTINATION_BREAKERS_RE.search(url) else url


def _inline_references(source: str, references: dict[str, dict[str, str]]) -> str:
    """The block with each reference-style link written inline, as it renders ("[the docs][docs]" ->
    "[the docs](https://…)"); code spans and brackets that name no definition are left as written."""
    from markdown_it.common.utils import normalizeReference

    def inline(match: re.Match[str]) -> str:
        bang, text, label = match.groups()
        found = references.get(normalizeReference(label or text))
        if found is None:
            return match.group(0)
        title = found.get("title") or ""
        quoted = ' "' + title.replace('"', '\\"') + '"' if title else ""
        return f"{bang}[{text}]({link_destination(found['href'])}{quoted})"

    return _outside(CODE_SPAN_RE, source, lambda text: REFERENCE_LINK_RE.sub(inline, text))


def _outside(code: re.Pattern[str], text: str, change: Callable[[str], str]) -> str:
    """The text with `change` made everywhere but in what `code` matches (code blocks or spans, kept as written)."""
    pieces, position = [], 0
    for match in code.finditer(text):
        pieces += [change(text[position : match.start()]), match.group(0)]
        position = match.end()
    return "".join([*pieces, change(text[position:])])


BLOCK_START_RE = lazy_compile(r"^ {0,3}(#{1,6}\s|>|[-*+]\s|\d{1,9}[.)]\s|`{3}|~{3}|<|\||---|\*\*\*|___)")


def _extract_footnotes(body: str) -> tuple[str, dict[str, str]]:
    """Take footnote definitions out of the body so each can travel with the paragraph that cites it."""
    footnotes: dict[str, str] = {}
    kept: list[str] = []
    current: str | None = None
    for line in body.split("\n"):
        match = FOOTNOTE_DEF_RE.match(line)
        if match:
            current = match.group(1)
            footnotes[current] = line
            continue
        # a note goes on over indented lines and blank ones, and over a line right under its text that starts no
        # block of its own (a paragraph's lazy continuation, as Markdown reads it)
        lazy = current is not None and footnotes[current].rpartition("\n")[2].strip() and not BLOCK_START_RE.match(line)
        if current is not None and (line.startswith(("    ", "\t")) or not line.strip() or lazy):
            footnotes[current] += "\n" + line
            continue
        current = None
        kept.append(line)
    return "\n".join(kept), {label: text.rstrip() for label, text in footnotes.items()}


def _attach_footnotes(blocks: list[Block], footnotes: dict[str, str]) -> list[Block]:
    if not footnotes:
        return blocks
    remaining = dict(footnotes)
    attached: list[Block] = []
    for block in blocks:
        cited = [label for label in remaining if f"[^{label}]" in block.markdown]
        attached.append(_with_notes(block, [remaining.pop(label) for label in cited]) if cited else block)
    if remaining and attached:  # definitions nobody cites stay with the last block, so no words are lost
        attached[-1] = _with_notes(attached[-1], list(remaining.values()))
    return attached


def _with_notes(block: Block, notes: list[str]) -> Block:
    markdown = block.markdown + "\n\n" + "\n\n".join(notes)
    return replace(block, markdown=markdown, text=markdown_words_text(markdown))


def _block(kind: str, tag: str, source: str) -> Block | None:
    if kind == "html_block" and "<table" in source.lower():
        table = table_markdown(source)
        if table:
            return Block("table", table, markdown_words_text(table).strip())
    if kind == "html_block" and HTML_BADGES_RE.fullmatch(source.strip()):
        return None  # the badges again, or a notebook's "Open in Colab" button: the platform's, not the article's
    if kind == "html_block":
        text = markdown_words_text(source).strip()
        return Block("html", source, text) if text else None
    if kind == "heading_open":
        level = int(tag[1])
        heading_text = re.sub(r"^#{1,6}\s*|\s*#+\s*$", "", source.split("\n")[0]) if source.startswith("#") else source
        heading_text = ANCHOR_RE.sub("", heading_text.split("\n")[0]).strip()
        markdown = "#" * level + " " + heading_text
        return Block("heading", markdown, markdown_words_text(markdown).strip(), level=level)
    if kind == "paragraph_open":
        lines = [line for line in source.split("\n") if not _is_artefact_line(line)]
        if any(EDITORIAL_LABEL_RE.match(line) for line in lines) and any(
            SYMBOL_LINE_RE.match(line.strip()) for line in source.split("\n")
        ):
            return None
        source = "\n".join(lines).strip()
        if not source:
            return None
        source = _signed_on_two_lines(source)  # its text too: a letter's name is on the line under its closing
        text = markdown_words_text(source).strip()
        if (BADGE_RE.search(source) and not SVG_PICTURE_RE.sub("", BADGE_RE.sub("", source)).strip()) or (
            HTML_BADGES_RE.fullmatch(source)
        ):
            return None  # a row of build, version and licence badges (a hit counter among them): page furniture
        if re.fullmatch(r"(!\[[^\]]*\]\([^)]*\)\s*)+", source):
            return Block("image", source, "")
        return Block("paragraph", source, text, glue_next=text.endswith(":"))
    block_kind = {
        "bullet_list_open": "list",
        "ordered_list_open": "list",
        "blockquote_open": "quote",
        "fence": "code",
        "code_block": "code",
        "table_open": "table",
    }.get(kind, "paragraph")
    return Block(block_kind, source, markdown_words_text(source).strip())


# what a fence says after its language: a file name (title="verify.py", VitePress' [config.js]), line numbers and
# highlighted lines (linenums="1", {1,3}), which only the site's code blocks show
FENCE_INFO_EXTRA_RE = lazy_compile(r"\s|\{|\[")
FENCE_TITLE_RE = lazy_compile(r"""(?:^|\s)title=(?:"([^"\n]+)"|'([^'\n]+)')|^[\w+#.-]*\s*\[([^\]\n]+)\]""")


def _titled_fence(info: str, source: str) -> tuple[str, str]:
    """The file a fence names, and the fence with its language alone on its first line."""
    match = FENCE_TITLE_RE.search(info.strip())
    title = next((group for group in match.groups() if group), "").strip() if match else ""
    first, _, rest = source.partition("\n")
    marks = re.match(r"[ \t]*(`{3,}|~{3,})", first)
    language = re.match(r"(?:\{[ \t]*\.)?([\w+#-][\w+#.-]*)?", info.strip())  # Pandoc's {.python .numberLines}
    return title, f"{marks.group(0) if marks else '```'}{(language.group(1) or '') if language else ''}\n{rest}"


def _signed_on_two_lines(source: str) -> str:
    """ "See you in the inbox," above "Lena" in one paragraph: Markdown would join them into one line; a hard break
    keeps them as the author typed them."""
    lines = source.split("\n")
    return f"{lines[0].rstrip()}  \n{lines[1].strip()}" if closing_and_name(lines) else source


def _is_artefact_line(line: str) -> bool:
    stripped = line.strip()
    return bool(PLACEHOLDER_RE.match(stripped) or SYMBOL_LINE_RE.match(stripped))


def _drop_navigation(blocks: list[Block]) -> list[Block]:
    """Drop 'Next: [..](..)' style navigation paragraphs at either end of the article."""

    def is_nav(block: Block) -> bool:
        return block.kind == "paragraph" and len(block.text.split()) <= 14 and bool(NAV_RE.match(block.text))

    while blocks and is_nav(blocks[-1]):
        blocks = blocks[:-1]
    while blocks and is_nav(blocks[0]):
        blocks = blocks[1:]
    return blocks


def _normalise_levels(blocks: list[Block]) -> list[Block]:
    """Shift heading levels so the article's top section level becomes h2 (h1 is the lesson title). A lone heading
    above the sections' level that closes the article ("# Questions for you" after "##" sections, under its front
    matter's title) is one of them, not the level the others are shifted down from; one with sections after it
    ("## Ask yourself two questions" over two "###") is their parent."""
    levels = [b.level for b in blocks if b.kind == "heading"]
    if not levels:
        return blocks
    top = min(levels)
    sections = [level for level in levels if level > top]
    after = levels[levels.index(top) + 1 :]  # a lone heading with subsections of its own is their parent
    if levels.count(top) == 1 and sections.count(min(sections, default=0)) >= 2 and not after:
        top = min(sections)  # the lone one is raised no higher than h2 below
    shift = 2 - top
    if shift == 0 and min(levels) >= 2:
        return blocks
    shifted = []
    for block in blocks:
        if block.kind == "heading":
            level = max(2, min(6, block.level + shift))
            markdown = "#" * level + block.markdown.lstrip("#")
            block = replace(block, markdown=markdown, level=level)
        shifted.append(block)
    return shifted
