#!/usr/bin/env python
"""Score the quotation check (`bot.check`) on claims generated from a set's gold quotations.

    python scripts/eval_check.py                              # our set (eval/attribution)
    python scripts/eval_check.py ../shared/polnear/train      # a PolNeAR split
    python scripts/eval_check.py --json --articles 200 ...    # one JSON object per set

A set is a folder with `articles/` and `gold.jsonl` (as for scripts/eval_attribution.py).
Claims are made here, at run time, from the gold quotations, so no article text is stored:
one article in five is held out of the archive, the others are indexed as the worker would
index them (attribution included), and from each gold quotation of an indexed article with a
named speaker comes one claim, the kinds in turn:

- verbatim: the whole quotation (exact);
- fragment: a stretch of at least five of its words (exact);
- changed / dropped / added: one or two words (never the first or last, never neighbours)
  replaced by another word, left out, or added (close; the differences are known);
- wrong speaker: the quotation claimed for another named speaker, every other time one quoted
  in the same article (misattributed);
- invented: a quotation of a held-out article, none of whose five-word runs is in the
  archive (not_found).

Claims alternate between naming the right speaker and naming none. A verdict is right when it
is the kind's; a close claim's differences are exactly right when the check's non-equal
operations are the ones made, op by op, with the same words on each side (compared without
the punctuation at their edges).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.check import Checker  # noqa: E402
from bot.check.words import Word, words  # noqa: E402
from bot.corpus.articles import Article, corpus_files, load_file  # noqa: E402
from bot.service import Whosaid  # noqa: E402

OWN_SET = ROOT / "eval" / "attribution"
KINDS = ("verbatim", "fragment", "changed", "dropped", "added", "wrong speaker", "invented")
EXPECTED = {
    "verbatim": "exact",
    "fragment": "exact",
    "changed": "close",
    "dropped": "close",
    "added": "close",
    "wrong speaker": "misattributed",
    "invented": "not_found",
}
# Words put into claims (ours, generic): none is likely to be the word it replaces.
FILLERS = (
    "certainly never quietly county remarkable morning anyway rather hardly truly "
    "entirely widely soon nearly simply clearly openly sharply deeply roughly partly "
    "warmly badly mostly frankly"
).split()
PRONOUNS = frozenset("he she they it we i you his her their its one".split())
_EDGE = " \t\n,.;:!?\"“”‘’'()[]—–-…"


@dataclass
class Claim:
    kind: str
    text: str
    speaker: str | None
    expected: str
    diff: list[tuple[str, str, str]]  # non-equal ops expected (close kinds)


def _named(speaker: str | None) -> bool:
    return bool(speaker) and speaker[:1].isupper() and speaker.lower() not in PRONOUNS  # type: ignore[union-attr]


def _inner_positions(rng: np.random.Generator, n: int, count: int) -> list[int]:
    """`count` word positions, not first or last, not neighbours; ascending."""
    for _ in range(50):
        picks = sorted(int(p) for p in rng.choice(np.arange(1, n - 1), size=count, replace=False))
        if all(b - a >= 2 for a, b in zip(picks, picks[1:], strict=False)):
            return picks
    return picks[:1]


def _filler(rng: np.random.Generator, avoid: set[str]) -> str:
    while True:
        word = FILLERS[int(rng.integers(len(FILLERS)))]
        if word not in avoid:
            return word


def make_claim(
    kind: str,
    text: str,
    said: list[Word],
    speaker: str,
    other: str,
    rng: np.random.Generator,
    named: bool,
) -> Claim | None:
    """One claim of `kind` from a quotation whose words are `said` (offsets into `text`)."""
    n = len(said)
    lo, hi = said[0].start, said[-1].end
    who = speaker if named else None
    keys = {w.key for w in said}
    if kind == "verbatim":
        return Claim(kind, text[lo:hi], who, "exact", [])
    if kind == "fragment":
        if n < 8:
            return None
        size = int(rng.integers(5, n - 1))
        at = int(rng.integers(0, n - size + 1))
        return Claim(kind, text[said[at].start : said[at + size - 1].end], who, "exact", [])
    if kind == "wrong speaker":
        return Claim(kind, text[lo:hi], other, "misattributed", [])
    if n < 6:
        return None
    count = 1 if n < 12 else int(rng.integers(1, 3))
    picks = _inner_positions(rng, n, count)
    pieces: list[str] = []
    diff: list[tuple[str, str, str]] = []
    at = lo
    for p in picks:
        w = said[p]
        if kind == "changed":
            new = _filler(rng, keys)
            pieces += [text[at : w.start], new]
            at = w.end
            diff.append(("replace", new, text[w.start : w.end]))
        elif kind == "dropped":
            pieces.append(text[at : w.start])
            at = said[p + 1].start
            diff.append(("delete", "", text[w.start : w.end]))
        else:  # added
            new = _filler(rng, keys)
            pieces += [text[at : w.start], new + " "]
            at = w.start
            diff.append(("insert", new, ""))
    pieces.append(text[at:hi])
    return Claim(kind, "".join(pieces), who, "close", diff)


def load_set(folder: Path, limit: int | None) -> tuple[list[Article], list[dict]]:
    articles = []
    for path in corpus_files(folder / "articles"):
        articles.extend(load_file(path))
    if limit:
        articles = articles[:limit]
    wanted = {a.id for a in articles}
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text().splitlines() if line]
    return articles, [g for g in gold if g["article"] in wanted]


def build_claims(
    articles: list[Article], gold: list[dict], seed: int
) -> tuple[list[Claim], set[int]]:
    """The claims, and the indexes of the held-out articles."""
    rng = np.random.default_rng(seed)
    held = {i for i in range(len(articles)) if i % 5 == 4}
    by_id = {a.id: i for i, a in enumerate(articles)}
    named = sorted({g["speaker"] for g in gold if _named(g.get("speaker"))})
    by_article: dict[str, list[str]] = {}
    for g in gold:
        if _named(g.get("speaker")) and g["speaker"] not in by_article.setdefault(g["article"], []):
            by_article[g["article"]].append(g["speaker"])
    archive_shingles: set[tuple[str, ...]] = set()
    for i, article in enumerate(articles):
        if i not in held:
            keys = [w.key for w in words(article.text)]
            archive_shingles.update(tuple(keys[j : j + 5]) for j in range(len(keys) - 4))
    claims: list[Claim] = []
    turn = 0
    for g in gold:
        number = by_id[g["article"]]
        article = articles[number]
        said = words(article.text, g["start"], g["end"])
        if len(said) < 3:
            continue
        if number in held:
            keys = [w.key for w in said]
            runs = {tuple(keys[j : j + 5]) for j in range(len(keys) - 4)}
            if len(said) >= 6 and not runs & archive_shingles:
                text = article.text[said[0].start : said[-1].end]
                claims.append(Claim("invented", text, None, "not_found", []))
            continue
        speaker = g.get("speaker")
        if g.get("unresolved") or not _named(speaker):
            continue
        surname = speaker.split()[-1].lower()
        # The wrong speaker is, every other time, someone quoted in the same article: the
        # confusion a draft makes most easily, and the hardest to catch.
        nearby = [s for s in by_article.get(g["article"], []) if s.split()[-1].lower() != surname]
        others = [s for s in named if s.split()[-1].lower() != surname]
        pool = nearby if nearby and turn % 2 else others
        other = pool[int(rng.integers(len(pool)))] if pool else "Nobody Known"
        for _ in range(len(KINDS) - 1):  # the next kind this quotation can make
            kind = KINDS[turn % (len(KINDS) - 1)]
            turn += 1
            claim = make_claim(kind, article.text, said, speaker, other, rng, bool(turn % 2))
            if claim is not None:
                claims.append(claim)
                break
    return claims, held


def _bare(text: str) -> str:
    return text.strip(_EDGE)


def score(folder: Path, limit: int | None, seed: int, show: int) -> dict:
    articles, gold = load_set(folder, limit)
    claims, held = build_claims(articles, gold, seed)
    tmp = Path(tempfile.mkdtemp(prefix="whosaid-eval-check-"))
    try:
        for i, article in enumerate(articles):
            if i not in held:
                (tmp / f"{i:05d}.jsonl").write_text(
                    json.dumps(
                        {
                            "id": article.id,
                            "headline": article.headline,
                            "outlet": article.outlet,
                            "published": article.published.isoformat()
                            if article.published
                            else None,
                            "body": article.text,
                        }
                    )
                    + "\n"
                )
        checker = Checker(Whosaid.load(tmp).index)
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        wrong: list[dict] = []
        for claim in claims:
            check = checker.check(claim.text, claim.speaker)
            row = totals[claim.kind]
            row[0] += 1
            right = check.verdict.value == claim.expected
            row[1] += right
            if claim.expected == "close":
                row[2] += 1
                got = (
                    [
                        (d.op, _bare(d.claim), _bare(d.published))
                        for d in check.matches[0].diff
                        if d.op != "equal"
                    ]
                    if right
                    else []
                )
                exact_diff = right and got == [(o, _bare(c), _bare(p)) for o, c, p in claim.diff]
                row[3] += exact_diff
                right = exact_diff
            if not right and len(wrong) < show:
                wrong.append(
                    {
                        "kind": claim.kind,
                        "claim": claim.text,
                        "speaker": claim.speaker,
                        "verdict": check.verdict.value,
                        "expected": claim.expected,
                        "diff": [(d.op, d.claim, d.published) for d in check.matches[0].diff]
                        if check.matches
                        else [],
                    }
                )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    kinds = {
        k: {
            "claims": totals[k][0],
            "right_verdicts": round(totals[k][1] / totals[k][0], 3) if totals[k][0] else None,
            **(
                {"diffs_exactly_right": round(totals[k][3] / totals[k][2], 3)}
                if totals[k][2]
                else {}
            ),
        }
        for k in KINDS
        if totals[k][0]
    }
    n = sum(t[0] for t in totals.values())
    close = sum(t[2] for t in totals.values())
    return {
        "set": str(folder),
        "articles_indexed": len(articles) - len(held),
        "claims": n,
        "right_verdicts": round(sum(t[1] for t in totals.values()) / n, 3) if n else None,
        "close_diffs_exactly_right": round(sum(t[3] for t in totals.values()) / close, 3)
        if close
        else None,
        "by_kind": kinds,
        "wrong": wrong,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="data sets (default: our own)")
    parser.add_argument("--articles", type=int, help="use only the first N articles of a set")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=0, help="print up to N wrong claims")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    for folder in args.sets or [OWN_SET]:
        result = score(folder, args.articles, args.seed, args.show)
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
            continue
        print(
            f"{result['set']}: {result['claims']} claims, "
            f"{result['articles_indexed']} articles indexed"
        )
        print(
            f"  right verdicts {result['right_verdicts']}, close diffs exactly right "
            f"{result['close_diffs_exactly_right']}"
        )
        for kind, row in result["by_kind"].items():
            extra = (
                f", diffs exactly right {row['diffs_exactly_right']}"
                if "diffs_exactly_right" in row
                else ""
            )
            print(
                f"  {kind:<14} {row['claims']:>5} claims, "
                f"right verdicts {row['right_verdicts']}{extra}"
            )
        for w in result["wrong"]:
            print("  WRONG", json.dumps(w, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
