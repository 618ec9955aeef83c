"""Keeping the index live: watch the corpus folder, re-index what changed, swap, retire.

`LiveCorpus` holds the current `Entry` and replaces it with one assignment, so a reader sees
one whole, consistent index or the other. A re-index runs in another process when the index
is saved (`bot.corpus.reindex`), else in a daemon thread; if it fails, the last good entry
stays. A replaced entry is let go of piece by piece in the background.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bot.corpus.build import Extractor, build_entry, collector_paused, log_entry
from bot.corpus.pages import drop_mapped_pages
from bot.corpus.stamps import file_states
from bot.corpus.store import CODE_CHANGED, ArticleStore, CorpusCache, Entry, FileStamp
from bot.corpus.store import FORMAT as CACHE_FORMAT

log = logging.getLogger(__name__)

T = TypeVar("T")

# How long a replaced index is kept whole for the searches still reading it.
RETIRE_AFTER_SECONDS = 10.0


async def in_daemon_thread(work: Callable[[], T]) -> T:
    """Run `work` in a daemon thread and await its result.

    A re-index of a large archive can take a minute; asyncio.to_thread's pool threads are
    joined at exit, so a SIGTERM would wait for it. A daemon thread is simply dropped, and
    the cache it was writing is only renamed into place when complete.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], object]) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting
            loop.call_soon_threadsafe(outcome)

    def fail(error: BaseException) -> None:
        if not future.done():
            future.set_exception(error)

    def succeed(result: T) -> None:
        if not future.done():
            future.set_result(result)

    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # handed to the awaiting coroutine
            error = exc
            settle(lambda: fail(error))
        else:
            settle(lambda: succeed(result))

    threading.Thread(target=run, name="whosaid-reindex", daemon=True).start()
    return await future


def retire(entry: Entry) -> None:
    """Let go of a replaced entry piece by piece, in a background thread.

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


class LiveCorpus:
    """The corpus folder's current index entry, kept up to date as files change."""

    def __init__(
        self,
        corpus_dir: Path,
        extract: Extractor,
        cache_dir: Path | None = None,
        on_swap: Callable[[Entry], None] | None = None,
    ) -> None:
        """Load the saved entry for exactly this corpus, or build one from the newest saved
        entry (only what changed is redone); `on_swap` hears of every entry put in use."""
        self.corpus_dir = corpus_dir
        self.extract = extract
        self.cache = CorpusCache(cache_dir) if cache_dir is not None else None
        self._on_swap = on_swap
        started = time.perf_counter()
        stamps = file_states(corpus_dir)
        exact = self.cache.load(stamps) if self.cache else None
        if exact is not None:
            self._use(exact)
            log_entry("loaded the saved index of", exact, corpus_dir, time.perf_counter() - started)
        else:
            basis = self.cache.load() if self.cache else None
            warned = set(basis.duplicates) if basis else set()
            with collector_paused():
                self._use(build_entry(corpus_dir, stamps, basis, extract, warned))
            self._save()

    @property
    def entry(self) -> Entry:
        return self._entry

    def _use(self, entry: Entry) -> None:
        """Answer from `entry` from now on (one assignment: readers see one index or the other)."""
        replaced = getattr(self, "_entry", None)
        self._entry = entry
        if self._on_swap is not None:
            self._on_swap(entry)
        if replaced is not None:
            # Both indexes' mapped pages would be resident until the old one is let go; the
            # searches still reading it read back what they need (bot.corpus.pages).
            if replaced.folder is not None and replaced.folder != entry.folder:
                drop_mapped_pages(replaced.folder)
            threading.Thread(
                target=retire, args=(replaced,), name="whosaid-retire", daemon=True
            ).start()

    def refresh(self) -> bool:
        """Re-index if the corpus changed since the last build. True if a new index is live."""
        stamps = file_states(self.corpus_dir)
        if stamps == self._entry.stamps:
            return False
        try:
            with collector_paused():
                entry = build_entry(
                    self.corpus_dir, stamps, self._entry, self.extract, set(self._entry.duplicates)
                )
        except Exception:
            log.exception(
                "re-indexing %s failed; still answering from the last good index", self.corpus_dir
            )
            return False
        self._use(entry)
        self._save()  # after the swap: answers use the new index while it is written
        return True

    async def refresh_in_subprocess(self) -> bool:
        """Re-index in another process (`bot.corpus.reindex`), then map the index it saved.

        Building a large index in this process would hold the interpreter lock for long
        stretches and delay Slack acknowledgements; another process shares nothing with it.
        """
        assert self.cache is not None
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.corpus.reindex",
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
        log_entry("now answering from", entry, self.corpus_dir, 0.0)
        return True

    def _load_saved(self) -> Entry | None:
        """The newest saved entry, loaded without the collector: loading allocates enough to
        set off full collections, each a pause of every thread, acknowledgements included."""
        assert self.cache is not None
        with collector_paused():
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
                if stamps == self._entry.stamps:
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
