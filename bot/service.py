"""The running product without Slack: a loaded corpus, its index, and answers to questions.

Slack listeners and the terminal CLI both go through `Whosaid`, so they answer alike.
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

from bot.answer import Answer, Answerer
from bot.articles import LoadReport, load_corpus
from bot.attribution import extract_quotations
from bot.search.index import CorpusIndex
from bot.search.question import parse_question

log = logging.getLogger(__name__)


class Whosaid:
    def __init__(self, index: CorpusIndex, report: LoadReport, limit: int = 3) -> None:
        self.index = index
        self.report = report
        self.answerer = Answerer(index, limit)

    @classmethod
    def load(cls, corpus_dir: Path, limit: int = 3) -> Whosaid:
        started = time.perf_counter()
        report = load_corpus(corpus_dir)
        index = CorpusIndex(report.articles, extract_quotations)
        log.info(
            "indexed %d articles (%d passages, %d quotations) from %s in %.2f s%s",
            len(index.articles),
            len(index.passages),
            len(index.quotations),
            corpus_dir,
            time.perf_counter() - started,
            f"; skipped {len(report.skipped)} file(s)" if report.skipped else "",
        )
        return cls(index, report, limit)

    @property
    def article_count(self) -> int:
        return len(self.index.articles)

    @property
    def quotation_count(self) -> int:
        return len(self.index.quotations)

    def ask(self, text: str, limit: int | None = None) -> Answer:
        return self.answerer.answer(parse_question(text), limit)

    async def ask_async(self, text: str, limit: int | None = None) -> Answer:
        """Answer off the event loop, so Slack acknowledgements never wait on a search."""
        return await asyncio.to_thread(self.ask, text, limit)
