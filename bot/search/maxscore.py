"""MaxScore: the exact top k of a long query without scoring every matching document.

A few likely winners are scored exactly, giving a lower bound theta on the k-th best score;
terms whose bounds (per-term maximum impact) add up to less than theta cannot lift a document
that lacks all other terms into the top k, so only the other terms' postings are scanned, and
documents whose scanned part plus the skipped bound reaches theta are kept; the skipped terms'
actual contributions then narrow them term by term before they are scored exactly. Under
rank-bm25's idf, common words below the floor ("and", "to", "in") have tiny idf and are almost
always skipped this way. Scores are summed in query-term order, so they stay rank-bm25's.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from bot.search.topk import distinct, select

# Bounds are compared with exact scores; float64 rounding over a few dozen positive terms is
# far below this relative slack, so pruning never drops a document that could rank.
_SLACK = 1e-9
_SEEDS = 512
_SEED_TERMS = 2
# Candidate sets smaller than this are scored exactly without further pruning.
_REFINE_MIN = 512
# Scatter a term's whole postings rather than binary-search them for m documents when it has
# at most this many times m postings (measured: ~15 ns a posting against ~70 ns a search).
_SCAN_RATIO = 4


class MaxScoreTopK:
    """The pruned top-k half of `bot.search.bm25.SparseBM25` (a mixin over its arrays)."""

    # Provided by SparseBM25.
    doc_count: int
    doc_ids: np.ndarray
    tf: np.ndarray
    idf: np.ndarray
    norm: np.ndarray
    max_impact: np.ndarray
    dense: np.ndarray
    _row: dict[int, int]
    _off: memoryview
    _k1p1: float
    _positive: bool
    _local: threading.local

    def _postings(self, t: int) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def _size(self, t: int) -> int:
        raise NotImplementedError

    def _scratch(self) -> np.ndarray:
        raise NotImplementedError

    def _scores_of(self, terms: Sequence[int]) -> np.ndarray:
        raise NotImplementedError

    def _contribution(self, t: int, docs: np.ndarray) -> np.ndarray:
        """Term t's exact contribution to each of `docs` (ascending), 0.0 where absent."""
        row = self._row.get(t)
        if row is not None:
            return self.dense[row].take(docs)
        lo, hi = self._off[t], self._off[t + 1]
        out = np.zeros(len(docs))
        if hi == lo:
            return out
        ids = self.doc_ids[lo:hi]
        pos = np.searchsorted(ids, docs)
        pos[pos == len(ids)] = 0
        hit = np.flatnonzero(ids[pos] == docs)
        if len(hit):
            tf = self.tf[lo:hi][pos[hit]].astype(np.float64)
            out[hit] = self.idf[t] * (tf * self._k1p1 / (tf + self.norm[docs[hit]]))
        return out

    def _pruned(self, terms: list[int], unique: list[int], k: int) -> list[tuple[int, float]]:
        """MaxScore (see module docstring); exact top k."""
        mult = {t: terms.count(t) for t in unique}
        # theta: the k-th best exact score among a few likely winners: the best postings of
        # the rarest sparse terms, or an even sample of documents when every term is dense.
        # Any set of documents gives a valid lower bound.
        sparse = sorted((t for t in unique if t not in self._row), key=self._size)
        seeds = []
        computed: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for t in sparse[:_SEED_TERMS]:
            ids, vals = computed[t] = self._postings(t)
            if len(ids) > _SEEDS:
                ids = ids[np.argpartition(vals, len(vals) - _SEEDS)[-_SEEDS:]]
            seeds.append(ids)
        if not seeds:
            row = self.dense[self._row[unique[0]]]
            sample = np.arange(0, self.doc_count, max(1, self.doc_count // 4096))
            seeds.append(sample[row[sample] > 0])
        seed = distinct(np.concatenate(seeds))
        if len(seed) < k:
            return self._exhaustive(terms, unique, k)
        seed_scores = self._score_docs(terms, seed, computed)
        theta = float(np.partition(seed_scores, len(seed) - k)[len(seed) - k])

        # Non-essential: any terms whose bounds add up to less than theta (a document holding
        # only those cannot reach the top k). Classic MaxScore takes the lowest bounds; we
        # take first the terms that cost most to scan per unit of bound (dense rows, long
        # lists), so the scanned essential terms are the cheap, selective ones.
        bound = {t: mult[t] * float(self.max_impact[t]) for t in unique}
        cost = {t: self.doc_count if t in self._row else self._size(t) for t in unique}
        rest = 0.0
        skipped: list[tuple[float, int]] = []
        for t in sorted(unique, key=lambda t: cost[t] / max(bound[t], 1e-300), reverse=True):
            if (rest + bound[t]) * (1 + _SLACK) < theta:
                rest += bound[t]
                skipped.append((bound[t], t))
        essential = [t for t in unique if t not in {t for _, t in skipped}]
        if not essential:  # only by rounding
            return self._exhaustive(terms, unique, k)

        def floor(rest: float) -> float:
            # What a document's known part must reach when `rest` is all it can still gain.
            return theta - rest * (1 + _SLACK) - abs(theta) * _SLACK

        need = floor(rest)
        buf = self._scratch()
        if any(t in self._row for t in essential):
            # A dense essential term: accumulate over all documents.
            for t in essential:
                row = self._row.get(t)
                if row is not None:
                    buf += self.dense[row] * mult[t] if mult[t] > 1 else self.dense[row]
                else:
                    ids, vals = computed[t] = computed.get(t) or self._postings(t)
                    np.add.at(buf, ids, vals * mult[t] if mult[t] > 1 else vals)
            cand = np.flatnonzero(buf >= need) if need > 0 else np.flatnonzero(buf > 0)
            partial = buf.take(cand)
            buf.fill(0.0)
        else:
            parts = []
            for t in essential:
                ids, vals = computed[t] = computed.get(t) or self._postings(t)
                np.add.at(buf, ids, vals * mult[t] if mult[t] > 1 else vals)
                parts.append(ids)
            held = np.concatenate(parts) if len(parts) > 1 else parts[0]
            if len(parts) > 1:
                held = self._distinct_ids(held)
            partial = buf.take(held)
            buf[held] = 0.0
            keep = partial >= need if need > 0 else slice(None)
            cand, partial = held[keep], partial[keep]
        # Refine: add the skipped terms' actual contributions, dropping documents that can no
        # longer reach theta (each lookup runs on fewer documents). Dense terms first (a
        # lookup is a gather), then largest bound first.
        skipped.sort(key=lambda bt: (bt[1] not in self._row, -bt[0]))
        for bound_t, t in skipped:
            if len(cand) <= _REFINE_MIN:
                break
            if t not in self._row and self._size(t) <= _SCAN_RATIO * len(cand):
                ids, vals = computed[t] = computed.get(t) or self._postings(t)
                np.add.at(buf, ids, vals)
                contrib = buf.take(cand)
                buf[ids] = 0.0
            else:
                contrib = self._contribution(t, cand)
            partial += contrib * mult[t] if mult[t] > 1 else contrib
            rest -= bound_t
            keep = partial >= floor(max(rest, 0.0))
            cand, partial = cand[keep], partial[keep]
        return select(cand, self._score_docs(terms, cand, computed), k)

    def _distinct_ids(self, ids: np.ndarray) -> np.ndarray:
        """Each id of `ids` once, in linear time (no sort): every position writes its index
        into a per-thread mark array; exactly one position per id reads its own index back,
        whichever write won."""
        mark = getattr(self._local, "mark", None)
        if mark is None:
            mark = self._local.mark = np.zeros(self.doc_count, dtype=np.intp)
        positions = np.arange(len(ids))
        mark[ids] = positions
        return ids[mark.take(ids) == positions]

    def _score_docs(
        self,
        terms: list[int],
        docs: np.ndarray,
        computed: dict[int, tuple[np.ndarray, np.ndarray]],
    ) -> np.ndarray:
        """Exact scores of `docs` (ascending, distinct), terms added in query order.

        Per term, the cheaper of scattering its whole postings into the scratch accumulator
        or looking its contribution up for `docs` only; either way each document of `docs`
        receives each contribution once, in query order, so the sums are rank-bm25's.
        """
        m = len(docs)
        buf = self._scratch()
        touched = [docs]
        refill = False
        for t in terms:
            row = self._row.get(t)
            if row is not None:
                if 4 * m < self.doc_count:
                    buf[docs] += self.dense[row].take(docs)
                else:
                    buf += self.dense[row]
                    refill = True
            elif self._size(t) <= _SCAN_RATIO * m * (2 if t in computed else 1):
                ids, vals = computed[t] = computed.get(t) or self._postings(t)
                np.add.at(buf, ids, vals)
                touched.append(ids)
            else:
                buf[docs] += self._contribution(t, docs)
        scores = buf.take(docs)
        if refill or sum(map(len, touched)) * 8 > self.doc_count:
            buf.fill(0.0)
        else:
            for ids in touched:
                buf[ids] = 0.0
        return scores

    def _exhaustive(self, terms: list[int], unique: list[int], k: int) -> list[tuple[int, float]]:
        """Every matching document scored: fallback when pruning has nothing to work with."""
        scores = self._scores_of(terms)
        held = np.flatnonzero(scores > 0) if self._positive else self._holders(unique)
        return select(held, scores[held], k)

    def _holders(self, unique: Sequence[int]) -> np.ndarray:
        mask = np.zeros(self.doc_count, dtype=bool)
        for t in unique:
            row = self._row.get(t)
            if row is not None:
                mask |= self.dense[row] != 0
            else:
                mask[self._postings(t)[0]] = True
        return np.flatnonzero(mask)
