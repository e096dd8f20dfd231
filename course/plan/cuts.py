"""Plan lessons from article blocks: where to cut (fields.py then names each lesson).

Cuts fall only between blocks (the items of a long list count as blocks here). Each possible cut has a cost:
nothing before a section heading, little at the author's section break ("* * *"), more inside a section, more again
where the text on both sides shares its vocabulary, more between two items of a list, and no cut at all after a
heading or a lead-in, or inside a numbered item. A dynamic programme then
picks the cuts that keep lessons balanced at the lowest total cost; without a fixed count it compares 3 to 7 lessons
(more for a long article, so that its lessons stay a few minutes' reading; fewer for a short one, so that they are
not crumbs).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace

from ..errors import CourseError
from ..lazyre import lazy_compile
from ..model import Article, Block
from ..text import ITEM_NUMBER_RE, markdown_words_text, parsed, reading_minutes
from .fields import describe_lessons, heading_levels

MIN_LESSONS, MAX_LESSONS = 3, 7
LONGEST_COURSE = 30  # lessons: a month of daily emails, however long the article
LONG_LIST_ITEMS = 4  # items at least in a list that may be cut between them
AVOID = 25.0  # inside a numbered item or a lead-in's subsections: only when -n leaves no other choice
SEQUENCE_LABEL_RE = lazy_compile(r"(?i)^\s*(step|part|chapter|kapitel|teil)\s+\d+\b")  # "Step 2"
SEQUENCE_WORD_RE = lazy_compile(
    r"\b(chapter|part|section|step|lesson|day|week|point|tip|rule|kapitel|teil|abschnitt|schritt|chapitre|partie|"
    r"étape|capítulo|paso|parte)\b"
)

TOPIC_SHIFT_RE = lazy_compile(
    r"(?i)^(one more thing|one last thing|finally|lastly|in conclusion|to conclude|to sum up|in summary|p\.?s\.?\b|"
    r"zum schluss|abschließend|schließlich|zusammenfassend|enfin|pour conclure|en résumé|por último|finalmente|"
    r"en resumen|infine|in conclusione)\b"
)

# a paragraph that names the next of the author's points by its ordinal: "The second mistake was…", "My third
# point…" (an essay without headings numbers its parts so; a bare "Second," is too often mid-argument)
ORDINAL_OPENING_RE = lazy_compile(
    r"(?i)^(?:the|my|our|your)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|last|final)\s+"
    r"(?:mistake|lesson|point|thing|reason|step|idea|rule|principle|habit|problem|question|tip|trap|myth|sign)s?\b"
)


@dataclass(frozen=True)
class Weights:
    """The knobs of the lesson planner; the defaults were chosen against the editors' splits (docs/splitting.md)."""

    comfortable_min: int = 150  # words: shorter lessons feel thin
    lesson_floor: int = 80  # words: even in a short article, a lesson this short is too thin to send alone
    comfortable_max: int = 600  # words: under three minutes of reading, what a drip email should ask
    outside_range: float = 0.5  # cost of a lesson outside the comfortable range (squared, relative)
    too_long: float = 3.0  # cost per lesson of each comfortable_max of words beyond comfortable_max
    balance: float = 1.0  # cost of uneven lessons (squared deviation from the mean)
    per_lesson: float = -0.1  # cost of each lesson: negative prefers one more lesson when all else is equal
    item_bonus: float = 0.0  # reward for starting a lesson at a numbered item ("## 3. …")
    topic_shift_bonus: float = 0.6  # reward for cutting where the text says it changes topic ("One more thing.")
    section_break: float = 0.1  # cost of cutting at the author's own section break ("* * *"): almost a heading's
    parallel_headings: float = 1.0  # cost of separating headings that share words ("Good X" / "Bad X")
    intro_bonus: float = 0.7  # reward for a first lesson that is the article's whole introduction
    intro_min: int = 40  # words: an introduction shorter than this is not a lesson of its own
    long_list: int = 160  # words: a list this long may be cut between its items (most of a short tutorial)
    list_item_cut: float = 1.0  # cost of a cut between two items of such a list: only to balance the lessons


WEIGHTS = Weights()


@dataclass
class PlannedLesson:
    """One lesson of the plan: its blocks and the fields of its front matter."""

    number: int
    blocks: list[Block]
    title: str
    subject: str
    preheader: str
    slug: str
    day: int
    heading_is_title: bool = False  # the first block is a heading that says the title: the email shows it once

    @property
    def body_blocks(self) -> list[Block]:
        """The blocks of the lesson file's body: without the heading that became the title."""
        return self.blocks[1:] if self.heading_is_title else self.blocks

    @property
    def words(self) -> int:
        return sum(block.words for block in self.body_blocks)

    @property
    def minutes(self) -> int:
        return reading_minutes(self.words)

    @property
    def markdown(self) -> str:
        # without the heading that became the title: its subsections ("###") are the lesson's own top level, under
        # the title, as those of a lesson cut inside a section are
        levels = heading_levels(self.body_blocks)
        return "\n\n".join(_at_level(block, levels) for block in self.body_blocks).strip() + "\n"


def _at_level(block: Block, levels: dict[int, int]) -> str:
    """A block's Markdown, a heading at its level in the lesson (heading_levels)."""
    level = levels.get(id(block), block.level)
    return block.markdown if level == block.level else re.sub(r"^#+", "#" * level, block.markdown, count=1)


def plan_lessons(
    article: Article,
    lessons: int | None = None,
    every_days: int = 1,
    weights: Weights = WEIGHTS,
    days: tuple[int, ...] | None = None,
) -> list[PlannedLesson]:
    """Split the article into lessons; `lessons` fixes the count, otherwise 3–7 are compared, or as many as a
    long article needs for lessons of comfortable length (up to LONGEST_COURSE)."""
    blocks, items = _with_list_items(article.blocks, weights)
    atoms = _atoms(blocks)
    if lessons is not None:
        if lessons < 1:
            raise CourseError(f"--lessons must be at least 1, got {lessons}; leave -n out to let course choose")
        if lessons > len(atoms):
            raise CourseError(
                f"{article.source_name or 'the article'} can be cut into at most {len(atoms)} lessons "
                f"(it has {len(atoms)} blocks that can stand alone); use --lessons {len(atoms)} or fewer"
            )
        counts = [lessons]
    else:
        counts = _counts_to_compare(article.words, len(atoms), weights)
    costs = _cut_costs(blocks, atoms, weights, items.joiners)
    words = [sum(blocks[i].words for i in atom) for atom in atoms]
    best: tuple[float, list[int]] | None = None
    for count in counts:
        score, cuts = _best_cuts(words, costs, count, weights)
        if best is None or score < best[0] - 1e-9:
            best = (score, cuts)
    assert best is not None
    groups = _groups(atoms, best[1])
    grouped = [_lists_joined(group, blocks, items) for group in groups]
    return [
        PlannedLesson(number, lesson_blocks, *fields)
        for number, (lesson_blocks, fields) in enumerate(
            zip(grouped, describe_lessons(article, grouped, every_days, days), strict=True), start=1
        )
    ]


def _numbered(heading: str) -> bool:
    """A numbered item ("3. …", "III. …") or a step in a sequence ("Step 2")."""
    return bool(ITEM_NUMBER_RE.match(heading) or SEQUENCE_LABEL_RE.match(heading))


def _counts_to_compare(words: int, atoms: int, weights: Weights) -> list[int]:
    """3 to 7 lessons, and never more than give each `lesson_floor` words on average (a note of 150 words is one
    email, not three thin ones; 300 words with five headings make three lessons, not five of 60 words); for an
    article too long for 7 comfortable lessons, the counts around the one that makes them comfortable (up to
    LONGEST_COURSE), each planned in full, so no more than nine."""
    ideal = math.ceil(words / weights.comfortable_max)
    if ideal <= MAX_LESSONS:
        most = max(1, min(MAX_LESSONS, atoms, words // weights.lesson_floor))  # never lessons under the floor
        fewest = min(MIN_LESSONS, most)
        return list(range(fewest, most + 1))
    top = min(ideal, LONGEST_COURSE, atoms)
    return list(range(max(MIN_LESSONS, min(top - 4, atoms)), min(top + 4, LONGEST_COURSE, atoms) + 1))


def _atoms(blocks: list[Block]) -> list[list[int]]:
    """Runs of block indexes that must stay together: a heading with what follows, a lead-in with its list."""
    atoms: list[list[int]] = []
    current: list[int] = []
    for index, block in enumerate(blocks):
        current.append(index)
        glued = block.kind == "heading" or block.glue_next
        if index == 0 and block.kind == "quote":  # an epigraph: it opens the article, never a lesson of its own
            glued = True
        if block.kind == "image" and index + 1 < len(blocks) and blocks[index + 1].kind != "heading":
            glued = True
        if not glued or index == len(blocks) - 1:
            atoms.append(current)
            current = []
    if current:
        atoms.append(current)
    return atoms


def _content_words(text: str) -> Counter[str]:
    return Counter(w[:6] for w in re.findall(r"[^\W\d_]{4,}", text.lower()))


def _similarity(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(a[w] * b[w] for w in a.keys() & b.keys())
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


@dataclass(frozen=True)
class _Items:
    """How a long list was taken apart into one block per item: the list each item block came from, and what
    joined each item after a list's first to the item before."""

    lists: dict[int, Block]
    joiners: dict[int, str]


def _with_list_items(blocks: list[Block], weights: Weights) -> tuple[list[Block], _Items]:
    """The blocks with each long list (a tutorial's eight steps, most of a short article) as one block per item,
    so that a lesson may end between two steps when nothing else balances the lessons."""
    items = _Items({}, {})
    result: list[Block] = []
    for block in blocks:
        long = block.kind == "list" and block.words >= weights.long_list
        tokens = parsed(block.markdown) if long else ()
        starts = [token.map[0] for token in tokens if token.type == "list_item_open" and token.level == 1 and token.map]
        # a list of four items or more; of two or three when it is longer than a lesson should be (three numbered
        # points of 300 words each)
        few = len(starts) < (2 if block.words >= weights.comfortable_max else LONG_LIST_ITEMS)
        if few or starts[0] != 0:
            result.append(block)
            continue
        lines = block.markdown.split("\n")
        gap = 0
        for number, (start, end) in enumerate(itertools.pairwise([*starts, len(lines)])):
            item = lines[start:end]
            if number:
                items.joiners[len(result)] = "\n" * (gap + 1)
            gap = 0
            while item and not item[-1].strip():
                item.pop()
                gap += 1
            markdown = "\n".join(item)
            last = number == len(starts) - 1
            items.lists[len(result)] = block
            glue, apart = block.glue_next and last, block.break_before and not number
            result.append(
                Block("list", markdown, markdown_words_text(markdown).strip(), glue_next=glue, break_before=apart)
            )
    return result, items


def _lists_joined(group: list[int], blocks: list[Block], items: _Items) -> list[Block]:
    """A lesson's blocks, the items of a list it holds together joined again into one list as written (the very
    list, when it holds all of it)."""
    joined: list[Block] = []
    for _, run in itertools.groupby(group, key=lambda index: id(items.lists.get(index, blocks[index]))):
        indexes = list(run)
        first, source = blocks[indexes[0]], items.lists.get(indexes[0])
        if source is None:  # a block of the article's own: a run of one
            joined.append(first)
            continue
        markdown = first.markdown + "".join(items.joiners[index] + blocks[index].markdown for index in indexes[1:])
        if markdown == source.markdown:  # cut nowhere: the article's own block
            joined.append(source)
            continue
        glue = blocks[indexes[-1]].glue_next
        joined.append(replace(first, markdown=markdown, text=markdown_words_text(markdown).strip(), glue_next=glue))
    return joined


def _cut_costs(
    blocks: list[Block], atoms: list[list[int]], weights: Weights, later_items: Collection[int] = ()
) -> list[float]:
    """Cost of a cut before each atom (index 0 unused); negative where a cut is positively wanted.

    Cuts between a heading or lead-in and what follows do not exist (atoms keep them together); cuts inside a
    numbered item or a lead-in's subsections cost AVOID, so only an explicit lesson count can force them."""
    top_level = min((b.level for b in blocks if b.kind == "heading"), default=2)
    numbered_section = [False] * len(blocks)
    inside = False
    for i, block in enumerate(blocks):
        if block.kind == "heading" and block.level <= top_level:
            inside = _numbered(block.text)
        numbered_section[i] = inside
    lead_in_scope = _lead_in_scopes(blocks)
    vectors = [_content_words(b.text) for b in blocks]
    heading_words = [_heading_words(b) for b in blocks]
    costs = [0.0]
    for position in range(1, len(atoms)):
        first = atoms[position][0]
        block, previous = blocks[first], blocks[first - 1]
        if block.kind == "heading" and block.level <= top_level:
            cost = -weights.item_bonus if numbered_section[first] else 0.0
            intro = blocks[:first]
            opening = not any(b.kind == "heading" for b in intro) and sum(b.words for b in intro) >= weights.intro_min
            if opening and not numbered_section[first]:
                # the introduction of an essay is a first email of its own; a listicle's ("Below are the five
                # mistakes…") stays with its first item, which it announces
                cost -= weights.intro_bonus
            before = next((h for h in reversed(heading_words[:first]) if h), set())
            cost += weights.parallel_headings * _parallel(before, heading_words[first])
            costs.append(cost)
            continue
        if (numbered_section[first] and numbered_section[first - 1]) or lead_in_scope[first]:
            costs.append(AVOID)
            continue
        if block.break_before:
            costs.append(weights.section_break)
            continue
        if first in later_items:  # between two items of a long list
            costs.append(weights.list_item_cut)
            continue
        if block.kind == "heading":
            base = 0.35 if block.level == top_level + 1 else 0.6
            before = next((h for h in reversed(heading_words[:first]) if h), set())
            base += weights.parallel_headings * _parallel(before, heading_words[first])
        elif block.glue_next:
            base = 0.45
        elif previous.kind in ("list", "quote", "code", "table"):
            base = 0.6
        else:
            base = 0.8
        before_vec = vectors[max(0, first - 2)] + vectors[first - 1]
        after_vec = vectors[first] + (vectors[first + 1] if first + 1 < len(blocks) else Counter())
        cost = base * (0.5 + 1.5 * _similarity(before_vec, after_vec))
        if block.kind == "paragraph" and (TOPIC_SHIFT_RE.match(block.text) or ORDINAL_OPENING_RE.match(block.text)):
            cost -= weights.topic_shift_bonus
        costs.append(cost)
    return costs


def _heading_words(block: Block) -> set[str]:
    """Words that make two headings parallel ("Good Sales Management" / "Bad Sales Management"); numbered
    items and sequence labels ("Step 2", "Chapter 3") are a sequence, not a pair, so they have none."""
    if block.kind != "heading" or _numbered(block.text):
        return set()
    return set(re.findall(r"[^\W\d_]{3,}", SEQUENCE_WORD_RE.sub(" ", block.text.lower())))


def _parallel(before: set[str], after: set[str]) -> float:
    """Share of words two headings have in common; identical word sets ("Part A", "Part B") are a sequence."""
    if not before or not after or before == after:
        return 0.0
    return len(before & after) / len(before | after)


def _lead_in_scopes(blocks: list[Block]) -> list[bool]:
    """True for blocks inside what a lead-in introduces: "Here is what good looks like:" followed by
    subsections (a heading and its list, twice) keeps them all; the first plain paragraph ends the scope."""
    inside = [False] * len(blocks)
    for i, block in enumerate(blocks[:-1]):
        following = blocks[i + 1]
        if not (block.glue_next and following.kind == "heading"):
            continue
        level = following.level
        for j in range(i + 2, len(blocks)):
            other = blocks[j]
            if other.kind == "paragraph" or (other.kind == "heading" and other.level < level):
                break
            inside[j] = True
    return inside


def _best_cuts(words: list[int], costs: list[float], count: int, weights: Weights) -> tuple[float, list[int]]:
    """Minimum-cost placement of count-1 cuts (dynamic programme over atoms)."""
    n = len(words)
    prefix = [0]
    for w in words:
        prefix.append(prefix[-1] + w)
    total = prefix[-1] or 1
    mean = total / count
    low = min(weights.comfortable_min, max(weights.lesson_floor, total / count))
    high = weights.comfortable_max
    candidates = list(range(1, n))
    if len(candidates) > 300:  # very long articles: keep the cheapest cuts only
        candidates = sorted(sorted(candidates, key=lambda i: (costs[i], i))[:300])
    points = [0, *candidates, n]

    def lesson_cost(a: int, b: int) -> float:
        w = prefix[points[b]] - prefix[points[a]]
        deviation = (w - mean) / mean
        short = max(0.0, (low - w) / low)
        long = max(0.0, (w - high) / high)
        return (
            weights.balance * deviation * deviation
            + weights.outside_range * short * short
            + weights.too_long * long  # linear: past the limit, where to cut is the cut costs' choice
        )

    m = len(points)
    inf = math.inf
    best = [[inf] * m for _ in range(count + 1)]
    back = [[-1] * m for _ in range(count + 1)]
    best[0][0] = 0.0
    for c in range(1, count + 1):
        row = best[c - 1]
        for b in range(c, m):
            cut_cost = costs[points[b]] if b < m - 1 else 0.0
            for a in range(c - 1, b):
                if row[a] == inf:
                    continue
                value = row[a] + lesson_cost(a, b) + cut_cost
                if value < best[c][b]:
                    best[c][b] = value
                    back[c][b] = a
    if best[count][m - 1] == inf:
        return inf, []
    cuts = []
    b = m - 1
    for c in range(count, 0, -1):
        a = back[c][b]
        if a > 0:
            cuts.append(points[a])
        b = a
    return best[count][m - 1] + weights.per_lesson * count, sorted(cuts)


def _groups(atoms: list[list[int]], cuts: list[int]) -> list[list[int]]:
    groups = []
    edges = [0, *cuts, len(atoms)]
    for start, end in itertools.pairwise(edges):
        groups.append([i for atom in atoms[start:end] for i in atom])
    return groups
