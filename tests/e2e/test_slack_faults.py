"""Slack's own failure modes against the real worker: duplicates, rate limits, dead links,
shutdown with answers under way, and two workers at once (a rolling deploy)."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker
from tests.slack_emulator.records import Message

QUESTION = "who said unrealistic"
ANSWER = "Pete Hegseth"
# Short timings so fault tests take seconds, not Slack's minutes.
FAST = {"SOCKET_PING_SECONDS": "0.5", "REPLY_RETRY_SECONDS": "5", "RELOAD_SECONDS": "0"}


def replies_to(emulator: SlackEmulator, ts: str) -> list[Message]:
    return [m for m in emulator.messages if m.thread_ts == ts and not m.deleted]


async def settle(emulator: SlackEmulator, seconds: float = 0.5) -> None:
    """Give a wrong second answer time to show up before counting."""
    await asyncio.sleep(seconds)


# -- retries and duplicates ---------------------------------------------------------------


async def test_a_redelivered_event_is_answered_exactly_once(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker(extra_env=FAST)
    await worker.wait_until_connected()
    event = slack_emulator.mention_event(QUESTION)
    first = await slack_emulator.send_event(event, event_id="Ev0DUPLICATE")
    retries = [
        await slack_emulator.send_event(event, n, "timeout", event_id="Ev0DUPLICATE")
        for n in (1, 2, 3)
    ]
    # Every delivery is acknowledged, so Slack stops retrying…
    acks = await slack_emulator.wait_for_acks([first, *retries])
    assert all(not ack.late for ack in acks)
    await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=10)
    await settle(slack_emulator)
    # …and the question is answered once.
    assert len(replies_to(slack_emulator, event["ts"])) == 1
    await worker.wait_for_log("delivered again (retry 3)")


async def test_a_duplicate_on_another_workers_connection_is_answered_once_with_a_shared_dir(
    slack_emulator: SlackEmulator, bot_worker: StartWorker, tmp_path: Path
) -> None:
    env = {**FAST, "DEDUPE_DIR": str(tmp_path / "seen-events")}
    old, new = await bot_worker(extra_env=env), await bot_worker(extra_env=env)
    old_conn, new_conn = await old.wait_until_connected(), await new.wait_until_connected()
    event = slack_emulator.mention_event(QUESTION)
    await slack_emulator.send_event(event, event_id="Ev0ROLLING", connection=old_conn)
    await slack_emulator.send_event(event, 1, "timeout", event_id="Ev0ROLLING", connection=new_conn)
    await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=10)
    await settle(slack_emulator, 1.0)
    assert len(replies_to(slack_emulator, event["ts"])) == 1


async def test_an_event_lost_on_a_dead_link_is_redelivered_elsewhere_and_answered_once(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    slack_emulator.redelivery_timeout = 1.0  # Slack retries unacked events (after ~3 s)
    a, b = await bot_worker(extra_env=FAST), await bot_worker(extra_env=FAST)
    conn_a, conn_b = await a.wait_until_connected(), await b.wait_until_connected()
    slack_emulator.stall(conn_a)
    event = slack_emulator.mention_event(QUESTION)
    envelope = await slack_emulator.send_event(event, connection=conn_a)  # swallowed
    ack = await slack_emulator.wait_for_ack(envelope, timeout=10)
    assert ack.retry_attempt >= 1
    await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=10)
    await settle(slack_emulator)
    assert len(replies_to(slack_emulator, event["ts"])) == 1
    assert conn_b.open


# -- rolling deploys ------------------------------------------------------------------------


async def test_two_workers_connected_at_once_answer_every_question_once(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    old, new = await bot_worker(extra_env=FAST), await bot_worker(extra_env=FAST)
    await old.wait_until_connected()
    await new.wait_until_connected()
    events = [slack_emulator.mention_event(f"{QUESTION} {n}") for n in range(10)]
    envelopes = [await slack_emulator.send_event(e) for e in events]
    await slack_emulator.wait_for_acks(envelopes, timeout=5)
    commands = [await slack_emulator.send_slash_command(QUESTION) for _ in range(6)]
    await slack_emulator.wait_for_acks(commands, timeout=5)
    await slack_emulator.wait_for_posts(16, timeout=15)
    await settle(slack_emulator)
    for event in events:
        assert len(replies_to(slack_emulator, event["ts"])) == 1
    assert len([m for m in slack_emulator.messages if m.ephemeral]) == 6
    # Both workers took a share: the deploy overlap really had two live consumers.
    served = {d.connection_id for d in slack_emulator.deliveries}
    assert len(served) == 2
    # The old one leaves (SIGTERM); the new one keeps answering alone.
    assert (await old.terminate()).returncode == 0
    event = slack_emulator.mention_event(QUESTION)
    await slack_emulator.send_event(event)
    await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=10)


# -- rate limits, 5xx, dropped HTTP connections ---------------------------------------------


async def test_rate_limited_and_failing_post_message_is_retried_until_it_arrives(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker(extra_env=FAST)
    await worker.wait_until_connected()
    slack_emulator.rate_limit("chat.postMessage", count=1, retry_after=1)
    slack_emulator.server_error("chat.postMessage", count=1, status=502)
    slack_emulator.drop_next("chat.postMessage", count=1)
    event = slack_emulator.mention_event(QUESTION)
    await slack_emulator.send_event(event)
    reply = await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=15)
    assert ANSWER in reply.all_text()
    faults = [c.fault for c in slack_emulator.calls_to("chat.postMessage")]
    assert faults == ["429", "502", "drop", None]
    rate_limited, retried = slack_emulator.calls_to("chat.postMessage")[:2]
    assert retried.at - rate_limited.at >= 1.0  # Retry-After was waited out
    assert len(replies_to(slack_emulator, event["ts"])) == 1


async def test_rate_limited_and_failing_response_url_is_retried_until_it_arrives(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker(extra_env=FAST)
    await worker.wait_until_connected()
    slack_emulator.rate_limit("response_url", count=1, retry_after=1)
    slack_emulator.server_error("response_url", count=1, status=503)
    slack_emulator.drop_next("response_url", count=1)
    envelope = await slack_emulator.send_slash_command(QUESTION)
    await slack_emulator.wait_for_ack(envelope)
    private = await slack_emulator.wait_for_post(lambda m: m.ephemeral, timeout=15)
    assert ANSWER in private.all_text()
    faults = [c.fault for c in slack_emulator.calls_to("response_url")]
    assert faults == ["429", "503", "drop", None]

    # The share button's in-channel post goes through the same retries.
    slack_emulator.rate_limit("response_url", count=1, retry_after=1)
    await slack_emulator.click_button(private)
    public = await slack_emulator.wait_for_post(lambda m: not m.ephemeral, timeout=15)
    assert ANSWER in public.all_text()


async def test_a_reply_that_cannot_be_delivered_is_logged_with_its_cause(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker(extra_env={**FAST, "REPLY_RETRY_SECONDS": "2"})
    await worker.wait_until_connected()
    slack_emulator.server_error("response_url", count=20, status=503)
    await slack_emulator.send_slash_command(QUESTION)
    out = await worker.wait_for_log("could not post the reply", timeout=20)
    assert "HTTP 503" in out and "internal_error" in out
    # A Retry-After beyond the reply's budget is not waited for: failed fast, with the cause.
    slack_emulator.clear_faults()
    slack_emulator.rate_limit("chat.postMessage", count=1, retry_after=120)
    await slack_emulator.send_event(slack_emulator.mention_event(QUESTION))
    out = await worker.wait_for_log("ratelimited", timeout=10)
    assert "mention: could not post the reply" in out
    # And the worker still answers.
    event = slack_emulator.mention_event(QUESTION)
    await slack_emulator.send_event(event)
    await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=10)


# -- connections --------------------------------------------------------------------------


async def test_dropped_and_closed_websockets_are_reopened_and_no_event_is_lost(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker(extra_env=FAST)
    conn = await worker.wait_until_connected()
    events = []
    for fault in (slack_emulator.drop_connection, slack_emulator.close_connection):
        await fault(conn)
        # Sent while no connection is open: Slack holds it for the next one.
        events.append(slack_emulator.mention_event(QUESTION))
        await slack_emulator.send_event(events[-1])
        conn = await worker.wait_until_connected(timeout=15, after=conn.id)
    for event in events:
        await slack_emulator.wait_for_post(lambda m, e=event: m.thread_ts == e["ts"], timeout=10)
        assert len(replies_to(slack_emulator, event["ts"])) == 1


async def test_a_stalled_connection_is_detected_and_replaced(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker(extra_env=FAST)
    stalled = await worker.wait_until_connected()
    slack_emulator.stall(stalled)
    # No pong within the ping interval: the link is given up and a new one opened.
    fresh = await worker.wait_until_connected(timeout=10, after=stalled.id)
    await stalled.wait_closed(timeout=5)
    event = slack_emulator.mention_event(QUESTION)
    await slack_emulator.send_event(event, connection=fresh)
    await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=10)


# -- shutdown -------------------------------------------------------------------------------


async def test_sigterm_finishes_answers_under_way_closes_the_socket_and_exits_0(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker(extra_env=FAST)
    conn = await worker.wait_until_connected()
    slow = 3.0
    slack_emulator.delay_next("chat.postMessage", slow, count=3)
    slack_emulator.delay_next("response_url", slow, count=1)
    events = [slack_emulator.mention_event(f"{QUESTION} {n}") for n in range(3)]
    envelopes = [await slack_emulator.send_event(e) for e in events]
    envelopes.append(await slack_emulator.send_slash_command(QUESTION))
    await slack_emulator.wait_for_acks(envelopes)
    await asyncio.sleep(0.5)  # answers computed; their posts are now on the wire
    result = await worker.terminate(signal.SIGTERM, timeout=15)
    assert result.returncode == 0 and not result.timed_out
    assert result.seconds < 10
    # Every answer under way was posted, whole, once; none was cut off.
    for event in events:
        (reply,) = replies_to(slack_emulator, event["ts"])
        assert ANSWER in reply.all_text()
    (private,) = [m for m in slack_emulator.messages if m.ephemeral]
    assert ANSWER in private.all_text()
    assert "NOT delivered" not in result.output and "still under way" not in result.output
    # The socket was closed first (no new questions), before the slow posts completed.
    assert conn.closed_at is not None
    assert conn.closed_at < min(c.at for c in slack_emulator.calls_to("chat.postMessage"))


async def test_sigterm_while_slack_is_unreachable_still_exits_0_at_once(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    slack_emulator.server_error("apps.connections.open", count=1000, status=503)
    worker = await bot_worker(extra_env=FAST)
    await slack_emulator.wait_for_call("apps.connections.open", timeout=20)
    await asyncio.sleep(0.5)  # slack_sdk is now in its retry-forever loop
    result = await worker.terminate(signal.SIGTERM, timeout=10)
    assert result.returncode == 0 and not result.timed_out, result.output
    assert result.seconds < 5
