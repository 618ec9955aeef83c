"""News-fit tokenization shared by the index and the question parser.

Case folding and NFKC normalization (so "Ukraine's" finds "Ukraine’s" and full-width forms
match), diacritics folded (Zelenskyy's accented spellings match plain ones), punctuation
stripped, and possessive 's dropped so a name matches with or without it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophe-like marks that writers and keyboards use interchangeably.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'"})
_WORD = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case-fold, normalize and strip diacritics from one word."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)


def tokenize(text: str) -> list[str]:
    """Tokens of `text` for BM25: folded words, no punctuation, possessives removed."""
    tokens: list[str] = []
    for match in _WORD.finditer(normalize(text)):
        word = match.group()
        if word.endswith("'s"):
            word = word[:-2]
        elif word.endswith("s'"):
            word = word[:-1]
        # "U.S." -> "us"; "Trump-Putin" -> "trump", "putin"; "don't" stays one token.
        for part in word.split("-"):
            part = part.replace(".", "")
            if part:
                tokens.append(fold(part))
    return tokens
