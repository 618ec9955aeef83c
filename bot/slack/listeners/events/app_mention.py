"""@Whosaid in a channel: answer in the mention's thread."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import Whosaid
from bot.slack.blocks import Block
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.replying import answer_and_deliver


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    @app.event("app_mention")
    async def on_mention(event: dict[str, Any], client: AsyncWebClient) -> None:
        channel = event["channel"]
        thread_ts = event.get("thread_ts") or event["ts"]

        async def deliver(text: str, blocks: list[Block]) -> None:
            await client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                text=text,
                blocks=blocks,
                unfurl_links=False,
                unfurl_media=False,
            )

        # The bot's own <@U…> mention is Slack markup; the question parser drops all of it.
        await answer_and_deliver(
            whosaid, "mention", event.get("text", ""), deliver, budget=replies.budget
        )
