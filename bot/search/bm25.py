"""Exact BM25Okapi (rank-bm25's scores, bit for bit) evaluated over postings only.

rank-bm25 scores every document for every query term, keeps one dict per document and sorts
every score. A document that lacks a term gets exactly 0 from it, so summing, per document,
the contributions of the query terms' postings gives the same numbers while touching only
matching documents.

The parts: this module (the index and its queries), `lexicon.py` (term ids), `postings.py`
(raw postings, building and relaying them for a merge), `statistics.py` (rank-bm25's idf,
floor and impacts), `topk.py` (choosing the k best), `compiled.py` (the numba loop).

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

Top k: short queries are evaluated in full. Otherwise MaxScore, still exact: a few likely
winners are scored exactly, giving a lower bound theta on the k-th best score; terms whose
bounds (per-term maximum impact) add up to less than theta cannot lift a document that lacks
all other terms into the top k, so only the other terms' postings are scanned, and documents
whose scanned part plus the skipped bound reaches theta are kept; the skipped terms' actual
contributions then narrow them term by term before they are scored exactly. Under rank-bm25's
idf, common words below the floor ("and", "to", "in") have tiny idf and are almost always
skipped this way.

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
from bot.search.postings import RawPostings, relay
from bot.search.statistics import bm25_arrays
from bot.search.topk import distinct, select

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
# Bounds are compared with exact scores; float64 rounding over a few dozen positive terms is
# far below this relative slack, so pruning never drops a document that could rank.
_SLACK = 1e-9
# Up to this many postings a query is evaluated in full: pruning would cost more than it saves.
_SMALL = 50_000
_SEEDS = 512
_SEED_TERMS = 2
# Candidate sets smaller than this are scored exactly without further pruning.
_REFINE_MIN = 512
# Scatter a term's whole postings rather than binary-search them for m documents when it has
# at most this many times m postings (measured: ~15 ns a posting against ~70 ns a search).
_SCAN_RATIO = 4


class SparseBM25:
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
