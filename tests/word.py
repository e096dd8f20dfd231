"""A Word document (.docx) written by hand, as Word saves one: a titled document with headings, a bulleted list, a
picture's place and plain paragraphs, to read in the tests without Word."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STYLES = {"Title": "Title", "Subtitle": "Subtitle", "Heading1": "heading 1", "Heading2": "heading 2",
          "ListParagraph": "List Paragraph", "Quote": "Quote"}  # fmt: skip


def paragraph(text: str, style: str | None = None, bullet: bool = False, bold: bool = False) -> str:
    properties = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if bullet else ""
    )
    run = ("<w:rPr><w:b/></w:rPr>" if bold else "") + f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}<w:r>{run}</w:r></w:p>"


PICTURE = "rIdPicture"  # the relationship of the one picture a document may hold (word/media/picture.png)
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006"


def picture(description: str) -> str:
    """A paragraph holding the document's picture, inline, as Word writes one."""
    return (
        f'<w:p><w:r><w:drawing><wp:inline xmlns:wp="{DRAWING}/wordprocessingDrawing">'
        f'<wp:docPr id="1" name="Picture 1" descr="{escape(description)}"/>'
        f'<a:graphic xmlns:a="{DRAWING}/main"><a:graphicData uri="{DRAWING}/picture">'
        f'<pic:pic xmlns:pic="{DRAWING}/picture"><pic:blipFill>'
        f'<a:blip xmlns:r="{OFFICE}" r:embed="{PICTURE}"/></pic:blipFill></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def write_word_document(path: Path, paragraphs: list[str], picture_png: bytes | None = None) -> Path:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    parts = {
        "[Content_Types].xml": f'{head}<Types xmlns="{PACKAGE}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": f'{head}<Relationships xmlns="{PACKAGE}/relationships"><Relationship Id="rId1" '
        f'Type="{OFFICE}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": f'{head}<Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{OFFICE}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{OFFICE}/numbering" Target="numbering.xml"/>'
        f'<Relationship Id="{PICTURE}" Type="{OFFICE}/image" Target="media/picture.png"/></Relationships>',
        "word/document.xml": f'{head}<w:document xmlns:w="{W}"><w:body>{"".join(paragraphs)}</w:body></w:document>',
        "word/styles.xml": f'{head}<w:styles xmlns:w="{W}">'
        + "".join(
            f'<w:style w:type="paragraph" w:styleId="{i}"><w:name w:val="{n}"/></w:style>' for i, n in STYLES.items()
        )
        + "</w:styles>",
        "word/numbering.xml": f'{head}<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>",
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
        if picture_png is not None:
            archive.writestr("word/media/picture.png", picture_png)
    return path
