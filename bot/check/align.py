"""Word alignment of a claim with published words: the smallest edit, word by word.

The claim is aligned whole; the published words are free before and after it (a claim may be
a fragment of a longer quotation). Within the aligned stretch each claim word is equal to a
published word, replaces one, or is an insertion (the claim adds it); each published word
left out is a deletion. Editorial marks (`Gap`) stand for published words at no cost.

Costs: a replaced, inserted or deleted word costs 1, and each equal word earns a little back
(`EQUAL`), so among alignments with as few changes, the one keeping the most words wins
("chances" against "great chances" is a deletion, not "great" replaced). Among exact ties a
replacement is preferred (at the edges of a fragment, a claim word that differs from the
published word next to it reads as that word changed), and a deletion costs a hair more than
an insertion, so the aligned stretch of published words is the shortest of equal cost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.check.words import Gap, Token, Word

SUB = 1.0
INSERT = 1.0
DELETE = 1.0001
EQUAL = -0.001
_INF = float("inf")

# Back-pointers.
_EQ, _SUB, _INS, _DEL, _GAP = 1, 2, 3, 4, 5


@dataclass(frozen=True)
class Op:
    """One step of a diff: claim words [c0, c1) against published words [p0, p1)."""

    op: str  # "equal" | "replace" | "insert" | "delete"
    c0: int
    c1: int
    p0: int
    p1: int


@dataclass(frozen=True)
class Alignment:
    ops: tuple[Op, ...]  # indexes into the claim's word list and the published word list
    cost: float
    matched: int  # claim words equal to a published word
    claim_words: int
    published_words: int  # published words inside the aligned stretch, gaps' words excluded
    changed: int  # words changed: per op, the longer side of a replace, insert or delete
    first: int  # published words [first, last) are the aligned stretch (gaps included)
    last: int

    @property
    def similarity(self) -> float:
        """2 x equal words / (claim words + published words): 1.0 when the words agree."""
        total = self.claim_words + self.published_words
        return 2 * self.matched / total if total else 0.0

    @property
    def exact(self) -> bool:
        return self.matched > 0 and all(o.op == "equal" for o in self.ops)


def align(claim: Sequence[Token], published: Sequence[Word]) -> Alignment:
    """The cheapest alignment of the whole claim with a stretch of `published`."""
    m, n = len(claim), len(published)
    keys = [w.key for w in published]
    prev = [0.0] * (n + 1)  # row 0: the claim may start anywhere
    back: list[list[int]] = [[0] * (n + 1)]
    source: list[list[int]] = [[0] * (n + 1)]  # for gaps: the column the gap started from
    for i in range(m):
        token = claim[i]
        row = [_INF] * (n + 1)
        ptr = [0] * (n + 1)
        src = [0] * (n + 1)
        if isinstance(token, Gap):
            bound = token.bound
            for j in range(n + 1):
                lo = 0 if bound is None else max(0, j - bound)
                # The shortest stretch of equal cost: the gap stands for as few words as it can.
                best, at = prev[j], j
                for k in range(j - 1, lo - 1, -1):
                    if prev[k] < best:
                        best, at = prev[k], k
                row[j], ptr[j], src[j] = best, _GAP, at
        else:
            key = token.key
            row[0], ptr[0] = prev[0] + INSERT, _INS
            for j in range(1, n + 1):
                diagonal = prev[j - 1]
                if keys[j - 1] == key:
                    best, how = diagonal + EQUAL, _EQ
                else:
                    best, how = diagonal + SUB, _SUB
                inserted = prev[j] + INSERT
                if inserted < best:
                    best, how = inserted, _INS
                deleted = row[j - 1] + DELETE
                if deleted < best:
                    best, how = deleted, _DEL
                row[j], ptr[j] = best, how
        back.append(ptr)
        source.append(src)
        prev = row
    # The claim may end anywhere; among equal costs, the latest end (a replacement, not an
    # insertion, as at the start).
    end = min(range(n + 1), key=lambda j: (prev[j], -j))
    return _trace(claim, back, source, end, prev[end])


def _trace(
    claim: Sequence[Token],
    back: list[list[int]],
    source: list[list[int]],
    end: int,
    cost: float,
) -> Alignment:
    # Claim positions are counted in words: editorial marks are not words.
    before = [0] * (len(claim) + 1)
    for t, token in enumerate(claim):
        before[t + 1] = before[t] + isinstance(token, Word)
    ops: list[Op] = []  # backwards
    i, j = len(claim), end
    while i > 0:
        how = back[i][j]
        c = before[i - 1]
        if how == _GAP:
            i, j = i - 1, source[i][j]
        elif how in (_EQ, _SUB):
            ops.append(Op("equal" if how == _EQ else "replace", c, c + 1, j - 1, j))
            i, j = i - 1, j - 1
        elif how == _INS:
            ops.append(Op("insert", c, c + 1, j, j))
            i -= 1
        else:
            ops.append(Op("delete", before[i], before[i], j - 1, j))
            j -= 1
    ops.reverse()
    merged = _merge(ops)
    matched = sum(o.c1 - o.c0 for o in merged if o.op == "equal")
    published_words = sum(o.p1 - o.p0 for o in merged)
    changed = sum(max(o.c1 - o.c0, o.p1 - o.p0) for o in merged if o.op != "equal")
    first = merged[0].p0 if merged else end
    last = merged[-1].p1 if merged else end
    return Alignment(
        tuple(merged), cost, matched, before[-1], published_words, changed, first, last
    )


def _merge(ops: list[Op]) -> list[Op]:
    """Runs of one kind joined; neighbouring changes joined into one replacement (or a pure
    insertion or deletion), as a reader names them: "X, Y changed to Z"."""
    out: list[Op] = []
    for op in ops:
        last = out[-1] if out else None
        touching = last is not None and last.c1 == op.c0 and last.p1 == op.p0
        if last is not None and touching and (last.op == "equal") == (op.op == "equal"):
            c0, c1, p0, p1 = last.c0, op.c1, last.p0, op.p1
            kind = "equal" if op.op == "equal" else _kind(c1 - c0, p1 - p0)
            out[-1] = Op(kind, c0, c1, p0, p1)
            continue
        out.append(op)
    return out


def _kind(claim_words: int, published_words: int) -> str:
    if claim_words and published_words:
        return "replace"
    return "insert" if claim_words else "delete"
