"""Short phrases from an author's prose, cut only where a phrase ends: a whole sentence, a whole clause, or the
start of a clause up to a word that opens a new phrase ("La lenteur dont je parle n'a donc rien à voir | avec
la paresse"). Subjects, titles and preheaders are made from them, so none stops in the middle of a phrase."""

from __future__ import annotations

import re

from .lazyre import lazy_compile
from .text import phrase_words

# the space after a sentence's end and what closes it ('now?" Then', "fini. » Puis", "above.) Done"): the closing
# marks stay with the sentence
SENTENCE_END_RE = lazy_compile(  # not before a word in lower case: "tech. people", "e.g. this", "and then… nothing"
    r"[.!?…](?:\s?[\"”’»)\]])*(\s+)(?=[\"“‘«(¿¡]*(?![a-zà-öø-ÿ])[^\W\d_]|\d)"
    r"|[。！？](\s*)(?=[^\s」』）])"  # Chinese and Japanese: 。！？ then no space (「はい。」と言った。 is one)
)
CLAUSE_END_RE = lazy_compile(r"(?<=[,;:])\s+|\s+[–—-]\s+|(?<=\S)[–—]\s*")
QUOTE_MARK_RE = lazy_compile(r"(?m)^\s*>\s?")
LEADING_NUMBER_RE = lazy_compile(r"^\d{1,3}[.)] (?=\S)")
# abbreviations whose full stop ends no sentence, whatever follows: "e.g. Japan", "Dr. Ruiz", "z. B. Berlin", an
# initial ("J. R. Tolkien")
ABBREVIATION_RE = lazy_compile(
    r"(?i)(?<![\w.'’-])(e\.\s?g|i\.\s?e|cf|vs|viz|approx|mr|mrs|ms|dr|prof|st|fig|ca|bzw|mme|mlle|sra|dña|"
    r"[^\W\d_])\.$"
)


def word_set(words: str) -> frozenset[str]:
    """The words of a list written out as one string, as a set."""
    return frozenset(words.split())


# Words that open a new phrase (conjunctions, prepositions, relative pronouns): a phrase may end before them. English,
# French, German, Spanish, Italian, Portuguese, Dutch (without words English uses otherwise: "do", "want", "door").
OPENERS = word_set(
    "and or but nor so yet because since although though unless until while whereas when where which who whom "
    "whose that than as if with without for from to into onto in on at of by about after before during over "
    "under between through via per like "
    "et ou mais car donc or ni que qui quoi dont où quand comme si avec sans pour par dans sur sous chez vers "
    "entre pendant depuis avant après contre de du des à au aux en "
    "und oder aber denn sondern weil da dass ob wenn als wie während mit ohne für von vom zu zum zur in im an am "
    "auf bei nach über unter vor durch gegen "
    "y e o u pero sino porque aunque que quien cuando donde como si con sin para por en sobre entre desde hasta "
    "hacia durante ante tras de del al "
    "ma perché mentre quando dove come se con senza per tra fra su da di del della "
    "mas pois quem onde com sem para até após antes depois dos das ao aos nas num numa pelo pela "
    "omdat hoewel wanneer waar zonder naar bij tussen tijdens uit voor aan"
)
# Words a phrase never ends on: articles, possessives and the openers above.
DANGLING = OPENERS | word_set(
    "the a an my your his her its our their this these those some any no every each "
    "le la les l un une des mon ton son ma ta sa mes tes ses notre votre leur nos vos leurs ce cet cette ces "
    "der die das den dem des ein eine einen einem einer mein dein sein ihr unser euer "
    "el la los las un una unos unas mi tu su nuestro vuestro "
    "il lo gli i una uno "
    "os uma uns umas meu minha seu sua nosso nossa este esta esse essa "
    "het een mijn jouw onze deze dit "
    # and what waits for its verb or its word: "…represents what I would", "…not just"
    "will would shall should can could may might must is are was were be been being am have has had "
    "not just very what i we "
    "he she they "
    "wird werden würde würden kann können muss müssen soll sollen ist sind war waren nicht sehr"
)
# what opens in a phrase and must close in it: a cut inside "(perhaps because…)" or '"attitude and…"' reads broken
PAIRS = (("(", ")"), ("[", "]"), ("«", "»"))


def ends_whole(phrase: str) -> bool:
    """Whether a phrase ends on a word that needs none after it ("A more realistic one is" waits for its rest; "…with
    a bunch" waits for "of …")."""
    words = phrase.split()
    if len(words) >= 2 and _bare(words[-2]) in ("a", "an") and _bare(words[-1]) in QUANTITIES:
        return False
    return bool(words) and _bare(words[-1]) not in DANGLING


def whole_words(words: list[str], least: int) -> int:
    """How many of the words, at least `least`, make the longest start that is balanced and ends whole (0 if none):
    where to cut a phrase so it stops outside any quotation it opens and on a word that needs none after it."""
    fits = (
        n
        for n in range(len(words), least - 1, -1)
        if balanced(" ".join(words[:n])) and ends_whole(" ".join(words[max(0, n - 2) : n]))
    )
    return next(fits, 0)


def balanced(text: str) -> bool:
    """Whether every bracket and quotation mark the text opens, it closes (straight double quotes in pairs)."""
    if text.count('"') % 2:
        return False
    # “…” in English, „…“ in German: every “ opens a quotation or closes a „
    quotes = text.count("“") == text.count("”") + text.count("„")
    return quotes and all(text.count(left) == text.count(right) for left, right in PAIRS)


# what "a" names only with "of" after it: "a bunch of", "a number of" (not "a lot", "a couple", which can end one)
QUANTITIES = word_set("bunch number handful variety series range majority plethora myriad slew host")
# A word set off by commas that only links the sentence to the one before ("The big question, then, is…"): a
# phrase does not end on it
ASIDE_WORDS = word_set(
    "then however therefore though thus also too indeed perhaps moreover instead still anyway meanwhile "
    "donc cependant pourtant aussi alors jedoch doch dennoch aber entonces sin embargo además quindi però "
    "dunque então porém contudo dus echter toch"
)


# Pronouns that point back to what came before: a later sentence holding one does not name a lesson alone
BACK_REFERENCES = word_set(
    "it its itself this these those they them their he him his she her "
    "il elle ils elles cela ça ceci lui leur "
    "es er sie ihm ihn ihnen dies diese dieser "
    "esto eso ello ellos ellas "
    "esso essa ciò loro "
    "isso isto ele ela eles elas dele dela "
    "hij zij ze hem hen hun"
)


# Words that order a text ("Finally, take the weekends off"): a title made of prose leaves them out, since in an
# inbox they point at lessons the reader may not have read
SEQUENCE_WORDS = word_set(
    "first firstly second secondly third thirdly next then finally lastly last also plus besides moreover "
    "furthermore additionally so now anyway "
    "enfin ensuite puis finalement premièrement deuxièmement alors bref aussi d'abord d’abord "
    "zuerst dann schließlich zuletzt außerdem erstens zweitens also "
    "primero luego después finalmente además entonces "
    "infine poi inoltre quindi allora "
    "primeiro depois finalmente então "
    "eerst daarna verder dus"
) | frozenset(
    [
        "first of all", "last but not least", "above all", "after that", "to begin with", "to start with",
        "pour finir", "tout d'abord", "tout d’abord", "de plus", "por último", "por fin", "para terminar",
        "per finire", "prima di tutto", "por fim", "além disso", "antes de mais", "ten slotte", "tot slot",
        "ten eerste",
    ]
)  # fmt: skip


def _without_sequence_word(phrase: str) -> str:
    """'Finally, take the weekends off' -> 'Take the weekends off'; kept when too little would be left."""
    head, comma, rest = phrase.partition(", ")
    if not comma or head.lower() not in SEQUENCE_WORDS or phrase_words(rest) < 3:
        return phrase
    return rest[:1].upper() + rest[1:]


def _stands_alone(sentence: str) -> bool:
    """A sentence after the first names a lesson only when it says something alone: not a question and no pronoun
    pointing back ("It never does", "Do I index it?" said nothing without the sentence before them)."""
    return not sentence.rstrip().endswith("?") and not any(_bare(word) in BACK_REFERENCES for word in sentence.split())


def sentences(text: str) -> list[str]:
    """The sentences of a text, in order (a line of a list is a sentence of its own)."""
    found: list[str] = []
    for line in QUOTE_MARK_RE.sub("", text).split("\n"):
        # an item's number ("**2. Only one option.** One offer…") is no sentence: its full stop ends none
        line = LEADING_NUMBER_RE.sub("", " ".join(line.split()), count=1)
        cuts = [
            match.end()
            for match in SENTENCE_END_RE.finditer(line)
            if not ABBREVIATION_RE.search(line, 0, match.start() + 1)  # "(e.g. Japan & Germany…)" goes on
        ]
        found += [line[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return [sentence for sentence in found if sentence]


def _words(text: str) -> list[str]:
    return text.split()


def _fits(text: str, limit: int) -> bool:
    return phrase_words(text) >= 3 and len(text) <= limit and bool(re.search(r"[^\W\d_]", text))


def _bare(word: str) -> str:
    return re.sub(r"^[\W_]+|[\W_]+$", "", word.lower()).split("'")[-1].split("’")[-1]


def clause_starts(sentence: str) -> list[str]:
    """The starts of a sentence that end where a clause ends, shortest first ("Ralentir", "Ralentir, ce n'est
    pas renoncer à avancer", …), without the punctuation that ends them."""
    starts = []
    for match in CLAUSE_END_RE.finditer(sentence):
        start = sentence[: match.start()].rstrip(" ,;:–—-")
        if start:
            starts.append(start)
    return starts


def phrase_start(text: str, limit: int) -> str | None:
    """The longest start of text, at least three words and at most `limit` characters, that ends before a word
    opening a new phrase and not on an article or a preposition."""
    words = _words(text)
    best = None
    for end in range(3, len(words) - 1):  # a preposition ending the text ("easy to work with") opens nothing
        candidate = " ".join(words[:end]).rstrip(" ,;:–—-")
        if len(candidate) > limit:
            break
        if _bare(words[end]) in OPENERS and ends_whole(" ".join(words[max(0, end - 2) : end])) and balanced(candidate):
            best = candidate
    return best


def short_phrase(text: str, limit: int, whole: int = 0) -> str | None:
    """A phrase of the text's opening for a subject or a title: a whole sentence (a later one only when it stands
    alone), else a whole clause, else the first sentence whole when it is up to `whole` characters long, else the
    start of the first sentence up to where a new phrase begins, without a word that orders the text before it
    ("Finally, …"); None when the text has none of these."""
    phrase = _opening_phrase(text, limit, whole)
    return _without_sequence_word(_unpunctuated(phrase)) if phrase else None


def _opening_phrase(text: str, limit: int, whole: int = 0) -> str | None:
    found = sentences(text)
    for index, sentence in enumerate(found[:3]):
        if _fits(sentence, limit) and balanced(sentence) and (index == 0 or _stands_alone(sentence)):
            return sentence
    if not found:
        return None
    fitting = [
        start
        for start in clause_starts(found[0])
        if _fits(start, limit)
        and balanced(start)
        and _bare(start.rsplit(", ", 1)[-1]) not in ASIDE_WORDS
        and ends_whole(start)
    ]
    if fitting:
        return fitting[-1]
    if whole and _fits(found[0], whole) and balanced(found[0]):
        return found[0]  # "… was the usual problem of over-hype": whole, rather than cut before "of over-hype"
    return phrase_start(found[0], limit)


def _unpunctuated(text: str) -> str:
    """A phrase as a title: no closing full stop or dangling comma; a question or exclamation mark stays."""
    return text.strip().rstrip(" .,;:–—-").strip()


def cut_at_phrase(text: str, limit: int) -> str:
    """Text cut to `limit` characters at the end of a clause or phrase, with an ellipsis when it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    fitting = [
        start
        for start in clause_starts(text)
        if len(start) <= limit - 1 and phrase_words(start) >= 3 and balanced(start) and ends_whole(start)
    ]
    phrase = phrase_start(text, limit - 1)
    candidates = [*fitting, *([phrase] if phrase else [])]
    cut = max(candidates, key=len) if candidates else None
    if cut is None:  # at a word, not one that waits for the next ("…produce not just a…")
        words = text[:limit].split(" ")[:-1]
        # before a quotation or bracket it opens, if that leaves half of it ("A more realistic one is, "own the…")
        whole = whole_words(words, least=4)
        if whole and whole >= len(words) // 2:
            words = words[:whole]
        while len(words) > 3 and _bare(words[-1]) in DANGLING:
            words.pop()
        cut = " ".join(words)
    return cut.rstrip(" ,;:–—-") + "…"
