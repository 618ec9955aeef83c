"""A timeline question through the real worker: newest statements first, and "More"."""

from __future__ import annotations

from pathlib import Path

from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "timeline_corpus"
ACK_SECONDS = 3.0


async def test_more_replaces_the_reply_with_the_next_statements(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker(corpus_dir=CORPUS)
    await worker.wait_until_connected()
    envelope = await slack_emulator.send_slash_command("What has Helen Park said?")
    assert (await slack_emulator.wait_for_ack(envelope)).latency < ACK_SECONDS
    first = await slack_emulator.wait_for_post(lambda m: m.ephemeral, timeout=10)
    shown = first.all_text()
    assert "newest first by the date it was said" in shown
    assert shown.index("a promise kept") < shown.index("will not wait")  # 2025-03-10, 01-05
    assert "The seawall failed us" not in shown  # the oldest: on the next page
    (button,) = [b for b in first.buttons() if b["action_id"] == "whosaid_more"]
    assert button["text"]["text"] == "More (from 6)"

    click = await slack_emulator.click_button(first, "whosaid_more")
    assert (await slack_emulator.wait_for_ack(click)).latency < ACK_SECONDS
    await worker.wait_for_log("more timeline: 2 result(s) from 6")
    after = first.all_text()  # replaced in place
    assert "The seawall failed us" in after and "a promise kept" not in after
    assert [b for b in first.buttons() if b["action_id"] == "whosaid_more"] == []
    assert "Traceback" not in worker.output()
