"""The running product without Slack: a loaded corpus, its index, and answers to questions.

Slack listeners and the terminal CLI both go through `Whosaid`, so they answer alike.

The corpus can change while the worker runs. `refresh()` re-reads only the files whose size
or modification time changed, rebuilds the index off the request path, and swaps it in with
one assignment, so a question is always answered from one whole, consistent index. If a
rebuild fails, the last good index stays.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np

from bot.answer import Answer, Answerer
from bot.articles import Article, first_of_each_id, read_or_skip
from bot.attribution import extract_quotations
from bot.attribution.model import Quotation
from bot.check import Check, Checker, CheckRequest
from bot.corpus_cache import (
    CODE_CHANGED,
    ArticleStore,
    CorpusCache,
    Entry,
    FileStamp,
    Record,
    Records,
)
from bot.corpus_cache import FORMAT as CACHE_FORMAT
from bot.search.bm25 import warm_up
from bot.search.index import CorpusIndex, merged_index
from bot.search.persist import file_states
from bot.search.question import parse_question
from bot.timeline import PAGE, Page, parse_timeline, timeline_page

log = logging.getLogger(__name__)

T = TypeVar("T")

Extractor = Callable[[Article], list[Quotation]]


@dataclass(frozen=True)
class Snapshot:
    """One consistent view of the corpus: what a question is answered from."""

    index: CorpusIndex
    answerer: Answerer
    skipped: tuple[tuple[str, str], ...]  # (file, reason)
    stamps: dict[str, FileStamp]


async def in_daemon_thread(work: Callable[[], T]) -> T:
    """Run `work` in a daemon thread and await its result.

    A re-index of a large archive can take a minute; asyncio.to_thread's pool threads are
    joined at exit, so a SIGTERM would wait for it. A daemon thread is simply dropped, and
    the cache it was writing is only renamed into place when complete.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting
            loop.call_soon_threadsafe(outcome)

    def run() -> None:
        try:
            result = work()
        except BaseException as exc:
            settle(lambda error=exc: future.done() or future.set_exception(error))
        else:
            settle(lambda: future.done() or future.set_result(result))

    threading.Thread(target=run, name="whosaid-reindex", daemon=True).start()
    return await future


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
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


# How long a replaced index is kept whole for the searches still reading it.
RETIRE_AFTER_SECONDS = 10.0


def _retire(entry: Entry, snapshot: Snapshot) -> None:
    """Let go of a replaced index (`snapshot` answers from `entry.index`) piece by piece, in
    a background thread.

    Dropping it at once frees hundreds of thousands of objects (decoded articles kept for
    answers, per-record keys) in one cascade that holds the interpreter lock: measured at a
    million passages, 65 ms on a quiet machine and up to 270 ms under load, during which no
    Slack event is acknowledged. Freed in small batches, other threads run in between.
    """
    time.sleep(RETIRE_AFTER_SECONDS)  # searches that started on it finish first
    store = entry.index.articles
    if isinstance(store, ArticleStore):
        while store.forget_some(64):
            time.sleep(0)  # let the event loop in
    keys = entry.keys
    while isinstance(keys, list) and keys:
        del keys[-2000:]
        time.sleep(0)


class Whosaid:
    def __init__(
        self,
        corpus_dir: Path,
        limit: int = 3,
        extract: Extractor = extract_quotations,
        cache_dir: Path | None = None,
    ) -> None:
        """`cache_dir`: where to keep the index between runs (None: rebuild every start)."""
        self.corpus_dir = corpus_dir
        self.limit = limit
        self.extract = extract
        self.cache = CorpusCache(cache_dir) if cache_dir is not None else None
        started = time.perf_counter()
        stamps = file_states(corpus_dir)
        # The saved entry for exactly this corpus: used as is, nothing read until asked for.
        # Otherwise the newest entry is where the build starts: only what changed is redone.
        exact = self.cache.load(stamps) if self.cache else None
        if exact is not None:
            self._use(exact)
            self._log("loaded the saved index of", self._snapshot, time.perf_counter() - started)
        else:
            basis = self.cache.load() if self.cache else None
            self._warned: set[tuple[str, str]] = set(basis.duplicates) if basis else set()
            with _collector_paused():
                self._use(self._build(stamps, basis))
            self._save()

    def _use(self, entry: Entry) -> None:
        """Answer from `entry` from now on (one assignment: readers see one index or the other)."""
        replaced = getattr(self, "_entry", None), getattr(self, "_snapshot", None)
        self._entry = entry
        self._warned = set(entry.duplicates)
        index = entry.index
        self._snapshot = Snapshot(
            index, Answerer(index, self.limit), tuple(entry.skipped), entry.stamps
        )
        if replaced[0] is not None and replaced[1] is not None:
            threading.Thread(
                target=_retire, args=replaced, name="whosaid-retire", daemon=True
            ).start()

    @classmethod
    def load(cls, corpus_dir: Path, limit: int = 3, cache_dir: Path | None = None) -> Whosaid:
        return cls(corpus_dir, limit, cache_dir=cache_dir)

    # -- building ----------------------------------------------------------------------

    def _build(self, stamps: dict[str, FileStamp], basis: Entry | None) -> Entry:
        """The entry for `stamps`: files whose stamp is unchanged since `basis` keep their
        records and their part of the index; the others are read, attributed and indexed."""
        started = time.perf_counter()
        if not self.corpus_dir.is_dir():
            log.warning(
                "corpus folder %s does not exist; answering from no articles", self.corpus_dir
            )
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
                articles, error = read_or_skip(self.corpus_dir / name, self.corpus_dir)
                where += [(a, tuple(self.extract(a))) for a in articles]
                keys += [(a.id, a.source) for a in articles]
                origin += [-1] * len(articles)
            files[name] = (stamp, error, range(first, len(where)))
        records = Records(basis.records.stored if basis is not None else None, where)
        kept, duplicates = first_of_each_id(keys)
        for skip in set(duplicates) - self._warned:
            log.warning("skipped article in %s: %s", *skip)
        store = ArticleStore(records, np.asarray(kept, dtype=np.int64))
        index = None
        if basis is not None:
            index = self._merge(basis, store, [origin[r] for r in kept])
        if index is None:
            index = CorpusIndex(store, store.quotation_lists)
        entry = Entry(stamps, index, records, files, keys, store.rows, duplicates)
        self._log("indexed", entry, time.perf_counter() - started)
        return entry

    @staticmethod
    def _merge(basis: Entry, store: ArticleStore, origins: list[int]) -> CorpusIndex | None:
        """The basis index with its articles that are still there kept as they are and the
        others indexed afresh (`store` holds the new articles, `origins` their basis records)."""
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

    def _log(self, what: str, state: Snapshot | Entry, seconds: float) -> None:
        index = state.index
        log.info(
            "%s %d articles (%d passages, %d quotations) from %s in %.2f s%s",
            what,
            len(index.articles),
            len(index.passages),
            len(index.quotations),
            self.corpus_dir,
            seconds,
            f"; skipped {len(state.skipped)}" if state.skipped else "",
        )

    def refresh(self) -> bool:
        """Re-index if the corpus changed since the last build. True if a new index is live."""
        stamps = file_states(self.corpus_dir)
        if stamps == self._snapshot.stamps:
            return False
        try:
            with _collector_paused():
                entry = self._build(stamps, self._entry)
        except Exception:
            log.exception(
                "re-indexing %s failed; still answering from the last good index", self.corpus_dir
            )
            return False
        self._use(entry)
        self._save()  # after the swap: answers use the new index while it is written
        return True

    async def refresh_in_subprocess(self) -> bool:
        """Re-index in another process (`bot.reindex`), then map the index it saved.

        Building a large index in this process would hold the interpreter lock for long
        stretches and delay Slack acknowledgements; another process shares nothing with it.
        """
        assert self.cache is not None
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.reindex",
            str(self.corpus_dir),
            str(self.cache.folder),
            CACHE_FORMAT,
            stdin=asyncio.subprocess.DEVNULL,
        )
        try:
            code = await process.wait()
        finally:
            if process.returncode is None:  # cancelled (shutdown): do not leave it running
                process.kill()
        if code == CODE_CHANGED:
            log.warning("the code on disk changed since start-up: re-indexing in this process")
            return await in_daemon_thread(self.refresh)
        entry = await asyncio.to_thread(self._load_saved) if code == 0 else None
        if entry is None:
            log.error(
                "re-indexing %s failed (exit %s); still answering from the last good index",
                self.corpus_dir,
                code,
            )
            return False
        self._use(entry)
        self._log("now answering from", self._snapshot, 0.0)
        return True

    def _load_saved(self) -> Entry | None:
        """The newest saved entry, loaded without the collector: loading allocates enough to
        set off full collections, each a pause of every thread, acknowledgements included."""
        assert self.cache is not None
        with _collector_paused():
            return self.cache.load()

    def _save(self) -> None:
        if self.cache is not None:
            self.cache.save(self._entry)

    async def watch(self, interval: float = 5.0, settle: float = 1.0) -> None:
        """Poll the corpus folder every `interval` s and refresh when it has changed and then
        held still for `settle` s.

        Waiting for two equal readings in a row means a file still being written (its size or
        time still moving) is not indexed half-way; the second reading comes after `settle`,
        not a whole interval, so a new article is live within about interval + settle + the
        re-index.
        """
        settle = min(settle, interval)
        previous: dict[str, FileStamp] | None = None
        while True:
            await asyncio.sleep(interval if previous is None else settle)
            try:
                stamps = await asyncio.to_thread(file_states, self.corpus_dir)
                if stamps == self._snapshot.stamps:
                    previous = None
                elif stamps != previous:
                    previous = stamps  # changed (or still changing): read again shortly
                else:
                    previous = None
                    if self.cache is not None and self.cache.usable:
                        await self.refresh_in_subprocess()
                    else:
                        await in_daemon_thread(self.refresh)
            except Exception:
                previous = None
                log.exception("watching %s failed; will try again", self.corpus_dir)

    # -- answering ---------------------------------------------------------------------

    @staticmethod
    def start_warm_up() -> None:
        """Load the compiled short-query loop in the background (`bot.search.bm25.warm_up`);
        answers come from the NumPy path, identical, until it is ready."""
        threading.Thread(target=warm_up, name="whosaid-warm-up", daemon=True).start()

    @property
    def index(self) -> CorpusIndex:
        return self._snapshot.index

    @property
    def skipped(self) -> tuple[tuple[str, str], ...]:
        """Files (or articles) left out of the index, and why."""
        return self._snapshot.skipped

    @property
    def article_count(self) -> int:
        return len(self._snapshot.index.articles)

    @property
    def quotation_count(self) -> int:
        return len(self._snapshot.index.quotations)

    def ask(self, text: str, limit: int | None = None) -> Answer:
        page = self.timeline(text, 0, limit or self.limit)
        if page is not None:  # "What has Zelensky said about peace?": newest statements first
            return page.answer
        return self._snapshot.answerer.answer(parse_question(text), limit)

    def timeline(self, text: str, offset: int = 0, limit: int = PAGE) -> Page | None:
        """A page of a speaker's statements by date (`bot.timeline`), or None if `text` is
        not such a question or names no speaker the corpus knows."""
        query = parse_timeline(text)
        if query is None or len(self._snapshot.index) == 0:
            return None
        return timeline_page(self._snapshot.index, query, text, offset, limit)

    async def timeline_async(self, text: str, offset: int = 0, limit: int = PAGE) -> Page | None:
        """`timeline` off the event loop."""
        return await asyncio.to_thread(self.timeline, text, offset, limit)

    async def ask_async(self, text: str, limit: int | None = None) -> Answer:
        """Answer off the event loop, so Slack acknowledgements never wait on a search."""
        return await asyncio.to_thread(self.ask, text, limit)

    def check(self, request: CheckRequest) -> list[Check]:
        """One verdict per claimed quotation (`bot.check`), all from one index."""
        checker = Checker(self._snapshot.index)
        return [
            checker.check(claim, request.speaker_of(number))
            for number, claim in enumerate(request.claims)
        ]

    async def check_async(self, request: CheckRequest) -> list[Check]:
        """`check` off the event loop."""
        return await asyncio.to_thread(self.check, request)
