"""The Slack app factory: an AsyncApp wired to a Whosaid service, listeners registered by kind."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import Whosaid
from bot.slack.listeners import register_all

log = logging.getLogger(__name__)


def create_app(whosaid: Whosaid, bot_token: str, api_url: str) -> AsyncApp:
    # One client for every Web API call, apps.connections.open included, so SLACK_API_URL
    # (GovSlack, or the local emulation in tests) is honoured everywhere.
    client = AsyncWebClient(token=bot_token, base_url=api_url, logger=log)
    app = AsyncApp(client=client, logger=log, ignoring_self_events_enabled=True)
    register_all(app, whosaid)
    return app
