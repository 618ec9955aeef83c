"""Exact BM25Okapi (rank-bm25's scores, bit for bit) evaluated over postings only.

rank-bm25 scores every document for every query term, keeps one dict per document and sorts
every score. A document that lacks a term gets exactly 0 from it there, so summing, per
document, the contributions of the postings of the query terms gives the same numbers while
touching only matching documents.

Layout (CSR, all NumPy, saved with np.save and loadable memory-mapped):
- ``offsets`` (int64, V+1): postings of term t are ``offsets[t]:offsets[t+1]``;
- ``doc_ids`` (int32): ascending within a term;
- ``impacts`` (float64): the term's whole contribution to that document, ``idf * tf*(k1+1) /
  (tf + k1*(1-b+b*dl/avgdl))``, computed with rank-bm25's own operation order so the float64
  result is identical; float32 would halve the memory but break exact ties;
- ``max_impact`` (float64, V): per-term upper bound, used for MaxScore pruning.

Exactness: contributions are added per document in query-term order, starting from 0.0, as
rank-bm25's ``score += ...`` loop does, so the scores are identical (not merely close); repeated
query terms count once per occurrence; unknown terms add nothing.

Ties: rank-bm25's get_top_n uses ``np.argsort(scores)[::-1]``; NumPy's default argsort is not
stable (SIMD sorts on AVX2/AVX-512 even for tiny arrays), so its order among equal scores is
an accident of the sort kernel and cannot be reproduced without a full sort. We break ties by
ascending document id, like ``RankBM25Engine`` in engine.py, and only return documents that
contain at least one query term (rank-bm25 pads with score-0 documents).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from itertools import chain
from pathlib import Path

import numpy as np

_FORMAT = 1
# A bound is compared against an exact score; rounding in a sum of a handful of positive float64
# terms is far below this relative slack, so pruning never drops a document that could rank.
_SLACK = 1e-9


class SparseBM25:
    """rank_bm25.BM25Okapi's scoring over an inverted index (see module docstring)."""

    def __init__(
        self,
        vocabulary: dict[str, int],
        offsets: np.ndarray,
        doc_ids: np.ndarray,
        impacts: np.ndarray,
        max_impact: np.ndarray,
        doc_count: int,
        params: dict[str, float],
        positive: bool | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.offsets = offsets
        self.doc_ids = doc_ids
        self.impacts = impacts
        self.max_impact = max_impact
        self.doc_count = doc_count
        self.params = params
        # With no negative or zero contribution, "score > 0" means "holds a query term" and
        # upper bounds are sums of per-term maxima; tiny corpora can break this (negative floor).
        if positive is None:
            positive = bool(len(impacts) == 0 or float(impacts.min()) > 0.0)
        self._positive = positive

    # ------------------------------------------------------------------ building
    @classmethod
    def build(
        cls,
        token_lists: Sequence[Sequence[str]],
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
    ) -> SparseBM25:
        n = len(token_lists)
        params = {"k1": k1, "b": b, "epsilon": epsilon}
        lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=n)
        total = int(lengths.sum())
        vocabulary: dict[str, int] = {}
        if n == 0 or total == 0:
            empty = np.zeros(0)
            return cls(
                vocabulary, np.zeros(1, np.int64), np.zeros(0, np.int32), empty, empty, n, params
            )
        # Ids in order of first occurrence: rank-bm25 sums idf over its dict in that order, and
        # the average idf (hence the floor) depends on the summation order to the last bit.
        setdefault = vocabulary.setdefault
        term_of_token = np.fromiter(
            (setdefault(t, len(vocabulary)) for t in chain.from_iterable(token_lists)),
            dtype=np.int64,
            count=total,
        )
        v = len(vocabulary)
        doc_of_token = np.repeat(np.arange(n, dtype=np.int64), lengths)
        # One sort of term-major keys yields postings grouped by term, docs ascending, and tf as
        # run lengths.
        key = term_of_token * n + doc_of_token
        del term_of_token, doc_of_token
        key.sort()
        starts = np.flatnonzero(np.diff(key)) + 1
        starts = np.concatenate(([0], starts))
        tf = np.diff(np.append(starts, len(key))).astype(np.float64)
        key = key[starts]
        post_term = key // n
        doc_ids = (key - post_term * n).astype(np.int32)
        del key, starts
        df = np.bincount(post_term, minlength=v)
        offsets = np.zeros(v + 1, dtype=np.int64)
        np.cumsum(df, out=offsets[1:])

        # idf with math.log exactly as rank-bm25 writes it (np.log may differ in the last ulp);
        # it depends on df only, so one call per distinct df.
        distinct, inverse = np.unique(df, return_inverse=True)
        idf_of = np.array([math.log(n - int(f) + 0.5) - math.log(int(f) + 0.5) for f in distinct])
        idf = idf_of[inverse]
        idf_sum = float(np.cumsum(idf)[-1])  # sequential, like rank-bm25's `idf_sum += idf`
        average_idf = idf_sum / v
        idf[idf < 0] = epsilon * average_idf

        avgdl = total / n
        # Same expression tree as rank-bm25's get_scores, so every float64 op rounds alike.
        norm = k1 * (1 - b + b * lengths / avgdl)
        impacts = idf[post_term] * (tf * (k1 + 1) / (tf + norm[doc_ids]))
        del tf, post_term
        max_impact = np.zeros(v)
        nonempty = df > 0
        max_impact[nonempty] = np.maximum.reduceat(impacts, offsets[:-1][nonempty])
        return cls(vocabulary, offsets, doc_ids, impacts, max_impact, n, params)

    # ------------------------------------------------------------------ querying
    def _term_ids(self, query: Iterable[str]) -> list[int]:
        get = self.vocabulary.get
        return [t for t in (get(q) for q in query) if t is not None]

    def _postings(self, t: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = int(self.offsets[t]), int(self.offsets[t + 1])
        return self.doc_ids[lo:hi], self.impacts[lo:hi]

    def scores(self, query: Sequence[str]) -> np.ndarray:
        """Every document's score, in document order (dense; for tests and small corpora)."""
        terms = self._term_ids(query)
        if not terms:
            return np.zeros(self.doc_count)
        ids, vals = self._gather(terms)
        # bincount adds weights in input order: per document, in query-term order from 0.0.
        return np.bincount(ids, weights=vals, minlength=self.doc_count)

    def _gather(self, terms: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        parts = [self._postings(t) for t in terms]
        if len(parts) == 1:
            return parts[0]
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    def top_k(self, query: Sequence[str], k: int = 10) -> list[tuple[int, float]]:
        """Up to k (document, score), best first, ties by ascending document id; only documents
        holding at least one query term."""
        terms = self._term_ids(query)
        if not terms or k <= 0:
            return []
        size = sum(int(self.offsets[t + 1] - self.offsets[t]) for t in terms)
        if len(set(terms)) == 1 and len(terms) == 1:
            ids, sc = self._postings(terms[0])
        elif size * 8 <= self.doc_count or not self._positive:
            ids, sc = self._sparse(terms)
        else:
            ids, sc = self._pruned(terms, k)
        return _select(ids, sc, k)

    def _sparse(self, terms: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """Exact scores of every matching document, by sorting the gathered postings."""
        ids, vals = self._gather(terms)
        uniq, inverse = np.unique(ids, return_inverse=True)
        return uniq, np.bincount(inverse, weights=vals, minlength=len(uniq))

    def _lookup(self, t: int, docs: np.ndarray) -> np.ndarray:
        """Term t's contribution to each of `docs` (ascending), 0.0 where it is absent."""
        ids, vals = self._postings(t)
        if len(ids) == 0:
            return np.zeros(len(docs))
        pos = np.searchsorted(ids, docs)
        pos[pos == len(ids)] = 0
        return np.where(ids[pos] == docs, vals[pos], 0.0)

    def _exact(self, terms: Sequence[int], docs: np.ndarray) -> np.ndarray:
        """Exact scores of `docs` (ascending), adding terms in query order like rank-bm25."""
        out = np.zeros(len(docs))
        for t in terms:
            out += self._lookup(t, docs)
        return out

    def _pruned(self, terms: Sequence[int], k: int) -> tuple[np.ndarray, np.ndarray]:
        """MaxScore: the exact top k without scanning the postings of terms that cannot lift a
        document lacking every other term into the top k. Needs positive contributions."""
        unique = list(dict.fromkeys(terms))
        mult = {t: terms.count(t) for t in unique}
        bound = {t: mult[t] * float(self.max_impact[t]) for t in unique}
        df = {t: int(self.offsets[t + 1] - self.offsets[t]) for t in unique}
        # A lower bound on the k-th best score: exact scores of a few likely winners (the best
        # postings of the rarest terms). Any set of documents gives a valid bound.
        seeds = []
        for t in sorted(unique, key=df.__getitem__)[:3]:
            ids, vals = self._postings(t)
            if len(ids) > 256:
                ids = ids[np.argpartition(vals, len(vals) - 256)[-256:]]
            seeds.append(ids)
        seed = np.unique(np.concatenate(seeds))
        seed_scores = self._exact(terms, seed)
        if len(seed) < k:
            return self._sparse(terms)
        theta = float(np.partition(seed_scores, len(seed) - k)[len(seed) - k])
        # Non-essential: the lowest-bound terms whose bounds add up to less than theta.
        essential: set[int] = set()
        acc = rest = 0.0
        for t in sorted(unique, key=bound.__getitem__):
            acc += bound[t]
            if acc * (1 + _SLACK) >= theta:
                essential.add(t)
            else:
                rest = acc
        if not essential:  # only by rounding; keep the strongest term
            essential.add(max(unique, key=bound.__getitem__))
        ids, vals = self._gather([t for t in terms if t in essential])
        if len(ids) * 8 <= self.doc_count:
            cand, part = self._sparse_partial(ids, vals)
        else:
            part = np.bincount(ids, weights=vals, minlength=self.doc_count)
            cand = None
        # A document needs essential part + the most the other terms could add >= theta.
        need = theta - rest * (1 + _SLACK) - abs(theta) * _SLACK
        # part > 0 exactly when a document holds an essential term (contributions are positive).
        mask = part >= need if need > 0 else part > 0
        cand = np.flatnonzero(mask) if cand is None else cand[mask]
        return cand, self._exact(terms, cand)

    @staticmethod
    def _sparse_partial(ids: np.ndarray, vals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        uniq, inverse = np.unique(ids, return_inverse=True)
        return uniq, np.bincount(inverse, weights=vals, minlength=len(uniq))

    # ------------------------------------------------------------------ size and storage
    @property
    def nbytes(self) -> int:
        arrays = (self.offsets, self.doc_ids, self.impacts, self.max_impact)
        # Rough cost of the vocabulary dict: entry + key string + int object.
        vocab = sum(49 + len(t) for t in self.vocabulary) + 100 * len(self.vocabulary)
        return int(sum(a.nbytes for a in arrays)) + vocab

    def save(self, path: str | Path) -> None:
        """Write the arrays as .npy files (loadable memory-mapped) plus a JSON header."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("offsets", "doc_ids", "impacts", "max_impact"):
            np.save(folder / f"{name}.npy", getattr(self, name), allow_pickle=False)
        # Terms in id order as one NUL-separated UTF-8 blob: compact (a fixed-width str array
        # would pad every term to the longest) and fast to split at load.
        if any("\0" in t for t in self.vocabulary):
            raise ValueError("a term contains NUL")
        blob = "\0".join(self.vocabulary).encode()
        np.save(folder / "terms.npy", np.frombuffer(blob, dtype=np.uint8), allow_pickle=False)
        header = {
            "format": _FORMAT,
            "doc_count": self.doc_count,
            "terms": len(self.vocabulary),
            "params": self.params,
            "positive": self._positive,
        }
        (folder / "header.json").write_text(json.dumps(header))

    @classmethod
    def load(cls, path: str | Path, mmap: bool = True) -> SparseBM25:
        folder = Path(path)
        header = json.loads((folder / "header.json").read_text())
        if header.get("format") != _FORMAT:
            raise ValueError(f"unsupported index format {header.get('format')!r}")
        mode = "r" if mmap else None
        arrays = {
            name: np.load(folder / f"{name}.npy", mmap_mode=mode, allow_pickle=False)
            for name in ("offsets", "doc_ids", "impacts", "max_impact")
        }
        blob = np.load(folder / "terms.npy", allow_pickle=False).tobytes().decode()
        terms = blob.split("\0") if header["terms"] else []
        vocabulary = dict(zip(terms, range(len(terms)), strict=True))
        return cls(
            vocabulary,
            arrays["offsets"],
            arrays["doc_ids"],
            arrays["impacts"],
            arrays["max_impact"],
            int(header["doc_count"]),
            header["params"],
            header["positive"],
        )


def _select(ids: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best (id, score): score descending, then id ascending; no full sort."""
    if len(scores) > k:
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        above = np.flatnonzero(scores > kth)
        tied = np.flatnonzero(scores == kth)
        need = k - len(above)
        if len(tied) > need:  # the lowest ids among those tied at the boundary
            tied = tied[np.argpartition(ids[tied], need - 1)[:need]]
        keep = np.concatenate((above, tied))
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))
    return [(int(ids[i]), float(scores[i])) for i in order]
