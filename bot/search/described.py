"""Ranking the quotations of the speakers a "which <description> said …" question describes
(how a description is matched: bot.search.describe).

Candidates are the quotations of the speakers whose role or name hold the most words of the
description, those in the paragraphs that best match it (a speaker it names only there), and
those that best match what was said, by words and by meaning. Each is given a tier (how many
description words are found about its speaker, and whether their role or name holds one) and
a score (what was said, 0..1, plus `BETA` times how closely the words describe the speaker,
0..1). The quotations of the speakers with the most words found are ranked by score (a
speaker whose role and name hold none of them only if every word is found about them).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.attribution.model import Quotation
from bot.search.bm25 import SparseBM25
from bot.search.describe import (
    LEVELS,
    Description,
    levels,
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


def could_describe(index: CorpusIndex, description: Description, strict: bool) -> bool:
    """Whether any speaker can be so described: a role or name holds a word of it, or (not
    `strict`) every word is somewhere in the paragraphs; `strict` (typed where a name was
    expected): a role or an organisation's name holds one (not another person's first name).
    A cheap test, so that a question describing nobody ("which official said …" over an
    archive with no such word, "what did <a name nobody has> say") costs no more than before."""
    if strict:
        return bool(index.describe_speakers(description.as_role()))
    if index.describe_speakers(description):
        return True
    engine = index.passage_engine
    if isinstance(engine, SparseBM25):
        stems = description.stems
        return len(engine.lexicon.ids_of(stems)) == len(stems)
    return True


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
    # The quotations of the speakers whose role or name hold the most words, as arrays (a
    # common role such as "spokesperson" holds many thousands of them in a large archive).
    most = max(strong.values(), default=0)
    kept = [(e, n) for e, n in strong.items() if n >= max(1, most - 2)]
    parts = [np.asarray(index.speakers[e].quotations, dtype=np.int64) for e, _ in kept]
    held = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    entries = np.repeat(np.asarray([e for e, _ in kept], dtype=np.int64), [len(x) for x in parts])
    share = np.repeat(np.asarray([n for _, n in kept], dtype=np.float64), [len(x) for x in parts])
    near: dict[int, None] = {}
    for passage, _ in index.top_passages(description.stems, CONTEXT_PASSAGES):
        near.update(dict.fromkeys(index.quotation_positions_in(passage)))
    found = list(found)
    if query is not None and index.vectors is not None:
        found += index.vectors.search(query, CANDIDATES)
    extra = np.asarray([*near, *(p for p, _ in found)], dtype=np.int64)
    positions = np.unique(np.concatenate([held, extra]))
    if not len(positions):
        return None
    said_all = _said(index, terms, positions, query, weight)  # aligned with `positions`
    # What the article says about a speaker is looked up for a few candidates only: the best
    # by what was said and by role and name, the best by what was said, and `near`.
    size = len(description)
    chosen: list[int] = []
    if len(held):
        lead = said_all[np.searchsorted(positions, held)] + BETA * share / size
        chosen += held[_best(lead, held, DESCRIBED_CANDIDATES)].tolist()
    chosen += positions[_best(said_all, positions, SAID_CANDIDATES)].tolist()
    chosen = list(dict.fromkeys([*chosen, *near]))
    picked = np.asarray(chosen, dtype=np.int64)
    said = dict(zip(chosen, said_all[np.searchsorted(positions, picked)].tolist(), strict=True))
    order = np.argsort(held, kind="stable")
    at = np.searchsorted(held, picked, sorter=order)
    inside = at < len(held)
    inside[inside] = held[order[at[inside]]] == picked[inside]
    entry_at = {
        int(p): int(entries[order[i]]) for p, i, ok in zip(picked, at, inside, strict=True) if ok
    }
    scored = _scored(index, description, chosen, entry_at, said)
    if not scored:
        return None
    covered = max(tier[0] for tier, _, _ in scored)
    named = any(tier == (covered, True) for tier, _, _ in scored)
    # At least half the words about someone whose role or name holds one; every word about
    # someone described only by the narrative around them.
    if covered * 2 < size or (not named or strict) and covered < size:
        return None
    ranked = [
        (index.quotations[p], score)
        for tier, score, p in sorted(scored, key=lambda item: (-item[1], item[2]))
        if tier[0] == covered and (tier[1] or covered == size) and not (strict and not tier[1])
    ]
    return ranked or None


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
            facts[article] = (index.article_quotations(article), *index.article_facts(article))
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


def _best(values: np.ndarray, positions: np.ndarray, k: int) -> np.ndarray:
    """Indexes of the k highest values, ties by lower position, best first."""
    order = np.lexsort((positions, -values))
    return order[:k]


def _said(
    index: CorpusIndex,
    terms: tuple[str, ...],
    positions: np.ndarray,
    query: np.ndarray | None,
    weight: float,
) -> np.ndarray:
    """How well each quotation matches what the question says was said, 0..1, on one scale
    for every candidate (not stretched over them: a few candidates would turn a small
    difference into the whole range): BM25 as a share of the most the words could score,
    and, with a query vector, its cosine, weighed as the fused ranking weighs them."""
    if not terms:
        return np.zeros(len(positions))
    scores = index.quotation_scores(terms, positions.tolist())
    bound = getattr(index.quotation_engine, "bound", None)
    most = bound(terms)[0] if bound is not None else float(scores.max(initial=0.0))
    said = np.clip(scores / most, 0.0, 1.0) if most > 0 else np.zeros(len(positions))
    if query is not None and index.vectors is not None:
        cosines = np.clip(index.vectors.similarities(query, positions), 0.0, 1.0)
        said = weight * said + (1 - weight) * cosines
    return said
