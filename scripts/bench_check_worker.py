#!/usr/bin/env python
"""The check as the worker runs it, at archive size: memory and latency from the saved index.

    python scripts/bench_check_worker.py [--passages 1000000] [--claims 200] [--workdir DIR]

The corpus is scripts/bench_slack.py's (generated passages as articles, each quoted person
written as “…,” First Last said.), indexed by `python -m bot.corpus.reindex`, the worker's own
re-index, into a saved index. A fresh process then loads it as the worker does (mapped, no
article read), and checks claims made from its quotations: 20-word stretches verbatim, with
two words changed, with a wrong speaker, and invented ones. It prints the process's resident
memory after loading and after the checks (VmRSS, the peak VmHWM, and how much of it is the
mapped index's file pages), and the checks' p50 / p95. The workdir keeps the corpus and
index, so a second run skips both.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(corpus: Path, cache: Path, count: int) -> dict:
    """Runs in a fresh process: load like the worker, then time `count` checks."""
    import numpy as np

    from bot.check import CheckRequest
    from bot.service import Whosaid

    started = time.perf_counter()
    whosaid = Whosaid.load(corpus, 3, cache)
    loaded_s = time.perf_counter() - started
    rss_loaded = _status_mb("VmRSS")
    index = whosaid.index
    rng = np.random.default_rng(3)
    claims: list[tuple[str, str, str | None]] = []
    while len(claims) < count:
        q = index.quotations[int(rng.integers(len(index.quotations)))].quotation
        said = q.text.rstrip(",.").split()
        if len(said) < 22:
            continue
        at = int(rng.integers(len(said) - 20))
        words = said[at : at + 20]
        kind = ("verbatim", "changed", "wrong speaker", "invented")[len(claims) % 4]
        if kind == "changed":
            words[5], words[13] = "quietly", "county"
        elif kind == "invented":
            words = [said[(7 * i) % len(said)] for i in range(20)][::-1]
        speaker = "Nobody Known" if kind == "wrong speaker" else q.speaker.name
        claims.append((kind, " ".join(words), speaker))
    for _, claim, speaker in claims[:10]:  # warm up, as the first questions after a start
        whosaid.check(CheckRequest((claim,), speaker))
    times, verdicts = [], {}
    for kind, claim, speaker in claims:
        t0 = time.perf_counter()
        (check,) = whosaid.check(CheckRequest((claim,), speaker))
        times.append((time.perf_counter() - t0) * 1000)
        verdicts.setdefault(kind, {}).setdefault(check.verdict.value, 0)
        verdicts[kind][check.verdict.value] += 1
    ms = np.asarray(times)
    return {
        "passages": len(index.passages),
        "quotations": len(index.quotations),
        "load_s": round(loaded_s, 2),
        "rss_after_load_mb": round(rss_loaded, 1),
        "rss_after_checks_mb": round(_status_mb("VmRSS"), 1),
        "peak_rss_mb": round(_status_mb("VmHWM"), 1),
        # Mapped index files' pages are file-backed (the kernel can drop them); the rest is
        # the process's own memory (decoded articles kept for reuse included).
        "rss_file_mb": round(_status_mb("RssFile"), 1),
        "rss_anon_mb": round(_status_mb("RssAnon"), 1),
        "claims": len(claims),
        "p50_ms": round(float(np.percentile(ms, 50)), 2),
        "p95_ms": round(float(np.percentile(ms, 95)), 2),
        "max_ms": round(float(ms.max()), 2),
        "verdicts": verdicts,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--measure", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], args.measure[1], args.claims)))
        return 0
    from bench_slack import write_corpus

    from bot.corpus.store import FORMAT

    work = args.workdir or Path(f"/tmp/whosaid-check-bench-{args.passages}")
    corpus, cache = work / "corpus", work / "cache"
    t0 = time.perf_counter()
    write_corpus(corpus, args.passages)
    print(f"corpus ready in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    built = subprocess.run(
        [sys.executable, "-m", "bot.corpus.reindex", str(corpus), str(cache), FORMAT], cwd=REPO
    )
    if built.returncode != 0:
        print(f"re-index failed ({built.returncode})", file=sys.stderr)
        return 1
    print(f"index ready in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--claims",
            str(args.claims),
            "--measure",
            str(corpus),
            str(cache),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return 1
    print(done.stdout.strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
