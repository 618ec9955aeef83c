"""Event listeners: mentions in channels, direct messages, the App Home tab."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.service import Whosaid
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.events import app_home_opened, app_mention, direct_message


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    app_mention.register(app, whosaid, replies)
    direct_message.register(app, whosaid, replies)
    app_home_opened.register(app, whosaid, replies)
