"""Benchmark: rank-bm25's BM25Okapi against our sparse index, in one run, on a generated corpus.

    python -m bot bench [--passages N] [--queries N] [--rank-queries N] [--repeat R] [--json]
                        [--claims N] [--check-only]

The quotation check (`bot.check`) is timed on the same archive (`bot/check/bench.py`):
20-word claims against every passage and the 60% of passages that hold a quotation.

Corpus: seeded and reproducible; news-like: a Zipf-Mandelbrot vocabulary whose head is real
English function words (so "the" ends up in most passages and gets rank-bm25's idf floor),
real news words, then generated words for the long tail; topics with their own words; quoted
people (first and last names, themselves Zipf-distributed) and "said". Passages are generated
directly as tokens (tokenizing 1,000,000 texts would dominate the run); every vocabulary word
is a fixed point of `bot.search.tokenizer.tokenize`, and a sample of passages is rendered as
text and checked to tokenize back to the same tokens. Queries are written as text (names,
name + topic, keywords, natural questions) and tokenized with `tokenize`.

Measured, per engine: build seconds; peak resident memory growth during the build (VmHWM, reset
through /proc/self/clear_refs, minus the RSS before); index memory (rank-bm25: the deep size
of its per-document dicts, doc lengths and idf dict; ours: its arrays plus its lexicon);
p50/p95 latency of a top-10 query (rank-bm25: get_scores + argsort, i.e. what get_top_n does),
each query timed ``--repeat`` times (3 by default) keeping the best, for both engines alike:
on a shared 2-core machine other processes otherwise decide the tail (``--repeat 1``: one
shot, which for us is also a cold-cache query).
At 1,000,000 passages rank-bm25 takes over a second a query, so it is timed on an evenly spread
subset of the queries (``--rank-queries``, 20 by default there) and the report says so.

Top-10 identity is checked on the queries rank-bm25 ran: ``top10_identical`` compares our
(document, score) list with rank-bm25's own scores ranked by score, ties by ascending document
id (scores must be bit-identical); ``top10_identical_get_top_n`` compares with get_top_n's
literal order, whose order among tied scores is whatever NumPy's unstable argsort produced.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.check import bench as check_bench
from bot.search.bm25 import SparseBM25, warm_up
from bot.search.tokenizer import tokenize

SIZES = (10_000, 100_000, 1_000_000)

# Function words in rough frequency order (the head of a news Zipf curve).
_STOP = (
    "the of and to a in that is for on was with he it as said his at by from be have has "
    "but are not they this had who an were which their been would will its or we one more "
    "after also i about there new up when last first two than out year people all can other "
    "she into over her could some what if time no years just three only so because do them "
    "like percent before most government him many told our where those how since back while "
    "did against then during under between now made you may such any both week whether "
    "should these through well being very says even us through still however around own"
).split()
_NEWS = (
    "minister president election budget police court war ukraine russia china tax taxes "
    "economy inflation prices rates bank health hospital school teachers strike union "
    "energy climate emissions oil gas market shares company chief executive officials "
    "spokesperson statement report investigation security military troops ceasefire talks "
    "parliament vote campaign party leader opposition reform housing rent prices interest "
    "deficit spending council mayor city transport rail airport flights migrants border "
    "asylum crime prison judge trial verdict lawsuit regulators technology data privacy "
    "artificial intelligence football club season coach players match championship "
    "weather storm flooding wildfire drought farmers food exports tariffs trade deal "
    "sanctions embassy diplomats summit treaty nuclear vaccine virus patients doctors "
    "nurses wages jobs unemployment pensions welfare budgetary fiscal monetary growth "
    "recession investors stocks bonds currency dollar euro pound refugees protest protesters "
    "demonstration arrested charged accused alleged denied confirmed announced warned "
    "promised rejected criticised praised insisted admitted"
).split()
_FIRST = (
    "maria john anna james elena david sarah michael olga peter laura ahmed fatima li wei "
    "carlos sofia ivan natalia kenji yuki amara kwame priya raj emma lucas hannah omar "
    "leila marco giulia pierre claire hans ingrid jan eva tomas zofia mehmet ayse daniel "
    "rachel samuel grace victor irina oleksandr volodymyr rishi keir emmanuel olaf giorgia"
).split()
_SYLLABLES = (
    "ka lo mi ra ne to sa vi de po lu ma ri no be fa gu ha je ko la mo nu pe qu ro si ta "
    "ve wo xa yo ze an el in or us ar en il on ur"
).split()


@dataclass
class Corpus:
    docs: list[list[str]]
    topics: list[list[str]]  # words of each topic
    people: list[tuple[str, str]]  # (first, last)
    people_p: np.ndarray  # Zipf popularity of people
    tokens: int


def _fixed(words: Sequence[str]) -> list[str]:
    """Each word's token (its stem) where that token tokenizes to itself; order kept, no repeats."""
    out = []
    for word in words:
        token = tokenize(word)
        if len(token) == 1 and tokenize(token[0]) == token:
            out.append(token[0])
    return list(dict.fromkeys(out))


def _words(rng: np.random.Generator, count: int, lo: int, hi: int) -> list[str]:
    """`count` distinct generated words of lo..hi syllables, each a fixed point of `tokenize`."""
    out: set[str] = set()
    syl = np.array(_SYLLABLES)
    while len(out) < count:
        n = count - len(out)
        sizes = rng.integers(lo, hi + 1, size=n)
        picks = rng.integers(len(syl), size=(n, hi))
        for size, row in zip(sizes, picks, strict=True):
            word = "".join(syl[row[:size]])
            if tokenize(word) == [word]:  # stems of their own (not "ravies" -> "ravi")
                out.add(word)
    return sorted(out)


def generate_corpus(passages: int, seed: int = 20261127) -> Corpus:
    """A reproducible news-like corpus of `passages` token lists (see module docstring)."""
    rng = np.random.default_rng(seed)
    # Vocabulary grows with the corpus (Heaps' law), so the tail is sized to it.
    tail = int(min(600_000, 30_000 + passages * 0.6))
    generated = _words(rng, tail, 2, 5)
    stop = _fixed(_STOP)
    news = [w for w in _fixed(_NEWS) if w not in stop]
    known = set(stop) | set(news)
    vocab = stop + news + [w for w in generated if w not in known]
    ranks = np.arange(1, len(vocab) + 1, dtype=np.float64)
    weights = 1.0 / (ranks + 2.7) ** 1.07  # Zipf-Mandelbrot
    cdf = np.cumsum(weights)
    cdf /= cdf[-1]

    # Topics: 80, each with 40 words drawn from the news words and the mid-frequency range.
    n_topics = 80
    pool = np.arange(len(stop), min(len(vocab), 20_000))
    topic_words = np.stack([rng.choice(pool, size=40, replace=False) for _ in range(n_topics)])
    topic_p = 1.0 / np.arange(1, n_topics + 1) ** 0.8
    topic_p /= topic_p.sum()
    within = 1.0 / np.arange(1, 41) ** 0.9
    within /= within.sum()

    # People: first names x generated surnames; popularity is Zipf too.
    n_people = max(2_000, passages // 50)
    firsts = _fixed(_FIRST)
    surnames = _words(rng, n_people // 2 + 1000, 2, 4)
    people = [
        (firsts[int(rng.integers(len(firsts)))], surnames[int(rng.integers(len(surnames)))])
        for _ in range(n_people)
    ]
    people_p = 1.0 / np.arange(1, n_people + 1) ** 0.9
    people_p /= people_p.sum()
    base = len(vocab)
    vocab_index = {w: i for i, w in enumerate(vocab)}
    first_ids = {w: base + i for i, w in enumerate(firsts)}
    last_ids: dict[str, int] = {}
    for _, last in people:
        if last not in last_ids and last not in vocab_index:
            last_ids[last] = base + len(firsts) + len(last_ids)
    all_words = np.array(vocab + firsts + list(last_ids), dtype=object)
    person_first = np.array([first_ids[f] for f, _ in people])
    person_last = np.array([last_ids.get(s, vocab_index.get(s, 0)) for _, s in people])

    lengths = np.clip(rng.normal(38, 14, size=passages), 8, 120).astype(np.int64)
    total = int(lengths.sum())
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    doc_of = np.repeat(np.arange(passages), lengths)
    ids = np.searchsorted(cdf, rng.random(total))
    # A fifth of the words come from the passage's topic.
    topic = rng.choice(n_topics, size=passages, p=topic_p)
    mask = rng.random(total) < 0.2
    picks = rng.choice(40, size=int(mask.sum()), p=within)
    ids[mask] = topic_words[topic[doc_of[mask]], picks]
    # Most passages quote someone: "<first> <last> said".
    quoted = np.flatnonzero(rng.random(passages) < 0.6)
    who = rng.choice(n_people, size=len(quoted), p=people_p)
    at = starts[quoted] + (rng.random(len(quoted)) * (lengths[quoted] - 3)).astype(np.int64)
    ids[at] = person_first[who]
    ids[at + 1] = person_last[who]
    ids[at + 2] = vocab_index["said"]
    flat = all_words[ids].tolist()
    bounds = np.concatenate((starts, [total])).tolist()
    docs = [flat[bounds[i] : bounds[i + 1]] for i in range(passages)]
    topics = [[vocab[i] for i in row] for row in topic_words]
    return Corpus(docs, topics, people, people_p, total)


def check_tokenizer(corpus: Corpus, sample: int = 300) -> None:
    """Passages rendered as text must tokenize back to their tokens."""
    for doc in corpus.docs[:sample]:
        text = " ".join(doc).capitalize() + "."
        if tokenize(text) != doc:
            raise AssertionError(f"generated passage does not survive tokenize: {text[:80]}")


def generate_queries(corpus: Corpus, count: int, seed: int = 4) -> list[tuple[str, list[str]]]:
    """(kind, tokens): names, name + topic, keywords and natural questions, a quarter each."""
    return [(kind, tokenize(text)) for kind, text in generate_query_texts(corpus, count, seed)]


def generate_query_texts(corpus: Corpus, count: int, seed: int = 4) -> list[tuple[str, str]]:
    """(kind, text) of `generate_queries`, as typed."""
    rng = np.random.default_rng(seed)
    out: list[tuple[str, str]] = []
    questions = (
        "What did {name} say about {t1}?",
        "Who said the {t1} would {t2}?",
        "What has {last} said on {t1} and {t2}?",
        "who said that {t1} {t2} was a mistake",
        "Did {name} criticise the {t1}?",
        "What did the minister say about {t1} {t2}?",
    )
    kinds = ("name", "name+topic", "keywords", "question")
    for i in range(count):
        kind = kinds[i % 4]
        first, last = corpus.people[int(rng.choice(len(corpus.people), p=corpus.people_p))]
        words = corpus.topics[int(rng.integers(len(corpus.topics)))]
        t1, t2, t3 = (words[int(j)] for j in rng.choice(12, size=3, replace=False))
        name = f"{first.title()} {last.title()}"
        if kind == "name":
            text = name
        elif kind == "name+topic":
            text = f"{name} {t1}"
        elif kind == "keywords":
            text = " ".join((t1, t2, t3)[: int(rng.integers(2, 4))])
        else:
            template = questions[int(rng.integers(len(questions)))]
            text = template.format(name=name, last=last.title(), t1=t1, t2=t2)
        out.append((kind, text))
    return out


# ---------------------------------------------------------------------- measuring
def _rss_mb() -> float:
    return _status_kb("VmRSS") / 1024


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class PeakRSS:
    """Peak RSS growth over a block: VmHWM reset via clear_refs (Linux), minus RSS at entry."""

    def __enter__(self) -> PeakRSS:
        gc.collect()
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")
        except OSError:
            pass
        self.start = _rss_mb()
        return self

    def __exit__(self, *exc: object) -> None:
        self.peak_mb = max(0.0, _status_kb("VmHWM") / 1024 - self.start)


def rank_bm25_nbytes(model: object) -> int:
    """Deep size of BM25Okapi's index: per-document dicts, doc lengths, idf dict and terms."""
    size = 0
    doc_freqs = model.doc_freqs  # type: ignore[attr-defined]
    size += sys.getsizeof(doc_freqs) + sum(map(sys.getsizeof, doc_freqs))
    # tf values and lengths are mostly small ints, which CPython caches: not counted.
    size += sys.getsizeof(model.doc_len)  # type: ignore[attr-defined]
    idf = model.idf  # type: ignore[attr-defined]
    size += sys.getsizeof(idf) + sum(sys.getsizeof(t) + 24 for t in idf)
    return size


def _pct(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values) * 1000, q)) if values else float("nan")


def _reference_top(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """rank-bm25's scores ranked by score, ties by ascending id; matching documents only."""
    held = np.flatnonzero(scores > 0)
    order = np.lexsort((held, -scores[held]))[:k]
    return [(int(held[i]), float(scores[held[i]])) for i in order]


def run_size(
    passages: int,
    n_queries: int,
    rank_queries: int | None,
    log: bool,
    repeat: int = 1,
    claims: int = 200,
    reference: bool = True,
    semantic: bool = True,
) -> dict:
    def say(msg: str) -> None:
        if log:
            print(msg, file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    corpus = generate_corpus(passages)
    check_tokenizer(corpus)
    queries = generate_queries(corpus, n_queries)
    say(
        f"[{passages:,}] corpus: {corpus.tokens:,} tokens in {time.perf_counter() - t0:.1f}s; "
        f"{len(queries)} queries"
    )

    with PeakRSS() as ours_peak:
        t0 = time.perf_counter()
        ours = SparseBM25.build(corpus.docs)
        ours_build = time.perf_counter() - t0
    say(f"[{passages:,}] ours built in {ours_build:.2f}s")
    folder = tempfile.mkdtemp(prefix="whosaid-bench-")
    try:
        ours.save(folder)
        t0 = time.perf_counter()
        loaded = SparseBM25.load(folder)
        load_s = time.perf_counter() - t0
        del loaded
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    # The compiled short-query loop, loaded as the worker loads it (in the background there).
    t0 = time.perf_counter()
    compiled = warm_up()
    jit_s = time.perf_counter() - t0
    say(
        f"[{passages:,}] compiled query loop {'loaded' if compiled else 'unavailable'} "
        f"in {jit_s:.2f}s"
    )

    # Ours: one warm-up pass, then a timed pass.
    tokens = [q for _, q in queries]
    for q in tokens:
        ours.top_k(q, 10)
    ours_lat, ours_top = [], []
    for q in tokens:
        best = math.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            top = ours.top_k(q, 10)
            best = min(best, time.perf_counter() - t0)
        ours_lat.append(best)
        ours_top.append(top)
    kinds: dict[str, list[float]] = {k: [] for k in ("name", "name+topic", "keywords", "question")}
    for (kind, _), lat in zip(queries, ours_lat, strict=True):
        kinds[kind].append(lat)

    check = check_bench.on_corpus(corpus, ours, claims, repeat, say) if claims else None
    if not reference:
        return {"passages": passages, "check": check}

    from rank_bm25 import BM25Okapi  # type: ignore[import-untyped]

    with PeakRSS() as ref_peak:
        t0 = time.perf_counter()
        ref = BM25Okapi(corpus.docs)
        ref_build = time.perf_counter() - t0
    say(f"[{passages:,}] rank-bm25 built in {ref_build:.1f}s")
    ref_mb = rank_bm25_nbytes(ref) / 2**20

    if rank_queries is None:
        rank_queries = len(tokens) if passages <= 200_000 else 20
    rank_queries = min(rank_queries, len(tokens))
    subset = np.unique(np.linspace(0, len(tokens) - 1, rank_queries).astype(int)).tolist()
    # Like for like: rank-bm25 gets the same warm-up pass as ours (one untimed run of each
    # query), and the speed-ups compare both engines on the same queries (the subset).
    for i in subset:
        ref.get_scores(tokens[i])
    ref_lat, same, same_literal = [], 0, 0
    for i in subset:
        best = math.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            scores = ref.get_scores(tokens[i])
            literal = np.argsort(scores)[::-1][:10]  # what get_top_n does
            best = min(best, time.perf_counter() - t0)
        ref_lat.append(best)
        expected = _reference_top(scores, 10)
        same += ours_top[i] == expected
        literal_ids = [int(d) for d in literal if scores[d] > 0]
        same_literal += [d for d, _ in ours_top[i]] == literal_ids
    del ref
    gc.collect()

    semantic_result = None
    if semantic:
        from bot.bench_semantic import paraphrases, run_semantic

        texts = [text for _, text in generate_query_texts(corpus, n_queries)]
        texts += paraphrases(corpus.topics, corpus.people, max(20, n_queries // 4))
        semantic_result = run_semantic(corpus.docs, texts, ours, PeakRSS, repeat, say)
        gc.collect()
        from bot.bench_answer import run_answers

        semantic_result["answers"] = run_answers(
            corpus.docs, corpus.people, ours, texts, repeat, say
        )
        gc.collect()

    ours_mb = ours.nbytes / 2**20
    ours_sub = [ours_lat[i] for i in subset]
    ratios = np.asarray(ref_lat) / np.maximum(np.asarray(ours_sub), 1e-9)
    result = {
        "passages": passages,
        "queries": len(tokens),
        "rank_bm25_queries": len(subset),
        "repeat": repeat,
        "rank_bm25": {
            "build_s": round(ref_build, 3),
            "index_mb": round(ref_mb, 1),
            "peak_build_mb": round(ref_peak.peak_mb, 1),
            "p50_ms": round(_pct(ref_lat, 50), 3),
            "p95_ms": round(_pct(ref_lat, 95), 3),
        },
        "whosaid": {
            "build_s": round(ours_build, 3),
            "passages_per_s": round(passages / ours_build),
            "index_mb": round(ours_mb, 1),
            "peak_build_mb": round(ours_peak.peak_mb, 1),
            "load_s": round(load_s, 3),
            "compiled_loop": compiled,
            "compiled_loop_load_s": round(jit_s, 3),
            "p50_ms": round(_pct(ours_lat, 50), 4),
            "p95_ms": round(_pct(ours_lat, 95), 4),
            "p99_ms": round(_pct(ours_lat, 99), 4),
            "max_ms": round(max(ours_lat) * 1000, 4),
            "by_kind_p50_p95_ms": {
                k: [round(_pct(v, 50), 4), round(_pct(v, 95), 4)] for k, v in kinds.items()
            },
        },
        # Both on the same queries, both warmed up once, best of `repeat` each.
        "speedup_p50": round(_pct(ref_lat, 50) / _pct(ours_sub, 50), 1),
        "speedup_p95": round(_pct(ref_lat, 95) / _pct(ours_sub, 95), 1),
        "ours_on_same_queries_p50_p95_ms": [
            round(_pct(ours_sub, 50), 4),
            round(_pct(ours_sub, 95), 4),
        ],
        # Per query: rank-bm25's time over ours on that query (5th, 50th, 95th percentiles).
        "per_query_speedup_p5_p50_p95": [
            round(float(np.percentile(ratios, q)), 1) for q in (5, 50, 95)
        ],
        "memory_ratio": round(ours_mb / ref_mb, 4),
        "top10_identical": round(same / len(subset), 4),
        "top10_identical_get_top_n": round(same_literal / len(subset), 4),
        "check": check,
    }
    if semantic_result is not None:
        result["semantic"] = semantic_result
    return result


def _table(results: list[dict]) -> str:
    head = (
        f"{'passages':>10} {'engine':<9} {'build_s':>8} {'pass/s':>9} {'peak_mb':>8} "
        f"{'index_mb':>9} {'load_s':>7} {'p50_ms':>9} {'p95_ms':>9} {'queries':>8}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        if "rank_bm25" not in r:
            lines.append(check_bench.summary_line(r))
            continue
        for name in ("rank_bm25", "whosaid"):
            e = r[name]
            nq = r["rank_bm25_queries"] if name == "rank_bm25" else r["queries"]
            lines.append(
                f"{r['passages']:>10,} {name:<9} {e['build_s']:>8.2f} "
                f"{r['passages'] / e['build_s']:>9,.0f} {e['peak_build_mb']:>8.0f} "
                f"{e['index_mb']:>9.1f} {e.get('load_s', float('nan')):>7.3f} "
                f"{e['p50_ms']:>9.3f} {e['p95_ms']:>9.3f} {nq:>8}"
            )
        lines.append(
            f"{'':>10} speed-up p50 {r['speedup_p50']:,.0f}x, p95 {r['speedup_p95']:,.0f}x; "
            f"memory ratio {r['memory_ratio']:.1%}; top-10 identical "
            f"{r['top10_identical']:.0%} (vs get_top_n's literal tie order "
            f"{r['top10_identical_get_top_n']:.0%}) over {r['rank_bm25_queries']} queries"
        )
        if r["rank_bm25_queries"] < r["queries"]:
            sub = r["ours_on_same_queries_p50_p95_ms"]
            lines.append(
                f"{'':>10} rank-bm25 timed on {r['rank_bm25_queries']} of "
                f"{r['queries']} queries (evenly spread); speed-ups compare ours on the same "
                f"{r['rank_bm25_queries']} (ours there: p50 {sub[0]:.3f}, p95 {sub[1]:.3f} ms)"
            )
        lo, mid, hi = r["per_query_speedup_p5_p50_p95"]
        lines.append(
            f"{'':>10} per-query speed-up (rank-bm25 time / ours, same query): "
            f"p5 {lo:,.0f}x, p50 {mid:,.0f}x, p95 {hi:,.0f}x; both warmed up once"
        )
        lines.append(f"{'':>10} latency: best of {r['repeat']} runs per query, both engines")
        ours = r["whosaid"]
        lines.append(
            f"{'':>10} compiled short-query loop (numba): "
            + (
                f"loaded in {ours['compiled_loop_load_s']:.2f} s, in the background in the worker"
                if ours["compiled_loop"]
                else "unavailable, NumPy path timed"
            )
        )
        kinds = r["whosaid"]["by_kind_p50_p95_ms"]
        lines.append(
            f"{'':>10} ours by kind (p50/p95 ms): "
            + ", ".join(f"{k} {v[0]:.3f}/{v[1]:.3f}" for k, v in kinds.items())
        )
        if r.get("check"):
            lines.append(check_bench.summary_line(r))
        if r.get("semantic"):
            from bot.bench_semantic import summary

            lines.extend(summary(r["semantic"], r["whosaid"]["build_s"]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot bench", description=__doc__.split("\n")[0])
    parser.add_argument("--passages", type=int, help="one corpus size (default: 10k, 100k, 1M)")
    parser.add_argument("--queries", type=int, default=240, help="queries per size (>= 200)")
    parser.add_argument(
        "--rank-queries",
        type=int,
        help="queries rank-bm25 runs (default: all up to 200k passages, 20 above)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time each query this many times and keep the best, for both engines "
        "(filters out other processes on a shared machine; 1 = single shot)",
    )
    parser.add_argument(
        "--claims", type=int, default=200, help="claims the quotation check times (0: none)"
    )
    parser.add_argument(
        "--check-only",
        action="store_true",
        help="time only our search and the quotation check, not rank-bm25",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per size")
    parser.add_argument(
        "--no-semantic", action="store_true", help="leave out the semantic stage's figures"
    )
    args = parser.parse_args(argv)
    sizes = (args.passages,) if args.passages else SIZES
    results = []
    for size in sizes:
        result = run_size(
            size,
            args.queries,
            args.rank_queries,
            log=not args.json,
            repeat=args.repeat,
            claims=args.claims,
            reference=not args.check_only,
            semantic=not args.no_semantic,
        )
        results.append(result)
        if args.json:
            print(json.dumps(result), flush=True)
        gc.collect()
    if not args.json:
        print(f"python {sys.version.split()[0]}, numpy {np.__version__}, {os.cpu_count()} cpus")
        print(_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
