"""The benchmark runs end to end on a small corpus and agrees with rank-bm25."""

from __future__ import annotations

import json

import pytest

from bot import bench, bench_corpus


def test_small_benchmark_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--passages", "3000", "--queries", "200", "--repeat", "1", "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["passages"] == 3000
    assert result["queries"] == 200
    for engine in ("rank_bm25", "whosaid"):
        assert set(result[engine]) >= {"build_s", "index_mb", "p50_ms", "p95_ms"}
    assert set(result) >= {"speedup_p50", "speedup_p95", "memory_ratio", "top10_identical"}
    assert result["top10_identical"] == 1.0
    # Whole answers (question text to excerpts), semantic stage off and on.
    answers = result["semantic"]["answers"]
    assert answers["questions"] == 250 and answers["quotations"] > 1000
    assert 0 < answers["embedded"] < answers["questions"]
    for path in ("off", "on"):
        assert 0 < answers[f"{path}_p50_ms"] <= answers[f"{path}_p95_ms"]
        # An added article is merged in, as a re-index does, and the time is reported.
        assert answers[f"add_article_{path}_s"] > 0


def test_whole_answer_archive_quotes_verbatim_and_tokenizes_like_the_passages() -> None:
    from bot.bench_answer import render
    from bot.search.tokenizer import tokenize

    corpus = bench_corpus.generate_corpus(400)
    articles, lists, tokens = render(corpus.docs, corpus.people)
    assert len(articles) == 20 and sum(map(len, lists)) == len(tokens) > 100
    for article, found in zip(articles, lists, strict=True):
        for quotation in found:
            assert article.text[quotation.start : quotation.end] == quotation.text
            start, end = article.paragraphs[quotation.paragraph - 1]
            assert start < quotation.start < quotation.end < end
    paragraphs = [a.text[s:e] for a in articles for s, e in a.paragraphs]
    assert [tokenize(p) for p in paragraphs] == corpus.docs


def test_corpus_is_reproducible_and_token_stable() -> None:
    a = bench_corpus.generate_corpus(500)
    b = bench_corpus.generate_corpus(500)
    assert a.docs == b.docs
    bench_corpus.check_tokenizer(a, sample=500)
    queries = bench_corpus.generate_queries(a, 200)
    assert len(queries) == 200
    assert {kind for kind, _ in queries} == {"name", "name+topic", "keywords", "question"}
    assert all(tokens for _, tokens in queries)
