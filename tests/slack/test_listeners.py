"""Listeners in-process: the app from create_app, connected to the local Slack emulation."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bot.answer import Answer
from bot.service import Whosaid
from bot.slack.app import create_app
from tests.slack_emulator.emulator import SlackEmulator

from ..conftest import FIXTURE_CORPUS, fixture_extractor


class BrokenWhosaid(Whosaid):
    """A service whose search fails, as a bug or a corrupt index would."""

    def ask(self, text: str, limit: int | None = None) -> Answer:
        raise RuntimeError("index exploded")


async def _connected(emulator: SlackEmulator, whosaid: Whosaid) -> AsyncSocketModeHandler:
    app = create_app(whosaid, emulator.bot_token, emulator.api_url)
    handler = AsyncSocketModeHandler(app, emulator.app_token)
    await handler.connect_async()
    await emulator.wait_for_connection(5)
    return handler


@pytest_asyncio.fixture
async def app_with(slack_emulator: SlackEmulator) -> AsyncIterator:
    handlers: list[AsyncSocketModeHandler] = []

    async def connect(whosaid: Whosaid) -> AsyncSocketModeHandler:
        handlers.append(await _connected(slack_emulator, whosaid))
        return handlers[-1]

    yield connect
    for handler in handlers:
        await handler.close_async()


async def test_a_failure_while_answering_reaches_the_user_as_an_apology(
    slack_emulator: SlackEmulator, app_with, caplog: pytest.LogCaptureFixture
) -> None:
    await app_with(BrokenWhosaid(FIXTURE_CORPUS, extract=fixture_extractor))
    with caplog.at_level(logging.ERROR):
        event = slack_emulator.mention_event("who said anything")
        await slack_emulator.send_event(event)
        reply = await slack_emulator.wait_for_post(timeout=5)
        assert reply.thread_ts == event["ts"]
        assert reply.text.startswith("Sorry, something went wrong")
        envelope = await slack_emulator.send_slash_command("who said anything")
        await slack_emulator.wait_for_ack(envelope)
        private = await slack_emulator.wait_for_post(lambda m: m.ephemeral, timeout=5)
        assert private.text.startswith("Sorry")
    assert any("index exploded" in (r.exc_text or "") or r.exc_info for r in caplog.records)


async def test_the_worker_survives_the_failure_and_answers_the_next_question(
    slack_emulator: SlackEmulator, app_with
) -> None:
    whosaid = Whosaid(FIXTURE_CORPUS, extract=fixture_extractor)
    await app_with(whosaid)
    slack_emulator.server_error("chat.postMessage", count=1, status=500)
    await slack_emulator.send_event(slack_emulator.dm_event("who said optimistic revenue"))
    await slack_emulator.send_event(slack_emulator.dm_event("who said optimistic revenue"))
    reply = await slack_emulator.wait_for_post(timeout=10)
    assert "Olivia Grant" in reply.all_text()


async def test_mention_markup_in_the_question_is_not_echoed_as_markup(
    slack_emulator: SlackEmulator, app_with
) -> None:
    await app_with(Whosaid(FIXTURE_CORPUS, extract=fixture_extractor))
    await slack_emulator.send_event(
        slack_emulator.mention_event("<!channel> <@U999> who said <!here> optimistic revenue")
    )
    reply = await slack_emulator.wait_for_post(timeout=5)
    assert reply.mentions() == []
    assert "Olivia Grant" in reply.all_text()
