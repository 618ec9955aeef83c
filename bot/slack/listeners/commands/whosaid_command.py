"""/whosaid TEXT: acknowledge at once, answer privately with a button to share it."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.service import Whosaid
from bot.slack.blocks import Block
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.replying import answer_and_deliver


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    @app.command("/whosaid")
    async def on_whosaid(ack: AsyncAck, command: dict[str, Any]) -> None:
        await ack()
        response_url = command.get("response_url", "")

        async def deliver(text: str, blocks: list[Block]) -> None:
            # response_url works in channels the bot is not a member of, unlike postEphemeral;
            # posted with retries, which bolt's respond() does not do.
            await replies.post_to_response_url(
                response_url, {"response_type": "ephemeral", "text": text, "blocks": blocks}
            )

        await answer_and_deliver(
            whosaid,
            "command",
            command.get("text", ""),
            deliver,
            shareable=True,
            budget=replies.budget,
        )
