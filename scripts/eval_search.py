#!/usr/bin/env python
"""Score search on questions asked the way reporters ask (eval/search/questions.jsonl).

    python scripts/eval_search.py                      # PolNeAR train + our articles
    python scripts/eval_search.py --semantic off       # the lexical path alone
    python scripts/eval_search.py --misses             # list the questions missed at 3
    python scripts/eval_search.py --json
    python scripts/eval_search.py --questions eval/search/unseen.jsonl \
        --extra eval/attribution/world*/articles   # another question set, more articles
    python scripts/eval_search.py --model DIR          # another table and question encoder

The corpus is every article of PolNeAR train (read at run time from ../shared/polnear/train,
never stored here), the shipped seed and our own articles (eval/attribution/articles). Each
question names its answer by article id (as the first 12 hex digits of the id's SHA-1, so no
headline words are stored here) and the quotation's offsets in the article text (or a word to
find there): it is a hit at k when one of the first k results, or another report of it, is in
that article and its excerpt covers at least half of that span. Kinds:

- gist: "who said" + the gist in other words, no content word (after stemming) shared with
  the quotation (checked here: a question breaking that rule is reported);
- role: "which <role or description> said ...", or the role instead of the name;
- topic: "what did <name> say about <the topic in other words>";
- misremembered: the quotation's words partly changed, reordered or left out;
- verbatim: words copied from the quotation.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answer import Answer, Answerer  # noqa: E402
from bot.attribution import extract_quotations  # noqa: E402
from bot.corpus.articles import (  # noqa: E402
    ARTICLE_SUFFIXES,
    JSONL_SUFFIX,
    Article,
    load_file,
)
from bot.search.index import CorpusIndex  # noqa: E402
from bot.search.question import content_terms, parse_question  # noqa: E402

QUESTIONS = ROOT / "eval" / "search" / "questions.jsonl"
POLNEAR = ROOT.parent / "shared" / "polnear" / "train"  # ../shared beside the checkout
KINDS = ("gist", "role", "topic", "misremembered", "verbatim")
EXTRA_SUFFIXES = (*ARTICLE_SUFFIXES, JSONL_SUFFIX)


def load_articles(polnear: Path, extra: Sequence[Path] = ()) -> list[Article]:
    """PolNeAR train, the shipped corpus, our own articles and any `extra` folders' articles;
    the first of a repeated id."""
    files = sorted((polnear / "articles").glob("*.txt")) if polnear.is_dir() else []
    files += sorted((ROOT / "corpus").glob("*.txt"))
    files += sorted((ROOT / "eval" / "attribution" / "articles").glob("*.txt"))
    for folder in extra:
        files += sorted(p for p in folder.iterdir() if p.suffix in EXTRA_SUFFIXES)
    seen: set[str] = set()
    articles = []
    for path in files:
        for article in load_file(path):
            if article.id not in seen:
                seen.add(article.id)
                articles.append(article)
    return articles


def article_key(article_id: str) -> str:
    """How a question names its article: the id's SHA-1, first 12 hex digits."""
    return hashlib.sha1(article_id.encode()).hexdigest()[:12]


def span_of(question: dict, article: Article) -> tuple[int, int]:
    if question.get("find"):
        start = article.text.index(question["find"])
        return start, start + len(question["find"])
    return int(question["start"]), int(question["end"])


def hit_rank(answer: Answer, article_id: str, span: tuple[int, int]) -> int | None:
    """1-based rank of the first result reporting the span, or None."""
    start, end = span
    for rank, result in enumerate(answer.results, start=1):
        for source in (result.source, *result.also_in):
            if source.article.id != article_id:
                continue
            covered = min(end, source.end) - max(start, source.start)
            if covered * 2 >= end - start:
                return rank
    return None


def use_model(folder: Path) -> None:
    """Make the process's embedder and question encoder those of `folder`."""
    from bot.search import encoder, semantic

    semantic._EMBEDDER = semantic.StaticEmbedder.load(folder)
    if (folder / "mpnet.onnx").is_file():
        sys.path.insert(0, str(ROOT / "scripts"))
        from mpnet_encoder import MpnetEncoder

        encoder._ENCODER = MpnetEncoder(folder)  # type: ignore[assignment]
    else:
        encoder._ENCODER = encoder.QueryEncoder(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR)
    parser.add_argument("--semantic", choices=("on", "off"), default="on")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="a question set")
    parser.add_argument(
        "--extra", type=Path, nargs="+", default=[], metavar="DIR", help="more article folders"
    )
    parser.add_argument(
        "--model",
        type=Path,
        help="the semantic stage's files from DIR instead (an experiment: a static table, and "
        "all-mpnet-base-v2's files for scripts/mpnet_encoder.py or MiniLM's)",
    )
    args = parser.parse_args(argv)
    if args.model:
        use_model(args.model)

    if not args.polnear.is_dir():
        # Most questions ask about PolNeAR train articles: without them the figures mean nothing.
        print(
            f"PolNeAR train not found at {args.polnear}; give its folder with --polnear",
            file=sys.stderr,
        )
        return 2
    t0 = time.perf_counter()
    missing = [folder for folder in args.extra if not folder.is_dir()]
    if missing:
        print(f"not a folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    articles = load_articles(args.polnear, args.extra)
    by_id = {article_key(a.id): a for a in articles}
    index = CorpusIndex(articles, extract_quotations, semantic=args.semantic == "on")
    build_s = time.perf_counter() - t0
    answerer = Answerer(index, limit=3)

    questions = [json.loads(line) for line in args.questions.read_text().splitlines() if line]
    tally: dict[str, list[int | None]] = defaultdict(list)
    problems: list[str] = []
    misses: list[str] = []
    referenced = set()
    for q in questions:
        article = by_id.get(q["article"])
        if article is None:
            problems.append(f"article not in the corpus: {q['article']}")
            continue
        referenced.add(article.id)
        span = span_of(q, article)
        if q["kind"] == "gist":
            shared = set(content_terms(q["question"])) & set(
                content_terms(article.text[span[0] : span[1]])
            )
            if shared:
                problems.append(f"gist question shares {sorted(shared)}: {q['question']}")
        rank = hit_rank(answerer.answer(parse_question(q["question"])), article.id, span)
        tally[q["kind"]].append(rank)
        if rank is None or rank > (1 if q["kind"] == "verbatim" else 3):
            misses.append(f"[{q['kind']}] {q['question']}")

    def rate(ranks: list[int | None], k: int) -> float:
        return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0

    every = [r for kind in KINDS for r in tally[kind]]
    report = {
        "semantic": args.semantic,
        "articles": len(articles),
        "articles_with_questions": len(referenced),
        "build_s": round(build_s, 1),
        "kinds": {
            kind: {
                "questions": len(tally[kind]),
                "hit@1": round(rate(tally[kind], 1), 3),
                "hit@3": round(rate(tally[kind], 3), 3),
            }
            for kind in KINDS
        },
        "overall": {
            "questions": len(every),
            "hit@1": round(rate(every, 1), 3),
            "hit@3": round(rate(every, 3), 3),
        },
        "problems": problems,
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(
            f"{len(articles)} articles ({len(referenced)} with questions), built in "
            f"{build_s:.1f} s, semantic stage {args.semantic}"
        )
        print(f"{'kind':<15}{'questions':>10}{'hit@1':>8}{'hit@3':>8}")
        for kind, row in [*report["kinds"].items(), ("overall", report["overall"])]:
            print(f"{kind:<15}{row['questions']:>10}{row['hit@1']:>8.3f}{row['hit@3']:>8.3f}")
        for problem in problems:
            print("problem:", problem)
        if args.misses:
            print("\n".join(misses))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
