"""The semantic stage at archive size, beside the lexical path (part of `python -m bot bench`).

On the benchmark's generated corpus, every passage stands for a quotation to embed (a real
archive of N passages holds about 0.6 N quotations, so this is the heavier case). Measured:

- build: embedding every passage with the shipped static table, then the vector index
  (int8 rows; k-means IVF lists above `FLAT_MAX` rows), and the peak memory growth of both;
- memory: the vector index as the worker holds it (mapped from the saved index);
- latency per question, for the benchmark's questions plus paraphrases ("who said …" in
  words the corpus has few of): the lexical retrieval an answer makes (BM25 top 50) alone,
  and the same plus the semantic stage (the question through the transformer, the vector
  search, the fusion of the two rankings), skipped as the answer skips it when the words
  alone match (weight >= WORDS_DECIDE). Both get one warm-up pass and the best of `repeat`
  runs per question.
  Whole answers (excerpts, grouping, other reports; semantic stage on and off) are timed by
  `bot/bench_answer.py`, and through Slack by `scripts/bench_slack.py`;
- IVF recall: of the exact top 10 by cosine (every row scored), how many the IVF search
  returns, over the first 20 questions.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from functools import partial

import numpy as np

from bot.search.encoder import query_encoder
from bot.search.semantic import (
    FLAT_MAX,
    WORDS_DECIDE,
    VectorIndex,
    embedder,
    fuse,
    lexical_weight,
)
from bot.search.tokenizer import tokenize

CANDIDATES = 50
# English words that the generated vocabulary does not hold: a paraphrase shares few words
# with the passage it means.
_OTHER_WORDS = (
    "bankrupt reservoir dwindle councillors warned reserves shortfall wages teachers "
    "strike buses ferries harbour dredging subsidy levy pensions borough tenants eviction "
    "landlords flooding levees drought irrigation tariffs exporters farmers ceasefire"
).split()
_TEMPLATES = (
    "who said the {a} would {b} the {c}",
    "who warned that {a} could {b} {c}",
    "which official said the {a} was {b}",
    "who said {t} was going to {a} the {b}",
    "what did {name} say about {a} and {t}",
)


def paraphrases(
    topics: Sequence[Sequence[str]],
    people: Sequence[tuple[str, str]],
    count: int,
    seed: int = 9,
) -> list[str]:
    """Questions asked in other words: mostly words the corpus lacks, a topic word or name."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(count):
        a, b, c = (str(w) for w in rng.choice(_OTHER_WORDS, size=3, replace=False))
        topic = topics[int(rng.integers(len(topics)))]
        first, last = people[int(rng.integers(len(people)))]
        template = _TEMPLATES[int(rng.integers(len(_TEMPLATES)))]
        t = topic[int(rng.integers(min(12, len(topic))))]
        out.append(template.format(a=a, b=b, c=c, t=t, name=f"{first.title()} {last.title()}"))
    return out


def _pct(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values) * 1000, q)) if values else float("nan")


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of `repeat` runs of `run`, in seconds (both benchmarks time alike)."""
    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def run_semantic(
    docs: Sequence[Sequence[str]],
    texts: Sequence[str],
    lexical: object,
    peak: type,
    repeat: int,
    say,  # type: ignore[no-untyped-def]
) -> dict:
    """Build the vector index over `docs`, then time `texts` through both paths."""
    model = embedder()
    with peak() as build_peak:
        t0 = time.perf_counter()
        codes, scales = model.embed_quantized([" ".join(doc) for doc in docs])
        embed_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = VectorIndex.from_codes(codes, scales)
        index_s = time.perf_counter() - t0
    say(
        f"[{len(docs):,}] semantic: embedded in {embed_s:.1f}s, vector index "
        f"({'IVF' if index.order is not None else 'flat'}) in {index_s:.1f}s"
    )
    recall = _ivf_recall(index, codes, scales, texts[:20]) if index.order is not None else 1.0
    del codes, scales

    top_k = lexical.top_k  # type: ignore[attr-defined]
    tokens = [tokenize(t) for t in texts]
    encoder = query_encoder()
    t0 = time.perf_counter()
    if encoder is not None:
        encoder.encode("warm")
    encoder_load_s = time.perf_counter() - t0

    def embed_question(text: str) -> np.ndarray:
        # As the answer does: the transformer for the question, else the static table.
        if encoder is not None and encoder.dims == index.codes.shape[1]:
            encoder.forget()  # every timed run embeds (the encoder keeps the last text's vector)
            return encoder.encode(text)
        return model.embed([text])[0]

    def lexical_only(i: int) -> None:
        top_k(tokens[i], CANDIDATES)

    def both(i: int) -> None:
        found = top_k(tokens[i], CANDIDATES)
        weight = lexical_weight(lexical, tokens[i], found[0][1] if found else 0.0, 1.0)
        if weight >= WORDS_DECIDE:
            return
        query = embed_question(texts[i])
        semantic = index.search(query, CANDIDATES)
        positions = list(dict.fromkeys([p for p, _ in found] + [p for p, _ in semantic]))
        bm25 = dict(found)
        cosines = index.similarities(query, np.asarray(positions, dtype=np.int64))
        fuse(positions, [bm25.get(p, 0.0) for p in positions], cosines, weight)

    for i in range(len(texts)):  # one warm-up pass each, as for the lexical engines
        lexical_only(i)
        both(i)
    lex_lat = [best_of(repeat, partial(lexical_only, i)) for i in range(len(texts))]
    sem_lat = [best_of(repeat, partial(both, i)) for i in range(len(texts))]
    encode_lat = [best_of(repeat, partial(embed_question, text)) for text in texts]
    return {
        "rows": len(index),
        "index": "ivf" if index.order is not None else "flat",
        "flat_max": FLAT_MAX,
        "nprobe": index.nprobe,
        "lists": 0 if index.lists is None else len(index.lists) - 1,
        "dims": int(index.codes.shape[1]),
        "embed_s": round(embed_s, 2),
        "index_s": round(index_s, 2),
        "build_s": round(embed_s + index_s, 2),
        "peak_build_mb": round(build_peak.peak_mb, 1),
        "index_mb": round(index.nbytes / 2**20, 1),
        "table_mb": round(model.table.nbytes / 2**20, 1),
        "ivf_recall_at_10": round(recall, 3),
        "questions": len(texts),
        "lexical_p50_ms": round(_pct(lex_lat, 50), 3),
        "lexical_p95_ms": round(_pct(lex_lat, 95), 3),
        "semantic_p50_ms": round(_pct(sem_lat, 50), 3),
        "semantic_p95_ms": round(_pct(sem_lat, 95), 3),
        "semantic_p99_ms": round(_pct(sem_lat, 99), 3),
        "question_encoder": encoder is not None,
        "question_encoder_runtime": None if encoder is None else encoder.runtime,
        "question_encoder_load_s": round(encoder_load_s, 2),
        "encode_p50_ms": round(_pct(encode_lat, 50), 3),
        "encode_p95_ms": round(_pct(encode_lat, 95), 3),
    }


def _ivf_recall(
    index: VectorIndex, codes: np.ndarray, scales: np.ndarray, texts: Sequence[str]
) -> float:
    """Share of the exact top 10 (every row scored) that the IVF search finds."""
    model = embedder()
    found = total = 0
    for text in texts:
        encoder = query_encoder()
        if encoder is not None and encoder.dims == codes.shape[1]:
            query = encoder.encode(text)
        else:
            query = model.embed([text])[0]
        if not query.any():
            continue
        sims = np.concatenate(
            [
                (codes[lo : lo + 262_144].astype(np.float32) @ query) * scales[lo : lo + 262_144]
                for lo in range(0, len(codes), 262_144)
            ]
        )
        exact = set(np.argpartition(-sims, 9)[:10].tolist())
        found += len(exact & {row for row, _ in index.search(query, 10)})
        total += 10
    return found / total if total else 1.0


def summary(sem: dict, lexical_build_s: float) -> list[str]:
    """The lines `python -m bot bench` prints for the semantic stage and whole answers."""
    lines: list[str] = []
    lines.append(
        f"{'':>10} semantic stage ({sem['index']}, {sem['rows']:,} rows x "
        f"{sem['dims']} int8"
        + (f", {sem['lists']} lists, nprobe {sem['nprobe']}" if sem["lists"] else "")
        + f"): build {sem['build_s']:.1f}s (embed {sem['embed_s']:.1f}s + index "
        f"{sem['index_s']:.1f}s; lexical {lexical_build_s:.1f}s), "
        f"index {sem['index_mb']:.0f} MB + table {sem['table_mb']:.0f} MB, build peak "
        f"{sem['peak_build_mb']:.0f} MB, IVF recall@10 {sem['ivf_recall_at_10']:.2f}"
    )
    lines.append(
        f"{'':>10} per question ({sem['questions']} incl. paraphrases; BM25 top 50): "
        f"lexical p50/p95 {sem['lexical_p50_ms']:.3f}/{sem['lexical_p95_ms']:.3f} ms; "
        f"with the semantic stage {sem['semantic_p50_ms']:.3f}/"
        f"{sem['semantic_p95_ms']:.3f} ms (of which the question encoder, on "
        f"{sem.get('question_encoder_runtime') or 'the static table'}, "
        f"{sem['encode_p50_ms']:.3f}/{sem['encode_p95_ms']:.3f} ms)"
    )
    whole = sem.get("answers")
    if whole:
        lines.append(
            f"{'':>10} whole answer (question text to results and excerpts, as the "
            f"worker answers; {whole['questions']} questions, {whole['embedded']} of "
            f"them embedded; {whole['articles']:,} articles, {whole['quotations']:,} "
            f"quotations): semantic off p50/p95 "
            f"{whole['off_p50_ms']:.3f}/{whole['off_p95_ms']:.3f} ms, on "
            f"{whole['on_p50_ms']:.3f}/{whole['on_p95_ms']:.3f} ms "
            f"(p99 {whole['on_p99_ms']:.3f}); same excerpts on and off "
            f"{whole['same_excerpts_on_off']:.0%}"
        )
        lines.append(
            f"{'':>10} an added article merged into the index (what a re-index does; the "
            f"worker end to end: scripts/bench_slack.py): semantic off "
            f"{whole['add_article_off_s']:.2f}s, on {whole['add_article_on_s']:.2f}s"
        )
    return lines
