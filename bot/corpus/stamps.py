"""Corpus fingerprints: which files the index was built from, and whether they changed.

A file's state is its size and modification time (in ns); the fingerprint is a digest of
every corpus file's relative path and state. The index cache is keyed by it
(`bot.corpus.store`), and the live reloader compares states to see what changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from bot.corpus.articles import corpus_files


def file_states(root: Path, files: Iterable[Path] | None = None) -> dict[str, tuple[int, int]]:
    """{relative path: (size, mtime_ns)} of the corpus files under `root`.

    `files` defaults to the files the corpus loader reads (bot.corpus.articles.corpus_files), so
    the fingerprint covers exactly what gets indexed; unreadable files are left out.
    """
    if files is None:
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
