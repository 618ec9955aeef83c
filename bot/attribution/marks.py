"""Pairing quotation marks into quoted spans.

Works one paragraph at a time so that an unbalanced mark can cost at most its own
paragraph's remainder, never the rest of the article. Double marks (“ ” " '' `` « ») are
paired first; single marks (‘ ’ ') only outside double quotations, so ‘…’ nested in “…”
stays part of the outer quotation (and “…” nested in a British ‘…’ is dropped in favour of
its outer span). Apostrophes (don’t, Russia’s, ’90s) are never marks.

Every scan is a single left-to-right pass over the paragraph: linear in its length.
"""

from __future__ import annotations

import re
from typing import NamedTuple

OPEN, CLOSE, EITHER = 1, 2, 3

# One regex finds every candidate mark; runs of straight apostrophes are taken whole so
# that NYT's '' (and ''' = '' + ') can be split by context below.
# The pattern starts with one character class (a run of ' or the `` pair is completed
# after it) so that the engine skips to candidate characters in C rather than trying every
# offset: the same matches as [“”"«»„‟]|``|'+|[‘’‛], about four times faster.
_MARK = re.compile(r"[“”\"«»„‟‘’‛'`](?:(?<=')'*|(?<=`)`|(?<![`']))")

_OPEN_BEFORE = set(" \t\n([{<—–-/\u00a0\u2009\u202f:;")
_CLOSE_AFTER = set(" \t\n.,;:!?)]}>—–-/…\u00a0\u2009\u202f*")


class Mark(NamedTuple):
    pos: int  # offset of the mark's first character
    length: int
    double: bool
    role: int  # OPEN, CLOSE or EITHER


class QuotedSpan(NamedTuple):
    """Quoted words (offsets exclude the marks and surrounding blanks). A NamedTuple, not a
    frozen dataclass: as immutable, and several times cheaper to build (one per quotation
    and candidate)."""

    start: int
    end: int
    open_pos: int  # offset of the opening mark
    close_pos: int  # offset of the closing mark, or the paragraph end when it runs on
    paragraph: int  # 0-based index into Article.paragraphs
    runs_on: bool = False  # unclosed: continues in the next paragraph (multi-paragraph quote)
    double: bool = True


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _flanking(text: str, pos: int, length: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(can open, can close) for a straight mark from the characters around it."""
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + length] if pos + length < hi else " "
    can_open = not after.isspace() and (before.isspace() or before in _OPEN_BEFORE)
    can_close = not before.isspace() and (after.isspace() or after in _CLOSE_AFTER)
    return can_open, can_close


def scan_marks(text: str, lo: int, hi: int) -> list[Mark]:
    """Candidate marks in text[lo:hi], apostrophes removed."""
    marks: list[Mark] = []
    for match in _MARK.finditer(text, lo, hi):
        token = match.group()
        pos = match.start()
        if token in ("“", "«", "„", "‟", "``"):
            marks.append(Mark(pos, len(token), True, OPEN))
        elif token in ("”", "»"):
            marks.append(Mark(pos, 1, True, CLOSE))
        elif token == '"':
            marks.append(Mark(pos, 1, True, EITHER))
        elif token == "‘" or token == "‛":
            before = text[pos - 1] if pos > lo else " "
            # ‘ glued to a word on its left is a mis-typed apostrophe, not an opening.
            if not _is_word(before):
                marks.append(Mark(pos, 1, False, OPEN))
        elif token == "’":
            before = text[pos - 1] if pos > lo else " "
            after = text[pos + 1] if pos + 1 < hi else " "
            word_before = before.isalnum()
            if word_before and after.isalnum():
                continue  # don’t, Russia’s (the commonest case: decided first, inline)
            if not word_before and after.isdigit():
                continue  # ’90s
            marks.append(Mark(pos, 1, False, CLOSE if not before.isspace() else OPEN))
        else:  # a run of straight apostrophes
            _straight_run(text, pos, len(token), lo, hi, marks)
    return marks


def _straight_run(text: str, pos: int, n: int, lo: int, hi: int, marks: list[Mark]) -> None:
    if n == 1:
        before = text[pos - 1] if pos > lo else " "
        after = text[pos + 1] if pos + 1 < hi else " "
        if _is_word(before) and _is_word(after):
            return  # don't
        if not _is_word(before) and after.isdigit():
            return  # '90s
        marks.append(Mark(pos, 1, False, EITHER))
        return
    can_open, can_close = _flanking(text, pos, n, lo, hi)
    if n == 2:
        marks.append(Mark(pos, 2, True, EITHER))
    elif n == 3 and can_open and not can_close:
        marks.append(Mark(pos, 2, True, OPEN))  # ''' opening = '' + '
        marks.append(Mark(pos + 2, 1, False, OPEN))
    elif n == 3:
        marks.append(Mark(pos, 1, False, CLOSE))  # ''' closing = ' + ''
        marks.append(Mark(pos + 1, 2, True, CLOSE))
    else:
        marks.append(Mark(pos, 2, True, EITHER))
        marks.append(Mark(pos + n - 2, 2, True, EITHER))


def _role(text: str, mark: Mark, lo: int, hi: int, is_open: bool) -> int:
    """Decide OPEN or CLOSE for a mark, given whether a quotation is currently open."""
    can_open, can_close = _flanking(text, mark.pos, mark.length, lo, hi)
    if mark.role == OPEN:
        # A curly opener typed where a closer belongs (“…“): close if the context says so.
        if is_open and can_close and not can_open:
            return CLOSE
        return OPEN
    if mark.role == CLOSE:
        if not is_open and can_open and not can_close and mark.double:
            return OPEN  # ”…” typed with the closing glyph at both ends
        return CLOSE
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return CLOSE if is_open else OPEN


def _pair(
    text: str, marks: list[Mark], lo: int, hi: int
) -> tuple[list[tuple[Mark, Mark]], Mark | None]:
    """Pair double marks with a stack, so "… shouted "Not in our town!" as …" keeps its
    outer quotation; returns the outermost pairs and the last opener left unclosed."""
    pairs: list[tuple[Mark, Mark]] = []
    stack: list[Mark] = []
    for mark in marks:
        role = _role(text, mark, lo, hi, bool(stack))
        if role == OPEN:
            if len(stack) >= 3:
                del stack[0]  # quotations do not nest this deep: the first was a stray mark
            stack.append(mark)
        elif stack:
            pairs.append((stack.pop(), mark))
    pairs.sort(key=lambda p: p[0].pos)
    outer: list[tuple[Mark, Mark]] = []
    for pair in pairs:
        if outer and pair[0].pos < outer[-1][1].pos:
            continue  # nested inside the previous pair: part of that quotation
        outer.append(pair)
    unclosed = stack[-1] if stack else None
    if unclosed is not None and outer and unclosed.pos < outer[-1][1].pos:
        unclosed = None  # an opener before the last closed pair cannot run on
    return outer, unclosed


def _single_pairs(text: str, marks: list[Mark], lo: int, hi: int) -> list[tuple[Mark, Mark]]:
    """Pair single marks; a closer glued to a plural ‘s’ is an apostrophe if a later one fits."""
    pairs: list[tuple[Mark, Mark]] = []
    opener: Mark | None = None
    # later[i]: is there a non-opening mark after i (precomputed: linear time).
    later = [False] * (len(marks) + 1)
    for i in range(len(marks) - 1, -1, -1):
        later[i] = later[i + 1] or marks[i].role != OPEN
    for i, mark in enumerate(marks):
        role = _role(text, mark, lo, hi, opener is not None)
        if role == OPEN:
            if opener is None or mark.role == OPEN or text[mark.pos - 1 : mark.pos].isspace():
                opener = mark
            continue
        if opener is None:
            continue
        before = text[mark.pos - 1]
        after = text[mark.pos + 1] if mark.pos + 1 < hi else " "
        later_close = later[i + 1]
        # "the nations’ leaders": a possessive, when a later closer can end the quotation.
        if before in "sS" and after == " " and later_close:
            nxt = text[mark.pos + 2] if mark.pos + 2 < hi else ""
            if nxt.islower() or nxt.isdigit():
                continue
        pairs.append((opener, mark))
        opener = None
    return pairs


def _span(text: str, open_mark: Mark, close_pos: int, paragraph: int, **kw: bool) -> QuotedSpan:
    start = open_mark.pos + open_mark.length
    end = close_pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(start, end, open_mark.pos, close_pos, paragraph, **kw)


def _forgotten_closer(text: str, opener: Mark, lo: int, hi: int) -> bool:
    """An opener starting a sentence whose paragraph ends on sentence punctuation, with no
    other mark after it: most likely a quotation whose closing mark was forgotten."""
    before = text[lo : opener.pos].rstrip()
    starts_sentence = not before or before[-1] in ".!?:"
    rest = text[opener.pos + opener.length : hi]
    return (
        starts_sentence
        and text[hi - 1] in ".!?"
        and len(rest.split()) >= 4
        and not any(c in rest for c in '“”"«»')
    )


def _starts_with_opener(text: str, lo: int, hi: int) -> bool:
    head = text[lo : lo + 2]
    return head[:1] in ("“", '"', "«", "„") or head == "''" or head == "``"


def find_quoted_spans(text: str, paragraphs: tuple[tuple[int, int], ...]) -> list[QuotedSpan]:
    """All top-level quoted spans, in order; nested ones stay inside their outer span."""
    spans: list[QuotedSpan] = []
    for index, (lo, hi) in enumerate(paragraphs):
        marks = scan_marks(text, lo, hi)
        if not marks:
            continue
        doubles = [m for m in marks if m.double]
        pairs, unclosed = _pair(text, doubles, lo, hi)
        found = [_span(text, a, b.pos, index) for a, b in pairs]
        if unclosed is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            # A quotation running on: this paragraph stays open, the next opens again.
            if nxt is not None and _starts_with_opener(text, nxt[0], nxt[1]):
                found.append(_span(text, unclosed, hi, index, runs_on=True))
            elif _forgotten_closer(text, unclosed, lo, hi):
                # “We looked at every option,” she said. “There was no good one left.
                # A closing mark was left out: the quotation ends with its paragraph.
                found.append(_span(text, unclosed, hi, index))
        found.sort(key=lambda s: s.open_pos)
        singles = [m for m in marks if not m.double]
        if len(singles) >= 2:
            singles = _outside(singles, found)
        outer = (
            [
                _span(text, a, b.pos, index, double=False)
                for a, b in _single_pairs(text, singles, lo, hi)
            ]
            if len(singles) >= 2
            else []
        )
        if outer:
            # A British ‘…’ around a nested “…”: keep only the outer span.
            found = _not_nested(found, outer) + outer
            found.sort(key=lambda s: s.open_pos)
        spans.extend(s for s in found if s.end > s.start)
    return spans


def _outside(marks: list[Mark], spans: list[QuotedSpan]) -> list[Mark]:
    """Marks not inside any span; both lists are sorted, so one merge pass suffices."""
    kept: list[Mark] = []
    i = 0
    for mark in marks:
        while i < len(spans) and spans[i].close_pos < mark.pos:
            i += 1
        if i < len(spans) and spans[i].open_pos < mark.pos <= spans[i].close_pos:
            continue
        kept.append(mark)
    return kept


def _not_nested(inner: list[QuotedSpan], outer: list[QuotedSpan]) -> list[QuotedSpan]:
    """Spans of `inner` not inside any of `outer` (both sorted by opening mark)."""
    kept: list[QuotedSpan] = []
    i = 0
    for span in inner:
        while i < len(outer) and outer[i].close_pos < span.open_pos:
            i += 1
        if i < len(outer) and outer[i].open_pos < span.open_pos < outer[i].close_pos:
            continue
        kept.append(span)
    return kept
