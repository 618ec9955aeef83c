"""all-mpnet-base-v2 as a question encoder on the CPU, measured against the shipped
all-MiniLM-L6-v2 (README, "Finding a half-remembered quotation", fourth round); not used by
the bot: the measured pair (a static table fitted to mpnet, mpnet for the question) did not
win enough to ship.

    python scripts/compare_gist_matching.py --dump-texts t.json
    python scripts/mpnet_encoder.py MODEL_DIR t.json pair.npz
    python scripts/compare_gist_matching.py --other pair.npz "mpnet table / mpnet"
    python scripts/eval_search.py --model MODEL_DIR             # the whole answer

MODEL_DIR holds the files of `scripts/export_mpnet_onnx.py` (mpnet.onnx, the layers as 8-bit
blocks; mpnet-words.npy, word rows int8, mapped; mpnet-embeddings.npz, their scales and the
positions; mpnet-vocab.txt) and a static table fitted to mpnet (`scripts/build_static_model.py
--from-table`, then `scripts/refine_static_model.py --teacher mpnet`: vocab.txt, vectors.npy,
scales.npy, centre.npy, projection.npy).

The model as sentence-transformers runs it: MPNet's uncased WordPiece (<s> … </s>, at most
384 tokens), mean of every token's output, normalised. The layers run in onnxruntime (one
thread); without it, in NumPy from the same file's weights (scripts/onnx_weights.py), about
340 MB of float32 matrices and several times slower, GELU in its tanh form.
"""

from __future__ import annotations

import json
import math
import sys
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import onnx_weights  # noqa: E402
from mpnet_embed import _bucket  # noqa: E402

from bot.search.encoder import _basic_words, _gelu  # noqa: E402
from bot.search.wordpiece import wordpiece  # noqa: E402

MAX_TOKENS = 384
_PADDING = 1  # MPNet's positions start after the padding id
_LAYERS, _HEADS = 12, 12
RUNTIMES = ("onnxruntime", "numpy")


class MpnetEncoder:
    """Text -> unit vector, as all-mpnet-base-v2 computes it (projected like the table)."""

    def __init__(self, folder: Path, runtime: str | None = None) -> None:
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
            self._session = _onnx_session(folder / "mpnet.onnx")
            if self._session is None and runtime == "onnxruntime":
                raise RuntimeError("onnxruntime or mpnet.onnx is missing")
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


def _onnx_session(path: Path) -> Any:
    """An onnxruntime session on one thread (the 8-bit blocks stay 8-bit: MatMulNBits), or
    None when onnxruntime or the graph is missing."""
    try:
        import onnxruntime
    except ImportError:
        return None
    if not path.is_file():
        return None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


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


def _norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """LayerNorm over the last axis, MPNet's epsilon (1e-5)."""
    centred = x - x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", centred, centred)[:, None] / np.float32(x.shape[-1])
    centred *= 1.0 / np.sqrt(var + np.float32(1e-5))
    centred *= weight
    centred += bias
    return centred


def main() -> int:
    """P: the folder's static table on the quotations; Q: mpnet on the gists, projected."""
    from bot.search.semantic import StaticEmbedder

    folder, texts_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    texts = json.loads(texts_file.read_text())
    encoder = MpnetEncoder(folder)
    gists = [encoder.encode(g) if g else np.zeros(encoder.dims, np.float32) for g in texts["gists"]]
    table = StaticEmbedder.load(folder)
    np.savez(out, P=table.embed(texts["quotations"]), Q=np.stack(gists))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
