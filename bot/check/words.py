"""Words with their offsets, compared the way a quotation check compares them.

Two spellings of a word are the same word when they differ only in case, Unicode form
(NFKC) or apostrophe style ("don't" and "don’t"). Punctuation between words and white space
are not words and are not compared; quotation marks never are. Diacritics and hyphens are
kept: "Zelenskyy" against "Zelensky" is a different spelling, which is a difference.

A claim may hold AP-style editorial marks: an ellipsis ("…", "...") stands for dropped
words and `[brackets]` for a clarification inserted by whoever quoted. Both become a `Gap`
in the claim's word list, which the alignment lets stand for published words at no cost.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

# A word: letters or digits, with inner apostrophes, dots and hyphens kept ("don't", "U.S.",
# "long-term"); a trailing dot is punctuation, not part of the word.
_WORD = re.compile(r"[^\W_]+(?:['’‘ʼ.\-][^\W_]+)*")
_APOSTROPHE_MARKS = ("’", "‘", "ʼ", "`", "´", "′")
_APOSTROPHES = str.maketrans(dict.fromkeys(_APOSTROPHE_MARKS, "'"))
# An ellipsis (one character, or three dots, maybe spaced) or a bracketed insertion.
_MARK = re.compile(r"…|\.(?:\s?\.){2}|\[[^\[\]]*\]")
# At most this many published words stand behind one pair of brackets ("[the president]"
# for "he", "[Ukraine]" for "it"): brackets clarify, they do not hide a sentence.
BRACKET_SPAN = 4


class Word(NamedTuple):
    # A tuple, not a dataclass: every candidate's words are made per check, and a frozen
    # dataclass costs several times as much to create.
    key: str  # what is compared
    start: int  # offsets in the text it was read from
    end: int


@dataclass(frozen=True)
class Gap:
    """An editorial mark in a claim: `bound` published words at most (None: any number)."""

    start: int
    end: int
    bound: int | None


Token = Word | Gap


def word_key(word: str) -> str:
    """The comparable form of a word: NFKC, case-folded, apostrophes straightened."""
    return unicodedata.normalize("NFKC", word).translate(_APOSTROPHES).casefold()


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of text[start:end], with offsets into `text`."""
    end = len(text) if end is None else end
    # Apostrophes are straightened once for the stretch (one character for one, so offsets
    # hold); then a plain ASCII word only needs lowering, the common case by far.
    stretch = text[start:end]
    for mark in _APOSTROPHE_MARKS:
        if mark in stretch:
            stretch = stretch.replace(mark, "'")
    out = []
    for m in _WORD.finditer(stretch):
        word = m.group()
        key = word.lower() if word.isascii() else word_key(word)
        a, b = m.span()
        out.append(Word(key, start + a, start + b))
    return out


def claim_tokens(claim: str) -> list[Token]:
    """The claim's words and editorial marks, in order (consecutive marks merged into one)."""
    out: list[Token] = []
    at = 0
    for mark in _MARK.finditer(claim):
        out.extend(words(claim, at, mark.start()))
        bound = None if not mark.group().startswith("[") else BRACKET_SPAN
        last = out[-1] if out else None
        if isinstance(last, Gap):  # "… [he]" is one stretch of editing
            bound = None if last.bound is None or bound is None else last.bound + bound
            out[-1] = Gap(last.start, mark.end(), bound)
        else:
            out.append(Gap(mark.start(), mark.end(), bound))
        at = mark.end()
    out.extend(words(claim, at))
    return out
