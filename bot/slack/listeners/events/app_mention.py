"""@Whosaid in a channel: answer in the mention's thread."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import Whosaid
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.replying import answer_and_deliver, thread_poster


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    @app.event("app_mention")
    async def on_mention(event: dict[str, Any], client: AsyncWebClient) -> None:
        deliver = thread_poster(client, event["channel"], event.get("thread_ts") or event["ts"])
        # The bot's own <@U…> mention is Slack markup; the question parser drops all of it.
        await answer_and_deliver(
            whosaid, "mention", event.get("text", ""), deliver, budget=replies.budget
        )
