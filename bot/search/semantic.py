"""Meaning, not only words: static sentence embeddings of quotations, searched by cosine.

The table (bot/search/model/) was distilled once from all-MiniLM-L6-v2 with model2vec
(`scripts/build_static_model.py`): one vector per WordPiece token of the model's vocabulary,
then each token's vector fitted so that means of them come closest to the transformer's
embeddings (`scripts/refine_static_model.py`), stored as int8 with a scale per row. A text's
embedding is the mean of its tokens' vectors, normalised, less the quotations' common
direction (centre.npy), normalised again: NumPy and a dict at run time, no deep-learning
framework, nothing downloaded.

Vectors are kept as int8 rows with one float32 scale each (a quarter of float32). Up to
`FLAT_MAX` rows are searched exactly (every row); above it, an inverted file (IVF): k-means
centroids, rows grouped by nearest centroid, and a query scores the rows of its `nprobe`
nearest groups only. Exact-word precision stays with BM25; this stage only adds candidates
and a second opinion (bot.answer fuses the two).
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Sequence
from itertools import chain
from pathlib import Path

import numpy as np

from bot.search.tokenizer import _fold_text
from bot.search.wordpiece import wordpiece

MODEL_DIR = Path(__file__).resolve().parent / "model"
FLAT_MAX = 200_000  # up to this many rows, exact search over all of them
# A words' weight this high (the best quotation holds the question's words at 71% of the most
# they could score, or more) decides alone: the lexical order is the answer and the question
# is not embedded. Measured on eval/search: the same hits at 0.5 as at 0.8, and far fewer
# questions pay for the encoder.
WORDS_DECIDE = 0.5
_FORMAT = 1
_WORD = re.compile(r"[^\W_]+")
_CHUNK = 65_536  # tokens gathered at once when embedding many texts (NumPy path)
_BATCH = 20_000  # texts tokenized at once


class StaticEmbedder:
    """Text -> unit vector, from the shipped static table and a WordPiece tokenizer."""

    def __init__(
        self, vocab: Sequence[str], table: np.ndarray, centre: np.ndarray | None = None
    ) -> None:
        self.table = np.ascontiguousarray(table, dtype=np.float32)
        self.dims = self.table.shape[1]
        # Every mean of static vectors leans the same way (frequent tokens' common part):
        # that shared direction, removed after normalising, lets what a text says decide.
        self.centre = None if centre is None else np.asarray(centre, dtype=np.float32)
        self._ids = {token: i for i, token in enumerate(vocab[: len(table)]) if token}
        self._unknown = self._ids.get("[UNK]", 0)
        self._pieces: dict[str, tuple[int, ...]] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> StaticEmbedder:
        """The shipped table: int8 rows times their scales."""
        vocab = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
        codes = np.load(folder / "vectors.npy", allow_pickle=False)
        scales = np.load(folder / "scales.npy", allow_pickle=False)
        centre_file = folder / "centre.npy"
        centre = np.load(centre_file, allow_pickle=False) if centre_file.is_file() else None
        return cls(vocab, codes.astype(np.float32) * scales[:, None], centre)

    @classmethod
    def from_table(
        cls, vocab: Sequence[str], table: np.ndarray, centre: np.ndarray | None = None
    ) -> StaticEmbedder:
        """An embedder over any table (the build script's, before it is stored)."""
        return cls(vocab, table, centre)

    def pieces(self, word: str) -> tuple[int, ...]:
        """WordPiece ids of one folded word: greedy longest match, "##" continuations."""
        found = self._pieces.get(word)
        if found is not None:
            return found
        result = tuple(wordpiece(word, self._ids, self._unknown))
        self._pieces[word] = result
        return result

    def token_ids(self, text: str) -> list[int]:
        """The WordPiece ids of a text (punctuation left out)."""
        found = _WORD.findall(_fold_text(text))
        cache = self._pieces
        if len(cache) > 500_000:  # an archive's long tail of names: start afresh
            with self._lock:
                cache.clear()
        # get-or-compute per word: another thread may clear the cache meanwhile.
        return list(chain.from_iterable([cache.get(w) or self.pieces(w) for w in found]))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit float32 row per text (zeros for a text with no known token)."""
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        # A batch at a time: token ids held as Python lists cost ~40 bytes each, which for a
        # million texts would be gigabytes.
        for lo in range(0, len(texts), _BATCH):
            out[lo : lo + _BATCH] = self._embed_batch(texts[lo : lo + _BATCH])
        return out

    def embed_quantized(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """`embed` as int8 rows and their scales, a batch at a time (a million texts' float
        rows would be a gigabyte)."""
        codes = np.zeros((len(texts), self.dims), dtype=np.int8)
        scales = np.ones(len(texts), dtype=np.float32)
        for lo in range(0, len(texts), _BATCH):
            codes[lo : lo + _BATCH], scales[lo : lo + _BATCH] = quantize(
                self._embed_batch(texts[lo : lo + _BATCH])
            )
        return codes, scales

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        lists = [self.token_ids(text) for text in texts]
        counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        ids = np.fromiter(chain.from_iterable(lists), dtype=np.int32, count=int(counts.sum()))
        bounds = np.concatenate(([0], np.cumsum(counts)))
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        _sum_rows(self.table, ids, bounds, out)
        norms = np.linalg.norm(out, axis=1)
        known = norms > 0
        norms[~known] = 1.0
        out /= norms[:, None]
        if self.centre is not None:
            out -= self.centre  # in place: a masked subtraction would copy the batch
            out[~known] = 0.0
            out /= np.maximum(np.linalg.norm(out, axis=1), 1e-12)[:, None]
        return out


def _sum_rows_numpy(
    table: np.ndarray, ids: np.ndarray, bounds: np.ndarray, out: np.ndarray
) -> None:
    # A slab of texts at a time: gathering every token's vector at once would take gigabytes.
    first = 0
    n = len(out)
    while first < n:
        last = first + 1
        while last < n and bounds[last + 1] - bounds[first] <= _CHUNK:
            last += 1
        lo, hi = int(bounds[first]), int(bounds[last])
        if hi > lo:
            starts = bounds[first:last] - lo
            nonempty = np.flatnonzero(bounds[first + 1 : last + 1] > bounds[first:last])
            sums = np.add.reduceat(table[ids[lo:hi]], starts[nonempty], axis=0)
            out[first + nonempty] = sums
        first = last


def _sum_rows(table: np.ndarray, ids: np.ndarray, bounds: np.ndarray, out: np.ndarray) -> None:
    """out[i] = sum of table[ids[bounds[i]:bounds[i+1]]]: compiled when numba is there (about
    ten times faster: no gathered copy), else NumPy."""
    kernel = _compiled_sum()
    if kernel is None or len(ids) < 100_000:
        _sum_rows_numpy(table, ids, bounds, out)
    else:
        kernel(table, ids, bounds, out)


_KERNEL: object = None


def _compiled_sum():  # type: ignore[no-untyped-def]
    global _KERNEL
    if _KERNEL is None:
        try:
            from bot.search.compiled import sum_rows

            _KERNEL = sum_rows
        except Exception:  # no numba: the NumPy path gives the same sums
            _KERNEL = False
    return _KERNEL or None


def quantize(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and their float32 scales (a row is codes * scale)."""
    scales = np.abs(vectors).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.round(vectors / scales[:, None]).astype(np.int8)
    return codes, scales.astype(np.float32)


def _kmeans(sample: np.ndarray, k: int, rng: np.random.Generator, rounds: int = 8) -> np.ndarray:
    centroids = sample[rng.choice(len(sample), size=k, replace=False)].copy()
    for _ in range(rounds):
        nearest = _nearest(sample, centroids)
        sums = np.zeros_like(centroids)
        np.add.at(sums, nearest, sample)
        sizes = np.bincount(nearest, minlength=k)
        empty = sizes == 0
        centroids[~empty] = sums[~empty] / sizes[~empty, None]
        centroids[empty] = sample[rng.choice(len(sample), size=int(empty.sum()))]
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
    return centroids


def _nearest(vectors: np.ndarray, centroids: np.ndarray, block: int = 65536) -> np.ndarray:
    out = np.empty(len(vectors), dtype=np.int32)
    for lo in range(0, len(vectors), block):
        out[lo : lo + block] = np.argmax(vectors[lo : lo + block] @ centroids.T, axis=1)
    return out


def _cosines(
    codes: np.ndarray, scales: np.ndarray, query: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """Cosines with the stored rows of each span [start, end), concatenated."""
    kernel = _compiled_cosines()
    if kernel is not None and codes.flags.writeable and codes.flags.c_contiguous:
        return kernel(codes, scales, query.astype(np.float32), starts, ends)
    parts = [
        (codes[lo:hi].astype(np.float32) @ query) * scales[lo:hi]
        for lo, hi in zip(starts.tolist(), ends.tolist(), strict=True)
    ]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


_COSINES: object = None


def _compiled_cosines():  # type: ignore[no-untyped-def]
    """The compiled scan once numba is loaded (bot.search.bm25.warm_up loads it in the
    worker's background; the benchmark and builds import it directly), else None."""
    global _COSINES
    if _COSINES is None:
        import sys

        compiled = sys.modules.get("bot.search.compiled")
        if compiled is None:
            return None
        _COSINES = compiled.span_cosines
    return _COSINES


class VectorIndex:
    """Unit vectors as int8 rows, searched by cosine: exact when small, IVF when large."""

    def __init__(
        self,
        codes: np.ndarray,
        scales: np.ndarray,
        centroids: np.ndarray | None = None,
        lists: np.ndarray | None = None,
        order: np.ndarray | None = None,
        nprobe: int = 32,
    ) -> None:
        self.codes, self.scales = np.asarray(codes), np.asarray(scales)
        self.centroids, self.lists, self.order = centroids, lists, order
        self.nprobe = nprobe

    def __len__(self) -> int:
        return len(self.codes)

    @classmethod
    def build(cls, vectors: np.ndarray, seed: int = 7) -> VectorIndex:
        """Quantise, and above FLAT_MAX rows group them by k-means for IVF search."""
        return cls.from_codes(*quantize(vectors), seed=seed)

    @classmethod
    def from_codes(cls, codes: np.ndarray, scales: np.ndarray, seed: int = 7) -> VectorIndex:
        """The index of int8 rows (codes times scales); above FLAT_MAX rows, IVF lists from
        k-means on a sample. Works a block at a time: no float copy of every row."""
        n = len(codes)
        if n <= FLAT_MAX:
            return cls(codes, scales)
        rng = np.random.default_rng(seed)
        k = int(min(4096, max(256, round(np.sqrt(n)))))
        picked = np.sort(rng.choice(n, size=min(n, 40 * k), replace=False))
        sample = codes[picked].astype(np.float32) * scales[picked, None]
        centroids = _kmeans(sample, k, rng).astype(np.float32)
        del sample
        nearest = np.empty(n, dtype=np.int32)
        for lo in range(0, n, 65_536):
            block = codes[lo : lo + 65_536].astype(np.float32) * scales[lo : lo + 65_536, None]
            nearest[lo : lo + 65_536] = _nearest(block, centroids)
        order = np.argsort(nearest, kind="stable").astype(np.int32)
        lists = np.searchsorted(nearest[order], np.arange(k + 1)).astype(np.int64)
        # Rows stored in list order, so a probed list is one contiguous slice.
        return cls(codes[order], scales[order], centroids, lists, order)

    def merged(
        self,
        size: int,
        kept_from: np.ndarray,
        kept_to: np.ndarray,
        added_to: np.ndarray,
        added: np.ndarray,
    ) -> VectorIndex:
        """The index of `size` rows where row kept_to[i] is this index's row kept_from[i]
        (copied as int8, never re-quantised) and row added_to[j] is the vector added[j].
        IVF lists are kept: old rows stay in their list, new rows join their nearest, so an
        added article costs its own rows plus a linear re-sort, not a new k-means."""
        dims = self.codes.shape[1]
        new_codes, new_scales = (
            quantize(added)
            if len(added)
            else (np.zeros((0, dims), np.int8), np.zeros(0, np.float32))
        )
        if self.order is None or self.centroids is None or self.lists is None:
            codes = np.zeros((size, dims), dtype=np.int8)
            scales = np.ones(size, dtype=np.float32)
            codes[kept_to], scales[kept_to] = self.codes[kept_from], self.scales[kept_from]
            codes[added_to], scales[added_to] = new_codes, new_scales
            return VectorIndex.from_codes(codes, scales)
        stored_list = np.repeat(np.arange(len(self.lists) - 1, dtype=np.int32), np.diff(self.lists))
        assign = np.empty(size, dtype=np.int32)
        assign[kept_to] = stored_list[self._position[kept_from]]
        if len(added):
            assign[added_to] = _nearest(added, self.centroids)
        order = np.argsort(assign, kind="stable").astype(np.int32)
        lists = np.searchsorted(assign[order], np.arange(len(self.lists))).astype(np.int64)
        # Where each row's code comes from, in stored order.
        source = np.full(size, -1, dtype=np.int64)
        source[kept_to] = self._position[kept_from]
        codes = np.empty((size, dims), dtype=np.int8)
        scales = np.empty(size, dtype=np.float32)
        from_old = source[order] >= 0
        codes[from_old] = self.codes[source[order][from_old]]
        scales[from_old] = self.scales[source[order][from_old]]
        if len(added):
            slot = np.full(size, -1, dtype=np.int64)
            slot[added_to] = np.arange(len(added_to))
            fresh = slot[order][~from_old]
            codes[~from_old] = new_codes[fresh]
            scales[~from_old] = new_scales[fresh]
        return VectorIndex(codes, scales, self.centroids, lists, order, self.nprobe)

    def rows(self, rows: np.ndarray) -> np.ndarray:
        """The stored vectors of the given rows (original row numbers), as float32."""
        where = self._position[rows] if self.order is not None else rows
        return self.codes[where].astype(np.float32) * self.scales[where, None]

    def similarities(self, query: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Cosine of the query with the given rows (original row numbers)."""
        if self.order is not None:
            rows = self._position[rows]
        picked = self.codes[rows].astype(np.float32) @ query
        return picked * self.scales[rows]

    @property
    def _position(self) -> np.ndarray:
        # Row number -> where it is stored; made on first use.
        found = getattr(self, "_where", None)
        if found is None:
            assert self.order is not None
            found = np.empty(len(self.order), dtype=np.int32)
            found[self.order] = np.arange(len(self.order), dtype=np.int32)
            self._where = found
        return found

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Up to k (row, cosine) pairs, best first; ties by row number."""
        if len(self.codes) == 0 or not np.any(query):
            return []
        if self.centroids is None or self.lists is None or self.order is None:
            starts = np.zeros(1, dtype=np.int64)
            ends = np.full(1, len(self.codes), dtype=np.int64)
            sims = _cosines(self.codes, self.scales, query, starts, ends)
            rows = np.arange(len(sims))
        else:
            probe = np.argsort(-(self.centroids @ query))[: self.nprobe]
            starts = self.lists[probe].astype(np.int64)
            ends = self.lists[probe + 1].astype(np.int64)
            sims = _cosines(self.codes, self.scales, query, starts, ends)
            stored = np.concatenate(
                [np.arange(lo, hi) for lo, hi in zip(starts, ends, strict=True)]
            )
            rows = self.order[stored]
        k = min(k, len(sims))
        if k <= 0:
            return []
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.lexsort((rows[top], -sims[top]))]
        return [(int(rows[i]), float(sims[i])) for i in top]

    @property
    def nbytes(self) -> int:
        parts = [self.codes, self.scales, self.centroids, self.lists, self.order]
        return sum(int(p.nbytes) for p in parts if p is not None)

    def save(self, folder: Path) -> None:
        """Arrays as .npy (mapped on load) and a header."""
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {"codes": self.codes, "scales": self.scales}
        if self.order is not None and self.centroids is not None and self.lists is not None:
            arrays.update(centroids=self.centroids, lists=self.lists, order=self.order)
        for name, values in arrays.items():
            np.save(folder / f"{name}.npy", np.asarray(values), allow_pickle=False)
        header = {"format": _FORMAT, "rows": len(self.codes), "ivf": self.order is not None}
        (folder / "header.json").write_text(json.dumps(header))

    @classmethod
    def load(cls, folder: Path) -> VectorIndex:
        header = json.loads((folder / "header.json").read_text())
        if header.get("format") != _FORMAT:
            raise ValueError(f"unsupported vector index format {header.get('format')!r}")

        def part(name: str) -> np.ndarray:
            # Copy-on-write: nothing writes, but the compiled scan takes writable arrays.
            return np.load(folder / f"{name}.npy", mmap_mode="c", allow_pickle=False)

        if header["ivf"]:
            return cls(
                part("codes"),
                part("scales"),
                np.asarray(part("centroids")),
                np.asarray(part("lists")),
                np.asarray(part("order")),
            )
        return cls(part("codes"), part("scales"))


def fuse(
    positions: Sequence[int], bm25: Sequence[float], cosines: np.ndarray, weight: float
) -> list[tuple[int, float]]:
    """Candidates ranked by weight * BM25 + (1 - weight) * cosine, each scaled to 0..1 over
    the candidates; ties by position."""
    if not len(positions):
        return []
    lex = np.asarray(bm25, dtype=np.float64)
    cos = np.asarray(cosines, dtype=np.float64)
    top = lex.max()
    lex_n = lex / top if top > 0 else lex
    spread = cos.max() - cos.min()
    sem_n = (cos - cos.min()) / spread if spread > 0 else np.zeros_like(cos)
    fused = weight * lex_n + (1 - weight) * sem_n
    order = np.lexsort((np.asarray(positions), -fused))
    return [(int(positions[i]), float(fused[i])) for i in order.tolist()]


def lexical_weight(engine: object, terms: Sequence[str], best: float, scale: float) -> float:
    """How far to trust the words: the best BM25 score as a share of the most the terms
    could score, times the share of terms the corpus knows, squared, times `scale` (at most
    1). Repeating a quotation's words gives near 1; the gist in other words, little."""
    bound = getattr(engine, "bound", None)
    if bound is None or not terms:
        return 0.5
    most, unknown = bound(terms)
    if most <= 0:
        return 0.0
    share = min(1.0, best / most) * (len(terms) - unknown) / len(terms)
    # Squared: one shared word of five ("Ukraine") is noise next to the meaning, all five are
    # the quotation itself.
    return float(min(1.0, share**2 * scale))


def semantic_enabled() -> bool:
    """The SEMANTIC_SEARCH setting (default on); read from the environment so the re-index
    process the worker starts follows the worker's choice."""
    value = os.environ.get("SEMANTIC_SEARCH", "true").strip().lower()
    return value not in ("0", "false", "no", "off")


_EMBEDDER: StaticEmbedder | None = None
_EMBEDDER_LOCK = threading.Lock()


def embedder() -> StaticEmbedder:
    """The process's one embedder (the table is loaded once, ~30 MB)."""
    global _EMBEDDER
    with _EMBEDDER_LOCK:
        if _EMBEDDER is None:
            _EMBEDDER = StaticEmbedder.load()
        return _EMBEDDER
