"""Fit the static table's token vectors themselves to the transformer (run once, offline).

    python scripts/refine_static_model.py --cache /work/cache_gist

`build_static_model.py` distils the table with model2vec and fits one linear map so that a
text's mean token vector comes close to all-MiniLM-L6-v2's embedding of it. This script goes
further, as tokenlearn does: every token's vector is a free parameter, fitted by least squares
so that the mean of a text's token vectors comes closest to the transformer's embedding
(projected like the questions), and pulled toward the stored table by a ridge term, so that a
token seen in few texts keeps its distilled vector:

    min_E  sum_i |mean(E[tokens of i]) - y_i|^2 + lam * |E - E0|^2

solved by conjugate gradients (the normal matrix is never formed: two sparse products per
step). A token's vector's length is its weight in the mean, so the fit learns per-token
weights too, where model2vec used Zipf's.

The teacher is the shipped question encoder's weights (bot/search/model/minilm.npz), run
in batches in NumPy here: no torch, nothing downloaded. Texts: PolNeAR train (read at build
time from ../shared/polnear/train, never stored) and our own articles, in sentences and in
what the semantic stage embeds for each quotation, leaving out every article
eval/search/questions.jsonl asks about. The teacher's embeddings are cached in `--cache`
(outside the repository; about 16 minutes to make on a busy two-core machine).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MODEL = ROOT / "bot" / "search" / "model"
POLNEAR = ROOT.parent / "shared" / "polnear" / "train"  # ../shared beside the checkout
SPAN_ROUNDS = 2
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"‘])")


def training_texts(polnear: Path) -> tuple[list[str], list[str], list[str]]:
    """Sentences (at most 60 words) and quotation texts as the index embeds them, with the
    key of their article (first 12 hex digits of its id's SHA-1, as eval/search names it)
    and their kind ("sentence" or "quotation")."""
    from bot.attribution import extract_quotations
    from bot.corpus.articles import load_file
    from bot.search.index import quotation_context

    files = sorted((polnear / "articles").glob("*.txt"))
    files += sorted((ROOT / "corpus").glob("*.txt"))
    files += sorted((ROOT / "eval" / "attribution" / "articles").glob("*.txt"))
    texts: list[str] = []
    keys: list[str] = []
    kinds: list[str] = []
    seen: set[str] = set()
    for path in files:
        for article in load_file(path):
            if article.id in seen:
                continue
            seen.add(article.id)
            key = hashlib.sha1(article.id.encode()).hexdigest()[:12]
            for start, end in article.paragraphs:
                for sentence in _SENTENCE.split(article.text[start:end]):
                    words = sentence.split()
                    for i in range(0, len(words), 60):
                        if len(words[i : i + 60]) >= 5:
                            texts.append(" ".join(words[i : i + 60]))
                            keys.append(key)
                            kinds.append("sentence")
            for quotation in extract_quotations(article):
                texts.append(quotation_context(article, quotation))
                keys.append(key)
                kinds.append("quotation")
    # Then random spans of 5 to 20 words of the longer sentences, one per sentence and round
    # (seeded): more texts of a quotation's length to fit, from the same articles.
    sentences = [
        (t, k) for t, k, kind in zip(texts, keys, kinds, strict=True) if kind == "sentence"
    ]
    for round_ in range(SPAN_ROUNDS):
        rng = random.Random(5 + round_)
        for text, key in sentences:
            words = text.split()
            if len(words) >= 12:
                n = rng.randint(5, min(20, len(words) - 2))
                first = rng.randint(0, len(words) - n)
                texts.append(" ".join(words[first : first + n]))
                keys.append(key)
                kinds.append("span")
    return texts, keys, kinds


def sampled(
    texts: list[str], keys: list[str], kinds: list[str], most: int
) -> tuple[list[str], list[str], list[str]]:
    """Every quotation text and a seeded sample of the rest, `most` in all (0: everything),
    none from the articles eval/search asks about (never fitted): a slower teacher's pass
    costs per text."""
    if not most or most >= len(texts):
        return texts, keys, kinds
    asked = asked_articles()
    quotations = [i for i, kind in enumerate(kinds) if kind == "quotation" and keys[i] not in asked]
    rest = [i for i, kind in enumerate(kinds) if kind != "quotation" and keys[i] not in asked]
    picked = sorted(quotations + random.Random(11).sample(rest, max(0, most - len(quotations))))
    return [texts[i] for i in picked], [keys[i] for i in picked], [kinds[i] for i in picked]


def asked_articles() -> set[str]:
    """The keys of the articles eval/search/questions.jsonl asks about."""
    lines = (ROOT / "eval" / "search" / "questions.jsonl").read_text().splitlines()
    return {json.loads(line)["article"] for line in lines if line}


# -- the teacher: all-MiniLM-L6-v2 in batches --------------------------------------------


def _weights(folder: Path) -> dict[str, np.ndarray]:
    stored = np.load(folder / "minilm.npz")
    w: dict[str, np.ndarray] = {}
    for name in stored.files:
        if name.endswith(".q"):
            base = name[:-2]
            w[base] = stored[name].astype(np.float32) * stored[base + ".s"][:, None]
        elif not name.endswith(".s"):
            w[name] = stored[name]
    for name in list(w):
        if name.startswith("encoder.") and name.endswith(".weight") and w[name].ndim == 2:
            w[name] = np.ascontiguousarray(w[name].T)
    return w


def _norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    # x * x * x, not x ** 3: NumPy's power is ten times slower on negative floats.
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * x * (1.0 + 0.044715 * x * x)))


def _encode_batch(w: dict[str, np.ndarray], batch: list[list[int]]) -> np.ndarray:
    """Unit sentence embeddings of token-id lists ([CLS] … [SEP]), padded and masked."""
    b, n = len(batch), max(map(len, batch))
    ids = np.zeros((b, n), dtype=np.int64)
    mask = np.zeros((b, n), dtype=np.float32)
    for i, row in enumerate(batch):
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1.0
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:n]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = _norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    dims = x.shape[-1]
    heads = 12
    head = dims // heads
    padding = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
    for layer in range(6):
        p = f"encoder.layer.{layer}."

        def linear(v: np.ndarray, name: str, p: str = p) -> np.ndarray:
            flat = v.reshape(-1, v.shape[-1]) @ w[p + name + ".weight"] + w[p + name + ".bias"]
            return flat.reshape(*v.shape[:-1], -1)

        q = linear(x, "attention.self.query").reshape(b, n, heads, head).transpose(0, 2, 1, 3)
        k = linear(x, "attention.self.key").reshape(b, n, heads, head).transpose(0, 2, 3, 1)
        v = linear(x, "attention.self.value").reshape(b, n, heads, head).transpose(0, 2, 1, 3)
        scores = (q @ k) / np.float32(np.sqrt(head)) + padding
        scores -= scores.max(axis=-1, keepdims=True)
        attn = np.exp(scores)
        attn /= attn.sum(axis=-1, keepdims=True)
        context = (attn @ v).transpose(0, 2, 1, 3).reshape(b, n, dims)
        x = _norm(
            linear(context, "attention.output.dense") + x,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        x = _norm(
            linear(_gelu(linear(x, "intermediate.dense")), "output.dense") + x,
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
        )
    pooled = (x * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
    return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)


def teacher_embeddings(texts: list[str], batch_tokens: int = 4096) -> np.ndarray:
    """The transformer's unit embedding (384-d) of every text, as the question encoder
    computes it, in batches of similar length."""
    from bot.search.encoder import QueryEncoder

    encoder = QueryEncoder()
    ids = [encoder.token_ids(text) for text in texts]
    w = _weights(MODEL)
    order = np.argsort([len(t) for t in ids], kind="stable")
    out = np.zeros((len(texts), w["embeddings.LayerNorm.weight"].shape[0]), dtype=np.float32)
    i, t0 = 0, time.perf_counter()
    while i < len(order):
        j = i + 1
        while j < len(order) and (j - i + 1) * len(ids[order[j]]) <= batch_tokens:
            j += 1
        out[order[i:j]] = _encode_batch(w, [ids[k] for k in order[i:j]])
        if i // 5000 != j // 5000:
            print(f"teacher: {j}/{len(order)} {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        i = j
    return out


# -- the fit --------------------------------------------------------------------------------


def _kernels():  # type: ignore[no-untyped-def]
    import numba

    @numba.njit(cache=False)
    def forward(table, ids, bounds, out):  # type: ignore[no-untyped-def]
        # out[i] = mean of table[ids[bounds[i]:bounds[i+1]]]
        for i in range(len(bounds) - 1):
            lo, hi = bounds[i], bounds[i + 1]
            out[i, :] = 0.0
            if hi > lo:
                for j in range(lo, hi):
                    out[i, :] += table[ids[j]]
                out[i, :] /= hi - lo

    @numba.njit(cache=False)
    def backward(residual, ids, bounds, out):  # type: ignore[no-untyped-def]
        # out = A^T residual, A the text-by-token mean matrix
        out[:, :] = 0.0
        for i in range(len(bounds) - 1):
            lo, hi = bounds[i], bounds[i + 1]
            if hi > lo:
                share = residual[i] / (hi - lo)
                for j in range(lo, hi):
                    out[ids[j]] += share

    return forward, backward


def fit_tokens(
    table: np.ndarray,
    token_lists: list[list[int]],
    targets: np.ndarray,
    lam: float,
    steps: int = 60,
) -> np.ndarray:
    """The table E minimising |A E - Y|^2 + lam |E - E0|^2 (A: texts' mean of tokens), by
    conjugate gradients on E - E0 from zero."""
    forward, backward = _kernels()
    counts = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    ids = np.fromiter(
        (t for row in token_lists for t in row), dtype=np.int64, count=int(counts.sum())
    )
    bounds = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    table = table.astype(np.float64)
    targets = targets.astype(np.float64)
    texts = np.zeros_like(targets)

    def normal(d: np.ndarray) -> np.ndarray:
        forward(d, ids, bounds, texts)
        out = np.zeros_like(d)
        backward(texts, ids, bounds, out)
        return out + lam * d

    forward(table, ids, bounds, texts)
    r = np.zeros_like(table)
    backward(targets - texts, ids, bounds, r)
    d = np.zeros_like(table)
    p = r.copy()
    rr = (r * r).sum(axis=0)
    start = rr.sum()
    for step in range(steps):
        q = normal(p)
        alpha = rr / np.maximum((p * q).sum(axis=0), 1e-30)
        d += p * alpha
        r -= q * alpha
        new = (r * r).sum(axis=0)
        p = r + p * (new / np.maximum(rr, 1e-30))
        rr = new
        if step % 10 == 9:
            print(f"cg {step + 1}: residual {np.sqrt(rr.sum() / start):.4f}", file=sys.stderr)
    return (table + d).astype(np.float32)


def mean_cosine(table: np.ndarray, token_lists: list[list[int]], targets: np.ndarray) -> float:
    """Mean cosine between each text's normalised token mean and its target."""
    forward, _ = _kernels()
    counts = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    ids = np.fromiter(
        (t for row in token_lists for t in row), dtype=np.int64, count=int(counts.sum())
    )
    bounds = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    out = np.zeros((len(token_lists), table.shape[1]))
    forward(table.astype(np.float64), ids, bounds, out)
    norms = np.maximum(np.linalg.norm(out, axis=1), 1e-12)
    return float(((out * targets).sum(axis=1) / norms).mean())


def stored_table(folder: Path = MODEL) -> tuple[list[str], np.ndarray]:
    """The shipped vocabulary and table (int8 rows times their scales)."""
    vocab = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
    codes = np.load(folder / "vectors.npy")
    scales = np.load(folder / "scales.npy")
    return vocab, codes.astype(np.float32) * scales[:, None]


def quantized(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows with one float32 scale each, as bot.search.semantic reads them."""
    scales = np.abs(table).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    return np.round(table / scales[:, None]).astype(np.int8), scales.astype(np.float32)


def store(folder: Path, table: np.ndarray, centre: np.ndarray) -> None:
    """The table (int8 and scales) and the quotations' common direction (centre.npy)."""
    codes, scales = quantized(table)
    np.save(folder / "vectors.npy", codes)
    np.save(folder / "scales.npy", scales)
    np.save(folder / "centre.npy", centre.astype(np.float32))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR)
    parser.add_argument("--cache", type=Path, required=True, help="teacher embeddings here")
    parser.add_argument(
        "--base", type=Path, required=True, help="the table build_static_model.py made"
    )
    parser.add_argument("--lam", type=float, default=0.03, help="pull toward the base table")
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--held-out", type=float, default=0.0, help="share of articles kept out")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument(
        "--teacher",
        choices=("minilm", "mpnet"),
        default="minilm",
        help="mpnet: embeddings made by scripts/mpnet_embed.py from the cache's texts.json",
    )
    parser.add_argument(
        "--max-texts", type=int, default=0, help="every quotation, then a seeded sample"
    )
    args = parser.parse_args()
    from bot.search.semantic import StaticEmbedder

    args.cache.mkdir(parents=True, exist_ok=True)
    texts_file, teacher_file = args.cache / "texts.json", args.cache / "teacher.npy"
    if texts_file.is_file() and teacher_file.is_file():
        saved = json.loads(texts_file.read_text())
        texts, keys, kinds = saved["texts"], saved["keys"], saved["kinds"]
        teacher = np.load(teacher_file)
    else:
        if texts_file.is_file():
            saved = json.loads(texts_file.read_text())
            texts, keys, kinds = saved["texts"], saved["keys"], saved["kinds"]
        else:
            texts, keys, kinds = sampled(*training_texts(args.polnear), args.max_texts)
            texts_file.write_text(json.dumps({"texts": texts, "keys": keys, "kinds": kinds}))
        if args.teacher == "mpnet":
            # all-mpnet-base-v2 is run elsewhere (torch in a build-only venv is ~5x NumPy).
            print(
                f"{len(texts)} texts in {texts_file}; now run\n  python scripts/mpnet_embed.py"
                f" MODEL_DIR {texts_file} {teacher_file} --texts-key texts [--torch]\n"
                "and this command again",
                file=sys.stderr,
            )
            return 3
        teacher = teacher_embeddings(texts)
        np.save(teacher_file, teacher)
    asked = asked_articles()
    vocab, table = stored_table(args.base)
    projection = np.load(args.base / "projection.npy")
    targets = teacher @ projection
    targets /= np.linalg.norm(targets, axis=1, keepdims=True)
    lists = [StaticEmbedder.from_table(vocab, table).token_ids(text) for text in texts]
    # Held-out articles by their key's hash, so that lam is chosen on neither eval/search
    # nor the texts fitted.
    held = {k for k in set(keys) if int(k[:4], 16) / 65536 < args.held_out}
    train = [i for i, k in enumerate(keys) if k not in asked and k not in held and lists[i]]
    test = [i for i, k in enumerate(keys) if k in held and k not in asked and lists[i]]
    print(f"{len(train)} texts to fit, {len(test)} held out", file=sys.stderr)
    fitted = fit_tokens(table, [lists[i] for i in train], targets[train], args.lam, args.steps)
    codes, scales = quantized(fitted)
    fitted = codes.astype(np.float32) * scales[:, None]  # as the run time will read it
    if test:
        before = mean_cosine(table, [lists[i] for i in test], targets[test])
        after = mean_cosine(fitted, [lists[i] for i in test], targets[test])
        print(f"held-out mean cosine to the teacher: {before:.4f} -> {after:.4f}")
    # The quotations' common direction: the mean of their unit vectors, over the texts fitted.
    quotations = [texts[i] for i in train if kinds[i] == "quotation"]
    centre = StaticEmbedder.from_table(vocab, fitted).embed(quotations).mean(axis=0)
    args.out.mkdir(parents=True, exist_ok=True)
    store(args.out, fitted, centre)
    for name in ("vocab.txt", "projection.npy"):
        if args.base.resolve() != args.out.resolve():
            (args.out / name).write_bytes((args.base / name).read_bytes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
