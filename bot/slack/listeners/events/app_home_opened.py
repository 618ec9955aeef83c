"""The App Home tab: how much the bot can search, the newest articles, how to ask."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import Whosaid
from bot.slack.delivery import ReplyPolicy
from bot.slack.home import home_view, newest_articles

log = logging.getLogger(__name__)


def register(app: AsyncApp, whosaid: Whosaid, replies: ReplyPolicy) -> None:
    @app.event("app_home_opened")
    async def on_home_opened(event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        try:
            await client.views_publish(
                user_id=event["user"],
                view=home_view(
                    whosaid.article_count, whosaid.quotation_count, newest_articles(whosaid.index)
                ),
            )
        except Exception as exc:
            log.error("could not publish the App Home tab: %s", exc)
