"""Load test: a real `python -m bot` worker against the local Slack emulation.

    python scripts/load.py                    # burst 200 in 2 s, then 20/s for 60 s
    python scripts/load.py --rate 20 --duration 10 --json
    python scripts/load.py --burst 1000 --burst-seconds 1 --duration 0   # capacity

Half the questions are /whosaid commands, half @mentions. Prints, per phase, ack latency
(p50/p99, as Slack measures it: envelope written to ack read), reply latency, replies per
second, how many were answered exactly once (and any unanswered or answered twice), and the
worker's memory: VmRSS at the start and end of each phase and VmHWM (peak) at the end.
Exit status 1 if any question was unanswered, answered twice, or acked after 3 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.slack_emulator.emulator import SlackEmulator  # noqa: E402
from tests.slack_emulator.load import (  # noqa: E402
    LoadRun,
    Phase,
    cpu_count,
    peak_memory_mb,
    start_worker,
)


async def main(args: argparse.Namespace) -> int:
    log = Path(tempfile.mkstemp(prefix="whosaid-load-", suffix=".log")[1])
    phases: list[Phase] = []
    async with SlackEmulator() as emulator:
        env = {"CORPUS_DIR": str(args.corpus.resolve())} if args.corpus else None
        worker = await start_worker(emulator, log, env)
        try:
            run = LoadRun(emulator, worker)
            if args.burst:
                phases.append(await run.phase("burst", args.burst, args.burst_seconds))
            if args.duration:
                count = int(args.rate * args.duration)
                phases.append(await run.phase("sustained", count, args.duration))
            peak = peak_memory_mb(worker)
        finally:
            result = await worker.terminate()
    report = {
        "cpus": cpu_count(),
        "phases": [p.summary() for p in phases],
        "worker_peak_rss_mb": round(peak, 1),
        "worker_exit": result.returncode,
        "worker_log": str(log),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"worker on {report['cpus']} CPU(s); log: {log}")
        for p in report["phases"]:
            print(
                f"{p['phase']:>9}: {p['sent']} sent in {p['sent_in_s']} s | acks p50 "
                f"{p['acks_p50_ms']} ms, p99 {p['acks_p99_ms']} ms, max {p['acks_max_ms']} ms, "
                f"over 3 s: {p['late_acks_over_3s']} | replies p50 {p['reply_p50_ms']} ms, "
                f"p99 {p['reply_p99_ms']} ms, {p['replies_per_s']}/s | answered once "
                f"{p['answered_once']}/{p['sent']} (unanswered {p['unanswered']}, twice "
                f"{p['answered_twice']}) | RSS {p['rss_mb_first_last'][0]} → "
                f"{p['rss_mb_first_last'][1]} MB"
            )
        print(
            f"worker peak RSS (VmHWM): {report['worker_peak_rss_mb']} MB; "
            f"exit status {report['worker_exit']}"
        )
    bad = any(p.unanswered or p.answered_twice or p.late_acks for p in phases)
    return 1 if bad or result.returncode != 0 else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=200, help="questions in the burst")
    parser.add_argument("--burst-seconds", type=float, default=2.0)
    parser.add_argument("--rate", type=float, default=20.0, help="questions a second, sustained")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of sustained load")
    parser.add_argument("--corpus", type=Path, help="CORPUS_DIR for the worker (default: shipped)")
    parser.add_argument("--json", action="store_true")
    sys.exit(asyncio.run(main(parser.parse_args())))
