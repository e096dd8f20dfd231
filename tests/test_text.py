"""course.text's own ways of doing what a library does, for speed: each gives exactly what the library gives."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink

from course.text import PLAIN_LINK_RE, markdown_parser, wrap_words

WORD = st.text(alphabet="abcdefghéü—-.,()", min_size=1, max_size=30)
INDENT = st.sampled_from(["", "- ", "   ", "> ", "12. ", " " * 12])


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(WORD, max_size=40),
    spacing=st.sampled_from([" ", " ", " ", "  ", "\t"]),
    width=st.integers(min_value=1, max_value=80),
    initial=INDENT,
    subsequent=INDENT,
    edges=st.sampled_from(["", " "]),
)
def test_wrapping_words_is_textwraps_wrapping(
    words: list[str], spacing: str, width: int, initial: str, subsequent: str, edges: str
) -> None:
    line = edges + spacing.join(words) + edges
    expected = textwrap.wrap(line, width=width, initial_indent=initial, subsequent_indent=subsequent,
                             break_long_words=False, break_on_hyphens=False)  # fmt: skip
    assert wrap_words(line, width, initial, subsequent) == expected


URL_CHARACTERS = st.text(alphabet="abzAZ09-._~!$&'()*+,;=:@/?#%[] é", max_size=25)


@settings(max_examples=400, deadline=None)
@given(
    scheme=st.sampled_from(["http://", "https://", "HTTPS://", "mailto:", "//", ""]),
    host=st.text(alphabet="abz09.-XÉ", max_size=14),
    port=st.sampled_from(["", ":80", ":8080", ":"]),
    rest=URL_CHARACTERS,
)
def test_a_plain_link_is_what_markdown_it_would_make_of_it(scheme: str, host: str, port: str, rest: str) -> None:
    url = scheme + host + port + ("/" if rest and rest[0] not in "/?#" else "") + rest
    assert markdown_parser().normalizeLink(url) == normalizeLink(url)


def test_plain_links_take_the_short_way_and_others_do_not() -> None:
    assert PLAIN_LINK_RE.match("https://example.com/notes?utm_source=x#top")
    assert not PLAIN_LINK_RE.match("https://Example.com/")  # a host markdown-it-py leaves as written: its way
    assert not PLAIN_LINK_RE.match("https://example.com/a b") and not PLAIN_LINK_RE.match("https://bücher.de/")
    assert not PLAIN_LINK_RE.match("https://example.com/%7Euser")
