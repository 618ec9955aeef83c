"""Listeners grouped by kind; each package has `register(app, whosaid)`."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.service import Whosaid
from bot.slack.listeners import actions, commands, events


def register_all(app: AsyncApp, whosaid: Whosaid) -> None:
    events.register(app, whosaid)
    commands.register(app, whosaid)
    actions.register(app, whosaid)
