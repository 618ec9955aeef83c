"""The command line: `python -m bot` runs the Slack worker; subcommands work without Slack.

python -m bot                     the Socket Mode worker (Procfile: worker)
python -m bot ask "QUESTION"      answer from the corpus in the terminal [--json]
python -m bot quotes [PATH ...]   every attributed quotation [--json]
python -m bot bench               search benchmark against rank-bm25
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
import textwrap
from pathlib import Path

from bot import logs
from bot.settings import Settings, SettingsError, load_settings

log = logging.getLogger("bot")

EXIT_CONFIG = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("worker", help="run the Slack Socket Mode worker (the default)")
    ask = sub.add_parser("ask", help="answer a question from the corpus, without Slack")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--corpus", type=Path, help="corpus folder (default: CORPUS_DIR)")
    ask.add_argument("--limit", type=int, help="number of results")
    quotes = sub.add_parser("quotes", help="list the attributed quotations of article files")
    quotes.add_argument("paths", nargs="*", type=Path, help="article files (default: the corpus)")
    quotes.add_argument("--json", action="store_true", help="one JSON object per line")
    quotes.add_argument("--corpus", type=Path, help="corpus folder (default: CORPUS_DIR)")
    sub.add_parser("bench", help="benchmark search against rank-bm25", add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:
        from bot.bench import main as bench_main

        return bench_main(argv[1:])
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        if args.command in (None, "worker"):
            settings.require_slack_tokens()
    except SettingsError as exc:
        print(f"whosaid: configuration error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    # SEMANTIC_SEARCH may come from .env: put the validated value where the search code and
    # the re-index process it starts read it.
    os.environ["SEMANTIC_SEARCH"] = "true" if settings.semantic_search else "false"
    secrets = tuple(
        s.get_secret_value() for s in (settings.slack_bot_token, settings.slack_app_token) if s
    )
    quiet = args.command in ("ask", "quotes")
    logs.configure("WARNING" if quiet else settings.log_level, secrets)
    if args.command == "ask":
        return _ask(settings, args)
    if args.command == "quotes":
        return _quotes(settings, args)
    return _worker(settings)


def _corpus(settings: Settings, override: Path | None) -> Path:
    return override if override is not None else settings.corpus_dir


def _ask(settings: Settings, args: argparse.Namespace) -> int:
    from bot.serialize import answer_json
    from bot.service import Whosaid

    corpus = _corpus(settings, args.corpus)
    whosaid = Whosaid.load(
        corpus, args.limit or settings.results, settings.index_cache_dir(corpus)
    )
    answer = whosaid.ask(args.question)
    if args.json:
        print(json.dumps(answer_json(answer), ensure_ascii=False, indent=2))
        return 0
    from bot.search.question import Intent

    if answer.question.intent in (Intent.HELP, Intent.EMPTY):
        from bot.slack.blocks import USAGE

        print(USAGE.replace("`", "").replace("/whosaid", "python -m bot ask"))
        return 0
    if answer.notice:
        print(answer.notice)
    from bot.slack.blocks import too_long_text

    if answer.question.intent is Intent.TOO_LONG:
        print(too_long_text())
    for number, result in enumerate(answer.results, 1):
        q = result.quotation
        article = result.article
        if q:
            who = q.speaker.name or "(speaker not identified)"
            role = f", {q.speaker.role}" if q.speaker.role else ""
            how = " ".join(p for p in (q.cue, q.medium) if p)
            when = ""
            if q.when:
                note = q.when.phrase or ("date published" if q.when.from_publication else "")
                when = f" · {q.when.date}" + (f" ({note})" if note else "")
            print(f"\n{number}. {who}{role}" + (f" · {how}" if how else "") + when)
        else:
            print(f"\n{number}. Passage")
        print(textwrap.indent(textwrap.fill(result.excerpt, 88), "   > "))
        published = article.published.isoformat() if article.published else "date unknown"
        cite = [
            article.outlet or "Unknown outlet",
            f"“{article.headline}”" if article.headline else "",
            f"by {article.byline}" if article.byline else "",
            published,
            f"¶{result.source.paragraph}",
            article.url or "",
        ]
        print("   — " + " · ".join(c for c in cite if c))
        for other in result.also_in:
            o = other.article
            print(f"   also: {o.outlet} · {o.published} · ¶{other.paragraph}")
    return 0


def _quotes(settings: Settings, args: argparse.Namespace) -> int:
    from bot.articles import ArticleError, load_corpus, load_file
    from bot.attribution import extract_quotations
    from bot.serialize import quotation_json

    if args.paths:
        articles = []
        for path in args.paths:
            try:
                articles.extend(load_file(path))
            except (ArticleError, OSError) as exc:
                print(f"whosaid: skipped {path}: {exc}", file=sys.stderr)
    else:
        articles = list(load_corpus(_corpus(settings, args.corpus)).articles)
    for article in articles:
        for q in extract_quotations(article):
            if args.json:
                print(json.dumps(quotation_json(q), ensure_ascii=False))
            else:
                who = q.speaker.name or "(unresolved)"
                when = q.when.date if q.when else ""
                print(f"{article.id} ¶{q.paragraph} {who} [{q.cue or ''}] {when}: “{q.text}”")
    return 0


def _worker(settings: Settings) -> int:
    from bot.service import Whosaid
    from bot.slack.worker import serve

    whosaid = Whosaid.load(settings.corpus_dir, settings.results, settings.index_cache_dir())
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(settings, whosaid))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `python -m bot quotes | head`: the reader left; not an error
        sys.stderr.close()
        sys.exit(0)
