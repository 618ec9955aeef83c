"""SEMANTIC_QUOTATIONS: quotations embedded by the question encoder itself or by the static
table, chosen per build and per merge by how many quotations it embeds."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pytest

from bot.attribution import extract_quotations
from bot.attribution.model import Quotation
from bot.corpus.articles import Article, load_corpus
from bot.search import quote_vectors
from bot.search.encoder import QueryEncoder, query_encoder
from bot.search.index import CorpusIndex, quotation_context
from bot.search.index_merge import merged_index
from bot.search.semantic import embedder

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(query_encoder() is None, reason="question encoder not installed")


@cache
def _records() -> tuple[tuple[Article, tuple[Quotation, ...]], ...]:
    """Our own articles with a few quotations each (small builds keep the suite quick)."""
    articles = load_corpus(ROOT / "eval" / "attribution" / "articles").articles
    records = tuple((a, tuple(extract_quotations(a))) for a in articles)
    return tuple(r for r in records if 2 <= len(r[1]) <= 8)


def _build(records: tuple[tuple[Article, tuple[Quotation, ...]], ...]) -> CorpusIndex:
    return CorpusIndex([a for a, _ in records], [q for _, q in records], semantic=True)


def _texts(records: tuple[tuple[Article, tuple[Quotation, ...]], ...]) -> list[str]:
    return [quotation_context(a, q) for a, found in records for q in found]


def _stored(index: CorpusIndex) -> np.ndarray:
    assert index.vectors is not None
    return index.vectors.rows(np.arange(len(index.vectors)))


def _source_of(index: CorpusIndex, texts: list[str]) -> str:
    """Which model the index's rows come from: the one whose vectors they match."""
    stored = _stored(index)
    encoder = query_encoder()
    assert encoder is not None
    model = np.array([encoder.encode(t) for t in texts])
    table = embedder().embed(texts)
    # Row-wise cosines (int8 rows are within about 1e-3 of the vectors they were made from).
    near_model = float(np.min(np.sum(stored * model, axis=1) / np.linalg.norm(stored, axis=1)))
    near_table = float(np.min(np.sum(stored * table, axis=1) / np.linalg.norm(stored, axis=1)))
    if near_model > 0.995 and near_table < 0.99:
        return "transformer"
    if near_table > 0.995 and near_model < 0.99:
        return "static"
    return f"neither (model {near_model:.3f}, table {near_table:.3f})"


@pytest.mark.parametrize("setting", ["static", "transformer"])
def test_the_setting_chooses_which_model_embeds_the_quotations(
    setting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEMANTIC_QUOTATIONS", setting)
    # However small or large the build: the setting alone decides.
    monkeypatch.setattr(quote_vectors, "TRANSFORMER_MAX", 0 if setting == "transformer" else 10**9)
    records = _records()[:3]
    assert _source_of(_build(records), _texts(records)) == setting


def test_auto_uses_the_model_up_to_its_limit_and_the_table_above(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SEMANTIC_QUOTATIONS", "auto")
    records = _records()[:3]
    texts = _texts(records)
    monkeypatch.setattr(quote_vectors, "TRANSFORMER_MAX", len(texts))
    assert _source_of(_build(records), texts) == "transformer"
    monkeypatch.setattr(quote_vectors, "TRANSFORMER_MAX", len(texts) - 1)
    assert _source_of(_build(records), texts) == "static"


def test_a_merge_embeds_only_the_added_quotations_by_the_same_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SEMANTIC_QUOTATIONS", "auto")
    records = _records()[:4]
    old_texts, added_texts = _texts(records[:3]), _texts(records[3:])
    embedded: list[str] = []
    original = QueryEncoder.encode_many

    def counting(self: QueryEncoder, texts: list[str]) -> np.ndarray:
        embedded.extend(texts)
        return original(self, texts)

    monkeypatch.setattr(QueryEncoder, "encode_many", counting)
    monkeypatch.setenv("SEMANTIC_QUOTATIONS", "transformer")
    old = _build(records[:3])
    # The merge follows auto: its added quotations are within the limit, so the model.
    monkeypatch.setenv("SEMANTIC_QUOTATIONS", "auto")
    monkeypatch.setattr(quote_vectors, "TRANSFORMER_MAX", len(added_texts))
    assert embedded == old_texts
    embedded.clear()
    merged = merged_index(old, [range(0, 3), list(records[3:])])
    assert embedded == added_texts  # kept quotations are copied, not embedded again
    assert _source_of(merged, old_texts + added_texts) == "transformer"
    # Over the limit, the added quotations come from the table; the kept rows stay the model's.
    monkeypatch.setattr(quote_vectors, "TRANSFORMER_MAX", len(added_texts) - 1)
    embedded.clear()
    mixed = merged_index(old, [range(0, 3), list(records[3:])])
    assert embedded == []
    kept = len(old_texts)
    np.testing.assert_array_equal(_stored(mixed)[:kept], _stored(old))
    table = embedder().embed(added_texts)
    added_rows = _stored(mixed)[kept:]
    cosines = np.sum(added_rows * table, axis=1) / np.linalg.norm(added_rows, axis=1)
    assert float(cosines.min()) > 0.995


def test_with_the_semantic_stage_off_nothing_is_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEMANTIC_QUOTATIONS", "transformer")
    monkeypatch.setenv("SEMANTIC_SEARCH", "false")
    calls: list[int] = []
    monkeypatch.setattr(QueryEncoder, "encode_many", lambda self, texts: calls.append(len(texts)))
    records = _records()[:3]
    index = CorpusIndex([a for a, _ in records], [q for _, q in records])
    assert index.vectors is None
    assert calls == []


def test_encode_many_leaves_the_question_count_and_last_vector_alone() -> None:
    encoder = query_encoder()
    assert encoder is not None
    encoder.encode("a question asked before the build")
    calls = encoder.calls
    rows = encoder.encode_many(["The levy will pay for the new bridge.", "We are not done yet."])
    assert encoder.calls == calls
    np.testing.assert_allclose(rows[0], encoder.encode("The levy will pay for the new bridge."))
    np.testing.assert_allclose(np.linalg.norm(rows, axis=1), 1.0, rtol=1e-5)
