"""Interactive actions: buttons on the bot's own messages."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.service import Whosaid
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.actions import more_button, share_button


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    share_button.register(app, whosaid, replies)
    more_button.register(app, whosaid, replies)
