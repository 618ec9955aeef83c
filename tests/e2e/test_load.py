"""A short version of scripts/load.py: a burst against the real worker, every question
acknowledged in time and answered exactly once."""

from __future__ import annotations

from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker
from tests.slack_emulator.load import LoadRun


async def test_a_burst_of_50_commands_and_mentions_in_1s_is_acked_and_answered_once_each(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker(extra_env={"LOG_LEVEL": "WARNING"})
    await worker.wait_until_connected()
    run = LoadRun(slack_emulator, worker)
    await run.phase("warm-up", 2, 0.1)
    burst = await run.phase("burst", 50, 1.0, reply_timeout=30)
    summary = burst.summary()
    print(summary)
    assert burst.unanswered == 0 and burst.answered_twice == 0, summary
    assert burst.late_acks == 0, summary
    # The target is p99 under 100 ms; a loaded CI machine gets some slack before failing.
    assert summary["acks_p99_ms"] < 500, summary
    assert "Traceback" not in worker.output()
