"""Load through the local Slack emulation: a real worker, /whosaid commands and mentions.

Used by `scripts/load.py` (the full run) and tests/e2e/test_load.py (a short one). Measures
ack latency as Slack would see it, reply latency, that every question is answered exactly
once, and the worker's memory (VmRSS over time, VmHWM at the end, from /proc).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .emulator import SlackEmulator
from .worker import BotProcess, start_bot_process

QUESTIONS = [
    "who said unrealistic",
    "what did Peskov say about the conflict?",
    "when did Zelensky say he was grateful?",
    "who said robust security guarantees",
    "what did Hegseth say about NATO",
    "Kellogg",
    "who said negotiations",
    "what did Trump say about Putin",
]


@dataclass
class Phase:
    name: str
    sent: int = 0
    seconds_sending: float = 0.0
    ack_ms: list[float] = field(default_factory=list)
    reply_ms: list[float] = field(default_factory=list)
    unanswered: int = 0
    answered_twice: int = 0
    late_acks: int = 0
    replies_per_second: float = 0.0
    rss_kb: list[int] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "phase": self.name,
            "sent": self.sent,
            "sent_in_s": round(self.seconds_sending, 2),
            "acks_p50_ms": round(percentile(self.ack_ms, 50), 1),
            "acks_p99_ms": round(percentile(self.ack_ms, 99), 1),
            "acks_max_ms": round(max(self.ack_ms, default=0.0), 1),
            "late_acks_over_3s": self.late_acks,
            "reply_p50_ms": round(percentile(self.reply_ms, 50), 1),
            "reply_p99_ms": round(percentile(self.reply_ms, 99), 1),
            "replies_per_s": round(self.replies_per_second, 1),
            "answered_once": self.sent - self.unanswered - self.answered_twice,
            "unanswered": self.unanswered,
            "answered_twice": self.answered_twice,
            "rss_mb_first_last": [
                round(self.rss_kb[0] / 1024, 1) if self.rss_kb else 0,
                round(self.rss_kb[-1] / 1024, 1) if self.rss_kb else 0,
            ],
        }


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(pct) - 1]


def proc_status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class _Question:
    kind: str  # "command" | "mention"
    envelope: str
    key: str  # thread ts of a mention, response_url of a command
    sent_at: float


class LoadRun:
    """Drives one worker; `phase()` can be called several times against it."""

    def __init__(self, emulator: SlackEmulator, worker: BotProcess) -> None:
        self.emulator = emulator
        self.worker = worker
        self._n = 0

    async def _send_one(self) -> _Question:
        self._n += 1
        question = QUESTIONS[self._n % len(QUESTIONS)]
        now = time.monotonic()
        if self._n % 2:
            envelope = await self.emulator.send_slash_command(question)
            url = self.emulator.delivery(envelope).body["payload"]["response_url"]
            return _Question("command", envelope, url, now)
        event = self.emulator.mention_event(question)
        envelope = await self.emulator.send_event(event)
        return _Question("mention", envelope, event["ts"], now)

    async def phase(
        self, name: str, count: int, seconds: float, reply_timeout: float = 60.0
    ) -> Phase:
        """Send `count` questions evenly over `seconds`, then wait for every reply."""
        result = Phase(name)
        sampler = asyncio.create_task(self._sample_rss(result))
        first_call = len(self.emulator.calls)
        start = time.monotonic()
        sent: list[_Question] = []
        for i in range(count):
            due = start + i * (seconds / count)
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            sent.append(await self._send_one())
        result.sent = len(sent)
        result.seconds_sending = time.monotonic() - start
        acks = await self.emulator.wait_for_acks([q.envelope for q in sent], timeout=30)
        result.ack_ms = [a.latency * 1000 for a in acks]
        result.late_acks = sum(a.late for a in acks)
        replies = await self._wait_for_replies(sent, first_call, reply_timeout)
        sampler.cancel()
        result.rss_kb.append(proc_status_kb(self.worker.pid, "VmRSS"))
        last_reply = start
        for q in sent:
            times = replies.get(q.key, [])
            if not times:
                result.unanswered += 1
                continue
            if len(times) > 1:
                result.answered_twice += 1
            result.reply_ms.append((times[0] - q.sent_at) * 1000)
            last_reply = max(last_reply, times[0])
        answered = len(sent) - result.unanswered
        result.replies_per_second = answered / max(last_reply - start, 1e-9)
        return result

    async def _wait_for_replies(
        self, sent: list[_Question], first_call: int, timeout: float
    ) -> dict[str, list[float]]:
        deadline = time.monotonic() + timeout
        while True:
            replies = self._replies(first_call)
            if all(q.key in replies for q in sent) or time.monotonic() > deadline:
                await asyncio.sleep(0.5)  # let a duplicate, if any, arrive before counting
                return self._replies(first_call)
            await asyncio.sleep(0.05)

    def _replies(self, first_call: int) -> dict[str, list[float]]:
        """Reply times by question key, from the emulator's successful calls."""
        out: dict[str, list[float]] = {}
        for call in self.emulator.calls[first_call:]:
            if not call.ok:
                continue
            if call.method == "chat.postMessage" and call.params.get("thread_ts"):
                out.setdefault(str(call.params["thread_ts"]), []).append(call.at)
            elif call.method == "response_url":
                out.setdefault(self.emulator.base_url + call.path, []).append(call.at)
        return out

    async def _sample_rss(self, result: Phase) -> None:
        while True:
            result.rss_kb.append(proc_status_kb(self.worker.pid, "VmRSS"))
            await asyncio.sleep(1.0)


async def start_worker(
    emulator: SlackEmulator, log_path: Path, env: dict[str, str] | None = None
) -> BotProcess:
    worker = await start_bot_process(
        emulator, extra_env={"LOG_LEVEL": "WARNING", **(env or {})}, log_path=log_path
    )
    await worker.wait_until_connected(timeout=30)
    # Warm up: the first request pays for auth.test and the first search.
    run = LoadRun(emulator, worker)
    await run.phase("warm-up", 2, 0.1)
    return worker


def peak_memory_mb(worker: BotProcess) -> float:
    return proc_status_kb(worker.pid, "VmHWM") / 1024


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
