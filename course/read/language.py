"""The language of an article that does not declare one (front matter, <html lang> and the like come first).

CLD2 (pycld2) detects it in well under a millisecond from tables compiled into the library: no model to load,
unlike the n-gram models of py3langid or fastText, which cost most of a second on every `course split`.
"""

from __future__ import annotations

from ..lazyre import lazy_compile

CONTROL = lazy_compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # CLD2 takes valid UTF-8 text only
LEGACY_CODES = {"iw": "he", "in": "id", "jw": "jv", "zh-Hant": "zh"}  # CLD2's older codes -> BCP 47


def detect_language(text: str) -> str:
    """The text's language as a BCP 47 code ('en', 'fr'…); 'en' when there is too little to tell."""
    if len(text.split()) < 5:
        return "en"
    import pycld2  # here, not at the top: only `course split` of an undeclared article needs it

    try:
        _reliable, _bytes, details = pycld2.detect(CONTROL.sub(" ", text[:20000]))
    except pycld2.error:
        return "en"
    code = str(details[0][1])
    return "en" if code in ("un", "xxx") else LEGACY_CODES.get(code, code)
