"""Readers: plain text, Markdown and HTML become clean blocks, page furniture gone, the article's words kept."""

from __future__ import annotations

import difflib
import re
import tomllib

import pytest

from course.errors import CourseError
from course.read import Source, load_source, parse_article
from course.read.plaintext import parse as parse_plain_text
from course.read.sources import decode_bytes
from course.render.markdown import render_html
from course.text import words_of

from .conftest import ARTICLES, SEED

EXPECTED = tomllib.loads((ARTICLES / "expected.toml").read_text(encoding="utf-8"))


def _article(name: str):
    return parse_article(load_source(str(ARTICLES / name)))


def _body_text(article) -> str:
    return "\n".join(block.markdown for block in article.blocks)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_articles_lose_their_noise_and_keep_their_author(name: str) -> None:
    article = _article(name)
    body = _body_text(article)
    for noise in EXPECTED[name]["noise"]:
        assert noise not in body, f"{noise!r} leaked into {name}"
    assert (article.author or "") == EXPECTED[name]["author"]
    assert article.language == "en"
    assert article.title


def test_seed_keeps_every_article_word_in_order() -> None:
    raw = SEED.read_text(encoding="utf-8")
    start = raw.index("Are you scratching")
    end = raw.index("discuss it further.") + len("discuss it further.")
    expected = words_of(raw[start:end])
    article = parse_article(load_source(str(SEED)))
    got = words_of(" ".join(block.text for block in article.blocks))
    assert got == expected
    assert article.title == "Sales Manager or Leader?"
    assert article.author == "Alistair Hopkins"


def test_seed_structure() -> None:
    article = parse_article(load_source(str(SEED)))
    headings = [(b.level, b.text) for b in article.blocks if b.kind == "heading"]
    assert headings == [
        (2, "Good Sales Management"),
        (2, "Bad Sales Management"),
        (2, "Good Sales Leadership"),
        (2, "Bad Sales Leadership"),
        (3, "Sales Management"),
        (3, "Sales Leadership"),
    ]
    lists = [b for b in article.blocks if b.kind == "list"]
    assert [b.markdown.count("\n- ") + 1 for b in lists] == [4, 5]


@pytest.mark.parametrize("name", ["02-google-code-review-speed.md", "04-diveintohtml5-five-things-html5.html"])
def test_corpus_words_are_kept(name: str) -> None:
    """At least 97% of the visible article words survive, in order."""
    article = _article(name)
    got = words_of(" ".join(b.text for b in article.blocks))
    source = load_source(str(ARTICLES / name))
    if source.kind == "html":
        import lxml.html

        root = lxml.html.document_fromstring(source.text)
        prose = [
            e.text_content()
            for e in root.iter("p", "li", "h2", "blockquote")
            if not list(e.iterancestors("blockquote", "div"))
        ]
        reference = words_of(" ".join(prose))
    else:
        reference = words_of(source.text.split("\n", 1)[1].rsplit("Next:", 1)[0])
    matcher = difflib.SequenceMatcher(a=reference, b=got, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    assert kept / len(reference) >= 0.97


def test_plain_text_chapters_bylines_and_lists() -> None:
    text = """MENU
home

The Long Walk

By Jane Doe

Chapter 1: Leaving

It was early when we left the village, and the road was still wet from the rain.

We walked for hours.

CHAPTER 2: THE RIVER

The river was wider than anyone had said. Three things helped us cross it:

1. a rope
2. patience
3. a very patient mule

> Cross where the water is slow,
> said the ferryman.

    Epilogue

We made it.

Share this post
Related posts
"""
    article = parse_plain_text(text)
    assert article.title == "The Long Walk"
    assert article.author == "Jane Doe"
    kinds = [(b.kind, b.text.split("\n")[0]) for b in article.blocks]
    assert kinds[0] == ("heading", "Chapter 1: Leaving")
    assert ("heading", "CHAPTER 2: THE RIVER") in kinds
    assert ("heading", "Epilogue") in kinds
    assert ("list", "a rope") in kinds
    assert ("quote", "Cross where the water is slow, said the ferryman.") in kinds
    assert not any("Share" in b.text or "Related" in b.text or "MENU" in b.text for b in article.blocks)
    lead_in = next(b for b in article.blocks if b.text.endswith("cross it:"))
    assert lead_in.glue_next


def test_plain_text_without_headings_is_all_paragraphs() -> None:
    paragraphs = [f"This is paragraph number {i}, and it says something long enough to be prose." for i in range(12)]
    article = parse_plain_text("\n\n".join(paragraphs))
    assert [b.kind for b in article.blocks] == ["paragraph"] * 12


def test_markdown_footnotes_travel_with_their_paragraph() -> None:
    text = """---
title: Notes
author: Ann Example
lang: de
---

# Notes

First paragraph cites a source.[^src]

<NewsletterForm />

{POLL}

## Second section

Second paragraph.

[^src]: The source, with details.
"""
    article = parse_article(Source("notes.md", "markdown", text))
    assert article.title == "Notes"
    assert article.author == "Ann Example"
    assert article.language == "de"
    first = article.blocks[0]
    assert "[^src]:" in first.markdown and "The source, with details." in first.markdown
    body = _body_text(article)
    assert "NewsletterForm" not in body and "{POLL}" not in body


def test_relative_links_resolve_against_a_base_or_become_text() -> None:
    text = "# T\n\nSee [the guide](guide.html) and ![a chart](img/chart.png) and [absolute](https://x.example/a).\n"
    without = parse_article(Source("a.md", "markdown", text))
    assert without.blocks[0].markdown == "See the guide and  and [absolute](https://x.example/a)."
    based = parse_article(Source("a.md", "markdown", text), base_url="https://blog.example/posts/")
    assert "[the guide](https://blog.example/posts/guide.html)" in based.blocks[0].markdown
    assert "![a chart](https://blog.example/posts/img/chart.png)" in based.blocks[0].markdown


def test_encodings_are_detected() -> None:
    text = "Über die Brücke gehen wir jeden Morgen, und die Straße ist lang und schön."
    assert decode_bytes(text.encode("cp1252"), "x.txt") == text
    assert decode_bytes(text.encode("utf-16"), "x.txt") == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode(), "x.txt") == text
    polish = "Zażółć gęślą jaźń: każdy świerszcz śpiewa źle, a żółw chodzi wolno po łące i cieszy się słońcem."
    assert decode_bytes(polish.encode("cp1250"), "x.txt") == polish  # not read as Windows-1252, which also decodes
    russian = "Съешь же ещё этих мягких французских булок, да выпей чаю. Это предложение содержит все буквы."
    assert decode_bytes(russian.encode("cp1251"), "x.txt") == russian


def test_a_whitepaper_copied_out_of_a_pdf_and_saved_by_windows_reads_as_its_author_wrote_it() -> None:
    """The whole of a PDF copy (tests/articles/SOURCES.md): Windows-1252 whose only other characters are "•" and
    "©" read as a Baltic code page ("Ģ Send a written summary…", the list lost; among encodings that read a text
    equally cleanly, Windows-1252 is the likeliest), and the cover, the contents, the page numbers, the broken
    words, the run-on paragraphs and the bio are each read as the rules above say."""
    article = _article("synthetic-pdf-copy-whitepaper.txt")
    assert (article.title, article.author) == ("The Retention Playbook for Independent Consultants", "Marta Lindqvist")
    assert [block.text for block in article.blocks if block.kind == "heading"] == [
        "1. Why clients leave", "2. The first ninety days", "3. Quarterly value reviews", "4. Pricing for the long run"
    ]  # fmt: skip
    lists = [block.markdown for block in article.blocks if block.kind == "list"]
    assert lists == [
        "- Send a written summary after every meeting, the same day.\n"
        "- Name one measurable outcome in week one and report on it every Friday.\n"
        "- Introduce yourself to the person who signs the invoice, not just the person who hired you."
    ]
    text = " ".join(block.text for block in article.blocks)
    assert "consultant's point of contact" in text and "the answer becomes part" in text
    for furniture in ("Contents", "....", "Page", " 2 ", "spreadsheet. 2", "About the author", "©", "Edition"):
        assert furniture not in text, furniture
    assert article.blocks[-1].text == "Keep the conversation about outcomes and the price follows."


def test_restructured_text_reads_as_its_blog_shows_it() -> None:
    """A blog post in reStructuredText (tests/articles/SOURCES.md) was read as plain text: the fields under the
    title titled the first lesson (":author: Priya Raman"), directives and roles reached the lessons as written
    (".. code-block:: python", ":ref:`…`", "``503``" escaped), the list-table became a list of dashes and the code
    lost its indentation. docutils reads it now, as the blog's build does; what only a build needs goes, and
    nothing is read from disk or passed through raw."""
    article = _article("synthetic-sphinx-blog-post.rst")
    assert (article.title, article.author) == ("Retrying HTTP calls without making things worse", "Priya Raman")
    assert [block.text for block in article.blocks if block.kind == "heading"] == [
        "Decide what is worth retrying", "Back off, and add jitter", "Put a limit on it"
    ]  # fmt: skip
    markdown = _body_text(article)
    assert "fail[^1]. The instinct (see the backoff section) is to wrap it in a loop" in markdown
    assert "[^1]: Counted from our own logs over a year." in markdown
    assert "A `400 Bad Request` will fail" in markdown and "| 500, 502, 503, 504 | Yes |" in markdown
    assert "**Status codes and what to do**\n| Status | Retry? |" in markdown  # the table's caption, as a label
    assert "> **Note**\n>\n> Treat `POST` requests with care" in markdown
    assert "with `backoff`:" in markdown
    assert "**retry.py**\n```python\nimport random\n\ndef backoff(attempt, base=0.5, cap=30.0):\n    return" in markdown
    assert "```pycon\n>>> backoff(0) <= 0.5\nTrue\n```" in markdown
    assert "*New in version 2.1:* The limit is configurable." in markdown
    assert "**max\\_attempts (int)**" in markdown and "> **See also**\n>\n> The `tenacity` library." in markdown
    assert markdown.rstrip().endswith("Thanks for reading,  \nPriya")
    for left_out in ("On this page", "other-post", "2026-03-14", "python, http", "root:", "script", "tracking", ".. "):
        assert left_out not in markdown, left_out
    assert article.left_out == ["file /etc/passwd", "raw html"]  # said after the split, as a picture left out is


def test_a_file_a_post_includes_is_said_to_be_left_out(tmp_path) -> None:
    """`.. include::` and Sphinx's `.. literalinclude::` bring in files course does not read (a setup snippet, the
    code the post is about), and a site's extensions write blocks docutils does not know: all were dropped without
    a word."""
    from .conftest import run

    prose = "Retrying a call is easy; retrying it without making an outage worse takes three small rules. " * 2
    post = tmp_path / "post.rst"
    post.write_text(
        f"Retries\n=======\n\n{prose}\n\n.. literalinclude:: ../src/retry.py\n   :language: python\n   :lines: 1-10\n\n"
        f".. include:: snippets/setup.rst\n\n{prose}\n"
    )
    result = run("split", str(post), "-o", str(tmp_path / "course"))
    assert result.exit_code == 0, result.output
    assert "Left out 2 files it includes (snippets/setup.rst, ../src/retry.py): course reads the article alone" in (
        result.output
    )
    # a Sphinx extension's block (sphinx-tabs' "tab", "mermaid") docutils drops: said too, its names once each
    tabs = tmp_path / "tabs.rst"
    tabs.write_text(
        f"Install\n=======\n\n{prose}\n\n.. tab:: Python\n\n   Use pip.\n\n.. mermaid::\n\n   graph TD; A-->B\n\n"
        ".. tab:: Node\n\n   Use npm.\n"
    )
    result = run("split", str(tabs), "-o", str(tmp_path / "tabs"))
    assert "Left out 3 blocks of directives docutils does not know (tab, mermaid)" in result.output


def test_restructured_text_is_known_by_its_marks_and_a_nikola_posts_fields_name_it() -> None:
    """A .txt (or text with no name) written in reStructuredText is read as such when it shows two of its marks; one
    alone ("Note::" in prose) is not enough, and Markdown and plain text stay what they are. Nikola keeps the title
    and author in comments at the top (".. title: …"); its ".. youtube::" is a link to the video."""
    from course.read.sources import kind_of

    nikola = (
        ".. title: What code review taught me\n.. slug: review\n.. author: Tomás Ferreira\n\n"
        "I have reviewed four thousand pull requests. Most of what I believed was wrong.\n\n"
        "Small is kind\n-------------\n\nA 40-line change gets a careful read. See `the guide <https://example.com>`_.\n\n"
        ".. code:: text\n\n   [ ] Does the description say why?\n"
    )
    assert kind_of(nikola, suffix=".txt") == kind_of(nikola) == "rst"
    article = parse_article(Source("post.rst", "rst", nikola))
    assert (article.title, article.author) == ("What code review taught me", "Tomás Ferreira")
    assert [block.kind for block in article.blocks] == ["paragraph", "heading", "paragraph", "code"]
    talk = "Talk\n====\n\n" + "My talk at the conference, about retries and where they go wrong. " * 2
    video = parse_article(Source("talk.rst", "rst", talk + "\n\n.. youtube:: dQw4w9WgXcQ\n   :width: 640\n"))
    assert (
        video.blocks[-1].markdown == "[▶ youtube.com/watch?v=dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"
    )
    assert kind_of("Run it like so::\n\n    make test\n\nThen read the report.", suffix=".txt") == "text"
    assert kind_of("# Title\n\nSee [the docs](https://example.com) and **this**.\n\n## Two\n\nMore.") == "markdown"


def test_a_blogs_pointer_to_another_post_goes() -> None:
    """ "**Related:** How to price a retainer" between two paragraphs (its link left out, a relative address) read as
    a title pointing nowhere; with its link it points away from the course. It goes, in any language the reader
    knows; the author's "See also" and a sentence after "Related:" stay."""
    prose = "Most quarterly reviews are a slide deck of everything the agency did, read aloud to the client. " * 2
    page = (
        f"<article><h1>Quarterly reviews</h1><p>{prose}</p><p><strong>Related:</strong> "
        '<a href="/blog/retainers">How to price a retainer without undercharging</a></p>'
        f"<p>{prose}</p><p>Lire aussi : <a href='https://example.com/x'>Fixer ses prix</a></p>"
        "<p>See also: <a href='https://example.com/docs'>the review template</a></p>"
        f"<p>Related: this is also why we stopped billing by the hour.</p><p>{prose}</p></article>"
    )
    texts = [block.text for block in parse_article(Source("qbr.html", "html", page)).blocks]
    assert not any("retainer" in text or "Fixer" in text for text in texts)
    assert "See also: the review template" in texts
    assert "Related: this is also why we stopped billing by the hour." in texts


def test_a_linkedin_newsletter_article_copied_as_text_keeps_only_the_article() -> None:
    """LinkedIn's page copied whole: the newsletter's name (twice), its description, the byline, the author's
    headline, the date and "+ Follow" above the title made the first lesson's title "Founder at Okoro Studio | I
    help…" and its opening paragraph; "Like", "Comment", "Share", the counts and "Report this article" under the
    sign-off closed the last lesson, and the sign-off "Daniel" became a heading."""
    prose = "Every proposal I send now starts with three questions, asked on the first call. " * 3
    text = (
        "The Agency Owner's Letter\nThe Agency Owner's Letter\nWeekly notes on running a services business.\n"
        "By Daniel Okoro\nFounder at Okoro Studio | I help agencies price with confidence\nPublished Mar 12, 2026\n\n"
        f"+ Follow\n\nThree questions I ask before every proposal\n\n{prose}\n\n{prose}\n\n{prose}\n\n"
        "What do you ask before you write a proposal?\n\nDaniel\n\nLike\nComment\nShare\n128\n14 comments\n"
        "Report this article\n\nDaniel Okoro\nFounder at Okoro Studio | I help agencies price with confidence\nFollow\n"
    )
    article = parse_plain_text(text)
    assert (article.title, article.author) == ("Three questions I ask before every proposal", "Daniel Okoro")
    assert [block.kind for block in article.blocks] == ["paragraph"] * 5
    assert article.blocks[0].text.startswith("Every proposal") and article.blocks[-1].text == "Daniel"


def test_a_newsletters_poll_on_the_issue_and_its_referral_link_go() -> None:
    """A beehiiv issue: "How did you like today's issue?" over three voting links ("🔥 Loved it"…) and "Share The
    Operator with a friend… [Your referral link]" closed the last lesson; the course's reader answers by replying,
    and the links count votes and referrals for an issue the course is not. A question of the author's with links
    in its answer stays."""
    prose = "Last year I filled a senior role in nine days, and four months later we parted ways at great cost. " * 2
    page = (
        f"<article><h1>Hire slower</h1><p>{prose}</p><p><strong>How did you like today's issue?</strong></p>"
        '<p><a href="https://x.example/p?v=3">🔥 Loved it</a></p>'
        '<p><a href="https://x.example/p?v=2">👍 It was OK</a></p>'
        '<p><a href="https://x.example/p?v=1">👎 Not for me</a></p><p>See you next Tuesday,<br>Maya</p>'
        '<p>Share The Operator with a friend and get our templates. <a href="https://x.example/refer">Your referral '
        "link</a></p></article>"
    )
    texts = [block.text for block in parse_article(Source("issue.html", "html", page)).blocks]
    assert not any("today's issue" in text or "Loved it" in text or "referral" in text for text in texts)
    assert texts[-1].startswith("See you next Tuesday")
    asked = f"<article><h1>Tools</h1><p>{prose}</p><p>How did you like the tools?</p>"
    asked += "<p><a href='https://a.example'>Ansible</a></p></article>"
    assert "Ansible" in [block.text for block in parse_article(Source("tools.html", "html", asked)).blocks]


def test_a_pdfs_ligatures_and_soft_hyphens_are_plain_letters() -> None:
    """Text copied out of a PDF carries its typesetting: ligature characters ("ﬁrst", "ofﬁce", "ﬂag"), which reached
    subject lines and every word count, and a soft hyphen where a word was broken at a line's end ("reten\u00ad" /
    "tion"), which left the word in two."""
    text = (
        "The ﬁrst days\n\nThe ﬁrst days in the ofﬁce set the pattern; we ﬂag every delay and reten\u00ad\ntion goes.\n"
    )
    article = parse_article(Source("x.txt", "text", decode_bytes(text.encode(), "x.txt")))
    assert article.title == "The first days"
    assert (
        article.blocks[0].text
        == "The first days in the office set the pattern; we flag every delay and retention goes."
    )


def test_german_article_is_detected_as_german() -> None:
    text = (
        "Warum gute Führung wichtig ist\n\n"
        + "Eine gute Führungskraft hört zu, bevor sie entscheidet. Sie gibt dem Team eine klare Richtung "
        "und sorgt dafür, dass jeder weiß, was von ihm erwartet wird.\n\n" * 3
    )
    article = parse_article(Source("fuehrung.txt", "text", text))
    assert article.language == "de"


def test_page_without_article_is_an_error() -> None:
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
        "<footer>© 2024 Someone</footer></body></html>"
    )
    with pytest.raises(CourseError, match="no article text"):
        parse_article(Source("p.html", "html", page))


def test_a_txt_file_written_in_markdown_is_read_as_markdown(tmp_path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        "# Title\n\n## First part\n\nSome **bold** words in a sentence of its own.\n\n## Second part\n\n- a\n- b\n"
    )
    article = parse_article(load_source(str(path)))
    assert article.title == "Title"
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["First part", "Second part"]
    assert "**bold**" in article.blocks[1].markdown


def test_mdx_and_site_generator_artefacts_are_not_prose() -> None:
    text = """---
title: Shipping faster
---

import Chart from '../components/Chart'
export const meta = { draft: false }

Teams that ship faster do fewer things at once.

:::note Worth knowing
Small batches are easier to review.
:::

{% include newsletter.html %}
{: .lead}

<Chart data={points} />

## Why it works

Less work in progress means less waiting.
"""
    article = parse_article(Source("post.mdx", "markdown", text))
    body = "\n".join(b.markdown for b in article.blocks)
    for artefact in ("import Chart", "export const", ":::", "{% include", "{: .lead}", "<Chart"):
        assert artefact not in body
    assert "> **Worth knowing**  \n> Small batches are easier to review." in body  # the admonition, titled
    assert [b.kind for b in article.blocks] == ["paragraph", "quote", "heading", "paragraph"]


def test_headings_written_straight_above_their_text() -> None:
    text = (
        "A Short Story\n\nChapter 1: The Start\nIt was early, and the road was still wet from the night's rain.\n"
        "We walked for hours before anyone spoke.\n\n"
        "Chapter 2: The River\nThe river was wider than anyone had said.\n\n"
        "What We Learned:\n- Bring a rope.\n- Bring patience.\n"
    )
    article = parse_plain_text(text)
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    assert headings == ["Chapter 1: The Start", "Chapter 2: The River", "What We Learned"]
    first_paragraph = next(b for b in article.blocks if b.kind == "paragraph")
    assert first_paragraph.text.startswith("It was early") and "We walked for hours" in first_paragraph.text


def test_html_page_without_article_or_main_element() -> None:
    """A made-up blog page (tests/articles/synthetic-…): content in plain divs beside a sidebar and comments."""
    article = _article("synthetic-blog-without-article-element.html")
    assert article.title == "Five habits of calm teams"
    assert article.author == "Priya Raman"  # the byline wins over the copyright holder
    body = _body_text(article)
    for noise in ("Posted on", "Northwind | Notes", "Popular notes", "Leave a comment", "Share this", "Copyright"):
        assert noise not in body
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    assert headings[0] == "They write things down" and len(headings) == 5
    assert body.rstrip().endswith("write one decision down and share it.")


def test_bylines_captions_and_unsafe_links_in_markdown() -> None:
    text = (
        "# How we review code\n\n*By Priya Raman · 12 minute read*\n\nCode review is where most teams lose a day "
        "without noticing, and here is how we got ours under one.\n\n<NewsletterForm />\n\n"
        "![A chart](https://example.com/chart.png)\n\n<Caption>Source: [New Yorker](https://example.com/c)</Caption>"
        "\n\nSee [this trick](javascript:alert(1)) and <Tooltip>a short hint</Tooltip> inline, then "
        "[a safe one](https://example.com/a_(b)).\n\n<Button>Go</Button>\n"
    )
    article = parse_article(Source("post.md", "markdown", text))
    body = "\n\n".join(b.markdown for b in article.blocks)
    assert article.author == "Priya Raman"
    assert "12 minute read" not in body and "Priya" not in body
    assert "Source: [New Yorker](https://example.com/c)" in body and "<Caption>" not in body
    assert "See this trick and a short hint inline" in body and "javascript" not in body
    assert "[a safe one](https://example.com/a_(b))" in body
    assert "Go" not in body.split() and "NewsletterForm" not in body


def test_a_slug_is_not_an_author() -> None:
    text = "---\ntitle: T\nauthor: lior-neu-ner\n---\n\nA paragraph long enough to count as the article's own text.\n"
    assert parse_article(Source("post.md", "markdown", text)).author is None


def test_a_letter_keeps_its_sign_off_and_is_signed_by_its_author() -> None:
    text = (
        "A letter to a new lead\n\nDear Maya,\n\nYou asked what I wish someone had told me when I first led a team, "
        "and it comes down to habits.\n\nBook your one-to-ones before the quarter starts and protect them.\n\n"
        "Warm regards,\n\nDaniel\n\nRecent Posts\n\nSee All\n"
    )
    article = parse_plain_text(text)
    assert [b.text for b in article.blocks][-2:] == ["Warm regards,", "Daniel"]
    assert article.author == "Daniel"


def test_a_text_signed_with_a_name_alone_keeps_it_and_is_signed_by_it() -> None:
    """A plain text that ends with the author's name under its last paragraph, without "Best," above it: the
    name was taken for page furniture (a short line without a full stop) and dropped. A last line the article
    speaks of ("Sales Leadership", a tag) or the page's ("Comments") still goes."""
    body = (
        "How we plan\n\nEvery quarter we lose a week to planning, and for years it made a document nobody read "
        "again. This is the version we kept after trying four others, and it fits in two days.\n\nWe send the "
        "memo the same afternoon. If it takes longer than that, the plan was not clear enough.\n\n"
    )
    article = parse_plain_text(body + "Daniel\n")
    assert [b.text for b in article.blocks][-1] == "Daniel" and article.author == "Daniel"
    assert parse_plain_text(body + "Daniel Okafor\n").author == "Daniel Okafor"
    with_address = body.replace("in two days.", "in two days (ask daniel@example.com).")  # not the word "Daniel"
    assert parse_plain_text(with_address + "Daniel\n").author == "Daniel"
    for furniture in ("Planning Memo", "Comments", "Share", "See All", "Cheers", "Enjoy", "The End"):
        article = parse_plain_text(body + furniture + "\n")
        assert article.blocks[-1].text.endswith("not clear enough.") and article.author is None, furniture


def test_a_plain_text_list_keeps_its_nesting() -> None:
    """A list copied out of a document nests its sub-items with a tab or spaces ("●" then a tab and "○"), or with
    Word's markers: they were flattened into the list above them (Word's "o Install the image" ran into the item
    above), a question's follow-ups read as questions of their own. A wobble of a column (copied text) is the same
    level; a bullet under a numbered item nests in it."""
    intro = "For each item of the last quarter we ask three questions, in this order, and write the answers down:\n"
    text = f"Planning\n\n{intro}\n●\tDid it ship?\n●\tDid it move the number?\n\t○\tIf not, why?\n\t○\tIs it the "
    text += "right number?\n●\tWhat would we change?\n\nThen the memo:\n\n1. The five items.\n   - one line each\n"
    text += "2. Who owns them.\n\nAnd a list copied unevenly:\n\n- one\n - two\n- three\n"
    lists = [b.markdown for b in parse_plain_text(text).blocks if b.kind == "list"]
    assert lists == [
        "- Did it ship?\n- Did it move the number?\n  - If not, why?\n  - Is it the right number?\n"
        "- What would we change?",
        "1. The five items.\n   - one line each\n2. Who owns them.",
        "- one\n- two\n- three",
    ]
    # Word saves a list as text with "o" and "§" (then a tab) for its second and third levels, not indented
    word = f"Planning\n\n{intro}\n•\tOrder the laptop\no\tInstall the image\n•\tCreate the accounts\n§\tEmail first\n"
    assert [b.markdown for b in parse_plain_text(word).blocks if b.kind == "list"] == [
        "- Order the laptop\n  - Install the image\n- Create the accounts\n  - Email first"
    ]


def test_a_page_of_navigation_is_not_an_article() -> None:
    page = (
        "<html><head><title>Acme | Home</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        "<div class='hero'><h1>Welcome to Acme</h1><p>Book a call</p></div><footer>© 2024 Acme</footer></body></html>"
    )
    with pytest.raises(CourseError, match=r"no article text found \(3 words besides headings"):
        parse_article(Source("home.html", "html", page))


SCRAPED_POST = """Menu
Home
Blog

Three habits of calm project leads

Posted on 2 June 2025 by Ines Ferreira
4 Comments

Calm leads are not born calm. They build a few habits that keep surprises small, and the habits can be learned by anyone who runs a project.

Writing the plan down

A plan in someone's head is a plan nobody can check. Write the goal, the date and the three biggest risks on one page, and share it on the first day.

Saying no early

Every late surprise I have seen started as a small yes. Decline work that does not serve the goal while it is still cheap to decline.

P.S. this is not a heading, and the post goes on after it with enough words to be a paragraph of its own.

Ines

P.S. The one-page plan template is on my site.

Share this:
Twitter
LinkedIn

Related

4 thoughts on "Three habits of calm project leads"

Marco says:
3 June 2025 at 10:02
Great post. We tried the one-page plan and it works.

Leave a Reply

© 2025 Ines Ferreira · Privacy
"""  # noqa: E501  (a scraped page: one line per paragraph)


def test_a_scraped_post_ends_at_its_sign_off_with_sentence_case_headings() -> None:
    """What a blog platform puts under a post goes (sharing, related posts, comments, copyright), the author's
    first name and P.S. stay; headings written as sentences are headings."""
    article = parse_plain_text(SCRAPED_POST)
    assert article.title == "Three habits of calm project leads" and article.author == "Ines Ferreira"
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    assert headings == ["Writing the plan down", "Saying no early"]
    texts = [b.text for b in article.blocks]
    assert texts[-2:] == ["Ines", "P.S. The one-page plan template is on my site."]
    assert not any(word in " ".join(texts) for word in ("Share", "Marco", "Leave a Reply", "©", "thoughts on"))


def test_a_post_without_a_sign_off_loses_what_the_platform_puts_under_it() -> None:
    text = SCRAPED_POST.replace("\nInes\n\nP.S. The one-page plan template is on my site.\n", "")
    texts = [b.text for b in parse_plain_text(text).blocks]
    assert texts[-1].startswith("P.S. this is not a heading") and "Marco" not in " ".join(texts)


def test_embedded_videos_become_links_to_their_pages() -> None:
    """An email cannot play an embed: a player from a video host (or a <video>) becomes a link to its page,
    titled as the embed was; an advert's iframe still goes. A gist's script (its code, written in by a script no
    email runs, was lost without a word) is a link to the gist."""
    page = (
        "<html><body><article><h1>Teaching with video</h1><p>This short clip shows a real lesson, with the "
        "children's permission, and I talk about it below.</p>"
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=30" title="A Scratch lesson"></iframe>'
        '<p>The second one is a talk.</p><iframe src="//player.vimeo.com/video/76979871" '
        'title="Vimeo video player"></iframe>'
        '<p>And a clip of ours.</p><video controls><source src="https://example.org/clip.mp4"></video>'
        '<p>And one more.</p><iframe src="https://www.youtube.com/embed/abc123XYZ"></iframe>'
        '<iframe src="https://ads.example.net/banner?id=3"></iframe><p>That is all.</p></article></body></html>'
    )
    markdown = "\n\n".join(_html_markdown(page)[1])
    assert "[▶ A Scratch lesson](https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in markdown
    assert "[▶ vimeo.com/76979871](https://vimeo.com/76979871)" in markdown
    assert "[▶ example.org/clip.mp4](https://example.org/clip.mp4)" in markdown
    assert "[▶ youtube.com/watch?v=abc123XYZ](https://www.youtube.com/watch?v=abc123XYZ)" in markdown  # untitled
    assert "ads.example.net" not in markdown
    gist = (
        '<article><h1>Docs</h1><p>The build script:</p><script src="https://gist.github.com/ravi/ab12cd.js"></script>'
    )
    gist += "<p>It runs in a minute and fails on a broken link, which is the whole point of running it.</p></article>"
    assert "[gist.github.com/ravi/ab12cd](https://gist.github.com/ravi/ab12cd)" in _html_markdown(gist)[1]


def _html_markdown(page: str) -> tuple[str, list[str]]:
    article = parse_article(Source("page.html", "html", page))
    return article.title, [block.markdown for block in article.blocks]


def test_a_picture_inside_a_link_to_itself_is_resolved_or_left_out_whole() -> None:
    """Notion's and Google's HTML wrap each picture in a link to the picture file. Without a base, the link went
    and the picture inside it stayed with its relative address (no reader could load it), its caption under it,
    and the split reported a link, not the picture (so a zipped export's picture was not saved); with a base, the
    link was resolved and the picture inside it was not."""
    prose = "<p>Plan the onboarding call like a workshop: an agenda the day before, a recap the day after.</p>"
    page = (
        f'<html><body><article><h1>Onboarding</h1>{prose}<figure class="image"><a href="Onboarding%20a1/agenda.png">'
        '<img src="Onboarding%20a1/agenda.png"/></a><figcaption>The agenda I send the day before</figcaption>'
        f"</figure>{prose.replace('Plan', 'Run')}</article></body></html>"
    )
    article = parse_article(Source("page.html", "html", page))
    assert [b.markdown for b in article.blocks] == [prose[3:-4], prose[3:-4].replace("Plan", "Run")]
    assert article.left_out == ["image Onboarding%20a1/agenda.png"]
    article = parse_article(Source("page.html", "html", page), base_url="https://example.com/p/")
    picture = "https://example.com/p/Onboarding%20a1/agenda.png"
    assert f"[![]({picture})]({picture})" in [b.markdown for b in article.blocks]
    assert article.left_out == []


def test_a_pictures_caption_goes_with_the_picture_when_it_is_left_out() -> None:
    """A figure whose picture has a relative address and no base to resolve it: the picture was left out (and said
    so after the split) but its caption stayed, a line describing nothing ("The five parts, with the minutes we give
    each."). The caption goes with it (a <figcaption>, a Hugo figure's caption); with a base, both stay; a paragraph
    after a bare picture is prose and stays."""
    page = (
        "<html><body><article><h1>Discovery calls</h1><p>Most discovery calls fail in the first five minutes, and the "
        'consultant never notices it.</p><figure><img src="/img/timeline.png" alt="Timeline"><figcaption>The five '
        "parts, with the <em>minutes</em> we give each.</figcaption></figure><p>Start broad and then go one level "
        'deeper each time you ask.</p><p><img src="/img/flow.png" alt="Flow"></p><p>The flow is the same on every '
        "call.</p></article></body></html>"
    )
    article = parse_article(Source("p.html", "html", page))
    assert [block.text for block in article.blocks] == [
        "Most discovery calls fail in the first five minutes, and the consultant never notices it.",
        "Start broad and then go one level deeper each time you ask.",
        "The flow is the same on every call.",
    ]
    assert article.left_out == ["image /img/timeline.png", "image /img/flow.png"]
    based = parse_article(Source("p.html", "html", page), base_url="https://example.com/")
    assert "The five parts, with the minutes we give each." in [block.text for block in based.blocks]
    hugo = (
        "# Calls\n\nMost discovery calls fail in the first five minutes, and nobody notices it at all.\n\n"
        '{{< figure src="/img/timeline.png" alt="Timeline" caption="The five parts." >}}\n\nStart broad.\n'
    )
    assert [block.text for block in parse_article(Source("calls.md", "markdown", hugo)).blocks][1:] == ["Start broad."]


def test_a_subtitle_is_the_opening_line_not_a_section() -> None:
    page = (
        "<html><body><article><div><h1>The quiet power of weekly reviews</h1>"
        "<h3>Thirty minutes on a Friday that saves you a day on Monday</h3></div><div>"
        "<p>Every Friday at three I spend thirty minutes looking back at the week, and it changed my work.</p>"
        "<h2>What a weekly review is</h2><p>A short, fixed appointment with yourself, once a week, for the week.</p>"
        "</div></article></body></html>"
    )
    title, blocks = _html_markdown(page)
    assert title == "The quiet power of weekly reviews"
    assert blocks[0] == "Thirty minutes on a Friday that saves you a day on Monday"  # a paragraph, not ###
    assert blocks[2] == "## What a weekly review is"
    numbered = page.replace("<h3>Thirty minutes", "<h2>1. Thirty minutes").replace("Monday</h3>", "Monday</h2>")
    assert _html_markdown(numbered)[1][0].startswith("## 1. Thirty minutes")  # a first section stays one


def test_html_footnotes_travel_with_the_paragraph_citing_them() -> None:
    """Substack's footnotes and the <sup><a href="#fn1"> kind both become Markdown footnotes."""
    substack = (
        '<p>It is the habit that changed my work most.<sup><a href="#footnote-1" id="footnote-anchor-1" '
        'class="footnote-anchor">1</a></sup></p><p>Another paragraph, long enough to stand on its own here.</p>'
        '<div class="footnote"><a href="#footnote-anchor-1" id="footnote-1" class="footnote-number">1</a>'
        '<div class="footnote-content"><p>From David Allen\'s <em>Getting Things Done</em>.</p></div></div>'
    )
    classic = (
        '<p>It is the habit that changed my work most.<sup id="fnref1"><a href="#fn1">1</a></sup></p>'
        '<p>Another paragraph, long enough to stand on its own here.</p><hr><ol class="notes"><li id="fn1">'
        '<p>From David Allen\'s <em>Getting Things Done</em>. <a href="#fnref1">↩</a></p></li></ol>'
    )
    for body in (substack, classic):
        _, blocks = _html_markdown(f"<html><body><article><h1>Reviews</h1>{body}</article></body></html>")
        assert blocks[0] == (
            "It is the habit that changed my work most.[^1]\n\n[^1]: From David Allen's *Getting Things Done*."
        ), blocks
        assert blocks[1:] == ["Another paragraph, long enough to stand on its own here."], blocks


def test_a_blogs_own_subscribe_and_share_buttons_go() -> None:
    page = (
        "<html><body><article><h1>Reviews</h1><p>Every Friday I look back at the week, for thirty minutes.</p>"
        '<p class="button-wrapper"><a class="button" href="https://x.substack.com/subscribe">Subscribe now</a></p>'
        "<p>Then I write down what matters next week, three things and no more.</p>"
        '<p><a href="https://x.substack.com/p/reviews?action=share">Share</a></p>'
        '<p><a href="https://example.org/template">My one-page template</a></p></article></body></html>'
    )
    _, blocks = _html_markdown(page)
    assert not any("Subscribe" in block or "Share" in block for block in blocks)
    assert blocks[-1] == "[My one-page template](https://example.org/template)"  # an author's own link stays


def test_an_interview_keeps_every_answer_after_the_authors_name() -> None:
    """The author's name alone on a line, with more of the conversation after it, is a speaker, not a sign-off."""
    answers = "I write the plan down on one page, with the goal, the date and the three biggest risks on it."
    text = (
        "Talking plans with a project lead\n\nBy Tomasz Nowak\n\n"
        + "\n\n".join(f"Anna\n\nQuestion {i}: what do you do first, and why?\n\nTomasz\n\n{answers}" for i in range(4))
        + "\n\nShare this:\n\nTwitter\n"
    )
    article = parse_plain_text(text)
    assert sum(answers in block.text for block in article.blocks) == 4
    assert not any("Share" in block.text for block in article.blocks)


def test_reference_links_become_inline_links_in_the_lesson_that_uses_them() -> None:
    """A lesson does not carry the definitions at the end of the article: "[the docs][docs]" is written inline;
    code and brackets that name no definition stay as written."""
    text = (
        "# Macros\n\nSee [the Jinja docs][docs] and [Docs], but not `[docs]` in code or [a note].\n\n"
        "## Later\n\nMore words here, enough for a second section of the article.\n\n"
        '[docs]: https://jinja.palletsprojects.com/templates/#macros "Macros"\n'
    )
    blocks = parse_article(Source("post.md", "markdown", text)).blocks
    link = '(https://jinja.palletsprojects.com/templates/#macros "Macros")'
    assert blocks[0].markdown == (f"See [the Jinja docs]{link} and [Docs]{link}, but not `[docs]` in code or [a note].")
    assert blocks[0].text.startswith("See the Jinja docs and Docs, but not")


def test_a_pull_quote_repeating_the_article_goes_and_a_real_quote_stays() -> None:
    text = (
        "# Hiring\n\nWork samples beat puzzles. A candidate who writes one real email for you tells you more than "
        "any riddle could, and it takes them twenty minutes.\n\n"
        "> A candidate who writes one real email for you tells you more than any riddle could\n\n"
        "> Hire for the work, not for the interview. — a founder I worked for\n\nThat is the whole method.\n"
    )
    quotes = [b.text for b in parse_article(Source("post.md", "markdown", text)).blocks if b.kind == "quote"]
    assert len(quotes) == 1 and "Hire for the work, not for the interview." in quotes[0], quotes


def test_a_medium_export_says_its_title_and_subtitle_once_and_names_its_author() -> None:
    """Medium's export repeats the title (h3) and subtitle (h4) at the top of the body and signs the post "By Dana
    Whitfield on April 2, 2025." in its footer."""
    page = (
        '<html><body><article class="h-entry"><header><h1 class="p-name">Stop Writing Status Reports</h1></header>'
        '<section data-field="subtitle" class="p-summary">Nobody reads them. Here is what to send instead.</section>'
        '<section data-field="body"><h3 class="graf--title">Stop Writing Status Reports</h3>'
        '<h4 class="graf--subtitle">Nobody reads them. Here is what to send instead.</h4>'
        "<p>For three years I wrote a weekly status report for my team, two hours every Friday.</p>"
        "<h3>What readers actually want</h3><p>Three things: what changed, what is at risk, what you need.</p>"
        "<p>Nobody reads them. Here is what to send instead.</p></section>"
        '<footer><p>By <a class="p-author h-card" href="https://medium.com/@dana">Dana Whitfield</a> on '
        "<time>April 2, 2025</time>.</p></footer></article></body></html>"
    )
    article = parse_article(Source("medium.html", "html", page))
    texts = [block.text for block in article.blocks]
    assert article.title == "Stop Writing Status Reports" and article.author == "Dana Whitfield"
    assert texts[0] == "Nobody reads them. Here is what to send instead."
    assert texts[1].startswith("For three years")  # the repeated title and subtitle are gone
    assert texts[-1] == "Nobody reads them. Here is what to send instead."  # a repeat later on is the author's


def test_link_cards_and_expandable_parts_read_as_text() -> None:
    """A bookmark card (Ghost, WordPress, Substack) becomes its title as a link and its description; the heading
    of a toggle or a <details> stays, in bold, above what it holds (an h4 box would otherwise go as furniture)."""
    page = (
        "<html><body><article><h1>Planning</h1><h2>Before</h2><p>Everyone writes down, alone, the three outcomes "
        'that matter most.</p><figure class="kg-card kg-bookmark-card"><a href="https://example.org/outcomes">'
        '<div><div class="kg-bookmark-title">Outcomes, not outputs</div><div class="kg-bookmark-description">Why '
        'the best teams measure what changes for the customer.</div><img src="https://example.org/i.png"></div>'
        "</a></figure><h2>During</h2><p>We group, we vote, we write one sentence per outcome, in three hours.</p>"
        '<div class="kg-card kg-toggle-card"><div class="kg-toggle-heading"><h4>What about the fourth hour?</h4>'
        '</div><div class="kg-toggle-content"><p>It is a buffer, and we have never needed more.</p></div></div>'
        "<details><summary>And the fifth?</summary><p>There is none.</p></details></article></body></html>"
    )
    _, blocks = _html_markdown(page)
    assert (
        "[Outcomes, not outputs](https://example.org/outcomes) — Why the best teams measure what changes for the "
        "customer." in blocks
    )
    assert blocks[-4:] == [
        "**What about the fourth hour?**", "It is a buffer, and we have never needed more.", "**And the fifth?**",
        "There is none.",
    ]  # fmt: skip


def test_a_notion_export_loses_its_properties_and_keeps_its_callout_as_a_quote() -> None:
    text = (
        "# Onboarding a remote designer\n\nCreated: March 4, 2026 10:12 AM\nTags: hiring, onboarding\n"
        "Status: Published\n\n<aside>\n💡 This is the checklist our studio uses. Copy it.\n\n</aside>\n\n"
        "Remote onboarding fails quietly. Nobody sees the new person staring at a login screen.\n\n"
        "Note: this paragraph is the author's, and stays.\n"
    )
    blocks = parse_article(Source("notion.md", "markdown", text)).blocks
    assert [b.kind for b in blocks] == ["quote", "paragraph", "paragraph"]
    assert blocks[0].markdown == "> 💡 This is the checklist our studio uses. Copy it."
    assert blocks[2].text == "Note: this paragraph is the author's, and stays."


def test_a_google_docs_export_has_its_title_its_sections_and_straight_links() -> None:
    """Google Docs: the Title style is a <p class="title">, "Heading 1" sections are h1s, and every link goes
    through google.com/url?q=…: the course gets the title, every section its heading, the reader the real page."""
    page = (
        '<html><body class="doc-content"><p class="c5 title"><span>Pricing your first project</span></p>'
        '<h1 id="h.one"><span>Start from the value</span></h1><p><span>Ask what the problem costs the client '
        'each month. More in </span><a href="https://www.google.com/url?q=https://example.org/value_(notes)&amp;'
        'sa=D&amp;source=editors&amp;ust=17&amp;usg=AOv">my notes</a>.</p><h1 id="h.two"><span>Offer three '
        "options</span></h1><p><span>Clients like to choose between a small, a medium and a large version."
        "</span></p></body></html>"
    )
    title, blocks = _html_markdown(page)
    assert title == "Pricing your first project"
    assert blocks[0] == "## Start from the value" and "## Offer three options" in blocks
    assert "[my notes](<https://example.org/value_(notes)>)" in blocks[1]


def test_a_page_laid_out_with_tables_is_read_as_boxes_and_keeps_its_data_table() -> None:
    """An old site's layout table (a menu cell, the article's cell) is boxes: the article's cell is the article,
    with its sections, and a data table inside it stays a table."""
    page = (
        '<html><body><table width="760" border="0"><tr><td width="160"><a href="/">Home</a><br><a href="/bees">'
        'Bees</a><br><a href="/links">Links</a></td><td width="600"><font face="Verdana"><h1>Ten years of '
        "bee-keeping</h1><p>I started keeping bees in 2015 with one hive and a great deal of optimism.</p>"
        "<h2>Keep records</h2><p>I write one line per inspection: the date, the weather, the temper of the bees."
        "</p><table border=1><tr><th>Year</th><th>Hives</th></tr><tr><td>2015</td><td>1</td></tr></table>"
        "</font></td></tr></table></body></html>"
    )
    title, blocks = _html_markdown(page)
    assert title == "Ten years of bee-keeping"
    assert blocks[0].startswith("I started keeping bees") and "## Keep records" in blocks
    assert "| Year | Hives |\n| --- | --- |\n| 2015 | 1 |" in blocks
    assert not any("Home" in block for block in blocks)


def test_a_pasted_newsletter_loses_its_email_chrome_and_generic_greeting() -> None:
    """ "View this email in your browser", "Issue #47" and "Hi friend," are the newsletter's, not the lesson's (each
    lesson greets its reader by name); a two-line sign-off keeps its line break."""
    text = (
        "View this email in your browser\n\nTHE MONDAY MEMO\nIssue #47 · 12 January 2026\n\nHi friend,\n\n"
        "Most managers I coach run one-on-ones as a status update, and both people leave with nothing new.\n\n"
        "Hand the agenda to the report: they bring the topics, you bring three questions every time.\n\n"
        "Talk soon,\nGrace\n"
    )
    article = parse_article(Source("memo.txt", "text", text))
    assert article.title == "THE MONDAY MEMO" and article.author == "Grace"
    assert article.blocks[0].text.startswith("Most managers I coach")
    assert article.blocks[-1].markdown == "Talk soon,  \nGrace"
    letter = parse_article(Source("letter.txt", "text", text.replace("Hi friend,", "Dear Maya,")))
    assert letter.blocks[0].text == "Dear Maya,"  # a letter's own greeting stays


def test_site_generator_shortcodes_show_what_they_stand_for() -> None:
    """Hugo's {{< figure >}}, {{< youtube >}} and a paired {{< tip >}}: the picture and its caption, a link to the
    video, a quote, each a block of its own."""
    text = (
        "# Sourdough\n\nI bake a loaf every week around an office job, and this is the schedule that works.\n"
        '{{< figure src="https://example.org/loaf.jpg" alt="A loaf" caption="Week 52: the loaf that worked." >}}\n\n'
        "Feed your starter at 8 pm with equal weights of flour and water.\n\n{{< youtube dQw4w9WgXcQ >}}\n\n"
        "{{< tip >}}\nIf your kitchen is cold, use the oven with only the light on.\n{{< /tip >}}\n"
    )
    blocks = [b.markdown for b in parse_article(Source("bread.md", "markdown", text)).blocks]
    assert blocks[1:] == [
        "![A loaf](https://example.org/loaf.jpg)", "Week 52: the loaf that worked.",
        "Feed your starter at 8 pm with equal weights of flour and water.",
        "[▶ youtube.com/watch?v=dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
        "> If your kitchen is cold, use the oven with only the light on.",
    ]  # fmt: skip


def test_wordpress_blocks_a_file_a_button_and_jetpacks_related_posts() -> None:
    """A file block (the file and its "Download" button: one page, linked twice) and a button are paragraphs of
    their own; Jetpack's related posts go with the rest of the furniture."""
    page = (
        '<html><body><article><h1>The two-minute rule</h1><div class="entry-content"><p>If an email takes less '
        "than two minutes to deal with, deal with it now, and the inbox empties itself.</p>"
        '<div class="wp-block-file"><a href="https://example.org/checklist.pdf">Two-minute checklist (PDF)</a>'
        '<a href="https://example.org/checklist.pdf" class="wp-block-file__button" download>Download</a></div>'
        '<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link" '
        'href="https://example.org/book">Book a free call</a></div></div>'
        '<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3></div></div></article></body></html>'
    )
    _, blocks = _html_markdown(page)
    assert blocks[1:] == [
        "[Two-minute checklist (PDF)](https://example.org/checklist.pdf)", "[Book a free call](https://example.org/book)"
    ]  # fmt: skip


def test_a_label_followed_by_prose_is_the_articles_own_not_page_furniture() -> None:
    """Found by the property test: "Comment:" in the second half of a text, with prose after it, introduces the
    author's words; only page furniture after "Share this:" or "Related" makes them the page's."""
    texts = [b.text for b in parse_plain_text("A a a a.\n\nComment:\n\nThe end of it all.").blocks]
    assert texts == ["A a a a.", "Comment", "The end of it all."]


def test_a_label_opening_the_text_over_prose_is_kept_a_share_row_is_not() -> None:
    """Found by the property test: a text opening "Top:" (or "Email:") over its first paragraph lost that line, read
    as a page's label, yet was not its title: the lessons' words were not the author's. Over prose it is the
    article's own (here its title); "Share:" over its buttons is the page's still."""
    article = parse_plain_text("Top:\n\nSome prose here that goes on for a while.\n\nThe end of it all.")
    assert (article.title, article.blocks[0].text) == ("Top", "Some prose here that goes on for a while.")
    shared = parse_plain_text("Share:\n\nFacebook\nLinkedIn\n\nSome prose here that goes on.\n\nThe end of it.")
    assert (shared.title, [b.text for b in shared.blocks]) == ("", ["Some prose here that goes on.", "The end of it."])


def test_code_lines_written_as_spans_between_brs_stay_plain_lines() -> None:
    """Medium writes a code block's lines as <span>s between <br>s: each became a Markdown hard break, two trailing
    spaces on every line of the code the reader copies."""
    page = (
        "<html><body><article><h1>Reading files</h1><p>Here is how to read a file in Python, line by line.</p>"
        '<pre class="graf--pre"><span>with open(path) as f:</span><br><span>    for line in f:</span><br>'
        "<span>        print(line)</span></pre><p>That is all there is to it.</p></article></body></html>"
    )
    assert "```\nwith open(path) as f:\n    for line in f:\n        print(line)\n```" in _html_markdown(page)[1]


def test_a_headings_permalink_mark_goes() -> None:
    """Docs sites put a link to the heading itself after or before its words ("¶", "#", an icon): the headings
    read "First part¶" and "Third part #". A heading whose own words link somewhere keeps them."""
    page = (
        "<html><body><article><h1>Anchors</h1><p>An article with permalink anchors on every heading, as docs sites"
        ' do.</p><h2 id="one">First part<a class="headerlink" href="#one">¶</a></h2><p>Text of the first part.</p>'
        '<h2 id="two"><a class="anchor" href="#two"><svg></svg></a>Second part</h2><p>Text of the second part.</p>'
        '<h2 id="three">Third part <a href="#three">#</a></h2><p>Text of the third part.</p><h2><a href="#four">'
        "Fourth part</a></h2><p>Text of the fourth part.</p></article></body></html>"
    )
    headings = [block for block in _html_markdown(page)[1] if block.startswith("#")]
    assert headings == ["## First part", "## Second part", "## Third part", "## Fourth part"]


def test_emoji_pictures_are_the_emoji() -> None:
    """WordPress and Twemoji draw emoji as pictures (an SVG Gmail does not show, and the email's pictures are
    blocks the width of the column): each is its own alt text again, in the sentence; other pictures stay."""
    page = (
        '<html><body><article><h1>Shipped</h1><p>We shipped it on Friday <img class="emoji" alt="🎉" '
        'src="https://s.w.org/images/core/emoji/15.0.3/svg/1f389.svg"> and nobody worked the weekend.</p>'
        '<p>Next week <img class="wp-smiley" alt=":)" src="https://example.com/smile.png"> we start again.</p>'
        '<p><img src="https://example.com/team.jpg" alt="The team"></p></article></body></html>'
    )
    assert _html_markdown(page)[1] == [
        "We shipped it on Friday 🎉 and nobody worked the weekend.",
        "Next week :) we start again.",
        "![The team](https://example.com/team.jpg)",
    ]


def test_html_code_blocks_keep_their_language() -> None:
    """A code block marked class="language-python" (on its <code> or its <pre>, Prism's and highlight.js' way)
    becomes a ```python fence; an unmarked one stays a bare fence."""
    page = (
        "<html><body><article><h1>Reading a CSV file</h1><p>Open the file with the standard library, like this, and"
        ' read it row by row.</p><pre><code class="hljs language-python">import csv\n</code></pre><p>Then install '
        'the tools from a terminal.</p><pre class="lang-bash"><code>pip install weasyprint\n</code></pre>'
        "<pre><code>plain text\n</code></pre></article></body></html>"
    )
    blocks = _html_markdown(page)[1]
    assert "```python\nimport csv\n```" in blocks
    assert "```bash\npip install weasyprint\n```" in blocks
    assert "```\nplain text\n```" in blocks


def test_a_dash_before_a_name_is_a_signature_not_a_list() -> None:
    """ "— Mark" under an essay (and "– Seneca, Letters" under a quote) stays as the author wrote it; it was a
    one-item list, "- Mark", shown with a bullet. Lines that each start with a dash are still a list."""
    essay = "On saying no\n\n" + "I turned down a good client last spring, and it was right. " * 8
    signed = parse_plain_text(essay + "\n\nThanks for reading.\n\n— Mark")
    assert (signed.blocks[-1].kind, signed.blocks[-1].markdown) == ("paragraph", "— Mark")
    assert signed.author == "Mark"  # the name it signs with, as "Mark" alone names the author
    quote = "We suffer more in imagination than in reality."
    quoted = parse_plain_text(f"{essay}\n\n{quote}\n\n– Seneca, Letters\n\nMore.")
    assert [b.markdown for b in quoted.blocks if "Seneca" in b.markdown] == ["– Seneca, Letters"]
    listed = parse_plain_text(essay + "\n\nWhat I keep:\n\n— a short list\n— a day before answering").blocks
    assert listed[-1].kind == "list" and listed[-1].markdown == "- a short list\n- a day before answering"
    apart = parse_plain_text(essay + "\n\nWhat I keep:\n\n— a short list of the work I want\n\n— and a day").blocks
    assert apart[-1].markdown == "- a short list of the work I want\n- and a day"


def test_a_short_lower_case_list_ending_the_article_is_kept() -> None:
    """The list an article ends with was dropped as page furniture (short lines, no capitals, no full stop, like
    "see all" or "comments"); a list after its lead-in, or of more than one item, is the author's."""
    essay = "Packing for a workshop\n\n" + "I run two workshops a month, and I always bring the same things. " * 8
    for tail in ("- a laptop\n- a notebook", "- a laptop\n\n- a notebook", "- a laptop and its charger"):
        blocks = parse_plain_text(f"{essay}\n\nWhat you need:\n\n{tail}").blocks
        assert blocks[-1].kind == "list", tail
        assert "a laptop" in blocks[-1].markdown
    furniture = parse_plain_text(f"{essay}\n\nThanks for reading.\n\nsee all\n\ncomments").blocks
    assert furniture[-1].markdown == "Thanks for reading."


def test_a_markdown_sign_off_on_two_lines_keeps_its_line_break() -> None:
    """ "See you in the inbox," above "Lena" is one Markdown paragraph, which joins the lines into one; the reader
    writes a hard break so the email shows them as typed. Newsletters' own closings count as closings."""
    from course.read.bylines import is_closing

    body = "# Shipping your first newsletter\n\n" + "Your first issue is the hardest one to send, and here is why. " * 6
    article = parse_article(Source("post.md", "markdown", body + "\n\nSee you in the inbox,\nLena\n"))
    assert article.blocks[-1].markdown == "See you in the inbox,  \nLena"
    prose = parse_article(Source("post.md", "markdown", body + "\n\nThe second line\nof a paragraph.\n"))
    assert prose.blocks[-1].markdown == "The second line\nof a paragraph."
    for closing in ("Until next week,", "Happy writing,", "Stay curious,", "See you next week!", "Speak soon,"):
        assert is_closing(closing), closing
    assert not is_closing("See you and your whole team at the big meeting tomorrow,")


def test_questions_alone_on_their_lines_are_headings_when_there_are_several() -> None:
    """A plain-text article headed by questions ("¿Por qué…?", "¿Y los nervios?") was read as paragraphs, and a
    lesson ended on a question whose answer opened the next one; one such question in an essay stays a paragraph.
    A byline's full name is the author, not the first name the article is signed with."""
    answer = "Porque intentan decir demasiado, y el público se pierde en el segundo minuto y ya no vuelve nunca."
    text = (
        "Cómo preparar tu primera charla\n\nPor Marta Quintana · 7 min de lectura\n\n"
        f"Hace cinco años di mi primera charla.\n\n¿Por qué la mayoría de las charlas aburren?\n\n{answer}\n\n"
        f"¿Y los nervios?\n\n{answer}\n\nUn abrazo,\nMarta"
    )
    article = parse_plain_text(text)
    assert [b.text for b in article.blocks if b.kind == "heading"] == [
        "¿Por qué la mayoría de las charlas aburren?",
        "¿Y los nervios?",
    ]
    assert article.author == "Marta Quintana"
    one = parse_plain_text(text.replace("¿Y los nervios?\n\n", ""))
    assert not [b for b in one.blocks if b.kind == "heading"]


def test_an_authors_note_a_quotes_source_and_definitions_are_kept_from_html() -> None:
    """<aside> and <footer> are page furniture, except a note of prose inside the article (kept as a quote) and
    the source under a quote; both were dropped with everything the author wrote in them. A definition list
    becomes "**term**: definition" (it had no Markdown), and bare raised or lowered numbers stay so."""
    page = (
        "<html><body><aside><p>About the author: Theo has brewed coffee for years and years.</p></aside><article>"
        "<h1>Home espresso</h1><p>Espresso at home is a hobby of small numbers: grams, seconds and degrees.</p>"
        "<blockquote><p>Good espresso is a ratio, not a recipe.</p><footer>— <cite>James Hoffmann</cite></footer>"
        '</blockquote><aside class="note"><p><strong>Note:</strong> fresh beans need four to ten days to rest.</p>'
        '</aside><aside class="share"><p>Share this post with a friend who likes coffee.</p></aside>'
        '<aside><p>Related: <a href="/a">Grinders</a>, <a href="/b">Scales</a>, <a href="/c">Milk</a></p></aside>'
        "<dl><dt>Crema</dt><dd>The foam on top.</dd><dt>Dose</dt><dd>Coffee in.</dd><dd>Weighed.</dd></dl>"
        "<p>CO<sub>2</sub> is why fresh beans bubble.<sup>1</sup></p></article></body></html>"
    )
    blocks = _html_markdown(page)[1]
    assert "> Good espresso is a ratio, not a recipe.\n>\n> — James Hoffmann" in blocks
    assert "> **Note:** fresh beans need four to ten days to rest." in blocks
    assert "- **Crema**: The foam on top.\n- **Dose**: Coffee in. Weighed." in blocks
    assert "CO₂ is why fresh beans bubble.¹" in blocks
    text = "\n".join(blocks)
    assert "Share this post" not in text and "Grinders" not in text and "About the author" not in text


def test_a_cell_spanning_rows_is_written_in_each_row_it_spans() -> None:
    """Markdown tables have no spans: a rowspan cell left the rows under it a cell short (and the next cell in the
    wrong column); it is now written in every row it covers, first column or last, and a span past the table's
    end is harmless."""
    page = (
        "<html><body><article><h1>Espresso</h1><p>The numbers to start from, and when to change each of them.</p>"
        "<table><tr><th>Step</th><th>What</th><th>When</th></tr>"
        '<tr><td rowspan="2">Weigh</td><td>Dose 18 g</td><td rowspan="9">Every shot</td></tr>'
        "<tr><td>Yield 36 g</td></tr>"
        "<tr><td>Time</td><td>25 to 30 seconds</td></tr></table></article></body></html>"
    )
    table = next(block for block in _html_markdown(page)[1] if block.startswith("|"))
    assert table.split("\n")[2:] == [
        "| Weigh | Dose 18 g | Every shot |",
        "| Weigh | Yield 36 g | Every shot |",
        "| Time | 25 to 30 seconds | Every shot |",
    ]
    short = page.replace("<tr><td>Time</td><td>25 to 30 seconds</td></tr>", "<tr><td>Time</td></tr>")
    table = next(block for block in _html_markdown(short)[1] if block.startswith("|"))
    assert table.split("\n")[-1] == "| Time |  | Every shot |"  # a short row keeps the span in its column


def test_liquid_tags_become_what_they_show() -> None:
    """dev.to's and Jekyll's Liquid tags were dropped as template syntax: the video the next paragraph talks about,
    the repository it links, the summary of a {% details %}, and Jekyll's {% highlight %} code (its lines were
    left as a paragraph). Tags inside a code block are the tutorial's subject and stay as written."""
    text = (
        "# Tests\n\nCoverage tells you which lines ran, not whether a test would notice a mistake in them.\n\n"
        "{% youtube dQw4w9WgXcQ %}\n\nThe talk above says it better.\n\n{% github example/guidelines %}\n\n"
        "{% tweet 1234567890 %}\n\n{% embed https://example.org/post %}\n\n{% podcast something %}\n\n"
        "{% details Our old config %}\nWe had a 90% threshold.\n{% enddetails %}\n\n"
        "{% highlight python %}\nfor row in rows:\n    print(row)\n{% endhighlight %}\n\n"
        "```liquid\n{% raw %}{{ page.title }}{% endraw %}\n{% youtube keep-me %}\n```\n"
    )
    blocks = [block.markdown for block in parse_article(Source("post.md", "markdown", text)).blocks]
    assert "[▶ youtube.com/watch?v=dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in blocks
    assert "[github.com/example/guidelines](https://github.com/example/guidelines)" in blocks
    assert "[twitter.com/i/status/1234567890](https://twitter.com/i/status/1234567890)" in blocks
    assert "[example.org/post](https://example.org/post)" in blocks
    assert "**Our old config**" in blocks and "We had a 90% threshold." in blocks
    assert "```python\nfor row in rows:\n    print(row)\n```" in blocks
    assert "```liquid\n{{ page.title }}\n{% youtube keep-me %}\n```" in blocks
    assert not any("podcast" in block for block in blocks)


def test_obsidian_markdown_reads_as_plain_markdown() -> None:
    """Obsidian notes showed "[[Obsidian]]", "==Link people==", "> [!tip] The one-line rule" and "#productivity"
    to subscribers as written. Wiki links keep their words, highlights are bold, a callout's title is bold (a
    GitHub kind without one keeps its label), a picture embed is a relative picture (reported, or resolved with
    --base-url), tags at a line's end go; `[[x]]` in code is left alone."""
    text = (
        "# Daily notes\n\nI keep daily notes in [[Obsidian]], and I read them in [[Weekly review|my weekly review]]."
        " #productivity #notes\n\n> [!tip] The one-line rule\n> Write the first line first.\n\n> [!warning]\n> Don't "
        "reorganise folders.\n\n> [!example]\n> A note about a meeting.\n\n==Link people, not topics.== Then `[[x]]` "
        "stays, and so does C#.\n\n![[a mock player]](player.png) and [[a link]](https://example.org/x) stay.\n\n"
        "![[friday.png]] ![[Another note]]\n\n#writing #habits\n"
    )
    blocks = [block.markdown for block in parse_article(Source("notes.md", "markdown", text)).blocks]
    assert blocks[0] == "I keep daily notes in Obsidian, and I read them in my weekly review."
    assert "> **The one-line rule**  \n> Write the first line first." in blocks
    assert "> [!WARNING]\n> Don't reorganise folders." in blocks
    assert "> **Example**  \n> A note about a meeting." in blocks
    assert "**Link people, not topics.** Then `[[x]]` stays, and so does C#." in blocks
    assert blocks[-1].strip() == "and [[a link]](https://example.org/x) stay."  # a link whose words hold brackets
    assert not any("friday" in block or "Another note" in block or "#habits" in block for block in blocks)
    wrapped = (
        "# Notes\n\nWe post every announcement in the #general\nchannel, in our own colour #ff6600\n\n"
        "That is the whole of it, really. #productivity\n"
    )
    kept = [block.markdown for block in parse_article(Source("n.md", "markdown", wrapped)).blocks]
    assert kept == [  # only tags that end a paragraph go
        "We post every announcement in the #general\nchannel, in our own colour #ff6600",
        "That is the whole of it, really.",
    ]
    based = parse_article(Source("notes.md", "markdown", text), base_url="https://example.org/notes/")
    assert "![](https://example.org/notes/friday.png)" in based.blocks[-1].markdown
    assert "![[a mock player]](https://example.org/notes/player.png)" in based.blocks[-2].markdown  # alt in brackets


def test_a_reading_lists_links_stay_and_a_menu_still_goes() -> None:
    """A row of links titled like articles ("Why saying no is a skill · Part two") is what a reading list is made
    of: it was dropped as a menu, and the paragraph under it spoke of nothing. Short labels still go."""
    page = (
        "<html><body><article><h1>Five things worth reading</h1><p>A short list this week, because I moved house "
        'and read less.</p><h2>On saying no</h2><p><a href="https://example.org/no">Why saying no is a skill</a> · '
        '<a href="https://example.org/no-2">Part two</a></p><p>Two short essays, best read together.</p>'
        '<p><a href="/">Home</a> · <a href="/blog">Blog</a> · <a href="/about">About me</a></p></article></body></html>'
    )
    blocks = _html_markdown(page)[1]
    assert "[Why saying no is a skill](https://example.org/no) · [Part two](https://example.org/no-2)" in blocks
    assert not any("Home" in block for block in blocks)


def test_hugo_toml_front_matter_gives_title_and_author() -> None:
    """Hugo's "+++" front matter was read as the first paragraph of lesson 1 (title = "…", date = …), and the
    course took a section's title for its own; a broken one is still dropped, not read as prose."""
    body = "\nThe first two weeks decide whether a new designer feels trusted or tolerated, so we plan them.\n"
    article = parse_article(Source("post.md", "markdown", f'+++\ntitle = "Onboarding in two weeks"\nauthor = '
                                   f'"Sam Okafor"\ndate = 2025-02-10\ntags = ["hiring"]\n+++\n{body}'))  # fmt: skip
    assert (article.title, article.author) == ("Onboarding in two weeks", "Sam Okafor")
    assert [block.markdown for block in article.blocks] == [body.strip()]
    broken = parse_article(Source("post.md", "markdown", f"+++\ntitle = unquoted words\n+++\n{body}"))
    assert [block.markdown for block in broken.blocks] == [body.strip()]


def test_bold_lines_are_the_headings_of_an_article_without_any() -> None:
    """A Blogger-style post (paragraphs between <br><br>, sections opened by a bold line) had no headings, so a
    lesson ended on "**The forecast that saved us**" and its section began the next. Two or more bold lines are
    the headings of an article that has none; an article with headings keeps bold lines as emphasis, and a bold
    link keeps its address."""
    para = "It took an hour to fill in, and it showed me the exact week we would run out of money."
    two, three = para.replace("an hour", "a morning"), para.replace("an hour", "a day")
    html = "<br /><br />".join([para, "<b>The forecast that saved us</b>", two, "<b>What we changed:</b>", three])
    page = f'<html><head><title>My bakery</title></head><body><div class="post-body">{html}</div></body></html>'
    blocks = _html_markdown(page)[1]
    assert blocks == [para, "## The forecast that saved us", two, "## What we changed", three]
    one = _html_markdown(page.replace("<b>What we changed:</b>", "What we changed:"))[1]
    assert "**The forecast that saved us**" in one
    with_headings = (
        f"# My bakery\n\n{para}\n\n## Money\n\n**The forecast**\n\n{para}\n\n**What we changed**\n\n{para}\n"
    )
    assert "**The forecast**" in [b.markdown for b in parse_article(Source("p.md", "markdown", with_headings)).blocks]
    links = f"# Reading\n\n{para}\n\n**[Pricing](https://example.org/p)**\n\n{two}\n\n**[No](https://example.org/n)**\n\n{three}\n"
    assert "**[Pricing](https://example.org/p)**" in [
        b.markdown for b in parse_article(Source("l.md", "markdown", links)).blocks
    ]


def test_ghost_cards_keep_their_words_and_an_audio_player_becomes_a_link() -> None:
    """A header card's subtitle was a deeper heading (now the paragraph under its heading); a product card's
    title, alone in its wrapper, was dropped as a box titled two levels below the sections; an <audio> player
    vanished (now a "▶" link to its file, as a video's)."""
    page = (
        "<html><body><article><h1>Our first year</h1><p>A year ago we signed the lease on a small room above a bike "
        'shop, and this is how it went.</p><div class="kg-header-card"><h2>The numbers</h2><h3>Twelve months, four'
        " people</h3></div><p>We finished 31 projects for 19 clients, and eleven of them came back.</p>"
        '<div class="kg-product-card"><div class="title"><h4>Our pricing workbook</h4></div><div><p>The spreadsheet '
        "we use to price every project.</p></div></div><h2>What we change</h2><p>Fewer, larger projects from now on,"
        ' and no more logos.</p><div class="kg-audio-card"><audio src="https://example.org/year.mp3"></audio></div>'
        "</article></body></html>"
    )
    blocks = _html_markdown(page)[1]
    assert blocks[1:3] == ["## The numbers", "Twelve months, four people"]
    assert "**Our pricing workbook**" in blocks  # a card's title, in bold: not a section heading
    assert "[▶ example.org/year.mp3](https://example.org/year.mp3)" in blocks


def test_a_row_of_status_badges_goes() -> None:
    """A README's build, version and licence badges reached subscribers as a row of little pictures; a paragraph
    of nothing but badges goes, while a badge inside a sentence, and any other picture, stays."""
    badges = (
        "[![Build](https://img.shields.io/github/actions/workflow/status/x/tidy/ci.yml)](https://github.com/x/tidy) "
        "[![PyPI](https://badge.fury.io/py/tidy.svg)](https://pypi.org/project/tidy/) "
        "![Coverage](https://codecov.io/gh/x/tidy/branch/main/graph/badge.svg)"
    )
    text = (
        f"# tidy\n\n{badges}\n\ntidy reads a messy CSV file and writes a clean one, with one date format.\n\n"
        "It passes its tests: ![Build](https://img.shields.io/badge/build-passing-green) as of today.\n\n"
        "![A screenshot of tidy at work](https://example.org/shot.png)\n"
    )
    blocks = [block.markdown for block in parse_article(Source("README.md", "markdown", text)).blocks]
    assert blocks[0].startswith("tidy reads a messy CSV file")
    assert "It passes its tests: ![Build](https://img.shields.io/badge/build-passing-green) as of today." in blocks
    assert "![A screenshot of tidy at work](https://example.org/shot.png)" in blocks


def test_a_hit_counter_in_a_row_of_badges_goes_with_them() -> None:
    """dwyl's learn-tdd README (not tuned to) opens with four shields.io badges and a hit counter
    (hits.dwyl.com/….svg): the counter, a service no badge list names, kept the whole row in lesson 1. An SVG
    picture in a row of badges is one; a row of SVG pictures with no badge among them stays."""
    row = (
        "[![codecov.io](https://img.shields.io/codecov/c/github/x/tdd/master.svg)](https://codecov.io/github/x/tdd)\n"
        '[![Deps](https://img.shields.io/badge/dependencies-none-brightgreen.svg)](https://github.com/x "Zero")\n'
        "[![HitCount](https://hits.dwyl.com/x/tdd.svg)](https://hits.dwyl.com/x/tdd)"
    )
    diagrams = "![Red](https://example.org/red.svg) ![Green](https://example.org/green.svg)"
    text = f"# TDD\n\n{row}\n\nWrite the failing test first, then the code.\n\n{diagrams}\n\nThen refactor it.\n"
    blocks = [block.markdown for block in parse_article(Source("README.md", "markdown", text)).blocks]
    assert blocks == ["Write the failing test first, then the code.", diagrams, "Then refactor it."]


def test_prose_after_a_sign_off_and_a_list_under_the_title_stay() -> None:
    """Two losses the property test found: a sign-off ended the article when the first thing after it looked like
    furniture, even with prose after that ("Best, / Aa", "- a", then "The end of it all."); and a short lower-case
    list right under the title was dropped as a menu."""
    text = "A note\n\nA first full sentence here.\n\nBest,\nAna\n\n- a\n\nThe end of it all."
    assert [b.text for b in parse_plain_text(text).blocks][-2:] == ["a", "The end of it all."]
    signed = parse_plain_text("A note\n\nA first full sentence here.\n\nBest,\nAna\n\nshare\n\ntweet")
    assert signed.blocks[-1].text.endswith("Ana")  # only furniture after it: the sign-off still ends the article
    footer = "\n\n---\n\nYou are receiving this email because you signed up at ana.example.\n\nUnsubscribe"
    emailed = parse_plain_text("A note\n\nA first full sentence here.\n\nTalk soon,\nAna" + footer)
    assert emailed.blocks[-1].text.endswith("Ana")  # a newsletter's footer is what comes under the article
    listed = parse_plain_text("What you need\n\n- a laptop\n- a notebook\n\nThat is all you need to start.")
    assert listed.blocks[0].kind == "list" and listed.blocks[0].text == "a laptop\na notebook"


def test_a_table_of_contents_goes_and_numbered_headings_are_not_escaped() -> None:
    """A plain-text article's "Contents:" list of its own section names stayed at the top of lesson 1 (and named
    it "Contents and why notes matter"); a list near the top whose items are most of the later headings goes,
    with its label, and a list of other things stays. A numbered plain-text heading is written "## 1. Why notes
    matter", not with an escaped full stop."""
    sections = ["Why notes matter", "How to write one", "Where to keep them"]
    body = "Every decision our team makes is written down in a short note before the meeting ends."
    text = "Meeting notes\n\nContents:\n\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(sections, 1)) + "\n\n"
    text += "\n\n".join(f"{i}. {s}\n\n{body}" for i, s in enumerate(sections, 1))
    blocks = parse_article(Source("notes.txt", "text", text)).blocks
    assert [b.markdown for b in blocks if b.kind == "heading"] == [f"## {i}. {s}" for i, s in enumerate(sections, 1)]
    assert not any(b.kind == "list" or "Contents" in b.text for b in blocks)
    other = text.replace("Contents:\n\n1. Why notes matter\n2. How", "You need:\n\n1. A pen\n2. A pad\n3. How", 1)
    assert any(b.kind == "list" for b in parse_article(Source("notes.txt", "text", other)).blocks)


def test_plain_text_keeps_indented_commands_as_code_and_an_indented_sample_as_a_quote() -> None:
    """Lines indented under an unindented text are set apart: a command as typed in a code block (it was a
    "### rsync …" heading, its "~" escaped), a sample email as a quote (it was run into a paragraph). A short
    line over a lead-in ("The first copy" over "Open a terminal and run:") is a heading."""
    text = (
        "Back up your laptop\n\nMost people lose files because they never set a backup up. This guide gets you "
        "from nothing to a nightly backup in fifteen minutes.\n\nThe first copy\n\nOpen a terminal and run:\n\n"
        "    rsync -av --delete ~/Documents/ /Volumes/Backup/Documents/\n\nThe trailing slashes matter, and the "
        "first run copies everything, which can take an hour on a full laptop.\n\nTelling the team\n\nWrite "
        "them a short note, something like:\n\n    From Monday the backup drive lives in the top drawer.\n"
        "    Please put it back after use.\n\nThat is all it takes, and nobody will ask where it went again.\n"
    )
    blocks = parse_plain_text(text).blocks
    assert [(b.kind, b.markdown) for b in blocks if b.kind in ("code", "quote")] == [
        ("code", "```\nrsync -av --delete ~/Documents/ /Volumes/Backup/Documents/\n```"),
        ("quote", "> From Monday the backup drive lives in the top drawer. Please put it back after use."),
    ]
    assert [b.text for b in blocks if b.kind == "heading"] == ["The first copy", "Telling the team"]


def test_mdx_code_stays_code_and_callouts_admonitions_and_tabs_keep_their_labels() -> None:
    """A React tutorial's code is its code: `import` lines and <Button> in a fence, <Counter /> in a code span (all
    went, as MDX would). Docusaurus admonitions and <Callout> components are quotes opening with their title or
    kind (they were bare paragraphs), and each tab of code says which it is."""
    text = (
        "# Counters\n\nWe build a counter component and show it in two languages for the curious reader.\n\n"
        "```jsx\nimport { useState } from 'react';\n\nexport default function Counter() {\n"
        "  return <Button onClick={go}>Clicked</Button>;\n}\n```\n\nUse it as `<Counter start={5} />` anywhere.\n\n"
        ":::tip Name it after the alert\nUse the alert's own wording as the title.\n:::\n\n"
        ":::warning\nNever run the destructive command first.\n:::\n\n"
        ":::info\nThe team reviews these every quarter.\n:::\n\n"
        '<Callout type="note" title="Why bother">\nBecause nobody reads a runbook twice.\n</Callout>\n\n'
        '<Tabs>\n  <TabItem value="ts" label="TypeScript">\n\n```ts\nlet n = 1;\n```\n\n  </TabItem>\n'
        '  <TabItem value="py" label="Python">\n\n```python\nn = 1\n```\n\n  </TabItem>\n</Tabs>\n'
    )
    blocks = parse_article(Source("counter.mdx", "markdown", text)).blocks
    sources = [block.markdown for block in blocks]
    assert sources[1] == (
        "```jsx\nimport { useState } from 'react';\n\nexport default function Counter() {\n"
        "  return <Button onClick={go}>Clicked</Button>;\n}\n```"
    )
    assert "Use it as `<Counter start={5} />` anywhere." in sources
    assert "> **Name it after the alert**  \n> Use the alert's own wording as the title." in sources
    assert "> [!WARNING]\n> Never run the destructive command first." in sources
    assert "> **Info**  \n> The team reviews these every quarter." in sources
    assert "> **Why bother**  \n> Because nobody reads a runbook twice." in sources
    assert sources[-4:] == ["**TypeScript**", "```ts\nlet n = 1;\n```", "**Python**", "```python\nn = 1\n```"]


def test_mkdocs_admonitions_content_tabs_and_extensions_read_as_an_email_can_show_them() -> None:
    """MkDocs Material's Markdown (Python-Markdown's extensions): "!!! info "Title"" and "??? tip" over a block
    indented four spaces, content tabs ('=== "Python"' over theirs), "{ .annotate }", a snippet include
    ("--8<-- "file.md"") and abbreviations ("*[HMAC]: …") all reached the lesson as written, and the code in a tab
    was an indented block with its fence showing. A callout is a quote under its title, each tab's code says which
    it is, and what only the site's build reads goes. In a code block, the same syntax is the tutorial's."""
    text = (
        "# Webhooks\n\nWebhooks tell your app that something happened, and this guide sets one up from scratch.\n\n"
        "## Create an endpoint { #create .wide }\n\n"
        '!!! info "Before you start"\n    You need an API key with the `webhooks:write` scope.\n\n    Create one.\n\n'
        '=== "curl"\n\n    ```bash\n    curl https://api.example.com/v1/hooks \\\n      -d url=x\n    ```\n\n'
        '=== "Python"\n\n    ```python\n    hooks.create(url="x")\n    ```\n\n'
        "The response holds the signing secret (1). Store it like a password.\n{ .annotate }\n\n"
        "1.  It starts with `whsec_` and is shown once.\n\n"
        "!!! warning\n    Compare signatures in constant time.\n\n"
        '???+ tip "Testing retries"\n    Return a `500` and watch the log.\n\n'
        '--8<-- "includes/abbreviations.md"\n\n*[HMAC]: Hash-based Message Authentication Code\n\n'
        'Write admonitions like this:\n\n```markdown\n!!! note "Title"\n    Text.\n```\n'
    )
    sources = [block.markdown for block in parse_article(Source("hooks.md", "markdown", text)).blocks]
    setext = "Notes\n=== \n\nThe heading's underline has a space after it.\n\n!!! Wow\n\nThat was all.\n"
    assert [b.markdown for b in parse_article(Source("n.md", "markdown", setext)).blocks] == [
        "The heading's underline has a space after it.", "!!! Wow", "That was all."
    ]  # fmt: skip
    assert sources[1:] == [
        "## Create an endpoint",
        "> **Before you start**  \n> You need an API key with the `webhooks:write` scope.\n>\n> Create one.",
        "**curl**",
        "```bash\ncurl https://api.example.com/v1/hooks \\\n  -d url=x\n```",
        "**Python**",
        '```python\nhooks.create(url="x")\n```',
        "The response holds the signing secret (1). Store it like a password.",
        "1.  It starts with `whsec_` and is shown once.",
        "> [!WARNING]\n> Compare signatures in constant time.",
        "> **Testing retries**  \n> Return a `500` and watch the log.",
        "Write admonitions like this:",
        '```markdown\n!!! note "Title"\n    Text.\n```',
    ]


def test_a_code_blocks_file_name_is_said_above_it() -> None:
    """Docusaurus, MkDocs and Expressive Code name a listing's file in its fence (```python title="verify.py"
    linenums="1"), VitePress in brackets (```js [config.js]): the email showed the code without the name the
    reader must save it under. The name is said in bold above the code, whose fence keeps its language only."""
    text = (
        "# Setup\n\nTwo files make the whole integration, and each is short enough to read in a minute.\n\n"
        '``` python title="verify.py" linenums="1" hl_lines="6"\nimport hmac\n```\n\n'
        "```js [config.js]\nexport default {}\n```\n\n```ts {1,3}\nlet n = 1;\n```\n\n"
        "```{.python .numberLines}\nn = 2\n```\n\n```{1,3}\nplain\n```\n"
    )
    sources = [block.markdown for block in parse_article(Source("setup.md", "markdown", text)).blocks]
    assert sources[1:] == [
        "**verify.py**", "```python\nimport hmac\n```", "**config.js**", "```js\nexport default {}\n```",
        "```ts\nlet n = 1;\n```", "```python\nn = 2\n```", "```\nplain\n```",
    ]  # fmt: skip


def test_plain_text_in_scripts_without_capitals_has_a_title_headings_and_text() -> None:
    """Arabic, Hebrew, Chinese and Japanese have no capital letters: every line read as lower-case page furniture,
    so a Japanese text was "no article text found" and an Arabic one lost its title and headings. Their letters
    open a heading as a capital does, and their own punctuation ("。", "،", "؟") ends a sentence."""
    ja = (
        "毎朝の三十分で仕事が変わる\n\n私は五年前から、毎朝三十分だけ早く起きて、その日の仕事を紙に書き出すようにしています。\n\n"
        "なぜ紙に書くのか\n\n画面の中のタスク管理アプリは便利ですが、通知やメールが目に入り、考えがすぐに散ってしまいます。\n\n"
        "三つの質問\n\n毎朝、私は三つの質問に答えます。今日いちばん大切な仕事は何か。\n"
    )
    article = parse_plain_text(ja)
    assert article.title == "毎朝の三十分で仕事が変わる"
    assert [(b.kind, b.text[:8]) for b in article.blocks] == [
        ("paragraph", "私は五年前から、"), ("heading", "なぜ紙に書くのか"), ("paragraph", "画面の中のタスク"),
        ("heading", "三つの質問"), ("paragraph", "毎朝、私は三つの"),
    ]  # fmt: skip
    ar = (
        "كيف تكتب بريدًا يقرأه الناس\n\n"
        "معظم الرسائل التي نرسلها في العمل لا تُقرأ كاملة، ويقرأ الناس السطر الأول فقط.\n\n"
        "ابدأ بالطلب\n\nضع ما تريده في الجملة الأولى. إذا كنت تحتاج إلى قرار، فقل ذلك مباشرة قبل أي شرح طويل.\n\n"
        "اجعل الموضوع يقول كل شيء\n\nسطر الموضوع ليس عنوانًا جميلًا، بل ملخص يخبر القارئ بما في الرسالة قبل أن يفتحها.\n"
    )
    article = parse_plain_text(ar)
    assert article.title == "كيف تكتب بريدًا يقرأه الناس"
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["ابدأ بالطلب", "اجعل الموضوع يقول كل شيء"]


def test_github_emoji_shortcodes_become_the_emoji_outside_code() -> None:
    """A README's ":rocket: Fast" showed subscribers ":rocket:"; GitHub shows 🚀. An unknown name, a time and
    a shortcode in code stay as written."""
    text = (
        "# Tool\n\n:rocket: Fast, :+1: simple and :white_check_mark: tested at 10:30:45 by :nobody_knows_this:.\n\n"
        "Write `:rocket:` to get a rocket in a comment.\n"
    )
    sources = [block.markdown for block in parse_article(Source("README.md", "markdown", text)).blocks]
    assert "🚀 Fast, 👍 simple and ✅ tested at 10:30:45 by :nobody_knows_this:." in sources
    assert "Write `:rocket:` to get a rocket in a comment." in sources


@pytest.mark.parametrize("greeting", ["Hi *|FNAME|*,", "Hey {{ subscriber.first_name }},", "Hello {first_name}!",
                                      "Dear %FIRSTNAME%,", "Hi [First Name],"])  # fmt: skip
def test_a_newsletters_greeting_to_a_merge_tag_goes(greeting: str) -> None:
    """A newsletter's own HTML opened "Hi *|FNAME|*,": under the lesson's greeting ("Hi Sam,") subscribers read
    a second one, with another platform's merge tag in it. A greeting to a merge tag goes as "Hi friend," does."""
    text = f"# Hiring\n\n{greeting}\n\nEvery month someone asks whether it is time to hire an assistant, and why.\n"
    blocks = parse_article(Source("issue.md", "markdown", text)).blocks
    assert [block.text for block in blocks] == [
        "Every month someone asks whether it is time to hire an assistant, and why."
    ]


def test_a_table_whose_cells_hold_short_paragraphs_is_data_headed_by_its_first_row() -> None:
    """Word (through mammoth) and Google Docs write each cell's text in a paragraph, <td><p>Day</p></td>: the
    table was taken for page layout and its cells became paragraphs, one word each. It is a table, and without a
    header row its first row heads the columns (there was an empty header row). A cell of prose is still a column
    of a page laid out with tables."""
    prose = "The first week with a new client sets the tone for the whole engagement, so plan it carefully. "
    table = (
        "<table><tr><td><p>Day</p></td><td><p>What</p></td></tr>"
        "<tr><td><p>Monday</p></td><td><p>Kickoff call</p></td></tr></table>"
    )
    page = f"<html><body><article><h1>Onboarding</h1><p>{prose * 2}</p>{table}<p>{prose}</p></article></body></html>"
    blocks = parse_article(Source("doc.html", "html", page)).blocks
    assert [b.markdown for b in blocks if b.kind == "table"] == [
        "| Day | What |\n| --- | --- |\n| Monday | Kickoff call |"
    ]
    layout = (
        f"<html><body><table><tr><td><p>Home</p><p>About</p></td><td><h1>Onboarding</h1><p>{prose * 2}</p>"
        f"<p>{prose}</p></td></tr></table></body></html>"
    )
    assert not any(b.kind == "table" for b in parse_article(Source("old.html", "html", layout)).blocks)


@pytest.mark.parametrize(
    "ending",
    [
        "Talk soon,  \nOwen", "Talk soon,\n\nOwen", "<p>Talk soon,<br>Owen</p>", "Owen", "<p>Owen</p>", "— Owen",
        "Talk soon,\nOwen", "Viele Grüße\nOwen",  # on the next line, as most type it (German: no comma)
    ],
)  # fmt: skip
def test_a_markdown_or_html_article_signed_by_its_author_names_them(ending: str) -> None:
    """A letter signed "Talk soon," / "Owen" with no byline or front matter left the course's author empty (and
    the sender an example value); plain text already took the name from the sign-off, now every format does, and
    a name alone under the last paragraph signs as well, with a dash before it too ("— Owen" left it empty)."""
    prose = "Most consultants wait too long to raise their rates, and then raise them too little. " * 3
    if ending.startswith("<p>"):
        source = Source(
            "post.html", "html", f"<html><body><article><h1>Rates</h1><p>{prose}</p>{ending}</article></body></html>"
        )
    else:
        source = Source("post.md", "markdown", f"# Rates\n\n{prose}\n\n{ending}\n")
    assert parse_article(source).author == "Owen"


def test_short_lines_that_each_end_a_sentence_keep_their_breaks() -> None:
    """A social post sets its sentences one a line ("Not because of price." / "Not because of quality."): they
    ran into one line. Short lines that each end a sentence keep the author's breaks; prose wrapped to a width,
    whose lines end mid-sentence, still runs on."""
    text = (
        "I lost my biggest client\n\nI lost my biggest client last year, after eight years of working together.\n\n"
        "Not because of price.\nNot because of quality.\n\nBecause I stopped calling them, and someone else did\n"
        "not. That is the whole story, and the rest of this post is what I do now.\n"
    )
    blocks = parse_plain_text(text).blocks
    assert [b.markdown for b in blocks][1:] == [
        "Not because of price.  \nNot because of quality.",
        "Because I stopped calling them, and someone else did not. That is the whole story, and the rest of this "
        "post is what I do now.",
    ]


def test_text_copied_out_of_a_pdf_loses_its_page_furniture_and_broken_words() -> None:
    """Text copied from a PDF: the title with its subtitle on the next line (it was a paragraph, and the course
    untitled), words broken at a line's end ("pro-" / "posal" read "pro- posal"), page numbers alone ("1") and the
    running head above each page (it became a heading a page). A word the text writes with a hyphen keeps it."""
    text = (
        "The Quiet Art of Follow-Up\nA practical guide for independent consultants\n\n"
        "Most consultants lose more work to silence than to competitors. A pro-\nposal goes out and then nothing "
        "happens for weeks,\nand by the time you follow-\nup, the budget has moved on to the next proposal.\n\n1\n\n"
        "The Quiet Art of Follow-Up\n\nWhy silence is not a no\n\nA client who does not answer is usually busy, not "
        "uninterested, and the\nfollow-up is a service that brings a decision back to the top of the pile.\n\n2\n\n"
        "The Quiet Art of Follow-Up\n\nWhen to write again\n\nSend the first follow-up three working days after the "
        "proposal, and the\nsecond a week after that, then close the loop kindly.\n\nPage 3 of 3\n"
    )
    article = parse_plain_text(text)
    assert article.title == "The Quiet Art of Follow-Up"
    assert [(b.kind, b.text.split(".")[0]) for b in article.blocks] == [
        ("paragraph", "A practical guide for independent consultants"),
        ("paragraph", "Most consultants lose more work to silence than to competitors"),
        ("heading", "Why silence is not a no"),
        ("paragraph", "A client who does not answer is usually busy, not uninterested, and the follow-up is a service "
         "that brings a decision back to the top of the pile"),
        ("heading", "When to write again"),
        ("paragraph", "Send the first follow-up three working days after the proposal, and the second a week after "
         "that, then close the loop kindly"),
    ]  # fmt: skip
    assert (
        "A proposal goes out" in article.blocks[1].text and "by the time you follow-up, the" in article.blocks[1].text
    )


def test_text_copied_out_of_a_pdf_viewer_gets_its_paragraphs_and_sections_back() -> None:
    """A PDF viewer copies a page's lines without the space between its paragraphs, and its footer with them
    ("Volunteer Onboarding Guide      Page 2"): each section ran on as one paragraph, its numbered heading glued to
    its text and the footer read out mid-sentence. A line the next line's first word would have fitted on ends a
    paragraph when it ends a sentence, and stands alone when it reads as a heading."""
    text = (
        "Volunteer Onboarding Guide\n\n"
        "1. Before the first shift\n"
        "Most volunteers decide in their first week whether they will\n"
        "come back. They rarely say so; they simply stop answering the\n"
        "rota emails.\n"
        "Send the welcome pack three days ahead.\n"
        "A pack that arrives early gets read on the sofa, with time to\n"
        "think of questions.\n"
        "Volunteer Onboarding Guide                         Page 2\n"
        "2. The first shift\n"
        "Pair every newcomer with someone who has done at least ten\n"
        "shifts. The pairing matters more than the slides.\n"
        "Three things to do before they leave:\n"
        "\u2022 Thank them by name, in front of the team.\n"
        "\u2022 Book their second shift with them, on the spot, before\n"
        "they reach the door.\n"
        "\u2022 Ask what surprised them.\n"
        "The second shift is the one that makes a habit of it.\n"
        "Volunteer Onboarding Guide                         Page 3\n"
    )
    blocks = parse_plain_text(text).blocks
    assert [(b.kind, b.text.split(" ")[-1]) for b in blocks] == [
        ("heading", "shift"),
        ("paragraph", "emails."),
        ("paragraph", "ahead."),
        ("paragraph", "questions."),
        ("heading", "shift"),
        ("paragraph", "slides."),
        ("paragraph", "leave:"),
        ("list", "them."),
        ("paragraph", "it."),
    ]
    assert blocks[7].markdown.splitlines()[1] == (
        "- Book their second shift with them, on the spot, before they reach the door."
    )
    assert "Page" not in " ".join(b.text for b in blocks)


def test_a_narrow_pdf_column_gets_its_paragraphs_back_too() -> None:
    """A PDF set in two columns wraps at about 38 characters: its copy ran on as one paragraph, the numbered
    headings inside it, because text under 40 characters wide was taken for a post's short lines."""
    text = (
        "The Retention Playbook\n\n1. Why clients leave\nMost consultants believe clients leave\n"
        "because of price. In our interviews with\n140 former clients of independent\nconsultants, price came "
        "fourth.\nThat last one matters most. A client who\ncannot explain your value to their own\nboss will not "
        "defend your invoice.\n2. The first ninety days\nThe first ninety days set the pattern\nfor the whole "
        "engagement.\n"
    )
    blocks = parse_plain_text(text).blocks
    assert [(b.kind, b.text.split(" ")[-1]) for b in blocks] == [
        ("heading", "leave"), ("paragraph", "fourth."), ("paragraph", "invoice."), ("heading", "days"),
        ("paragraph", "engagement."),
    ]  # fmt: skip


def test_text_that_is_wrapped_with_blank_lines_between_paragraphs_keeps_its_paragraphs_whole() -> None:
    """An email wrapped at 72 columns, blank lines between its paragraphs: a line that ends a sentence early in a
    paragraph, before a long word, is not a paragraph's end, and a list item's second line stays in the item."""
    text = (
        "Notes from the retreat\n\n"
        "We spent the first morning on the budget and the second on hiring. The\n"
        "budget is fine. Hiring is not: we have three open roles, two of them\n"
        "engineering, and the market has not got easier since the spring, which\n"
        "means we should start the searches this month rather than in January.\n\n"
        "What we agreed on the last afternoon, in the order we agreed it, is below.\n"
    )
    blocks = parse_plain_text(text).blocks
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]


def test_page_numbers_copied_into_the_middle_of_a_paragraph_go() -> None:
    """A viewer copies each page's number (and its running head) where the page broke, inside a paragraph when no
    blank line is around it: "…the CFO's spreadsheet. 2" ended a paragraph, and the running head ran into it.
    Under a paragraph, the number stayed as its last word."""
    paragraph = (
        "Most consultants believe clients leave because of price. In our\ninterviews with former clients of "
        "independent consultants,\nprice came fourth. The three reasons ahead of it were all about\nattention and "
        "trust, and a client who cannot explain your value\nto their own boss will not defend your invoice when the\n"
    )
    text = (
        f"The Retention Playbook\n\n{paragraph}2\nThe Retention Playbook\nbudget is cut at the end of the year.\n\n"
        f"{paragraph}3\nThe Retention Playbook\nbudget is cut, whatever the year has been.\n\n"
        f"{paragraph}budget is cut in the spring.\n4\n"
    )
    article = parse_plain_text(text)
    assert article.title == "The Retention Playbook"
    assert [b.text.split("invoice ")[1] for b in article.blocks] == [
        "when the budget is cut at the end of the year.",
        "when the budget is cut, whatever the year has been.",
        "when the budget is cut in the spring.",
    ]


def test_a_pdf_table_of_contents_is_left_out() -> None:
    """A PDF's contents page, copied with the text ("1. Why clients leave ........ 2"), is the PDF's way to its
    pages, not the article's: it went into the first lesson as a numbered list with its page numbers. It goes,
    with its "Contents" heading."""
    text = (
        "The Retention Playbook\n\nContents\n\n1. Why clients leave ........................ 2\n"
        "2. The first ninety days .................... 3\n\n"
        "1. Why clients leave\n\nMost consultants believe clients leave because of price. In our interviews it came "
        "fourth.\n\n2. The first ninety days\n\nThe first ninety days set the pattern for the whole engagement.\n"
    )
    article = parse_plain_text(text)
    assert article.title == "The Retention Playbook"
    assert [(b.kind, b.text[:24]) for b in article.blocks] == [
        ("heading", "1. Why clients leave"),
        ("paragraph", "Most consultants believe"),
        ("heading", "2. The first ninety days"),
        ("paragraph", "The first ninety days se"),
    ]


def test_a_pdf_cover_gives_the_title_and_the_author() -> None:
    """A whitepaper's cover, copied as its first lines: the title broken over two lines, a subtitle, the author with
    her firm and the edition. It was one paragraph opening lesson 1, and the course's title was cut from it ("The
    Retention Playbook for Independent Consultants How to keep clients"). A byline ("By …") names the author too."""
    text = (
        "The Retention Playbook for Independent\nConsultants\nHow to keep clients for years, not months\n"
        "Marta Lindqvist, Northlight Advisory\n2026 Edition\n\n"
        "Most consultants believe clients leave because of price. In our interviews it came fourth.\n\n"
        "So the work of retention starts long before renewal. It starts the week you sign.\n"
    )
    by = text.replace("Marta Lindqvist, Northlight Advisory\n2026 Edition\n", "By Marta Lindqvist\n")
    for article in (parse_plain_text(text), parse_plain_text(by)):
        assert (article.title, article.author) == (
            "The Retention Playbook for Independent Consultants", "Marta Lindqvist"
        )  # fmt: skip
    assert [b.text for b in article.blocks][:2] == [
        "How to keep clients for years, not months",
        "Most consultants believe clients leave because of price. In our interviews it came fourth.",
    ]


def test_short_opening_lines_without_an_author_or_an_edition_are_not_a_cover() -> None:
    """A post that opens with short unpunctuated lines is not a cover: nothing in them names an author or an
    edition, so they stay the post's words."""
    text = (
        "I lost my biggest client today\nAnd it was my fault\nHere is what I missed\n\n"
        "For two years I sent the same report every month. Nobody read it, and I never asked.\n\n"
        "Ask what they read. Then send that.\n"
    )
    article = parse_plain_text(text)
    assert article.blocks[0].text.startswith("I lost my biggest client today")


@pytest.mark.parametrize(
    "label", ["About the author", "ABOUT THE AUTHOR", "About Marta Lindqvist", "À propos de l'autrice"]
)
def test_the_authors_bio_after_the_article_is_left_out(label: str) -> None:
    """A whitepaper or a post ends with the author's bio ("About the author", her name, her firm) and a copyright
    line: it became the last lesson's closing paragraph. The subscriber knows who writes to them; the bio goes."""
    text = (
        "Pricing for the long run\n\nBy Marta Lindqvist\n\n"
        "Long engagements need prices that can last. Hourly billing punishes you for getting faster.\n\n"
        "Keep the conversation about outcomes and the price follows.\n\n"
        f"{label}\nMarta Lindqvist has advised more than sixty firms on client retention.\n"
        "She lives in Uppsala.\n\u00a9 2026 Northlight Advisory. All rights reserved.\n"
    )
    blocks = parse_plain_text(text).blocks
    assert blocks[-1].text == "Keep the conversation about outcomes and the price follows."


def test_the_authors_bio_under_a_markdown_or_html_article_is_left_out() -> None:
    """The same bio under a Markdown post ("## About the author") or a page's article (an <h3> naming the author
    its meta tag names, no class calling it a card): it closed the last lesson."""
    body = "Long engagements need prices that can last. Hourly billing punishes you for getting faster. " * 4
    markdown = f"# Pricing for the long run\n\n{body}\n\n## About the author\n\nMarta Lindqvist advises firms.\n"
    assert parse_article(Source("post.md", "markdown", markdown)).blocks[-1].text == body.strip()
    page = (
        '<html><head><meta name="author" content="Marta Lindqvist"></head><body><article>'
        f"<h1>Pricing for the long run</h1><p>{body}</p><h3>About Marta Lindqvist</h3>"
        "<p>Marta Lindqvist advises firms.</p></article></body></html>"
    )
    assert parse_article(Source("post.html", "html", page)).blocks[-1].text == body.strip()


def test_a_section_about_the_author_inside_the_article_stays() -> None:
    """ "About the author" with the article going on after it at length is a section of the article (a profile, a
    book review), not a bio under it."""
    body = "She started the firm in 2009 with one client and a borrowed desk, and grew it slowly. " * 12
    text = (
        "A profile of a quiet founder\n\nOpening words of the profile, long enough to be an article's first "
        f"paragraph.\n\nAbout the author\n\n{body}\n\nWhat she would do again\n\n{body}\n"
    )
    blocks = parse_plain_text(text).blocks
    assert [b.text for b in blocks if b.kind == "heading"] == ["About the author", "What she would do again"]


def test_a_narrow_first_paragraph_keeps_its_short_lower_case_lines() -> None:
    """Text wrapped narrow (a PDF's two columns, about forty characters): a line of the first paragraph with a few
    lower-case words and no punctuation ("of the quarter and the team") read as page furniture under the title (a
    label such as "top of page") and went, with the words on it. A line that goes on with the sentence above it is
    the paragraph's; and a title wrapped onto a second line in lower case is one title (the second line was read as
    a subtitle, then as a label, and went)."""
    text = (
        "Quarterly reviews that work\n\nMost reviews fail before they start. We\nbooked ninety minutes at the end\n"
        "of the quarter and the team\nspent them reading slides aloud.\n\nThis year we changed one thing.\n"
    )
    wrapped_title = text.replace("Quarterly reviews that work\n", "Quarterly reviews that work for\nsmall teams\n")
    assert parse_plain_text(wrapped_title).title == "Quarterly reviews that work for small teams"
    article = parse_plain_text(text)
    assert article.title == "Quarterly reviews that work"
    assert article.blocks[0].text == (
        "Most reviews fail before they start. We booked ninety minutes at the end of the quarter and the team spent "
        "them reading slides aloud."
    )


def test_an_authors_note_under_the_title_is_not_a_page_label() -> None:
    """ "Note" (or "Update", "Disclaimer") on its own line under the title went as a site's label, like "Share"
    and "Sign in": those words are the author's (they were listed as last words that are no name, not as a site's
    labels). Found by the scratch property test."""
    text = (
        "Pricing for the long run\n\nUpdate\n\nThe prices below are from 2025. They have gone up since, but the "
        "method holds.\n\nLong engagements need prices that can last, and hourly billing punishes you for speed.\n"
    )
    blocks = parse_plain_text(text).blocks
    assert blocks[0].text == "Update"
    shared = parse_plain_text(text.replace("Update", "Share")).blocks
    assert shared[0].text.startswith("The prices below")


def test_a_compound_broken_at_its_own_hyphen_keeps_it() -> None:
    """A line may break a compound at its hyphen ("self-" / "employed"): it stays "self-employed", while a word
    broken into syllables ("feel-" / "ing") is one word again."""
    text = "Notes\n\nI am self-\nemployed, and feel-\ning well-\nknown helps a con-\nsultant's work.\n"
    blocks = parse_plain_text(text).blocks
    assert blocks[0].text == "I am self-employed, and feeling well-known helps a consultant's work."


def test_highlighted_code_keeps_every_token_even_ones_named_like_page_furniture() -> None:
    """highlight.js and Prism mark a code comment class="hljs-comment" / "token comment" and a shebang
    "hljs-meta": named like a page's comments and meta boxes, they were dropped, and the code lost its lines."""
    page = (
        "<html><body><article><h1>Nightly jobs</h1><p>Run the export every night and keep what it says in a log, so"
        " that the morning after a failure you can read what went wrong, in order, with the time of each line.</p>"
        '<pre><code class="language-bash"><span class="hljs-meta">#!/usr/bin/env bash</span>\n'
        '<span class="hljs-comment"># m h dom mon dow command</span>\n15 2 * * * /srv/nightly.sh\n'
        '<span class="token comment">// done</span>\n</code></pre><p>That is the whole job.</p></article></body></html>'
    )
    code = "```bash\n#!/usr/bin/env bash\n# m h dom mon dow command\n15 2 * * * /srv/nightly.sh\n// done\n```"
    assert code in _html_markdown(page)[1]


def test_line_numbered_code_is_the_code_without_its_numbers() -> None:
    """Hugo (Chroma), Pygments and Rouge number a code block's lines in a table: a cell of numbers beside a cell
    of code. It became a one-row Markdown table of both, the code's lines run together; numbers written inline
    (a span each) were glued to the lines. The reader gets the code, line by line, numbers gone."""
    chroma = (
        '<div class="highlight"><table class="lntable"><tr><td class="lntd"><pre><code><span class="lnt">1\n</span>'
        '<span class="lnt">2\n</span></code></pre></td><td class="lntd"><pre><code class="language-bash">'
        '<span class="line"><span class="cl">set -e\n</span></span><span class="line"><span class="cl">cd /srv\n'
        "</span></span></code></pre></td></tr></table></div>"
    )
    pygments = (
        '<table class="highlighttable"><tr><td class="linenos"><div class="linenodiv"><pre>1\n2</pre></div></td>'
        '<td class="code"><div class="highlight"><pre><span></span>set -e\ncd /srv\n</pre></div></td></tr></table>'
    )
    inline = (
        '<pre><code class="language-bash"><span class="ln">1</span>set -e\n<span class="linenos">2</span>cd /srv\n'
        "</code></pre>"
    )
    per_line = (  # highlight.js' line-numbers plugin: a row a line, the numbers drawn from data-line-number
        '<pre><code class="hljs language-bash"><table class="hljs-ln"><tbody><tr><td class="hljs-ln-line '
        'hljs-ln-numbers" data-line-number="1"><div class="hljs-ln-n" data-line-number="1"></div></td><td '
        'class="hljs-ln-line hljs-ln-code" data-line-number="1">set -e</td></tr><tr><td class="hljs-ln-line '
        'hljs-ln-numbers" data-line-number="2"><div class="hljs-ln-n" data-line-number="2"></div></td><td '
        'class="hljs-ln-line hljs-ln-code" data-line-number="2">cd /srv</td></tr></tbody></table></code></pre>'
    )
    for code in (chroma, pygments, inline, per_line):
        page = (
            "<html><body><article><h1>Scripts</h1><p>A script that runs every night should stop at the first error"
            " rather than carry on with a half-made file. Stop at the first error, then go to the folder:</p>"
            f"{code}<p>Two lines are enough.</p></article></body></html>"
        )
        blocks = _html_markdown(page)[1]
        assert blocks[1] in ("```bash\nset -e\ncd /srv\n```", "```\nset -e\ncd /srv\n```"), (code, blocks)
        assert blocks[2] == "Two lines are enough."
    ranking = (  # a data table whose first column is numbers stays a table
        "<html><body><article><h1>Results</h1><p>The three teams that closed the most this quarter, in order.</p>"
        "<table><tr><th>#</th><th>Team</th></tr><tr><td>1</td><td>North</td></tr><tr><td>2</td><td>South</td></tr>"
        "</table></article></body></html>"
    )
    assert "| 1 | North |" in _html_markdown(ranking)[1][1]


def test_a_pipe_in_a_table_cell_stays_in_its_cell() -> None:
    """A "|" in an HTML table's cell ("x|y", a shell pipe in code) was written into the Markdown table as is: it
    ended the cell, and the words after it moved a column or, past the last one, were dropped."""
    page = (
        "<html><body><article><h1>Pipes</h1><p>Two commands joined by a pipe, and what each one does, are in the "
        "table below, as you would type them in a terminal.</p><table><tr><th>Command</th><th>Does</th></tr><tr>"
        "<td><code>ls | wc -l</code></td><td>counts files | lines</td></tr></table></article></body></html>"
    )
    table = _html_markdown(page)[1][-1]
    assert table == "| Command | Does |\n| --- | --- |\n| `ls \\| wc -l` | counts files \\| lines |"
    assert "<td><code>ls | wc -l</code></td>\n<td>counts files | lines</td>" in render_html(table)


def test_an_html_table_in_a_markdown_article_becomes_a_markdown_table() -> None:
    """A notebook's DataFrame (or a table pasted as HTML) in a Markdown article stayed raw HTML: a lesson file no
    one edits comfortably, and a plain-text twin of its cells one per line. A data table alone in its HTML block
    becomes a Markdown table; HTML that holds more than a table, or cells that hold blocks, stays as written."""
    frame = (
        '<div>\n<style scoped>\n    .dataframe tbody tr th { vertical-align: top; }\n</style>\n<table border="1" '
        'class="dataframe">\n  <thead>\n    <tr style="text-align: right;">\n      <th></th>\n      <th>plan</th>\n'
        "      <th>churned</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <th>0</th>\n      <td>pro</td>\n"
        "      <td>False</td>\n    </tr>\n  </tbody>\n</table>\n</div>"
    )
    intro = "# Churn\n\nThe first rows of the data, as the notebook shows them after loading the file from disk.\n\n"
    blocks = parse_article(Source("nb.md", "markdown", intro + frame + "\n\nEach row is a customer.\n")).blocks
    table = "|  | plan | churned |\n| --- | --- | --- |\n| 0 | pro | False |"
    assert (blocks[1].kind, blocks[1].markdown) == ("table", table)
    kept = "<div><p>A note.</p><table><tr><td>1</td></tr></table></div>"
    blocks = parse_article(Source("nb.md", "markdown", intro + kept + "\n")).blocks
    assert blocks[1].markdown == kept


def test_plain_text_code_typed_flush_and_tables_lined_up_with_spaces_keep_their_shape() -> None:
    """A tutorial typed as plain text: a command after a shell prompt, a config file's stanza under "Put this in
    ~/.ssh/config:" and a table lined up with spaces ran into paragraphs ("Host github.com User git …", the
    table's rows one line), escaped ("\\~/.ssh"), and the lead-in became a heading. Prose stays prose: lines that
    end sentences, a list after a lead-in, sentences with two spaces between them."""
    text = (
        "SSH keys\n\nMost people set up SSH keys once and never look at them again, which works until a laptop "
        "is lost.\n\nMake a key on each machine:\n\n$ ssh-keygen -t ed25519 -f ~/.ssh/id_laptop\n\n"
        "Put this in ~/.ssh/config:\n\nHost github.com\n  User git\n  IdentityFile ~/.ssh/id_laptop\n\n"
        "Keep a table of where each key is:\n\nKey          Machine    Installed on\nid_laptop    laptop     GitHub\n"
        "id_phone     phone      NAS, backup box\n\nWhat you need:\n\nA laptop\nA second machine\n\n"
        "Then say it out loud:\n\nI will not copy keys.  I will make new ones.\nEvery time.\n"
    )
    blocks = [(b.kind, b.markdown) for b in parse_plain_text(text).blocks]
    assert ("code", "```\n$ ssh-keygen -t ed25519 -f ~/.ssh/id_laptop\n```") in blocks
    assert ("paragraph", "Put this in \\~/.ssh/config:") in blocks
    assert ("code", "```\nHost github.com\n  User git\n  IdentityFile ~/.ssh/id_laptop\n```") in blocks
    table = "| Key | Machine | Installed on |\n| --- | --- | --- |\n| id\\_laptop | laptop | GitHub |\n"
    assert ("table", table + "| id\\_phone | phone | NAS, backup box |") in blocks
    assert [kind for kind, _ in blocks[-4:]] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert blocks[-1] == ("paragraph", "I will not copy keys.  I will make new ones.  \nEvery time.")


def test_a_notion_pages_properties_are_not_the_article() -> None:
    """A Notion page exported as HTML opens with its properties (Created, Tags, Owner) in a table: it became the
    first lesson's opening table, and the owner's name in it hid that the page is signed "Tomás"."""
    page = (
        '<html><body><article class="page"><header><h1 class="page-title">On-call</h1><table class="properties">'
        '<tbody><tr class="property-row"><th>Created</th><td><time>@March 4, 2026</time></td></tr><tr '
        'class="property-row"><th>Owner</th><td>Tomás Ruiz</td></tr></tbody></table></header><div class="page-body">'
        "<p>On-call burns people out when it is a lottery: some weeks nothing happens, some weeks the pager never "
        "stops, and nobody knows which week they will get.</p><p>Tomás</p></div></article></body></html>"
    )
    article = parse_article(Source("notion.html", "html", page))
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"] and article.author == "Tomás"


def test_a_lazily_loaded_picture_keeps_its_real_address() -> None:
    """A page that loads pictures lazily puts a placeholder in src (a blank data: GIF, a placeholder image) and
    the picture's address in data-src, data-lazy-src or data-srcset: the picture was dropped (data: is not a
    picture an email may load) or the placeholder shown."""
    prose = "<p>Dashboards grow until nobody reads them; these are the charts I look at every Monday morning.</p>"
    pictures = (
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://cdn.example.com/runway.png" '
        'alt="Runway"><img src="https://cdn.example.com/placeholder.svg" '
        'data-lazy-src="https://cdn.example.com/ttfv.png" alt="TTFV">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-srcset="https://cdn.example.com/a-600.png 600w, '
        'https://cdn.example.com/a-1200.png 1200w" alt="Sources">'
        '<img src="https://cdn.example.com/plain.png" alt="Plain">'
    )
    page = f"<html><body><article><h1>Charts</h1>{prose}<p>{pictures}</p>{prose}</article></body></html>"
    markdown = "\n".join(_html_markdown(page)[1])
    shown = re.findall(r"!\[(\w+)\]\(https://cdn\.example\.com/([\w.-]+)\)", markdown)
    assert shown == [("Runway", "runway.png"), ("TTFV", "ttfv.png"), ("Sources", "a-1200.png"), ("Plain", "plain.png")]
    assert "placeholder" not in markdown and "data:" not in markdown


def test_a_closing_invitation_to_subscribe_goes() -> None:
    """ "P.S. If this resonated, I write one of these every other Sunday. [Subscribe here](…)" closed the last
    lesson of a course its reader has subscribed to already. A short paragraph with a link to subscribe among the
    last two goes; a link to subscribe inside the article's body, and a closing without one, stay."""
    body = "# The slow yes\n\n" + "For most of my twenties I said yes fast, to everything and everyone. " * 4
    ps = "P.S. If this resonated, I write one of these every other Sunday. [Subscribe here](https://example.com/s)."
    blocks = parse_article(Source("essay.md", "markdown", f"{body}\n\nSee what changes overnight.\n\n{ps}\n")).blocks
    assert blocks[-1].markdown == "See what changes overnight."
    middle = f"{body}\n\n{ps}\n\nMore of the essay follows here.\n\nAnd then it ends, as essays do.\n"
    assert any("Subscribe here" in b.markdown for b in parse_article(Source("essay.md", "markdown", middle)).blocks)
    plain = f"{body}\n\nP.S. I write one of these every other Sunday.\n"
    assert parse_article(Source("essay.md", "markdown", plain)).blocks[-1].markdown.startswith("P.S.")


def test_an_admonition_holding_code_keeps_the_code_inside_it() -> None:
    """A Docusaurus admonition holding a code block: only the fence's first line was quoted, so its code fell out
    as a paragraph and the text after the admonition became a code block. The code stays in the quote, under the
    admonition's title, its lines as written (">>> " included); a fence the author quoted is left as it is."""
    text = (
        "# Restores\n\nTest the restore every month, not just the backup, because a backup you never restored is a "
        "hope.\n\n:::warning Check the target first\n\nRestoring over the live database destroys it:\n\n```bash\n"
        "pg_restore -d staging backup.dump\n>>> not a quote\n```\n\n:::\n\nThat is the whole routine.\n\n"
        "> Quoted by the author:\n>\n> ```\n> ls > out.txt\n> ```\n\nThe end.\n"
    )
    blocks = [(b.kind, b.markdown) for b in parse_article(Source("restores.md", "markdown", text)).blocks]
    assert blocks[1] == (
        "quote",
        "> **Check the target first**  \n> Restoring over the live database destroys it:\n>\n> ```bash\n"
        "> pg_restore -d staging backup.dump\n> >>> not a quote\n> ```",
    )
    assert blocks[2] == ("paragraph", "That is the whole routine.")
    assert blocks[3] == ("quote", "> Quoted by the author:\n>\n> ```\n> ls > out.txt\n> ```")


def test_a_docs_sites_own_lines_around_the_article_go() -> None:
    """A docs page ends its sections with "↑ Back to top" and itself with "Edit this page on GitHub", "Was this page
    helpful?" and "Last updated on March 3, 2026": each reached a lesson as a paragraph of its own. A sentence of
    the article that mentions an update or the top stays."""
    prose = (
        "<p>A secret that never changes has probably leaked somewhere; rotating it without an outage needs a plan.</p>"
    )
    page = (
        f"<html><body><article><h1>Rotating secrets</h1>{prose}<h2>Keep two valid</h2>{prose}"
        '<p><a href="#top">↑ Back to top</a></p><h2>Retire the old one</h2><p>We updated every service in 2024 and '
        "went back to the top of the list.</p><hr><p><a href='https://github.com/acme/docs/edit/main/s.md'>Edit this"
        " page on GitHub</a></p><div class='feedback'><p>Was this page helpful?</p><button>Yes</button></div>"
        "<p>Last updated on March 3, 2026</p></article></body></html>"
    )
    blocks = _html_markdown(page)[1]
    assert blocks[-1] == "We updated every service in 2024 and went back to the top of the list."
    assert not any(word in "\n".join(blocks) for word in ("Back to top", "Edit this page", "helpful", "Last updated"))


def test_kramdown_attribute_lists_and_its_table_of_contents_go() -> None:
    """A Jekyll post (kramdown) opened with "* TOC" over "{:toc}", a bullet reading "TOC" in the first lesson, and a
    picture's "{: .align-center}" outlived the picture as a paragraph of its own; attribute lists say how a theme
    styles a block, and go wherever they are; a paragraph the theme boxes as a notice ("{: .notice--info}") is the
    author's callout, a quote. In code they stay."""
    text = (
        "---\ntitle: Proposals\n---\n\n* TOC\n{:toc}\n\nMost proposals are read for ninety seconds, price and date "
        "first, and the rest is for the second reader.\n{: .lead}\n\n## Price on page one\n\nHiding the price does "
        "not make it smaller.\n{: .notice--info}\n\n![Layout](/img/p.png){: .align-center}\n\n```\n{: .kept}\n```\n"
    )
    blocks = [b.markdown for b in parse_article(Source("p.md", "markdown", text), "https://omar.example.org/").blocks]
    assert blocks == [
        "Most proposals are read for ninety seconds, price and date first, and the rest is for the second reader.",
        "## Price on page one",
        "> Hiding the price does not make it smaller.",
        "![Layout](https://omar.example.org/img/p.png)",
        "```\n{: .kept}\n```",
    ]


def test_a_pages_callouts_and_admonitions_are_quotes_under_their_titles() -> None:
    """MkDocs' and Docusaurus' admonitions, Notion's and Ghost's callouts, exported as HTML: their words were
    plain paragraphs run in with the text, a warning no longer set apart, and MkDocs' title a paragraph of its
    own. Each is a quote, its title in bold ("tip", capitalised by CSS on the page, is "Tip"), and an icon in a box
    of its own (Notion's "💡") opens its words rather than going as a decorative divider."""
    page = (
        "<html><body><article><h1>Restores</h1><p>Test the restore every month, not just the backup: a backup you "
        'never restored is only a hope.</p><div class="admonition warning"><p class="admonition-title">Check the '
        'target first</p><p>Restoring over the live database destroys it.</p></div><div class="theme-admonition '
        'alert alert--success"><div class="admonitionHeading_Gvgb"><span><svg></svg></span>tip</div><div><p>Keep the '
        'restore script beside the backup script.</p></div></div><figure class="callout"><div>💡</div><div>Twenty '
        "minutes once a month.</div></figure><p>That is the whole routine.</p></article></body></html>"
    )
    assert _html_markdown(page)[1][1:] == [
        "> **Check the target first**\n>\n> Restoring over the live database destroys it.",
        "> **Tip**\n>\n> Keep the restore script beside the backup script.",
        "> 💡 Twenty minutes once a month.",
        "That is the whole routine.",
    ]


def test_asciidoc_admonitions_are_quotes_under_their_labels() -> None:
    """Asciidoctor lays an admonition out as a one-row table, an icon cell and a content cell: its label ("Note"
    in words, or a font icon's title) became a paragraph of its own above its words, set apart from nothing."""
    page = (
        '<html><body><div id="content"><div class="paragraph"><p>Hide unfinished work behind a flag, and ship the '
        "pieces as they are ready rather than all at once at the end of the quarter.</p></div>"
        '<div class="admonitionblock note"><table><tr><td class="icon"><div class="title">Note</div></td>'
        '<td class="content">A flag is a promise to remove it later.</td></tr></table></div>'
        '<div class="admonitionblock warning"><table><tr><td class="icon"><i class="fa icon-warning" '
        'title="Warning"></i></td><td class="content"><div class="paragraph"><p>Old flags rot.</p></div></td></tr>'
        "</table></div></div></body></html>"
    )
    assert _html_markdown(page)[1][1:] == [
        "> **Note**\n>\n> A flag is a promise to remove it later.",
        "> **Warning**\n>\n> Old flags rot.",
    ]


def test_tabs_show_every_panel_under_its_label_and_code_keeps_its_file_name() -> None:
    """Docusaurus' tabs (role="tab", role="tabpanel") were a list of their labels over the first panel's code,
    the hidden panels lost; MkDocs Material's the same. Every panel shows, under its label in bold. A code block's
    file name (Docusaurus' codeBlockTitle) was a paragraph of prose: it is bold above the code. A heading's
    permalink whose text is a zero-width space ("​", Docusaurus' hash-link) left that space in the heading."""
    prose = "<p>Take a token in the same statement that refills the bucket, so two racing requests cannot both win.</p>"
    page = (
        f'<html><body><article><h1>Rate limits</h1>{prose}<h2 id="take">Take one<a href="#take" class="hash-link">'
        '\u200b</a></h2><div class="codeBlockContainer"><div class="codeBlockTitle_Ktv7">take.sql</div>'
        '<pre><code>select take($1);</code></pre></div><div class="tabs-container"><ul role="tablist">'
        '<li role="tab" aria-selected="true">Node</li><li role="tab">Python</li></ul><div>'
        '<div role="tabpanel"><pre><code class="language-js">await take(db, id);</code></pre></div>'
        '<div role="tabpanel" hidden=""><pre><code class="language-python">take(db, id)</code></pre></div></div></div>'
        '<div class="tabbed-set tabbed-alternate"><input type="radio" id="t1"><input type="radio" id="t2">'
        '<div class="tabbed-labels"><label for="t1">Linux</label><label for="t2">macOS</label></div>'
        '<div class="tabbed-content"><div class="tabbed-block"><p>Run apt install postgresql-client today.</p></div>'
        '<div class="tabbed-block"><p>Run brew install libpq today.</p></div></div></div></article></body></html>'
    )
    assert _html_markdown(page)[1][1:] == [
        "## Take one",
        "**take.sql**",
        "```\nselect take($1);\n```",
        "**Node**",
        "```js\nawait take(db, id);\n```",
        "**Python**",
        "```python\ntake(db, id)\n```",
        "**Linux**",
        "Run apt install postgresql-client today.",
        "**macOS**",
        "Run brew install libpq today.",
    ]


def test_a_read_the_docs_page_keeps_its_article_inside_wrappers_named_for_navigation() -> None:
    """Sphinx's Read the Docs theme wraps the whole page in "wy-grid-for-nav" and the article in "wy-nav-content":
    the article itself went as page furniture ("no article text found"). The element a page declares its article
    (role="main", itemprop="articleBody", <main>, <article>) and what holds it are never furniture; the sidebar,
    the breadcrumbs and the footer's buttons still go. A heading's "¶" permalink is not part of the title, and a
    code block takes its language from Sphinx's "highlight-python" wrapper."""
    page = (
        '<html lang="en"><body class="wy-body-for-nav"><div class="wy-grid-for-nav">'
        '<nav class="wy-nav-side"><a href="index.html">Fieldnotes</a><ul><li><a href="a.html">Installing</a></li>'
        '<li><a href="#">Retrying</a></li></ul></nav><section class="wy-nav-content-wrap"><div class="wy-nav-content">'
        '<div class="rst-content"><div role="navigation"><ul class="wy-breadcrumbs"><li><a href="index.html">Home'
        "</a> &raquo;</li><li>Retrying</li></ul></div>"
        '<div role="main" class="document"><div itemprop="articleBody"><section id="retrying">'
        '<h1>Retrying without hurting the server<a class="headerlink" href="#retrying" title="Permalink">¶</a></h1>'
        "<p>Every client will one day see a request fail for no reason of its own, and retrying carelessly turns "
        "one bad minute into an outage.</p>"
        '<section id="backoff"><h2>Back off<a class="headerlink" href="#backoff">¶</a></h2>'
        '<div class="highlight-python notranslate"><div class="highlight"><pre><span></span>'
        '<span class="k">def</span> <span class="nf">backoff</span>(attempt):\n    return 2 ** attempt\n</pre></div>'
        "</div><p>Wait longer after each failure, and add randomness so that clients do not retry together.</p>"
        "</section></section></div></div>"
        '<footer><div class="rst-footer-buttons"><a href="a.html" rel="prev">Previous</a>'
        '<a href="b.html" rel="next">Next</a></div><div role="contentinfo"><p>© Copyright 2026, Priya Raman.</p>'
        "</div></footer></div></div></section></div></body></html>"
    )
    title, blocks = _html_markdown(page)
    assert title == "Retrying without hurting the server"
    assert blocks == [
        "Every client will one day see a request fail for no reason of its own, and retrying carelessly turns one "
        "bad minute into an outage.",
        "## Back off",
        "```python\ndef backoff(attempt):\n    return 2 ** attempt\n```",
        "Wait longer after each failure, and add randomness so that clients do not retry together.",
    ]


@pytest.mark.parametrize("kind", ["markdown", "plain", "html"])
@pytest.mark.parametrize("postscript", ["P.S. Nobody has ever asked about the domain name.", "PS: Reply and tell me."])
def test_a_letter_signed_above_its_postscript_names_its_author(kind: str, postscript: str) -> None:
    """ "Talk soon," / "Grace Liu" then "P.S. …": the sign-off was looked for in the last blocks only, which were the
    P.S., so the course's author stayed empty (and in plain text "Grace Liu" above a P.S. and a P.P.S. became a
    heading). A postscript after the sign-off is read past, and stays, after the name."""
    prose = "You think the product is the hard part, and it is not: asking strangers for money is the work. " * 3
    ending = ["Talk soon,", "Grace Liu", postscript, "P.P.S. The mascot can wait."]
    if kind == "html":
        paragraphs = "".join(f"<p>{text}</p>" for text in [prose, *ending])
        source = Source("l.html", "html", f"<html><body><article><h1>To a founder</h1>{paragraphs}</article></body>")
    else:
        name = "l.md" if kind == "markdown" else "l.txt"
        source = Source(name, kind, "\n\n".join(["To a founder", prose, *ending]))
    article = parse_article(source)
    assert article.author == "Grace Liu"
    assert [block.kind for block in article.blocks][-3:] == ["paragraph"] * 3
    assert article.blocks[-2].text == postscript


@pytest.mark.parametrize("kind", ["markdown", "plain"])
def test_a_closing_in_the_authors_own_words_signs_the_letter(kind: str) -> None:
    """A letter to the author's younger self closed "With more patience than I had then," / "Sam" above a P.S.: not
    a closing the list knew, so the course had no author and the template signed it again with the example
    name. A closing of the author's own that opens like one ("With …,", "Yours …,") counts; a sentence does not."""
    prose = "You think the product is the hard part, and it is not: asking strangers for money is the work. " * 3
    for closing, author in [
        ("With more patience than I had then,", "Sam"),
        ("Yours in stubbornness,", "Sam"),
        ("With that in mind, we can start.", None),
    ]:
        text = "\n\n".join(["To a founder", "Dear Sam,", prose, closing, "Sam", "P.S. Nobody asked."])
        article = parse_article(Source("l.md" if kind == "markdown" else "l.txt", kind, text))
        assert article.author == author, closing


def test_a_page_title_that_holds_the_heading_and_more_is_the_heading() -> None:
    """GitHub's README page says og:title "tidyup/README.md at main · lenaw/tidyup" over an h1 "tidyup", and a blog
    "How we plan | Lena's blog" over "How we plan": the course was titled with the path and the site. When the
    page's title holds the article's one h1 and more, the h1 is the title; a page title that says something else
    (a headline written for sharing) still comes first."""
    prose = "<p>Your downloads folder has four thousand files in it, and you have not looked at most of them.</p>"

    def title_of(og_title: str, h1: str) -> str:
        page = (
            f'<html><head><meta property="og:title" content="{og_title}"></head><body><article><h1>{h1}</h1>{prose}'
            "</article></body></html>"
        )
        return _html_markdown(page)[0]

    assert title_of("tidyup/README.md at main · lenaw/tidyup", "tidyup") == "tidyup"
    assert title_of("How we plan | Lena's blog", "How we plan") == "How we plan"
    assert title_of("The real cost of free pilots", "Free pilots cost more") == "The real cost of free pilots"


def test_a_github_alert_is_a_quote_with_its_title() -> None:
    """GitHub renders "> [!NOTE]" as a box titled "Note" (after an icon): it became a paragraph "Note" and a
    paragraph of text, the label reading like a heading that lost its place. It is a callout, a quote with its
    title in bold, as MkDocs' and Docusaurus' are."""
    page = (
        "<html><body><article class='markdown-body'><p>A rules file is a list of patterns and folders, and the "
        "first rule that matches a file wins.</p><div class='markdown-alert markdown-alert-note' dir='auto'>"
        "<p class='markdown-alert-title' dir='auto'><svg class='octicon octicon-info'><path d='M0 8a8'></path></svg>"
        "Note</p><p dir='auto'>Rules never delete. The strongest thing a rule can do is move a file to "
        "<code>Old/</code>.</p></div></article></body></html>"
    )
    blocks = _html_markdown(page)[1]
    assert blocks[1] == (
        "> **Note**\n>\n> Rules never delete. The strongest thing a rule can do is move a file to `Old/`."
    )


def test_hugo_highlight_and_notice_shortcodes_are_code_and_a_quote() -> None:
    """Hugo's {{< highlight go "linenos=table" >}} … {{< /highlight >}} became a paragraph of code run together,
    its "}))" line lost; Jekyll's {% highlight %} was a fence too, but only after the wiki and emoji passes had
    read its lines (":rocket:" became 🚀 inside the code, "==x==" bold). Both are code, as written, with their
    language; the Learn theme's {{% notice tip %}} is a quote like the other callout shortcodes."""
    code = "logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{\n    Level: slog.LevelInfo,\n}))"
    text = (
        "# Logging\n\nMost Go services start with log.Printf and stay there until someone has to search a week of "
        f'logs.\n\n{{{{< highlight go "linenos=table,hl_lines=3" >}}}}\n{code}\n{{{{< /highlight >}}}}\n\n'
        "{{% notice tip %}}\nKeep the level configurable at run time.\n{{% /notice %}}\n\n"
        '{% highlight ruby %}\nputs ":rocket:" if a ==b== c\n{% endhighlight %}\n\n'
        "```\n{{< highlight go >}}\nshown as written\n{{< /highlight >}}\n```\n"
    )
    blocks = [b.markdown for b in parse_article(Source("log.md", "markdown", text)).blocks]
    assert blocks[1:] == [
        f"```go\n{code}\n```",
        "> Keep the level configurable at run time.",
        '```ruby\nputs ":rocket:" if a ==b== c\n```',
        "```\n{{< highlight go >}}\nshown as written\n{{< /highlight >}}\n```",
    ]


def test_a_recipe_posts_table_of_contents_buttons_and_rating_go() -> None:
    """A recipe blog's post (WordPress with a contents plugin and a recipe card) left "Table of Contents" alone at
    the end of the first lesson (its list was navigation), the card's "Print" button and its "★★★★★ 4.9 from
    212 votes", which became the lesson's preheader. The recipe itself stays."""
    page = (
        "<html><body><article><h1>Weeknight dal</h1><div class='entry-content'>"
        "<div class='wprm-recipe-snippet'><a href='#recipe'>Jump to Recipe</a> <a href='#'>Print Recipe</a></div>"
        "<p>My grandmother made dal every day of her life, and she never once measured anything at all.</p>"
        "<div id='ez-toc-container' class='ez-toc-v2_0'><div class='ez-toc-title-container'><p class='ez-toc-title'>"
        "Table of Contents</p></div><nav><ul><li><a href='#why'>Why the tadka matters</a></li></ul></nav></div>"
        "<h2 id='why'>Why the tadka matters</h2><p>A tadka is spices fried in hot fat and poured over the dal at the "
        "last moment.</p><div class='wprm-recipe-container'><h2>Weeknight red lentil dal</h2>"
        "<div class='wprm-recipe-buttons'><a href='#' class='wprm-recipe-print'>Print</a>"
        "<a href='#' class='wprm-recipe-pin'>Pin</a></div><div class='wprm-recipe-rating'><span>★★★★★</span> "
        "<span>4.9 from 212 votes</span></div><div class='wprm-recipe-summary'>A fast dal with a proper tadka, on "
        "the table in thirty minutes.</div><h3>Ingredients</h3><ul><li>200 g split red lentils</li>"
        "<li>1 tsp turmeric</li></ul></div></div></article></body></html>"
    )
    blocks = _html_markdown(page)[1]
    assert blocks == [
        "My grandmother made dal every day of her life, and she never once measured anything at all.",
        "## Why the tadka matters",
        "A tadka is spices fried in hot fat and poured over the dal at the last moment.",
        "## Weeknight red lentil dal",
        "A fast dal with a proper tadka, on the table in thirty minutes.",
        "### Ingredients",
        "- 200 g split red lentils\n- 1 tsp turmeric",
    ]


@pytest.mark.parametrize("rating", ["★★★★★ 4.9 from 212 votes", "4.8 (1,204 ratings)", "★★★★☆ 312 reviews"])
def test_a_rating_is_the_pages_not_the_articles(rating: str) -> None:
    from course.read.bylines import is_metadata

    assert is_metadata(rating)
    assert not is_metadata("I gave it 4 stars.") and not is_metadata("Rating: 4 out of 5, and worth every minute.")


def test_a_social_networks_article_page_keeps_the_article_and_names_its_author() -> None:
    """A LinkedIn article page: the author's card (avatar, name as a heading, headline, date) opened the first
    lesson as "![Jane Doe](…)## Jane Doe", "More articles by Jane Doe" and "Report this article" became the last
    lesson's end (and half of its title), and the course had no author. The card names the author (an element
    classed "author-name", rel="author" or itemprop="author") and goes, as do the reading list and the report
    link."""
    page = (
        "<html><body><main><div class='reader-article-header'><h1>Why your pipeline review is a status meeting</h1>"
        "<div class='reader-author-info__container'><a href='/in/janedoe'><img src='https://example.org/jd.jpg' "
        "alt='Jane Doe'></a><div><a href='/in/janedoe'><h2 class='reader-author-info__author-name'>Jane Doe</h2></a>"
        "<h3 class='reader-author-info__headline'>VP Sales at Northwind · I help teams forecast</h3>"
        "<time>Published Mar 4, 2026</time></div></div></div><div class='reader-article-content'>"
        "<p>Every Monday at nine, eleven people join a call to hear each other read numbers out of the CRM.</p>"
        "<h2>Review three deals, not thirty</h2><p>Pick the three deals where a decision this week changes the "
        "quarter, and spend fifteen minutes on each.</p></div><section class='reader-more-articles'><h2>More "
        "articles by Jane Doe</h2><a href='/pulse/a'>The forecast that saved our year</a><a href='/pulse/b'>Hiring "
        "your first AE</a></section><section><a href='/report'>Report this article</a></section></main></body></html>"
    )
    article = parse_article(Source("page.html", "html", page))
    assert article.author == "Jane Doe"
    assert [block.markdown for block in article.blocks] == [
        "Every Monday at nine, eleven people join a call to hear each other read numbers out of the CRM.",
        "## Review three deals, not thirty",
        "Pick the three deals where a decision this week changes the quarter, and spend fifteen minutes on each.",
    ]
    for marker in ("rel='author'", "itemprop='author'"):
        tagged = page.replace("class='reader-author-info__author-name'", marker)
        assert parse_article(Source("page.html", "html", tagged)).author == "Jane Doe", marker


def test_a_scraped_site_builder_page_loses_its_menu_navigation_and_footer() -> None:
    """Text copied from a Squarespace blog: a menu of labels ("Open Menu Close Menu", "Work with me"), "Back to all
    posts", the title over the date and the author's name, and under the sign-off "Posted in …" with share
    buttons, the newer and older posts and the copyright. The menu titled the course and opened lesson 1, and the
    footer closed the last lesson; the name under the date is the author."""
    prose = (
        "A client of mine lost a vote last autumn that she should have won. Her proposal was good, and the numbers "
        "were better than good.\n\nWhen we went through it afterwards, she kept returning to the slides.\n\n"
    )
    text = (
        "Skip to Content\nOpen Menu Close Menu\nHarbour Coaching\nHome\nAbout\nWork with me\nJournal\nBook a call\n\n"
        "Back to all posts\n\nThe meeting before the meeting\nMarch 12, 2026\nHelen Okafor\n\n"
        + prose
        + "Warmly,\nHelen\n\nPosted in Leadership, Influence\nShare\nFacebook\nLinkedIn\nEmail\n\nNewer Post\nWhy your "
        "one-to-ones feel like status updates\nOlder Post\nThe first ninety days are not about you\n\n"
        "© 2026 Harbour Coaching. All rights reserved.\nPowered by Squarespace\n"
    )
    article = parse_plain_text(text)
    assert article.title == "The meeting before the meeting"
    assert article.author == "Helen Okafor"
    assert [block.markdown for block in article.blocks] == [
        "A client of mine lost a vote last autumn that she should have won. Her proposal was good, and the numbers "
        "were better than good.",
        "When we went through it afterwards, she kept returning to the slides.",
        "Warmly,  \nHelen",
    ]


def test_a_google_docs_markdown_export_reads_as_its_author_wrote_it() -> None:
    """Google Docs' Markdown export opens with bold properties ("**Owner:** Daniela Ruiz", "**Last updated:** 4
    March 2026"), which became the first preheader ("Daniela Ruiz Last updated…"), and escapes every full stop
    ("tools\\."), which the lesson files kept for the author to edit around. The properties go (the owner is the
    author); a full stop is escaped only where it would make a numbered list ("1984\\. That is when…"), and code keeps
    its backslashes."""
    text = (
        "# Onboarding\n\n**Owner:** Daniela Ruiz  \n**Last updated:** 4 March 2026\n\nEvery new account manager spends"
        " two weeks learning our accounts, not our tools\\. This is the plan\\.\n\n1984\\. That is when we started"
        "\\.\n\nRun `ls \\.` and ```a\\.b``` as written\\.\n\n```\nsed 's/\\./,/'\n```\n"
    )
    article = parse_article(Source("doc.md", "markdown", text))
    assert article.author == "Daniela Ruiz"
    assert [block.markdown for block in article.blocks] == [
        "Every new account manager spends two weeks learning our accounts, not our tools. This is the plan.",
        "1984\\. That is when we started.",
        "Run `ls \\.` and ```a\\.b``` as written.",
        "```\nsed 's/\\./,/'\n```",
    ]


def test_a_newsletter_signed_until_a_weekday_names_its_author() -> None:
    """ "Until next Friday," / "Marta" closes a weekly newsletter as "Until next week," does: the course had no
    author, and the template signed again under it with the example name."""
    prose = "This month I lost one proposal and won two, and the difference was length, not price or timing. " * 3
    article = parse_article(Source("note.md", "markdown", f"# Say less\n\n{prose}\n\nUntil next Friday,  \nMarta\n"))
    assert article.author == "Marta"


def test_a_medium_pages_author_photo_reading_time_and_claps_go() -> None:
    """Medium's page names its parts with data-testid ("authorPhoto", "storyReadTime", "storyPublishDate") and
    classes ("pw-multi-vote-count"), not words: the author's photo opened the lesson, then "6 min readMar 3, 2026"
    (glued once the dot between them went) and the claps, "1.2K", which were the preheader's first words."""
    page = (
        "<html><body><article><section><h1 data-testid='storyTitle'>The two-list method</h1>"
        "<div><a href='/@tomasf'><img alt='Tomás Ferreira' src='https://example.org/t.jpeg' width='44' "
        "data-testid='authorPhoto'></a><a data-testid='authorName' href='/@tomasf'>Tomás Ferreira</a>"
        "<span data-testid='storyReadTime'>6 min read</span><div aria-hidden='true'><span>·</span></div>"
        "<span data-testid='storyPublishDate'>Mar 3, 2026</span></div><div class='pw-multi-vote-count l kw'>"
        "<p><span>1.2K</span></p></div><p class='pw-post-body-paragraph'>Every freelancer I know has the same "
        "problem in their second year: a calendar full of things they agreed to in a weak moment.</p>"
        "</section></article></body></html>"
    )
    article = parse_article(Source("page.html", "html", page))
    assert [block.markdown for block in article.blocks] == [
        "Every freelancer I know has the same problem in their second year: a calendar full of things they agreed "
        "to in a weak moment."
    ]
    assert article.author == "Tomás Ferreira"


def test_a_word_inside_a_sentence_stays_whatever_its_class() -> None:
    """A number a page animates ('<span class="count">42%</span>') or a name it styles ('<a class="author">') inside
    a sentence is part of the sentence: furniture's class names drop boxes, not words in the middle of prose."""
    page = (
        "<html><body><article><h1>Growth</h1><p>Revenue grew <span class='count'>42%</span> this year, as "
        "<a class='author' href='https://example.org/m'>Maya</a> predicted in her first memo to the board.</p>"
        "<div class='share-count'>1.2K</div></article></body></html>"
    )
    assert _html_markdown(page)[1] == [
        "Revenue grew 42% this year, as [Maya](https://example.org/m) predicted in her first memo to the board."
    ]


def test_a_scraped_french_blog_post_loses_its_navigation_byline_and_widgets() -> None:
    """The same page furniture in French titled the course "Retour au blog", kept "Publié le 3 mars 2026 par Claire
    Martin" as the first paragraph (and the preheader), and ended the last lesson with "## Partager", WordPress's
    "J'aime Chargement…", the previous and next posts and the copyright."""
    prose = (
        "Un client m'a demandé la semaine dernière de refaire son logo, trois jours avant le lancement. J'ai dit "
        "non.\n\nIl est toujours mon client, et il m'a même recommandée à un confrère depuis.\n\n"
    )
    text = (
        "Aller au contenu\nAccueil\nÀ propos\nBlog\nContact\n\nRetour au blog\n\nDire non sans perdre le client\n"
        "Publié le 3 mars 2026 par Claire Martin\n\n" + prose + "À bientôt,\nClaire\n\nPartager :\nFacebook\n"
        "LinkedIn\nJ'aime :\nJ'aime Chargement…\n\nArticle précédent\nFixer ses tarifs la première année\n"
        "Article suivant\nPourquoi je n'envoie plus de propositions\n\nLaisser un commentaire\n© 2026 Claire Martin\n"
    )
    article = parse_plain_text(text)
    assert (article.title, article.author) == ("Dire non sans perdre le client", "Claire Martin")
    assert [block.markdown for block in article.blocks] == [
        "Un client m'a demandé la semaine dernière de refaire son logo, trois jours avant le lancement. J'ai dit non.",
        "Il est toujours mon client, et il m'a même recommandée à un confrère depuis.",
        "À bientôt,  \nClaire",
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "---------- Forwarded message ---------\nFrom: Marta Lindqvist <marta@lindqvist.example>\nDate: Fri, Mar 6, "
        "2026 at 7:02 AM\nSubject: Fwd: Say less in the proposal\nTo: <sam@example.org>\n\n\n",
        "Begin forwarded message:\n\nFrom: Marta Lindqvist <marta@lindqvist.example>\nSubject: Say less in the "
        "proposal\nDate: 6 March 2026 at 07:02:11 CET\nTo: Sam Reed <sam@example.org>\n\n",
    ],
)
def test_a_forwarded_newsletter_loses_its_headers_and_the_greeting_to_its_recipient(opening: str) -> None:
    """A newsletter forwarded from Gmail or Apple Mail and pasted as text: the header block ("---------- Forwarded
    message ---------", From, Date, Subject, To) titled the course and opened lesson 1, and "Hi Sam," greeted
    every subscriber as the person it was forwarded to. The subject is the title, the sender the author, and a
    greeting to the recipient goes."""
    text = opening + (
        "View this email in your browser\n\nHi Sam,\n\nThis month I lost one proposal and won two, and the "
        "difference was length.\n\nA proposal is where the client checks three things: that you understood the "
        "problem, what they get, and what it costs.\n\nUntil next Friday,\nMarta\n"
    )
    article = parse_plain_text(text)
    assert (article.title, article.author) == ("Say less in the proposal", "Marta Lindqvist")
    assert article.blocks[0].text.startswith("This month I lost one proposal")


def test_a_newsletters_issue_label_is_not_part_of_its_title() -> None:
    """ "The Friday Note #48: say less in the proposal" titled a course made of one issue: the label and the number
    say which email it was, not what it says."""
    from course.read.plaintext import clean_title

    assert clean_title("The Friday Note #48: say less in the proposal") == "Say less in the proposal"
    assert clean_title("Issue 112 — Pricing without fear") == "Pricing without fear"
    assert clean_title("Weekly No. 7 | The two-list method") == "The two-list method"
    assert clean_title("Why #1 is the loneliest number") == "Why #1 is the loneliest number"
    assert clean_title("Notes #3: go") == "Notes #3: go"  # too little after the label to stand alone
    assert clean_title("The Operator #52: Hire slower") == "Hire slower"  # a beehiiv issue's: two words do


def test_quarto_and_r_markdown_cells_and_callouts_read_as_code_and_quotes() -> None:
    """A Quarto post: its code cells' fences say "{python}" and open with "#| echo: true" options, which the lesson
    kept as code, and its callouts (::: {.callout-tip} with a "## Title" inside) lost their box, the title
    becoming a section of the lesson. A cell is code in its language without the options; a callout is a quote
    under its title in bold (its kind's label when it has none, as Docusaurus' are)."""
    text = (
        "---\ntitle: Messy CSV files\n---\n\nEvery analyst has opened a CSV that looked fine and fell apart in "
        "pandas.\n\n```{python}\n#| label: read-latin\n#| echo: true\nimport pandas as pd\n```\n\n"
        "::: {.callout-tip}\n## Not sure which encoding?\nOpen the file in a text editor.\n:::\n\n"
        '::: {.callout-warning title="Careful"}\n`dayfirst=True` is a hint.\n:::\n\n'
        "::: {.callout-note}\nMost files need only one fix.\n:::\n\n```{r setup, include=FALSE}\nlibrary(readr)\n```\n"
    )
    blocks = [b.markdown for b in parse_article(Source("post.md", "markdown", text)).blocks]
    assert blocks[1:] == [
        "```python\nimport pandas as pd\n```",
        "> **Not sure which encoding?**  \n> Open the file in a text editor.",
        "> **Careful**  \n> `dayfirst=True` is a hint.",
        "> [!NOTE]\n> Most files need only one fix.",  # shown as GitHub shows its alerts: "Note:"
        "```r\nlibrary(readr)\n```",
    ]


def test_a_substack_post_pasted_as_text_loses_its_page() -> None:
    """A Substack post copied from the browser: the author above the date, the like and comment counts and
    "Share" under the title ran into the first paragraph ("… Lena Park Share"), and "Thanks for reading The Margin!
    Subscribe for free…" with the page's footer ended the last lesson; the course had no author."""
    text = (
        "The Margin\nSubscribe\nSign in\n\nWhy I stopped offering discounts\nAnd what I offer instead\nLena Park\n"
        "Mar 02, 2026\n14\n3\nShare\n\nFor the first two years of my practice, I discounted almost every proposal."
        "\n\nDiscounts teach clients that your first price is not your real price.\n\nThanks for reading The Margin! "
        "Subscribe for free to receive new posts and support my work.\n\n14\n3\nShare\nPrevious\nNext\nDiscussion "
        "about this post\nComments\n© 2026 Lena Park\nPrivacy ∙ Terms ∙ Collection notice\nGet the app\n"
    )
    article = parse_plain_text(text)
    assert (article.title, article.author) == ("Why I stopped offering discounts", "Lena Park")
    assert [block.text for block in article.blocks] == [
        "And what I offer instead",
        "For the first two years of my practice, I discounted almost every proposal.",
        "Discounts teach clients that your first price is not your real price.",
    ]


def test_a_recipe_cards_labelled_details_keep_their_labels_apart() -> None:
    """A recipe card's details, each a label and a value ("Prep Time" then "5 mins"), ran together into "Prep Time
    5 mins Cook Time 25 mins Servings 4": a label (an element classed "…-label") followed by its value is written
    "Prep Time: 5 mins", and labels in one row are set apart with "·"."""
    page = (
        "<html><body><article><h1>Weeknight dal</h1><p>My grandmother made dal every day of her life, and she never "
        "once measured anything at all.</p><div class='wprm-recipe-times-container'>"
        "<span class='wprm-recipe-details-label'>Prep Time</span> <span>5 mins</span> "
        "<span class='wprm-recipe-details-label'>Cook Time</span> <span>25 mins</span> "
        "<span class='wprm-recipe-details-label'>Servings:</span> <span>4</span></div></article></body></html>"
    )
    assert _html_markdown(page)[1][-1] == "Prep Time: 5 mins · Cook Time: 25 mins · Servings: 4"


@pytest.mark.parametrize("title", ["Next steps?", "Share the load!", "More, please…"])
def test_a_title_that_starts_like_a_page_label_is_still_the_title(title: str) -> None:
    """Dropping a page's labels among the title's lines ("Share", "Sign in") also dropped a short title that starts
    with such a word but ends a sentence ("Next steps?"): a label does not end as a sentence does."""
    text = f"{title}\n\nPeople ask me about pricing every week, and the answer is always the same one.\n"
    assert parse_plain_text(text).title == title


def test_a_dev_blogs_series_box_and_author_card_go() -> None:
    """A Hashnode-style post opened with "This article is part of the series Shipping small" (also the preheader)
    and ended with "### Written by", the author's name and bio: the blog's, not the article's."""
    page = (
        "<html><body><article><h1>Feature flags without a vendor</h1><div class='series-box'><p>This article is "
        "part of the series <a href='https://example.org/s'>Shipping small</a></p></div><div class='prose'><p>Every "
        "team I have worked with wanted feature flags, and every team assumed it needed to buy them.</p></div>"
        "<div class='written-by'><h3>Written by</h3><p><strong>Oskar Lind</strong></p><p>Backend developer in "
        "Malmö.</p></div></article></body></html>"
    )
    assert _html_markdown(page)[1] == [
        "Every team I have worked with wanted feature flags, and every team assumed it needed to buy them."
    ]


@pytest.mark.parametrize("marker", ["[[toc]]", "[TOC]", "[[_TOC_]]", "@[toc]", "${toc}"])
def test_a_generated_table_of_contents_marker_goes(marker: str) -> None:
    """VitePress' "[[toc]]" (and Python-Markdown's "[TOC]", GitLab's "[[_TOC_]]"…) asks the site to list the
    headings there: it reached the first lesson as a paragraph reading "toc". The same line in code stays."""
    prose = "A feature flag is a boolean your code reads at runtime, and a vendor sells a dashboard around it."
    text = f"# Flags\n\n{marker}\n\n{prose}\n\n```md\n{marker}\n```\n"
    blocks = [block.markdown for block in parse_article(Source("post.md", "markdown", text)).blocks]
    assert blocks == [prose, f"```md\n{marker}\n```"]


def test_myst_directives_and_roles_read_as_they_show() -> None:
    """A Jupyter Book or Sphinx page written in MyST Markdown: "```{note}" was a code block in a language called
    "note", ":::{warning}" lost its label, "```{code-block} python" kept ":caption:" as a line of code, and
    "{ref}`fixtures`" and "(fixtures)=" reached the lessons as written. Each reads as the site shows it; an
    unknown directive and anything in code stay as written."""
    prose = "Write one test per business rule: every order has a customer, revenue never goes negative."
    text = (
        f"# Pipelines\n\n{prose}\n\n```{{note}}\nYou need to test that *your* join keeps every customer.\n```\n\n"
        "```{code-block} python\n:caption: test_orders.py\n:emphasize-lines: 2\n\ndef test_orders(orders):\n"
        "    assert orders.customer_id.notna().all()\n```\n\n"
        ":::{warning}\nA test that reads production is not a unit test.\n:::\n\n"
        "```{admonition} Why ten rows?\n:class: tip\nBecause you can read them.\n```\n\n"
        "```{toctree}\n:maxdepth: 2\nintro\n```\n\n"
        "(fixtures)=\n## Fixtures\n\nSee {ref}`fixtures`, {doc}`the glossary <glossary>` and {func}`~pipes.check`.\n\n"
        "```{mermaid}\ngraph LR\n```\n\n````md\n```{note}\nAs written.\n```\n````\n"
    )
    blocks = [block.markdown for block in parse_article(Source("post.md", "markdown", text)).blocks]
    assert blocks == [
        prose,
        "> [!NOTE]\n> You need to test that *your* join keeps every customer.",
        "**test_orders.py**",
        "```python\ndef test_orders(orders):\n    assert orders.customer_id.notna().all()\n```",
        "> [!WARNING]\n> A test that reads production is not a unit test.",
        "> **Why ten rows?**  \n> Because you can read them.",
        "## Fixtures",
        "See fixtures, the glossary and `check`.",
        "```mermaid\ngraph LR\n```",
        "````md\n```{note}\nAs written.\n```\n````",
    ]


def test_a_notebook_exported_as_a_page_reads_as_the_notebook_does() -> None:
    """nbconvert's page of a notebook: its prompts ("In [2]:", "Out[2]:") were paragraphs of their own, its code
    had no language (nbconvert names it on a box, "hl-ipython3") and what the code printed read as more code;
    a warning on stderr reached the lesson. As the notebook reader reads the notebook itself, they do not."""
    prose = "<p>Write the rule in one sentence before you look at the data, and nothing else counts as churn.</p>"
    page = (
        f'<html><body><main><div class="jp-Cell jp-MarkdownCell"><div class="jp-InputPrompt jp-InputArea-prompt">'
        f'</div><div class="jp-RenderedMarkdown"><h1>Churn</h1>{prose}</div></div>'
        '<div class="jp-Cell jp-CodeCell"><div class="jp-InputPrompt jp-InputArea-prompt">In [2]:</div>'
        '<div class="highlight hl-ipython3"><pre><span class="n">df</span>.churned.mean()\n</pre></div>'
        '<div class="jp-OutputArea"><div class="jp-OutputPrompt jp-OutputArea-prompt">Out[2]:</div>'
        '<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain"><pre>0.18</pre></div>'
        '<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="application/vnd.jupyter.stderr">'
        "<pre>FutureWarning: the default will change</pre></div></div></div></main></body></html>"
    )
    assert _html_markdown(page) == ("Churn", [prose[3:-4], "```python\ndf.churned.mean()\n```", "```output\n0.18\n```"])


def test_a_blogs_fields_written_as_paragraphs_are_not_the_article() -> None:
    """A blog kept in Markdown wrote its fields under the title, a paragraph each ("Author: [devneel](…)",
    "Tags: Team Management, Startups", "Description: …"): they opened the first lesson, and the description,
    label and all, was its preheader. Two or more such fields go (the author's name, when it is one, gives the
    author); a tag line goes alone; one "Summary: …" alone is the author's and stays."""
    prose = "Large teams drown in meetings. Three people decide fast, own their work and ship every week. " * 3
    description = (
        "Description: Teams of three decide fast. " + "Large teams drown in meetings and mismatched goals. " * 4
    )  # 250 characters
    fields = f"Author: [Neel Patel](https://github.com/neel)\n\nTags: Team Management\n\n{description}"
    article = parse_article(Source("blog.md", "markdown", f"# Teams of three\n\n{fields}\n\n{prose}\n"))
    assert [b.markdown for b in article.blocks] == [prose.strip()] and article.author == "Neel Patel"
    handle = parse_article(Source("blog.md", "markdown", f"# T\n\n{fields.replace('Neel Patel', 'neelp')}\n\n{prose}"))
    assert len(handle.blocks) == 1 and handle.author is None  # a handle is no name to sign with
    tags = parse_article(Source("blog.md", "markdown", f"# T\n\nTags: hiring, teams\n\n{prose}\n"))
    assert [b.markdown for b in tags.blocks] == [prose.strip()]
    summary = parse_article(Source("blog.md", "markdown", f"# T\n\nSummary: three beats ten.\n\n{prose}\n"))
    assert summary.blocks[0].markdown == "Summary: three beats ten."


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("a-year-of-chatgpt.md", "A year of ChatGPT"),  # each word as the article writes it
        ("108-thoughts-for-strategists.md", "108 thoughts for strategists"),
        ("2025-01-06-four-quadrant-future-of-ai.md", "Four quadrant future of AI"),  # Jekyll's date goes
        ("02_creative-midwifery.md", "Creative midwifery"),  # so does an order
        ("The Sales Call.md", "The Sales Call"),  # typed as a title
        ("blog-post.md", "For Ecem, Christian and The Circuit"),  # about the file: the opening phrase, as before
        ("000_61e615fd850fe53f.md", "For Ecem, Christian and The Circuit"),
        ("hunger.md", "For Ecem, Christian and The Circuit"),
        ("2025-11-november.md", "For Ecem, Christian and The Circuit"),  # a date says when, not what
        ("telescopic-content.large.md", "Telescopic content"),  # a version's mark goes; "content" is a title's word
        ("my-article.md", "For Ecem, Christian and The Circuit"),  # made only of words about a file
    ],
)
def test_an_untitled_article_is_titled_by_its_files_name(name: str, title: str) -> None:
    """An essay kept as Markdown without a title of its own (the site's index names it) was titled by its opening:
    a dedication ("For Ecem, Christian and The Circuit") or its first sentence, for the course and lesson 1. Its
    file's name is its title written as a slug; a name that says nothing about the article is not."""
    prose = "Since ChatGPT came out, AI is everywhere, and most of what we ask of AI is to think less. " * 3
    source = Source(name, "markdown", f"For Ecem, Christian and The Circuit\n\n{prose}\n")
    assert parse_article(source).title == title


def test_a_files_name_is_cased_by_the_articles_sentences_not_its_headings() -> None:
    """Title-case headings ("## The Age of Buttons") and the article naming itself mid-sentence ("in The Return of
    the Gut I argued…") made "The beauty of a button in The age of…" and "The Return of the gut": a word takes a
    capital only when the sentences nearly always give it one, or capitals inside ("ChatGPT")."""
    from course.model import Block
    from course.read.titles import title_from_name

    blocks = [
        Block("heading", "## The Age of Buttons", "The Age of Buttons", 2),
        Block("paragraph", "x", "In The Return of the Gut I argued it comes back, and many read The Return of"),
        Block("paragraph", "x", "the Gut as a joke. Yet the gut will return, in the age of ChatGPT, as Jesus did."),
        Block("paragraph", "x", "Jesus and the Age of Buttons, you could say, as the Age of Buttons is upon us."),
    ]
    assert title_from_name("the-return-of-the-gut.md", blocks) == "The return of the gut"
    assert title_from_name("the-age-of-chatgpt.md", blocks) == "The age of ChatGPT"
    assert title_from_name("jesus-and-the-gut.md", blocks) == "Jesus and the gut"


def test_an_untitled_list_is_titled_without_its_marker() -> None:
    """A one-minute summary written as a list, with no title and no usable file name, was titled "- AI is reshaping
    how decisions are made", its bullet and all."""
    summary = "- AI is reshaping how decisions are made.\n- Six levels of agency, from tool to trustee.\n" * 3
    assert parse_article(Source("notes.md", "markdown", summary)).title == "AI is reshaping how decisions are made"


def test_a_files_name_is_cased_the_same_on_every_run() -> None:
    """ "seek-reject-frame.md" was titled "Seek reject Frame" on one run and "Seek reject frame" on the next: its
    text writes "Frame" and "frame" as often, and the tie went to whichever a set gave first (Python's string
    hashing changes between runs). A tie goes to the lower case, on every run."""
    import subprocess
    import sys

    code = (
        "from course.read.titles import title_from_name; from course.model import Block; "
        "print(title_from_name('seek-reject-frame.md', [Block('paragraph', 'x', 'We seek, we reject, then a Frame "
        "helps. Reject it. A Frame again, and frame it, then frame the rest.')]))"
    )
    titles = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONHASHSEED": str(seed)}
        ).stdout.strip()
        for seed in range(6)
    }
    assert titles == {"Seek reject frame"}


def test_a_footnotes_line_right_under_its_text_stays_in_it() -> None:
    """A Google Docs footnote of two speakers, the second line not indented ("[^15]:" / "     Kamaswami: …" /
    "Siddhartha: …"), lost its last line: it stayed where the notes were, under their heading, and made a lesson of
    twelve words titled "footnotes". Markdown reads a line right under a note's text as more of it (unless it starts
    a block of its own), and so does course."""
    prose = "Fasting is the smartest thing a person can do when there is nothing to eat.[^15] " * 3
    notes = '#### footnotes\n\n[^15]:\n     Kamaswami: "Why?"\nSiddhartha: "It is very good, sir."\n'
    article = parse_article(Source("essay.md", "markdown", f"# Magic\n\n{prose}\n\n{notes}\n## Next\n\nMore words.\n"))
    assert "Siddhartha" in article.blocks[0].markdown and not any("footnotes" in b.text for b in article.blocks)
    listed = parse_article(Source("e.md", "markdown", f"# M\n\n{prose}\n\n[^15]: A note.\n- a list after it\n"))
    assert "- a list after it" not in listed.blocks[0].markdown  # a block of its own ends the note


def test_a_hugo_link_to_another_page_is_that_pages_address() -> None:
    """A coach's Hugo post linked its other posts as [my saboteurs]({{< ref "talk-to-your-saboteurs" >}}): the
    shortcode reached the lesson as written, and `course check` warned of template syntax in the prose. It is the
    page's address beside the article's, which --base-url makes whole, as any relative link."""
    prose = "One of my internal saboteurs is the Stickler, and he likes to tell me to do it right or not at all. " * 2
    text = f'# Paralysis\n\n{prose}Read [more about them]({{{{< ref "talk-to-your-saboteurs" >}}}}) first.\n'
    article = parse_article(Source("p.md", "markdown", text), base_url="https://example.com/posts/paralysis/")
    assert "[more about them](https://example.com/posts/talk-to-your-saboteurs/)" in article.blocks[0].markdown
    bare = parse_article(Source("p.md", "markdown", text))
    assert "{{" not in bare.blocks[0].markdown and "more about them" in bare.blocks[0].text
    assert bare.left_out == ["link ../talk-to-your-saboteurs/"]


def test_dashes_typed_as_hyphens_are_the_dashes_the_site_shows() -> None:
    """A coach's Hugo posts write em dashes as three hyphens ("Many times---and it would be hard---I've sat") and
    Hugo prints them as dashes; the lessons showed the hyphens. "---" between words is an em dash, " -- " between
    words an en dash; addresses, code, a table's delimiter row, a rule and "--force" stay as written."""
    text = (
        "# T\n\nMany times---and it would be hard---I've sat with a team. Fasting -- what is it good for? "
        "See [it](https://ex.com/a---b) and https://ex.com/x---y, or run `cmd -- --watch` with --force.\n\n"
        "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n---\n\n    indented -- code\n"
    )
    blocks = parse_article(Source("t.md", "markdown", text)).blocks
    assert blocks[0].markdown == (
        "Many times—and it would be hard—I've sat with a team. Fasting – what is it good for? See "
        "[it](https://ex.com/a---b) and https://ex.com/x---y, or run `cmd -- --watch` with --force."
    )
    assert "| --- | --- |" in blocks[1].markdown and blocks[-1].markdown == "    indented -- code"


def test_a_lone_top_heading_does_not_push_the_sections_down() -> None:
    """A Hugo post titled in its front matter, its sections "##" with "###" under them, closed with "# Questions
    for you": that one h1 made every other heading a level deeper, and lessons opening with a subsection went from
    their title's h1 to an h3. The lone heading is one of the sections."""
    prose = "Decisions stall when nobody knows who makes them, so name the person first. " * 3
    text = (
        f"---\ntitle: Making decisions\n---\n\n{prose}\n\n## S.P.A.D.E.\n\n{prose}\n\n### Setting\n\n{prose}\n\n"
        f"## Cynefin\n\n{prose}\n\n### Chaotic\n\n{prose}\n\n# Questions for you\n\n{prose}\n"
    )
    headings = [
        (b.level, b.text) for b in parse_article(Source("d.md", "markdown", text)).blocks if b.kind == "heading"
    ]
    assert headings == [(2, "S.P.A.D.E."), (3, "Setting"), (2, "Cynefin"), (3, "Chaotic"), (2, "Questions for you")]


def test_a_list_of_the_blogs_other_posts_under_its_label_goes() -> None:
    """A company blog closes each post with "**Related Reading:**" over a list of three of its other posts: the last
    lesson ended with them, where "**Related:** [a post](…)" in one paragraph already went. The label and its list
    go; a list of links the author introduces in words of their own, or one with more than links in it, stays."""
    prose = "Tests are valuable, but they need to be written at the right time, once the API has settled. " * 3
    posts = (
        "- [The power of three](https://example.com/three)\n- [Why we resent middle managers](https://example.com/m)"
    )
    article = parse_article(Source("tdd.md", "markdown", f"# TDD\n\n{prose}\n\n**Related Reading:**\n\n{posts}\n"))
    assert [b.kind for b in article.blocks] == ["paragraph"]
    kept = parse_article(Source("tdd.md", "markdown", f"# TDD\n\n{prose}\n\nThe two posts I lean on:\n\n{posts}\n"))
    assert kept.blocks[-1].kind == "list"
    mixed = posts + "\n- Ask your team which tests they trust"
    assert (
        parse_article(Source("t.md", "markdown", f"# T\n\n{prose}\n\nRelated:\n\n{mixed}\n")).blocks[-1].kind == "list"
    )


def test_relative_addresses_in_raw_html_are_left_out_as_markdowns_are_and_code_keeps_its_own() -> None:
    """Julia Evans' tcpdump post (not tuned to) shows its screenshots as raw HTML, '<a href="/images/w.png"><img
    src="/images/w.png"></a>': the split kept them, then `course build` stopped on the relative link. Raw HTML's
    pictures and links are now treated as Markdown's (left out and said, or resolved with --base-url), and a code
    listing's or a code span's addresses are its text: '[x](/rel)' in a fence lost its link syntax before."""
    text = (
        "# Tcpdump\n\nHere is what we see to start, in a screenshot of the whole window.\n\n"
        '<a href="/images/w.png"><img src="/images/w.png"></a>\n\n'
        '```html\n<a href="/about"><img src="/logo.png"></a>\n[x](/rel)\n```\n\n'
        'Write `<img src="/a.png">` in your page, and read [the notes](/notes) too.\n'
    )
    article = parse_article(Source("post.md", "markdown", text))
    blocks = [block.markdown for block in article.blocks]
    assert '```html\n<a href="/about"><img src="/logo.png"></a>\n[x](/rel)\n```' in blocks
    assert 'Write `<img src="/a.png">` in your page, and read the notes too.' in blocks
    assert not any("/images/w.png" in block for block in blocks)
    assert article.left_out == ["image /images/w.png", "link /notes"]
    based = parse_article(Source("post.md", "markdown", text), base_url="https://jvns.ca/blog/tcpdump/")
    shown = '<a href="https://jvns.ca/images/w.png"><img src="https://jvns.ca/images/w.png"></a>'
    assert shown in [block.markdown for block in based.blocks] and based.left_out == []
