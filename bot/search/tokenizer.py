"""News-fit tokenization shared by the index and the question parser.

Case folding and NFKC normalization (so "Ukraine's" finds "Ukraine’s" and full-width forms
match), diacritics folded (Zelenskyy's accented spellings match plain ones), punctuation
stripped, and possessive 's dropped so a name matches with or without it.

Every passage of the archive goes through `tokenize` when the index is built, so it works on
whole strings with C-level operations (normalize, translate, regex) rather than word by word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophe-like marks that writers and keyboards use interchangeably.
_APOSTROPHE_LIKE = ("’", "‘", "ʼ", "`", "´", "′")
# A word: letters/digits, with inner apostrophes ("don't") and dots ("u.s") kept together;
# hyphens split ("trump-putin" -> "trump", "putin").
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")
_POSSESSIVE = re.compile(r"'s\b")
_COMBINING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def _straight_apostrophes(text: str) -> str:
    # str.replace per mark is several times faster than str.translate with a dict table.
    for mark in _APOSTROPHE_LIKE:
        if mark in text:
            text = text.replace(mark, "'")
    return text


def _fold_text(text: str) -> str:
    text = _straight_apostrophes(unicodedata.normalize("NFKC", text)).casefold()
    if not text.isascii():
        # Decompose, then drop combining marks: "pérez" -> "perez".
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case-fold, normalize and strip diacritics from one word."""
    return _fold_text(word)


def normalize(text: str) -> str:
    return _straight_apostrophes(unicodedata.normalize("NFKC", text))


def tokenize(text: str) -> list[str]:
    """Tokens of `text` for BM25: folded words, no punctuation, possessives removed."""
    words = _WORD.findall(_POSSESSIVE.sub("", _fold_text(text)))
    return [w.replace(".", "") if "." in w else w for w in words]
