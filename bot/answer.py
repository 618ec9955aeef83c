"""From a parsed question to ranked, cited, verbatim results. Pure: no Slack, no I/O.

Every `Result` is a pair of offsets into one article's text; the words shown are always
`article.text[start:end]`, never text we composed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np

from bot.attribution.model import Quotation
from bot.corpus.articles import Article
from bot.search.describe import parse_description
from bot.search.described import could_describe, rank_described
from bot.search.encoder import query_encoder
from bot.search.index import (
    UNDATED,
    CorpusIndex,
    IndexedQuotation,
    Passage,
    SpeakerEntry,
    name_key,
)
from bot.search.question import Intent, Question, content_terms, content_words
from bot.search.semantic import WORDS_DECIDE, embedder, fuse, lexical_weight
from bot.search.tokenizer import tokenize

MAX_EXCERPT_CHARS = 1200
CANDIDATES = 50
# How much the words count against the meaning when both stages rank (0..1); measured on
# eval/search (scripts/eval_search.py): see README, "Finding a half-remembered quotation".
# The words' weight against the meaning is their match share times this (at most 1); see
# bot.search.semantic.lexical_weight and README, "Finding a half-remembered quotation".
FUSION_SCALE = 1.0
# A sentence ends at . ! or ? (maybe followed by a closing mark) and white space.
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*\s+")


@dataclass(frozen=True)
class Source:
    """Where a result can be read: an article, a paragraph, and the excerpt's offsets."""

    article: Article
    paragraph: int
    start: int
    end: int

    @property
    def excerpt(self) -> str:
        return self.article.text[self.start : self.end]


@dataclass(frozen=True)
class Result:
    source: Source
    quotation: Quotation | None = None  # the attributed quotation this excerpt holds, if any
    also_in: tuple[Source, ...] = ()  # the same quotation reported elsewhere, earliest first
    score: float = 0.0

    @property
    def excerpt(self) -> str:
        return self.source.excerpt

    @property
    def article(self) -> Article:
        return self.source.article


@dataclass(frozen=True)
class Answer:
    question: Question
    results: tuple[Result, ...] = ()
    notice: str | None = None  # a plain statement about the results ("no quotation from X")
    corpus_articles: int = 0
    speakers: tuple[str, ...] = field(default=())  # who a speaker question was taken to mean


def excerpt_span(article: Article, paragraph: int, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around [start, end) within its paragraph, or the paragraph if short.

    Never less than [start, end): a quotation is never shortened here.
    """
    p_start, p_end = article.paragraphs[paragraph - 1]
    if p_end - p_start <= MAX_EXCERPT_CHARS:
        return p_start, p_end
    text = article.text
    left = p_start
    for match in _SENTENCE_END.finditer(text, p_start, max(p_start, start - 1)):
        left = match.end()
    right = p_end
    after = _SENTENCE_END.search(text, min(end + 1, p_end), p_end)
    if after:
        right = after.end()
        while right > left and text[right - 1].isspace():
            right -= 1
    if right - left > MAX_EXCERPT_CHARS:
        # The sentences are too long to show: the quoted words alone, all of them. A renderer
        # with less room cuts them at a word and marks the cut (bot/excerpts.py); nothing here
        # drops words without a mark.
        left, right = start, end
    return left, right


def _quote_key(indexed: IndexedQuotation) -> tuple[str, tuple[str, ...]]:
    speaker = indexed.quotation.speaker.name or ""
    surname = name_key(speaker.split()[-1]) if speaker.split() else ""
    return surname, tuple(tokenize(indexed.quotation.text))


def _contains_phrase(haystack: list[str], needle: list[str]) -> bool:
    if not needle or len(needle) > len(haystack):
        return False
    first = needle[0]
    return any(
        haystack[i] == first and haystack[i : i + len(needle)] == needle
        for i in range(len(haystack) - len(needle) + 1)
    )


class Answerer:
    """Answers questions from one CorpusIndex."""

    def __init__(self, index: CorpusIndex, limit: int = 3) -> None:
        self.index = index
        self.limit = limit

    def answer(self, question: Question, limit: int | None = None) -> Answer:
        limit = limit or self.limit
        size = len(self.index)
        if question.intent in (Intent.HELP, Intent.EMPTY, Intent.TOO_LONG):
            return Answer(question, corpus_articles=size)
        if size == 0:
            return Answer(question, notice="The corpus has no articles yet.", corpus_articles=0)
        if question.intent is Intent.WHO_SAID:
            return self._who_said(question, limit)
        if question.intent is Intent.SPEAKER:
            return self._by_speaker(question, limit)
        return self._search(question, limit)

    def _search(self, question: Question, limit: int) -> Answer:
        """Plain words. A name alone ("Peskov") means that speaker's quotations; a name and a
        topic ("Peskov call") means the speaker's quotations on it, if there are any."""
        words = question.text.split()
        for size in (3, 2, 1):
            for name, rest in ((words[:size], words[size:]), (words[-size:], words[:-size])):
                if len(name) < size or not self.index.find_speakers(" ".join(name)):
                    continue
                topic = content_terms(" ".join(rest))
                as_speaker = replace(
                    question, intent=Intent.SPEAKER, speaker=" ".join(name), terms=topic
                )
                answer = self._by_speaker(as_speaker, limit)
                if not rest or (answer.results and answer.notice is None):
                    return replace(answer, question=question)
        return self._passages(question, question.terms, limit)

    # -- quotations -----------------------------------------------------------------

    def _quotation_result(self, group: list[IndexedQuotation], score: float) -> Result:
        ordered = sorted(group, key=lambda q: self.index.published(q.article))
        sources = [self._quotation_source(q) for q in ordered]
        return Result(sources[0], ordered[0].quotation, tuple(sources[1:]), score)

    def _quotation_source(self, indexed: IndexedQuotation) -> Source:
        article = self.index.articles[indexed.article]
        q = indexed.quotation
        start, end = excerpt_span(article, q.paragraph, q.start, q.end)
        return Source(article, q.paragraph, start, end)

    def _grouped(
        self, ranked: list[tuple[IndexedQuotation, float]], limit: int
    ) -> tuple[Result, ...]:
        """One result per distinct quotation (same speaker, same words), best first."""
        groups: dict[tuple[str, tuple[str, ...]], list[IndexedQuotation]] = {}
        best: dict[tuple[str, tuple[str, ...]], float] = {}
        for indexed, score in ranked:
            key = _quote_key(indexed)
            groups.setdefault(key, []).append(indexed)
            best.setdefault(key, score)
        results: list[Result] = []
        shown: set[tuple[str, int, int]] = set()
        for key in groups:
            result = self._quotation_result(groups[key], best[key])
            # Pieces of one quotation ("…,” she said. “…") share an excerpt: show it once.
            where = (result.article.id, result.source.start, result.source.end)
            if where not in shown:
                shown.add(where)
                results.append(result)
            if len(results) == limit:
                break
        return tuple(results)

    def _with_all_reports(
        self, ranked: list[tuple[IndexedQuotation, float]], limit: int
    ) -> list[tuple[IndexedQuotation, float]]:
        """Add every other report of the leading quotations, so each lists all its sources."""
        seen = {(q.article, q.quotation.start) for q, _ in ranked}
        extra: list[tuple[IndexedQuotation, float]] = []
        searched: set[tuple[str, ...]] = set()
        for indexed, _ in ranked[: limit * 2]:
            # The same words have the same other reports: one search each (a much repeated
            # quotation fills the whole top of the ranking, and each search costs ms).
            words = tuple(tokenize(indexed.quotation.text))
            if words in searched:
                continue
            searched.add(words)
            for other in self.index.same_words(indexed.quotation):
                where = (other.article, other.quotation.start)
                if where not in seen:
                    seen.add(where)
                    extra.append((other, 0.0))
        return ranked + extra

    # -- the semantic stage ---------------------------------------------------------

    def _query_vector(self, question: Question) -> np.ndarray | None:
        """The gist's embedding, or None with the semantic stage off (or no known word)."""
        if self.index.vectors is None or not question.gist:
            return None
        # The question through the transformer itself (the quotations' static vectors were
        # fitted to its space); the static table when its files are missing.
        encoder = query_encoder()
        if encoder is not None and encoder.dims == self.index.vectors.codes.shape[1]:
            vector = encoder.encode(question.gist)
        else:
            vector = embedder().embed([content_words(question.gist) or question.gist])[0]
        return vector if vector.any() else None

    def _fused(
        self, terms: tuple[str, ...], lexical: list[tuple[int, float]], query: np.ndarray | None
    ) -> list[tuple[int, float]]:
        """Quotation positions ranked by words and meaning together (BM25 alone without a
        query vector): each candidate of either stage gets both scores, each scaled to 0..1
        over the candidates, and their weighted sum ranks them."""
        vectors = self.index.vectors
        if query is None or vectors is None:
            return lexical
        bm25 = dict(lexical)
        semantic = vectors.search(query, CANDIDATES)
        positions = list(dict.fromkeys([p for p, _ in lexical] + [p for p, _ in semantic]))
        weight = self._lexical_weight(terms, lexical[0][1] if lexical else 0.0)
        return self._combined(positions, [bm25.get(p, 0.0) for p in positions], query, weight)

    def _lexical_weight(self, terms: tuple[str, ...], best: float) -> float:
        return lexical_weight(self.index.quotation_engine, terms, best, FUSION_SCALE)

    def _combined(
        self, positions: list[int], bm25: list[float], query: np.ndarray, weight: float
    ) -> list[tuple[int, float]]:
        assert self.index.vectors is not None
        cosines = self.index.vectors.similarities(query, np.asarray(positions, dtype=np.int64))
        return fuse(positions, bm25, cosines, weight)

    def _who_said(self, question: Question, limit: int) -> Answer:
        if question.described:
            described = self._by_description(question, limit)
            if described is not None:
                return described
        lexical = self.index.quotation_engine.top_k(question.terms, CANDIDATES)
        weight = self._lexical_weight(question.terms, lexical[0][1] if lexical else 0.0)
        # Words that match fully decide alone (and the question is not embedded at all).
        query = self._query_vector(question) if weight < WORDS_DECIDE else None
        fused = self._fused(question.terms, lexical, query)
        phrase = tokenize(question.phrase or "")
        # An exact phrase outranks a bag of words; the fused (or BM25) order ranks within
        # each. Only BM25's candidates can hold the phrase; of the others, only the few that
        # can still make the answer are looked up (each costs an article's record).
        quotations = self.index.quotations
        found = [(quotations[p], score) for p, score in lexical]
        holding = {
            p
            for (p, _), (q, _) in zip(lexical, found, strict=True)
            if _contains_phrase(tokenize(q.quotation.text), phrase)
        }
        if fused is lexical:  # BM25 alone: its order, phrase holders first (a stable sort)
            ranked = [
                pair
                for (p, _), pair in sorted(
                    zip(lexical, found, strict=True), key=lambda item: item[0][0] not in holding
                )
            ]
        else:
            looked_up = {p: q for (p, _), (q, _) in zip(lexical, found, strict=True)}
            order = [x for x in fused if x[0] in holding]
            order += [x for x in fused if x[0] not in holding][: max(4 * limit, 12)]
            ranked = [(looked_up.get(p) or quotations[p], score) for p, score in order]
        if not ranked:
            answer = self._passages(question, question.terms, limit)
            notice = "No quotation in the corpus holds those words."
            if answer.results:
                notice += " Passages that mention them:"
            return Answer(question, answer.results, notice, len(self.index))
        results = self._grouped(self._with_all_reports(ranked, limit), limit)
        return Answer(question, results, None, len(self.index))

    def _by_description(
        self, question: Question, limit: int, described: str | None = None, strict: bool = False
    ) -> Answer | None:
        """ "which <description> said …": the quotations of the speakers best described, ranked
        by what was said and how closely the words describe them (bot.search.described); None
        when no speaker fits. `strict` (a description typed where a name was expected): only
        speakers whose role or name hold a word of it and who have every word somewhere."""
        description = parse_description(described or question.described or "")
        if not len(description) or not could_describe(self.index, description, strict):
            return None
        terms = question.terms
        found = self.index.quotation_engine.top_k(terms, CANDIDATES) if terms else []
        weight = self._lexical_weight(terms, found[0][1] if found else 0.0)
        query = self._query_vector(question) if terms and weight < WORDS_DECIDE else None
        ranked = rank_described(self.index, description, terms, found, query, weight, strict)
        if ranked is None:
            return None
        results = self._grouped(ranked, limit)
        names = tuple(dict.fromkeys(r.quotation.speaker.name or "" for r in results if r.quotation))
        return Answer(question, results, None, len(self.index), names)

    def _by_speaker(
        self, question: Question, limit: int, entries: list[SpeakerEntry] | None = None
    ) -> Answer:
        if entries is None:
            entries = self.index.find_speakers(question.speaker or "")
        names = tuple(dict.fromkeys(e.speaker.name or "" for e in entries))
        if not entries and question.speaker:
            # "what did the ferry company's chief executive say about …": a description, not
            # a name or a whole role.
            described = self._by_description(question, limit, question.speaker, strict=True)
            if described is not None:
                return described
        if not entries:
            terms = tuple(tokenize(question.speaker or "")) + question.terms
            answer = self._passages(question, terms, limit)
            missing = f"No quotation in the corpus is attributed to {question.speaker}."
            if answer.results:
                missing += " Passages that mention them:"
            return Answer(question, answer.results, missing, len(self.index))
        # A speaker's quotations may be an array (mapped from the cache) or a list.
        positions = np.unique(np.concatenate([np.asarray(e.quotations) for e in entries])).tolist()
        notice: str | None = None
        scores = self.index.quotation_scores(question.terms, positions)
        best = float(scores.max(initial=0.0)) if question.terms else 0.0
        weight = self._lexical_weight(question.terms, best)
        query = None
        if question.terms and weight < WORDS_DECIDE:
            query = self._query_vector(question)
        if query is not None:
            # Every quotation of the speaker(s), by words and meaning together.
            fused = self._combined(positions, scores.tolist(), query, weight)[:CANDIDATES]
            ranked = [(self.index.quotations[p], s) for p, s in fused]
            if best <= 0:
                # Said plainly: none holds the words; these are the nearest in meaning.
                notice = (
                    f"None of the quotations from {', '.join(names)} hold "
                    f"“{question.gist or ' '.join(question.terms)}”. The closest in meaning:"
                )
        elif question.terms:
            # Best first, ties in corpus order; only the candidates are looked up (a much
            # quoted speaker has tens of thousands of quotations in a large archive).
            hit = np.flatnonzero(scores > 0)
            best = hit[np.argsort(-scores[hit], kind="stable")[:CANDIDATES]].tolist()
            ranked = [(self.index.quotations[positions[i]], float(scores[i])) for i in best]
            if not ranked:
                # The searched words are the asker's, not the speaker's: no quotation marks
                # (only a speaker's words stand in them).
                notice = (
                    f"None of the quotations from {', '.join(names)} hold the words "
                    f"{', '.join(question.terms)}. Their latest:"
                )
        if not question.terms or notice:
            # Newest first: what a speaker said most recently is what a reporter wants.
            # Undated articles last; within a day, in article order.
            table = self.index.quotations
            days = self.index.tables.published[table.article[np.asarray(positions)]]
            days = np.where(days >= UNDATED, -1, days)
            order = np.lexsort((np.asarray(positions), -days))
            ranked = [(table[positions[i]], 0.0) for i in order[:CANDIDATES].tolist()]
        results = self._grouped(ranked, limit)
        return Answer(question, results, notice, len(self.index), names)

    # -- passages -------------------------------------------------------------------

    def _passages(self, question: Question, terms: tuple[str, ...], limit: int) -> Answer:
        hits = self.index.top_passages(terms, limit)
        results = tuple(self._passage_result(p, s, terms) for p, s in hits)
        notice = None if results else "Nothing in the corpus matches that."
        return Answer(question, results, notice, len(self.index))

    def _passage_result(self, passage: Passage, score: float, terms: tuple[str, ...]) -> Result:
        article = self.index.articles[passage.article]
        inside = self.index.quotations_in(passage)
        wanted = set(terms)
        best = max(
            inside,
            key=lambda q: len(wanted & set(tokenize(q.quotation.text))),
            default=None,
        )
        if best is not None:
            start, end = excerpt_span(
                article, passage.paragraph, best.quotation.start, best.quotation.end
            )
        else:
            start, end = excerpt_span(article, passage.paragraph, passage.start, passage.end)
        return Result(
            Source(article, passage.paragraph, start, end),
            best.quotation if best else None,
            (),
            score,
        )
