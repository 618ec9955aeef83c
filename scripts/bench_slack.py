"""What a journalist feels: Slack event to reply posted, at the seed corpus and at archive size.

    python scripts/bench_slack.py [--passages 1000000] [--questions 100] [--workdir DIR]

Runs the real `python -m bot` worker against the local Slack emulation (tests/slack_emulator,
127.0.0.1 only) and measures, one question at a time, the time from sending a mention event
to the reply being posted. Then, at archive size:

* the corpus: `--passages` paragraphs generated with `bot.bench_corpus.generate_corpus` (seeded),
  rendered as articles of 20 paragraphs in JSONL files, each quoted person written as
  “…,” First Last said. so the extractor has real quotations to attribute;
* the first build (read, attribute, index) and a restart from the saved index (CACHE_DIR);
* acknowledgements while a re-index is under way: a file is added, the worker (RELOAD_SECONDS=1)
  rebuilds, and mentions are sent every 50 ms until the new index is live;
* the worker's resident memory (VmRSS) and peak (VmHWM) after the questions and after the
  re-index (the semantic stage is on unless SEMANTIC_SEARCH=false is in the environment).

The generated corpus and its index are kept in --workdir (default: a folder in /tmp) so a
second run skips generating and the first build. Outside the test suite: at 1,000,000
passages the first build takes minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.bench_corpus import generate_corpus  # noqa: E402
from tests.slack_emulator.emulator import SlackEmulator  # noqa: E402
from tests.slack_emulator.worker import BotProcess, start_bot_process  # noqa: E402

PARAGRAPHS_PER_ARTICLE = 20
ARTICLES_PER_FILE = 1000


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def render_passage(tokens: list[str], people: dict[tuple[str, str], str]) -> str:
    """Tokens as a paragraph; "first last said" becomes a quotation with its attribution."""
    for i in range(len(tokens) - 2):
        name = people.get((tokens[i], tokens[i + 1]))
        if name and tokens[i + 2] == "said":
            before, after = tokens[:i], tokens[i + 3 :]
            quote = " ".join(before).capitalize() if before else "We will see"
            rest = (" " + " ".join(after).capitalize() + ".") if after else ""
            return f"“{quote},” {name} said.{rest}"
    return " ".join(tokens).capitalize() + "."


def write_corpus(folder: Path, passages: int) -> list[tuple[str, str]]:
    """Generate the corpus into `folder` (once); returns the people quoted, most quoted first."""
    marker = folder / "people.json"
    if marker.exists():
        return [tuple(p) for p in json.loads(marker.read_text())]  # type: ignore[misc]
    corpus = generate_corpus(passages)
    folder.mkdir(parents=True, exist_ok=True)
    people = {(f, last): f"{f.title()} {last.title()}" for f, last in corpus.people}
    handle = None
    for n in range(0, passages, PARAGRAPHS_PER_ARTICLE):
        article = n // PARAGRAPHS_PER_ARTICLE
        if article % ARTICLES_PER_FILE == 0:
            if handle:
                handle.close()
            handle = (folder / f"archive-{article // ARTICLES_PER_FILE:04d}.jsonl").open("w")
        assert handle is not None
        body = "\n\n".join(
            render_passage(doc, people) for doc in corpus.docs[n : n + PARAGRAPHS_PER_ARTICLE]
        )
        record = {
            "id": f"a{article}",
            "headline": f"Generated article {article}",
            "outlet": "The Benchmark Times",
            "published": f"2024-{1 + article % 12:02d}-{1 + article % 28:02d}",
            "body": body,
        }
        handle.write(json.dumps(record) + "\n")
    if handle:
        handle.close()
    quoted = [(f.title(), last.title()) for f, last in corpus.people]
    marker.write_text(json.dumps(quoted))
    return quoted


def memory_mb(pid: int) -> dict[str, float]:
    """The worker's resident memory (now, peak; its heap, its mapped files), in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
            fields[key] = int(value.split()[0]) / 1024
    # RssFile: pages of the mapped saved index (page cache the kernel can reclaim and
    # re-read); RssAnon: the worker's own heap.
    names = {"VmRSS": "rss_mb", "VmHWM": "peak_mb", "RssAnon": "anon_mb", "RssFile": "file_mb"}
    return {label: round(fields.get(key, 0.0), 1) for key, label in names.items()}


async def ask_one(emulator: SlackEmulator, text: str) -> float:
    event = emulator.mention_event(text)
    started = time.perf_counter()
    await emulator.send_event(event)
    await emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=30)
    return (time.perf_counter() - started) * 1000


async def time_questions(emulator: SlackEmulator, questions: list[str]) -> dict[str, float]:
    await ask_one(emulator, questions[0])  # warm-up: first request pays for lazy imports
    times = [await ask_one(emulator, q) for q in questions]
    return {"p50_ms": statistics.median(times), "p95_ms": pct(times, 95), "n": len(times)}


async def start_worker(
    emulator: SlackEmulator, corpus: Path, env: dict[str, str], log: Path
) -> tuple[BotProcess, float]:
    started = time.perf_counter()
    worker = await start_bot_process(emulator, corpus, env, log_path=log)
    await worker.wait_until_connected(timeout=900)
    return worker, time.perf_counter() - started


def seed_questions() -> list[str]:
    return [
        "who said unrealistic",
        "what did Peskov say about the conflict?",
        "when did Zelensky say he was grateful?",
        "Putin Trump phone call",
        "who said “robust security guarantees”",
        "what did Leavitt say about Kellogg",
    ] * 10


def archive_questions(people: list[tuple[str, str]], count: int) -> list[str]:
    out = []
    for i in range(count):
        first, last = people[(i * 7) % min(len(people), 500)]
        out.append(
            (
                f"what did {first} {last} say",
                f"{last}",
                "who said we will see",
                f"what did {last} say about the government",
            )[i % 4]
        )
    return out


async def _wait_for_count(worker: BotProcess, text: str, count: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while worker.output().count(text) < count and time.monotonic() < deadline:
        await asyncio.sleep(0.2)


async def reindex_acks(emulator: SlackEmulator, worker: BotProcess, corpus: Path) -> dict:
    """Add a file; send a mention every 50 ms until the new index is live; ack latencies."""
    before = worker.output().count("now answering from")
    (corpus / "late-news.txt").write_text("“We are still here,” said Ida Vale on Monday.\n")
    added = time.perf_counter()
    acks: list[float] = []
    deadline = time.monotonic() + 900
    while worker.output().count("now answering from") == before and time.monotonic() < deadline:
        envelope = await emulator.send_event(emulator.mention_event("who said still here"))
        ack = await emulator.wait_for_ack(envelope, timeout=10)
        acks.append(ack.latency * 1000)
        await asyncio.sleep(0.05)
    live = time.perf_counter() - added
    print(f"an added file was live after {live:.1f} s", flush=True)
    # Put the corpus back and let the worker re-index it, so the saved index matches the
    # generated corpus again for the next run.
    (corpus / "late-news.txt").unlink()
    await _wait_for_count(worker, "now answering from", before + 2, timeout=900)
    await asyncio.sleep(30)  # the new index is saved after it goes live
    return {
        "acks": len(acks),
        "p50_ms": statistics.median(acks),
        "p99_ms": pct(acks, 99),
        "max_ms": max(acks),
        "live_after_s": live,
    }


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--seed-only", action="store_true")
    args = parser.parse_args()
    work = args.workdir or Path(f"/tmp/whosaid-bench-{args.passages}")
    work.mkdir(parents=True, exist_ok=True)
    report: dict[str, object] = {}
    async with SlackEmulator() as emulator:
        worker, _ = await start_worker(emulator, REPO / "corpus", {}, work / "seed-worker.log")
        report["seed"] = await time_questions(emulator, seed_questions()[: args.questions])
        await worker.terminate()
        print(
            f"seed corpus: event to reply p50 {report['seed']['p50_ms']:.1f} ms, "  # type: ignore[index]
            f"p95 {report['seed']['p95_ms']:.1f} ms",
            flush=True,
        )
        if args.seed_only:
            print(json.dumps(report))
            return 0

        corpus = work / "corpus"
        t = time.perf_counter()
        people = write_corpus(corpus, args.passages)
        print(
            f"corpus ready in {time.perf_counter() - t:.1f} s ({args.passages:,} passages)",
            flush=True,
        )
        env = {"CACHE_DIR": str(work / "cache"), "RELOAD_SECONDS": "1"}
        # The first start builds the saved index (or brings it up to date); the second is
        # what a restart costs.
        worker, seconds = await start_worker(emulator, corpus, env, work / "archive-worker.log")
        report["archive_first_start_s"] = seconds
        print(f"first start (build or update the saved index): {seconds:.1f} s", flush=True)
        await worker.terminate()
        worker, seconds = await start_worker(emulator, corpus, env, work / "archive-worker.log")
        report["archive_start_s"] = seconds
        print(f"restart from the saved index: connected after {seconds:.1f} s", flush=True)
        report["archive"] = await time_questions(
            emulator, archive_questions(people, args.questions)
        )
        print(
            f"{args.passages:,} passages: event to reply p50 "
            f"{report['archive']['p50_ms']:.1f} ms, p95 {report['archive']['p95_ms']:.1f} ms",  # type: ignore[index]
            flush=True,
        )
        report["memory_after_questions"] = memory_mb(worker.pid)
        print(f"worker memory after the questions: {report['memory_after_questions']}", flush=True)
        report["acks_during_reindex"] = await reindex_acks(emulator, worker, corpus)
        print(f"acks during re-index: {report['acks_during_reindex']}", flush=True)
        # The re-index runs in a child process; the worker maps the index it saved.
        report["memory_after_reindex"] = memory_mb(worker.pid)
        print(f"worker memory after the re-index: {report['memory_after_reindex']}", flush=True)
        await worker.terminate()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
