"""Compare the splitter with the editors' reference splits (tests/articles/expected.toml).

Used by the tests and on its own: `python -m tests.split_eval` prints a report per article.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from course.model import Article
from course.plan import PlannedLesson, plan_lessons
from course.read import load_source, parse_article

ARTICLES = Path(__file__).resolve().parent / "articles"


@dataclass
class Evaluation:
    name: str
    article: Article
    plan: list[PlannedLesson]
    count_ok: bool
    boundary_errors: list[int]  # per reference boundary: distance in blocks to our nearest cut (best variant)
    variant: list[str]


def expected() -> dict[str, dict]:
    return tomllib.loads((ARTICLES / "expected.toml").read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _start_index(article: Article, phrase: str) -> int:
    for index, block in enumerate(article.blocks):
        if _norm(block.text).lstrip("- ").startswith(_norm(phrase)):
            return index
    raise AssertionError(f"{phrase!r} is not the start of any block")


def evaluate(name: str, lessons: int | None = None) -> Evaluation:
    spec = expected()[name]
    article = parse_article(load_source(str(ARTICLES / name)))
    plan = plan_lessons(article, lessons)
    position = {id(block): i for i, block in enumerate(article.blocks)}
    cuts = [position[id(lesson.blocks[0])] for lesson in plan[1:]]
    best: tuple[int, list[int], list[str]] | None = None
    for variant in spec["splits"]:
        reference = [_start_index(article, phrase) for phrase in variant[1:]]
        errors = [min((abs(r - c) for c in cuts), default=99) for r in reference]
        score = sum(errors) + 3 * abs(len(variant) - len(plan))
        if best is None or score < best[0]:
            best = (score, errors, variant)
    assert best is not None
    counts = {len(v) for v in spec["splits"]}
    return Evaluation(name, article, plan, len(plan) in counts, best[1], best[2])


def main() -> None:
    for name in expected():
        result = evaluate(name)
        print(
            f"== {name}: {len(result.plan)} lessons (ok: {result.count_ok}), boundary errors {result.boundary_errors}"
        )
        for lesson in result.plan:
            print(f"   {lesson.number} {lesson.words:4d}w  {lesson.title[:50]:<50} | {lesson.blocks[0].text[:40]!r}")


if __name__ == "__main__":
    main()
