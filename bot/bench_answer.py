"""Whole answers at archive size, semantic stage on and off (part of `python -m bot bench`).

What the worker does for a question, without Slack: `Whosaid.ask` (a speaker's timeline, or
the question parsed and answered: BM25, with the semantic stage the question through the
encoder, the vector search and the fusion, then grouping, other reports of each quotation,
excerpts cut at sentences), and every result's excerpt read from its article, as a reply
shows them. Timed from the question's text to those excerpts.

The archive is the benchmark's generated corpus as articles of 20 paragraphs: a passage with
"<first> <last> said" after some words becomes “<words>,” First Last said. <the rest>., so
the words before are a quotation of that person (as `scripts/bench_slack.py` renders it);
the quotations are made here with their offsets rather than by the extractor, which would
take minutes at 1,000,000 passages and is timed elsewhere. Every rendered paragraph
tokenizes to its generated passage (checked on a sample), so the benchmark's passage index
is the answer's passage index. Two indexes share everything but the vectors: one with the
quotations embedded (semantic on), one without (off, exactly the lexical answers).

The questions are the benchmark's plus its paraphrases. Each path gets one warm-up pass, then
the best of `repeat` runs per question, like the other figures.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import partial

import numpy as np

from bot.answer import Answerer
from bot.attribution.model import Quotation, Speaker, SpeakerKind
from bot.bench_semantic import best_of
from bot.corpus.articles import Article
from bot.search.bm25 import SparseBM25
from bot.search.encoder import QueryEncoder, query_encoder
from bot.search.index import CorpusIndex, PassageTable, passage_tokens, quotation_vectors
from bot.search.index_merge import merged_index
from bot.search.tokenizer import tokenize
from bot.service import Snapshot, Whosaid

PARAGRAPHS_PER_ARTICLE = 20
_FIRST_DAY = date(2020, 1, 1)


def render(
    docs: Sequence[Sequence[str]], people: Sequence[tuple[str, str]]
) -> tuple[list[Article], list[list[Quotation]], list[list[str]]]:
    """Articles of the passages, their quotations (one list an article) and each quotation's
    tokens (the words before "<first> <last> said", which is what it tokenizes to)."""
    names = {(f, last): f"{f.title()} {last.title()}" for f, last in people}
    speakers: dict[str, Speaker] = {}
    articles: list[Article] = []
    lists: list[list[Quotation]] = []
    tokens: list[list[str]] = []
    for first in range(0, len(docs), PARAGRAPHS_PER_ARTICLE):
        number = first // PARAGRAPHS_PER_ARTICLE
        article_id = f"a{number}"
        text = ""
        spans: list[tuple[int, int]] = []
        found: list[Quotation] = []
        for paragraph, doc in enumerate(docs[first : first + PARAGRAPHS_PER_ARTICLE], 1):
            if text:
                text += "\n\n"
            start = len(text)
            quoted = _quoted(doc, names)
            if quoted is None:
                text += " ".join(doc).capitalize() + "."
            else:
                at, name = quoted
                words = " ".join(doc[:at]).capitalize()
                rest = " ".join(doc[at + 3 :]).capitalize()
                text += f"“{words},” {name} said." + (f" {rest}." if rest else "")
                speaker = speakers.setdefault(name, Speaker(name, None, SpeakerKind.PERSON))
                q_start = start + 1
                found.append(
                    Quotation(
                        article_id,
                        q_start,
                        q_start + len(words),
                        words,
                        speaker,
                        "said",
                        None,
                        None,
                        paragraph,
                        len(found),
                    )
                )
                tokens.append(list(doc[:at]))
            spans.append((start, len(text)))
        articles.append(
            Article(
                article_id,
                text,
                tuple(spans),
                headline=f"Generated article {number}",
                outlet="Bench",
                published=_FIRST_DAY + timedelta(days=number % 2000),
            )
        )
        lists.append(found)
    return articles, lists, tokens


def _quoted(doc: Sequence[str], names: dict[tuple[str, str], str]) -> tuple[int, str] | None:
    """Where "<first> <last> said" starts in `doc` after at least one word, and the name."""
    for i in range(1, len(doc) - 2):
        if doc[i + 2] == "said":
            name = names.get((doc[i], doc[i + 1]))
            if name:
                return i, name
    return None


def _pct(values: Sequence[float], q: float) -> float:
    return round(float(np.percentile(np.asarray(values) * 1000, q)), 3)


def _calls(encoder: QueryEncoder | None) -> int:
    return 0 if encoder is None else encoder.calls


def _service(index: CorpusIndex, limit: int = 3) -> Whosaid:
    """A `Whosaid` answering from `index`, as the worker's does once its index is live."""
    service = Whosaid.__new__(Whosaid)
    service.limit = limit
    service._snapshot = Snapshot(index, Answerer(index, limit), (), {})
    return service


def run_answers(
    docs: Sequence[Sequence[str]],
    people: Sequence[tuple[str, str]],
    passages: SparseBM25,
    texts: Sequence[str],
    repeat: int,
    say: Callable[[str], None],
) -> dict:
    """Whole answers to `texts` over `docs` as articles, semantic stage off and on."""
    t0 = time.perf_counter()
    articles, lists, tokens = render(docs, people)
    sample = articles[:20]
    rendered = passage_tokens(sample, PassageTable.of(sample))
    said = [tokenize(q.text) for found in lists[:20] for q in found]
    if rendered != [list(d) for d in docs[: len(rendered)]] or said != tokens[: len(said)]:
        raise AssertionError("a rendered paragraph does not tokenize to its passage")
    quotations = SparseBM25.build(tokens)
    render_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    vectors = quotation_vectors(articles, lists)
    vectors_s = time.perf_counter() - t0
    off = CorpusIndex(articles, lists, engines=(passages, quotations), semantic=False)
    on = CorpusIndex(
        articles,
        lists,
        engines=(passages, quotations),
        tables=off.tables,
        speakers=off.speakers,
        vectors=vectors,
        semantic=True,
    )
    say(
        f"[{len(docs):,}] whole answers: {len(articles):,} articles, {len(tokens):,} "
        f"quotations rendered and indexed in {render_s:.1f}s, embedded in {vectors_s:.1f}s"
    )
    services = {"off": _service(off), "on": _service(on)}

    encoder = query_encoder()

    def answer(path: str, text: str) -> list[str]:
        if encoder is not None:
            encoder.forget()  # every timed answer embeds its question afresh
        reply = services[path].ask(text)
        return [s.excerpt for r in reply.results for s in (r.source, *r.also_in)]

    # One warm-up pass each, counting the questions the encoder embeds (the others are
    # decided by their words, or are a speaker's timeline).
    embedded = 0
    for text in texts:
        answer("off", text)
        before = _calls(encoder)
        answer("on", text)
        embedded += _calls(encoder) > before
    latency: dict[str, list[float]] = {path: [] for path in services}
    for text in texts:
        for path in services:
            latency[path].append(best_of(repeat, partial(answer, path, text)))
    same = sum(answer("off", t) == answer("on", t) for t in texts)
    added = {path: _add_article(index, docs, people) for path, index in (("off", off), ("on", on))}
    return {
        "articles": len(articles),
        "quotations": len(tokens),
        "questions": len(texts),
        "embedded": embedded,
        "off_p50_ms": _pct(latency["off"], 50),
        "off_p95_ms": _pct(latency["off"], 95),
        "on_p50_ms": _pct(latency["on"], 50),
        "on_p95_ms": _pct(latency["on"], 95),
        "on_p99_ms": _pct(latency["on"], 99),
        "same_excerpts_on_off": round(same / len(texts), 3),
        "add_article_off_s": round(added["off"], 3),
        "add_article_on_s": round(added["on"], 3),
    }


def _add_article(
    index: CorpusIndex, docs: Sequence[Sequence[str]], people: Sequence[tuple[str, str]]
) -> float:
    """Seconds to merge one new article into `index` as a re-index does (`merged_index`:
    kept articles copied, the new one read, tokenized and, with the semantic stage, embedded).
    What the worker adds on top (noticing the file, the re-index process, the swap) is timed
    end to end by scripts/bench_slack.py."""
    (article,), (found,), _ = render(docs[:PARAGRAPHS_PER_ARTICLE], people)
    article = replace(article, id="added")
    found = [replace(q, article_id="added") for q in found]
    t0 = time.perf_counter()
    merged = merged_index(index, [range(len(index.articles)), [(article, found)]])
    seconds = time.perf_counter() - t0
    if len(merged.articles) != len(index.articles) + 1:
        raise AssertionError("the added article is not in the merged index")
    return seconds
