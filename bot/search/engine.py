"""The interface the index needs from a BM25 engine: `top_k` and `scores`.

Keeping it narrow lets the sparse engine (bm25.py) and rank-bm25 itself (the reference the
tests compare it with: tests/search/reference_engine.py) stand in for each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np


class Engine(Protocol):
    doc_count: int

    def top_k(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """Up to k (document, score) pairs, best first, only documents holding a query term."""
        ...

    def scores(self, query: Sequence[str]) -> np.ndarray:
        """The BM25 score of every document, in document order."""
        ...
