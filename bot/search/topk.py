"""Picking the k best documents from scored candidates, without a full sort."""

from __future__ import annotations

import numpy as np


def distinct(x: np.ndarray) -> np.ndarray:
    """Sorted distinct values; np.unique's hash-based path is several times slower here."""
    x = np.sort(x)
    if len(x) > 1:
        x = x[np.concatenate(([True], x[1:] != x[:-1]))]
    return x


def select(
    ids: np.ndarray, scores: np.ndarray, k: int, repeats: int = 1
) -> list[tuple[int, float]]:
    """The k best (id, score): score descending, then id ascending; no full sort.

    With `repeats` > 1 an id may appear up to that many times (always with the same score):
    the first k*repeats entries in ranking order hold at least k distinct ids.
    """
    want = k * repeats
    n = len(scores)
    if n > want:
        # Method calls rather than np.* wrappers: on short queries the per-call overhead is
        # a sizeable share of the latency.
        part = scores.copy()
        part.partition(n - want)
        kth = part[n - want, ...]  # 0-d: compares faster than a NumPy scalar
        keep = (scores >= kth).nonzero()[0]
        if len(keep) > 4 * want:
            # Many documents tie with the k-th score (a name in one-line passages): keep the
            # lowest ids among the tied only.
            above = keep[scores[keep] > kth]
            tied = keep[scores[keep] == kth]
            need = want - len(above)
            tied = tied[np.argpartition(ids[tied], need - 1)[:need]]
            keep = np.concatenate((above, tied))
        ids, scores = ids.take(keep), scores.take(keep)
    order = np.lexsort((ids, -scores))
    ids, scores = ids.take(order).tolist(), scores.take(order).tolist()
    if repeats == 1:
        return list(zip(ids[:k], scores[:k], strict=False))
    out: list[tuple[int, float]] = []
    last = -1
    for i, sc in zip(ids, scores, strict=True):
        if i != last:
            out.append((i, sc))
            last = i
            if len(out) == k:
                break
    return out
