"""The index's terms: term -> id lookups without a Python dict, saved and mapped with it."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from pathlib import Path
from zlib import crc32

import numpy as np


class Lexicon:
    """Term -> id without a dict: ~25 bytes a term instead of ~145 for a dict and its keys.

    The terms, in id order, are one UTF-8 blob with a NUL after each; ids are found among
    the terms' CRC-32s, sorted (a directory on their top bits points at the few to compare),
    and confirmed against the blob (CRC-32 collides now
    and then; the blob decides). CRC-32 rather than Python's hash(): str hashes are salted per
    process, so they would have to be recomputed and sorted at every load, which at a million
    passages holds the interpreter lock for a quarter of a second while the worker swaps in a
    new index; CRC-32s are saved with the index and mapped. array.array rather than NumPy: a
    lookup is a handful of scalar reads, where NumPy's per-call cost would dominate.
    """

    def __init__(
        self,
        terms: list[str],
        raw: bytes | None = None,
        hashes: np.ndarray | None = None,
        ids: np.ndarray | None = None,
    ) -> None:
        """From `terms`; or, as saved, from the blob `raw` and the sorted `hashes` and `ids`."""
        if raw is None:
            if any("\0" in t for t in terms):
                raise ValueError("a term contains NUL")
            raw = "".join(t + "\0" for t in terms).encode()
        if hashes is None or ids is None:
            unsorted = np.fromiter(map(crc32, map(str.encode, terms)), np.uint32, len(terms))
            order = np.argsort(unsorted, kind="stable")
            hashes, ids = unsorted[order], order
        self._raw = raw
        ends = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == 0)
        self._starts = array("q", np.concatenate(([0], ends + 1)).astype(np.int64).tobytes())
        self._hashes = array("I", np.asarray(hashes, dtype=np.uint32).tobytes())
        self._ids = array("q", np.asarray(ids, dtype=np.int64).tobytes())
        self._bucket_index()

    def _bucket_index(self) -> None:
        """A directory over the sorted hashes: the top bits of a hash pick a bucket of about
        one term, so a lookup reads ~4 array items instead of bisecting (~17 reads, each
        boxing an int): ~1 us a query term. 4 bytes a bucket, at most 4 bytes a term."""
        sorted_hashes = np.frombuffer(self._hashes, dtype=np.uint32)
        bits = min(32, max(1, len(sorted_hashes).bit_length() - 1))
        self._shift = 32 - bits
        bucket = sorted_hashes >> self._shift
        bounds = np.zeros((1 << bits) + 1, dtype=np.int64)
        np.cumsum(np.bincount(bucket, minlength=1 << bits), out=bounds[1:])
        wide = len(sorted_hashes) >= 2**31
        self._dir = array(
            "q" if wide else "i", bounds.astype(np.int64 if wide else np.int32).tobytes()
        )

    def save(self, folder: Path) -> None:
        np.save(folder / "terms.npy", np.frombuffer(self._raw, dtype=np.uint8), allow_pickle=False)
        np.save(folder / "term_hashes.npy", np.frombuffer(self._hashes, dtype=np.uint32))
        np.save(folder / "term_ids.npy", np.frombuffer(self._ids, dtype=np.int64))

    @classmethod
    def load(cls, folder: Path) -> Lexicon:
        raw = np.load(folder / "terms.npy", allow_pickle=False).tobytes()
        hashes = np.load(folder / "term_hashes.npy", allow_pickle=False)
        ids = np.load(folder / "term_ids.npy", allow_pickle=False)
        return cls([], raw, hashes, ids)

    def __len__(self) -> int:
        return len(self._hashes)

    def terms(self) -> list[str]:
        return self._raw.decode().split("\0")[: len(self)] if len(self) else []

    @property
    def nbytes(self) -> int:
        parts = (self._raw, self._starts, self._hashes, self._ids, self._dir)
        return sum(sys.getsizeof(a) for a in parts)

    def ids_of(self, query: Sequence[str]) -> list[int]:
        """Ids of the known terms of `query`, in query order (repeats kept)."""
        hashes, ids, starts, raw = self._hashes, self._ids, self._starts, self._raw
        bounds, shift = self._dir, self._shift
        out = []
        for q in query:
            word = q.encode()
            h = crc32(word)
            b = h >> shift
            p, end = bounds[b], bounds[b + 1]
            while p < end:  # this bucket's hashes, ascending
                if hashes[p] == h:  # a second match only on a CRC collision
                    t = ids[p]
                    if raw[starts[t] : starts[t + 1] - 1] == word:
                        out.append(t)
                        break
                p += 1
        return out
