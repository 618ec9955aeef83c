"""The semantic stage's parts: the static embedder and the int8 vector index (flat and IVF)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.search import semantic
from bot.search.semantic import VectorIndex, embedder, fuse


def _unit(rows: int, dims: int = 32, seed: int = 1) -> np.ndarray:
    vectors = np.random.default_rng(seed).standard_normal((rows, dims)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_wordpiece_splits_unknown_words_into_known_pieces() -> None:
    model = embedder()
    assert len(model.pieces("territory")) == 1
    pieces = model.pieces("hegseth")
    assert len(pieces) > 1 and model._unknown not in pieces


def test_a_paraphrase_is_nearer_than_an_unrelated_sentence() -> None:
    close, far = embedder().embed(
        [
            "Ukraine reclaiming its full territory was unrealistic",
            "the bakery sells warm bread every morning",
        ]
    )
    (query,) = embedder().embed(["Ukraine win back land"])
    assert float(query @ close) > float(query @ far) + 0.1


def test_empty_and_unknown_texts_embed_to_zero_rows_and_find_nothing() -> None:
    rows = embedder().embed(["", "?!…"])
    assert not rows.any()
    index = VectorIndex.build(_unit(50))
    assert index.search(np.zeros(32, dtype=np.float32), 5) == []


def test_flat_search_ranks_by_cosine_like_numpy() -> None:
    vectors = _unit(500)
    index = VectorIndex.build(vectors)
    query = vectors[7]
    exact = np.argsort(-(vectors @ query))[:10].tolist()
    found = [row for row, _ in index.search(query, 10)]
    assert found[0] == 7
    assert len(set(found) & set(exact)) >= 9  # int8 rows: near-ties may swap


def test_ivf_finds_most_of_the_exact_top_10(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "FLAT_MAX", 1000)
    vectors = _unit(20_000, dims=16)
    index = VectorIndex.build(vectors)
    assert index.order is not None  # IVF above FLAT_MAX
    found = total = 0
    for query in vectors[:20]:
        exact = set(np.argsort(-(vectors @ query))[:10].tolist())
        found += len(exact & {row for row, _ in index.search(query, 10)})
        total += 10
    assert found / total >= 0.8
    rows = np.array([3, 17, 4242])
    np.testing.assert_allclose(index.rows(rows), vectors[rows], atol=0.02)


def test_saved_index_loads_mapped_and_answers_the_same(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(semantic, "FLAT_MAX", 1000)
    for rows in (500, 5000):
        index = VectorIndex.build(_unit(rows))
        index.save(tmp_path / str(rows))
        loaded = VectorIndex.load(tmp_path / str(rows))
        query = _unit(1, seed=9)[0]
        assert loaded.search(query, 10) == index.search(query, 10)


def test_compiled_and_numpy_scans_agree() -> None:
    from bot.search import compiled  # noqa: F401  (loads the compiled scan)

    index = VectorIndex.build(_unit(3000))
    query = _unit(1, seed=3)[0]
    starts, ends = np.array([0, 2000], dtype=np.int64), np.array([700, 2500], dtype=np.int64)
    with_kernel = semantic._cosines(index.codes, index.scales, query, starts, ends)
    frozen = index.codes.copy()
    frozen.flags.writeable = False  # the NumPy path
    plain = semantic._cosines(frozen, index.scales, query, starts, ends)
    np.testing.assert_allclose(with_kernel, plain, rtol=1e-5, atol=1e-6)


def test_fusion_lets_full_word_matches_lead_and_meaning_break_the_rest() -> None:
    positions = [10, 11, 12]
    bm25 = [5.0, 0.0, 1.0]
    cosines = np.array([0.2, 0.9, 0.5])
    assert [p for p, _ in fuse(positions, bm25, cosines, weight=1.0)] == [10, 12, 11]
    assert [p for p, _ in fuse(positions, bm25, cosines, weight=0.0)] == [11, 12, 10]


def test_the_question_encoder_computes_what_sentence_transformers_does() -> None:
    from bot.search.encoder import query_encoder

    # Reference embeddings computed once with sentence-transformers and the same model.
    reference = np.load(Path(__file__).resolve().parents[1] / "fixtures" / "minilm_reference.npy")
    texts = [
        "who said the bus strike would bankrupt the city?",
        "The harbour dredging will cost Riverside £4 million, the mayor's office confirmed.",
        "Zelenskyy's café: naïve résumé!",
    ]
    encoder = query_encoder()
    assert encoder is not None
    for text, expected in zip(texts, reference, strict=True):
        assert float(encoder.encode_full(text) @ expected) > 0.998
        # Questions meet the quotations in the table's subspace: the same embedding, projected.
        projected = encoder.encode(text)
        assert projected.shape == (embedder().dims,)
        assert abs(float(np.linalg.norm(projected)) - 1.0) < 1e-5


def test_a_merged_ivf_index_keeps_its_lists_and_finds_old_and_new_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(semantic, "FLAT_MAX", 1000)
    old_vectors, new_vectors = _unit(6000, dims=16), _unit(50, dims=16, seed=5)
    old = VectorIndex.build(old_vectors)
    # Drop the first 100 rows, keep the rest in order, and add 50 new rows at the end.
    kept_from = np.arange(100, 6000)
    kept_to = np.arange(0, 5900)
    added_to = np.arange(5900, 5950)
    merged = old.merged(5950, kept_from, kept_to, added_to, new_vectors)
    assert merged.centroids is old.centroids  # no new k-means
    expected = np.concatenate([old_vectors[100:], new_vectors])
    np.testing.assert_allclose(merged.rows(np.arange(5950)), expected, atol=0.02)
    for row in (0, 4321, 5900, 5949):
        assert merged.search(expected[row], 1)[0][0] == row


def test_unrelated_quotations_do_not_share_a_common_direction() -> None:
    # Means of static vectors all lean one way (the frequent tokens' shared part); with that
    # left in, every quotation looks somewhat like every other and meaning ranks noise.
    rows = embedder().embed(
        [
            "If this walkout lasts another month, the city will be broke by spring.",
            "We have money set aside for exactly this kind of disruption.",
            "Teachers deserve a raise, and they will get one in the next budget.",
            "Nobody enjoys paying for parking downtown.",
            "I answer my email myself, every night.",
            "Our members will not be told to work split shifts.",
            "The bridge will reopen before the school year starts.",
            "We are proud of what the volunteers did this winter.",
        ]
    )
    pairs = (rows @ rows.T)[np.triu_indices(len(rows), 1)]
    assert float(pairs.mean()) < 0.13
