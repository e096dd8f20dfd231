"""The words around the lessons: plurals, each language's typography, and no line that says nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from course.render.wording import STRINGS
from course.text import plural

from .conftest import run

NBSP, NNBSP = "\u00a0", "\u202f"


def test_plural() -> None:
    assert [plural(n, "lesson") for n in (0, 1, 2)] == ["0 lessons", "1 lesson", "2 lessons"]
    assert plural(1, "more email", "more emails") == "1 more email"


def test_one_lesson_one_note(tmp_path: Path) -> None:
    article = tmp_path / "short.md"
    article.write_text(
        "# A short note\n\n" + "One idea, told plainly, with a little more to say about it. " * 12 + "\n"
    )
    split = run("split", str(article), "-o", str(tmp_path / "c"), "-n", "1")
    assert split.exit_code == 0, split.output
    assert "Wrote 1 lesson to" in split.output
    built = run("build", str(tmp_path / "c"))
    assert "Built 1 lesson into" in built.output
    checked = run("check", str(tmp_path / "c"), "--no-spam")
    summary = checked.output.strip().splitlines()[-1]
    assert summary.endswith("in 1 lesson"), summary
    assert re.search(r"(?<!\d)1 (errors|warnings|notes|lessons)\b", summary) is None, summary


def _french_course(tmp_path: Path) -> Path:
    article = tmp_path / "lenteur.md"
    article.write_text(
        "---\ntitle: Éloge de la lenteur\nauthor: Claire Martin\nlang: fr\n---\n\n"
        + "\n\n".join(
            f"## Partie {n}\n\n" + "Prendre le temps de lire, puis de répondre avec soin et sans hâte. " * 10
            for n in range(1, 4)
        )
        + "\n"
    )
    out = tmp_path / "fr"
    assert run("split", str(article), "-o", str(out), "-n", "3").exit_code == 0
    toml = out / "course.toml"
    assert 'language = "fr"' in toml.read_text()
    assert run("build", str(out)).exit_code == 0
    return out


def test_french_typography_in_the_text_twin(tmp_path: Path) -> None:
    out = _french_course(tmp_path)
    texts = sorted((out / "build").glob("*.txt"))
    first, last = texts[0].read_text(), texts[-1].read_text()
    assert f"Se désabonner{NBSP}: https://" in first
    assert f"Prochaine leçon (arrive demain){NBSP}: " in first
    assert f"«{NBSP}Éloge de la lenteur{NBSP}»" in first
    assert f"utile{NNBSP}? Répondez" in last and "C’est la fin du cours" in last
    assert " : " not in first.replace(NBSP, "#")  # no plain space before a colon anywhere in our words


@pytest.mark.parametrize("language", sorted(STRINGS))
def test_every_language_has_every_string(language: str) -> None:
    assert set(STRINGS[language]) == set(STRINGS["en"])


def test_german_quotes_and_english_apostrophes() -> None:
    assert "„{course}“" in STRINGS["de"]["why_footer"]
    assert "'" not in "".join(STRINGS["en"].values()) and "'" not in "".join(STRINGS["fr"].values())


def test_the_text_twin_has_no_view_online_line_without_a_web_address(course_copy: Path) -> None:
    assert run("build", str(course_copy)).exit_code == 0
    text = next((course_copy / "build").glob("02-*.txt")).read_text()
    assert "View in your browser" not in text
    html = next((course_copy / "build").glob("02-*.html")).read_text()
    assert "View in your browser" in html  # the local HTML links to its own file
    toml = course_copy / "course.toml"
    toml.write_text(
        toml.read_text().replace("[preview]\n", "") + '\n[preview]\nview_online_url = "https://a.example/2"\n'
    )
    assert run("build", str(course_copy)).exit_code == 0
    text = next((course_copy / "build").glob("02-*.txt")).read_text()
    assert "View in your browser: https://a.example/2" in text
    sequence = json.loads((course_copy / "build" / "sequence.json").read_text())
    assert sequence["lessons"][1]["when"] == "1 day after lesson 1"


def test_a_portuguese_course_is_framed_in_portuguese_and_signed_by_its_author(tmp_path: Path) -> None:
    """A Portuguese article made a course whose greeting, "Lesson 2 of 3", teaser and footer were English (and
    `course check` warned that they were), and its "Abraços," / "Renata" was not read as a sign-off. Portuguese,
    Italian and Dutch are built in now, with their closings."""
    from course.read.bylines import is_closing

    article = tmp_path / "aumento.txt"
    part = "Antes da conversa, escreva numa folha o que você entregou nos últimos doze meses, com números. "
    article.write_text(
        f"Como pedir um aumento sem medo\n\nPedir um aumento assusta quase todo mundo. {part * 3}\n\nReúna os fatos"
        f"\n\n{part * 4}\n\nDiga um número\n\n{part * 4}\n\nAbraços,\nRenata\n",
        encoding="utf-8",
    )
    out = tmp_path / "curso"
    assert run("split", str(article), "-o", str(out), "-n", "3").exit_code == 0
    assert 'author = "Renata"' in (out / "course.toml").read_text(encoding="utf-8")
    assert run("build", str(out)).exit_code == 0
    text = sorted((out / "build").glob("*.txt"))[1].read_text(encoding="utf-8")
    assert "Aula 2 de 3" in text and "Olá, Sam," in text and "Próxima aula (chega amanhã): " in text
    assert "Cancelar inscrição: https://" in text and "Lesson" not in text
    checked = run("check", str(out))
    assert "strings.language" not in checked.output
    for closing in ("Um abraço,", "Cordiali saluti,", "Met vriendelijke groet,", "Groetjes,", "A presto,"):
        assert is_closing(closing), closing
