"""'More' under a timeline reply: the next page replaces the reply, in the same place."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.service import Whosaid
from bot.slack.blocks import Block
from bot.slack.delivery import ReplyPolicy
from bot.slack.timeline_reply import MORE_ACTION_ID, more_value_of, timeline_and_deliver


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    @app.action(MORE_ACTION_ID)
    async def on_more(ack: AsyncAck, action: dict[str, Any], body: dict[str, Any]) -> None:
        await ack()
        asked = more_value_of(action)
        response_url = body.get("response_url", "")
        if asked is None or not response_url:
            return
        question, offset = asked

        async def deliver(text: str, blocks: list[Block]) -> None:
            # The page is recomputed from the question, never taken from the message.
            await replies.post_to_response_url(
                response_url, {"replace_original": True, "text": text, "blocks": blocks}
            )

        await timeline_and_deliver(
            whosaid, "more", question, deliver, offset=offset, budget=replies.budget
        )
