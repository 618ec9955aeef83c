"""'Post to channel' on a private /whosaid answer: the same answer, posted for everyone."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.service import Whosaid
from bot.slack.blocks import SHARE_ACTION_ID, Block
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.replying import answer_and_deliver


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    @app.action(SHARE_ACTION_ID)
    async def on_share(ack: AsyncAck, action: dict[str, Any], body: dict[str, Any]) -> None:
        await ack()
        response_url = body.get("response_url", "")

        async def deliver(text: str, blocks: list[Block]) -> None:
            # The answer is recomputed from the question, never taken from the (user-editable)
            # message, so what is posted is still verbatim from the corpus.
            await replies.post_to_response_url(
                response_url,
                {
                    "response_type": "in_channel",
                    "replace_original": False,
                    "text": text,
                    "blocks": blocks,
                },
            )

        await answer_and_deliver(
            whosaid, "share", action.get("value", ""), deliver, budget=replies.budget
        )
