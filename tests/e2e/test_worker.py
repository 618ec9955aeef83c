"""The real `python -m bot` worker against the local Slack emulation, over real sockets."""

from __future__ import annotations

import asyncio
import signal

from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker

ACK_SECONDS = 3.0


async def test_mention_is_answered_in_its_thread_with_the_verbatim_quotation(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker()
    await worker.wait_until_connected()
    event = slack_emulator.mention_event("who said unrealistic")
    envelope = await slack_emulator.send_event(event)
    ack = await slack_emulator.wait_for_ack(envelope)
    assert ack.latency < ACK_SECONDS
    reply = await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=10)
    shown = reply.all_text()
    assert "Pete Hegseth" in shown
    assert "was “unrealistic,”" in shown
    assert "The Washington Post" in shown and "2025-02-12" in shown
    assert reply.channel == "C0GENERAL" and not reply.ephemeral
    assert "Putin should never be trusted" not in shown  # the reader comment after the footer


async def test_after_connecting_the_worker_loads_the_compiled_loop_and_answers_the_same(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker(extra_env={"COMPILED_SEARCH": "true"})
    await worker.wait_until_connected()

    async def ask() -> str:
        event = slack_emulator.mention_event("what did Hegseth say about NATO allies")
        await slack_emulator.send_event(event)
        reply = await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], 10)
        return reply.all_text()

    before = await ask()  # answered at once: the loop loads in the background
    for _ in range(240):  # the first compilation on a new machine takes a few seconds
        if "short queries now use the compiled loop" in worker.output():
            break
        await asyncio.sleep(0.25)
    assert "short queries now use the compiled loop" in worker.output()
    assert await ask() == before
    assert "Traceback" not in worker.output()


async def test_slash_command_is_acked_at_once_answered_privately_and_shareable(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker()
    await worker.wait_until_connected()
    envelope = await slack_emulator.send_slash_command("what did Peskov say about the conflict?")
    ack = await slack_emulator.wait_for_ack(envelope)
    assert ack.latency < ACK_SECONDS
    private = await slack_emulator.wait_for_post(lambda m: m.ephemeral, timeout=10)
    assert "Dmitry Peskov" in private.all_text()
    assert "root cause of the conflict" in private.all_text()

    await slack_emulator.click_button(private)
    public = await slack_emulator.wait_for_post(lambda m: not m.ephemeral, timeout=10)
    assert public.channel == "C0GENERAL"
    assert "root cause of the conflict" in public.all_text()


async def test_dm_is_answered_and_edits_bots_and_uploads_are_not(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker()
    await worker.wait_until_connected()
    for ignored in (
        slack_emulator.dm_event("who said unrealistic", subtype="message_changed"),
        slack_emulator.dm_event("who said unrealistic", bot_id="B0OTHER"),
        slack_emulator.dm_event("who said unrealistic", subtype="file_share"),
    ):
        await slack_emulator.send_event(ignored)
    event = slack_emulator.dm_event("when did Zelensky say he was grateful?")
    envelope = await slack_emulator.send_event(event)
    assert (await slack_emulator.wait_for_ack(envelope)).latency < ACK_SECONDS
    reply = await slack_emulator.wait_for_post(timeout=10)
    assert reply.channel == event["channel"]
    assert "grateful" in reply.all_text() and "Zelensky" in reply.all_text()
    await worker.wait_for_log("dm answered")
    assert len([m for m in slack_emulator.messages if not m.deleted]) == 1


async def test_help_empty_question_and_app_home(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker()
    await worker.wait_until_connected()
    await slack_emulator.send_event(slack_emulator.mention_event(""))
    usage = await slack_emulator.wait_for_post(timeout=10)
    assert "/whosaid" in usage.all_text() and "1 article" in usage.all_text()
    await slack_emulator.send_event(slack_emulator.app_home_opened_event())
    call = await slack_emulator.wait_for_call("views.publish", timeout=10)
    assert "Searching *1* published article ·" in str(call.params)


async def test_reconnects_after_disconnect_and_exits_cleanly_on_sigterm(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker()
    first = await worker.wait_until_connected()
    await slack_emulator.send_disconnect("refresh_requested", close_after=1.0)
    await worker.wait_until_connected(after=first.id)
    envelope = await slack_emulator.send_event(slack_emulator.mention_event("who said unrealistic"))
    assert (await slack_emulator.wait_for_ack(envelope)).latency < ACK_SECONDS
    await slack_emulator.wait_for_post(timeout=10)

    result = await worker.terminate(signal.SIGTERM, timeout=10)
    assert result.returncode == 0
    assert "Traceback" not in result.output
    for secret in (slack_emulator.bot_token, worker.app_token):
        assert secret not in result.output
