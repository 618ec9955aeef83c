"""A newsroom that has not added articles yet: the worker starts and says so when asked."""

from __future__ import annotations

from pathlib import Path

from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker


async def test_worker_with_an_empty_corpus_starts_and_says_so(
    slack_emulator: SlackEmulator, bot_worker: StartWorker, tmp_path: Path
) -> None:
    empty = tmp_path / "corpus"
    empty.mkdir()
    worker = await bot_worker(corpus_dir=empty)
    await worker.wait_until_connected()
    await slack_emulator.send_event(slack_emulator.dm_event("who said unrealistic"))
    reply = await slack_emulator.wait_for_post(timeout=10)
    assert "The corpus has no articles yet." in reply.all_text()
