"""'Check quotes' on any message: every quoted span in it checked, answered privately.

The answer goes to the response_url of the `message_action` payload as an ephemeral
message: only the person who asked sees it, in the channel where they asked, next to the
message. That needs no scope beyond `commands`, works in channels the bot is not a member
of (unlike chat.postEphemeral), and, unlike a modal (views.open), does not have to be opened
within the trigger's 3 seconds or be re-rendered to show the result.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.check import parse_check
from bot.service import Whosaid
from bot.slack.check_blocks import Block
from bot.slack.checking import check_and_deliver
from bot.slack.delivery import ReplyPolicy

CALLBACK_ID = "check_quotes"


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    @app.message_shortcut(CALLBACK_ID)
    async def on_check_quotes(ack: AsyncAck, shortcut: dict[str, Any]) -> None:
        await ack()
        response_url = shortcut.get("response_url", "")
        message = shortcut.get("message") or {}

        async def deliver(text: str, blocks: list[Block]) -> None:
            await replies.post_to_response_url(
                response_url, {"response_type": "ephemeral", "text": text, "blocks": blocks}
            )

        # The message's own words: quoted spans are the claims ("Peskov said “…”" names him).
        request = parse_check(message.get("text") or "", whole_message=True)
        if request is None:  # not reached with whole_message, kept for the type checker
            return
        await check_and_deliver(whosaid, "shortcut", request, deliver, budget=replies.budget)
