"""The emulator against slack_sdk's own clients: if these pass, the bot talks to it
exactly as it would talk to Slack."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from .emulator import SlackEmulator
from .fixtures import StartWorker

SAMPLE_APP = Path(__file__).with_name("sample_app.py")

Listener = Callable[[SocketModeClient, SocketModeRequest], Awaitable[None]]


def web(emulator: SlackEmulator, token: str | None = None) -> AsyncWebClient:
    return AsyncWebClient(token=token or emulator.bot_token, base_url=emulator.api_url)


async def ack_all(client: SocketModeClient, req: SocketModeRequest) -> None:
    await client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))


@pytest.fixture
async def socket_clients(
    slack_emulator: SlackEmulator,
) -> AsyncIterator[Callable[..., Awaitable[SocketModeClient]]]:
    """Connected slack_sdk SocketModeClients; closed at teardown."""
    clients: list[SocketModeClient] = []

    async def connect(listener: Listener | None = ack_all, *, ping_interval: float = 5,
                      app_token: str | None = None) -> SocketModeClient:
        client = SocketModeClient(
            app_token=app_token or slack_emulator.app_token,
            web_client=AsyncWebClient(base_url=slack_emulator.api_url),
            ping_interval=ping_interval,
        )
        if listener is not None:
            client.socket_mode_request_listeners.append(listener)
        clients.append(client)
        await client.connect()
        return client

    yield connect
    for client in clients:
        await client.close()


# ---------------------------------------------------------------- Web API


async def test_tokens_are_checked_like_slack(slack_emulator: SlackEmulator) -> None:
    auth = await web(slack_emulator).auth_test()
    assert (auth["user_id"], auth["bot_id"], auth["team_id"]) == ("U0WHOSAID", "B0WHOSAID",
                                                                  "T0EMULATE")
    cases = [
        (AsyncWebClient(base_url=slack_emulator.api_url), "not_authed"),
        (web(slack_emulator, "xoxb-not-a-real-token"), "invalid_auth"),
        (web(slack_emulator, slack_emulator.app_token), "not_allowed_token_type"),
    ]
    for client, error in cases:
        with pytest.raises(SlackApiError) as exc:
            await client.chat_postMessage(channel="C0GENERAL", text="hi")
        assert exc.value.response["error"] == error
    # The app token opens connections; the bot token may not.
    opened = await AsyncWebClient(base_url=slack_emulator.api_url).apps_connections_open(
        app_token=slack_emulator.app_token)
    assert opened["url"].startswith(f"ws://127.0.0.1:{slack_emulator.port}/link/?ticket=")
    with pytest.raises(SlackApiError) as exc:
        await AsyncWebClient(base_url=slack_emulator.api_url).apps_connections_open(
            app_token=slack_emulator.bot_token)
    assert exc.value.response["error"] == "not_allowed_token_type"
    # Every call is recorded with the token it came with, Authorization header included.
    assert [c.token for c in slack_emulator.calls_to("apps.connections.open")] == [
        slack_emulator.app_token, slack_emulator.bot_token]
    assert all(c.token != slack_emulator.app_token for c in slack_emulator.calls_to("auth.test"))


async def test_unknown_method(slack_emulator: SlackEmulator) -> None:
    with pytest.raises(SlackApiError) as exc:
        await web(slack_emulator).api_call("chat.teleport", json={"channel": "C0GENERAL"})
    assert exc.value.response["error"] == "unknown_method"


async def test_messages_are_recorded_from_json_and_form_bodies(
    slack_emulator: SlackEmulator,
) -> None:
    client = web(slack_emulator)
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*Hegseth* said"}}]
    posted = await client.chat_postMessage(channel="C0GENERAL", text="fallback", blocks=blocks,
                                           thread_ts="1700000000.000100")
    message = await slack_emulator.wait_for_post(lambda m: m.thread_ts == "1700000000.000100")
    assert (message.ts, message.text, message.blocks) == (posted["ts"], "fallback", blocks)
    assert message.all_text() == "fallback\n*Hegseth* said"
    assert slack_emulator.calls_to("chat.postMessage")[0].params["channel"] == "C0GENERAL"

    # Form-encoded, blocks as a JSON string: how older code and api_call(data=…) send it.
    await client.api_call("chat.postMessage", data={
        "channel": "C0GENERAL", "text": "form", "blocks": '[{"type":"divider"}]'})
    form = await slack_emulator.wait_for_post(lambda m: m.text == "form")
    assert form.blocks == [{"type": "divider"}]

    await client.chat_update(channel="C0GENERAL", ts=posted["ts"], text="edited")
    assert message.text == "edited" and message.history[0]["text"] == "fallback"
    eph = await client.chat_postEphemeral(channel="C0GENERAL", user="U0REPORTER", text="psst")
    private = await slack_emulator.wait_for_post(lambda m: m.ephemeral)
    assert (private.ts, private.user) == (eph["message_ts"], "U0REPORTER")

    # What Slack refuses, the emulator refuses.
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        await client.chat_postMessage(channel="C0GENERAL", text="x",
                                      blocks=[{"type": "divider"}] * 51)
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        await client.chat_postMessage(channel="C0GENERAL", text="x", blocks=[
            {"type": "section", "text": {"type": "mrkdwn", "text": "a" * 3001}}])
    with pytest.raises(SlackApiError, match="no_text"):
        await client.api_call("chat.postMessage", json={"channel": "C0GENERAL"})
    with pytest.raises(SlackApiError, match="channel_not_found"):
        await client.chat_postMessage(channel="C0NOWHERE", text="x")
    slack_emulator.add_channel("C0RANDOM", "random", is_member=False)
    with pytest.raises(SlackApiError, match="not_in_channel"):
        await client.chat_postMessage(channel="C0RANDOM", text="x")
    with pytest.raises(SlackApiError, match="message_not_found"):
        await client.chat_update(channel="C0GENERAL", ts="1.000001", text="x")


async def test_home_view_conversations_and_users(slack_emulator: SlackEmulator) -> None:
    client = web(slack_emulator)
    view = {"type": "home", "blocks": [{"type": "section",
                                        "text": {"type": "mrkdwn", "text": "12 articles"}}]}
    await client.views_publish(user_id="U0REPORTER", view=view)
    assert slack_emulator.home_views["U0REPORTER"] == view
    info = await client.conversations_info(channel="C0GENERAL")
    assert info["channel"]["is_member"] is True
    user = await client.users_info(user="U0REPORTER")
    assert user["user"]["name"] == "reporter"
    with pytest.raises(SlackApiError, match="user_not_found"):
        await client.users_info(user="U0NOBODY")


async def test_assistant_methods_take_what_slack_takes(slack_emulator: SlackEmulator) -> None:
    client = web(slack_emulator)
    thread = slack_emulator.open_assistant_thread()
    where = {"channel_id": thread.channel, "thread_ts": thread.thread_ts}
    await client.assistant_threads_setStatus(**where, status="is searching…")
    await client.assistant_threads_setStatus(**where, status="")  # clears it
    assert [s["status"] for s in thread.statuses] == ["is searching…", ""]
    prompts = [{"title": f"t{i}", "message": f"m{i}"} for i in range(4)]
    await client.assistant_threads_setSuggestedPrompts(**where, prompts=prompts, title="Try")
    assert thread.prompts[0]["prompts"] == prompts and thread.prompts[0]["title"] == "Try"
    with pytest.raises(SlackApiError, match="invalid_arguments"):
        await client.assistant_threads_setSuggestedPrompts(**where, prompts=prompts * 2)
    with pytest.raises(SlackApiError, match="invalid_arguments"):
        await client.assistant_threads_setSuggestedPrompts(**where, prompts=[{"title": "t"}])
    with pytest.raises(SlackApiError, match="invalid_thread_ts"):
        await client.assistant_threads_setStatus(
            channel_id=thread.channel, thread_ts="1.000009", status="x"
        )
    with pytest.raises(SlackApiError, match="channel_not_found"):
        await client.assistant_threads_setStatus(
            channel_id="D0NOWHERE", thread_ts=thread.thread_ts, status="x"
        )


async def test_rich_text_is_validated_and_decoded(slack_emulator: SlackEmulator) -> None:
    client = web(slack_emulator)
    block = {"type": "rich_text", "elements": [{"type": "rich_text_quote", "elements": [
        {"type": "text", "text": "a *b* &lt;!here&gt; &amp;amp; "},
        {"type": "text", "text": "c", "style": {"bold": True}}]}]}
    await client.chat_postMessage(channel="C0GENERAL", text="x", blocks=[block])
    message = await slack_emulator.wait_for_post()
    (quote,) = message.paragraphs()
    assert quote.text == "a *b* <!here> &amp; c" and [r.bold for r in quote.runs] == [False, True]
    assert message.mentions() == []
    bad = [
        {"type": "rich_text", "elements": [{"type": "rich_text_quote", "elements": [
            {"type": "text", "text": ""}]}]},
        {"type": "rich_text", "elements": [{"type": "section", "elements": []}]},
        {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
            {"type": "text", "text": "x", "style": {"blink": True}}]}]},
    ]
    for block in bad:
        with pytest.raises(SlackApiError, match="invalid_blocks"):
            await client.chat_postMessage(channel="C0GENERAL", text="x", blocks=[block])
    huge = {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
        {"type": "text", "text": "x" * 1000} for _ in range(14)]}]}
    with pytest.raises(SlackApiError, match="msg_blocks_too_long"):
        await client.chat_postMessage(channel="C0GENERAL", text="x", blocks=[huge])
    live = {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
        {"type": "broadcast", "range": "here"}]}]}
    await client.chat_postMessage(channel="C0GENERAL", text="x", blocks=[live])
    assert slack_emulator.messages[-1].mentions() == ["broadcast"]


async def test_mentions_in_a_post_are_reported(slack_emulator: SlackEmulator) -> None:
    await web(slack_emulator).chat_postMessage(
        channel="C0GENERAL", text="&lt;!channel&gt; is safe, <!here> and <@U123ABC> are not")
    message = await slack_emulator.wait_for_post()
    assert message.mentions() == ["<!here>", "<@U123ABC>"]


# ---------------------------------------------------------------- faults


async def test_rate_limit_answers_429_with_retry_after(slack_emulator: SlackEmulator) -> None:
    slack_emulator.rate_limit("chat.postMessage", count=1, retry_after=1)
    with pytest.raises(SlackApiError) as exc:
        await web(slack_emulator).chat_postMessage(channel="C0GENERAL", text="one")
    assert exc.value.response.status_code == 429
    assert exc.value.response.headers["Retry-After"] == "1"
    assert exc.value.response["error"] == "ratelimited"
    assert slack_emulator.messages == []

    # slack_sdk's own rate-limit handler waits Retry-After out and gets through.
    slack_emulator.rate_limit("chat.postMessage", count=1, retry_after=1)
    client = web(slack_emulator)
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=1))
    loop = asyncio.get_running_loop()
    started = loop.time()
    await client.chat_postMessage(channel="C0GENERAL", text="two")
    assert loop.time() - started >= 0.9
    assert [(c.status, c.fault) for c in slack_emulator.calls_to("chat.postMessage")] == [
        (429, "429"), (429, "429"), (200, None)]
    assert [m.text for m in slack_emulator.messages] == ["two"]


async def test_server_errors_drops_and_delays(slack_emulator: SlackEmulator) -> None:
    client = web(slack_emulator)
    slack_emulator.server_error("chat.postMessage", count=1, status=503)
    with pytest.raises(SlackApiError) as exc:
        await client.chat_postMessage(channel="C0GENERAL", text="x")
    assert exc.value.response.status_code == 503

    # A dropped connection: slack_sdk's default handler retries connection errors once.
    slack_emulator.drop_next("chat.postMessage", count=1)
    await client.chat_postMessage(channel="C0GENERAL", text="after drop")
    assert [c.fault for c in slack_emulator.calls_to("chat.postMessage")] == ["503", "drop", None]
    assert [m.text for m in slack_emulator.messages] == ["after drop"]

    slack_emulator.drop_next("auth.test", count=2)
    with pytest.raises(aiohttp.ClientError):
        await client.auth_test()

    slack_emulator.delay_next("auth.test", 0.3)
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert (await client.auth_test())["ok"]
    assert loop.time() - started >= 0.3


async def test_response_url_faults(slack_emulator: SlackEmulator,
                                   socket_clients: Any) -> None:
    await socket_clients()
    envelope_id = await slack_emulator.send_slash_command("x")
    url = slack_emulator.delivery(envelope_id).body["payload"]["response_url"]
    slack_emulator.rate_limit("response_url", retry_after=2)
    first = await AsyncWebhookClient(url).send(text="one")
    assert (first.status_code, first.headers["Retry-After"]) == (429, "2")
    second = await AsyncWebhookClient(url).send(text="two")
    assert second.status_code == 200
    assert [m.text for m in slack_emulator.messages] == ["two"]


# ---------------------------------------------------------------- Socket Mode


async def test_hello_event_and_ack_latency(slack_emulator: SlackEmulator,
                                           socket_clients: Any) -> None:
    frames: list[dict[str, Any]] = []
    requests: list[SocketModeRequest] = []

    async def listener(client: SocketModeClient, req: SocketModeRequest) -> None:
        requests.append(req)
        await asyncio.sleep(0.05)  # a measurable ack latency
        await ack_all(client, req)

    client = await socket_clients(listener)
    client.message_listeners.append(
        lambda _c, message, _raw: _append(frames, message))  # type: ignore[arg-type]
    conn = await slack_emulator.wait_for_connection()
    assert conn.app_token == slack_emulator.app_token

    event = slack_emulator.mention_event("who said unrealistic", channel="C0NEWS")
    envelope_id = await slack_emulator.send_event(event)
    ack = await slack_emulator.wait_for_ack(envelope_id, timeout=3)
    assert 0.05 <= ack.latency < 3
    assert (ack.connection_id, ack.payload, ack.retry_attempt) == (conn.id, None, 0)

    (req,) = requests
    assert (req.type, req.envelope_id, req.retry_attempt, req.retry_reason) == (
        "events_api", envelope_id, 0, "")
    assert req.payload["type"] == "event_callback"
    assert req.payload["event"]["text"] == "<@U0WHOSAID> who said unrealistic"
    assert req.payload["authorizations"][0]["user_id"] == "U0WHOSAID"
    assert {"token", "team_id", "api_app_id", "event_id", "event_time"} <= req.payload.keys()
    assert "C0NEWS" in slack_emulator.channels  # where events come from, the bot can post


async def _append(frames: list[dict[str, Any]], message: dict[str, Any]) -> None:
    frames.append(message)


async def test_hello_frame(slack_emulator: SlackEmulator) -> None:
    # Read the raw frames with plain aiohttp: exactly what arrives on the wire.
    opened = await AsyncWebClient(base_url=slack_emulator.api_url).apps_connections_open(
        app_token=slack_emulator.app_token)
    async with aiohttp.ClientSession() as session, session.ws_connect(opened["url"]) as ws:
        hello = await ws.receive_json(timeout=2)
        assert hello["type"] == "hello"
        assert hello["num_connections"] == 1
        assert hello["connection_info"] == {"app_id": slack_emulator.app_id}
        assert "approximate_connection_time" in hello["debug_info"]
        await slack_emulator.send_disconnect("warning")
        assert (await ws.receive_json(timeout=2))["reason"] == "warning"
    # Tickets are single use.
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await session.ws_connect(opened["url"])


async def test_slash_command_ack_payload_and_response_url(
    slack_emulator: SlackEmulator, socket_clients: Any,
) -> None:
    async def listener(client: SocketModeClient, req: SocketModeRequest) -> None:
        if req.type == "slash_commands":
            await client.send_socket_mode_response(SocketModeResponse(
                envelope_id=req.envelope_id, payload={"text": "Looking…"}))
            await AsyncWebhookClient(req.payload["response_url"]).send(
                text="answer", blocks=[{"type": "actions", "elements": [{
                    "type": "button", "action_id": "share", "value": "v1",
                    "text": {"type": "plain_text", "text": "Share"}}]}])
        else:
            await ack_all(client, req)
            await AsyncWebhookClient(req.payload["response_url"]).send_dict(
                {"text": "shared", "response_type": "in_channel"})
            await AsyncWebhookClient(req.payload["response_url"]).send_dict(
                {"delete_original": True})

    await socket_clients(listener)
    envelope_id = await slack_emulator.send_slash_command("who said unrealistic",
                                                          user="U0ED", channel="C0DESK")
    payload = slack_emulator.delivery(envelope_id).body
    assert payload["type"] == "slash_commands" and payload["accepts_response_payload"] is True
    assert payload["payload"]["command"] == "/whosaid"
    assert payload["payload"]["response_url"].startswith(slack_emulator.base_url + "/commands/")
    ack = await slack_emulator.wait_for_ack(envelope_id)
    assert ack.payload == {"text": "Looking…"}
    answer = await slack_emulator.wait_for_post(lambda m: m.text == "answer")
    assert (answer.ephemeral, answer.user, answer.channel, answer.source) == (
        True, "U0ED", "C0DESK", "response_url")
    looking = await slack_emulator.wait_for_post(lambda m: m.source == "ack")
    assert looking.ephemeral and looking.text == "Looking…"

    click = await slack_emulator.click_button(answer)
    action = slack_emulator.delivery(click).body
    assert action["type"] == "interactive"
    assert action["payload"]["actions"][0]["value"] == "v1"
    assert action["payload"]["container"]["is_ephemeral"] is True
    assert "message" not in action["payload"]  # Slack omits ephemeral messages
    await slack_emulator.wait_for_ack(click)
    shared = await slack_emulator.wait_for_post(lambda m: m.text == "shared")
    assert (shared.ephemeral, shared.channel) == (False, "C0DESK")
    await slack_emulator._wait_until(lambda: answer.deleted, 3, "delete_original")


async def test_disconnect_then_the_client_reconnects(slack_emulator: SlackEmulator,
                                                     socket_clients: Any) -> None:
    await socket_clients()
    first = await slack_emulator.wait_for_connection()
    await slack_emulator.send_disconnect("refresh_requested", close_after=5)
    # An event sent during the refresh is held for the new connection, not lost.
    envelope_id = await slack_emulator.send_event(slack_emulator.dm_event("during refresh"))
    second = await slack_emulator.wait_for_connection(after=first.id, timeout=5)
    ack = await slack_emulator.wait_for_ack(envelope_id)
    assert ack.connection_id == second.id
    await first.wait_closed(5)  # slack_sdk closes the old socket itself
    assert slack_emulator.connections == [second]
    assert len(slack_emulator.calls_to("apps.connections.open")) == 2


async def test_dropped_connection_is_replaced(slack_emulator: SlackEmulator,
                                              socket_clients: Any) -> None:
    await socket_clients(ping_interval=0.2)
    first = await slack_emulator.wait_for_connection()
    await slack_emulator.drop_connection()
    await first.wait_closed(2)
    second = await slack_emulator.wait_for_connection(after=first.id, timeout=5)
    envelope_id = await slack_emulator.send_event(slack_emulator.dm_event("after drop"))
    assert (await slack_emulator.wait_for_ack(envelope_id)).connection_id == second.id


async def test_stalled_connection_is_detected_by_pings(slack_emulator: SlackEmulator,
                                                       socket_clients: Any) -> None:
    await socket_clients(ping_interval=0.2)
    first = await slack_emulator.wait_for_connection()
    slack_emulator.stall(first)
    lost = await slack_emulator.send_event(slack_emulator.dm_event("into the void"))
    assert slack_emulator.delivery(lost).swallowed
    # slack_sdk's heartbeat gets no pong and opens a new connection.
    second = await slack_emulator.wait_for_connection(after=first.id, timeout=5)
    envelope_id = await slack_emulator.send_event(slack_emulator.dm_event("after stall"),
                                                  connection=second)
    assert (await slack_emulator.wait_for_ack(envelope_id)).connection_id == second.id
    assert slack_emulator.delivery(lost).ack is None


async def test_two_workers_each_envelope_once_and_redelivery(
    slack_emulator: SlackEmulator, socket_clients: Any,
) -> None:
    slack_emulator.redelivery_timeout = 0.3
    seen: dict[str, list[SocketModeRequest]] = {"a": [], "b": []}

    def recorder(name: str, acks: bool) -> Listener:
        async def listener(client: SocketModeClient, req: SocketModeRequest) -> None:
            seen[name].append(req)
            if acks:
                await ack_all(client, req)
        return listener

    await socket_clients(recorder("a", acks=False), app_token=slack_emulator.issue_app_token())
    conn_a = await slack_emulator.wait_for_connection()
    await socket_clients(recorder("b", acks=True), app_token=slack_emulator.issue_app_token())
    conn_b = await slack_emulator.wait_for_connection(after=conn_a.id)

    # Round robin: two envelopes, one to each connection, each delivered once.
    for text in ("one", "two"):
        await slack_emulator.send_event(slack_emulator.dm_event(text))
    await asyncio.sleep(0.1)
    assert len(seen["a"]) == 1 and len(seen["b"]) == 1

    # Unacked on A: redelivered to B with the same event_id and retry_attempt 1.
    envelope_id = await slack_emulator.send_event(slack_emulator.dm_event("three"),
                                                  connection=conn_a)
    ack = await slack_emulator.wait_for_ack(envelope_id, timeout=3)
    assert (ack.connection_id, ack.retry_attempt) == (conn_b.id, 1)
    original, retry = slack_emulator.deliveries_of(envelope_id)
    assert retry.body["retry_reason"] == "timeout"
    assert retry.envelope_id != original.envelope_id
    assert retry.body["payload"]["event_id"] == original.body["payload"]["event_id"]
    assert seen["b"][-1].retry_attempt == 1


async def test_manual_duplicate_delivery(slack_emulator: SlackEmulator,
                                         socket_clients: Any) -> None:
    got: list[SocketModeRequest] = []

    async def listener(client: SocketModeClient, req: SocketModeRequest) -> None:
        got.append(req)
        await ack_all(client, req)

    await socket_clients(listener)
    event = slack_emulator.mention_event("twice")
    await slack_emulator.wait_for_ack(await slack_emulator.send_event(event, event_id="Ev1"))
    await slack_emulator.wait_for_ack(
        await slack_emulator.send_event(event, 2, "timeout", event_id="Ev1"))
    assert [(r.payload["event_id"], r.retry_attempt, r.retry_reason) for r in got] == [
        ("Ev1", 0, ""), ("Ev1", 2, "timeout")]


async def test_burst_of_200_envelopes(slack_emulator: SlackEmulator,
                                      socket_clients: Any) -> None:
    await socket_clients()
    await slack_emulator.wait_for_connection()
    loop = asyncio.get_running_loop()
    started = loop.time()
    ids = await asyncio.gather(*(
        slack_emulator.send_slash_command(f"q{i}") if i % 2
        else slack_emulator.send_event(slack_emulator.mention_event(f"q{i}"))
        for i in range(200)))
    acks = await slack_emulator.wait_for_acks(list(ids), timeout=5)
    assert len({a.envelope_id for a in acks}) == 200
    assert not any(a.late for a in acks)
    assert loop.time() - started < 3


# ---------------------------------------------------------------- the worker runner


async def test_start_bot_process_with_a_bolt_app(slack_emulator: SlackEmulator,
                                                 bot_worker: StartWorker) -> None:
    """slack-bolt's AsyncApp + AsyncSocketModeHandler, end to end, in a subprocess."""
    proc = await bot_worker(command=[sys.executable, str(SAMPLE_APP)])
    conn = await proc.wait_until_connected(timeout=20)

    mention = slack_emulator.mention_event("hello there")
    ack = await slack_emulator.wait_for_ack(await slack_emulator.send_event(mention), timeout=3)
    assert ack.connection_id == conn.id and ack.latency < 3
    reply = await slack_emulator.wait_for_post(lambda m: m.thread_ts == mention["ts"])
    assert reply.text == "echo: <@U0WHOSAID> hello there" and not reply.ephemeral

    command = await slack_emulator.send_slash_command("who said it")
    assert (await slack_emulator.wait_for_ack(command, timeout=3)).latency < 3
    private = await slack_emulator.wait_for_post(lambda m: m.text == "private: who said it")
    assert private.ephemeral and private.user == "U0REPORTER"
    await slack_emulator.wait_for_ack(await slack_emulator.click_button(private), timeout=3)
    shared = await slack_emulator.wait_for_post(lambda m: m.text == "shared: who said it")
    assert not shared.ephemeral

    # bolt checked the bot token once (auth.test); the app token only opened the socket.
    assert {c.method for c in slack_emulator.calls if c.token == proc.app_token} == {
        "apps.connections.open"}

    await slack_emulator.send_disconnect()
    await proc.wait_until_connected(after=conn.id, timeout=10)

    result = await proc.terminate()
    assert result.returncode == 0 and not result.timed_out
    assert result.seconds < 10
    assert slack_emulator.bot_token not in result.output
