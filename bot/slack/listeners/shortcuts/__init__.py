"""Shortcuts: entries in Slack's menus (the message menu's "Check quotes")."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.service import Whosaid
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.shortcuts import check_quotes


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    check_quotes.register(app, whosaid, replies)
