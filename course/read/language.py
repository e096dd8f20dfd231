"""The language of an article that does not declare one."""

from __future__ import annotations


def detect_language(text: str) -> str:
    """Two-letter language code of the text (py3langid), 'en' when there is too little to tell."""
    if len(text.split()) < 5:
        return "en"
    import py3langid  # here, not at the top: loading its model takes most of a second

    code, _score = py3langid.classify(text[:20000])
    return str(code)
