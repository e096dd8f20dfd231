"""HTML tables to Markdown tables, for both readers that meet them: a page's tables (html.py) and a data table
written as HTML inside a Markdown article (markdown.py)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from ..lazyre import lazy_compile

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# what a table's cell holds when the table lays a page out rather than holding data
LAYOUT_CONTENT = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "ul", "ol", "table", "blockquote")


def owning_table(element: HtmlElement) -> HtmlElement | None:
    return next(element.iterancestors("table"), None)


def markdownify_html(html: str, **options: Any) -> str:
    """markdownify, with a "|" in a table cell escaped: written as is, it ended the cell, and the words after it
    went into the next column or, past the last, were dropped."""
    return str(_converter()(**options).convert(html))


@cache
def _converter() -> type:
    from markdownify import MarkdownConverter  # a heavy import, only for HTML

    class Converter(MarkdownConverter):  # type: ignore[misc]
        def convert_td(self, el: Any, text: str, parent_tags: Any) -> str:
            return str(super().convert_td(el, UNESCAPED_PIPE_RE.sub(r"\\|", text), parent_tags))  # type: ignore[misc]

        def convert_th(self, el: Any, text: str, parent_tags: Any) -> str:
            return str(super().convert_th(el, UNESCAPED_PIPE_RE.sub(r"\\|", text), parent_tags))  # type: ignore[misc]

    return Converter


UNESCAPED_PIPE_RE = lazy_compile(r"(?<!\\)\|")


def table_markdown(fragment: str) -> str | None:
    """A data table written in HTML inside a Markdown article (a notebook's DataFrame, a table pasted from a page)
    as a Markdown table the author can edit and the plain-text twin can show: only when the fragment is that one
    table (its <style> aside) and no cell holds more than words; else None, and the HTML stays as written."""
    import lxml.html

    try:
        box = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return None
    for element in list(box.iter("style", "script")):
        element.drop_tree()
    tables = list(box.iter("table"))
    if len(tables) != 1 or " ".join(box.text_content().split()) != " ".join(tables[0].text_content().split()):
        return None
    cells = list(tables[0].iter("td", "th"))
    if not cells or any(cell.find(f".//{tag}") is not None for cell in cells for tag in (*LAYOUT_CONTENT, "pre")):
        return None
    spanned_cells_repeated(box)
    table = markdownify_html(lxml.html.tostring(tables[0], encoding="unicode"), table_infer_header=True).strip()
    return table if table.startswith("|") else None


def spanned_cells_repeated(content: HtmlElement) -> None:
    """A Markdown table has no spans: a cell spanning rows (rowspan="2") is written in each row it spans, as the
    table says it applies to each, instead of leaving the rows below it one cell short."""
    import copy

    from lxml.html import Element

    for table in content.iter("table"):
        rows = [row for row in table.iter("tr") if owning_table(row) is table]
        pending: dict[int, tuple[HtmlElement, int]] = {}  # column -> (the spanning cell, rows it still covers)
        for row in rows:
            cells = [cell for cell in row if cell.tag in ("td", "th")]
            column, index = 0, 0
            while index < len(cells) or any(col >= column for col in pending):
                if column in pending:
                    cell, left = pending.pop(column)
                    repeat = copy.deepcopy(cell)
                    repeat.attrib.pop("rowspan", None)
                    repeat.tail = None
                    if index < len(cells):
                        cells[index].addprevious(repeat)
                    else:
                        row.append(repeat)
                    if left > 1:
                        pending[column] = (cell, left - 1)
                    column += _span(cell, "colspan")
                    continue
                if index >= len(cells):  # the row ran out before a spanning cell's column: keep its place
                    row.append(Element("td"))
                    column += 1
                    continue
                cell = cells[index]
                if _span(cell, "rowspan") > 1:
                    pending[column] = (cell, _span(cell, "rowspan") - 1)
                    cell.attrib.pop("rowspan", None)
                column += _span(cell, "colspan")
                index += 1


def _span(cell: HtmlElement, attribute: str) -> int:
    value = (cell.get(attribute) or "1").strip()
    return min(int(value), 50) if value.isdigit() and int(value) > 0 else 1
