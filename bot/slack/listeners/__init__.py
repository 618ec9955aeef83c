"""Listeners grouped by kind; each package has `register(app, whosaid)`."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.service import Whosaid
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners import actions, assistant, commands, events, shortcuts


def register_all(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    # A middleware: it takes assistant-thread events before the DM listener sees them.
    assistant.register(app, whosaid, replies)
    events.register(app, whosaid, replies)
    commands.register(app, whosaid, replies)
    actions.register(app, whosaid, replies)
    shortcuts.register(app, whosaid, replies)
