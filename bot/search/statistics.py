"""rank-bm25's corpus statistics, computed from raw postings: the arrays a SparseBM25 queries.

Exactness lives here: idf with math.log in rank-bm25's summation order (the terms' first
occurrences), the epsilon floor from that sum, and every impact in rank-bm25's float64
expression order.
"""

from __future__ import annotations

import math

import numpy as np

from bot.search.postings import RawPostings

# Dense rows only pay off on corpora of some size.
DENSE_MIN_DOCS = 4096


def bm25_arrays(
    terms: list[str], raw: RawPostings, params: dict[str, float]
) -> tuple[list[str], dict[str, np.ndarray]]:
    """The live terms and query arrays of postings sorted by (term, document)."""
    k1, b, epsilon = params["k1"], params["b"], params["epsilon"]
    n = len(raw.lengths)
    total = int(raw.lengths.sum())
    if n == 0 or total == 0:
        return [], empty_arrays(n)
    # Terms no document holds any more are dropped: rank-bm25's vocabulary is exactly the
    # terms of the current documents.
    df = np.bincount(raw.terms, minlength=len(terms))
    live = df > 0
    if not live.all():
        renumber = np.cumsum(live) - 1
        raw.terms = renumber[raw.terms]
        terms = [t for t, keep in zip(terms, live.tolist(), strict=True) if keep]
        df = df[live]
    v = len(terms)
    offsets = np.zeros(v + 1, dtype=np.int64)
    np.cumsum(df, out=offsets[1:])
    docs, tf, first = raw.docs, raw.tf, raw.first

    # rank-bm25 sums idf over its dict, whose order is the terms' first occurrences
    # (document, then position in it); the average idf, hence the floor, depends on that
    # order to the last bit. A term's first posting is its first document.
    heads = offsets[:-1]
    first_at = docs[heads].astype(np.int64) * (int(first.max()) + 1) + first[heads]
    order = np.argsort(first_at, kind="stable")
    # idf with math.log exactly as rank-bm25 writes it (np.log may differ in the last ulp);
    # it depends on df only, so one call per distinct df.
    distinct, inverse = np.unique(df, return_inverse=True)
    idf_of = np.array([math.log(n - int(f) + 0.5) - math.log(int(f) + 0.5) for f in distinct])
    idf = idf_of[inverse]
    idf_sum = float(np.cumsum(idf[order])[-1])  # sequential, like `idf_sum += idf`
    idf[idf < 0] = epsilon * (idf_sum / v)

    avgdl = total / n
    norm = k1 * (1 - b + b * raw.lengths / avgdl)  # rank-bm25's expression, same rounding
    # idf * (tf*(k1+1) / (tf + norm)), in place; + and * commute exactly in IEEE float.
    tf_f = tf.astype(np.float64)
    denominator = norm.take(docs)
    denominator += tf_f
    tf_f *= k1 + 1
    tf_f /= denominator
    del denominator
    impacts = idf.take(raw.terms)
    impacts *= tf_f
    del tf_f
    max_impact = np.maximum.reduceat(impacts, heads)

    dense_terms = np.zeros(0, dtype=np.int64)
    if n >= DENSE_MIN_DOCS and float(idf.min()) > 0:
        dense_terms = np.flatnonzero(2 * df >= n)
    dense = np.zeros((len(dense_terms), n))
    for row, t in enumerate(dense_terms):
        lo, hi = offsets[t], offsets[t + 1]
        dense[row, docs[lo:hi]] = impacts[lo:hi]
    del impacts
    arrays: dict[str, np.ndarray] = {
        "offsets": offsets,
        "doc_ids": docs.astype(np.int32),
        "tf": tf.astype(np.min_scalar_type(int(tf.max()))),
        "first": first.astype(np.min_scalar_type(int(first.max()))),
        "lengths": raw.lengths.astype(np.int32),
        "idf": idf,
        "norm": norm,
        "max_impact": max_impact,
        "dense_terms": dense_terms,
        "dense": dense,
    }
    return terms, arrays


def empty_arrays(n: int) -> dict[str, np.ndarray]:
    return {
        "offsets": np.zeros(1, np.int64),
        "doc_ids": np.zeros(0, np.int32),
        "tf": np.zeros(0, np.uint8),
        "first": np.zeros(0, np.uint8),
        "lengths": np.zeros(n, np.int32),
        "idf": np.zeros(0),
        "norm": np.zeros(n),
        "max_impact": np.zeros(0),
        "dense_terms": np.zeros(0, np.int64),
        "dense": np.zeros((0, n)),
    }
