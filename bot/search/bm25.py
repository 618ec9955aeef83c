"""Exact BM25Okapi (rank-bm25's scores, bit for bit) evaluated over postings only.

rank-bm25 scores every document for every query term, keeps one dict per document and sorts
every score. A document that lacks a term gets exactly 0 from it, so summing, per document,
the contributions of the query terms' postings gives the same numbers while touching only
matching documents.

The parts: this module (the index and its queries), `lexicon.py` (term ids), `postings.py`
(raw postings, building and relaying them for a merge), `statistics.py` (rank-bm25's idf,
floor and impacts), `maxscore.py` (the pruned top k of long queries), `topk.py` (choosing the
k best), `compiled.py` (the numba loop).

Layout (NumPy arrays, saved with np.save, loadable memory-mapped):
- ``offsets`` (int64, V+1), ``doc_ids`` (int32, ascending within a term) and ``tf`` (the
  smallest unsigned type holding the largest count): CSR postings. Impacts are computed from
  tf at query time: stored float64 impacts would cost 8 more bytes a posting, and float32
  would break exact ties.
- ``idf`` (float64, V, floor applied), ``norm`` (float64, per document,
  ``k1*(1-b+b*dl/avgdl)``) and ``max_impact`` (float64, V, for pruning). A posting's impact is
  ``idf * (tf*(k1+1) / (tf + norm))``: rank-bm25's float64 expression tree, same rounding.
- ``dense`` (float64, D x N) with ``dense_terms``: terms in at least half of the documents
  (exactly those whose idf rank-bm25 floors) are scored from a row of impacts per document,
  which turns the most expensive scatter into one vector add or an O(1) lookup (their
  postings stay in the CSR arrays, for merging, but queries do not read them).
- ``first`` (per posting: the term's first position in its document) and ``lengths`` (per
  document): what `merged` needs to recompute every corpus statistic exactly, rank-bm25's
  idf summation order (first occurrences) included.
- The terms: a compact lexicon (one UTF-8 blob plus sorted CRC-32s), not a dict, which would
  be ~40% of the whole index at 100,000 passages.

Exactness: contributions are added per document in query-term order starting from 0.0, as
rank-bm25's ``score += ...`` loop does, so scores are identical, not merely close. Repeated
query terms count once per occurrence; unknown terms add nothing.

Top k: short queries are evaluated in full, longer ones by MaxScore, still exact
(`maxscore.py`).

Ties: rank-bm25's get_top_n uses ``np.argsort(scores)[::-1]``; NumPy's default argsort is not
stable (SIMD sorts on AVX2/AVX-512, even for ten elements), so its order among equal scores is
an accident of the sort kernel and cannot be reproduced without a full sort. We break ties by
ascending document id (as the tests' ``RankBM25Engine`` reference does) and return only documents
that hold a query term (rank-bm25 pads with score-0 documents).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Sequence
from itertools import chain
from pathlib import Path
from typing import Literal

import numpy as np

from bot.search.lexicon import Lexicon
from bot.search.maxscore import MaxScoreTopK
from bot.search.postings import RawPostings, relay
from bot.search.statistics import bm25_arrays
from bot.search.topk import select

log = logging.getLogger(__name__)

_FORMAT = 5
_ARRAYS = (
    "offsets",
    "doc_ids",
    "tf",
    "first",
    "lengths",
    "idf",
    "norm",
    "max_impact",
    "dense_terms",
    "dense",
)
# Up to this many postings a query is evaluated in full: pruning would cost more than it saves.
_SMALL = 50_000


class SparseBM25(MaxScoreTopK):
    """rank_bm25.BM25Okapi's scoring over an inverted index (see module docstring)."""

    def __init__(
        self,
        lexicon: Lexicon,
        arrays: dict[str, np.ndarray],
        doc_count: int,
        params: dict[str, float],
    ) -> None:
        self.lexicon = lexicon
        self.doc_count = doc_count
        self.params = params
        self.offsets: np.ndarray = arrays["offsets"]
        self.doc_ids: np.ndarray = arrays["doc_ids"]
        self.tf: np.ndarray = arrays["tf"]
        self.first: np.ndarray = arrays["first"]
        self.lengths: np.ndarray = arrays["lengths"]
        self.idf: np.ndarray = arrays["idf"]
        self.norm: np.ndarray = arrays["norm"]
        self.max_impact: np.ndarray = arrays["max_impact"]
        self.dense_terms: np.ndarray = arrays["dense_terms"]
        self.dense: np.ndarray = arrays["dense"]
        # Plain ndarray views of memory-mapped arrays (no copy, same mapping): every slice and
        # ufunc result of an np.memmap goes through the subclass's hooks, which made a loaded
        # index's queries ~40% slower than a built one's.
        for name in _ARRAYS:
            setattr(self, name, np.asarray(getattr(self, name)))
        self._row = {int(t): i for i, t in enumerate(self.dense_terms)}
        # Python ints straight from the offsets buffer: a memoryview item read costs ~0.1 us,
        # a NumPy scalar index plus int() ~0.35 us, and a query reads two per term.
        self._off = memoryview(np.ascontiguousarray(self.offsets).data)
        self._k1p1 = float(params["k1"]) + 1
        self._k1p1_0d = np.array(self._k1p1)
        # With only positive contributions, bounds are sums of maxima; a tiny corpus can have a
        # negative or zero idf (negative average idf), and is then evaluated in full.
        self._positive = bool(len(self.idf) == 0 or float(self.idf.min()) > 0.0)
        self._local = threading.local()  # per-thread scratch accumulator

    # ------------------------------------------------------------------ building
    @classmethod
    def build(
        cls,
        token_lists: Sequence[Sequence[str]],
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
    ) -> SparseBM25:
        params = {"k1": k1, "b": b, "epsilon": epsilon}
        # Ids in order of first occurrence; dict.fromkeys keeps that order, and both passes
        # over the tokens run in C, not bytecode (a generator here cost half of a
        # million-passage build).
        first_seen = dict.fromkeys(chain.from_iterable(token_lists))
        vocabulary = dict(zip(first_seen, range(len(first_seen)), strict=True))
        del first_seen
        raw = RawPostings.of(token_lists, vocabulary, len(vocabulary))
        return cls._from_raw(list(vocabulary), raw, params)

    def merged(self, layout: Sequence[range | Sequence[Sequence[str]]]) -> SparseBM25:
        """The index of a new document sequence, reusing this one's postings.

        Each item of `layout` is a range of this index's documents, kept as they are, or the
        token lists of new documents; the new index holds them in that order. Ranges must be
        ascending and must not overlap. Only the new documents are tokenized and sorted; the
        kept postings are renumbered and merged in linear time. Scores and rankings are
        exactly those of `build` over the new sequence (rank-bm25's), because every corpus
        statistic (document count, average length, document frequencies, the idf floor and
        its summation order) is computed afresh from the merged postings.
        """
        terms, raw = relay(self, layout)
        return self._from_raw(terms, raw, self.params)

    @classmethod
    def _from_raw(cls, terms: list[str], raw: RawPostings, params: dict[str, float]) -> SparseBM25:
        """The index of postings sorted by (term, document), with rank-bm25's statistics."""
        live, arrays = bm25_arrays(terms, raw, params)
        return cls(Lexicon(live), arrays, len(raw.lengths), params)

    # ------------------------------------------------------------------ querying
    @property
    def vocabulary(self) -> dict[str, int]:
        """Term -> id as a dict (built on demand; the index itself keeps a compact lexicon)."""
        return {t: i for i, t in enumerate(self.lexicon.terms())}

    def _term_ids(self, query: Sequence[str]) -> list[int]:
        return self.lexicon.ids_of(query)

    def _postings(self, t: int) -> tuple[np.ndarray, np.ndarray]:
        """Document ids and exact contributions of sparse term t."""
        lo, hi = self._off[t], self._off[t + 1]
        # intp ids: NumPy casts int32 indices on every fancy index, which costs more than
        # casting once here.
        ids = self.doc_ids[lo:hi].astype(np.intp)
        vals = self.tf[lo:hi].astype(np.float64)
        self._impacts([t], [(lo, hi)], ids, vals)
        return ids, vals

    def _size(self, t: int) -> int:
        return self._off[t + 1] - self._off[t]

    def _scratch(self) -> np.ndarray:
        # An all-zero float64 per document, reused by this thread; users restore the zeros.
        buf = getattr(self._local, "buf", None)
        if buf is None:
            buf = self._local.buf = np.zeros(self.doc_count)
        return buf

    def bound(self, query: Sequence[str]) -> tuple[float, int]:
        """The highest score any document could get from the query's known terms (the sum of
        their largest contributions), and how many query terms the index does not know."""
        known = self.lexicon.ids_of(query)
        total = float(sum(float(self.max_impact[t]) for t in known))
        return total, len(query) - len(known)

    def scores(self, query: Sequence[str]) -> np.ndarray:
        """Every document's score, in document order (dense; for tests and small corpora)."""
        return self._scores_of(self._term_ids(query))

    def _scores_of(self, terms: Sequence[int]) -> np.ndarray:
        out = np.zeros(self.doc_count)
        for t in terms:  # query order, repeats included
            row = self._row.get(t)
            if row is not None:
                out += self.dense[row]
            else:
                ids, vals = self._postings(t)
                out[ids] += vals  # ids are distinct within a term
        return out

    def top_k(self, query: Sequence[str], k: int = 10) -> list[tuple[int, float]]:
        """Up to k (document, score), best first, ties by ascending document id; only documents
        holding at least one query term."""
        terms = self.lexicon.ids_of(query)
        if not terms or k <= 0:
            return []
        # Most queries are a few rare words: the dispatch costs a few Python operations
        # (NumPy scalar reads would cost microseconds each).
        if self._row and not self._row.keys().isdisjoint(terms):
            return self._pruned(terms, list(dict.fromkeys(terms)), k)
        off = self._off
        spans = [(off[t], off[t + 1]) for t in terms]
        if self._positive and sum([hi - lo for lo, hi in spans]) > _SMALL:
            unique = list(dict.fromkeys(terms))  # repeats are scanned once
            if sum([off[t + 1] - off[t] for t in unique]) > _SMALL:
                return self._pruned(terms, unique, k)
        return self._full(terms, spans, k)

    def _full(
        self, terms: list[int], spans: list[tuple[int, int]], k: int
    ) -> list[tuple[int, float]]:
        """Exact scores of every matching document (sparse terms only; spans: each query
        term occurrence's postings range)."""
        kernel = _compiled
        if kernel is not None:
            return self._full_compiled(kernel, terms, spans, k)
        # All occurrences' postings gathered in query order and their impacts computed in one
        # pass: a short query costs a fixed number of NumPy calls, not a few per term.
        # concatenate(dtype=) casts while copying, saving an astype pass for each array.
        if len(spans) == 1:
            lo, hi = spans[0]
            ids = self.doc_ids[lo:hi].astype(np.intp)
            vals = self.tf[lo:hi].astype(np.float64)
        else:
            doc_ids, tf = self.doc_ids, self.tf
            ids = np.concatenate([doc_ids[lo:hi] for lo, hi in spans], dtype=np.intp)
            vals = np.concatenate([tf[lo:hi] for lo, hi in spans], dtype=np.float64)
        self._impacts(terms, spans, ids, vals)
        if len(spans) == 1:
            return select(ids, vals, k)
        buf = self._scratch()
        # add.at adds in index order, so each document's sum is built in query order.
        np.add.at(buf, ids, vals)
        scores = buf.take(ids)
        buf[ids] = 0.0
        # A document appears once per query-term occurrence it holds.
        return select(ids, scores, k, repeats=len(terms))

    def _full_compiled(
        self, kernel: _Kernel, terms: list[int], spans: list[tuple[int, int]], k: int
    ) -> list[tuple[int, float]]:
        """`_full` in one compiled call (bot.search.compiled): the same scores and order."""
        seen = getattr(self._local, "seen", None)
        if seen is None:
            seen = self._local.seen = np.zeros(self.doc_count, dtype=np.bool_)
        ids, scores = kernel(
            self.doc_ids,
            self.tf,
            self.norm,
            self.idf,
            np.array(terms, dtype=np.int64),
            np.array([lo for lo, _ in spans], dtype=np.int64),
            np.array([hi for _, hi in spans], dtype=np.int64),
            self._k1p1,
            self._scratch(),
            seen,
            k,
        )
        return list(zip(ids.tolist(), scores.tolist(), strict=True))

    def _impacts(
        self, terms: list[int], spans: list[tuple[int, int]], ids: np.ndarray, vals: np.ndarray
    ) -> None:
        """Turn `vals`, the tf of the postings `spans` (concatenated, at documents `ids`), into
        their contributions idf * (tf*(k1+1) / (tf + norm)), in place: the same float64
        operations (+ and * commute exactly) with no temporaries. Scalars are 0-d arrays: a
        ufunc takes those ~0.5 us faster than a Python float."""
        den = self.norm.take(ids)
        den += vals
        vals *= self._k1p1_0d
        vals /= den
        # Measured: a multiply per occurrence costs ~2 us, take + repeat + multiply ~6 us.
        if len(terms) == 1:
            vals *= self.idf[terms[0], ...]
        elif len(terms) == 2:
            split = spans[0][1] - spans[0][0]
            head, tail = vals[:split], vals[split:]
            head *= self.idf[terms[0], ...]
            tail *= self.idf[terms[1], ...]
        else:
            vals *= self.idf.take(terms).repeat([hi - lo for lo, hi in spans])

    # ------------------------------------------------------------------ size and storage
    @property
    def nbytes(self) -> int:
        """Index memory: the arrays plus the lexicon."""
        return sum(int(getattr(self, name).nbytes) for name in _ARRAYS) + self.lexicon.nbytes

    def save(self, path: str | Path) -> None:
        """Write the arrays as .npy files (loadable memory-mapped) plus a JSON header."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name in _ARRAYS:
            np.save(folder / f"{name}.npy", getattr(self, name), allow_pickle=False)
        self.lexicon.save(folder)
        header = {
            "format": _FORMAT,
            "doc_count": self.doc_count,
            "terms": len(self.lexicon),
            "params": self.params,
        }
        (folder / "header.json").write_text(json.dumps(header))

    @classmethod
    def load(cls, path: str | Path, mmap: bool = True) -> SparseBM25:
        folder = Path(path)
        header = json.loads((folder / "header.json").read_text())
        if header.get("format") != _FORMAT:
            raise ValueError(f"unsupported index format {header.get('format')!r}")
        # Copy-on-write rather than read-only: nothing writes to them, but the compiled query
        # loop (bot.search.compiled) is compiled for writable arrays.
        mode: Literal["c"] | None = "c" if mmap else None
        arrays = {
            name: np.load(folder / f"{name}.npy", mmap_mode=mode, allow_pickle=False)
            for name in _ARRAYS
        }
        lexicon = Lexicon.load(folder)
        if len(lexicon) != int(header["terms"]):
            raise ValueError("the saved lexicon does not match the index")
        return cls(lexicon, arrays, int(header["doc_count"]), header["params"])


_Kernel = Callable[..., tuple[np.ndarray, np.ndarray]]
_compiled: _Kernel | None = None  # bot.search.compiled.full_top_k, once warm_up() loaded it
_compiled_lock = threading.Lock()
_compiled_failed = False


def warm_up() -> bool:
    """Load the compiled short-query loop; True if queries now use it.

    Slow (numba's import and the cached machine code, about half a second; the first
    compilation ever, a few seconds), so callers run it off the start-up path, in the
    background: until it is done, and for good if numba cannot be used here, queries take the
    NumPy path, with the same results.
    """
    global _compiled, _compiled_failed
    with _compiled_lock:
        if _compiled is None and not _compiled_failed:
            try:
                from bot.search.compiled import full_top_k
            except Exception as exc:  # numba missing or unable to compile on this machine
                _compiled_failed = True
                log.warning("compiled search loop unavailable (%s); using NumPy", exc)
            else:
                _compiled = full_top_k
                log.info("short queries now use the compiled loop")
    return _compiled is not None
