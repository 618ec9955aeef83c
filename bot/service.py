"""The running product without Slack: questions answered from the live corpus index.

Slack listeners and the terminal CLI both go through `Whosaid`, so they answer alike. Keeping
the index live is `bot.corpus.live.LiveCorpus`'s job; this answers from whichever entry it
last put in use, off the event loop.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.answer import Answer, Answerer
from bot.attribution import extract_quotations
from bot.check import Check, Checker, CheckRequest
from bot.corpus.build import Extractor
from bot.corpus.live import LiveCorpus
from bot.corpus.store import CorpusCache, Entry, FileStamp
from bot.search.bm25 import warm_up
from bot.search.index import CorpusIndex
from bot.search.question import parse_question
from bot.timeline import PAGE, Page, parse_timeline, timeline_page


@dataclass(frozen=True)
class Snapshot:
    """One consistent view of the corpus: what a question is answered from."""

    index: CorpusIndex
    answerer: Answerer
    skipped: tuple[tuple[str, str], ...]  # (file, reason)
    stamps: dict[str, FileStamp]


class Whosaid:
    """Answers questions from the corpus in `corpus_dir`, kept live by a LiveCorpus."""

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
        self.live = LiveCorpus(corpus_dir, extract, cache_dir, on_swap=self._answer_from)

    @classmethod
    def load(cls, corpus_dir: Path, limit: int = 3, cache_dir: Path | None = None) -> Whosaid:
        return cls(corpus_dir, limit, cache_dir=cache_dir)

    def _answer_from(self, entry: Entry) -> None:
        index = entry.index
        self._snapshot = Snapshot(
            index, Answerer(index, self.limit), tuple(entry.skipped), entry.stamps
        )

    # -- keeping the index live (LiveCorpus) ---------------------------------------------

    @property
    def cache(self) -> CorpusCache | None:
        return self.live.cache

    def refresh(self) -> bool:
        """Re-index if the corpus changed since the last build. True if a new index is live."""
        return self.live.refresh()

    async def refresh_in_subprocess(self) -> bool:
        """Re-index in another process, then map the index it saved (`LiveCorpus`)."""
        return await self.live.refresh_in_subprocess()

    async def watch(self, interval: float = 5.0, settle: float = 1.0) -> None:
        """Keep the index live as the corpus folder changes (`LiveCorpus.watch`)."""
        await self.live.watch(interval, settle)

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
        """The answer to `text`, from one consistent index."""
        page = self.timeline(text, 0, limit or self.limit)
        if page is not None:  # "What has Zelensky said about peace?": newest statements first
            return page.answer
        return self._snapshot.answerer.answer(parse_question(text), limit)

    async def ask_async(self, text: str, limit: int | None = None) -> Answer:
        """Answer off the event loop, so Slack acknowledgements never wait on a search."""
        return await asyncio.to_thread(self.ask, text, limit)

    def timeline(self, text: str, offset: int = 0, limit: int = PAGE) -> Page | None:
        """A page of a speaker's statements by date (`bot.timeline`), or None if `text` is
        not such a question or names no speaker the corpus knows. Also None when a question
        with a topic and no dates finds the topic in none of the speaker's own words: the
        ranked answer, which also reads the paragraph around a quotation, is then better."""
        query = parse_timeline(text)
        if query is None or len(self._snapshot.index) == 0:
            return None
        page = timeline_page(self._snapshot.index, query, text, offset, limit)
        topic_only = bool(query.topic) and query.when is None
        if page is not None and offset == 0 and topic_only and not page.answer.results:
            return None
        return page

    async def timeline_async(self, text: str, offset: int = 0, limit: int = PAGE) -> Page | None:
        """`timeline` off the event loop."""
        return await asyncio.to_thread(self.timeline, text, offset, limit)

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
