"""Slash commands."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.service import Whosaid
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.commands import whosaid_command


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    whosaid_command.register(app, whosaid, replies)
