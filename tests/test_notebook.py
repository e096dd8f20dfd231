"""Jupyter notebooks (.ipynb): read as the article their reader sees, split and built like any other."""

from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path
from typing import Any

from course.read import parse_article, sources
from course.read.notebook import notebook_markdown

from .conftest import run

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40  # the bytes travel as they are
PROSE = (
    "Churn is the number every subscription founder checks and few trust. The trouble is rarely the maths; it is "
    "the definition, the window and the cohort. Get those three right and a spreadsheet does the rest. "
)
DATAFRAME = """<div>
<style scoped>
    .dataframe tbody tr th:only-of-type { vertical-align: middle; }
</style>
<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;">
      <th></th>
      <th>plan</th>
      <th>churn_rate</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <th>0</th>
      <td>monthly</td>
      <td>0.23</td>
    </tr>
    <tr>
      <th>1</th>
      <td>annual</td>
      <td>0.07</td>
    </tr>
  </tbody>
</table>
</div>"""


def markdown_cell(source: str, **fields: Any) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": source.splitlines(True), **fields}


def code_cell(source: str, *outputs: dict[str, Any], tags: tuple[str, ...] = ()) -> dict[str, Any]:
    metadata = {"tags": list(tags)} if tags else {}
    return {"cell_type": "code", "execution_count": 1, "metadata": metadata, "outputs": list(outputs),
            "source": source.splitlines(True)}  # fmt: skip


def printed(text: str, stream: str = "stdout") -> dict[str, Any]:
    return {"output_type": "stream", "name": stream, "text": text.splitlines(True)}


def shown(kind: str = "execute_result", **data: Any) -> dict[str, Any]:
    return {"output_type": kind, "metadata": {}, "data": {key.replace("_", "/"): value for key, value in data.items()}}


def notebook(cells: list[dict[str, Any]]) -> str:
    metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                "language_info": {"name": "python", "version": "3.11.4"}}  # fmt: skip
    return json.dumps({"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def churn_notebook() -> str:
    """A founder's analysis as Jupyter saves it: a Quarto title block, a hidden set-up cell, a warning on stderr,
    a Series, a DataFrame, a plot, a long loop's prints, a cell showing only its output, an error, a pasted
    picture and a sign-off."""
    png = base64.b64encode(PNG).decode()
    return notebook([
        {"cell_type": "raw", "metadata": {},
         "source": ["---\n", 'title: "Churn you can trust"\n', "author: Ines Duarte\n", "---"]},
        markdown_cell(f"# Churn you can trust\n\n{PROSE * 2}"),
        code_cell("import pandas as pd\nimport warnings", tags=("remove-cell",)),
        markdown_cell(f"## 1. Define churn before you look\n\n{PROSE}\n\nMine: no payment for 60 days is churn."),
        code_cell("df['churned'] = df.days_since_payment > 60\ndf.groupby('plan').churned.mean()",
                  printed("pandas/core: FutureWarning: the default will change\n", "stderr"),
                  shown(text_plain="plan\nannual     0.07\nmonthly    0.23\nName: churned, dtype: float64")),
        markdown_cell(f"## 2. Compare plans side by side\n\n{PROSE * 2}"),
        code_cell("summary", shown(text_plain="      plan  churn_rate\n0  monthly  0.23", text_html=DATAFRAME)),
        markdown_cell(f"## 3. Plot the cohorts\n\n{PROSE * 2}"),
        code_cell("#| fig-cap: Monthly cohorts\nax.plot(cohorts)",
                  shown("display_data", image_png=png, text_plain="<Figure size 640x480 with 1 Axes>")),
        code_cell("for month in range(1, 31):\n    print(month)", printed("".join(f"{m}\n" for m in range(1, 31)))),
        code_cell("#| echo: false\nprint('After a year: 62%')", printed("After a year: 62%\n")),
        code_cell("df.plot()", {"output_type": "error", "ename": "NameError", "evalue": "name 'df' is not defined",
                                "traceback": ["\x1b[0;31m---------\x1b[0m", "Traceback (most recent call last)"]}),
        markdown_cell(f"## 4. What to do on Monday\n\n{PROSE * 2}\n\n![The cohort sheet](attachment:sheet.png)\n\nInes",
                      attachments={"sheet.png": {"image/png": png}}),
    ])  # fmt: skip


def test_a_notebook_reads_as_its_reader_sees_it() -> None:
    """A notebook was read as JSON text: one lesson titled '{"cell_type": "markdown", …'. Its cells are read as
    the notebook shows them, as an editor would keep them for a lesson."""
    markdown, pictures = notebook_markdown(churn_notebook(), "churn.ipynb")
    assert markdown.startswith('---\ntitle: "Churn you can trust"\nauthor: Ines Duarte\n---\n\n# Churn you can trust')
    assert "import warnings" not in markdown  # the cell tagged remove-cell
    assert "FutureWarning" not in markdown  # stderr
    assert "```python\ndf['churned'] = df.days_since_payment > 60\n" in markdown  # the kernel's language
    assert "```output\nplan\nannual     0.07\nmonthly    0.23\nName: churned, dtype: float64\n```" in markdown
    assert "<style" not in markdown and "<th>0</th>" not in markdown and "<th>plan</th>" in markdown
    assert "![Monthly cohorts](image1.png)" in markdown and "<Figure" not in markdown and "#|" not in markdown
    assert "\n20\n… (10 more lines)\n```" in markdown and "\n21\n" not in markdown
    assert "print('After a year" not in markdown and "After a year: 62%" in markdown  # echo: false
    assert "```python\ndf.plot()\n```\n\n```output\nNameError: name 'df' is not defined\n```" in markdown
    assert "Traceback" not in markdown and "\x1b" not in markdown
    assert "![The cohort sheet](image2.png)" in markdown
    assert pictures == {"image1.png": PNG, "image2.png": PNG}


def test_a_dataframe_keeps_an_index_the_author_named() -> None:
    """Only pandas' default row numbers go; an index of the author's (here starting at 1) is data."""
    numbered = DATAFRAME.replace("<th>1</th>", "<th>2</th>").replace("<th>0</th>", "<th>1</th>")
    markdown, _ = notebook_markdown(notebook([code_cell("summary", shown(text_html=numbered))]), "n.ipynb")
    assert "<th>1</th>" in markdown and "<th>2</th>" in markdown


def test_a_notebook_becomes_a_course(tmp_path: Path) -> None:
    path = tmp_path / "churn.ipynb"
    path.write_text(churn_notebook())
    result = run("split", str(path), "-o", str(tmp_path / "course"))
    assert result.exit_code == 0, result.output
    assert "Left out 2 pictures of churn.ipynb, saved in" in result.output
    assert "put that folder online and split again with --base-url <its address>/ to keep them." in result.output
    assert (tmp_path / "course" / "pictures" / "image1.png").read_bytes() == PNG
    toml = (tmp_path / "course" / "course.toml").read_text()
    assert 'title = "Churn you can trust"' in toml and 'author = "Ines Duarte"' in toml
    lessons = sorted((tmp_path / "course" / "lessons").glob("*.md"))
    assert len(lessons) >= 3
    text = "".join(lesson.read_text() for lesson in lessons)
    assert "| plan | churn\\_rate |" in text and "| monthly | 0.23 |" in text  # a table, not HTML
    assert run("build", str(tmp_path / "course")).exit_code == 0
    # what the code printed is a box of its own kind (white, bordered), not a second code box under the code
    built = "".join(path.read_text() for path in (tmp_path / "course" / "build").glob("0*.html"))
    assert re.search(r'<pre class="output" style="[^"]*background-color:#fff[^"]*border:1px solid #d9dde3', built)
    assert re.search(r'<div class="scroll"[^>]*><pre class="output"', built)  # it scrolls sideways as code does


def test_a_notebook_without_its_name_is_known_by_its_content(tmp_path: Path) -> None:
    source = sources.load_source("-", stdin=io.BytesIO(churn_notebook().encode()))
    assert source.kind == "markdown" and set(source.pictures) == {"image1.png", "image2.png"}
    assert parse_article(source).title == "Churn you can trust"


def test_a_broken_notebook_is_said_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.ipynb"
    path.write_text(churn_notebook()[:-40])
    result = run("split", str(path), "-o", str(tmp_path / "course"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "broken.ipynb is not a readable notebook (its JSON breaks at line" in result.output
    old = tmp_path / "old.ipynb"
    old.write_text(json.dumps({"worksheets": [{"cells": []}], "nbformat": 3, "metadata": {}}))
    result = run("split", str(old), "-o", str(tmp_path / "course"))
    assert result.exit_code == 1 and "old.ipynb is not a notebook course reads (nbformat 3)" in result.output


def test_colabs_button_and_form_syntax_are_not_the_article() -> None:
    """A notebook from Colab opened with its "Open In Colab" button (a picture linking to Colab, an SVG most mail
    clients do not even show) and its form syntax ("#@title Install { display-mode: "form" }", "#@param")."""
    badge = (
        '<a href="https://colab.research.google.com/github/ines/c/blob/main/c.ipynb" target="_parent">'
        '<img src="https://colab.research.google.com/assets/colab-badge.svg" alt="Open In Colab"/></a>'
    )
    cells = [
        markdown_cell(badge),
        markdown_cell(f"# Cohorts in ten minutes\n\n{PROSE}"),
        code_cell('#@title Install the libraries { display-mode: "form" }\n!pip install -q pandas'),
        code_cell('#@markdown Pick a month.\nmonth = "2024-01"  #@param {type:"string"}'),
        markdown_cell("[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/ines/c/main)"),
    ]
    markdown, _ = notebook_markdown(notebook(cells), "c.ipynb")
    assert "```python\n# Install the libraries\n!pip install -q pandas\n```" in markdown
    assert '```python\nmonth = "2024-01"\n```' in markdown
    article = parse_article(sources.Source("c.ipynb", "markdown", markdown))
    assert article.blocks[0].text.startswith("Churn is the number")
    assert not any("colab" in block.markdown.lower() or "binder" in block.markdown.lower() for block in article.blocks)


def test_a_long_dataframe_is_cut_saying_how_many_rows_follow() -> None:
    """pandas shows up to 60 rows: in an email a reader scrolls past them all. The first 20 stay."""
    rows = "".join(f"<tr><th>{i}</th><td>c{i}</td><td>{i * 3}</td></tr>\n" for i in range(45))
    header = "<thead><tr><th></th><th>name</th><th>n</th></tr></thead>"
    table = f'<table class="dataframe">{header}<tbody>{rows}</tbody></table>'
    markdown, _ = notebook_markdown(notebook([code_cell("df", shown(text_html=table))]), "n.ipynb")
    assert "<tr><td>c19</td><td>57</td></tr></tbody></table>\n\n… (25 more rows)" in markdown
    assert "c20" not in markdown and "<th>name</th>" in markdown
