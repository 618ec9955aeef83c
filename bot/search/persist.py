"""Persisting the BM25 index: corpus fingerprints and an atomic on-disk cache.

A restart at 1,000,000 passages should load the index (memory-mapped .npy files, well under a
second) instead of rebuilding it. The cache entry is named after a key derived from the corpus
fingerprint (every corpus file's relative path, size and modification time) and the index
format, so a changed corpus or a new format simply misses the cache.

Writes are atomic: an entry is written into a temporary folder beside it and renamed into
place with os.replace, so a reader sees either no entry or a complete one, and a crash leaves
only a ``.tmp-*`` folder that the next save clears. ``file_states`` and ``diff_states`` tell
which files were added, changed or removed, for incremental re-indexing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.search import bm25
from bot.search.bm25 import SparseBM25

log = logging.getLogger(__name__)

_META = "meta.json"
_INDEX = "bm25"
_EXTRA = "extra"
# A temporary folder older than this is a crashed writer's leftover, not a save in progress.
_STALE_TMP_S = 3600


def file_states(root: Path, files: Iterable[Path] | None = None) -> dict[str, tuple[int, int]]:
    """{relative path: (size, mtime_ns)} of the corpus files under `root`.

    `files` defaults to the files the corpus loader reads (bot.articles.corpus_files), so
    the fingerprint covers exactly what gets indexed; unreadable files are left out.
    """
    if files is None:
        from bot.articles import corpus_files

        files = corpus_files(root) if root.is_dir() else ()
    states: dict[str, tuple[int, int]] = {}
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        states[path.relative_to(root).as_posix()] = (st.st_size, st.st_mtime_ns)
    return states


def fingerprint(states: Mapping[str, tuple[int, int]]) -> str:
    """A hex digest of the file states, independent of the order they were listed in."""
    digest = hashlib.sha256()
    for name in sorted(states):
        size, mtime = states[name]
        digest.update(f"{name}\0{size}\0{mtime}\n".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Diff:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def diff_states(old: Mapping[str, tuple[int, int]], new: Mapping[str, tuple[int, int]]) -> Diff:
    """Files added, changed (size or mtime) and removed between two `file_states`."""
    return Diff(
        added=tuple(sorted(set(new) - set(old))),
        changed=tuple(sorted(n for n in set(new) & set(old) if new[n] != old[n])),
        removed=tuple(sorted(set(old) - set(new))),
    )


def cache_key(corpus_fingerprint: str, salt: str = "") -> str:
    """Entry name for a corpus state; `salt` lets callers version what else they store."""
    text = f"{corpus_fingerprint}\0bm25-format-{bm25._FORMAT}\0{salt}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def save_index(
    cache_dir: Path,
    key: str,
    index: SparseBM25,
    *,
    extra: Mapping[str, np.ndarray] | None = None,
    meta: Mapping[str, object] | None = None,
) -> Path:
    """Write `index` (plus optional named arrays and JSON metadata) as entry `key`, atomically.

    Returns the entry's folder. An existing entry with the same key is replaced whole.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    _clear_stale(cache_dir)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=cache_dir))
    try:
        index.save(tmp / _INDEX)
        if extra:
            (tmp / _EXTRA).mkdir()
            for name, values in extra.items():
                if not name.isidentifier():
                    raise ValueError(f"extra array name {name!r} is not an identifier")
                np.save(tmp / _EXTRA / f"{name}.npy", np.asarray(values), allow_pickle=False)
        record = {"key": key, "saved_at": time.time(), "meta": dict(meta or {})}
        # Written last: an entry without meta.json is incomplete and never loaded.
        (tmp / _META).write_text(json.dumps(record))
        final = cache_dir / key
        if final.exists():
            # os.replace cannot overwrite a non-empty folder: move the old one aside first.
            old = Path(tempfile.mkdtemp(prefix=".tmp-old-", dir=cache_dir))
            os.replace(final, old / key)
            os.replace(tmp, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, final)
        return final
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


@dataclass
class Loaded:
    index: SparseBM25
    extra: dict[str, np.ndarray]
    meta: dict[str, object]


def load_index(cache_dir: Path, key: str, *, mmap: bool = True) -> Loaded | None:
    """Entry `key`, or None when it is missing, incomplete or unreadable (then rebuild)."""
    folder = cache_dir / key
    try:
        record = json.loads((folder / _META).read_text())
        if record.get("key") != key:
            return None
        index = SparseBM25.load(folder / _INDEX, mmap=mmap)
        extra = {}
        if (folder / _EXTRA).is_dir():
            for path in sorted((folder / _EXTRA).glob("*.npy")):
                mode = "r" if mmap else None
                extra[path.stem] = np.load(path, mmap_mode=mode, allow_pickle=False)
        return Loaded(index, extra, dict(record.get("meta") or {}))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as exc:
        log.warning("ignoring unreadable index cache %s: %s", folder, exc)
        return None


def prune(cache_dir: Path, keep: Iterable[str]) -> None:
    """Remove entries other than `keep` (best effort; a reader may still map old files)."""
    wanted = set(keep)
    if not cache_dir.is_dir():
        return
    for child in cache_dir.iterdir():
        if child.is_dir() and not child.name.startswith(".") and child.name not in wanted:
            shutil.rmtree(child, ignore_errors=True)


def _clear_stale(cache_dir: Path) -> None:
    now = time.time()
    for child in cache_dir.glob(".tmp-*"):
        try:
            if now - child.stat().st_mtime > _STALE_TMP_S:
                shutil.rmtree(child, ignore_errors=True)
        except OSError:
            continue
