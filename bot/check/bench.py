"""The check's benchmark, on `python -m bot bench`'s generated archive (see bot/bench.py).

The generated passages become articles of 20 paragraphs; 60% of the passages hold one
attributed quotation (their last three quarters, said by a generated person), so 1,000,000
passages carry 600,000 quotations. The quotation index is built like the passage index (the
same `SparseBM25`), and the checker runs on a `CorpusIndex` made of both, as in the worker.

Claims of 20 words, a fifth each: a verbatim stretch of a quotation, the same with two words
changed, with one word dropped, with one word added, and 20 words drawn from the vocabulary
(invented). Each claim is timed ``repeat`` times, the best kept (as for search), and the
verdicts are checked against what was generated.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from bot.attribution.model import Quotation, Speaker, SpeakerKind, When
from bot.check.checker import Checker, Verdict
from bot.corpus.articles import Article
from bot.search.bm25 import SparseBM25
from bot.search.engine import Engine
from bot.search.index import CorpusIndex, PassageTable, QuotationTable, Tables, published_days

if TYPE_CHECKING:
    from bot.bench_corpus import Corpus

PARAGRAPHS = 20
CLAIM_WORDS = 20
KINDS = ("verbatim", "changed", "dropped", "added", "invented")
EXPECTED = {
    "verbatim": Verdict.EXACT,
    "changed": Verdict.CLOSE,
    "dropped": Verdict.CLOSE,
    "added": Verdict.CLOSE,
    "invented": Verdict.NOT_FOUND,
}


def archive(
    docs: Sequence[Sequence[str]],
    people: Sequence[tuple[str, str]],
    people_p: np.ndarray,
    passage_engine: Engine,
    seed: int = 11,
) -> CorpusIndex:
    """Articles, quotations and both engines for the generated passages `docs`."""
    rng = np.random.default_rng(seed)
    quoted = rng.random(len(docs)) < 0.6
    speakers = rng.choice(len(people), size=len(docs), p=people_p)
    day0 = dt.date(2024, 1, 1).toordinal()
    articles: list[Article] = []
    lists: list[tuple[Quotation, ...]] = []
    quote_tokens: list[Sequence[str]] = []
    for first in range(0, len(docs), PARAGRAPHS):
        number = first // PARAGRAPHS
        published = dt.date.fromordinal(day0 + number % 700)
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        found: list[Quotation] = []
        at = 0
        for p in range(first, min(first + PARAGRAPHS, len(docs))):
            doc = docs[p]
            text = " ".join(doc) + "."
            spans.append((at, at + len(text)))
            if quoted[p] and len(doc) >= 8:
                cut = len(doc) // 4
                start = at + len(" ".join(doc[:cut])) + 1
                end = at + len(text) - 1
                first_name, last = people[int(speakers[p])]
                found.append(
                    Quotation(
                        f"a{number}",
                        start,
                        end,
                        text[start - at : end - at],
                        Speaker(f"{first_name.title()} {last.title()}", None, SpeakerKind.PERSON),
                        "said",
                        None,
                        When(None, published.isoformat(), True),
                        len(spans),
                        len(found),
                    )
                )
                quote_tokens.append(doc[cut:])
            parts.append(text)
            at += len(text) + 1
        body = "\n".join(parts)
        articles.append(Article(f"a{number}", body, tuple(spans), published=published))
        lists.append(tuple(found))
    quotation_engine = SparseBM25.build(quote_tokens)
    tables = Tables(PassageTable.of(articles), QuotationTable.of(lists), published_days(articles))
    return CorpusIndex(articles, lists, engines=(passage_engine, quotation_engine), tables=tables)


def claims(
    index: CorpusIndex, vocabulary: Sequence[str], count: int, seed: int = 5
) -> list[tuple[str, str]]:
    """(kind, claim) pairs, the kinds in turn (see module docstring)."""
    rng = np.random.default_rng(seed)
    table = index.quotations
    out: list[tuple[str, str]] = []
    while len(out) < count:
        kind = KINDS[len(out) % len(KINDS)]
        if kind == "invented":
            picks = rng.integers(len(vocabulary), size=CLAIM_WORDS)
            out.append((kind, " ".join(vocabulary[int(i)] for i in picks)))
            continue
        quotation = table[int(rng.integers(len(table)))].quotation
        said = quotation.text.rstrip(".").split()
        if len(said) < CLAIM_WORDS + 2:
            continue
        at = int(rng.integers(len(said) - CLAIM_WORDS + 1))
        words = said[at : at + CLAIM_WORDS]
        where = int(rng.integers(1, CLAIM_WORDS - 1))
        if kind == "changed":
            for w in (where, (where + 7) % (CLAIM_WORDS - 2) + 1):
                words[w] = vocabulary[int(rng.integers(len(vocabulary)))]
        elif kind == "dropped":
            del words[where]
        elif kind == "added":
            words.insert(where, vocabulary[int(rng.integers(len(vocabulary)))])
        out.append((kind, " ".join(words)))
    return out


def run(index: CorpusIndex, vocabulary: Sequence[str], count: int, repeat: int) -> dict:
    """Latency (p50/p95/max, ms) and right verdicts per kind over `count` claims."""
    checker = Checker(index)
    pairs = claims(index, vocabulary, count)
    for _, claim in pairs[:20]:  # warm up
        checker.check(claim)
    latencies: list[float] = []
    right = {k: [0, 0] for k in KINDS}
    for kind, claim in pairs:
        best = math.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            result = checker.check(claim)
            best = min(best, time.perf_counter() - t0)
        latencies.append(best)
        right[kind][0] += result.verdict is EXPECTED[kind]
        right[kind][1] += 1
    ms = np.asarray(latencies) * 1000
    return {
        "claims": len(pairs),
        "claim_words": CLAIM_WORDS,
        "passages": len(index.passages),
        "quotations": len(index.quotations),
        "p50_ms": round(float(np.percentile(ms, 50)), 2),
        "p95_ms": round(float(np.percentile(ms, 95)), 2),
        "max_ms": round(float(ms.max()), 2),
        "right_verdicts": {k: round(r / n, 3) for k, (r, n) in right.items() if n},
    }


def on_corpus(
    corpus: Corpus, engine: SparseBM25, count: int, repeat: int, say: Callable[[str], None]
) -> dict:
    """The check on `python -m bot bench`'s archive (its passage engine reused): build, time."""
    t0 = time.perf_counter()
    index = archive(corpus.docs, corpus.people, corpus.people_p, engine)
    built = time.perf_counter() - t0
    vocabulary = sorted({w for doc in corpus.docs[:2000] for w in doc})
    result = run(index, vocabulary, count, repeat)
    result["archive_build_s"] = round(built, 1)
    say(
        f"[{len(corpus.docs):,}] check: {result['claims']} claims of {result['claim_words']} "
        f"words, p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms"
    )
    del index
    gc.collect()
    return result


def summary_line(r: dict) -> str:
    """One line of the benchmark table for the check of result `r`."""
    c = r.get("check")
    if not c:
        return f"{r['passages']:>10,} (no check run)"
    right = ", ".join(f"{k} {v:.0%}" for k, v in c["right_verdicts"].items())
    return (
        f"{r['passages']:>10,} check: {c['claims']} claims of {c['claim_words']} words against "
        f"{c['passages']:,} passages / {c['quotations']:,} quotations: p50 {c['p50_ms']:.2f} ms, "
        f"p95 {c['p95_ms']:.2f} ms, max {c['max_ms']:.2f} ms; right verdicts: {right}"
    )
