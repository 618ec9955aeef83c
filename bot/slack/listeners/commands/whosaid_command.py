"""/whosaid TEXT: acknowledge at once, answer privately with a button to share it."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond

from bot.service import Whosaid
from bot.slack.blocks import Block
from bot.slack.listeners.replying import answer_and_deliver


def register(app: AsyncApp, whosaid: Whosaid) -> None:
    @app.command("/whosaid")
    async def on_whosaid(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()

        async def deliver(text: str, blocks: list[Block]) -> None:
            # response_url works in channels the bot is not a member of, unlike postEphemeral.
            await respond(response_type="ephemeral", text=text, blocks=blocks)

        await answer_and_deliver(
            whosaid, "command", command.get("text", ""), deliver, shareable=True
        )
