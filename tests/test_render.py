"""What a built lesson email contains: structure, accessibility, merge fields, links, templates, errors."""

from __future__ import annotations

import html as html_module
import itertools
import json
import re
from html import unescape
from pathlib import Path

import pytest

from course.project import load_project
from course.render.dialects import Dialect, placeholder
from course.render.email import Renderer

from .conftest import run

PLACEHOLDER = re.compile(r"@@COURSE_")


def _lessons(course_root: Path) -> list[dict]:
    return json.loads((course_root / "build" / "sequence.json").read_text())["lessons"]


def test_every_seed_lesson_is_a_complete_email(seed_course: Path) -> None:
    out = seed_course / "build"
    rows = _lessons(seed_course)
    for row in rows:
        html = (out / row["html"]).read_text()
        text = (out / row["text"]).read_text()
        assert html.startswith("<!doctype html>")
        assert '<html lang="en" dir="ltr"' in html
        assert f"<title>{row['subject']}</title>" in html.replace("&#39;", "'").replace("&#x27;", "'")
        preview = re.search(r'<div style="display:none;[^"]*">(.*?)</div>', html, re.S)
        assert preview and html_module.unescape(preview.group(1).strip()) == row["preheader"]
        assert "@media" in html and "!important" in html
        for leftover in ("<mj-", "{{", "{%", "%}", "}}"):
            assert leftover not in html and leftover not in text
        assert not PLACEHOLDER.search(html) and not PLACEHOLDER.search(text)
        assert len(html.encode()) < 60_000
        assert 'href="https://example.com/unsubscribe"' in html
        assert "1 Example Street, Example City, Country" in html
        assert f"Lesson {row['number']} of {len(rows)}" in html.replace("LESSON", "Lesson")
        assert f"Lesson {row['number']} of {len(rows)}" in text
        assert "Hi Sam," in html and "Hi Sam," in text
        assert not re.search(r"<[a-zA-Z/][^>]*>", text), "the text twin has tags"
        assert row["preheader"] not in text.split("Hi Sam,")[0], "the preheader leaked into the text twin"
        lesson_source = (seed_course / "lessons" / row["html"].replace(".html", ".md")).read_text()
        first_paragraph = lesson_source.split("---", 2)[2].strip().split("\n\n")[0].lstrip("# ")
        first_sentence = re.split(r"(?<=[.!?])\s", first_paragraph)[0]
        assert " ".join(first_sentence.split()) in " ".join(text.split())
        assert 'name="color-scheme" content="light dark"' in html
        assert "prefers-color-scheme: dark" in html


def test_accessible_structure(seed_course: Path) -> None:
    for row in _lessons(seed_course):
        html = (seed_course / "build" / row["html"]).read_text()
        assert all('role="presentation"' in table for table in re.findall(r"<table\b[^>]*>", html))
        levels = [int(h) for h in re.findall(r"<h([1-6])\b", html)]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
        assert all(" alt=" in img for img in re.findall(r"<img\b[^>]*>", html))
        body_size = re.search(r'font-size:(\d+)px;[^"]*"><div class="lesson-body"', html)
        assert body_size and int(body_size.group(1)) >= 16


def test_last_lesson_has_the_call_to_action_and_others_a_teaser(seed_course: Path) -> None:
    rows = _lessons(seed_course)
    for row, following in zip(rows, [*rows[1:], None], strict=True):
        html = (seed_course / "build" / row["html"]).read_text()
        if following is None:
            assert "Reply to Alistair Hopkins" in html and 'href="mailto:you@example.com"' in html
        else:
            assert "Next lesson" in html and following["title"] in unescape(html)


def _write(course: Path, lesson_body: str, extra_toml: str = "") -> None:
    lesson = sorted((course / "lessons").glob("*.md"))[0]
    head = lesson.read_text().split("---", 2)
    lesson.write_text(f"---{head[1]}---\n\n{lesson_body}\n")
    if extra_toml:
        toml = (course / "course.toml").read_text()
        (course / "course.toml").write_text(toml + "\n" + extra_toml)


def _first_email(course: Path) -> tuple[str, str]:
    result = run("build", str(course))
    assert result.exit_code == 0, result.output
    row = _lessons(course)[0]
    return (course / "build" / row["html"]).read_text(), (course / "build" / row["text"]).read_text()


def test_links_get_utm_but_merge_fields_and_mailto_do_not(course_copy: Path) -> None:
    toml = (course_copy / "course.toml").read_text().replace("utm = false", "utm = true")
    (course_copy / "course.toml").write_text(toml)
    _write(course_copy, "Read [the post](https://blog.example/post?ref=1) or [mail me](mailto:a@b.example).")
    html, text = _first_email(course_copy)
    assert (
        'href="https://blog.example/post?ref=1&amp;utm_source=email&amp;utm_medium=email'
        '&amp;utm_campaign=sales-manager-or-leader&amp;utm_content=sales-manager-or-leader"' in html
    )
    assert 'href="mailto:a@b.example"' in html
    assert 'href="https://example.com/unsubscribe"' in html
    assert "the post (https://blog.example/post?ref=1)" in text
    assert "mail me (a@b.example)" in " ".join(text.split())


def test_relative_links_need_a_base_url(course_copy: Path) -> None:
    _write(course_copy, "See [the guide](guide/start.html) and ![chart](img/chart.png).")
    result = run("build", str(course_copy))
    assert result.exit_code == 1
    assert "01-" in result.output and "'guide/start.html'" in result.output and "base_url" in result.output
    toml = (course_copy / "course.toml").read_text()
    (course_copy / "course.toml").write_text(
        toml.replace('# base_url = "https://example.com/blog/"', 'base_url = "https://blog.example/posts/"')
    )
    html, _ = _first_email(course_copy)
    assert 'href="https://blog.example/posts/guide/start.html"' in html
    assert 'src="https://blog.example/posts/img/chart.png"' in html


def test_untrusted_markdown_stays_content(course_copy: Path) -> None:
    _write(
        course_copy,
        'Hello <script>alert(1)</script> <b onclick="x()">bold</b> [x](javascript:alert(1)) '
        '<img src="https://img.example/a.png" onerror="y()">\n\n'
        "![wide](https://img.example/wide.png)",
    )
    html, _ = _first_email(course_copy)
    body = html.split('class="lesson-body"', 1)[1]
    assert "<script" not in body and "alert(1)</script>" not in body
    assert "onclick" not in body and "onerror" not in body
    assert "<b>bold</b>" in body
    assert 'href="javascript:' not in body  # the link stays as its own text, never a link
    raw_img = re.search(r'<img [^>]*src="https://img.example/a.png"[^>]*>', body).group(0)
    assert ' alt=""' in raw_img and ' width="536"' in raw_img
    assert re.search(r'<img width="536"[^>]*src="https://img.example/wide.png"[^>]*alt="wide"', body)


def test_titles_are_escaped(course_copy: Path) -> None:
    lesson = sorted((course_copy / "lessons").glob("*.md"))[0]
    text = lesson.read_text()
    lesson.write_text(re.sub(r"(?m)^title: .*$", "title: 'Bread & \"Butter\" <basics>'", text, count=1))
    html, text_twin = _first_email(course_copy)
    assert "<basics>" not in html and 'Bread & "Butter" <basics>' in unescape(html)
    assert 'Bread & "Butter" <basics>' in text_twin


def test_user_template_extends_the_built_in_layout(course_copy: Path) -> None:
    (course_copy / "templates").mkdir()
    (course_copy / "templates" / "lesson.mjml.j2").write_text(
        '{% extends "builtin/lesson.mjml.j2" %}\n'
        '{% block greeting %}<p class="greeting">Welcome back, {{ merge.first_name }}!</p>{% endblock %}\n'
    )
    html, _ = _first_email(course_copy)
    assert "Welcome back, Sam!" in html
    assert "Hi Sam," not in html


@pytest.mark.parametrize(
    ("template", "line", "reason"),
    [
        ('{% extends "layout.mjml.j2" %}\n{% block content %}\n{{ lesson.title }\n{% endblock %}\n', 3, "unexpected"),
        ('{% extends "layout.mjml.j2" %}\n{% block content %}\n\n<mj-text>{{ nonsense.value }}</mj-text>\n'
         "{% endblock %}\n", 4, "'nonsense' is undefined"),
    ],
)  # fmt: skip
def test_template_errors_name_file_and_line_and_keep_the_build(
    course_copy: Path, template: str, line: int, reason: str
) -> None:
    assert run("build", str(course_copy)).exit_code == 0
    before = {p.name: p.read_bytes() for p in (course_copy / "build").iterdir()}
    (course_copy / "templates").mkdir()
    (course_copy / "templates" / "lesson.mjml.j2").write_text(template)
    result = run("build", str(course_copy))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: templates/lesson.mjml.j2:{line}: ")
    assert reason in lines[0]
    assert {p.name: p.read_bytes() for p in (course_copy / "build").iterdir()} == before


def test_unknown_mjml_element_is_rejected(course_copy: Path) -> None:
    (course_copy / "templates").mkdir()
    (course_copy / "templates" / "lesson.mjml.j2").write_text(
        '{% extends "layout.mjml.j2" %}{% block content %}<mj-section><mj-column><mj-fancy>x</mj-fancy>'
        "</mj-column></mj-section>{% endblock %}"
    )
    result = run("build", str(course_copy))
    assert result.exit_code == 1
    assert "<mj-fancy" in result.output


def test_low_contrast_theme_warns(course_copy: Path) -> None:
    toml = (course_copy / "course.toml").read_text().replace('text_color = "#1f2933"', 'text_color = "#bbbbbb"')
    (course_copy / "course.toml").write_text(toml)
    result = run("build", str(course_copy))
    assert result.exit_code == 0
    assert "Warning: " in result.output and "text_color #bbbbbb" in result.output and ":1" in result.output


def test_one_render_serves_every_dialect(course_copy: Path) -> None:
    course = load_project(course_copy)
    rendered = Renderer(course).render(course.lessons[0])
    assert placeholder("first_name") in rendered.html and placeholder("unsubscribe_url") in rendered.html
    tags = Dialect("tags", {"first_name": "{{ name | default: 'there' }}", "unsubscribe_url": "{{ unsub }}"}, False)
    html = tags.apply_html(rendered.html)
    text = tags.apply_text(rendered.text)
    assert 'href="{{ unsub }}"' in html and "Hi {{ name | default: 'there' }}," in html
    assert "View in your browser" not in html and "View in your browser" not in text  # no such field: removed
    assert "Unsubscribe: {{ unsub }}" in text
    assert not PLACEHOLDER.search(html) and not PLACEHOLDER.search(text)


def test_a_broken_partial_is_named_with_its_line(course_copy: Path) -> None:
    (course_copy / "templates" / "partials").mkdir(parents=True)
    twin = Path(__file__).resolve().parent.parent / "templates" / "partials" / "footer.txt.j2"
    (course_copy / "templates" / "partials" / "footer.txt.j2").write_text(twin.read_text())  # the pair: no warning
    (course_copy / "templates" / "partials" / "footer.mjml.j2").write_text(
        "<mj-section>\n<mj-column>\n<mj-text>{% if sender.name %}{{ sender.name }}</mj-text>\n</mj-column>\n"
    )
    result = run("build", str(course_copy))
    assert result.exit_code == 1
    assert result.output.startswith("Error: templates/partials/footer.mjml.j2:")
    assert len(result.output.strip().splitlines()) == 1


def test_a_lesson_signed_by_its_author_is_not_signed_again(course_copy: Path) -> None:
    last = sorted((course_copy / "lessons").glob("*.md"))[-1]
    last.write_text(last.read_text().rstrip() + "\n\nWarm regards,\n\nAlistair\n")
    assert run("build", str(course_copy)).exit_code == 0
    built = course_copy / "build"
    text = next(built.glob(f"{last.stem}.txt")).read_text()
    assert "Warm regards,\n\nAlistair\n\n" in text and "\nAlistair Hopkins\n\nThat's the whole course" not in text
    page = next(built.glob(f"{last.stem}.html")).read_text()
    assert 'class="signoff"' not in page
    first = next(built.glob("01-*.html")).read_text()
    assert 'class="signoff"' in first  # the other lessons keep the template's signature
    # the author's own closing words stand: the built-in ones after them would repeat the thanks; the button stays
    assert "That’s the whole course\n\nReply to " in text and "most useful idea" not in text + page
    toml = course_copy / "course.toml"
    toml.write_text(toml.read_text().replace("[cta]\n", '[cta]\ntext = "Tell me what you tried."\n'))
    assert run("build", str(course_copy)).exit_code == 0
    assert "That’s the whole course\n\nTell me what you tried.\n" in next(built.glob(f"{last.stem}.txt")).read_text()


def test_a_closing_and_a_name_on_two_lines_of_one_paragraph_count_as_signed() -> None:
    """HTML letters sign off with "Warmly,<br>Priya": one paragraph, two lines."""
    from course.render.email import signed_by_the_author

    assert signed_by_the_author("Thank you for reading.\n\nWarmly,  \nPriya\n", "Priya Raman")
    assert signed_by_the_author("Thank you.\n\nWarm regards,\n\nDaniel\n", "Daniel Okafor")
    assert signed_by_the_author("Thank you.\n\nPriya Raman\n", "Priya Raman")
    assert signed_by_the_author("Keep it.\n\nTomasz\n", "Tomasz Nowak")  # the sender's first name alone
    assert signed_by_the_author("Keep it.\n\n— Mark\n", "Mark Ellis")  # after a dash, as essays are signed
    assert not signed_by_the_author("Roses are red,  \nViolets are blue\n", "Priya Raman")
    assert not signed_by_the_author("Warmly,  \nthe whole team at the studio who wrote this\n", "Priya Raman")


def test_a_lesson_with_a_footnote_builds_without_a_base_url(course_copy: Path) -> None:
    """The footnote's links point inside the email ("#fn1"): they are not relative links needing base_url."""
    first = sorted((course_copy / "lessons").glob("*.md"))[0]
    first.write_text(first.read_text().rstrip() + " As Drucker put it.[^1]\n\n[^1]: The Effective Executive, 1967.\n")
    result = run("build", str(course_copy))
    assert result.exit_code == 0, result.output
    page = next((course_copy / "build").glob(f"{first.stem}.html")).read_text()
    assert 'href="#fn1"' in page and "The Effective Executive, 1967." in page


def test_a_big_course_renders_in_several_processes_byte_for_byte_as_in_one(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = tmp_path / "big"
    (root / "lessons").mkdir(parents=True)
    (root / "course.toml").write_text(
        '[course]\ntitle = "Forty-five lessons"\n[sender]\nname = "Bench"\nemail = "b@example.org"\n'
        'postal_address = "1 Road"\n'
    )
    for number in range(1, 46):
        (root / "lessons" / f"{number:02d}-part-{number}.md").write_text(
            f"---\ntitle: Part {number}\n---\n\nThe idea of part {number}, with [a link](https://example.org/{number}).\n"
        )
    built = {}
    for jobs in ("1", "2"):
        env = {**os.environ, "COURSE_JOBS": jobs}
        out = tmp_path / f"out-{jobs}"
        done = subprocess.run([sys.executable, "-m", "course", "-v", "build", str(root), "-o", str(out)], env=env,
                              capture_output=True, text=True, check=True)  # fmt: skip
        assert ("in 2 processes" in done.stderr) == (jobs == "2"), done.stderr
        built[jobs] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert len(built["1"]) == 45 * 2 + 2 and built["1"] == built["2"]
    # the pool also puts each lesson into the build's dialect: a field the dialect lacks is said as one process says it
    (root / "templates" / "partials").mkdir(parents=True)
    (root / "templates" / "partials" / "footer.txt.j2").write_text("Settings: {{ merge.preferences_url }}\n")
    said = {}
    for jobs in ("1", "2"):
        env = {**os.environ, "COURSE_JOBS": jobs}
        done = subprocess.run([sys.executable, "-m", "course", "build", str(root), "-o", str(tmp_path / "failed")],
                              env=env, capture_output=True, text=True)  # fmt: skip
        said[jobs] = (done.returncode, done.stderr)
    assert said["1"] == said["2"] and said["1"][0] == 1 and "preferences_url" in said["1"][1], said
    assert "Traceback" not in said["2"][1] and not (tmp_path / "failed").exists()
    # a lesson that fails in a worker fails the build as in one process: its file named, nothing written
    (root / "templates" / "partials" / "footer.txt.j2").unlink()
    (root / "lessons" / "30-part-30.md").write_text("---\ntitle: Part 30\n---\n\nSee [the notes](notes.html).\n")
    for jobs in ("1", "2"):
        env = {**os.environ, "COURSE_JOBS": jobs}
        done = subprocess.run([sys.executable, "-m", "course", "build", str(root), "-o", str(tmp_path / "failed")],
                              env=env, capture_output=True, text=True)  # fmt: skip
        said[jobs] = (done.returncode, done.stderr)
    assert said["1"] == said["2"] and "30-part-30.md: the relative link 'notes.html'" in said["1"][1], said
    assert not (tmp_path / "failed").exists()


def test_github_alerts_task_lists_and_details_read_well_in_an_email() -> None:
    """'> [!TIP]' shows GitHub's label, a task list its boxes, a <details> its summary in bold (no email client
    opens one), in the HTML and in the plain text."""
    from course.render.markdown import render_html
    from course.text import markdown_text

    source = (
        "> [!TIP]\n> Use `git add -p` to stage part of a file.\n\n- [x] Subject under 50 characters\n- [ ] Body "
        "wrapped\n\n<details>\n<summary>Why not rebase?</summary>\n\nIt rewrites history.\n\n</details>\n"
    )
    page = render_html(source)
    assert "<p><strong>Tip:</strong> Use <code>git add -p</code>" in page and "[!TIP]" not in page
    assert "<li>☑ Subject under 50 characters</li>" in page and "<li>☐ Body wrapped</li>" in page
    assert "<p><strong>Why not rebase?</strong></p>" in page and "<details" not in page
    assert markdown_text(source).startswith("> Tip: Use git add -p to stage part of a file.\n")


def test_the_plain_text_twin_lines_up_tables_and_keeps_nested_lists_tight() -> None:
    """A table that fits in 72 columns is lined up under a rule, with right-aligned columns kept right; a wider one
    stays a row a line. A tight list's nested list follows its item without a blank line (there was one), and two
    pictures side by side are not run together."""
    from course.text import markdown_text

    table = "| Size | Grams | Cup |\n|---|--:|---|\n| Small | 14 | Espresso |\n| Double | 18 | Cappuccino |\n"
    assert markdown_text(table) == (
        "Size   | Grams | Cup\n-------+-------+-----------\nSmall  |    14 | Espresso\nDouble |    18 | Cappuccino\n"
    )
    wide = table.replace("Cappuccino", "A large cappuccino in the tall glass from the top shelf, with oat milk")
    assert markdown_text(wide).split("\n")[:2] == ["Size | Grams | Cup", "Small | 14 | Espresso"]
    nested = "- Sour: grind finer.\n- Bitter: grind coarser.\n  - Still bitter? Try a lighter roast.\n"
    assert markdown_text(nested) == (
        "- Sour: grind finer.\n- Bitter: grind coarser.\n  - Still bitter? Try a lighter roast.\n"
    )
    loose = "- Sour: grind finer.\n\n- Bitter: grind coarser.\n\n  More about bitterness.\n"
    assert "- Bitter: grind coarser.\n\n  More about bitterness." in markdown_text(loose)
    pictures = "![A fast shot](https://example.com/a.jpg)![A slow shot](https://example.com/b.jpg)\n"
    assert (
        markdown_text(pictures)
        == "[A fast shot] (https://example.com/a.jpg) [A slow shot]\n(https://example.com/b.jpg)\n"
    )


def test_the_lesson_syntax_tree_matches_markdown_it_pys_tree() -> None:
    """text.syntax_tree (built for speed) has the same nodes, in the same order, with the same fields as
    markdown-it-py's SyntaxTreeNode, on Markdown with every kind of block and inline the text twin reads."""
    from markdown_it.tree import SyntaxTreeNode

    from course.text import parsed, syntax_tree

    source = (
        '# Title\n\nA *word*, **strong**, `code`, a [link](https://example.com "t") and ![alt *x*](a.png).\n'
        "Soft break  \nhard break.[^1]\n\n> [!TIP]\n> Quoted\n>\n> > nested\n\n1. one\n2. two\n   - inner\n\n"
        "- [x] loose\n\n- item\n\n```python\nprint(1)\n```\n\n    indented\n\n---\n\n"
        "| a | b |\n|---|--:|\n| 1 | 2 |\n\n"
        "<div>raw <b>html</b></div>\n\nText with <span>inline html</span>.\n\n[^1]: A note.\n"
    )

    def shape(node: object) -> list[object]:
        fields = [getattr(node, name) for name in ("type", "tag", "attrs", "content", "meta", "hidden")]
        return [fields, [shape(child) for child in node.children]]  # type: ignore[attr-defined]

    expected = SyntaxTreeNode(list(parsed(source)))
    assert [shape(node) for node in syntax_tree(source).children] == [shape(node) for node in expected.children]
    assert [node.type for node in syntax_tree(source).walk()] == [node.type for node in expected.walk()]
    assert {"footnote_ref", "image", "table", "hardbreak", "html_block", "html_inline", "code_block"} <= {
        node.type for node in syntax_tree(source).walk()
    }


def test_a_right_to_left_course_is_laid_out_from_the_right_with_code_left_to_right(course_copy: Path) -> None:
    """An Arabic course had dir="rtl" on <html> but every column said direction:ltr and every text block
    text-align:left, so its lines ran from the left with their full stops on the wrong side. Columns and text
    now run right to left, lists and quotes start on the right, and code stays left to right."""
    toml = course_copy / "course.toml"
    toml.write_text(toml.read_text().replace('language = "en"', 'language = "ar"'))
    _write(course_copy, "ابدأ بالطلب.\n\n- أولًا\n- ثانيًا\n\n> اقتباس قصير.\n\n```\nrsync -av a/ b/\n```")
    html, _ = _first_email(course_copy)
    assert '<html lang="ar" dir="rtl"' in html
    assert "direction:ltr" not in html.split("<pre")[0] and "direction:rtl" in html
    assert "text-align:right" in html
    assert re.search(r'<ul style="[^"]*padding:0 24px 0 0', html)
    assert re.search(r'<blockquote style="[^"]*border-right:4px solid', html)
    assert re.search(r'<pre style="[^"]*direction:ltr;\s*text-align:left', html)


def test_a_lesson_that_greets_its_reader_itself_is_not_greeted_twice(course_copy: Path) -> None:
    """A letter opening "Dear new manager," was sent under "Hi Sam,": two greetings. The author's own stands alone,
    in the HTML and in the text; a lesson without one keeps the built-in greeting."""
    _write(course_copy, "Dear new manager,\n\nCongratulations. You were good at your job, so they gave you another.")
    html, text = _first_email(course_copy)
    assert 'class="greeting"' not in html and "Dear new manager," in html
    assert "Hi Sam," not in text and "Dear new manager,\n\nCongratulations." in text
    _write(course_copy, "Congratulations. You were good at your job, so they gave you another.")
    html, text = _first_email(course_copy)
    assert 'class="greeting"' in html and "Hi Sam," in text


def test_html_in_a_lesson_reads_in_the_plain_text_as_it_shows() -> None:
    """Raw HTML in a lesson (a centred box, a list written in HTML) came into the plain-text twin with its
    source's indentation before every line but the first, and a list's items without their bullets."""
    from course.text import markdown_text

    box = 'Intro.\n\n<div align="center">\n  <p>Hello there</p>\n  <p>World</p>\n</div>\n\nAfter.\n'
    assert markdown_text(box) == "Intro.\n\nHello there\nWorld\n\nAfter.\n"
    assert markdown_text("<ul>\n  <li>One</li>\n  <li>Two</li>\n</ul>\n") == "- One\n- Two\n"


def test_a_lesson_signed_above_its_postscript_counts_as_signed() -> None:
    """The template signed again, under the P.S., a lesson that ends "Talk soon," / "Grace" / "P.S. …"."""
    from course.render.email import signed_by_the_author

    assert signed_by_the_author("Thank you.\n\nTalk soon,\n\nGrace\n\nP.S. Nobody asked.\n", "Grace Liu")
    assert signed_by_the_author("Thank you.\n\nGrace\n\nP.S. Nobody asked.\n\nP.P.S. Really.\n", "Grace Liu")
    assert not signed_by_the_author("Thank you.\n\nP.S. Nobody asked.\n", "Grace Liu")


def test_an_address_written_out_is_a_link(course_copy: Path) -> None:
    """A lesson that writes an address out ("see https://blog.example/post?ref=1, then reply") showed it as plain
    text: no link in clients that do not find addresses themselves, no UTM parameters, nothing for `course check`
    to check. It is a link, as GitHub shows it (the comma after it stays outside); the text twin says it once;
    an address in code, or without its scheme, stays as written."""
    toml = (course_copy / "course.toml").read_text().replace("utm = false", "utm = true")
    (course_copy / "course.toml").write_text(toml)
    _write(course_copy, "See https://blog.example/post?ref=1, then reply; not `https://x.example` nor blog.example.")
    html, text = _first_email(course_copy)
    assert 'href="https://blog.example/post?ref=1&amp;utm_source=email' in html
    assert ">https://blog.example/post?ref=1</a>, then reply" in html
    assert "https://x.example</code>" in html and 'href="https://x.example' not in html
    assert 'href="http://blog.example' not in html
    assert "See https://blog.example/post?ref=1, then reply" in " ".join(text.split())


MANY_SELECTORS = """
.lesson-body p { margin: 0 0 16px; }
.lesson-body table td { padding: 4px; }
.lesson-body blockquote p:last-child { margin-bottom: 0; }
.lesson-body pre.output { border: 1px solid #ccc; }
.lesson-body .missing-class { color: red; }
h2 + p { font-weight: 700; }
ul > li { margin: 0 0 8px; }
LI { line-height: 1.5; }
p:not(.intro) { color: #333; }
a[href] { color: #00f; }
h3, em { font-style: italic; }
#course-body-5f3a p { letter-spacing: 0; }
* { box-sizing: border-box; }
.lesson-body .first { margin-top: 0; }
"""


@pytest.mark.parametrize(
    "fragment",
    [
        '<h2 class="first">Start</h2><p class="intro">One <a href="https://e.org">link</a></p><ul><li>a</li></ul>',
        '<blockquote><p>Quoted</p><p>last</p></blockquote><pre class="output"><code>x</code></pre><h3>T</h3>',
        "<table><tr><td>1</td></tr></table><p><em>em</em> text about a missing-class</p>",
    ],
)
def test_premailer_skipping_rules_that_cannot_match_changes_nothing(fragment: str, monkeypatch) -> None:
    """The lesson's CSS goes to premailer without the rules whose selector names an element or a class the lesson
    does not have (most of the stylesheet, most of premailer's time): any selector, the user's own too, gives the
    styles premailer gives with every rule."""
    from course.render import email

    skipped = email.inline_body_css(fragment, MANY_SELECTORS)
    monkeypatch.setattr(email, "_may_match", lambda selector, document: True)
    assert skipped == email.inline_body_css(fragment, MANY_SELECTORS)


def test_a_rule_naming_what_the_lesson_lacks_is_not_run() -> None:
    from course.render.email import _may_match

    document = '<html><head><style></style></head><body><div class="lesson-body"><p>Hi</p></div></body></html>'
    assert _may_match(".lesson-body p", document) and _may_match("P", document)
    assert not _may_match(".lesson-body table td", document)
    assert not _may_match(".lesson-body pre.output", document) and not _may_match(".lesson-body .scroll", document)
    assert _may_match("p:not(.x)", document) and _may_match("[href]", document) and _may_match("h3, p", document)


def test_premailer_run_once_for_many_lessons_gives_each_what_it_gives_alone(monkeypatch) -> None:
    """A big build inlines the body CSS of 25 lessons in one premailer run, each lesson in a wrapper of its own:
    byte for byte what one run a lesson gives, with the built-in stylesheet and with a user's selectors; a
    stylesheet whose rules could tell the wrappers apart ("h2 + p") is inlined one lesson at a time."""
    from course.render import email
    from course.render.markdown import render_html

    tutorial = (Path(__file__).resolve().parent.parent / "benchmarks" / "tutorial.md").read_text()
    sections = [f"## {part}" if index else part for index, part in enumerate(tutorial.split("\n## "))]
    extra = [
        "> A quote\n>\n> and its last paragraph",
        "| a | b |\n|---|--:|\n| 1 | 2 |",
        "1. one\n2. two\n\n---\n\nText[^1]\n\n[^1]: A note.",
        "![A chart](https://example.org/chart.png)",
        '```\n$ ls\n```\n\n<pre class="output">a\n</pre>',
    ]
    fragments = [render_html(markdown) for markdown in sections + extra] * 6  # 2 runs of 25 and one of the rest
    css = email.Renderer(load_project(Path(__file__).resolve().parent / "golden" / "seed")).body_css()
    user = MANY_SELECTORS.replace("h2 + p { font-weight: 700; }", "li:last-child { color: #111; }")
    runs = []
    monkeypatch.setattr(
        email, "_inlined", lambda body, sheet, inlined=email._inlined: runs.append(1) or inlined(body, sheet)
    )
    for sheet in (css, user, css + user):
        runs.clear()
        together = email.inline_bodies_css(fragments, sheet)
        assert len(runs) == -(-len(fragments) // email.BATCH_SIZE)
        assert together == [email.inline_body_css(fragment, sheet) for fragment in fragments]
    runs.clear()
    assert email.inline_bodies_css(fragments[:3], MANY_SELECTORS) == [
        email.inline_body_css(fragment, MANY_SELECTORS) for fragment in fragments[:3]
    ]
    assert len(runs) == 6  # "h2 + p": one run a lesson (three), then the three above
