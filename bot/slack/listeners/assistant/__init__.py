"""The assistant surface (Slack's split view for AI apps; paid plans): suggested prompts when a
thread opens, a status while searching, and the same verbatim answers, in the thread.

Nothing here is generated: the greeting and prompts are fixed text, and every answer is the
same blocks as in a channel or a DM (bot/slack/blocks.py).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.set_status.async_set_status import AsyncSetStatus
from slack_bolt.context.set_suggested_prompts.async_set_suggested_prompts import (
    AsyncSetSuggestedPrompts,
)
from slack_bolt.middleware.assistant.async_assistant import AsyncAssistant
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import Whosaid
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.replying import answer_and_deliver, thread_poster

log = logging.getLogger(__name__)

GREETING = (
    "Ask me who said something. I answer only with the exact words of our published "
    "articles, each with its speaker, date and article."
)
PROMPTS_TITLE = "Try asking"
# Slack shows at most four. The messages are real questions the bot answers.
SUGGESTED_PROMPTS = [
    {"title": "Who said …?", "message": "who said “unrealistic”"},
    {"title": "Check a quote", "message": "did Hegseth really say “unrealistic”?"},
    {"title": "What has X said about Y?", "message": "what has Peskov said about the call?"},
]
SEARCHING = "is searching the archive…"


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    assistant = AsyncAssistant(logger=log)

    @assistant.thread_started
    async def on_thread_started(
        event: dict[str, Any],
        client: AsyncWebClient,
        set_suggested_prompts: AsyncSetSuggestedPrompts,
    ) -> None:
        thread = event.get("assistant_thread", {})
        try:
            await client.chat_postMessage(
                channel=thread["channel_id"], thread_ts=thread["thread_ts"], text=GREETING
            )
            await set_suggested_prompts(prompts=SUGGESTED_PROMPTS, title=PROMPTS_TITLE)
        except Exception as exc:  # the thread still works without them
            log.error("assistant: could not greet a new thread: %s", exc)

    @assistant.thread_context_changed
    async def on_context_changed() -> None:
        # We answer from the archive, not from the channel the user is viewing: nothing to
        # keep (bolt's default would store it in message metadata, with extra API calls).
        return None

    @assistant.user_message
    async def on_user_message(
        event: dict[str, Any], client: AsyncWebClient, set_status: AsyncSetStatus
    ) -> None:
        channel, thread_ts = event["channel"], event.get("thread_ts") or event["ts"]
        try:
            await set_status(SEARCHING)
        except Exception as exc:  # a status is a nicety; the answer matters
            log.warning("assistant: could not set the status: %s", exc)

        deliver = thread_poster(client, channel, thread_ts)  # posting clears the status
        await answer_and_deliver(
            whosaid, "assistant", event.get("text", ""), deliver, budget=replies.budget
        )

    app.assistant(assistant)
