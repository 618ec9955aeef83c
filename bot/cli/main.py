"""The command line: `python -m bot` runs the Slack worker; subcommands work without Slack.

python -m bot                     the Socket Mode worker (Procfile: worker)
python -m bot ask "QUESTION"      answer from the corpus in the terminal [--json]
python -m bot quotes [PATH ...]   every attributed quotation [--json]
python -m bot check "CLAIM"       was it published, by whom, in those words [--speaker] [--json]
python -m bot bench               search benchmark against rank-bm25
python -m bot ingest              pull every source in SOURCES into CORPUS_DIR once [--watch]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
from dataclasses import replace
from pathlib import Path

from bot import logs
from bot.settings import Settings, SettingsError, load_settings

log = logging.getLogger("bot")

EXIT_CONFIG = 2
EXIT_USAGE = 2


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
    check = sub.add_parser("check", help="check a claimed quotation against the corpus")
    check.add_argument("claim", help='the words, or a question: did Peskov say "…"?')
    check.add_argument("--speaker", help="who is claimed to have said it")
    check.add_argument("--json", action="store_true", help="print the verdict as JSON")
    check.add_argument("--corpus", type=Path, help="corpus folder (default: CORPUS_DIR)")
    sub.add_parser("bench", help="benchmark search against rank-bm25", add_help=False)
    ingest = sub.add_parser("ingest", help="pull the SOURCES into CORPUS_DIR and say what changed")
    ingest.add_argument("--corpus", type=Path, help="corpus folder (default: CORPUS_DIR)")
    ingest.add_argument("--source", action="append", help="only this source (by name)")
    ingest.add_argument(
        "--watch", action="store_true", help="keep pulling every SOURCES_POLL_SECONDS"
    )
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
    os.environ["SEMANTIC_QUOTATIONS"] = settings.semantic_quotations
    secrets = settings.secrets()
    quiet = args.command in ("ask", "quotes", "check")
    logs.configure("WARNING" if quiet else settings.log_level, secrets)
    if args.command == "ask":
        return _ask(settings, args)
    if args.command == "quotes":
        return _quotes(settings, args)
    if args.command == "ingest":
        return _ingest(settings, args)
    if args.command == "check":
        return _check(settings, args)
    return _worker(settings)


def _corpus(settings: Settings, override: Path | None) -> Path:
    return override if override is not None else settings.corpus_dir


def _ask(settings: Settings, args: argparse.Namespace) -> int:
    from bot.cli.serialize import answer_json
    from bot.service import Whosaid

    corpus = _corpus(settings, args.corpus)
    whosaid = Whosaid.load(corpus, args.limit or settings.results, settings.index_cache_dir(corpus))
    answer = whosaid.ask(args.question)
    if args.json:
        print(json.dumps(answer_json(answer), ensure_ascii=False, indent=2))
        return 0
    from bot.cli.terminal import render_answer
    from bot.help import USAGE, too_long_text

    usage = USAGE.replace("`", "").replace("/whosaid", "python -m bot ask")
    print(render_answer(answer, usage, too_long_text(), bold=sys.stdout.isatty()))
    return 0


def _quotes(settings: Settings, args: argparse.Namespace) -> int:
    from bot.attribution import extract_quotations
    from bot.cli.serialize import quotation_json
    from bot.corpus.articles import ArticleError, load_corpus, load_file

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


def _ingest(settings: Settings, args: argparse.Namespace) -> int:
    from bot.sources.ingest import keep_pulling, pull_all

    corpus = _corpus(settings, args.corpus)
    sources = [s for s in settings.sources if not args.source or s.name in args.source]
    if not sources:
        print("whosaid: no sources to pull (set SOURCES; see README)", file=sys.stderr)
        return EXIT_CONFIG
    if args.watch:
        import threading

        every = settings.sources_poll_seconds or 60.0
        with contextlib.suppress(KeyboardInterrupt):
            keep_pulling(sources, corpus, every, threading.Event())
        return 0
    failed = False
    for name, changes in pull_all(sources, corpus).items():
        print(
            f"{name}: {len(changes.added)} added, {len(changes.updated)} updated, "
            f"{len(changes.removed)} removed"
            + (f", {len(changes.errors)} errors" if changes.errors else "")
        )
        for label, keys in (("+", changes.added), ("~", changes.updated), ("-", changes.removed)):
            for key in keys[:50]:
                print(f"  {label} {name}/{key}")
            if len(keys) > 50:
                print(f"  {label} … and {len(keys) - 50} more")
        for error in changes.errors[:10]:
            print(f"  ! {error}")
        failed = failed or bool(changes.errors)
    return 1 if failed else 0


def _check(settings: Settings, args: argparse.Namespace) -> int:
    from bot.check import parse_check
    from bot.check.report import check_json, check_text
    from bot.service import Whosaid

    request = parse_check(args.claim, whole_message=True)
    if request is None or not request.claims:
        print("whosaid: nothing to check: give the words to look for", file=sys.stderr)
        return EXIT_USAGE
    corpus = _corpus(settings, args.corpus)
    whosaid = Whosaid.load(corpus, settings.results, settings.index_cache_dir(corpus))
    if args.speaker:
        request = replace(request, speaker=args.speaker)
    checks = whosaid.check(request)
    if args.json:
        found = [check_json(c) for c in checks]
        print(json.dumps(found[0] if len(found) == 1 else found, ensure_ascii=False, indent=2))
        return 0
    print("\n\n".join(check_text(c) for c in checks))
    return 0


def _worker(settings: Settings) -> int:
    from bot.service import Whosaid
    from bot.slack.worker import serve

    whosaid = Whosaid.load(settings.corpus_dir, settings.results, settings.index_cache_dir())
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(settings, whosaid))
    return 0
