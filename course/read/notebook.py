"""A Jupyter notebook (.ipynb, nbformat 4) as the Markdown article it reads as: its Markdown cells as written, its
code cells as code in the kernel's language, and what the code printed, as a reader of the notebook sees it.

The format is JSON with a published schema (nbformat's v4 schema: cells of type markdown, code or raw; a code
cell's outputs of type stream, execute_result, display_data or error, their data by MIME type). Reading it needs
only the json module: nbformat itself would add jsonschema and traitlets to check what this reads field by field,
and nbconvert's Markdown export would bring a second template engine and write outputs as indented blocks.

What an editor turning a notebook into lessons would do, done here:
- a cell tagged remove-cell (Jupyter Book's and nbconvert's tags) is left out; remove-input keeps only what it
  printed, remove-output only its code; Quarto's `#| include: false`, `#| echo: false` and `#| output: false`
  say the same, and their option lines are not code;
- Colab's form syntax is not code: "#@title Install" is the comment "# Install", "#@param" annotations go;
- a Quarto notebook's first raw cell of front matter gives the title and author, as the notebook's metadata does;
- printed text is a code block of its own; a DataFrame shown as an HTML table is a table; a Markdown result is
  Markdown; a plot (a PNG or JPEG) is a picture, kept under the name image1.png… to put online, as a Word
  document's pictures are; a cell's pasted picture (`attachment:`) too;
- an error is its one line ("NameError: name 'df' is not defined"), not its traceback; warnings on stderr,
  widgets and an object's bare repr (`<Figure size 640x480 …>`) are not what the author meant to show, and are
  left out; an output longer than OUTPUT_LINES is cut, saying so.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import CourseError
from ..lazyre import lazy_compile
from ..text import fenced, plural

SUFFIXES = (".ipynb",)
OUTPUT_LINES = 20  # lines of printed output kept from one cell; the rest is said in one line
PICTURE_TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif"}
WIDGET_TYPE = "application/vnd.jupyter.widget-view+json"
REMOVE_CELL_TAGS = {"remove-cell", "remove_cell", "hide-cell", "hide_cell"}
REMOVE_INPUT_TAGS = {"remove-input", "remove_input", "hide-input", "hide_input"}
REMOVE_OUTPUT_TAGS = {"remove-output", "remove_output", "hide-output", "hide_output"}
OPTION_LINE_RE = lazy_compile(r"^#\|\s*([\w-]+)\s*:\s*(.*?)\s*$")  # Quarto's "#| echo: false"
# Colab's form syntax: "#@title Install { display-mode: "form" }" heads the cell as the comment "# Install";
# "x = 5  #@param {type:"integer"}" is the assignment; "#@markdown" lines are the form's own text
COLAB_TITLE_RE = lazy_compile(r"(?m)^([ \t]*)#@title\b[ \t]*(.*?)[ \t]*(?:\{[^}\n]*\})?[ \t]*$")
COLAB_PARAM_RE = lazy_compile(r"(?m)[ \t]*#@param\b.*$")
COLAB_MARKDOWN_RE = lazy_compile(r"(?m)^[ \t]*#@markdown\b.*\n?")
ANSI_RE = lazy_compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # the colours a terminal would show
BARE_REPR_RE = lazy_compile(r"^<[\w.]+(?: object)?(?: at 0x[0-9a-f]+| size [^>]*| with [^>]*)?>$|^\[<[\w.]+ .*>\]$")
ATTACHMENT_RE = lazy_compile(r"(!\[[^\]]*\]\()attachment:([^)\s]+)(\))")
TABLE_RE = lazy_compile(r"(?is)<table\b.*?</table>")
ROW_START_RE = lazy_compile(r"(?i)(<tr\b[^>]*>)")
FIRST_CELL_RE = lazy_compile(r"(?i)^\s*<th>([^<]*)</th>")
FRONT_MATTER_RE = lazy_compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n?\Z", re.S)


def looks_like_notebook(text: str) -> bool:
    """A notebook by its content (a file saved without its .ipynb, standard input): JSON with cells and a format."""
    head = text.lstrip()[:2000]
    return head.startswith("{") and '"cells"' in text[:200_000] and '"nbformat"' in text


def notebook_markdown(text: str, name: str) -> tuple[str, dict[str, bytes]]:
    """The notebook as Markdown, with its pictures by the names the Markdown gives them (image1.png…)."""
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CourseError(
            f"{name} is not a readable notebook (its JSON breaks at line {exc.lineno}); open it in Jupyter and save "
            "it again"
        ) from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        version = notebook.get("nbformat") if isinstance(notebook, dict) else None
        old = f" (nbformat {version})" if isinstance(version, int) and version < 4 else ""
        raise CourseError(
            f"{name} is not a notebook course reads{old}; save it with a current Jupyter (File → Save Notebook), "
            "or export it as Markdown (File → Save and Export Notebook As → Markdown)"
        )
    metadata = _mapping(notebook.get("metadata"))
    language = _language(metadata)
    pictures: dict[str, bytes] = {}
    parts: list[str] = []
    front_matter = ""
    for position, cell in enumerate(notebook["cells"]):
        if not isinstance(cell, dict):
            continue
        kind = cell.get("cell_type")
        source = _text(cell.get("source"))
        if kind == "raw" and position == 0 and FRONT_MATTER_RE.match(source.strip() + "\n"):
            front_matter = source.strip()  # Quarto's title block, written as a raw cell
        elif kind == "raw":
            if _raw_format(cell) in ("text/markdown", "text/html", "markdown", "html"):
                parts.append(source.strip())
        elif kind == "markdown":
            parts.append(_with_attachments(source, cell.get("attachments"), pictures).strip())
        elif kind == "code":
            parts += _code_cell(cell, source, language, pictures)
    body = "\n\n".join(part for part in parts if part)
    if not front_matter:
        front_matter = _front_matter(metadata)
    return (f"{front_matter}\n\n{body}\n" if front_matter else body + "\n"), pictures


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    """A multiline string as nbformat writes it: one string, or a list of lines that keep their line ends."""
    if isinstance(value, list):
        return "".join(item for item in value if isinstance(item, str))
    return value if isinstance(value, str) else ""


def _language(metadata: dict[str, Any]) -> str:
    for value in (_mapping(metadata.get("language_info")).get("name"),
                  _mapping(metadata.get("kernelspec")).get("language")):  # fmt: skip
        if isinstance(value, str) and re.fullmatch(r"[\w+#.-]+", value):
            return value.lower()
    return ""


def _front_matter(metadata: dict[str, Any]) -> str:
    """The notebook's own title and authors (metadata.title, metadata.authors[].name), as front matter."""
    fields = {}
    if isinstance(metadata.get("title"), str) and metadata["title"].strip():
        fields["title"] = metadata["title"].strip()
    authors = metadata.get("authors")
    given = [_mapping(author).get("name") for author in authors] if isinstance(authors, list) else []
    names = [name.strip() for name in given if isinstance(name, str) and name.strip()]
    if names:
        fields["author"] = ", ".join(names)
    if not fields:
        return ""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items()]
    return "---\n" + "".join(lines) + "---"


def _raw_format(cell: dict[str, Any]) -> str:
    metadata = _mapping(cell.get("metadata"))
    value = metadata.get("format") or metadata.get("raw_mimetype") or ""
    return value.lower() if isinstance(value, str) else ""


def _tags(cell: dict[str, Any]) -> set[str]:
    metadata = _mapping(cell.get("metadata"))
    tags = metadata.get("tags")
    return {tag for tag in tags if isinstance(tag, str)} if isinstance(tags, list) else set()


def _options(source: str) -> tuple[dict[str, str], str]:
    """Quarto's option lines at the top of a code cell ("#| echo: false"), and the code under them."""
    lines = source.split("\n")
    options: dict[str, str] = {}
    while lines and (match := OPTION_LINE_RE.match(lines[0])):
        options[match.group(1).lower()] = match.group(2)
        lines.pop(0)
    return options, "\n".join(lines)


def _off(options: dict[str, str], name: str) -> bool:
    return options.get(name, "").lower() == "false"


def _code_cell(cell: dict[str, Any], source: str, language: str, pictures: dict[str, bytes]) -> list[str]:
    tags = _tags(cell)
    options, code = _options(source)
    if tags & REMOVE_CELL_TAGS or _off(options, "include"):
        return []
    parts = []
    code = COLAB_MARKDOWN_RE.sub("", COLAB_PARAM_RE.sub("", code))
    code = COLAB_TITLE_RE.sub(lambda m: f"{m.group(1)}# {m.group(2)}" if m.group(2) else "", code)
    if code.strip() and not tags & REMOVE_INPUT_TAGS and not _off(options, "echo"):
        parts.append(fenced(code.strip("\n"), language))
    outputs = cell.get("outputs")
    if isinstance(outputs, list) and not tags & REMOVE_OUTPUT_TAGS and not _off(options, "output"):
        caption = options.get("fig-alt") or options.get("fig-cap") or ""  # what the plot shows, in the author's words
        parts += _outputs([output for output in outputs if isinstance(output, dict)], pictures, caption)
    return parts


def _outputs(outputs: list[dict[str, Any]], pictures: dict[str, bytes], caption: str = "") -> list[str]:
    """What a code cell showed: its printed text joined into one block (a loop's prints are one listing), then
    each result or display in the richest form an email can show."""
    parts: list[str] = []
    printed: list[str] = []

    def flush() -> None:
        if printed:
            parts.append(_printed("".join(printed)))
            printed.clear()

    for output in outputs:
        kind = output.get("output_type")
        if kind == "stream":
            if output.get("name") != "stderr":  # warnings and progress bars, not what the author meant to show
                printed.append(ANSI_RE.sub("", _text(output.get("text"))))
        elif kind == "error":  # what the notebook shows under its traceback: the error, in one line
            error = ANSI_RE.sub("", f"{output.get('ename') or 'Error'}: {output.get('evalue') or ''}").strip()
            printed.append(error.rstrip(":") + "\n")
        elif kind in ("execute_result", "display_data"):
            data = _mapping(output.get("data"))
            plain, shown = _display(data, pictures, caption)
            if plain:
                printed.append(plain + "\n")  # a plain result runs on with the prints around it
            elif shown:
                flush()
                parts.append(shown)
    flush()
    return [part for part in parts if part.strip()]


def _display(data: dict[str, Any], pictures: dict[str, bytes], caption: str = "") -> tuple[str, str]:
    """One result: as plain text (to join the printed text), or as Markdown of its own; ("", "") for nothing."""
    if WIDGET_TYPE in data:
        return "", ""  # an interactive widget: nothing of it works in an email
    for mime, extension in PICTURE_TYPES.items():
        if mime in data:
            picture = _decoded(_text(data[mime]))
            if picture:
                name = f"image{len(pictures) + 1}.{extension}"
                pictures[name] = picture
                return "", f"![{_alt(caption)}]({name})"
    if "text/markdown" in data:
        return "", _text(data["text/markdown"]).strip()
    html = _text(data.get("text/html"))
    table = TABLE_RE.search(html)
    if table:
        return "", _cut_table(_without_row_numbers(table.group(0)))  # a DataFrame, without pandas' style and wrapper
    plain = ANSI_RE.sub("", _text(data.get("text/plain"))).rstrip()
    return ("", "") if BARE_REPR_RE.match(plain.strip()) else (plain, "")


def _without_row_numbers(table: str) -> str:
    """A DataFrame's table without its default index, the column of row numbers 0, 1, 2… under an empty header
    that pandas writes first: a column the author never made, which costs a phone its width."""
    pieces = ROW_START_RE.split(table)  # what precedes the first row, then each row's <tr …> and what follows it
    rows = pieces[2::2]
    firsts = [FIRST_CELL_RE.match(row) for row in rows]
    labels = [match.group(1).strip() for match in firsts if match]
    if len(rows) < 2 or len(labels) < len(rows) or labels != ["", *map(str, range(len(rows) - 1))]:
        return table
    pieces[2::2] = [FIRST_CELL_RE.sub("", row, count=1) for row in rows]
    return "".join(pieces)


def _alt(text: str) -> str:
    return text.strip().strip("'\"").replace("[", "(").replace("]", ")")


def _decoded(value: str) -> bytes | None:
    import base64  # here, not at the top: only a notebook with pictures needs it
    import binascii

    try:
        return base64.b64decode(value, validate=False)
    except (binascii.Error, ValueError):
        return None


def _cut_table(table: str) -> str:
    """A table of more than OUTPUT_LINES rows under its header, cut there, saying how many rows follow (pandas
    shows up to 60: a phone's reader scrolls past them all)."""
    pieces = ROW_START_RE.split(table)  # what precedes the first row, then each row's <tr …> and what follows it
    header = sum(1 for row in pieces[2::2] if "<td" not in row.lower())
    rows = len(pieces[2::2]) - header
    if rows <= OUTPUT_LINES:
        return table
    last = pieces[2 + 2 * (header + OUTPUT_LINES - 1)]
    end = last.lower().index("</tr>") + len("</tr>")
    kept = [*pieces[: 2 + 2 * (header + OUTPUT_LINES - 1)], last[:end], "</tbody></table>"]
    return "".join(kept) + f"\n\n… ({plural(rows - OUTPUT_LINES, 'more row')})"


def _printed(text: str) -> str:
    lines = text.rstrip("\n").split("\n")
    if len(lines) > OUTPUT_LINES:
        lines = [*lines[:OUTPUT_LINES], f"… ({plural(len(lines) - OUTPUT_LINES, 'more line')})"]
    return fenced("\n".join(lines), "output") if any(line.strip() for line in lines) else ""


def _with_attachments(source: str, attachments: Any, pictures: dict[str, bytes]) -> str:
    """A Markdown cell's pasted pictures (`![](attachment:image.png)`, kept inside the notebook) saved under the
    names the other pictures have."""
    if not isinstance(attachments, dict):
        return source

    def picture(match: re.Match[str]) -> str:
        bundle = attachments.get(match.group(2))
        if isinstance(bundle, dict):
            for mime, extension in PICTURE_TYPES.items():
                data = _decoded(_text(bundle.get(mime))) if mime in bundle else None
                if data:
                    name = f"image{len(pictures) + 1}.{extension}"
                    pictures[name] = data
                    return f"{match.group(1)}{name}{match.group(3)}"
        return match.group(0)

    return ATTACHMENT_RE.sub(picture, source)
