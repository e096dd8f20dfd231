"""Checks of a lesson's final email, in the dialect checked: size, subject, preheader, unsubscribe link, footer,
leftovers, structure, CSS support and the plain-text twin."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..lazyre import lazy_compile
from ..render.dialects import PLACEHOLDER_RE
from ..text import CJK_RE, html_text, phrase_words, plural, syntax_tree
from .model import EmailContext
from .registry import Problem, check

SIZE_WARNING = 80 * 1024
SIZE_ERROR = 100 * 1024  # Gmail clips messages from about 102 KB
SUBJECT_MAX, PREHEADER_MIN, PREHEADER_MAX = 60, 30, 130
SUBJECT_MIN_WORDS = 3
HIDDEN_PREHEADER_RE = lazy_compile(r'(?is)<div style="display:none;[^"]*">.*?</div>')

# CSS that major clients ignore. Each fact names its source; only properties that change layout or meaning are
# listed, since a missing rounded corner in Outlook is not worth a warning.
CSS_SUPPORT: list[tuple[re.Pattern[str], str, str, str]] = [
    (
        lazy_compile(r"(?<![-\w])position\s*:\s*(absolute|fixed|relative|sticky)"),
        "position",
        "Gmail and Outlook for Windows ignore it",
        "https://www.caniemail.com/features/css-position/",
    ),
    (
        lazy_compile(r"display\s*:\s*(inline-)?flex"),
        "display:flex",
        "Outlook for Windows ignores it and Gmail only partly supports it",
        "https://www.caniemail.com/features/css-display-flex/",
    ),
    (
        lazy_compile(r"display\s*:\s*(inline-)?grid"),
        "display:grid",
        "Gmail and Outlook ignore it",
        "https://www.caniemail.com/features/css-display-grid/",
    ),
    (
        lazy_compile(r"background-image\s*:|background\s*:[^;\"]*url\("),
        "background-image",
        "Outlook for Windows ignores CSS background images",
        "https://www.caniemail.com/features/css-background-image/",
    ),
    (
        lazy_compile(r"box-shadow\s*:"),
        "box-shadow",
        "Gmail and Outlook for Windows ignore it",
        "https://www.caniemail.com/features/css-box-shadow/",
    ),
    (
        lazy_compile(r"(?<![-\w])(transform|animation|transition)\s*:"),
        "transform/animation",
        "Gmail and Outlook ignore it; Apple Mail alone plays it",
        "https://www.caniemail.com/features/css-transform/",
    ),
    (
        lazy_compile(r"@font-face|@import"),
        "web fonts",
        "Gmail and Outlook ignore web fonts; the fallback font shows",
        "https://www.caniemail.com/features/css-at-font-face/",
    ),
]


@check(
    "size.gmail-clip",
    "warning / error",
    "the final HTML from 80 KB (warning) or 100 KB (error): Gmail clips at about 102 KB, hiding the unsubscribe link",
    "email",
)
def gmail_clip(ctx: EmailContext) -> Iterator[Problem]:
    size = ctx.size
    if size >= SIZE_ERROR:
        yield Problem(
            f"the email is {size / 1024:.0f} KB; Gmail clips messages from about 102 KB and hides the rest, "
            "unsubscribe link included: split the lesson or shorten it",
            severity="error",
        )
    elif size >= SIZE_WARNING:
        yield Problem(
            f"the email is {size / 1024:.0f} KB, close to Gmail's clipping point (about 102 KB): keep it shorter"
        )


@check("subject.empty", "error", "the subject is empty", "email")
def subject_empty(ctx: EmailContext) -> Iterator[Problem]:
    if not ctx.lesson.subject.strip():
        yield Problem("the subject is empty: set `subject:` in the front matter")


@check("subject.too-long", "warning", f"the subject is over {SUBJECT_MAX} characters", "email")
def subject_too_long(ctx: EmailContext) -> Iterator[Problem]:
    subject = ctx.lesson.subject.strip()
    if len(subject) > SUBJECT_MAX:
        yield Problem(f"the subject has {len(subject)} characters; phones show about {SUBJECT_MAX}: shorten it")


@check("subject.cut", "warning", "the subject ends in an ellipsis, as if cut off", "email")
def subject_cut(ctx: EmailContext) -> Iterator[Problem]:
    if ctx.lesson.subject.strip().endswith(("…", "...")):
        yield Problem("the subject ends in “…”, as if cut off mid-phrase: write it as a whole phrase")


@check("subject.too-short", "warning", "the subject has fewer than three words", "email")
def subject_too_short(ctx: EmailContext) -> Iterator[Problem]:
    words = re.findall(r"[^\W_][\w'’-]*", ctx.lesson.subject)
    count = phrase_words(ctx.lesson.subject) if CJK_RE.search(ctx.lesson.subject) else len(words)
    if ctx.lesson.subject.strip() and any(w[0].isalpha() for w in words) and count < SUBJECT_MIN_WORDS:
        yield Problem(
            f"the subject has {plural(count, 'word')}; a subject says what the lesson gives the reader: add a few words"
        )


@check("subject.no-words", "error", "the subject is only digits or punctuation", "email")
def subject_no_words(ctx: EmailContext) -> Iterator[Problem]:
    subject = ctx.lesson.subject.strip()
    if subject and not re.search(r"[^\W\d_]", subject):
        yield Problem(f"the subject {subject!r} has no words: write what the lesson is about")


@check("subject.all-caps", "warning", "the subject is all capitals", "email")
def subject_all_caps(ctx: EmailContext) -> Iterator[Problem]:
    letters = [c for c in ctx.lesson.subject.strip() if c.isalpha()]
    if len(letters) >= 8 and all(c.isupper() for c in letters):
        yield Problem("the subject is in capitals, which reads as shouting and as spam")


@check("preheader.missing", "warning", "there is no preheader", "email")
def preheader_missing(ctx: EmailContext) -> Iterator[Problem]:
    if not ctx.lesson.preheader.strip():
        yield Problem("there is no preheader; inboxes then show the first words of the email: set `preheader:`")


@check("preheader.too-short", "warning", f"the preheader is under {PREHEADER_MIN} characters", "email")
def preheader_too_short(ctx: EmailContext) -> Iterator[Problem]:
    preheader = ctx.lesson.preheader.strip()
    if preheader and len(preheader) < PREHEADER_MIN:
        yield Problem(
            f"the preheader has {len(preheader)} characters; inboxes fill the rest with body text: aim for 40–110"
        )


@check("preheader.too-long", "warning", f"the preheader is over {PREHEADER_MAX} characters", "email")
def preheader_too_long(ctx: EmailContext) -> Iterator[Problem]:
    preheader = ctx.lesson.preheader.strip()
    if len(preheader) > PREHEADER_MAX:
        yield Problem(f"the preheader has {len(preheader)} characters; inboxes cut it at about 100: shorten it")


@check("preheader.mid-sentence", "warning", "the preheader starts in the middle of a sentence", "email")
def preheader_mid_sentence(ctx: EmailContext) -> Iterator[Problem]:
    preheader = ctx.lesson.preheader.strip()
    if preheader and (preheader[0].islower() or preheader[0] in ",;:…)]»"):
        yield Problem(
            f"the preheader starts mid-sentence (“{preheader[:30]}…”): inboxes show it right after the subject; "
            "start it where a sentence starts"
        )


@check("preheader.repeats-subject", "warning", "the preheader repeats the subject", "email")
def preheader_repeats_subject(ctx: EmailContext) -> Iterator[Problem]:
    subject, preheader = ctx.lesson.subject.strip().lower(), ctx.lesson.preheader.strip().lower()
    if subject and preheader and (preheader.startswith(subject) or subject == preheader):
        yield Problem("the preheader repeats the subject; use it to add something the subject does not say")


@check("unsubscribe.missing", "error", "no unsubscribe link in an `href` for the dialect checked (`--esp`)", "email")
def unsubscribe_missing(ctx: EmailContext) -> Iterator[Problem]:
    dialect = ctx.dialect
    unsubscribe = dialect.values.get("unsubscribe_url", "")
    if not unsubscribe or f'href="{dialect.in_html("unsubscribe_url")}"' not in ctx.html:
        yield Problem(
            f"there is no unsubscribe link ({unsubscribe or 'none'}) in an href for {dialect.name}: keep "
            '<a href="{{ merge.unsubscribe_url }}"> in the footer template'
        )


@check("unsubscribe.missing-text", "error", "no unsubscribe link in the plain-text twin", "email")
def unsubscribe_missing_text(ctx: EmailContext) -> Iterator[Problem]:
    dialect = ctx.dialect
    unsubscribe = dialect.values.get("unsubscribe_url", "")
    in_html = unsubscribe and f'href="{dialect.in_html("unsubscribe_url")}"' in ctx.html
    if in_html and unsubscribe not in ctx.text:
        yield Problem(
            "the plain-text email has no unsubscribe link: keep {{ merge.unsubscribe_url }} in partials/footer.txt.j2"
        )


@check("footer.postal-address", "error", "the postal address is not in the email's footer", "email")
def postal_address_in_footer(ctx: EmailContext) -> Iterator[Problem]:
    address = ctx.course.sender.postal_address.strip()
    if address and address not in ctx.html.replace("&amp;", "&"):
        yield Problem(
            "the postal address is not in the email's footer: keep {{ sender.postal_address }} in the footer template"
        )


@check("template.leftover", "error", "template syntax left in the email", "email")
def template_leftover_in_email(ctx: EmailContext) -> Iterator[Problem]:
    for leftover in re.findall(r"<mj-[\w-]+|\{%|%\}", ctx.neutral)[:1] + PLACEHOLDER_RE.findall(ctx.html)[:1]:
        yield Problem(f"{leftover!r} is left in the email: fix the templates")


@check("headings.order", "warning", "a heading that skips a level (in the lesson or in the email)", "email")
def headings_order_in_email(ctx: EmailContext) -> Iterator[Problem]:
    own = [int(node.tag[1]) for node in syntax_tree(ctx.lesson.body).walk() if node.type == "heading"]
    if any(level > previous + 1 for previous, level in itertools.pairwise(own)):
        return  # the lesson's own skip: the source check names its line
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", ctx.html)]
    for previous, level in itertools.pairwise(levels):
        if level > previous + 1:
            yield Problem(f"an h{level} follows an h{previous} in the email: check the templates")
            return


@check("image.alt-missing", "error", "an image in the email has no alt attribute (the templates')", "email")
def image_alt_missing_in_email(ctx: EmailContext) -> Iterator[Problem]:
    for img in re.findall(r"<img\b[^>]*>", ctx.html):
        if " alt=" not in img:
            yield Problem("an image in the email has no alt attribute: check the templates", img[:80])


@check(
    "css.unsupported",
    "warning",
    "CSS that Gmail or Outlook ignore: "
    + ", ".join(f"`{name}`" for _pattern, name, _effect, _source in CSS_SUPPORT)
    + " — each with what the clients do and its caniemail.com source",
    "email",
)
def css_unsupported(ctx: EmailContext) -> Iterator[Problem]:
    for pattern, name, effect, source in CSS_SUPPORT:
        if pattern.search(ctx.html):
            yield Problem(f"{name}: {effect} ({source})")


@check("text.missing", "error", "the plain-text twin is empty", "email")
def text_missing(ctx: EmailContext) -> Iterator[Problem]:
    if not ctx.text.strip():
        yield Problem("the plain-text twin is empty: check lesson.txt.j2")


@check("text.short", "warning", "the plain-text twin has under 60 % of the HTML's words", "email")
def text_short(ctx: EmailContext) -> Iterator[Problem]:
    html_words = len(html_text(HIDDEN_PREHEADER_RE.sub(" ", ctx.html)).split())
    text_words = len(ctx.text.split())
    if ctx.text.strip() and text_words < 0.6 * html_words:
        yield Problem(
            f"the plain-text twin has {text_words} words against {html_words} in the HTML: check lesson.txt.j2"
        )
