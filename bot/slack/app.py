"""The Slack app factory: an AsyncApp wired to a Whosaid service, listeners registered by kind."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import Whosaid
from bot.slack.dedupe import EventDeduper, dedupe_middleware
from bot.slack.delivery import REQUEST_TIMEOUT, ReplyPolicy
from bot.slack.listeners import register_all

log = logging.getLogger(__name__)


class _DropTokenUnusedWarning(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN itself and warns that our client wins; it is meant to."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


log.addFilter(_DropTokenUnusedWarning())


def create_app(
    whosaid: Whosaid,
    bot_token: str,
    api_url: str,
    *,
    replies: ReplyPolicy | None = None,
    deduper: EventDeduper | None = None,
) -> AsyncApp:
    replies = replies or ReplyPolicy()
    # One client for every Web API call, apps.connections.open included, so SLACK_API_URL
    # (GovSlack, or the local emulation in tests) is honoured everywhere.
    client = AsyncWebClient(
        token=bot_token,
        base_url=api_url,
        logger=log,
        timeout=REQUEST_TIMEOUT,
        # A 429 is waited out (Retry-After); 5xx and dropped connections are retried with
        # backoff, a few times, so a reply survives Slack's transient failures.
        retry_handlers=replies.handlers(),
    )
    app = AsyncApp(client=client, logger=log, ignoring_self_events_enabled=True)
    # Before any listener: a redelivered event is acknowledged and dropped.
    app.middleware(dedupe_middleware(deduper or EventDeduper()))
    register_all(app, whosaid, replies)
    return app
