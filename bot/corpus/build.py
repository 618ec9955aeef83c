"""Building an index entry: corpus files (and the entry they changed from) → a searchable Entry.

A pure step: given the files' stamps and a basis entry, files whose stamp is unchanged keep
their records and their part of the index; the others are read, attributed and indexed. Used
by the worker at start-up, by its live reload, and by the out-of-process re-index.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np

from bot.attribution.model import Quotation
from bot.corpus.articles import Article, first_of_each_id, read_or_skip
from bot.corpus.store import ArticleStore, Entry, FileStamp, Record, Records
from bot.search.index import CorpusIndex
from bot.search.index_merge import merged_index

log = logging.getLogger(__name__)

Extractor = Callable[[Article], list[Quotation]]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Build an index without the garbage collector, then keep it off the index for good.

    Building creates millions of long-lived objects; each automatic full collection would
    walk all of them while holding the GIL, pausing every thread (Slack acknowledgements
    included) for up to seconds. Nothing built here is cyclic garbage. Frozen objects are
    still freed by reference counting when an old index is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def build_entry(
    corpus_dir: Path,
    stamps: dict[str, FileStamp],
    basis: Entry | None,
    extract: Extractor,
    warned: set[tuple[str, str]] | None = None,
) -> Entry:
    """The entry for `stamps`: files unchanged since `basis` keep their records and their part
    of the index; the others are read, attributed and indexed. Duplicate ids not in `warned`
    are logged once."""
    started = time.perf_counter()
    if not corpus_dir.is_dir():
        log.warning("corpus folder %s does not exist; answering from no articles", corpus_dir)
    where: list[int | Record] = []
    keys: list[Sequence[str]] = []
    origin: list[int] = []  # per record: its number in `basis`, or -1 if read now
    files: dict[str, tuple[FileStamp, str | None, range]] = {}
    for name, stamp in stamps.items():
        first = len(where)
        before = basis.files.get(name) if basis is not None else None
        if basis is not None and before is not None and before[0] == stamp:
            error, rows = before[1], before[2]
            where += [basis.records.where[r] for r in rows]
            keys += [basis.keys[r] for r in rows]
            origin += rows
        else:
            articles, error = read_or_skip(corpus_dir / name, corpus_dir)
            where += [(a, tuple(extract(a))) for a in articles]
            keys += [(a.id, a.source) for a in articles]
            origin += [-1] * len(articles)
        files[name] = (stamp, error, range(first, len(where)))
    records = Records(basis.records.stored if basis is not None else None, where)
    kept, duplicates = first_of_each_id(keys)
    for skip in set(duplicates) - (warned or set()):
        log.warning("skipped article in %s: %s", *skip)
    store = ArticleStore(records, np.asarray(kept, dtype=np.int64))
    index = None
    if basis is not None:
        index = _merge(basis, store, [origin[r] for r in kept])
    if index is None:
        index = CorpusIndex(store, store.quotation_lists)
    entry = Entry(stamps, index, records, files, keys, store.rows, duplicates)
    log_entry("indexed", entry, corpus_dir, time.perf_counter() - started)
    return entry


def _merge(basis: Entry, store: ArticleStore, origins: list[int]) -> CorpusIndex | None:
    """The basis index with its articles that are still there kept as they are and the others
    indexed afresh (`store` holds the new articles, `origins` their basis records)."""
    article_of = np.full(len(basis.records), -1, dtype=np.int64)
    article_of[basis.kept] = np.arange(len(basis.kept))
    layout: list[range | list[tuple[Article, tuple[Quotation, ...]]]] = []
    for number, origin in enumerate(origins):
        old = int(article_of[origin]) if origin >= 0 else -1
        last = layout[-1] if layout else None
        if old >= 0 and isinstance(last, range) and last.stop == old:
            layout[-1] = range(last.start, old + 1)
        elif old >= 0:
            layout.append(range(old, old + 1))
        elif isinstance(last, list):
            last.append(store.with_quotations(number))
        else:
            layout.append([store.with_quotations(number)])
    try:
        return merged_index(basis.index, layout, store, store.quotation_lists)
    except ValueError:  # kept articles out of their old order: build from scratch
        return None


def log_entry(what: str, entry: Entry, corpus_dir: Path, seconds: float) -> None:
    """One log line: how many articles, passages and quotations `entry` holds, and skips."""
    index = entry.index
    log.info(
        "%s %d articles (%d passages, %d quotations) from %s in %.2f s%s",
        what,
        len(index.articles),
        len(index.passages),
        len(index.quotations),
        corpus_dir,
        seconds,
        f"; skipped {len(entry.skipped)}" if entry.skipped else "",
    )
