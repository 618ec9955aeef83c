"""rank-bm25's BM25Okapi as it is, behind the index's Engine interface: the tests' reference."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rank_bm25 import BM25Okapi


class RankBM25Engine:
    """rank-bm25 as it is. Scores every document per query term; fine for small corpora."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self.doc_count = len(documents)
        # BM25Okapi divides by the corpus size, so an empty corpus gets no model at all.
        self._model = BM25Okapi([list(d) for d in documents]) if documents else None
        self._vocabulary = set(self._model.idf) if self._model else set()

    def scores(self, query: Sequence[str]) -> np.ndarray:
        if self._model is None:
            return np.zeros(0)
        return np.asarray(self._model.get_scores(list(query)), dtype=np.float64)

    def bound(self, query: Sequence[str]) -> tuple[float, int]:
        """As SparseBM25.bound: the sum of each known term's best score, and the unknown count."""
        known = [t for t in query if t in self._vocabulary]
        best = sum(float(self.scores([t]).max()) for t in known)
        return best, len(query) - len(known)

    def top_k(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        terms = [t for t in query if t in self._vocabulary]
        if self._model is None or not terms or k <= 0:
            return []
        scores = self.scores(query)
        holders = _documents_holding(self._model, terms)
        ranked = sorted(holders, key=lambda i: (-scores[i], i))[:k]
        return [(i, float(scores[i])) for i in ranked]


def _documents_holding(model: BM25Okapi, terms: Sequence[str]) -> list[int]:
    wanted = set(terms)
    return [i for i, freqs in enumerate(model.doc_freqs) if wanted.intersection(freqs)]
