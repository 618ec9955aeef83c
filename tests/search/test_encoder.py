"""The question encoder on each runtime: the embeddings of the NumPy encoder it replaced."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from bot.search.encoder import QueryEncoder

# 254 texts (the search evaluation's questions, the benchmark's generated questions and
# paraphrases, accents, punctuation, empty, one 256-token text) with the embeddings the NumPy
# encoder of commit 9bf314e gave them (float16).
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "minilm_numpy_before.npz"


def _closeness(encoder: QueryEncoder) -> np.ndarray:
    stored = np.load(FIXTURE)
    before = stored["vectors"].astype(np.float32)
    before /= np.linalg.norm(before, axis=1, keepdims=True)
    now = np.stack([encoder.encode_full(str(text)) for text in stored["texts"]])
    assert now.shape == before.shape
    return np.einsum("ij,ij->i", now, before)


def test_the_numpy_encoder_keeps_the_embeddings_it_gave_before() -> None:
    encoder = QueryEncoder(runtime="numpy")
    assert encoder.runtime == "numpy"
    assert _closeness(encoder).min() >= 0.999


def test_the_onnxruntime_encoder_gives_the_same_embeddings() -> None:
    pytest.importorskip("onnxruntime")
    encoder = QueryEncoder(runtime="onnxruntime")
    assert encoder.runtime == "onnxruntime"
    assert _closeness(encoder).min() >= 0.999
    text = "who said the ferry would stop running in winter?"
    numpy_vector = QueryEncoder(runtime="numpy").encode(text)
    assert float(encoder.encode(text) @ numpy_vector) >= 0.999


def test_without_onnxruntime_questions_are_still_embedded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails, as if not installed
    encoder = QueryEncoder()
    assert encoder.runtime == "numpy"
    close, far = (
        encoder.encode(text)
        for text in ("the council will run out of money", "a recipe for lemon cake")
    )
    question = encoder.encode("who said the city would go bankrupt?")
    assert float(question @ close) > float(question @ far)
    with pytest.raises(RuntimeError):
        QueryEncoder(runtime="onnxruntime")


def test_without_the_graph_the_numpy_encoder_answers(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    from bot.search.encoder import MODEL

    for name in ("minilm.npz", "minilm-vocab.txt", "projection.npy"):
        (tmp_path / name).symlink_to(MODEL / name)
    encoder = QueryEncoder(tmp_path)  # no minilm.onnx here
    assert encoder.runtime == "numpy"
    assert encoder.encode("a recipe for lemon cake").shape == (encoder.dims,)


def test_a_gist_embedded_twice_in_one_answer_is_computed_once() -> None:
    encoder = QueryEncoder(runtime="numpy")
    first = encoder.encode("who said the harbour would flood")
    first[:] = 0  # a caller's changes never reach the kept vector
    again = encoder.encode("who said the harbour would flood")
    assert encoder.calls == 1 and abs(float(np.linalg.norm(again)) - 1.0) < 1e-5
    encoder.encode("a recipe for lemon cake")
    assert encoder.calls == 2
    encoder.forget()
    encoder.encode("a recipe for lemon cake")
    assert encoder.calls == 3


def test_a_graph_onnxruntime_cannot_read_leaves_the_numpy_encoder(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    from bot.search.encoder import MODEL

    for name in ("minilm.npz", "minilm-vocab.txt", "projection.npy"):
        (tmp_path / name).symlink_to(MODEL / name)
    (tmp_path / "minilm.onnx").write_bytes(b"not a graph")
    encoder = QueryEncoder(tmp_path)
    assert encoder.runtime == "numpy"
    assert encoder.encode("a recipe for lemon cake").shape == (encoder.dims,)
