"""Shared low-level text helpers: word tokens, sentence bounds, abbreviations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# Words keep inner apostrophes, hyphens and dots (U.S., Jr.); commas, colons and
# parentheses are tokens of their own because they delimit subjects and appositives.
_TOKEN = re.compile(r"[^\W_](?:[\w’'.\-&]*[\w.])?|[,;:()\[\]—–―]|[.!?]")

ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr sen rep gov gen lt col maj capt sgt adm prof rev gov "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp co ltd u.s "
    "u.n u.k d.c a.m p.m e.g i.e ft mt pres dept".split()
)

# A "sentence" longer than this is not prose; lookups never scan further.
MAX_SENTENCE = 1500
_SENTENCE_END = re.compile(r"[.!?]+[”\"’'»)]*(?=\s|$)")


class Token(NamedTuple):
    """A word or punctuation mark; `lower` and `capitalized` are computed once (hot path)."""

    text: str
    start: int
    end: int
    lower: str
    capitalized: bool


def tokens(text: str, lo: int, hi: int) -> list[Token]:
    out: list[Token] = []
    append = out.append
    make = Token._make
    for m in _TOKEN.finditer(text, lo, hi):
        word = m.group()
        start = m.start()
        end = start + len(word)
        # A word keeps its final dot only as an abbreviation or initial ("Sen.", "F.", "U.S.").
        if word[-1] == "." and len(word) > 1 and not _keeps_dot(word):
            word = word[:-1]
            append(make((word, start, end - 1, word.lower(), word[0].isupper())))
            append(_DOT(end - 1))
        else:
            append(make((word, start, end, word.lower(), word[0].isupper())))
    return out


def _DOT(at: int) -> Token:  # noqa: N802 - a constructor, named like one
    return Token(".", at, at + 1, ".", False)


def _keeps_dot(word: str) -> bool:
    core = word[:-1]
    return (len(core) == 1 and core.isalpha()) or "." in core or core.lower() in ABBREVIATIONS


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the '.' at `dot` the end of an abbreviation or an initial, not of a sentence?"""
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "John F. Kennedy"
    if "." in word and len(word) <= 5:
        return True  # initials run together: "J.M. Berger", "U.N. envoy"
    return word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS


def _sentence_end_iter(text: str, lo: int, hi: int) -> Iterator[int]:
    for match in _SENTENCE_END.finditer(text, lo, hi):
        after = match.end()
        while after < hi and text[after] in " \t\u00a0":
            after += 1
        if after < hi and text[after].islower():
            continue  # "(D-Nev.) told reporters": a sentence goes on in lower case
        if match.group()[0] == "." and _is_abbreviation(text, match.start()) and not (
            after < hi and text[after] in "“\"‘"
        ):
            # "Sen. Warren" is not a sentence end.
            continue
        yield match.end()


def sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    """Offsets just after each sentence end in text[lo:hi]."""
    return list(_sentence_end_iter(text, lo, hi))


def sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence holding `pos`, not before `lo`."""
    lo = max(lo, pos - MAX_SENTENCE)  # bounded, so that every lookup stays cheap
    ends = sentence_ends(text, lo, pos)
    start = ends[-1] if ends else lo
    while start < pos and text[start].isspace():
        start += 1
    return start


def sentence_end(text: str, pos: int, hi: int) -> int:
    """Offset just after the sentence end at or after `pos` (or `hi`)."""
    hi = min(hi, pos + MAX_SENTENCE)
    for end in _sentence_end_iter(text, pos, hi):
        return end
    return hi
