#!/usr/bin/env python
"""First pull of N WordPress posts, searchable with attribution: seconds, against the target.

    python scripts/bench_ingest.py                 # 10,000 posts in a real WordPress
    python scripts/bench_ingest.py --posts 2000
    python scripts/bench_ingest.py --reference     # also the one-page-at-a-time fetch

Starts the real WordPress of the tests (Debian's packages: tests/sources/wordpress_server.py),
creates the posts with one SQL script (not one REST call each), then times, in one run:
  fetch    `bot.sources` pulling every post over the REST API into a fresh CORPUS_DIR;
  index    reading, attributing and indexing those files (`Whosaid.load`, no cache);
  answer   one question whose answer is a quotation of a known post, checked.
The target (issue 12) is fetch + index <= 180 s for 10,000 posts on this 2-core machine.
With --reference, the same fetch with pages fetched one after the other (the plain loop) is
timed first, in the same run. Then a new post's way to an answer: pull + incremental re-index.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.attribution import COMPILED  # noqa: E402
from bot.service import Whosaid  # noqa: E402
from bot.sources import wordpress as wp_source  # noqa: E402
from bot.sources.config import SourceConfig  # noqa: E402
from bot.sources.ingest import pull_source  # noqa: E402
from tests.sources.wordpress_server import WordPress, start  # noqa: E402

TARGET_SECONDS = 180.0
FIRST = "Ada Brook Carl Dina Emil Fay Gus Hana Ivo Jana Kurt Lena Milo Nora Otto Pia".split()
LAST = "Arden Beck Cole Drake Ellis Frost Grant Hale Irwin Jensen Kline Lowe Marsh".split()
ROLES = [
    "the city treasurer",
    "a council member",
    "the fire chief",
    "the school superintendent",
    "a spokeswoman for the utility",
    "the harbor master",
    "a union organizer",
]
TOPICS = [
    "the water budget",
    "the new bus lanes",
    "the stadium bond",
    "the school calendar",
    "the harbor dredging",
    "the library hours",
    "the snow removal contract",
]
VERBS = [
    "will cost more than planned",
    "needs another year",
    "is finally on track",
    "was never properly reviewed",
    "should go to the voters",
    "has strong support",
]


def _post(number: int, rng: random.Random) -> tuple[str, str]:
    """A synthetic post of about 450 words with three attributed quotations."""
    people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)) for _ in range(3)]
    topic = rng.choice(TOPICS)
    paragraphs = [
        f"Officials met on Tuesday to discuss {topic}, item {number} on the agenda, "
        "after months of delays and two public hearings that drew large crowds."
    ]
    for name, role in people:
        verb = rng.choice(VERBS)
        paragraphs.append(
            f"“I think {topic} {verb}, and residents deserve a straight answer "
            f"on case {number},” said {name}, {role}."
        )
        paragraphs.append(
            "The discussion ran for more than an hour, with members raising "
            "questions about costs, schedules and the contractors involved, "
            "and several residents asked to speak during the public comment "
            "period before the vote was called."
        )
        paragraphs.append(
            f"{name.split()[1]} added that the numbers would be published "
            "before the next meeting, so that the public could compare them "
            "with the estimates presented last spring."
        )
    paragraphs.append("The council is expected to vote on the matter next month.")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"Council weighs {topic} (item {number})", body


def _sql_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def create_posts(site: WordPress, count: int) -> float:
    """Insert `count` published posts with one SQL script; seconds taken."""
    started = time.perf_counter()
    rng = random.Random(12)
    rows = []
    for number in range(count):
        title, body = _post(number, rng)
        when = f"2026-{1 + number % 11:02d}-{1 + number % 27:02d} 08:{number % 60:02d}:00"
        slug = f"post-{number}"
        rows.append(
            f"(1,'{when}','{when}',{_sql_string(body)},{_sql_string(title)},'','publish','closed',"
            f"'closed','{slug}','','','{when}','{when}','',0,'{site.base}/?p=x{number}',0,'post')"
        )
    columns = (
        "post_author,post_date,post_date_gmt,post_content,post_title,post_excerpt,"
        "post_status,comment_status,ping_status,post_name,to_ping,pinged,post_modified,"
        "post_modified_gmt,post_content_filtered,post_parent,guid,menu_order,post_type"
    )
    script = ["SET autocommit=0;"]
    for start_row in range(0, len(rows), 500):
        script.append(
            f"INSERT INTO wp_posts ({columns}) VALUES "
            + ",".join(rows[start_row : start_row + 500])
            + ";"
        )
    script.append("COMMIT;")
    site.sql("\n".join(script))
    return time.perf_counter() - started


def timed_pull(site: WordPress, corpus: Path, parallel: int) -> tuple[float, int]:
    """Seconds for the first pull into an empty `corpus`, and the number of posts added."""
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    wp_source.PARALLEL_PAGES = parallel
    config = SourceConfig(name="bench", type="wordpress", url=site.base)
    started = time.perf_counter()
    changes = pull_source(config, corpus)
    seconds = time.perf_counter() - started
    if changes.errors:
        raise SystemExit(f"pull failed: {changes.errors[:3]}")
    return seconds, len(changes.added)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--reference", action="store_true", help="also time one page at a time")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="whosaid-bench-ingest-"))
    corpus = work / "corpus"
    print(f"extractor: {'compiled' if COMPILED else 'pure Python'}", flush=True)
    site = start()
    try:
        made = create_posts(site, args.posts)
        print(f"created {args.posts} posts in WordPress by SQL in {made:.1f} s", flush=True)
        if args.reference:
            ref, _ = timed_pull(site, corpus, parallel=1)
            print(f"reference fetch (one page at a time): {ref:.1f} s", flush=True)
        fetch, added = timed_pull(site, corpus, parallel=4)
        published = int(
            site.sql(
                "SELECT COUNT(*) FROM wp_posts WHERE post_status='publish' AND post_type='post'"
            )
        )
        print(
            f"fetch: {added} posts in {fetch:.1f} s ({added / fetch:.0f} posts/s); "
            + ("all" if added == published else f"MISSED {published - added} of")
            + f" {published} published",
            flush=True,
        )
        started = time.perf_counter()
        whosaid = Whosaid.load(corpus, 3, work / "cache")
        index = time.perf_counter() - started
        print(
            f"index: {whosaid.article_count} articles read, attributed and indexed in "
            f"{index:.1f} s",
            flush=True,
        )
        answer = whosaid.ask(
            f"who said residents deserve a straight answer on case {args.posts // 2}"
        )
        first = answer.results[0] if answer.results else None
        quote = first.quotation if first else None
        ok = bool(quote and f"case {args.posts // 2}," in quote.text and quote.speaker.name)
        total = fetch + index
        verdict = "within" if total <= TARGET_SECONDS else "OVER"
        print(
            f"answer: {'ok' if ok else 'WRONG'}"
            + (f" ({quote.speaker.name}: “{quote.text}”)" if quote else "")
        )
        print(
            f"first pull searchable with attribution: {total:.1f} s for {added} posts "
            f"({verdict} the {TARGET_SECONDS:.0f} s target for 10,000)"
        )
        post = site.create_post("Late news", "<p>“The late ferry is back,” said Ines Moll.</p>")
        started = time.perf_counter()
        changes = pull_source(SourceConfig(name="bench", type="wordpress", url=site.base), corpus)
        pulled = time.perf_counter() - started
        started = time.perf_counter()
        whosaid.refresh()
        refreshed = time.perf_counter() - started
        live = whosaid.ask("who said the late ferry is back")
        found = any(r.article.url == post["link"] for r in live.results)
        print(
            f"new post: pull {pulled:.1f} s ({len(changes.added)} added, takedown sweep "
            f"included) + re-index {refreshed:.1f} s; answered: {found}"
        )
        return 0 if ok and found and added == published else 1
    finally:
        site.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
