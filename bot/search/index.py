"""The searchable corpus: paragraph passages and attributed quotations, each BM25-indexed.

Everything here is positions into article texts; nothing is copied or rewritten, which is
what lets every answer be checked as `article.text[start:end]`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from bot.attribution.model import Quotation, Speaker
from bot.corpus.articles import Article
from bot.search.bm25 import SparseBM25
from bot.search.describe import (
    Description,
    headline_stems,
    person_name_stems,
    speaker_tokens,
)
from bot.search.engine import Engine
from bot.search.quote_vectors import embed_quotations_quantized
from bot.search.semantic import VectorIndex, semantic_enabled
from bot.search.tokenizer import fold, tokenize, words

T_co = TypeVar("T_co", covariant=True)
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


def name_keys(text: str | None) -> set[str]:
    """The name keys of a name or role, matched as typed (unstemmed): "Hodges" is not "Hodg"."""
    return {name_key(t) for t in words(text or "")}


def speaker_key(speaker: Speaker) -> tuple[str, str]:
    """Quotations with the same key belong to one entry of the speaker directory."""
    return fold(speaker.name or ""), fold(speaker.role or "")


@dataclass
class SpeakerEntry:
    speaker: Speaker
    name_keys: set[str]
    role_keys: set[str]
    # Positions into CorpusIndex.quotations, ascending: a list, or an array mapped from the cache.
    quotations: list[int] | np.ndarray = field(default_factory=list)


class PassageTable(Sequence[Passage]):
    """Every paragraph of the corpus as four integer arrays: no object per passage.

    At a million passages, objects would cost seconds to create or load and a lot of memory;
    a `Passage` is made only for the few passages an answer shows.
    """

    def __init__(
        self, article: np.ndarray, paragraph: np.ndarray, start: np.ndarray, end: np.ndarray
    ) -> None:
        self.article, self.paragraph, self.start, self.end = article, paragraph, start, end

    @classmethod
    def of(cls, articles: Sequence[Article]) -> PassageTable:
        # Generators rather than one np.array(list of tuples): that conversion is a single C
        # call that holds the GIL for about a second at a million passages, stalling acks.
        counts = np.fromiter((len(a.paragraphs) for a in articles), np.int64, len(articles))
        total = int(counts.sum())
        spans = np.fromiter(
            (offset for a in articles for span in a.paragraphs for offset in span),
            np.int64,
            2 * total,
        )
        first = np.repeat(np.cumsum(counts) - counts, counts)
        return cls(
            np.repeat(np.arange(len(articles), dtype=np.int32), counts),
            (np.arange(total) - first + 1).astype(np.int32),
            spans[0::2].astype(np.int32),
            spans[1::2].astype(np.int32),
        )

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "passage_article": self.article,
            "passage_paragraph": self.paragraph,
            "passage_start": self.start,
            "passage_end": self.end,
        }

    def __len__(self) -> int:
        return len(self.article)

    def __getitem__(self, i: int) -> Passage:  # type: ignore[override]
        return Passage(
            int(self.article[i]), int(self.paragraph[i]), int(self.start[i]), int(self.end[i])
        )


class QuotationTable(Sequence[IndexedQuotation]):
    """Every quotation as (article, position within the article's list): two arrays."""

    def __init__(
        self, article: np.ndarray, local: np.ndarray, lists: Sequence[Sequence[Quotation]]
    ) -> None:
        self.article, self.local, self.lists = article, local, lists

    @classmethod
    def of(cls, lists: Sequence[Sequence[Quotation]]) -> QuotationTable:
        counts = np.fromiter((len(found) for found in lists), dtype=np.int64, count=len(lists))
        article = np.repeat(np.arange(len(lists), dtype=np.int32), counts)
        starts = np.repeat(np.cumsum(counts) - counts, counts)
        local = (np.arange(int(counts.sum()), dtype=np.int64) - starts).astype(np.int32)
        return cls(article, local, lists)

    def arrays(self) -> dict[str, np.ndarray]:
        return {"quotation_article": self.article, "quotation_local": self.local}

    def __len__(self) -> int:
        return len(self.article)

    def __getitem__(self, i: int) -> IndexedQuotation:  # type: ignore[override]
        article = int(self.article[i])
        return IndexedQuotation(article, self.lists[article][int(self.local[i])])


# How many articles' name and headline stems `article_facts` keeps (a few kB each).
_FACTS_KEPT = 4096

UNDATED = 10**7  # the day number of an article with no date: after every real date


def published_days(articles: Sequence[Article]) -> np.ndarray:
    """Each article's publication date as a day number; undated articles sort last."""
    return np.fromiter(
        (a.published.toordinal() if a.published else UNDATED for a in articles),
        dtype=np.int32,
        count=len(articles),
    )


def passage_tokens(articles: Sequence[Article], table: PassageTable) -> list[list[str]]:
    """The tokens of every passage of `table` (article numbers index `articles`)."""
    return [
        tokenize(articles[a].text[s:e])
        for a, s, e in zip(
            table.article.tolist(), table.start.tolist(), table.end.tolist(), strict=True
        )
    ]


# A quotation this short ("unrealistic") says little by itself: its sentence carries the gist.
# Measured on eval/search (README, "Finding a half-remembered quotation"): up to 20 words the
# reporter's framing helps a static mean more than it blurs it; longer, it blurs.
_SHORT_QUOTE_WORDS = 20
_CONTEXT_WORDS = 16
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*\s+")


def quotation_context(article: Article, quotation: Quotation) -> str:
    """What the semantic stage embeds for a quotation: its words, or, when it is short, the
    words of its sentence around it (up to `_CONTEXT_WORDS` before and a few after), where
    the reporter's paraphrase that frames it is."""
    if len(quotation.text.split()) >= _SHORT_QUOTE_WORDS or not article.paragraphs:
        return quotation.text
    p_start, p_end = article.paragraphs[min(quotation.paragraph, len(article.paragraphs)) - 1]
    text = article.text
    left = p_start
    for match in _SENTENCE_END.finditer(text, p_start, max(p_start, quotation.start - 1)):
        left = match.end()
    after_end = _SENTENCE_END.search(text, min(quotation.end + 1, p_end), p_end)
    right = after_end.end() if after_end else p_end
    before = text[left : quotation.start].split()[-_CONTEXT_WORDS:]
    # Reported speech puts what was said after "that" ("told NATO allies that Ukraine's goal
    # … was “unrealistic”"): the framing before it is who spoke, not the gist.
    lowered = [w.lower() for w in before]
    if "that" in lowered:
        before = before[len(lowered) - lowered[::-1].index("that") :]
    after: list[str] = []
    for word in text[quotation.end : right].split()[:4]:
        if word[:1] in ",.;:" or not after and word in ("”", "’", '"'):
            break
        after.append(word)
        if word[-1:] in ",.;:":
            break
    return " ".join([*before, quotation.text, *after])


def quotation_vectors(
    articles: Sequence[Article], lists: Sequence[Sequence[Quotation]]
) -> VectorIndex:
    """The vector index of every quotation, in index order (article by article)."""
    texts = [quotation_context(articles[a], q) for a, found in enumerate(lists) for q in found]
    # The model itself when the build is small enough (SEMANTIC_QUOTATIONS), else the table.
    return VectorIndex.from_codes(*embed_quotations_quantized(texts))


@dataclass(frozen=True)
class Tables:
    passages: PassageTable
    quotations: QuotationTable
    published: np.ndarray  # day number per article

    def arrays(self) -> dict[str, np.ndarray]:
        return {**self.passages.arrays(), **self.quotations.arrays(), "published": self.published}


class CorpusIndex:
    def __init__(
        self,
        articles: Sequence[Article],
        extract: QuotationExtractor | Sequence[Sequence[Quotation]],
        engine: EngineFactory = SparseBM25.build,
        engines: tuple[Engine, Engine] | None = None,
        tables: Tables | None = None,
        speakers: list[SpeakerEntry] | None = None,
        vectors: VectorIndex | None = None,
        semantic: bool | None = None,
    ) -> None:
        """`extract` is the extractor, or the quotations already extracted, one list an article.

        `engines`, `tables`, `speakers` and `vectors` are prebuilt parts, as loaded from the
        cache; with them nothing is read from `articles` until an answer needs it. `semantic`
        (default: the SEMANTIC_SEARCH setting) says whether quotations are embedded; off,
        the index is exactly the lexical one.
        """
        self.articles: Sequence[Article] = (
            articles if isinstance(articles, Sequence) else tuple(articles)
        )
        lists = [extract(a) for a in self.articles] if callable(extract) else extract
        if tables is None:
            tables = Tables(
                PassageTable.of(self.articles),
                QuotationTable.of(lists),
                published_days(self.articles),
            )
        self.tables = tables
        self.passages: PassageTable = tables.passages
        self.quotations: QuotationTable = tables.quotations
        self._lists = lists
        if engines is not None and (
            engines[0].doc_count != len(self.passages)
            or engines[1].doc_count != len(self.quotations)
        ):
            engines = None  # saved for another corpus state: rebuild rather than mis-rank
        if engines is None:
            engines = (
                engine(passage_tokens(self.articles, self.passages)),
                engine([tokenize(q.quotation.text) for q in self.quotations]),
            )
        self.passage_engine, self.quotation_engine = engines
        if semantic is None:
            semantic = semantic_enabled()
        if not semantic:
            vectors = None
        elif vectors is None or len(vectors) != len(self.quotations):
            vectors = quotation_vectors(self.articles, lists)
        self.vectors: VectorIndex | None = vectors
        self.speakers = speakers if speakers is not None else self._speaker_directory()
        self._speakers_by_key: dict[str, list[int]] = {}
        for i, entry in enumerate(self.speakers):
            for key in entry.name_keys | entry.role_keys:
                self._speakers_by_key.setdefault(key, []).append(i)
        self._speaker_tokens: list[frozenset[str]] | None = None
        self._speakers_by_token: dict[str, list[int]] = {}
        self._entry_by_key: dict[tuple[str, str], int] | None = None
        self._facts: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def _speaker_directory(self) -> list[SpeakerEntry]:
        entries: dict[tuple[str, str], SpeakerEntry] = {}
        for position, indexed in enumerate(self.quotations):
            speaker = indexed.quotation.speaker
            if not speaker.resolved:
                continue
            key = speaker_key(speaker)
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = SpeakerEntry(
                    speaker, name_keys(speaker.name), name_keys(speaker.role)
                )
            assert isinstance(entry.quotations, list)  # built here, not mapped from the cache
            entry.quotations.append(position)
        return list(entries.values())

    def __len__(self) -> int:
        return len(self.articles)

    def find_speakers(self, typed: str) -> list[SpeakerEntry]:
        """Speakers the typed words can mean: a name (or surname), or a role the article gave.

        "Peskov", "Dmitry Peskov", "President Zelenskyy" and "the Kremlin spokesman" all work;
        title words are optional next to a name, but a role alone must match the whole role.
        """
        typed_keys = {name_key(t) for t in words(typed)} - {"the", "a", "an", "of"}
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

    def describe_speakers(self, description: Description) -> dict[int, int]:
        """Speakers whose role or name holds words of a description (see
        bot.search.describe): directory position -> how many words it holds."""
        if self._speaker_tokens is None:
            # Made on first use: a directory of tens of thousands of speakers at archive size.
            self._speaker_tokens = [speaker_tokens(e.speaker) for e in self.speakers]
            for i, held in enumerate(self._speaker_tokens):
                for token in held:
                    self._speakers_by_token.setdefault(token, []).append(i)
        counts: dict[int, int] = {}
        for probe in description.probes:
            holders = {i for token in probe for i in self._speakers_by_token.get(token, ())}
            for i in holders:
                counts[i] = counts.get(i, 0) + 1
        return counts

    def speaker_tokens_of(self, entry: int) -> frozenset[str]:
        """The role and name tokens of a directory entry (after `describe_speakers`)."""
        assert self._speaker_tokens is not None
        return self._speaker_tokens[entry]

    def entry_of(self, speaker: Speaker) -> int | None:
        """The directory position of a speaker, or None (unresolved)."""
        if self._entry_by_key is None:
            self._entry_by_key = {speaker_key(e.speaker): i for i, e in enumerate(self.speakers)}
        return self._entry_by_key.get(speaker_key(speaker))

    def article_quotations(self, article: int) -> Sequence[Quotation]:
        """Every quotation of one article, in text order."""
        return self._lists[article]

    def article_facts(self, article: int) -> tuple[frozenset[str], frozenset[str]]:
        """The stems of the names of the people quoted in an article and of its headline
        (bot.search.describe), kept for the articles asked about most recently."""
        found = self._facts.get(article)
        if found is None:
            if len(self._facts) >= _FACTS_KEPT:
                self._facts.clear()
            quotations = self._lists[article]
            headline = headline_stems(self.articles[article])
            found = self._facts[article] = (person_name_stems(quotations), headline)
        return found

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

    def _holders(self, term: str) -> np.ndarray:
        """The passages holding a token, ascending (the passage index's postings)."""
        engine = self.passage_engine
        if isinstance(engine, SparseBM25):
            ids = engine.lexicon.ids_of([term])
            if not ids:
                return np.zeros(0, dtype=np.int64)
            return engine.doc_ids[int(engine.offsets[ids[0]]) : int(engine.offsets[ids[0] + 1])]
        return np.flatnonzero(engine.scores([term]) != 0)  # another engine: rank-bm25's

    def first_passage(self, articles: Sequence[int]) -> np.ndarray:
        """The position in `passages` of each article's first paragraph."""
        wanted = np.asarray(articles, dtype=np.int64)
        return np.searchsorted(self.passages.article, wanted, side="left")

    def passages_hold(self, term: str, passages: Sequence[int]) -> np.ndarray:
        """Whether each passage holds a token (a binary search each in its postings)."""
        holders = self._holders(term)
        wanted = np.asarray(passages, dtype=np.int64)
        at = np.searchsorted(holders, wanted, side="left")
        found = at < len(holders)
        found[found] = holders[at[found]] == wanted[found]
        return found

    def articles_hold(self, term: str, articles: Sequence[int]) -> np.ndarray:
        """Whether each article has a paragraph holding a token (a binary search each)."""
        holders = self._holders(term)
        wanted = np.asarray(articles, dtype=np.int64)
        starts = np.searchsorted(self.passages.article, wanted, side="left")
        ends = np.searchsorted(self.passages.article, wanted, side="right")
        at = np.searchsorted(holders, starts, side="left")
        found = at < len(holders)
        found[found] = holders[at[found]] < ends[found]
        return found

    def quotation_positions_in(self, passage: Passage) -> list[int]:
        """Positions (in `quotations`) of the quotations that start in a passage."""
        first = int(np.searchsorted(self.quotations.article, passage.article, side="left"))
        return [
            first + i
            for i, q in enumerate(self._lists[passage.article])
            if passage.start <= q.start < passage.end
        ]

    def quotations_in(self, passage: Passage) -> list[IndexedQuotation]:
        return [
            IndexedQuotation(passage.article, q)
            for q in self._lists[passage.article]
            if passage.start <= q.start < passage.end
        ]

    def published(self, article: int) -> int:
        """The article's publication day number (undated: after every dated one)."""
        return int(self.tables.published[article])
