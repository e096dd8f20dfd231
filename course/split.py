"""`course split`: read an article, plan its lessons and write the course project (course.toml + lessons/)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote

from .model import Article
from .plan import PlannedLesson, plan_lessons, slug_of
from .project import read_schedule, write_project
from .read import load_source, parse_article
from .text import FULL_STOPS


@dataclass
class SplitResult:
    """A written course project: where it is, the lessons planned, and whether course.toml was kept."""

    root: Path
    plan: list[PlannedLesson]
    kept_settings: bool
    backup: Path | None = None  # where the lessons it replaced were copied
    left_out: list[str] = field(default_factory=list)  # relative links and images, pictures embedded as data:
    unpunctuated: bool = False  # the prose has almost no sentence ends (an automatic transcript): cuts fall badly
    pictures: list[str] = field(default_factory=list)  # a Word document's or notebook's pictures, in pictures_dir
    pictures_of: str = ""  # the file (or address) that held them
    draft: bool = False  # the article's front matter says it is a draft

    @property
    def pictures_dir(self) -> Path:
        return self.root / PICTURES_DIR


PICTURES_DIR = "pictures"  # in the course folder: the pictures of a Word document or notebook, to put online


WORDS_PER_STOP = 60  # more words than this to each full stop: not written in sentences


def _hardly_punctuated(article: Article) -> bool:
    """The article's prose has almost no full stops (an automatic transcript): titles, subjects, preheaders and
    cuts fall at sentences, so they fall badly."""
    prose = " ".join(block.text for block in article.blocks if block.kind in ("paragraph", "list", "quote"))
    words = len(prose.split())
    return words >= 150 and words > WORDS_PER_STOP * sum(prose.count(stop) for stop in FULL_STOPS)


def split_to_project(article_location: str, out: Path | None = None, lessons: int | None = None,
                     title: str | None = None, author: str | None = None, base_url: str | None = None,
                     force: bool = False, stdin: BinaryIO | None = None, discard_edits: bool = False,
                     pin_days: bool = False) -> SplitResult:  # fmt: skip
    """Read an article, plan its lessons and write the course project (course.toml + lessons/). The lessons get
    no `day:` (they follow [schedule]) unless `pin_days`."""
    source = load_source(article_location, stdin=stdin)
    article = parse_article(source, base_url=base_url)
    if title:
        article.title = title.strip()
    if author:
        article.author = author.strip()
    root = out or Path(slug_of(article.title, 60) or "course")
    schedule = read_schedule(root)
    plan = plan_lessons(article, lessons, every_days=schedule.every, days=schedule.days)
    files = [
        {"file": f"{p.number:02d}-{p.slug}.md", "title": p.title, "subject": p.subject, "preheader": p.preheader,
         "day": p.day if pin_days else None, "markdown": p.markdown}
        for p in plan
    ]  # fmt: skip
    kept, backup = write_project(root, article.title, article.author or "", article.language,
                                 Path(source.name).name if not source.url else source.url, files, force=force,
                                 every_days=schedule.every, discard_edits=discard_edits)  # fmt: skip
    left_out = list(article.left_out)
    # a Word document's, a notebook's or a ZIP export's pictures, left out for want of an address: beside the
    # lessons, where that address leads ("images/image1.png", "Page%20abc/chart.png")
    saved = [name for name in source.pictures if f"image {name}" in left_out]
    for name in saved:
        target = root / PICTURES_DIR / unquote(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.pictures[name])
        left_out.remove(f"image {name}")
    return SplitResult(root, plan, kept, backup, left_out, _hardly_punctuated(article), pictures=saved,
                       pictures_of=source.url or Path(source.name).name, draft=article.draft)  # fmt: skip
