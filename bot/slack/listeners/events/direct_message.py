"""A direct message to the bot: answer in the DM. Edits, bot messages and uploads are ignored."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import Whosaid
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.replying import answer_and_deliver, thread_poster


def is_question_from_a_person(event: dict[str, Any]) -> bool:
    # Any subtype (message_changed, bot_message, file_share, …) is not a new question, and
    # answering a bot could loop forever.
    return (
        event.get("channel_type") == "im"
        and "subtype" not in event
        and not event.get("bot_id")
        and not event.get("bot_profile")
    )


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    @app.event("message")
    async def on_message(event: dict[str, Any], client: AsyncWebClient) -> None:
        if not is_question_from_a_person(event):
            return
        deliver = thread_poster(client, event["channel"])
        await answer_and_deliver(
            whosaid, "dm", event.get("text", ""), deliver, budget=replies.budget
        )
