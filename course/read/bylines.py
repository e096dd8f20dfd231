"""What a page says about an article rather than the article itself, in any of the formats: bylines ("By Priya
Raman · 12 minute read"), reading times, dates, counters; and what a letter ends with (a closing and a name),
which is the author's and stays, and what it opens with (a salutation)."""

from __future__ import annotations

import re

from ..lazyre import lazy_compile
from ..text import FULL_STOPS

COUNTER_RE = lazy_compile(
    r"(?i)^(\s*\d[\d,.]*\s*[km]?\s*(views?|comments?|likes?|shares?|reads?|replies|reactions?|"
    r"followers?|claps?|responses?|aufrufe|kommentare))+\s*$"
)
READING_TIME_RE = lazy_compile(
    r"(?i)^\W*((reading time|read time|lesezeit|temps de lecture|tiempo de lectura)\W*)?\d+\s*[-\s]?\s*"
    r"(min|mins|minute|minutes|minuten|minutos|min\.)\.?\s*(read|reading|lesen|lesezeit|de lecture|de lectura)?\W*$"
)
DATE_RE = lazy_compile(
    r"(?i)^\W*((updated|published|posted)( on)?\s+)?((\d{1,2}[./ ])?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"janv|févr|mars|avr|mai|juin|juil|août|sept|déc|jän|märz|okt|dez)[a-zé]*\.?\s+\d{1,2}(,?\s*\d{4})?"
    r"|\d{1,2}\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|"
    r"déc|jän|märz|okt|dez)[a-zé]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(\s*[·|•-]\s*.*)?\W*$"
)
# a recipe's or a product's stars and votes: "★★★★★ 4.9 from 212 votes", "4.8 (1,204 ratings)", "312 reviews"
RATING_RE = lazy_compile(
    r"(?i)^[★☆⭐✩\s]*(\d(\.\d)?\s*(/\s*5|out of 5|stars?)?\s*)?(from\s+|\(\s*)?\d[\d,.]*\s*[km]?\s*"
    r"(votes?|ratings?|reviews?|bewertungen|avis|valoraciones|reseñas)\s*\)?\s*$"
)
# a site's way around its posts and its widgets' words: "Back to all posts", "← Older Post", "Skip to content",
# "Open Menu", WordPress's "Like Loading…", in the languages with built-in wording
PAGE_NAVIGATION_RE = lazy_compile(
    r"(?i)^[←«<‹\s]*(back to (all )?(posts|articles|stories|the blog|blog|journal|news)|all (posts|articles)|"
    r"(previous|next|newer|older) (post|article|story|entry|entries|posts)|skip to (main )?content|"
    r"(open|close) menu( (open|close) menu)?|like loading|"
    r"retour (au blog|aux articles)|article (précédent|suivant)|aller au contenu|j'aime chargement|"
    r"zurück zum blog|(vorheriger|nächster) (beitrag|artikel)|zum inhalt springen|gefällt mir wird geladen|"
    r"volver al blog|(entrada|artículo) (anterior|siguiente)|ir al contenido|me gusta cargando|"
    r"torna al blog|articolo (precedente|successivo)|vai al contenuto|mi piace caricamento|"
    r"voltar ao blog|(artigo|post) (anterior|seguinte)|ir para o conteúdo|gosto carregando|"
    r"terug naar (de )?blog|(vorig|volgend) (bericht|artikel)|naar de inhoud)[\s.…→»>›]*$"
)
ISSUE_RE = lazy_compile(r"(?i)^(issue|edition|vol\.?|volume|no\.|ausgabe|numéro|número)\s*#?\s*\d+\W*$")  # "Issue #47"
# What an email client or a newsletter puts around the text: "View this email in your browser"
EMAIL_CHROME_RE = lazy_compile(
    r"(?i)^((having trouble viewing this (e-?mail|message)\?\s*)?(view|open|read|see) (this|it|the) ?(e-?mail|"
    r"newsletter|issue|message|post)? ?(in|on) (your|a|the) (web )?browser|view (it )?online|view in browser|"
    r"(im browser|dans le navigateur|en el navegador) (ansehen|anzeigen|afficher|ver))\W*$"
)
NAME = r"(?P<name>[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:[A-ZÀ-Ý][\w'’.-]+|van|von|de|der|da|di|le|la)){0,4})"
# after the name: "… · 12 min read", "…, March 2024", "… on April 2, 2025"
META_TAIL = r"\s*([·|•–—,-]\s*.*|\s(on|am|le|el|il|op)\s+\D{0,20}\d.*)?$"
BYLINE_RES = [
    # an avatar caption glued to the name: "Writer's pictureAlistair Hopkins", "Author photoJane Doe"
    lazy_compile(r"(?i:^.{0,30}\b(picture|photo|avatar|image|portrait))\s*" + NAME + r"\s*$"),
    lazy_compile(r"(?i:^(by|written by|posted by|words by|author:|von|par|por|di|door))\s+" + NAME + META_TAIL),
    # "Posted on 12 May 2023 by Jane Doe", "Published March 3, 2024 by Jane Doe · 6 min read", "Publié le … par"
    lazy_compile(
        r"(?i:^(posted|published|written|updated|publié|publiée|mis à jour|veröffentlicht|aktualisiert|publicado|"
        r"actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt)\b.{0,40}?\b(by|par|von|por|da|door))\s+"
        + NAME
        + META_TAIL
    ),
]
NAME_ONLY_RE = lazy_compile(r"^" + NAME + r"$")
CLOSING_RE = lazy_compile(
    r"(?i)^(best|best wishes|best regards|kind regards|warm regards|warmest regards|warmly|regards|cheers|thanks|"
    r"thank you|many thanks|sincerely|yours|yours truly|yours sincerely|all the best|love|with love|take care|"
    r"talk soon|until next time|à bientôt|amitiés|amicalement|bien à (vous|toi)|cordialement|bises|je t'embrasse|"
    r"je vous embrasse|viele grüße|liebe grüße|beste grüße|herzliche grüße|mit freundlichen grüßen|saludos|"
    r"un abrazo|un saludo|atentamente|abrazos|un caro saluto|a presto|"
    # Portuguese, Italian, Dutch
    r"um abraço|abraços|abraço|beijos|atenciosamente|saudações|até breve|até a próxima|até logo|"
    r"saluti|cordiali saluti|un abbraccio|alla prossima|"
    r"groeten|groetjes|(met )?(vriendelijke|hartelijke) groet(en)?|liefs|tot snel|tot de volgende keer|"
    # newsletters' own: "See you in the inbox,", "Until next week,", "Happy writing,", "Stay curious,"
    r"see you( [\w'’]+){0,4}|speak soon|more soon|till next time|"
    r"(until|till) next (week|time|month|issue|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"onwards( and upwards)?|stay (curious|well|safe|tuned)|happy [a-z]+ing|with gratitude|gratefully|with thanks|"
    r"à la semaine prochaine|à très vite|bis bald|bis zum nächsten mal|hasta pronto|hasta la próxima)"
    r"\s*[,.!—–-]?$"
)

# a closing in the author's own words that opens as closings do: "With more patience than I had then,", "Yours in
# stubbornness," (a comma, not a full stop: "With that in mind, we can start." is a sentence)
OWN_CLOSING_RE = lazy_compile(r"(?i)^(with|yours)\s[^.!?;:]{1,60},$")


# What a letter opens with: "Dear new manager,", "Hi Maya,", "Liebe Kolleginnen,", "Chère Claire,"
SALUTATION_RE = lazy_compile(
    r"(?i)^(dear|hi|hello|hey|greetings|good (morning|afternoon|evening)|hallo|liebe[rs]?|sehr geehrte[rs]?|"
    r"bonjour|cher|chère|chers|chères|hola|querid[oa]s?|estimad[oa]s?|ciao|car[oa]|cari|care)\b[^.!?\n]{0,40}[,!:]$"
)


# what a letter adds after its sign-off: "P.S. …", "PS: …", "P.P.S. …"
POSTSCRIPT_RE = lazy_compile(r"(?i)^(p\.?\s?){1,2}s\b")


def is_postscript(text: str) -> bool:
    """An afterthought under a letter's sign-off: "P.S. Nobody has ever asked.", "PS: reply and tell me"."""
    return bool(POSTSCRIPT_RE.match(text.strip()))


def is_salutation(text: str) -> bool:
    """A letter's opening line to its reader ("Dear new manager,"): short, alone, ending with a comma."""
    return bool(SALUTATION_RE.match(text.strip()))


def byline_name(text: str) -> str | None:
    """The author's name when text is a byline: "By Jane Doe", "Posted on 12 May 2023 by Jane Doe · 6 min read",
    or a line of a name, a date and a reading time ("Jane Doe · March 3, 2024 · 6 min read")."""
    text = " ".join(text.split())
    for pattern in BYLINE_RES:
        match = pattern.match(text)
        if match:
            return match.group("name").strip()
    parts = [part.strip() for part in re.split(r"\s+[·|•]\s+", text)]
    if len(parts) > 1:
        names = [part for part in parts if NAME_ONLY_RE.match(part) and not is_metadata(part)]
        if len(names) == 1 and all(is_metadata(part) for part in parts if part not in names):
            return names[0]
    return None


def is_metadata(text: str) -> bool:
    """A reading time, a date, a counter, a rating, a newsletter's issue number or a site's "Back to all posts":
    true of the page, not of the article."""
    text = " ".join(text.split())
    if not text:
        return False
    if any(pattern.match(text) for pattern in METADATA_RES):
        return True
    parts = [part.strip() for part in re.split(r"\s+[·|•]\s+", text)]
    return len(parts) > 1 and all(any(pattern.match(p) for pattern in METADATA_RES) for p in parts)


METADATA_RES = (COUNTER_RE, READING_TIME_RE, DATE_RE, ISSUE_RE, EMAIL_CHROME_RE, RATING_RE, PAGE_NAVIGATION_RE)


def signed_by(text: str, person: str | None) -> bool:
    """The line is the person's name as a letter is signed: in full, or the first name alone ("Tomasz" for
    Tomasz Nowak)."""
    if not person or not person.strip():
        return False
    name = signature_name(text).casefold()
    return name in (" ".join(person.split()).casefold(), person.split()[0].casefold())


def signature_name(text: str) -> str:
    """The name a line signs with: "— Mark" signs as "Mark" does."""
    return " ".join(text.split()).lstrip("–—-~ ")


def is_closing(text: str) -> bool:
    """A letter's closing: "Warm regards,", "Bien à vous,", "Cheers", "With more patience than I had then,"."""
    text = " ".join(text.split())
    return bool(CLOSING_RE.match(text) or OWN_CLOSING_RE.match(text))


def closing_and_name(lines: list[str]) -> tuple[str, str] | None:
    """Two lines that sign a letter off, a closing above a name ("Talk soon," / "Grace"), space-normalised."""
    pair = [" ".join(line.split()) for line in lines]
    return (pair[0], pair[1]) if len(pair) == 2 and is_closing(pair[0]) and is_signature(pair[1]) else None


# what a site labels a page's parts with ("Share", "Sign in"), capitalised like a name
SITE_LABELS = (
    r"see (all|more)|read more|more|back( to top)?|(top|bottom) of page|home|menu|next|previous|older|newer|"
    r"subscribe|sign (in|up)|log ?in|follow|like|reply|print|email|top|share|related|recent posts|comments?|tags?|"
    r"categor(y|ies)|filed under|posted in"
)
SITE_LABEL_RE = lazy_compile(rf"(?i)^({SITE_LABELS})\b")
# never the name a text is signed with: a site's label, or a last word of the article's own that is not a name
# ("The End", "Enjoy", "Sources"), which is the author's and stays
PAGE_LABEL_RE = lazy_compile(
    rf"(?i)^({SITE_LABELS}|(the )?end|fin|enjoy|peace|amen|disclaimer|update|note|sources|references|footnotes|"
    r"credits)\b"
)
SENTENCE_ENDS = (*FULL_STOPS, '"', "”", ")")  # a sentence's end, and a quote's or an aside's around it
WORD_EDGES = "\"'“”‘’()[]{}.,;:!?…«»"


def bare_signature(last: str, before: str | None, texts: list[str]) -> bool:
    """A name alone (one to three words) ends the article under its last paragraph of prose, `before` ("… was
    not clear enough." then "Daniel"; None: under a list or a table), without a closing above it: the author
    signing. Not a label of the page's ("Comments", "See All"), nor a tag of the article's ("Sales Leadership":
    its words are in `texts`, the article's)."""
    name = signature_name(last)
    if not is_signature(name) or len(name.split()) > 3 or PAGE_LABEL_RE.match(name) or is_closing(name):
        return False  # "Cheers" alone is a closing without a name
    if before is not None and not before.rstrip().endswith(SENTENCE_ENDS):
        return False
    # the article's words as written, space apart ("anna@work-laptop" in a command does not say "Anna")
    words = {word.strip(WORD_EDGES).casefold() for text in texts for word in text.split()}
    return not any(word.strip(WORD_EDGES).casefold() in words for word in name.split())


def is_signature(text: str) -> bool:
    """A name as a letter is signed: one to four capitalised words."""
    return bool(NAME_ONLY_RE.match(" ".join(text.split()))) and len(text.split()) <= 4


# the author's bio after the article, in the languages course reads ("About <the author's name>" is matched too)
ABOUT_AUTHOR_RE = lazy_compile(
    r"(?i)^(?:about (?:the )?(?:author|authors|writer)|about me|über (?:den autor|die autorin|mich)|"
    r"à propos de l['’]aut(?:eur|rice)e?|à propos de moi|sobre (?:el autor|la autora|mí|o autor|a autora|mim)|"
    r"sull['’]aut(?:ore|rice)|chi sono|over de auteur|over mij)$"
)
BIO_WORDS = 150  # at most: more after "About the author" is a section of the article (a profile), not a bio


def is_author_bio(label: str, words: int, author: str | None) -> bool:
    """What starts with `label` and runs `words` words to the article's end is the author's bio ("About the author",
    her name and firm, a copyright line), which closed the last lesson: the subscriber knows who writes to them."""
    label = " ".join(label.split()).rstrip(":").strip()
    named = bool(author) and label.casefold() == f"about {author}".casefold()
    return words <= BIO_WORDS and (named or ABOUT_AUTHOR_RE.match(label) is not None)
