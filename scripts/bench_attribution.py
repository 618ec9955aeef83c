#!/usr/bin/env python
"""Articles per second of the quotation extractor on ~1,000-word articles, one core.

    python scripts/bench_attribution.py              # our own articles, cut to ~1,000 words
    python scripts/bench_attribution.py FOLDER...    # any corpus-format articles instead
    python scripts/bench_attribution.py --seconds 5

Each source article is cut (at a paragraph boundary) or repeated to about --words words,
so the figure is comparable whatever the input. The target (issue 3) is >= 200/s. The
figure is articles per CPU second of this process (one core); wall-clock is printed too.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.attribution import COMPILED, extract_quotations  # noqa: E402
from bot.corpus.articles import Article, corpus_files, load_file, parse_article  # noqa: E402

DEFAULT_SOURCES = (ROOT / "eval" / "attribution" / "articles", ROOT / "corpus")


def sized(article: Article, words: int) -> Article:
    """The article's paragraphs, cut or repeated to about `words` words."""
    paragraphs = [article.text[a:b] for a, b in article.paragraphs]
    body: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            body.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    published = article.published.isoformat() if article.published else ""
    raw = f"---\nid: {article.id}\npublished: {published}\n---\n" + "\n\n".join(body)
    return parse_article(raw, default_id=article.id)


def load(sources: list[Path], words: int) -> list[Article]:
    articles: list[Article] = []
    for source in sources:
        paths = [source] if source.is_file() else list(corpus_files(source))
        for path in paths:
            articles += [sized(a, words) for a in load_file(path)]
    return articles


def measure(articles: list[Article], seconds: float) -> tuple[float, float, float]:
    """(articles per CPU second, per wall-clock second, quotations per article).

    CPU time of this process is the one-core figure: it does not drop when other programs
    share the machine, which wall-clock time (also printed) does."""
    for article in articles:  # warm up (regex compilation, caches)
        extract_quotations(article)
    done = quotations = 0
    wall = time.perf_counter()
    cpu = time.process_time()
    while time.perf_counter() - wall < seconds:
        for article in articles:
            quotations += len(extract_quotations(article))
        done += len(articles)
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    return done / cpu, done / wall, quotations / done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", type=Path)
    parser.add_argument("--words", type=int, default=1000, help="words per article")
    parser.add_argument("--seconds", type=float, default=3.0, help="how long to measure")
    args = parser.parse_args(argv)
    sources = args.sources or [p for p in DEFAULT_SOURCES if p.exists()]
    found = False
    print("extractor: " + ("compiled (mypyc, built at install)" if COMPILED else
                           "pure Python (not compiled: see setup.py)"))
    # One line per source: the cost follows the density of quotations and names, so a
    # mixed figure would hide what kind of article is slow.
    for source in sources:
        articles = load([source], args.words)
        if not articles:
            continue
        found = True
        rate, wall_rate, per_article = measure(articles, args.seconds)
        words = sum(len(a.text.split()) for a in articles) / len(articles)
        print(f"{rate:.0f} articles/s on one core ({wall_rate:.0f}/s wall clock)  {source}: "
              f"{len(articles)} articles of ~{words:.0f} words, {per_article:.1f} quotations "
              "each")
    if not found:
        print("no articles found", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
