"""The short-query loop of `SparseBM25`, compiled with numba: one call instead of ~20 NumPy calls.

A query of a few rare words touches a few thousand postings; NumPy evaluates it in about 20
calls of 1.5–3 µs each, so the fixed cost, not the postings, is most of its latency. This
loop scores the postings, keeps the k best and clears its scratch in one compiled call.

Exactness: each contribution is ((tf * (k1+1)) / (tf + norm)) * idf, rank-bm25's operations
on float64 (numba does not contract them into fused multiply-adds without fastmath, which is
off), added to the document's score in query-term order starting from 0.0, as rank-bm25's
`score += ...` loop does; so scores are bit-identical to the NumPy path's (tests run both).

Loading: importing numba and loading the cached machine code takes about half a second (the
first compilation, cached in __pycache__, a few seconds), so nothing imports this module on
the start-up path: `warm_up()` runs it in the background and `SparseBM25` uses the NumPy path
until it is ready, or for good if numba is unavailable.
"""

from __future__ import annotations

import numpy as np
from numba import njit

# Every dtype the index stores tf in (the smallest that holds the largest count), compiled
# eagerly and cached, so no query ever waits for a compilation. The index's arrays are
# writable (a saved index is mapped copy-on-write), which is what these signatures say.
_SIGNATURES = [
    f"Tuple((int64[:], float64[:]))(int32[:], {tf}[:], float64[:], float64[:], int64[:], "
    "int64[:], int64[:], float64, float64[:], boolean[:], int64)"
    for tf in ("uint8", "uint16", "uint32", "uint64")
]


@njit(_SIGNATURES, cache=True, nogil=True)
def full_top_k(
    doc_ids: np.ndarray,
    tf: np.ndarray,
    norm: np.ndarray,
    idf: np.ndarray,
    terms: np.ndarray,
    los: np.ndarray,
    his: np.ndarray,
    k1p1: float,
    buf: np.ndarray,
    seen: np.ndarray,
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The k best (documents, scores) over the postings los[j]:his[j] of query term
    occurrence j (term id terms[j]), score descending then document ascending. `buf` (zeros)
    and `seen` (False) are per-thread scratch, returned as they came."""
    total = 0
    for j in range(len(los)):
        total += his[j] - los[j]
    touched = np.empty(total, np.int64)
    count = 0
    for j in range(len(los)):
        weight = idf[terms[j]]
        for p in range(los[j], his[j]):
            d = doc_ids[p]
            f = np.float64(tf[p])
            buf[d] += (f * k1p1 / (f + norm[d])) * weight
            if not seen[d]:
                seen[d] = True
                touched[count] = d
                count += 1
    best_ids = np.empty(k, np.int64)
    best = np.empty(k, np.float64)
    kept = 0
    for i in range(count):
        d = touched[i]
        s = buf[d]
        buf[d] = 0.0
        seen[d] = False
        if kept == k and (s < best[k - 1] or (s == best[k - 1] and d > best_ids[k - 1])):
            continue
        # Insertion into the sorted best list (k is small).
        at = kept if kept < k else k - 1
        while at > 0 and (best[at - 1] < s or (best[at - 1] == s and best_ids[at - 1] > d)):
            best[at] = best[at - 1]
            best_ids[at] = best_ids[at - 1]
            at -= 1
        best[at] = s
        best_ids[at] = d
        if kept < k:
            kept += 1
    return best_ids[:kept], best[:kept]


@njit("void(float32[:, ::1], int32[::1], int64[::1], float32[:, ::1])", cache=True, nogil=True)
def sum_rows(table: np.ndarray, ids: np.ndarray, bounds: np.ndarray, out: np.ndarray) -> None:
    """out[i] = the sum of table's rows ids[bounds[i]:bounds[i+1]] (text embeddings)."""
    for i in range(len(bounds) - 1):
        for j in range(bounds[i], bounds[i + 1]):
            out[i] += table[ids[j]]


@njit(
    "float32[::1](int8[:, ::1], float32[::1], float32[::1], int64[::1], int64[::1])",
    cache=True,
    nogil=True,
    # Reassociating the sum lets LLVM vectorise it; cosines need no bit-exactness (BM25's
    # loop above does, and keeps fastmath off).
    fastmath=True,
)
def span_cosines(
    codes: np.ndarray, scales: np.ndarray, query: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """Cosines of the query with stored rows [starts[i], ends[i]), concatenated: int8 rows
    read as they are (no float copy of the rows, as NumPy's matmul would need)."""
    total = 0
    for i in range(len(starts)):
        total += ends[i] - starts[i]
    out = np.empty(total, dtype=np.float32)
    at = 0
    dims = codes.shape[1]
    for i in range(len(starts)):
        for r in range(starts[i], ends[i]):
            acc = np.float32(0.0)
            row = codes[r]
            for j in range(dims):
                acc += np.float32(row[j]) * query[j]
            out[at] = acc * scales[r]
            at += 1
    return out
