"""SparseBM25 against rank_bm25.BM25Okapi itself: identical scores for every document."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

import bot.search.bm25 as bm25
import bot.search.maxscore as maxscore
import bot.search.statistics as statistics
from bot.search.bm25 import SparseBM25
from bot.search.lexicon import Lexicon
from bot.search.tokenizer import tokenize

ROOT = Path(__file__).resolve().parents[2]

HAND = [
    "the minister said the budget would pass",
    "the president said nothing about the budget",
    "zelenskyy said ukraine would not give up",
    "the the the the weather is fine",
    "a spokesperson declined to comment",
    "budget budget budget cuts said the minister",
    "",
]


def _corpus(n: int, seed: int = 7) -> list[list[str]]:
    """Zipf-distributed words, a few very common ones (negative idf) and names."""
    rng = np.random.default_rng(seed)
    vocab = [f"w{i}" for i in range(3000)]
    weights = 1.0 / np.arange(1, len(vocab) + 1) ** 1.05
    weights /= weights.sum()
    docs = []
    for _ in range(n):
        length = int(rng.integers(3, 40))
        words = [vocab[i] for i in rng.choice(len(vocab), size=length, p=weights)]
        if rng.random() < 0.7:
            words.append("the")  # in most documents: negative idf, floored
        docs.append(words)
    return docs


def _queries(docs: list[list[str]], n: int, seed: int = 11) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    queries = [[], ["nosuchword"], ["the"], ["the", "the"], ["w0", "w0", "w5"]]
    for _ in range(n):
        doc = docs[int(rng.integers(len(docs)))]
        if not doc:
            continue
        size = int(rng.integers(1, 6))
        picks = [doc[int(i)] for i in rng.integers(len(doc), size=size)]
        if rng.random() < 0.2:
            picks.append("unknownterm")
        if rng.random() < 0.3:
            picks.append(picks[0])  # repeated term
        queries.append(picks)
    return queries


def _reference_top(scores: np.ndarray, holders: np.ndarray, k: int) -> list[int]:
    """rank-bm25's ranking restricted to documents holding a term; ties by ascending id."""
    ids = np.flatnonzero(holders)
    order = np.lexsort((ids, -scores[ids]))
    return [int(ids[i]) for i in order[:k]]


def _check(
    docs: list[list[str]],
    queries: list[list[str]],
    k: int = 10,
    ours: SparseBM25 | None = None,
) -> None:
    """`ours` (default: built from `docs`) scores and ranks exactly as rank-bm25 over docs."""
    ref = BM25Okapi(docs)
    ours = ours if ours is not None else SparseBM25.build(docs)
    assert ours.doc_count == len(docs)
    for query in queries:
        expected = np.asarray(ref.get_scores(query))
        got = ours.scores(query)
        # Identical, not close: same float64 operations in the same order.
        np.testing.assert_array_equal(got, expected, err_msg=str(query))
        known = {q for q in query if q in ref.idf}
        holders = np.array([bool(known.intersection(d)) for d in docs], dtype=bool)
        top = ours.top_k(query, k)
        assert [d for d, _ in top] == _reference_top(expected, holders, k), query
        assert [s for _, s in top] == [float(expected[d]) for d, _ in top]


def test_hand_written_cases_match_rank_bm25(query_loop: str) -> None:
    docs = [tokenize(t) for t in HAND]
    queries = [
        [],
        ["budget"],
        ["the"],  # in more than half the documents: negative idf, floored at eps * average
        ["the", "budget"],
        ["budget", "budget"],  # repeated terms count twice
        ["who", "said", "the", "budget"],  # "who" is unknown
        ["unknown"],
        tokenize("What did Zelenskyy say about Ukraine?"),
    ]
    _check(docs, queries, k=3)
    assert SparseBM25.build(docs).top_k(["unknown"], 5) == []
    assert SparseBM25.build(docs).top_k([], 5) == []


def test_two_document_corpus_scores_zero_like_rank_bm25(query_loop: str) -> None:
    # Each term is in 1 of 2 documents: idf log(1.5/1.5) = 0, every score 0.
    docs = [["alpha", "beta"], ["gamma"]]
    _check(docs, [["alpha"], ["gamma", "alpha"], ["beta", "beta"]], k=2)
    assert SparseBM25.build(docs).top_k(["alpha"], 5) == [(0, 0.0)]


def test_negative_average_idf_floor(query_loop: str) -> None:
    # Every term in most documents: average idf is negative, so the floor is negative too.
    docs = [["a", "b"], ["a", "b"], ["a"], ["b", "c"], ["a", "b", "c"]]
    _check(docs, [["a"], ["b", "a"], ["c"], ["a", "c", "a"]], k=5)


def _use_compiled_loop(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    if on:
        assert bm25.warm_up(), "numba is a dependency: the compiled loop must load"
    monkeypatch.setattr(bm25, "_compiled", bm25._compiled if on else None)


@pytest.fixture(params=["numpy", "compiled"])
def query_loop(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Short queries evaluated by NumPy calls, and by the compiled loop (bot.search.compiled)."""
    _use_compiled_loop(monkeypatch, request.param == "compiled")
    return request.param


@pytest.fixture(params=["default", "forced", "compiled"])
def strategies(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run as shipped (NumPy), with dense rows and pruning forced at any size, and with the
    compiled short-query loop."""
    _use_compiled_loop(monkeypatch, request.param == "compiled")
    if request.param == "forced":
        monkeypatch.setattr(statistics, "DENSE_MIN_DOCS", 0)
        monkeypatch.setattr(bm25, "_SMALL", 0)
        monkeypatch.setattr(maxscore, "_SEEDS", 16)
        monkeypatch.setattr(maxscore, "_REFINE_MIN", 0)
    return request.param


def test_generated_corpus_every_document(strategies: str) -> None:
    docs = _corpus(3000)
    _check(docs, _queries(docs, 120), k=10)
    if strategies == "forced":
        assert len(SparseBM25.build(docs).dense_terms) > 0


def test_common_terms_take_the_pruned_path(strategies: str) -> None:
    # Long queries of common words exercise MaxScore pruning; the top k must still be exact.
    docs = _corpus(2000, seed=3)
    rng = np.random.default_rng(5)
    queries = [["the", *[f"w{int(i)}" for i in rng.integers(0, 30, size=4)]] for _ in range(40)]
    queries += [["the", "w0", "w1", "w2", "w2999"], ["w1", "the", "w1", "w500"]]
    for k in (1, 10, 50):
        _check(docs, queries, k=k)


def test_ties_break_by_ascending_document_id(query_loop: str) -> None:
    docs = [["x", "y"], ["z", "z"], ["x", "y"], ["w"], ["x", "y"], ["q"], ["r"]]
    ours = SparseBM25.build(docs)
    top = ours.top_k(["x"], 2)
    assert [d for d, _ in top] == [0, 2]
    assert top[0][1] == top[1][1]


def test_seed_corpus_paragraphs() -> None:
    from bot.corpus.articles import load_corpus

    articles = load_corpus(ROOT / "corpus").articles
    docs = [
        tokenize(a.paragraph_text(i)) for a in articles for i in range(1, len(a.paragraphs) + 1)
    ]
    if len(docs) < 5:
        pytest.skip("seed corpus too small")
    words = sorted({w for d in docs for w in d})
    rng = np.random.default_rng(1)
    queries = [list(rng.choice(words, size=int(rng.integers(1, 5)))) for _ in range(40)]
    queries.append(tokenize("Who said the government would act?"))
    _check(docs, queries, k=5)


def test_save_and_load_round_trip(tmp_path: Path, strategies: str) -> None:
    docs = _corpus(500)
    ours = SparseBM25.build(docs)
    ours.save(tmp_path / "idx")
    for mmap in (True, False):
        loaded = SparseBM25.load(tmp_path / "idx", mmap=mmap)
        assert loaded.doc_count == ours.doc_count
        assert loaded.vocabulary == ours.vocabulary
        for q in (["the", "w3"], ["w10"], ["nope"]):
            np.testing.assert_array_equal(loaded.scores(q), ours.scores(q))
            assert loaded.top_k(q, 10) == ours.top_k(q, 10)
    assert ours.nbytes > ours.doc_ids.nbytes


def test_lexicon_non_ascii_terms(tmp_path: Path) -> None:
    docs = [["кремль", "said"], ["naïve", "東京", "said"], ["x"], ["said", "东京"], ["x", "y"]]
    ours = SparseBM25.build(docs)
    ours.save(tmp_path / "idx")
    loaded = SparseBM25.load(tmp_path / "idx")
    for index in (ours, loaded):
        assert index.vocabulary == {t: i for i, t in enumerate(dict.fromkeys(sum(docs, [])))}
        assert [d for d, _ in index.top_k(["東京"], 3)] == [1]
        assert index.top_k(["東"], 3) == []
    _check(docs, [["кремль", "东京", "nope"], ["said", "naïve"]], k=5)


def test_empty_corpus(query_loop: str) -> None:
    ours = SparseBM25.build([])
    assert ours.doc_count == 0
    assert ours.top_k(["x"], 3) == []
    assert ours.scores(["x"]).shape == (0,)


def test_concurrent_queries_match_sequential(strategies: str) -> None:
    # Each thread has its own scratch accumulator; results must not bleed between threads.
    from concurrent.futures import ThreadPoolExecutor

    docs = _corpus(1500, seed=9)
    ours = SparseBM25.build(docs)
    queries = _queries(docs, 80, seed=2) * 4
    expected = [ours.top_k(q, 10) for q in queries]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda q: ours.top_k(q, 10), queries))
    assert got == expected


def test_k_larger_than_matches_and_non_positive_k(query_loop: str) -> None:
    docs = [tokenize(t) for t in HAND]
    ours = SparseBM25.build(docs)
    assert len(ours.top_k(["budget"], 100)) == 3
    assert ours.top_k(["budget"], 0) == []
    assert ours.top_k(["budget"], -1) == []


# Layouts of a merged index over an 800-document base: kept ranges and new documents.
_BASE = 800
_LAYOUTS = {
    "append": [range(0, _BASE), "new"],
    "prepend": ["new", range(0, _BASE)],
    "insert and remove": [range(0, 300), "new", range(500, _BASE)],
    "remove only": [range(0, 200), range(400, 700)],
    "replace everything": ["new"],
    "new then gap": ["new", range(100, 200), "new", range(600, _BASE), "new"],
}


@pytest.mark.parametrize("layout", _LAYOUTS.values(), ids=_LAYOUTS.keys())
def test_a_merged_index_ranks_exactly_like_rank_bm25_over_the_new_documents(
    layout: list[range | str], strategies: str, tmp_path: Path
) -> None:
    base_docs = _corpus(_BASE, seed=21)
    additions = iter(_corpus(600, seed=22)[i : i + 200] for i in range(0, 600, 200))
    base = SparseBM25.build(base_docs)
    base.save(tmp_path / "idx")  # merging from a memory-mapped, saved index as the worker does
    saved = SparseBM25.load(tmp_path / "idx")
    items: list[range | list[list[str]]] = []
    docs: list[list[str]] = []
    for item in layout:
        if isinstance(item, range):
            items.append(item)
            docs.extend(base_docs[i] for i in item)
        else:
            added = next(additions)
            items.append(added)
            docs.extend(added)
    merged = saved.merged(items)
    assert merged.doc_count == len(docs)
    _check(docs, _queries(docs, 30, seed=len(docs)), k=10, ours=merged)
    # Exactly what a fresh build of the same documents holds, term set included.
    fresh = SparseBM25.build(docs)
    assert sorted(merged.vocabulary) == sorted(fresh.vocabulary)
    np.testing.assert_array_equal(
        merged.idf[[merged.vocabulary[t] for t in fresh.vocabulary]], fresh.idf
    )


def test_merging_again_and_removing_a_words_last_document() -> None:
    docs = [["alpha", "beta"], ["gamma", "only"], ["beta", "gamma"], ["delta"], ["beta"]]
    index = SparseBM25.build(docs)
    # The only document with "only" goes; a new document comes, then another merge.
    once = index.merged([range(0, 1), [["gamma", "epsilon"]], range(2, 5)])
    docs = [docs[0], ["gamma", "epsilon"], *docs[2:]]
    assert "only" not in once.vocabulary
    assert once.top_k(["only"], 3) == []
    _check(docs, [["gamma"], ["epsilon", "beta"], ["only", "alpha"]], k=5, ours=once)
    twice = once.merged([[["zeta", "beta"]], range(1, 5)])
    docs = [["zeta", "beta"], *docs[1:]]
    _check(docs, [["gamma"], ["zeta", "beta"], ["alpha"]], k=5, ours=twice)


@pytest.mark.parametrize(
    "layout", [[range(2, 4), range(0, 2)], [range(0, 3), range(2, 5)], [range(0, 9)]]
)
def test_a_merge_layout_out_of_order_or_out_of_range_is_refused(layout: list[range]) -> None:
    index = SparseBM25.build([["a"], ["b"], ["c"], ["d"], ["e"]])
    with pytest.raises(ValueError):
        index.merged(layout)


def test_terms_whose_crc32_collide_are_both_found(tmp_path: Path, query_loop: str) -> None:
    # "plumless" and "buckeroo" share a CRC-32: the lexicon tells them apart by their bytes.
    docs = [["plumless", "x"], ["buckeroo"], ["y"], ["x", "y"], ["buckeroo", "z"]]
    SparseBM25.build(docs).save(tmp_path / "idx")
    for index in (SparseBM25.build(docs), SparseBM25.load(tmp_path / "idx")):
        assert [d for d, _ in index.top_k(["plumless"], 5)] == [0]
        assert sorted(d for d, _ in index.top_k(["buckeroo"], 5)) == [1, 4]
        assert index.top_k(["plumlesz"], 5) == []


def _tied_corpus(n: int = 600, seed: int = 13) -> list[list[str]]:
    """Short passages of few lengths from a small vocabulary: many equal scores."""
    rng = np.random.default_rng(seed)
    vocab = [f"t{i}" for i in range(40)]
    return [
        [vocab[int(i)] for i in rng.integers(0, len(vocab), size=int(rng.integers(2, 5)))]
        for _ in range(n)
    ]


# The full-evaluation path by shape: one occurrence (no accumulation), two (idf applied per
# occurrence), three and more (idf repeated per posting), repeats and unknown words included.
FULL_PATH_QUERIES = [
    ["t0"],
    ["t7", "t7"],
    ["t1", "t2"],
    ["t2", "t1"],
    ["t3", "nosuchword", "t4"],
    ["t5", "t6", "t5"],
    ["t8", "t9", "t10"],
    ["t11", "t12", "t13", "t11", "t14"],
    ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"],
]


@pytest.mark.parametrize("query", FULL_PATH_QUERIES, ids=" ".join)
@pytest.mark.parametrize("k", [1, 10, 50])
def test_full_path_shapes_match_rank_bm25_with_ties(
    query: list[str], k: int, query_loop: str
) -> None:
    docs = _tied_corpus()
    _check(docs, [query], k=k)


def test_full_path_shapes_match_dense_scores_on_generated_corpus(query_loop: str) -> None:
    docs = _corpus(800, seed=21)
    ours = SparseBM25.build(docs)
    rng = np.random.default_rng(8)
    words = sorted({w for d in docs for w in d})
    for size in range(1, 7):
        for _ in range(15):
            query = [words[int(i)] for i in rng.integers(len(words), size=size)]
            query += query[: int(rng.integers(0, 2))]  # sometimes a repeated term
            scores = ours.scores(query)
            held = np.flatnonzero(scores > 0)
            order = np.lexsort((held, -scores[held]))[:10]
            assert ours.top_k(query, 10) == [(int(held[i]), float(scores[held[i]])) for i in order]


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 5, 1000, 1025])
def test_lexicon_bucket_directory_finds_every_term(count: int, tmp_path: Path) -> None:
    # Sizes around the directory's power-of-two boundaries; unknown words find nothing.
    terms = [f"w{i}" for i in range(count)] + ["é", "東京"][: min(count, 2)]
    lexicon = Lexicon(terms)
    assert lexicon.ids_of(terms) == list(range(len(terms)))
    assert lexicon.ids_of(["", "nope", "w", f"w{count}"]) == []
    lexicon.save(tmp_path)
    restored = Lexicon.load(tmp_path)
    assert restored.ids_of(terms[::-1] + terms[:1]) == [*range(len(terms))][::-1] + [0][:count]


def test_loaded_index_uses_plain_arrays(tmp_path: Path) -> None:
    # np.memmap's subclass hooks slow every query step; the mapping itself is kept.
    docs = _corpus(300)
    SparseBM25.build(docs).save(tmp_path / "idx")
    loaded = SparseBM25.load(tmp_path / "idx", mmap=True)
    assert type(loaded.doc_ids) is np.ndarray
    assert isinstance(loaded.doc_ids.base, np.memmap)


def test_without_numba_queries_take_the_numpy_path_with_the_same_results(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_compiled(name: str, *args: object, **kwargs: object) -> object:
        if name == "bot.search.compiled":
            raise ImportError("No module named 'numba'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    docs = _corpus(400, seed=5)
    expected = SparseBM25.build(docs).top_k(["w3", "w7"], 10)
    monkeypatch.setattr(bm25, "_compiled", None)
    monkeypatch.setattr(bm25, "_compiled_failed", False)
    monkeypatch.setattr(builtins, "__import__", no_compiled)
    assert not bm25.warm_up()
    assert "compiled search loop unavailable" in caplog.text
    assert SparseBM25.build(docs).top_k(["w3", "w7"], 10) == expected
