"""Benchmark: rank-bm25's BM25Okapi against our sparse index, in one run, on a generated corpus.

    python -m bot bench [--passages N] [--queries N] [--rank-queries N] [--repeat R] [--json]
                        [--claims N] [--check-only]

The quotation check (`bot.check`) is timed on the same archive (`bot/check/bench.py`):
20-word claims against every passage and the 60% of passages that hold a quotation.

Corpus and queries: `bot/bench_corpus.py` (seeded, news-like, checked to tokenize back).

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

import numpy as np

from bot.bench_corpus import (
    check_tokenizer,
    generate_corpus,
    generate_queries,
    generate_query_texts,
)
from bot.check import bench as check_bench
from bot.search.bm25 import SparseBM25, warm_up

SIZES = (10_000, 100_000, 1_000_000)


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
