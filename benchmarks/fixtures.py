"""The course both benchmarks build: many short lessons, each with a heading, two paragraphs, a link and a list."""

from __future__ import annotations

from pathlib import Path

PARAGRAPH = (
    "Good sales leaders set a clear direction, coach their people every week and keep the forecast honest. "
    "They ask better questions than they answer, and they [write things down](https://example.com/notes). "
) * 2


def write_big_course(root: Path, lessons: int) -> None:
    (root / "lessons").mkdir(parents=True)
    (root / "course.toml").write_text(
        '[course]\ntitle = "A thousand lessons"\nauthor = "Bench"\nlanguage = "en"\n'
        '[sender]\nname = "Bench"\nemail = "bench@example.com"\npostal_address = "1 Bench Road"\n'
    )
    for number in range(1, lessons + 1):
        body = f"## Part {number}\n\n{PARAGRAPH}\n\n- one idea\n- another idea\n- a third idea\n\n{PARAGRAPH}\n"
        (root / "lessons" / f"{number:04d}-lesson-{number}.md").write_text(
            f"---\ntitle: Lesson {number}\nsubject: Lesson {number} of the big course\n"
            f"preheader: What lesson {number} is about, in a sentence long enough.\nday: {number - 1}\n---\n\n{body}"
        )
