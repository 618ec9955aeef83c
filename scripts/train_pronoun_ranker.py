#!/usr/bin/env python
"""Train the experimental pronoun ranker (bot/attribution/ranker.py) on PolNeAR train.

    python scripts/train_pronoun_ranker.py ../shared/polnear/train

For every "he"/"she" speaker the rules resolve in a train article whose quotation matches a
gold one with a resolved speaker, the candidates the rules list are scored by their
features; the gold speaker's candidate (by last word) is the right one. A conditional
logit (softmax over each pronoun's candidates) is fitted by gradient descent, and the
weights are written to bot/attribution/pronoun_ranker.json. Never run it on dev.
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

os.environ["WHOSAID_PURE_PYTHON"] = "1"  # instrumented below, so the .py files must run
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_attribution as ev  # noqa: E402

from bot.attribution import extract_quotations, ranker, resolve  # noqa: E402

Instance = list[tuple[str, list[float]]]


def collect(folder: Path) -> list[tuple[Instance, set[int]]]:
    """(candidates with features, indexes of the right ones) per resolved pronoun."""
    pending: list[list[tuple[str, int, list[float]]]] = []
    made: dict[int, list[tuple[str, int, list[float]]]] = {}
    original_weights, original_choose = ranker.weights, ranker.choose
    original_pronoun = resolve.resolve_pronoun

    def record(scored: list[tuple[str, int, list[float]]], w: object) -> tuple[str, int]:
        pending.append(scored)
        rule = next((c for c in scored if c[2][-1] == 1.0), scored[0])
        return rule[0], rule[1]

    def pronoun(ents: object, word: str, pos: int) -> object:
        pending.clear()
        found = original_pronoun(ents, word, pos)  # type: ignore[arg-type]
        if pending:
            made[id(found)] = pending[-1]
        return found

    ranker.weights = lambda: (0.0,) * len(ranker.FEATURES)  # type: ignore[assignment]
    ranker.choose = record  # type: ignore[assignment]
    resolve.resolve_pronoun = pronoun  # type: ignore[assignment]
    out: list[tuple[Instance, set[int]]] = []
    try:
        articles, gold = ev.load_set(folder)
        for article_id, article in articles.items():
            made.clear()
            preds = extract_quotations(article)
            golds = gold.get(article_id, [])
            for i, j in ev.match(preds, golds):
                g = golds[j]
                scored = made.get(id(preds[i].speaker))
                if g.get("unresolved") or scored is None:
                    continue
                want = ev.last_word(g["speaker"])
                right = {k for k, c in enumerate(scored) if ev.last_word(c[0]) == want}
                if right and len(scored) > 1:
                    out.append(([(c[0], c[2]) for c in scored], right))
    finally:
        ranker.weights, ranker.choose = original_weights, original_choose
        resolve.resolve_pronoun = original_pronoun
    return out


def fit(data: list[tuple[Instance, set[int]]], steps: int = 400, rate: float = 0.5,
        l2: float = 1e-3) -> list[float]:
    n = len(ranker.FEATURES)
    w = [0.0] * n
    for _ in range(steps):
        grad = [0.0] * n
        for cands, right in data:
            scores = [sum(a * b for a, b in zip(w, f, strict=True)) for _, f in cands]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            p_right = sum(exps[k] for k in right) / total
            for k, (_, f) in enumerate(cands):
                p = exps[k] / total
                target = (exps[k] / total / p_right) if k in right else 0.0
                for d in range(n):
                    grad[d] += (p - target) * f[d]
        w = [wd - rate * (gd / len(data) + l2 * wd) for wd, gd in zip(w, grad, strict=True)]
    return w


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared/polnear/train")
    if "dev" in folder.name:
        raise SystemExit("train on train only: dev is for measuring")
    data = collect(folder)
    w = fit(data)

    def accuracy(weights: list[float]) -> float:
        right = 0
        for cands, good in data:
            best = max(range(len(cands)), key=lambda k: sum(
                a * b for a, b in zip(weights, cands[k][1], strict=True)))
            right += best in good
        return right / len(data)

    rule = [0.0] * len(ranker.FEATURES)
    rule[-1] = 1.0
    print(f"{len(data)} pronouns with several candidates; rules pick right "
          f"{accuracy(rule):.3f}, ranker {accuracy(w):.3f} (train)")
    ranker.WEIGHTS.write_text(json.dumps(
        {"features": list(ranker.FEATURES), "weights": [round(x, 4) for x in w],
         "trained_on": folder.name, "instances": len(data)}, indent=1) + "\n")
    print("wrote", ranker.WEIGHTS.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
