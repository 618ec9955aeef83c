"""Which quotations or passages can hold a claim: looked up in the index, never scanned.

The BM25 engines already hold, for every word, the sorted list of documents (quotations,
paragraphs) that contain it, saved with the index, memory-mapped on restart and merged when
the corpus changes. A claim's rarest words are looked up there and the documents holding
the most of them (weighted by rarity) are the candidates; only those are aligned. Nothing is
built or kept for the check itself, so it is live-reloaded with the index and costs no
memory of its own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from bot.search.engine import Engine

# The rarest words carry the lookup; a claim's common words ("the", "and") add nothing but
# postings to read. At most this many words, and this many postings, are read per lookup.
RARE_WORDS = 8
POSTINGS_BUDGET = 60_000


def candidates(engine: Engine, terms: Sequence[str], k: int) -> list[int]:
    """Up to k documents holding the most of the rarest of `terms`, best first.

    Works on the sparse engine's postings; any other engine answers through its top k.
    """
    lexicon = getattr(engine, "lexicon", None)
    offsets = getattr(engine, "offsets", None)
    doc_ids = getattr(engine, "doc_ids", None)
    if lexicon is None or offsets is None or doc_ids is None:
        return [doc for doc, _ in engine.top_k(list(terms), k)]
    ids = sorted(set(lexicon.ids_of(list(dict.fromkeys(terms)))))
    if not ids or engine.doc_count == 0:
        return []
    sizes = [(int(offsets[t + 1] - offsets[t]), t) for t in ids]
    sizes.sort()
    chosen: list[tuple[int, int]] = []
    read = 0
    for size, t in sizes[:RARE_WORDS]:
        if chosen and read + size > POSTINGS_BUDGET:
            break
        chosen.append((size, t))
        read += size
    n = engine.doc_count
    postings = [np.asarray(doc_ids[offsets[t] : offsets[t + 1]]) for _, t in chosen]
    weights = [math.log((n + 1) / (size + 0.5)) for size, _ in chosen]
    docs = np.concatenate(postings)
    weight = np.repeat(np.asarray(weights), [len(p) for p in postings])
    unique, inverse = np.unique(docs, return_inverse=True)
    score = np.bincount(inverse, weights=weight)
    # Best score first, ties in document order (np.unique sorted the documents).
    top = np.argsort(-score, kind="stable")[:k]
    return unique[top].tolist()
