"""Ranking the quotations of the speakers a "which <description> said …" question describes
(how a description is matched: bot.search.describe).

Candidates are the quotations of the speakers whose role or name hold the most words of the
description, those in the paragraphs that best match it (a speaker it names only there), and
those that best match what was said, by words and by meaning. Each is given a tier (how many
description words are found about its speaker, and whether their role or name holds one) and
a score (what was said, 0..1, plus `BETA` times how closely the words describe the speaker,
0..1); the best tier's quotations are ranked by score.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.attribution.model import Quotation
from bot.search.describe import (
    LEVELS,
    Description,
    headline_stems,
    levels,
    person_name_stems,
)
from bot.search.index import CorpusIndex, IndexedQuotation
from bot.search.tokenizer import fold

# Candidates looked at closely: the best by what was said and by role and name, the best by
# what was said alone, and the quotations of the paragraphs best matching the description.
DESCRIBED_CANDIDATES = 30
SAID_CANDIDATES = 20
CONTEXT_PASSAGES = 10
CANDIDATES = 50
# How much the description counts against what was said (both 0..1). Not fitted: 1 lets a
# clearly better description outweigh a somewhat better match of the words, and what was
# said decide between speakers described alike.
BETA = 1.0

Scored = tuple[tuple[int, bool], float, int]  # tier, score, position


def rank_described(
    index: CorpusIndex,
    description: Description,
    terms: tuple[str, ...],
    found: list[tuple[int, float]],
    query: np.ndarray | None,
    weight: float,
    strict: bool,
) -> list[tuple[IndexedQuotation, float]] | None:
    """The described speakers' quotations, best first; None when no speaker fits. `found`:
    BM25's best quotations for what was said; `query` and `weight`: its meaning and how far
    the words count against it (as the fused ranking weighs them). `strict`: only speakers
    whose role or name hold a word and who have every word somewhere."""
    strong = index.describe_speakers(description)
    if strict and not strong:
        return None
    entry_at: dict[int, int] = {}
    most = max(strong.values(), default=0)
    for entry, held in strong.items():
        if held >= max(1, most - 2):
            positions_of = np.asarray(index.speakers[entry].quotations).tolist()
            entry_at.update(dict.fromkeys(positions_of, entry))
    near: dict[int, None] = {}
    for passage, _ in index.top_passages(description.stems, CONTEXT_PASSAGES):
        near.update(dict.fromkeys(index.quotation_positions_in(passage)))
    found = list(found)
    if query is not None and index.vectors is not None:
        found += index.vectors.search(query, CANDIDATES)
    positions = list(dict.fromkeys([*entry_at, *near, *(p for p, _ in found)]))
    if not positions:
        return None
    said = _said(index, terms, positions, query, weight)
    # What the article says about a speaker is looked up for a few candidates only.
    size = len(description)
    first = sorted(entry_at, key=lambda p: (-(said[p] + BETA * strong[entry_at[p]] / size), p))
    chosen = first[:DESCRIBED_CANDIDATES]
    chosen += sorted(positions, key=lambda p: (-said[p], p))[:SAID_CANDIDATES]
    chosen += near
    scored = _scored(index, description, list(dict.fromkeys(chosen)), entry_at, said)
    if not scored:
        return None
    best = max(tier for tier, _, _ in scored)
    covered, named = best
    # At least half the words about someone whose role or name holds one; every word about
    # someone described only by the narrative around them.
    if covered * 2 < size or (not named or strict) and covered < size:
        return None
    return [
        (index.quotations[p], score)
        for tier, score, p in sorted(scored, key=lambda item: (-item[1], item[2]))
        if tier == best
    ]


def _scored(
    index: CorpusIndex,
    description: Description,
    chosen: list[int],
    entry_at: dict[int, int],
    said: dict[int, float],
) -> list[Scored]:
    """Each candidate quotation's tier and score, with its position; unresolved speakers
    left out (quotations first, with their speakers)."""
    found_where = [index.quotations[p] for p in chosen]
    facts: dict[int, tuple[Sequence[Quotation], frozenset[str], frozenset[str]]] = {}
    wanted: list[tuple[int, int, list[int], list[int]]] = []  # position, entry, paragraphs
    for position, indexed in zip(chosen, found_where, strict=True):
        who = entry_at.get(position)
        if who is None:
            who = index.entry_of(indexed.quotation.speaker)
        if who is None:
            continue
        article = indexed.article
        if article not in facts:
            quotations = index.article_quotations(article)
            headline = headline_stems(index.articles[article])
            facts[article] = (quotations, person_name_stems(quotations), headline)
        # Every paragraph quoting the same name in this article (the directory keeps one entry
        # per name and role: "head of the union branch" and later "the union leader").
        name = fold(index.speakers[who].speaker.name or "")
        own = sorted({q.paragraph for q in facts[article][0] if fold(q.speaker.name or "") == name})
        before = sorted({p - 1 for p in own if p > 1} - set(own))
        wanted.append((position, who, own, before))
    if not wanted:
        return []
    articles = sorted(facts)
    first = dict(zip(articles, index.first_passage(articles).tolist(), strict=True))
    passages = sorted(
        {
            first[index.quotations[p].article] + n - 1
            for p, _, own, before in wanted
            for n in (*own, *before)
        }
    )
    holds = {
        term: (
            dict(zip(passages, index.passages_hold(term, passages).tolist(), strict=True)),
            dict(zip(articles, index.articles_hold(term, articles).tolist(), strict=True)),
        )
        for term in description.stems
    }
    size = len(description)
    scored = []
    for position, who, own, before in wanted:
        article = index.quotations[position].article
        _, names, headline = facts[article]
        at = first[article] - 1
        # A person's name in the paragraphs describes nobody ("Ferris" is not "ferry").
        usable = [(t, t not in names) for t in description.stems]
        own_holds = [ok and any(holds[t][0][at + n] for n in own) for t, ok in usable]
        before_holds = [ok and any(holds[t][0][at + n] for n in before) for t, ok in usable]
        anywhere = [t in headline or (ok and holds[t][1][article]) for t, ok in usable]
        found_at = levels(
            description, index.speaker_tokens_of(who), own_holds, before_holds, anywhere
        )
        covered = sum(1 for level in found_at if level > 0)
        tier = (covered, max(found_at) >= LEVELS[0])
        scored.append((tier, said[position] + BETA * sum(found_at) / size, position))
    return scored


def _said(
    index: CorpusIndex,
    terms: tuple[str, ...],
    positions: list[int],
    query: np.ndarray | None,
    weight: float,
) -> dict[int, float]:
    """How well each quotation matches what the question says was said, 0..1, on one scale
    for every candidate (not stretched over them: a few candidates would turn a small
    difference into the whole range): BM25 as a share of the most the words could score,
    and, with a query vector, its cosine, weighed as the fused ranking weighs them."""
    if not terms:
        return dict.fromkeys(positions, 0.0)
    scores = index.quotation_scores(terms, positions)
    bound = getattr(index.quotation_engine, "bound", None)
    most = bound(terms)[0] if bound is not None else float(scores.max(initial=0.0))
    said = np.clip(scores / most, 0.0, 1.0) if most > 0 else np.zeros(len(positions))
    if query is not None and index.vectors is not None:
        rows = np.asarray(positions, dtype=np.int64)
        cosines = np.clip(index.vectors.similarities(query, rows), 0.0, 1.0)
        said = weight * said + (1 - weight) * cosines
    return dict(zip(positions, said.tolist(), strict=True))
