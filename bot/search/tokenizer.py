"""News-fit tokenization shared by the index and the question parser.

Case folding and NFKC normalization (so "Ukraine's" finds "Ukraine’s" and full-width forms
match), diacritics folded (Zelenskyy's accented spellings match plain ones), punctuation
stripped, and possessive 's dropped so a name matches with or without it. Every word is then
stemmed with Snowball's English stemmer (PyStemmer), so "emails" finds "email" and "warned"
finds "warns"; the index and the questions go through the same `tokenize`, so both BM25 engines
see the same stems.

Every passage of the archive goes through `tokenize` when the index is built, so it works on
whole strings with C-level operations (normalize, translate, regex) rather than word by word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer  # type: ignore[import-not-found]

# Part of every saved index's format stamp (bot.corpus.store): an index saved with other
# tokens (before stemming, say) is rebuilt, never read with the wrong vocabulary.
TOKENIZER_VERSION = "snowball-english-1"

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


def words(text: str) -> list[str]:
    """The folded words of `text`, unstemmed: no punctuation, possessives removed."""
    found = _WORD.findall(_POSSESSIVE.sub("", _fold_text(text)))
    return [w.replace(".", "") if "." in w else w for w in found]


_STEMMER = Stemmer.Stemmer("english")
# A plain dict in front of the stemmer: a lookup is ~80 ns where stemWords costs ~400 ns a
# word, and news vocabularies repeat. Cleared when it grows past this many words.
_STEMS: dict[str, str] = {}
_STEMS_MAX = 2_000_000


def stem(word: str) -> str:
    """Snowball's English stem of one folded word."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) >= _STEMS_MAX:
            _STEMS.clear()
        found = _STEMS[word] = _STEMMER.stemWord(word)
    return found


def stems(folded: list[str]) -> list[str]:
    """`stem` of every word of a list."""
    cache = _STEMS
    return [cache.get(w) or stem(w) for w in folded]


def tokenize(text: str) -> list[str]:
    """Tokens of `text` for BM25: the stems of its `words`."""
    return stems(words(text))
