"""Raw postings: what a BM25 index is built from and what merging two indexes combines."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from bot.search.bm25 import SparseBM25


class RawPostings:
    """Postings sorted by (term, document), with each term's first position in the document.

    What an index is built from, and what `SparseBM25.merged` combines: the first positions
    give back rank-bm25's term order (first occurrences) after documents are added or removed.
    """

    def __init__(
        self,
        terms: np.ndarray,
        docs: np.ndarray,
        tf: np.ndarray,
        first: np.ndarray,
        lengths: np.ndarray,
    ) -> None:
        self.terms, self.docs, self.tf, self.first, self.lengths = terms, docs, tf, first, lengths

    @classmethod
    def of(
        cls, token_lists: Sequence[Sequence[str]], vocabulary: dict[str, int], v: int
    ) -> RawPostings:
        """The postings of `token_lists` (documents 0..n-1), term ids from `vocabulary`."""
        n = len(token_lists)
        lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=n)
        total = int(lengths.sum())
        if total == 0:
            empty = np.zeros(0, dtype=np.int64)
            return cls(empty, empty, empty, empty, lengths)
        key = np.fromiter(
            map(vocabulary.__getitem__, chain.from_iterable(token_lists)),
            dtype=np.int64,
            count=total,
        )
        span = int(lengths.max())  # every position in a document is below this
        doc_starts = np.cumsum(lengths) - lengths
        if v * n * span < 2**62:
            # One sort of keys (term, document, position) packed in an int64: groups postings
            # by term with documents ascending, tf is the run length and the run's first key
            # holds the first position. In-place steps keep the build's peak memory down.
            key *= n
            key += np.repeat(np.arange(n, dtype=np.int64), lengths)
            key *= span
            position = np.arange(total, dtype=np.int64)
            position -= np.repeat(doc_starts, lengths)
            key += position
            del position
            key.sort()
            first = key % span
            key //= span
        else:  # keys too wide to pack (a huge corpus of huge documents): sort by columns
            docs = np.repeat(np.arange(n, dtype=np.int64), lengths)
            position = np.arange(total, dtype=np.int64) - np.repeat(doc_starts, lengths)
            order = np.lexsort((position, docs, key))
            first = position[order]
            key = key[order] * n + docs[order]
            del docs, position, order
        starts = np.flatnonzero(key[1:] != key[:-1])
        starts += 1
        starts = np.concatenate(([0], starts))
        tf = np.diff(np.append(starts, total))
        first = first[starts]
        key = key[starts]
        terms = key // n
        key -= terms * n
        return cls(terms, key, tf, first, lengths)

    def merge(self, other: RawPostings, n: int) -> RawPostings:
        """Both sets of postings in one (term, document) order; their documents are disjoint."""
        if len(other.terms) == 0 or len(self.terms) == 0:
            taken = other if len(self.terms) == 0 else self
            return RawPostings(taken.terms, taken.docs, taken.tf, taken.first, self.lengths)
        mine = self.terms * n + self.docs  # ascending: grouped by term, documents ascending
        at = np.searchsorted(mine, other.terms * n + other.docs)
        del mine

        def insert(a: np.ndarray, b: np.ndarray) -> np.ndarray:
            return np.insert(a.astype(np.promote_types(a.dtype, b.dtype), copy=False), at, b)

        return RawPostings(
            insert(self.terms, other.terms),
            insert(self.docs, other.docs),
            insert(self.tf, other.tf),
            insert(self.first, other.first),
            self.lengths,
        )


def relay(
    index: SparseBM25, layout: Sequence[range | Sequence[Sequence[str]]]
) -> tuple[list[str], RawPostings]:
    """The terms and postings of `index`'s kept ranges and the new token lists of `layout`,
    in its order (see `SparseBM25.merged`)."""
    remap = np.full(index.doc_count, -1, dtype=np.int64)
    new_docs: list[Sequence[str]] = []
    new_at: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    at = last = 0
    for item in layout:
        if isinstance(item, range):
            if item.step != 1 or item.start < last or item.stop > index.doc_count:
                raise ValueError("kept ranges must be ascending, disjoint and in range")
            last = max(item.stop, item.start)
            remap[item.start : item.stop] = np.arange(at, at + len(item))
            lengths.append(index.lengths[item.start : item.stop])
        else:
            new_docs.extend(item)
            new_at.append(np.arange(at, at + len(item), dtype=np.int64))
            lengths.append(np.fromiter(map(len, item), dtype=np.int64, count=len(item)))
        at += len(item)
    n = at
    terms = index.lexicon.terms()
    # New terms get the next ids; which id a term has does not matter for scoring (the
    # idf summation order is recomputed from first occurrences).
    vocabulary: dict[str, int] = {}
    unseen: list[str] = []
    for term in dict.fromkeys(chain.from_iterable(new_docs)):
        found = index.lexicon.ids_of((term,))
        if found:
            vocabulary[term] = found[0]
        else:
            vocabulary[term] = len(terms) + len(unseen)
            unseen.append(term)
    v = len(terms) + len(unseen)
    fresh = RawPostings.of(new_docs, vocabulary, v)
    if new_at:
        fresh.docs = np.concatenate(new_at)[fresh.docs]
    old_term = np.repeat(np.arange(len(terms), dtype=np.int64), np.diff(index.offsets))
    old_docs = remap[index.doc_ids]
    alive = old_docs >= 0
    old = RawPostings(
        old_term[alive], old_docs[alive], index.tf[alive], index.first[alive], np.zeros(0)
    )
    del old_term, old_docs, alive
    raw = old.merge(fresh, n)
    raw.lengths = np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int64)
    return terms + unseen, raw
