"""A full HTML page to article blocks: find the article, drop the page around it, convert it to Markdown.

The page is parsed with lxml (which repairs omitted end tags), cleared of what is never article prose
(scripts, navigation, forms, breadcrumbs, promo boxes, copyright lines), reduced to its main content
element, then converted to Markdown with markdownify and read like any Markdown article.
"""

from __future__ import annotations

import re
from html import escape as html_escape
from typing import TYPE_CHECKING, Any

from ..lazyre import lazy_compile
from ..model import Article
from ..text import visible
from . import markdown
from .bylines import RATING_RE, byline_name, is_signature
from .plaintext import clean_title
from .tables import LAYOUT_CONTENT, markdownify_html, owning_table, spanned_cells_repeated

if TYPE_CHECKING:
    from lxml.html import HtmlElement

KIND = "html"
SUFFIXES = (".html", ".htm")
MEDIA_TYPES = ("html",)

NEVER_CONTENT = (
    "script", "style", "noscript", "template", "nav", "form", "button", "input", "select", "textarea",
    "iframe", "svg", "canvas", "dialog", "object", "embed", "link", "meta", "aside", "footer",
)  # fmt: skip
CHROME_RE = lazy_compile(
    r"(?i)(^|[\s_-])(breadcrumbs?|nav|navbar|navigation|menu|footer|sidebar|promo|advert\w*|ads?|sponsor\w*|"
    r"share|sharing|social|comments?|related(posts?)?|relatedposts|search|cookie\w*|banner|newsletter|subscribe|"
    r"signup|popup|"
    r"modal|pagination|pager|skip|widget|toolbar|masthead|site-header|byline|author-bio|meta|post-meta|"
    r"entry-meta|posted-on|dateline|top-bar|properties|page-properties|metadata|toc|table-of-contents|author-info|"
    r"author-box|author-card|about-author|more-articles|more-posts|more-stories|read-next|recommended|"
    r"author-photo|avatar|read-time|reading-time|publish-date|count|counts|written-by|series-box|post-series)"
    r"($|[\s_-])"
)
# Players an article embeds: an email cannot play them, so each becomes a link to its page (the video stays)
EMBED_PAGES = [  # an embedded player's address, and which video page it shows
    (
        lazy_compile(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)"),
        markdown.VIDEO_PAGES["youtube"],
    ),
    (lazy_compile(r"^(?:https?:)?//player\.vimeo\.com/video/(\d+)"), markdown.VIDEO_PAGES["vimeo"]),
    (lazy_compile(r"^(?:https?:)?//(?:www\.)?loom\.com/embed/(\w+)"), markdown.VIDEO_PAGES["loom"]),
]
EMBED_HOSTS_RE = lazy_compile(
    r"^(?:https?:)?//([\w-]+\.)*(youtube(-nocookie)?\.com|youtu\.be|vimeo\.com|loom\.com|wistia\.(com|net)|"
    r"dailymotion\.com|ted\.com|twitch\.tv|spotify\.com|soundcloud\.com|podcasts\.apple\.com|codepen\.io|"
    r"codesandbox\.io|figma\.com|slideshare\.net|speakerdeck\.com)/"
)
GIST_SCRIPT_RE = lazy_compile(r"^(?:https?:)?//gist\.github\.com/((?:[\w-]+/)?[0-9a-f]+)\.js\b")
GENERIC_TITLE_RE = lazy_compile(r"(?i)^\s*((youtube|vimeo|loom|wistia|spotify|soundcloud)\s*)?(video|embed\w*|audio)?"
                              r"\s*(player|content|frame)?\s*$")  # fmt: skip
# A blog's own calls inside a post ("Subscribe now", "Share", "Leave a comment", a recipe's "Print" and "Pin"
# buttons): the reader of a course has subscribed already, and an email has nothing to share, comment on or print
BLOG_CALL_RE = lazy_compile(
    r"(?i)^(subscribe( now| for free)?|share( this( post)?)?|leave a comment|comment|sign up( now)?|get the app|"
    r"print( (this )?(recipe|post|page|article))?|pin( (it|this|recipe))?|save( (this|recipe))?|"
    r"(jump|skip) to (the )?recipe|"
    r"abonnieren|teilen|s'abonner|partager|suscr[ií]bete|compartir)$"
)
SUBTITLE_CLASS_RE = lazy_compile(r"(?i)(^|[\s_-])(subtitle|sub-title|subhead\w*|dek|standfirst|deck|tagline)($|[\s_-])")
CELL_PROSE_WORDS = 40  # a cell holding a paragraph longer than this is a page's column, not a table's datum
EXPANDABLE_RE = lazy_compile(r"(?i)(^|[\s_-])(toggle|accordion|collapsible|expandable|faq)")
FOOTNOTE_MARK_RE = lazy_compile(r"(?i)footnote|fnref|noteref|^fn")
COPYRIGHT_RE = lazy_compile(r"(?i)^\s*(copyright|©|\(c\)|all rights reserved)")
# a callout or an admonition (Notion, MkDocs, Docusaurus, Ghost, GitHub), and its title
CALLOUT_CLASS_RE = lazy_compile(
    r"(?i)(^|\s)(callout|admonition|theme-admonition|kg-callout-card|markdown-alert)(\s|$)"
)  # GitHub's "> [!NOTE]" too
CALLOUT_TITLE_RE = lazy_compile(
    r"(?i)(^|\s)(admonition-title|admonition-?heading\w*|callout-title|markdown-alert-title)(\s|$)"
)
CODE_TITLE_CLASS_RE = lazy_compile(r"(?i)(^|\s)(codeBlockTitle\w*|code-?block-?title|code-title|highlight-title)(\s|$)")
PROMPT_CLASS_RE = lazy_compile(r"(?i)(^|\s)(jp-InputPrompt|jp-OutputPrompt|input_prompt|output_prompt|prompt)(\s|$)")
PROMPT_RE = lazy_compile(r"\s*(?:(?:In|Out)\s*\[\s*[\d*]*\s*\]\s*:?)?\s*")  # "In [2]:", "Out[2]:", or nothing
NOTEBOOK_OUTPUT_CLASS_RE = lazy_compile(r"(?i)(^|\s)(jp-OutputArea-output|output_text|output_stream)(\s|$)")
ADMONITION_BLOCK_RE = lazy_compile(r"(?i)(^|\s)admonitionblock(\s|$)")  # AsciiDoc's, laid out as a table
# what a docs site or a blog writes around an article, in its own words: a link back up the page, an invitation
# to edit the page's source, a feedback widget's question, the date of the last change
SITE_LINE_RE = lazy_compile(
    r"(?i)^[↑⬆^\s]*(back to (the )?top|top of (the )?page|edit this page( on \w+)?|edit (on|in) (github|gitlab)|"
    r"suggest an edit|improve this (page|article)|view (the )?source|was this (page|article|post|guide) helpful|"
    r"report this (article|post|page)|(this|the) (article|post) is part (\d+ )?of (the|a|my) series\b.*|"
    r"did this (page|article) (help|answer)|(last )?(updated|modified|edited|reviewed)( on| at)?\s*:?\s*\S.*\d{4})"
    r"[\s?.!↑]*$"
)
BREADCRUMB_RE = lazy_compile(r"(?i)^\s*(you are here|home\s*[»›>/|])")


def sniff(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(body|article|p|div|h1)[\s>]", head))


def claims_plain_text(text: str) -> bool:
    return False


def parse(page: str, name: str = "") -> Article:
    """Extract the main article of an HTML page as an Article."""
    import lxml.html  # here, not at the top: only HTML articles pay for loading lxml

    try:
        root = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return Article(title="", blocks=[])
    language = (root.get("lang") or "").strip()
    author = _meta(root, "author") or _meta(root, "article:author")
    title = _meta(root, "og:title") or ""
    if author and author.startswith("http"):
        author = None
    author = author or _byline(root) or _author_element(root)  # before the furniture goes, bylines in it too
    for element in root.iter("p", "div", "span", "small", "footer"):
        text = element.text_content().strip()
        if COPYRIGHT_RE.match(text) and len(text.split()) < 20:
            author = author or _copyright_holder(text)
    _permalinks_removed(root)
    _numbered_code_as_code(root)
    _notebook_cells_as_written(root)
    _code_titles_as_labels(root)
    _tabs_as_labelled_panels(root)
    _lazy_pictures_loaded(root)
    _admonition_tables_as_callouts(root)
    _layout_tables_as_boxes(root)
    _embeds_as_links(root)
    _cards_as_links(root)
    _expandables_as_text(root)
    _notes_and_sources(root)
    _callouts_as_quotes(root)
    _definitions_as_list(root)
    _table_captions_as_labels(root)
    _labelled_values(root)
    _card_subheadings_as_paragraphs(root)
    notes = _footnotes(root)
    _remove_chrome(root)
    content = _main_element(root)
    captions = {" ".join(caption.text_content().split()) for caption in content.iter("figcaption")}
    title = _take_title(content, title) or _page_title(root)
    markdown_text = _to_markdown(content) + "".join(f"\n[^{label}]: {text}\n" for label, text in notes.items())
    article = markdown.parse(markdown_text, name)
    article.title = clean_title(title) if title else article.title
    article.author = author or article.author  # the page's byline, else the name the text is signed with
    article.captions |= {caption for caption in captions if caption}
    if language:
        parts = language.replace("_", "-").split("-")
        region = parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 else ""
        article.language = parts[0].lower() + (f"-{region}" if region else "")
        article.language_declared = True
    return article


def _take_title(content: HtmlElement, title: str) -> str:
    """The article's title, taken out of its text: a paragraph styled as the title (Google Docs), else the one
    h1 (with several, each is a section and the title comes from the page); `title` (og:title) comes first,
    unless it is the h1 with more around it (the site's name, a file's path: "How we plan | Lena's blog")."""
    styled = _styled_title(content)
    headings = content.findall(".//h1")
    if styled is not None:
        title = title or " ".join(styled.text_content().split())
        styled.drop_tree()
    elif len(headings) == 1:
        heading = headings[0].text_content().strip()
        words = re.escape(" ".join(heading.split()).casefold())
        if not title or (words and re.search(rf"(?<!\w){words}(?!\w)", " ".join(title.split()).casefold())):
            title = heading
        _subtitle_as_paragraph(headings[0])
        headings[0].drop_tree()
    return title


def _permalinks_removed(root: HtmlElement) -> None:
    """A docs site's link from a heading to itself ("First part¶") is not part of the heading, nor of the title."""
    for heading in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        for link in list(heading.iter("a")):
            if (link.get("href") or "").startswith("#") and visible(link.text_content()).strip() in PERMALINK_MARKS:
                link.drop_tree()


def _page_title(root: HtmlElement) -> str:
    """The page's <title> without the site's name ("How we plan – Lena's blog")."""
    page_title = (root.findtext(".//title") or "").strip()
    return re.split(r"\s+[-|–—·:]\s+", page_title)[0] if page_title else ""


def _meta(root: HtmlElement, key: str) -> str | None:
    for element in root.iter("meta"):
        if key in (element.get("name"), element.get("property")):
            value = (element.get("content") or "").strip()
            if value:
                return value
    return None


def _copyright_holder(text: str) -> str | None:
    name = r"[A-ZÀ-Ý][a-zß-ÿ][\w'’.-]*"  # capitalised words, not roman numerals or initialisms
    match = re.search(rf"({name}(?:\s+{name}){{1,3}})\s*\.?\s*$", text)
    return match.group(1) if match else None


def _byline(content: HtmlElement) -> str | None:
    """The author from a byline ("By Jane Doe", "Posted on 12 May 2023 by Jane Doe"); the byline itself goes."""
    for element in content.iter("p", "div", "span", "address"):
        text = " ".join(element.text_content().split())
        if len(text.split()) > 14:
            continue
        name = byline_name(text)
        if name:
            element.drop_tree()
            return name
    return None


# the element a page marks as its author's name: rel="author", itemprop="author", class="author-name"
AUTHOR_ELEMENTS = (
    "//*[@rel='author'] | //*[@itemprop='author'] | //*[contains(@class, 'author')] | "
    "//*[contains(@data-testid, 'author')]"
)
AUTHOR_NAME_CLASS_RE = lazy_compile(r"(?i)(^|[\s_-])(author[-_]{0,2}name|p-author)($|[\s_-])")


def _author_element(root: HtmlElement) -> str | None:
    """The author a page marks up as such (a card's "author-name", Medium's data-testid="authorName", rel="author",
    itemprop="author"), when it is a name."""
    for element in root.xpath(AUTHOR_ELEMENTS):
        marked = element.get("rel") == "author" or element.get("itemprop") == "author"
        if not marked and not AUTHOR_NAME_CLASS_RE.search(_marker(element)):
            continue
        named = element.xpath(".//*[@itemprop='name']")  # itemprop="author" around its itemprop="name"
        text = " ".join((named[0] if named else element).text_content().split())
        if is_signature(text):
            return text
    return None


def _embeds_as_links(root: HtmlElement) -> None:
    """An embedded video, talk or audio player (an iframe from a known host, a <video>, an <audio>) becomes a
    paragraph with a link to its page, titled as the embed is ("▶ A Scratch lesson"), instead of disappearing; so
    does a GitHub gist's script, which writes the gist's code into the page."""
    for element in list(root.iter("iframe", "video", "audio", "script")):
        source = element.get("src") or next((s.get("src") for s in element.iter("source") if s.get("src")), "")
        source = source.strip()
        gist = GIST_SCRIPT_RE.match(source) if element.tag == "script" else None
        if gist:  # a gist's code, written into the page by a script no email runs: a link to the gist
            _embed_replaced(element, f"https://gist.github.com/{gist.group(1)}", "")
            continue
        if not source or element.tag == "script" or (element.tag == "iframe" and not EMBED_HOSTS_RE.match(source)):
            continue
        url = "https:" + source if source.startswith("//") else source
        for pattern, page in EMBED_PAGES:
            match = pattern.match(source)
            if match:
                url = page.format(match.group(1))
                break
        if not url.startswith(("https://", "http://")):
            continue
        title = " ".join((element.get("title") or element.get("aria-label") or "").split())
        _embed_replaced(element, url, title if title and not GENERIC_TITLE_RE.match(title) else "", "▶ ")


def _embed_replaced(element: HtmlElement, url: str, title: str, mark: str = "") -> None:
    """The embed gone, a paragraph with a link to its page in its place, titled as the embed is or by the page's
    address as a shortcode's or a Liquid tag's link shows it."""
    from lxml.html import Element

    paragraph = Element("p")
    link = Element("a", href=url)
    link.text = mark + (title or markdown.shown_address(url))
    paragraph.append(link)
    element.addnext(paragraph)
    paragraph.tail, element.tail = element.tail, None
    element.drop_tree()


def _styled_title(content: HtmlElement) -> HtmlElement | None:
    """A paragraph styled as the document's title (Google Docs writes <p class="c5 title">) before any heading."""
    for element in content.iter():
        if not isinstance(element.tag, str):
            continue
        if re.fullmatch(r"h[1-6]", element.tag):
            return None
        if element.tag == "p" and "title" in (element.get("class") or "").split() and element.text_content().strip():
            return element
    return None


def _layout_tables_as_boxes(root: HtmlElement) -> None:
    """A table that lays the page out (an old site's columns, a newsletter's frame: a cell holds headings, lists,
    boxes or another table, or paragraphs of prose, or the table says role="presentation") is boxes, not data: its
    rows and cells become <div>s, so the article's cell is found like any other box and a data table inside it
    stays a table. A cell's text in a short paragraph of its own (Word and Google Docs write <td><p>Day</p></td>)
    is data."""
    for table in list(root.iter("table")):
        cells = [cell for cell in table.iter("td", "th") if owning_table(cell) is table]
        block = any(cell.find(f".//{tag}") is not None for cell in cells for tag in LAYOUT_CONTENT if tag != "p")
        prose = any(
            len(cell.findall(".//p")) > 1 or len(cell.text_content().split()) > CELL_PROSE_WORDS
            for cell in cells
            if cell.find(".//p") is not None
        )
        if table.get("role") == "presentation" or block or prose:
            own = [e for e in table.iter("thead", "tbody", "tfoot", "tr", "td", "th") if owning_table(e) is table]
            for element in [table, *own]:  # found before any is renamed: a renamed table owns nothing
                element.tag = "div"
                element.attrib.clear()


LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-orig-src")
LAZY_SOURCE_SETS = ("data-srcset", "data-lazy-srcset", "srcset")
WIDTH_DESCRIPTOR_RE = lazy_compile(r"^(\S+)\s+(\d+)w$")


def _lazy_pictures_loaded(root: HtmlElement) -> None:
    """A picture a page loads lazily keeps its real address in data-src (or data-lazy-src, data-srcset…) and a
    placeholder in src: a blank data: GIF, which the email dropped with the picture, or a placeholder image it
    showed. The real address is the picture's; with only a srcset, its widest candidate."""
    for image in root.iter("img"):
        lazy = next((image.get(name).strip() for name in LAZY_SOURCES if (image.get(name) or "").strip()), None)
        src = (image.get("src") or "").strip()
        if lazy is None and (not src or src.startswith("data:")):
            candidates = next((image.get(name) for name in LAZY_SOURCE_SETS if (image.get(name) or "").strip()), "")
            widths = [m for c in candidates.split(",") if (m := WIDTH_DESCRIPTOR_RE.match(c.strip()))]
            lazy = max(widths, key=lambda m: int(m.group(2))).group(1) if widths else None
        if lazy and not lazy.startswith("data:"):
            image.set("src", lazy)


LINE_NUMBER_CLASS_RE = lazy_compile(r"(?i)(^|\s)(ln|lnt|linenos?|lineno|line-?numbers?|hljs-ln-numbers)($|\s)")
LINE_NUMBERS_RE = lazy_compile(r"\s*(\d+\s*)*")


def _numbered_code_as_code(root: HtmlElement) -> None:
    """Code whose lines a site numbers is the code alone: a table of a cell of numbers beside a cell holding the
    <pre> (Hugo's Chroma, Pygments, Rouge) becomes that <pre>; a table a row a line inside a <pre> (highlight.js'
    line-numbers plugin) becomes the lines; a number written inline before each line (a span) goes."""
    from lxml.html import Element

    for table in list(root.iter("table")):
        if table.getparent() is None:
            continue
        rows = [row for row in table.iter("tr") if owning_table(row) is table]
        cells = [[cell for cell in row if cell.tag in ("td", "th")] for row in rows]
        if not rows or any(len(row) != 2 for row in cells):
            continue
        numbers = all(_line_numbers(row[0]) for row in cells)
        code = cells[0][1].find(".//pre") if len(rows) == 1 else None
        if numbers and code is not None:
            code.tail = table.tail
            table.getparent().replace(table, code)
        elif numbers and next(table.iterancestors("pre"), None) is not None:
            lines = Element("span")
            lines.text = "\n".join(row[1].text_content().rstrip("\n") for row in cells) + "\n"
            lines.tail = table.tail
            table.getparent().replace(table, lines)
    for pre in root.iter("pre"):
        for number in [e for e in pre.iter("span") if LINE_NUMBER_CLASS_RE.search(e.get("class") or "")]:
            if LINE_NUMBERS_RE.fullmatch(number.text_content()):
                number.drop_tree()  # its tail, the line's code, stays


def _notebook_cells_as_written(root: HtmlElement) -> None:
    """A notebook exported as a page (nbconvert, JupyterLab's "Save and Export As HTML"): its prompts ("In [2]:",
    "Out[2]:") are the notebook's, not the article's, and go; what the code printed is marked as output, as the
    notebook reader marks it (the email shows it apart from the code); its warnings and tracebacks (stderr) go."""
    for element in list(root.iter("div")):
        if element.getparent() is None:
            continue
        classes = element.get("class") or ""
        prompt = PROMPT_CLASS_RE.search(classes) and PROMPT_RE.fullmatch(element.text_content())
        if prompt or element.get("data-mime-type") == "application/vnd.jupyter.stderr":
            element.drop_tree()
        elif NOTEBOOK_OUTPUT_CLASS_RE.search(classes) and element.get("data-mime-type", "text/plain") == "text/plain":
            for pre in element.iter("pre"):
                pre.set("class", "language-output")


def _code_titles_as_labels(root: HtmlElement) -> None:
    """A code block's file name shown above it by the site (Docusaurus' codeBlockTitle, "schema.sql") is said in
    bold, as a reStructuredText caption is: it was a paragraph of its own, read as the article's prose."""
    for title in list(root.iter("div", "span")):
        labels_code = CODE_TITLE_CLASS_RE.search(title.get("class") or "") and title.find(".//pre") is None
        if labels_code and title.text_content().strip():
            _as_bold_paragraph(title)


def _tabs_as_labelled_panels(root: HtmlElement) -> None:
    """Tabs (ARIA's role="tab" and role="tabpanel", as Docusaurus, Starlight and Nextra write them; MkDocs
    Material's tabbed-labels and tabbed-blocks): an email shows every tab, one after the other, each under its
    label in bold. The row of labels was a list ("Node", "Python") and the tabs hidden on the page were lost."""
    from lxml.html import Element

    sets = [(tablist, tablist.xpath('.//*[@role="tab"]'), tablist.getparent().xpath('.//*[@role="tabpanel"]'))
            for tablist in root.xpath('//*[@role="tablist"]') if tablist.getparent() is not None]  # fmt: skip
    for labels in root.xpath('//div[contains(concat(" ", @class, " "), " tabbed-labels ")]'):
        box = labels.getparent()
        sets.append(
            (labels, labels.findall("label"), box.xpath('.//div[contains(concat(" ", @class, " "), " tabbed-block ")]'))
        )
    for tablist, tabs, panels in sets:
        if not tabs or len(tabs) != len(panels):
            continue
        for tab, panel in zip(tabs, panels, strict=True):
            label = Element("p")
            label.text = tab.text_content()
            _as_bold_paragraph(label)
            panel.addprevious(label)
            panel.attrib.pop("hidden", None)
            panel.attrib.pop("style", None)
        tablist.drop_tree()


def _line_numbers(cell: HtmlElement) -> bool:
    """A table cell that numbers code lines: digits alone (or nothing, the numbers drawn by CSS), and marked so
    by a class, a data-line-number or a <pre> of its own."""
    if not LINE_NUMBERS_RE.fullmatch(cell.text_content()):
        return False
    marked = [cell, *cell.iterdescendants()]
    return any(
        e.tag == "pre" or e.get("data-line-number") is not None or LINE_NUMBER_CLASS_RE.search(e.get("class") or "")
        for e in marked
    )


def _cards_as_links(root: HtmlElement) -> None:
    """A link card (a bookmark to another page: one link around a title, a description and pictures, as Ghost,
    WordPress and Substack make them) becomes a paragraph: the title as the link, then the description."""
    from lxml.html import Element

    for link in list(root.iter("a")):
        parts = [
            " ".join(child.text_content().split()) for child in link.iter("div", "p", "h2", "h3", "h4", "h5")
            if child is not link and not child.findall("./div") and child.text_content().strip()
        ]  # fmt: skip
        if len(parts) < 2 or not link.get("href") or link.getparent() is None:
            continue
        paragraph = Element("p")
        anchor = Element("a", href=link.get("href"))
        anchor.text = parts[0]
        paragraph.append(anchor)
        anchor.tail = f" — {parts[1]}" if len(parts[1].split()) > 3 else None  # a description, not a site name
        card = link.getparent() if link.getparent().tag == "figure" else link
        card.addprevious(paragraph)
        paragraph.tail = card.tail
        card.drop_tree()


def _expandables_as_text(root: HtmlElement) -> None:
    """An expandable part (a <details>, a toggle or an accordion) cannot open in an email: its heading becomes a
    bold line above what it holds, instead of a box heading that the page furniture rules would drop."""
    for box in list(root.iter()):
        if not isinstance(box.tag, str) or box.getparent() is None:
            continue
        if box.tag != "details" and not EXPANDABLE_RE.search(box.get("class") or ""):
            continue
        for heading in list(box.iter("summary", "h2", "h3", "h4", "h5", "h6")):
            _as_bold_paragraph(heading)


def _notes_and_sources(root: HtmlElement) -> None:
    """Two elements that page furniture is made of, used by an author: a <footer> inside a <blockquote> is the
    quote's source ("— James Hoffmann"), and an <aside> of prose inside the <article> is the author's note
    ("Note: fresh beans need a week to rest"), kept as a quote. Sidebars, link boxes and share bars still go."""
    for footer in list(root.iter("footer")):
        if any(ancestor.tag == "blockquote" for ancestor in footer.iterancestors()):
            footer.tag = "p"
    for aside in list(root.iter("aside")):
        if not any(ancestor.tag == "article" for ancestor in aside.iterancestors()):
            continue
        marker = _marker(aside)
        text = " ".join(aside.text_content().split())
        links = aside.findall(".//a")
        link_words = sum(len(a.text_content().split()) for a in links)
        prose = len(text.split()) >= 6 and re.search(r"[.!?…]", text) and link_words <= len(text.split()) / 3
        boxed = any(True for _ in aside.iter("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "nav", "form", "img"))
        if prose and not boxed and not (marker and CHROME_RE.search(marker)):
            aside.tag = "blockquote"


def _admonition_tables_as_callouts(root: HtmlElement) -> None:
    """AsciiDoc's admonitions (Asciidoctor's and asciidoc-py's HTML): a one-row table of an icon cell, its label
    in words or in an icon's title ("Note", "Warning"), and a content cell. Made the callout they are, so that
    they read as the other sites' admonitions do (its layout table had made "Note" a paragraph of its own)."""
    from lxml.html import Element

    for box in list(root.iter("div")):
        if not ADMONITION_BLOCK_RE.search(box.get("class") or ""):
            continue
        icon = next(iter(box.xpath(".//td[contains(concat(' ', @class, ' '), ' icon ')]")), None)
        content = next(iter(box.xpath(".//td[contains(concat(' ', @class, ' '), ' content ')]")), None)
        if icon is None or content is None:
            continue
        label = " ".join(icon.text_content().split()) or next(
            (element.get("title") or element.get("alt") or "" for element in icon.iter("i", "img", "span")
             if element.get("title") or element.get("alt")), "")  # fmt: skip
        title = Element("p", {"class": "admonition-title"})
        title.text = label
        words = Element("div")
        words.text = content.text
        words.extend(list(content))
        box.clear()
        box.set("class", "admonition")
        box.extend([title, words] if label else [words])


def _callouts_as_quotes(root: HtmlElement) -> None:
    """A page's callouts and admonitions (Notion's, MkDocs', Docusaurus', Ghost's) are the author's asides: each
    a quote, its title in bold over its words and its icon opening them; one holding headings or a table is not."""
    for box in list(root.iter("div", "figure")):
        if box.getparent() is None or not CALLOUT_CLASS_RE.search(box.get("class") or ""):
            continue
        if any(True for _ in box.iter("h1", "h2", "h3", "h4", "h5", "h6", "nav", "form", "table")):
            continue
        _icon_into_words(box)
        for title in box.iter():  # its title ("Warning", "Check the target first"): bold, over its words
            words = " ".join(title.text_content().split())
            if CALLOUT_TITLE_RE.search(title.get("class") or "") and words:
                _as_bold_paragraph(title)
                title[0].text = words[:1].upper() + words[1:] if words.islower() else words  # "tip", upper-cased by CSS
                break
        box.tag = "blockquote"
        box.attrib.clear()


def _icon_into_words(box: HtmlElement) -> None:
    """A callout's icon set in a box of its own (Notion's and Ghost's "💡" beside the text): it opens the callout's
    words instead, where the page furniture pass dropped it with its box as a decorative divider."""
    icons = [e for e in box.iter("div", "span") if e is not box and _only_symbols(e.text_content())]
    if not icons:
        return
    icon = icons[0]
    while icon.getparent() is not box and _only_symbols(icon.getparent().text_content()):
        icon = icon.getparent()  # the outermost box holding the icon alone
    symbol = icon.text_content().strip()
    icon.drop_tree()
    first = next((e for e in box.iter() if e is not box and (e.text or "").strip()), None)
    if first is not None:
        first.text = f"{symbol} {first.text.lstrip()}"


LABEL_CLASS_RE = lazy_compile(r"(?i)(^|[\s_-])label($|[\s_-])")


def _labelled_values(root: HtmlElement) -> None:
    """A recipe card's or a product box's details, a label then its value ("Prep Time" "5 mins"), read "Prep Time:
    5 mins", and a row of them is set apart with "·" (they ran together: "Prep Time 5 mins Cook Time 25 mins")."""
    for parent in {label.getparent() for label in root.iter("span", "strong", "b") if _is_label(label)}:
        labels = [child for child in parent if isinstance(child.tag, str) and _is_label(child)]
        for number, label in enumerate(labels):
            text = " ".join(label.text_content().split())
            if not text.endswith((":", "?")):
                label.text, label[:] = f"{text}:", []
            if number:
                before = label.getprevious()
                before.tail = (before.tail or "").rstrip() + " · "


def _is_label(element: HtmlElement) -> bool:
    """A short label followed by its value (not a badge alone: "New")."""
    following = element.getnext()
    text = element.text_content().strip()
    return (
        bool(LABEL_CLASS_RE.search(element.get("class") or ""))
        and following is not None
        and bool(text)
        and len(text.split()) <= 4
    )


def _only_symbols(text: str) -> bool:
    """An emoji or a mark alone ("💡", "⚠️"), no letters or digits."""
    return 0 < len(text.strip()) <= 4 and not re.search(r"\w", text)


def _card_subheadings_as_paragraphs(root: HtmlElement) -> None:
    """A box holding only a heading and a deeper one under it (Ghost's header card: "The numbers" over "Twelve
    months, four people") is a heading and its subtitle: the subtitle becomes the paragraph under it."""
    for box in list(root.iter("div", "header", "section")):
        children = [child for child in box if isinstance(child.tag, str)]
        if len(children) != 2 or (box.text or "").strip() or any((c.tail or "").strip() for c in children):
            continue
        heading, subtitle = children
        headings = re.fullmatch(r"h[2-6]", heading.tag) and re.fullmatch(r"h[3-6]", subtitle.tag)
        if headings and int(subtitle.tag[1]) > int(heading.tag[1]):  # the title's own h1 is _take_title's
            subtitle.tag = "p"


def _definitions_as_list(root: HtmlElement) -> None:
    """A definition list (<dl>), which Markdown has no syntax for, becomes a list of "**term**: definition"."""
    from lxml.html import Element

    for dl in list(root.iter("dl")):
        items = Element("ul")
        for element in dl:
            text = " ".join(element.text_content().split()) if isinstance(element.tag, str) else ""
            if element.tag == "dt" and text:
                item = Element("li")
                term = Element("strong")
                term.text = text
                item.append(term)
                items.append(item)
            elif element.tag == "dd" and text and len(items):
                item = items[-1]
                last = item[-1]
                said = last.tail or ""
                joiner = ": " if last.tag == "strong" and not said else " " if said.endswith((".", "!", "?")) else "; "
                last.tail = said + joiner + text
        if len(items):
            items.tail = dl.tail
            dl.getparent().replace(dl, items)


def _subtitle_as_paragraph(title: HtmlElement) -> None:
    """The line under the title (a subtitle, a standfirst) is the article's opening words, not a section: a
    heading straight after the title becomes a paragraph when it is marked as a subtitle, or when it is a
    sentence set below the level of the sections that follow (an h3 above h2 sections)."""
    following = title.getnext()
    if following is None or not re.fullmatch(r"h[2-6]", str(following.tag)) or (title.tail or "").strip():
        return
    text = " ".join(following.text_content().split())
    if SUBTITLE_CLASS_RE.search(following.get("class") or ""):
        following.tag = "p"
        return
    later = [int(h.tag[1]) for h in following.xpath("following::*[self::h2 or self::h3 or self::h4 or self::h5]")]
    sentence = len(text.split()) >= 5 and not text.endswith(":") and not re.match(r"\d{1,3}[.):]\s", text)
    if sentence and later and int(following.tag[1]) > min(later):
        following.tag = "p"


def _footnotes(root: HtmlElement) -> dict[str, str]:
    """HTML footnotes (a <sup> link to a note elsewhere on the page, as Substack, WordPress and Markdown
    renderers write them) become Markdown footnotes, so that each note travels with the paragraph citing it:
    the mark turns into [^label] and the note's words are returned by label, to be appended as definitions."""
    from markdownify import markdownify

    notes: dict[str, str] = {}
    for anchor in list(root.iter("a")):
        href = (anchor.get("href") or "").strip()
        parent = anchor.getparent()
        if not href.startswith("#") or len(href) < 2 or parent is None:
            continue
        marked = _marker(anchor)
        if parent.tag != "sup" and not FOOTNOTE_MARK_RE.search(marked):
            continue
        label = anchor.text_content().strip().strip("[]")
        targets = root.xpath(".//*[@id=$id]", id=href[1:])
        if not re.fullmatch(r"\w{1,6}", label) or (not targets and label not in notes):
            continue
        if targets and label not in notes:
            note = targets[0].getparent() if targets[0].tag == "a" else targets[0]  # Substack: the number's box
            if note is None or note is parent or anchor in note.iter("a"):
                continue
            for link in list(note.iter("a")):
                if (link.get("href") or "").startswith("#"):  # the note's number and its way back
                    link.drop_tree()
            inner = html_escape(note.text or "") + "".join(lxml_tostring(child) for child in note)  # not its <li>
            notes[label] = " ".join(markdownify(inner, heading_style="ATX", bullets="-").split())
            _drop_emptied(note)
        mark = parent if parent.tag == "sup" else anchor
        mark.tail = f"[^{label}]" + (mark.tail or "")
        mark.drop_tree()
    return notes


def lxml_tostring(element: HtmlElement) -> str:
    import lxml.html

    return lxml.html.tostring(element, encoding="unicode")  # with its tail: the text after it


def _drop_emptied(element: HtmlElement) -> None:
    """Remove a footnote and the list, box and rule left empty around it."""
    parent = element.getparent()
    element.drop_tree()
    while parent is not None and parent.tag not in ("body", "article", "main") and not parent.text_content().strip():
        above = parent.getparent()
        previous = parent.getprevious()
        if previous is not None and previous.tag == "hr":
            previous.drop_tree()
        parent.drop_tree()
        parent = above


def _remove_chrome(root: HtmlElement) -> None:
    for element in list(root.iter(*NEVER_CONTENT)):
        if element.getparent() is not None:
            element.drop_tree()
    # a code highlighter names its tokens too ("hljs-comment", "token comment", "hljs-meta"): code is content
    in_code = {e for code in root.iter("pre", "code") for e in code.iterdescendants()}  # kept alive: one proxy each
    # the element a page declares its article, and what holds it, are never furniture, whatever the theme named
    # them (Read the Docs wraps the whole page in "wy-grid-for-nav" and the article in "wy-nav-content")
    declared = _declared_article(root)
    holding = set(declared.iterancestors()) | {declared} if declared is not None else set()
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None or element in in_code:
            continue
        if element in holding:
            continue
        if element.tag in ("html", "body", "article", "main"):
            continue
        marker = _marker(element)
        hidden = element.get("hidden") is not None or re.search(r"display\s*:\s*none", element.get("style") or "")
        if hidden or (marker and CHROME_RE.search(marker) and not _in_a_sentence(element)):
            element.drop_tree()
    for element in list(root.iter("p", "div", "li", "section")):
        if element.getparent() is None:
            continue
        text = " ".join(element.text_content().split())
        if not text:
            if not element.findall(".//img"):
                element.drop_tree()
            continue
        copyright_line = COPYRIGHT_RE.match(text) and len(text.split()) < 20
        links = element.findall(".//a")
        blog_call = _only_blog_calls(links, text)
        site_line = len(text.split()) <= 12 and SITE_LINE_RE.match(text)  # "↑ Back to top", "Edit this page"
        rating = len(text.split()) <= 12 and RATING_RE.match(text)  # "★★★★★ 4.9 from 212 votes"
        if (
            copyright_line
            or blog_call
            or site_line
            or rating
            or BREADCRUMB_RE.match(text)
            or _mostly_links(links, text)
        ):
            element.drop_tree()
        elif not re.search(r"\w", text) and not element.findall(".//img"):
            element.drop_tree()  # decorative fleurons and dividers
    _remove_boxes(root)


def _declared_article(root: HtmlElement) -> HtmlElement | None:
    """The element the page itself says is its article (<article>, <main>, role="main", itemprop="articleBody"),
    the one with the most text when there are several (a sidebar's cards are <article>s too)."""
    candidates = root.xpath("//article | //main | //*[@role='main'] | //*[@itemprop='articleBody']")
    return max(candidates, key=_paragraph_text) if candidates else None


SENTENCE_HOLDERS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "dd", "figcaption")


def _in_a_sentence(element: HtmlElement) -> bool:
    """A word or a link inside a paragraph with words of its own around it ("Revenue grew <span class="count">42%
    </span> this year"): part of the sentence, whatever its class says."""
    if element.tag not in INLINE_TAGS | {"span", "time"}:
        return False
    holder = next((above for above in element.iterancestors() if above.tag in SENTENCE_HOLDERS), None)
    if holder is None:
        return False
    around = len(holder.text_content().split()) - len(element.text_content().split())
    return around >= 3


def _only_blog_calls(links: list[HtmlElement], text: str) -> bool:
    """An element of nothing but a blog's buttons ("Subscribe now"; a recipe card's "Print" and "Pin")."""
    called = [" ".join(link.text_content().split()) for link in links]
    return (
        bool(links)
        and all(map(BLOG_CALL_RE.match, called))
        and "".join(called).replace(" ", "") == text.replace(" ", "")
    )


def _marker(element: HtmlElement) -> str:
    """What an element says it is: its class, id, role and test id, which page furniture is named by ("sidebar",
    "share"; Medium's data-testid="storyReadTime" reads "story-read-time")."""
    test_id = CAMEL_HUMP_RE.sub("-", element.get("data-testid") or "").lower()
    return " ".join(filter(None, [element.get("class"), element.get("id"), element.get("role"), test_id]))


CAMEL_HUMP_RE = lazy_compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _mostly_links(links: list[HtmlElement], text: str) -> bool:
    """A short run of links (an element's) with little text around them is navigation, not prose."""
    if len({a.get("href") for a in links}) < 2 or len(text.split()) > 15:
        return False  # one page linked twice (a file and its "Download" button) is not a menu
    link_words = sum(len(a.text_content().split()) for a in links)
    if link_words / len(links) >= 3:
        return False  # links titled like articles ("Why saying no is a skill · Part two"): a reading list's
    return link_words / max(1, len(text.split())) > 0.6


def _remove_boxes(root: HtmlElement) -> None:
    """Drop boxes titled by a heading far below the article's section level (an h4 box among h2 sections)."""
    levels = [int(h.tag[1]) for h in root.iter("h2", "h3", "h4", "h5", "h6")]
    if not levels:
        return
    section_level = min(levels)
    for container in list(root.iter("div", "section")):
        if container.getparent() is None:
            continue
        first = next(
            (child for child in container.iter() if child is not container and isinstance(child.tag, str)), None
        )
        if first is not None and re.fullmatch(r"h[2-6]", first.tag) and int(first.tag[1]) >= section_level + 2:
            if " ".join(container.text_content().split()) == " ".join(first.text_content().split()):
                _as_bold_paragraph(first)  # a wrapper around a card's title alone: the title, not a section
                continue
            container.drop_tree()


def _table_captions_as_labels(root: HtmlElement) -> None:
    """A table's <caption> ("Status codes and what to do"): its words in bold above the table, as a code block's
    file name is, where they read as a paragraph of the text."""
    for caption in list(root.iter("caption")):
        table = caption.getparent()
        if table is None or table.tag != "table" or not caption.text_content().strip():
            continue
        caption.tail = None
        table.remove(caption)
        _as_bold_paragraph(caption)
        table.addprevious(caption)


def _as_bold_paragraph(heading: HtmlElement) -> None:
    """A heading that labels a box rather than a section (a toggle's, a card's): a paragraph of its words in bold."""
    from lxml.html import Element

    strong = Element("strong")
    strong.text = " ".join(heading.text_content().split())
    tail = heading.tail
    heading.clear()
    heading.tag, heading.tail = "p", tail
    heading.append(strong)


def _main_element(root: HtmlElement) -> HtmlElement:
    candidates = root.findall(".//article") or root.findall(".//main") or root.xpath(".//*[@role='main']")
    if candidates:
        return max(candidates, key=lambda e: len(e.text_content()))
    body = root.find("body")
    if body is None:
        return root
    best = body
    best_score = _paragraph_text(body)
    for element in body.iter("div", "section"):
        score = _paragraph_text(element)
        if score >= 0.8 * best_score and element is not body:
            best, best_score = element, score
    return best


def _paragraph_text(element: HtmlElement) -> int:
    return sum(len(p.text_content()) for p in element.iter("p", "li", "blockquote", "pre", "h2", "h3"))


def _to_markdown(content: HtmlElement) -> str:
    import lxml.html  # loaded by parse() already

    for element in list(content.iter("abbr", "span", "font")):
        element.drop_tag()
    for image in list(content.iter("img")):  # WordPress's and Twemoji's emoji pictures: the emoji itself
        marker = f"{image.get('class') or ''} {image.get('src') or ''}"
        if EMOJI_IMAGE_RE.search(marker) and (image.get("alt") or "").strip():
            image.tail = image.get("alt").strip() + (image.tail or "")
            image.drop_tree()
    for pre in content.iter("pre"):  # Medium writes code lines as <span>s between <br>s: plain newlines, not
        for br in list(pre.iter("br")):  # Markdown's hard breaks (two spaces at the end of every code line)
            br.tail = "\n" + (br.tail or "")
            br.drop_tag()
    for element in content.iter("sup", "sub"):  # a bare number raised or lowered: "need.¹", "CO₂"
        if len(element) == 0 and (element.text or "").strip().isdigit():
            digits = SUPERSCRIPT_DIGITS if element.tag == "sup" else SUBSCRIPT_DIGITS
            element.text = element.text.strip().translate(digits)  # stays so in the email and its plain text
    _boxes_of_words_as_paragraphs(content)
    spanned_cells_repeated(content)
    html = lxml.html.tostring(content, encoding="unicode")
    converted = markdownify_html(
        html, heading_style="ATX", bullets="-", strip=["div", "section", "article", "main"],
        code_language_callback=_code_language,
        table_infer_header=True,  # a table without <th> heads its columns with its first row (Word, Google Docs)
    )  # fmt: skip
    return re.sub(r"\n{3,}", "\n\n", converted).strip() + "\n"


EMOJI_IMAGE_RE = lazy_compile(r"(?i)\b(emoji|wp-smiley)\b|/images/core/emoji/|twemoji")
PERMALINK_MARKS = {"", "#", "¶", "§", "🔗", "∞", "link", "permalink"}  # a heading's link to itself
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SUBSCRIPT_DIGITS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
CODE_LANGUAGE_RE = lazy_compile(r"^(?:language|lang)-([\w+#.-]+)$")  # class="language-python" (Prism, highlight.js)
# Sphinx and GitHub name the language on a box around the <pre>: "highlight-python", "highlight-source-shell"
WRAPPER_LANGUAGE_RE = lazy_compile(r"^(?:highlight|hl)-(?:source-)?([\w+#.-]+)$")  # and nbconvert's "hl-ipython3"
NOTEBOOK_LANGUAGES = {"ipython": "python", "ipython2": "python", "ipython3": "python"}
NO_LANGUAGE = {"default", "none", "text", "plain", "plaintext"}  # what a highlighter calls having none


def _code_language(pre: Any) -> str | None:
    """The language a code block is marked with, on its <pre> or its <code> (or a highlighter's box around them):
    kept as the fence's info string (```python), so the lesson says what the author's page said."""
    code = pre.find("code")
    named = (pre.get("lang") or "").strip()  # <pre lang="python">, as GitHub and docutils write it
    if named:
        return None if named.lower() in NO_LANGUAGE else named
    for element in (pre, code) if code is not None else (pre,):
        for name in element.get("class") or []:
            match = CODE_LANGUAGE_RE.match(name)
            if match:
                return match.group(1)
    box, levels = pre.parent, 2  # the <pre>'s two boxes up (markdownify hands over its own parsed elements)
    while box is not None and levels:
        for name in box.get("class") or []:
            match = WRAPPER_LANGUAGE_RE.match(name)
            if match:
                language = match.group(1)
                return None if language.lower() in NO_LANGUAGE else NOTEBOOK_LANGUAGES.get(language.lower(), language)
        box, levels = box.parent, levels - 1
    return None


INLINE_TAGS = {"a", "b", "strong", "i", "em", "code", "img", "br", "small", "sub", "sup", "mark", "u", "s", "q"}


def _boxes_of_words_as_paragraphs(content: HtmlElement) -> None:
    """A <div> holding words and links but no paragraph (a file block, a button) is a paragraph of its own, not
    text run into its neighbours'; a second link to the same page in it ("Download") goes."""
    for box in list(content.iter("div")):
        children = [child for child in box if isinstance(child.tag, str)]
        if box is content or not box.text_content().strip() or any(c.tag not in INLINE_TAGS for c in children):
            continue
        box.tag = "p"
        seen: set[str] = set()
        for link in box.findall("a"):
            href = link.get("href") or ""
            if href in seen:
                link.drop_tree()
            seen.add(href)
