"""Shared low-level text helpers: word tokens, sentence bounds, abbreviations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# Words keep inner apostrophes, hyphens and dots (U.S., Jr.); commas, colons and
# parentheses are tokens of their own because they delimit subjects and appositives.
# Written as runs of [\w.] joined by runs of ’'-& (classes that do not overlap): the same
# tokens as [^\W_](?:[\w’'.\-&]*[\w.])?|[,;:()\[\]—–―]|[.!?], without stepping back off
# the blank after every word (a fifth faster).
# A number with thousands separators ("9,000") is one word: its comma closes no clause.
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?!,?\d)|[^\W_][\w.]*(?:[’'\-&]+[\w.]+)*|[,;:()\[\]—–―.!?]|--|(?<= )-(?= )"
)
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")

ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr sen rep gov gen lt col maj capt sgt adm prof rev gov "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp co ltd u.s "
    "u.n u.k d.c a.m p.m e.g i.e ft mt pres dept atty adv engr mdm del".split()
)

# A "sentence" longer than this is not prose; lookups never scan further.
MAX_SENTENCE = 1500
# Group 1 is the first character after the mark and any blanks ("" at the window's end),
# captured by a lookahead so that no Python loop has to step over the blanks. "[.!?][.!?]*"
# rather than the equivalent "[.!?]+": a leading repeat keeps the engine from skipping to
# candidate characters in C, and this pattern scans whole paragraphs (2.3x faster).
_SENTENCE_END = re.compile(r"[.!?][.!?]*[”\"’'»)]*(?=\s|$)(?=[ \t\u00a0]*([\s\S]?))")


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
    # tuple.__new__ straight, not Token._make: _make is a Python-level function, and this
    # loop runs for every word the rules look at.
    new = tuple.__new__
    # One split of the window, tokens at the odd places and the gaps between them at the
    # even ones, rather than a match object per token: offsets follow from the lengths.
    # (The pattern has no anchors or lookarounds, so the slice tokenizes like the window.)
    lo = max(lo, 0)  # as finditer(text, lo, hi) reads its bounds
    if hi <= lo:
        return out
    parts = _TOKEN_SPLIT.split(text[lo:hi])
    start = lo + len(parts[0])
    for k in range(1, len(parts), 2):
        word = parts[k]
        end = start + len(word)
        # A word keeps its final dot only as an abbreviation or initial ("Sen.", "F.", "U.S.").
        if word in ("--", "-"):
            # A typed dash ("Pike -- who took office in May -- said", or a hyphen between
            # blanks, "Pike - who took office in May - said") reads as "—".
            append(new(Token, ("—", start, end, "—", False)))
        elif word[-1] == "." and end - start > 1 and not _keeps_dot(word):
            word = word[:-1]
            append(new(Token, (word, start, end - 1, word.lower(), word[0].isupper())))
            append(new(Token, (".", end - 1, end, ".", False)))
        else:
            append(new(Token, (word, start, end, word.lower(), word[0].isupper())))
        start = end + len(parts[k + 1])
    return out


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
        # group 1: the next character past blanks, "" at `hi`
        if _accepted(text, match.start(), match.group(1)):
            yield match.end()


# Abbreviations that often end a sentence, and the words that then open the next one:
# "called at 2 a.m. A neighbor told officers …" is two sentences.
_CAN_END = ("a.m", "p.m", "etc")
_OPENS_SENTENCE = re.compile(
    r"\.[ \t]+(?:The|A|An|He|She|It|They|We|But|His|Her|Its|Their|This|There|Police)\b"
)


def _accepted(text: str, start: int, after: str) -> bool:
    """Does the candidate mark at `start`, followed (past blanks) by `after`, end a sentence?"""
    if after.islower():
        return False  # "(D-Nev.) told reporters": a sentence goes on in lower case
    # "Sen. Warren" is not a sentence end.
    if text[start] == "." and _is_abbreviation(text, start) and not (after and after in '“"‘'):
        return text.endswith(_CAN_END, max(0, start - 3), start) and (
            _OPENS_SENTENCE.match(text, start) is not None
        )
    return True


def sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    """Offsets just after each sentence end in text[lo:hi]."""
    return list(_sentence_end_iter(text, lo, hi))


def sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence holding `pos`, not before `lo`."""
    lo = max(lo, pos - MAX_SENTENCE)  # bounded, so that every lookup stays cheap
    end = _last_sentence_end(text, lo, pos)
    start = end if end is not None else lo
    while start < pos and text[start].isspace():
        start += 1
    return start


# How far back the last sentence end is looked for first: most sentences are shorter.
_BACK_CHUNK = 200


def _last_sentence_end(text: str, lo: int, hi: int) -> int | None:
    """The last of sentence_ends(text, lo, hi), looked for backwards a chunk at a time: the
    lookups ask for the start of a quotation's own sentence, near `hi`, and scanning from the
    paragraph's start each time was the waste.

    Same answer as the forward scan: a chunk starts just after a blank, which no candidate
    mark straddles (candidates hold no blanks), so a scan from there finds the forward scan's
    own candidates; the scans all end at `hi`, so each candidate is judged alike."""
    right = hi
    while True:
        blank = text.rfind(" ", lo, max(lo, right - _BACK_CHUNK))
        left = blank + 1 if blank >= 0 else lo
        last = None
        for match in _SENTENCE_END.finditer(text, left, hi):
            start = match.start()
            if start >= right:
                break
            if _accepted(text, start, match.group(1)):
                last = match.end()
        if last is not None or left <= lo:
            return last
        right = left


def sentence_end(text: str, pos: int, hi: int) -> int:
    """Offset just after the sentence end at or after `pos` (or `hi`)."""
    hi = min(hi, pos + MAX_SENTENCE)
    for end in _sentence_end_iter(text, pos, hi):
        return end
    return hi


# Where a role's head noun ends: "professor in the school of …" is a professor's role.
_ROLE_HEAD_END = re.compile(r"\s(?:of|at|in|for|with|on|from|who|which|that)\s|,")


def role_head(role: str) -> str:
    """The head noun of a role or description: "a 400-employee foundry in Leeds" -> foundry."""
    words = _ROLE_HEAD_END.split(role.lower(), maxsplit=1)[0].split()
    return words[-1] if words else ""


def in_relative_clause(text: str, start: int) -> bool:
    """Is the word at `start` inside a relative clause in commas, opened after a name in
    its sentence ("Gia Marchetti, 26, who tours with the trio Lantern Hill, said")? Not
    after a description, whose clause may name the subject ("One man, who gave his name
    only as Sipho, said")."""
    lo = max(0, start - 150)
    k = max(text.rfind(", who ", lo, start), text.rfind(", which ", lo, start))
    if k < 0 or any(c in text[k + 1 : start] for c in ",.!?\n"):
        return False
    before = text[max(0, k - 60) : k].split()
    if before and before[-1].isdigit() and len(before) >= 2:
        before = before[:-1]  # "Gia Marchetti, 26, who …": past the age
    return bool(before) and before[-1].rstrip(",")[:1].isupper()
