"""End to end through the command line: the two commands, their help, and every kind of user error."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result

from course.cli import cli

from .conftest import SEED, run


def test_split_writes_a_course_project_and_prints_the_lesson_table(tmp_path: Path) -> None:
    result = run("split", str(SEED), "-o", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    lessons = sorted((tmp_path / "c" / "lessons").glob("*.md"))
    assert 3 <= len(lessons) <= 7
    assert [p.name[:3] for p in lessons] == [f"{i:02d}-" for i in range(1, len(lessons) + 1)]
    header, *rows = [line for line in result.output.splitlines() if line.strip()][: len(lessons) + 1]
    assert header.split() == ["No", "Day", "Title", "Words", "Min"]
    assert [row.split()[:2] for row in rows] == [[str(i), str(i - 1)] for i in range(1, len(lessons) + 1)]
    toml = (tmp_path / "c" / "course.toml").read_text()
    assert 'author = "Alistair Hopkins"' in toml
    assert "EXAMPLE" in toml


def test_build_writes_lessons_gallery_and_sequence(seed_course: Path) -> None:
    out = seed_course / "build"
    sequence = json.loads((out / "sequence.json").read_text())
    assert sequence["course"]["lessons"] == len(sequence["lessons"]) >= 3
    for row in sequence["lessons"]:
        assert (out / row["html"]).is_file()
        assert (out / row["text"]).is_file()
    assert sequence["lessons"][0]["day"] == 0
    assert sequence["lessons"][0]["delay_days"] == 0
    assert all(b["day"] - a["day"] == b["delay_days"] for a, b in itertools.pairwise(sequence["lessons"]))
    gallery = (out / "index.html").read_text()
    for row in sequence["lessons"]:
        assert f'href="{row["html"]}"' in gallery and f'href="{row["text"]}"' in gallery


def test_build_prints_the_gallery_path_last(course_copy: Path) -> None:
    result = run("build", str(course_copy))
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert Path(last) == (course_copy / "build" / "index.html").resolve()
    assert Path(last).is_file()


@pytest.mark.parametrize("command", [None, *sorted(cli.commands)])
def test_every_help_shows_an_example(command: str | None) -> None:
    result = run(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "course " in result.output.split("Example:")[1]


def test_python_dash_m_course_works() -> None:
    result = subprocess.run([sys.executable, "-m", "course", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "split" in result.stdout and "build" in result.stdout


def _assert_one_line_error(result, exit_code: int = 1, mentions: str = "") -> None:
    assert result.exit_code == exit_code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.output
    assert mentions.lower() in lines[0].lower()


@pytest.mark.parametrize(
    ("content", "name", "mentions"),
    [
        (None, "missing.txt", "no such file"),
        (b"", "empty.txt", "empty"),
        (b"   \n\n\t \n", "blank.txt", "empty"),
        (bytes(range(256)) * 40, "photo.txt", "binary"),
        (b"<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>", "page.html", "no article"),
    ],
)
def test_bad_articles_give_one_line_errors_and_write_nothing(tmp_path: Path, content, name, mentions) -> None:
    article = tmp_path / name
    if content is not None:
        article.write_bytes(content)
    result = run("split", str(article), "-o", str(tmp_path / "out"))
    _assert_one_line_error(result, mentions=mentions)
    assert not (tmp_path / "out").exists()


def test_unreadable_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "locked.txt"
    article.write_text("Some words here.\n")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = run("split", str(article), "-o", str(tmp_path / "out"))
    _assert_one_line_error(result, mentions="permission")
    assert not (tmp_path / "out").exists()


def test_oversized_article(tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    article.write_bytes(b"word " * (21 * 1024 * 1024 // 5))
    _assert_one_line_error(run("split", str(article), "-o", str(tmp_path / "out")), mentions="MB")


def test_existing_folder_needs_force_and_force_keeps_settings(tmp_path: Path) -> None:
    out = tmp_path / "c"
    assert run("split", str(SEED), "-o", str(out)).exit_code == 0
    settings = out / "course.toml"
    settings.write_text(settings.read_text().replace("you@example.com", "ali@hopkins.example"))
    before = {p.name: p.read_bytes() for p in (out / "lessons").iterdir()}
    result = run("split", str(SEED), "-o", str(out), "-n", "3")
    _assert_one_line_error(result, mentions="--force")
    assert {p.name: p.read_bytes() for p in (out / "lessons").iterdir()} == before
    result = run("split", str(SEED), "-o", str(out), "-n", "3", "--force")
    assert result.exit_code == 0, result.output
    assert len(list((out / "lessons").glob("*.md"))) == 3
    assert "ali@hopkins.example" in settings.read_text()


@pytest.mark.parametrize("count", ["0", "999"])
def test_impossible_lesson_counts(tmp_path: Path, count: str) -> None:
    result = run("split", str(SEED), "-o", str(tmp_path / "out"), "-n", count)
    _assert_one_line_error(result, mentions="lessons")
    assert not (tmp_path / "out").exists()


def test_unknown_option_is_a_usage_error() -> None:
    _assert_one_line_error(run("split", str(SEED), "--frobnicate"), exit_code=2, mentions="--frobnicate")
    _assert_one_line_error(run("nonsense"), exit_code=2, mentions="nonsense")


def test_split_reads_standard_input(tmp_path: Path) -> None:
    result = run("split", "-", "-o", str(tmp_path / "c"), input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "c" / "lessons").glob("*.md"))) >= 3


def _split_markdown(folder: Path, text: str, out: str, *options: str) -> Result:
    """`course split` of a Markdown article with this text (written once to folder/post.md) into folder/out."""
    article = folder / "post.md"
    if not article.exists():
        article.write_text(text)
    result = run("split", str(article), "-o", str(folder / out), *options)
    assert result.exit_code == 0, result.output
    return result


def test_split_says_when_an_article_is_too_short_for_three_lessons(tmp_path: Path) -> None:
    text = (
        "# A note\n\nThe first thought I had this morning was about the meeting.\n\n"
        "The second thought was about the people who were not in the room.\n"
    )
    result = _split_markdown(tmp_path, text, "a")
    assert "The article has 24 words: too few for three lessons worth sending, so it made 1 lesson" in result.output
    assert "too few" not in _split_markdown(tmp_path, text, "b", "-n", "2").output


def test_build_errors(tmp_path: Path) -> None:
    _assert_one_line_error(run("build", str(tmp_path / "nowhere")), mentions="no such folder")
    (tmp_path / "empty").mkdir()
    _assert_one_line_error(run("build", str(tmp_path / "empty")), mentions="course.toml")


def test_broken_lesson_names_file_and_line_and_keeps_previous_build(course_copy: Path) -> None:
    assert run("build", str(course_copy)).exit_code == 0
    out = course_copy / "build"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    lesson = sorted((course_copy / "lessons").glob("*.md"))[1]
    text = lesson.read_text()
    lesson.write_text(text.replace("---\n", "---\nday: tomorrow\n", 1))
    result = run("build", str(course_copy))
    _assert_one_line_error(result, mentions=f"{lesson.name}:2")
    assert "'day' must be a whole number" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_installed_wheel_ships_the_templates(tmp_path: Path) -> None:
    """A non-editable install, run from an unrelated folder, builds a course with the packaged templates."""
    root = Path(__file__).resolve().parent.parent
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(root),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(wheel_dir.glob("course-*.whl"))
    site = tmp_path / "site"
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "course/templates/lesson.mjml.j2" in names
        assert "course/templates/layout.mjml.j2" in names
        archive.extractall(site)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    for args in (["split", str(SEED), "-o", "c"], ["build", "c"]):
        done = subprocess.run(
            [sys.executable, "-m", "course", *args], cwd=work, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    probe = subprocess.run(
        [sys.executable, "-c", "import course.render.templates as r; print(r.builtin_templates_dir())"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert probe.stdout.strip().startswith(str(site))
    assert (work / "c" / "build" / "index.html").is_file()
    assert len(list((work / "c" / "build").glob("*.html"))) >= 4


def test_split_and_build_are_deterministic(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert run("split", str(SEED), "-o", str(tmp_path / name)).exit_code == 0
        assert run("build", str(tmp_path / name)).exit_code == 0
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    for relative in files_a:
        assert (tmp_path / "a" / relative).read_bytes() == (tmp_path / "b" / relative).read_bytes(), relative


def test_split_says_which_relative_images_and_links_it_left_out(tmp_path: Path) -> None:
    text = (
        "# Buttons\n\nOur old button, ![the old blue](img/old.png), and [the style guide](/guide) with enough words "
        "around them to make an article of its own, as a real post would have.\n"
    )
    result = _split_markdown(tmp_path, text.replace(".\n", ". Again [the guide](/guide).\n"), "a")
    assert "Left out 1 image and 2 links with a relative address (img/old.png, /guide)" in result.output  # once
    assert "--base-url" in result.output
    kept = _split_markdown(tmp_path, text, "b", "--base-url", "https://example.org/blog/")
    assert "Left out" not in kept.output
    assert "https://example.org/blog/img/old.png" in next((tmp_path / "b" / "lessons").glob("*.md")).read_text()


def test_split_says_it_left_out_pictures_embedded_in_the_article(tmp_path: Path) -> None:
    """Google Docs' Markdown export embeds its pictures as data: addresses, which email clients block: they were
    left out without a word. The split says so, and what to do (a --base-url would not help); a tracking pixel or
    a spacer (a few bytes) is not worth a word."""
    text = (
        "# Onboarding\n\nEvery new account manager spends the first two weeks learning our accounts, not our tools,"
        " and this guide is the plan we follow.\n\n![][image1]\n\n![pixel](data:image/gif;base64,R0lGODlhAQABAAAAACw=)"
        f"\n\n[image1]: <data:image/png;base64,{'iVBORw0KGgo' * 40}=>\n"
    )
    result = _split_markdown(tmp_path, text, "a")
    assert "Left out 1 picture embedded in the article (a data: address, which email clients block)" in result.output
    assert "with a relative address" not in result.output


def test_split_says_which_lessons_show_a_diagrams_source(tmp_path: Path) -> None:
    """A tutorial's ```mermaid flow, drawn on its site, reached the email as its source: "sequenceDiagram",
    "Client->>AuthServer: …" in a grey box. The split says which lesson shows which kind, and what to do; `course
    check` points at its line (a warning: the email still builds) and does not also call its lines too wide."""
    prose = "PKCE adds a one-time secret to each authorization request, so an intercepted code is worth nothing. "
    flow = "```mermaid\nsequenceDiagram\n    Client->>AuthServer: Authorization request + code_challenge + method\n```"
    text = f"# PKCE\n\n{prose * 3}\n\nHere is the flow:\n\n{flow}\n\n{prose * 2}\n"
    result = _split_markdown(tmp_path, text, "a")
    assert "The article draws diagrams from their source (Mermaid in lesson 1)" in result.output
    assert "diagrams from" not in _split_markdown(tmp_path / "a", text.replace("mermaid", "text"), "b").output
    checked = run("check", str(tmp_path / "a"), "--format", "json", "--no-spam")
    findings = json.loads(checked.output)["lessons"][0]["findings"]
    diagram = [f for f in findings if f["code"] == "code.diagram"]
    assert len(diagram) == 1 and diagram[0]["severity"] == "warning" and "Mermaid" in diagram[0]["message"]
    line = int(diagram[0]["where"].rsplit(":", 1)[1])
    assert next((tmp_path / "a" / "lessons").glob("*.md")).read_text().split("\n")[line - 1] == "```mermaid"
    assert not [f for f in findings if f["code"] == "code.wide"]


@pytest.mark.parametrize(
    ("header", "said"),
    [
        (
            "---\ntitle: [Pricing, part one\nauthor: Ana\n---",
            "not valid YAML (line 2: did not find expected ',' or ']')",
        ),
        (
            "---\ntitle: Pricing: part one\n---",
            "not valid YAML (line 2: mapping values are not allowed in this context)",
        ),
        ('+++\ntitle = "Pricing\n+++', "not valid TOML"),
    ],
)
def test_split_says_when_it_could_not_read_the_front_matter(tmp_path: Path, header: str, said: str) -> None:
    """A header with a typo (an unclosed bracket, a second colon in the title) was dropped without a word: the
    course was titled by its first sentence and had no author, and nothing said why. The split says the header was
    left out, where it went wrong, and what was lost."""
    prose = "Most consultants wait too long to raise their rates, and then raise them too little. " * 3
    result = _split_markdown(tmp_path, f"{header}\n\n{prose}\n", "a")
    assert f"Left out the article's front matter, {said}" in result.output
    assert "its title, author and language were not read" in result.output and "relative address" not in result.output
    assert "front matter" not in _split_markdown(tmp_path / "a", f"---\ntitle: Rates\n---\n\n{prose}\n", "b").output


def test_split_says_when_the_article_is_a_draft(tmp_path: Path) -> None:
    """A blog post still marked "draft: true" (Hugo, Jekyll, Astro), an outline of bullet points, split into a course
    without a word. The split says so; a post without the mark, or with "draft: false", is not one."""
    prose = "Most consultants wait too long to raise their rates, and then raise them too little. " * 3
    said = "marks it as a draft (draft: true)"
    assert said in _split_markdown(tmp_path, f"---\ntitle: Rates\ndraft: true\n---\n\n{prose}\n", "a").output
    assert said not in _split_markdown(tmp_path / "a", f"---\ntitle: Rates\ndraft: false\n---\n\n{prose}\n", "b").output


def test_split_says_when_the_article_has_no_sentences_to_cut_at(tmp_path: Path) -> None:
    """An automatic video transcript (no full stops at all) became one lesson titled "Pricing your first consulting
    project so today I want to talk" without a word of warning. The split says why its lessons read so, and what
    to do; an article with sentences hears nothing of it."""
    words = "so the first thing I do on every call is ask what the problem costs them today and "
    text = "Pricing your first project\n0:00\n" + "\n".join(words for _ in range(12)) + "\n"
    (tmp_path / "talk.txt").write_text(text)
    result = run("split", str(tmp_path / "talk.txt"), "-o", str(tmp_path / "a"))
    assert result.exit_code == 0, result.output
    assert "almost no full stops" in result.output and "add the punctuation" in result.output
    (tmp_path / "essay.txt").write_text("Pricing\n\n" + (words.strip().capitalize() + ". ") * 12 + "\n")
    normal = run("split", str(tmp_path / "essay.txt"), "-o", str(tmp_path / "b"))
    assert "full stops" not in normal.output


@pytest.mark.parametrize("suffix", [".qmd", ".Rmd"])
def test_split_reads_quarto_and_r_markdown_files_as_markdown(tmp_path: Path, suffix: str) -> None:
    """A Quarto (.qmd) or R Markdown (.Rmd) post is Markdown with code cells: read as Markdown, its cells are code
    in their language in the lesson file."""
    article = tmp_path / f"post{suffix}"
    article.write_text(
        "---\ntitle: Messy CSV files\n---\n\nEvery analyst has opened a CSV that looked fine in a spreadsheet and "
        "fell apart in pandas, and this post is about the fixes.\n\n```{python}\n#| echo: true\nimport pandas\n```\n"
    )
    result = run("split", str(article), "-o", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    lesson = next((tmp_path / "c" / "lessons").glob("*.md")).read_text()
    assert "```python\nimport pandas\n```" in lesson
