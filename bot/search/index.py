"""The searchable corpus: paragraph passages and attributed quotations, each BM25-indexed.

Everything here is positions into article texts; nothing is copied or rewritten, which is
what lets every answer be checked as `article.text[start:end]`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from bot.articles import Article
from bot.attribution.model import Quotation, Speaker
from bot.search.bm25 import SparseBM25
from bot.search.engine import Engine
from bot.search.tokenizer import fold, tokenize

EngineFactory = Callable[[Sequence[Sequence[str]]], Engine]
QuotationExtractor = Callable[[Article], list[Quotation]]

# Words that may precede a name in a question without being part of it.
TITLE_WORDS = frozenset(
    """president vice prime minister secretary senator sen rep representative governor gov
    mayor mr mrs ms dr general gen spokesman spokeswoman spokesperson press chancellor
    king queen pope former the of state defense foreign leader chief director adviser
    advisor envoy ambassador judge justice professor""".split()
)


@dataclass(frozen=True)
class Passage:
    article: int  # index into CorpusIndex.articles
    paragraph: int  # 1-based
    start: int
    end: int


@dataclass(frozen=True)
class IndexedQuotation:
    article: int
    quotation: Quotation


def name_key(word: str) -> str:
    """A spelling-tolerant key for a name word: Zelensky, Zelenskyy and Zelenskiy agree."""
    key = re.sub(r"(.)\1+", r"\1", fold(word))
    return re.sub(r"(?:iy|yi|ii|i)$", "y", key)


def _keys(text: str | None) -> set[str]:
    return {name_key(t) for t in tokenize(text or "")}


@dataclass
class SpeakerEntry:
    speaker: Speaker
    name_keys: set[str]
    role_keys: set[str]
    quotations: list[int] = field(default_factory=list)  # into CorpusIndex.quotations


class CorpusIndex:
    def __init__(
        self,
        articles: Iterable[Article],
        extract: QuotationExtractor | Sequence[Sequence[Quotation]],
        engine: EngineFactory = SparseBM25.build,
        engines: tuple[Engine, Engine] | None = None,
    ) -> None:
        """`extract` is the extractor, or the quotations already extracted, one list an article.

        `engines` are prebuilt (passage, quotation) engines, as loaded from the cache.
        """
        self.articles: tuple[Article, ...] = tuple(articles)
        self.passages: list[Passage] = [
            Passage(i, number, start, end)
            for i, article in enumerate(self.articles)
            for number, (start, end) in enumerate(article.paragraphs, 1)
        ]
        per_article = [extract(a) for a in self.articles] if callable(extract) else list(extract)
        self.quotations: list[IndexedQuotation] = [
            IndexedQuotation(i, q) for i, found in enumerate(per_article) for q in found
        ]
        if engines is not None and (
            engines[0].doc_count != len(self.passages)
            or engines[1].doc_count != len(self.quotations)
        ):
            engines = None  # saved for another corpus state: rebuild rather than mis-rank
        if engines is None:
            engines = (
                engine(
                    [
                        tokenize(self.articles[p.article].text[p.start : p.end])
                        for p in self.passages
                    ]
                ),
                engine([tokenize(q.quotation.text) for q in self.quotations]),
            )
        self.passage_engine, self.quotation_engine = engines
        self.speakers = self._speaker_directory()
        self._speakers_by_key: dict[str, list[int]] = {}
        for i, entry in enumerate(self.speakers):
            for key in entry.name_keys | entry.role_keys:
                self._speakers_by_key.setdefault(key, []).append(i)
        self._by_article: dict[int, list[IndexedQuotation]] = {}
        for indexed in self.quotations:
            self._by_article.setdefault(indexed.article, []).append(indexed)

    def _speaker_directory(self) -> list[SpeakerEntry]:
        entries: dict[tuple[str, str], SpeakerEntry] = {}
        for position, indexed in enumerate(self.quotations):
            speaker = indexed.quotation.speaker
            if not speaker.resolved:
                continue
            key = (fold(speaker.name or ""), fold(speaker.role or ""))
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = SpeakerEntry(
                    speaker, _keys(speaker.name), _keys(speaker.role)
                )
            entry.quotations.append(position)
        return list(entries.values())

    def __len__(self) -> int:
        return len(self.articles)

    def find_speakers(self, typed: str) -> list[SpeakerEntry]:
        """Speakers the typed words can mean: a name (or surname), or a role the article gave.

        "Peskov", "Dmitry Peskov", "President Zelenskyy" and "the Kremlin spokesman" all work;
        title words are optional next to a name, but a role alone must match the whole role.
        """
        typed_keys = {name_key(t) for t in tokenize(typed)} - {"the", "a", "an", "of"}
        if not typed_keys:
            return []
        # Only speakers sharing a word with the question can match: look them up, not scan.
        candidates = sorted({i for key in typed_keys for i in self._speakers_by_key.get(key, ())})
        matches = []
        for entry in (self.speakers[i] for i in candidates):
            leftover = typed_keys - entry.name_keys - entry.role_keys
            by_name = bool(typed_keys & entry.name_keys) and leftover <= TITLE_WORDS
            by_role = typed_keys <= entry.role_keys
            if by_name or by_role:
                matches.append(entry)
        return matches

    def same_words(self, quotation: Quotation, k: int = 20) -> list[IndexedQuotation]:
        """Quotations with exactly these words (the same quote in other articles).

        Found through the index (identical words score highest for their own words), so the
        cost does not grow with the archive.
        """
        words = tokenize(quotation.text)
        return [
            self.quotations[i]
            for i, _ in self.quotation_engine.top_k(words, k)
            if tokenize(self.quotations[i].quotation.text) == words
        ]

    def top_passages(self, terms: Sequence[str], k: int) -> list[tuple[Passage, float]]:
        return [(self.passages[i], s) for i, s in self.passage_engine.top_k(terms, k)]

    def top_quotations(self, terms: Sequence[str], k: int) -> list[tuple[IndexedQuotation, float]]:
        return [(self.quotations[i], s) for i, s in self.quotation_engine.top_k(terms, k)]

    def quotation_scores(self, terms: Sequence[str], positions: Sequence[int]) -> np.ndarray:
        """BM25 scores of the given quotations only (a speaker's, say)."""
        if not terms or not positions:
            return np.zeros(len(positions))
        return self.quotation_engine.scores(terms)[np.asarray(positions)]

    def quotations_in(self, passage: Passage) -> list[IndexedQuotation]:
        return [
            q
            for q in self._by_article.get(passage.article, [])
            if passage.start <= q.quotation.start < passage.end
        ]
