"""The Socket Mode worker: connect, answer until SIGTERM/SIGINT, then close cleanly."""

from __future__ import annotations

import asyncio
import logging
import signal

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bot.service import Whosaid
from bot.settings import Settings
from bot.slack.app import create_app
from bot.slack.dedupe import EventDeduper
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.replying import finish_in_flight

log = logging.getLogger(__name__)

# Heroku-style hosts send SIGKILL 30 s after SIGTERM; we promise to be gone within 10.
SHUTDOWN_SECONDS = 8.0


async def serve(settings: Settings, whosaid: Whosaid) -> None:
    bot_token, app_token = settings.require_slack_tokens()
    app = create_app(
        whosaid,
        bot_token,
        settings.slack_api_url,
        replies=ReplyPolicy(budget=settings.reply_retry_seconds),
        deduper=EventDeduper(shared_dir=settings.dedupe_dir),
    )
    # slack_sdk pings every ping_interval; aiohttp's heartbeat closes a link whose pong does
    # not come back within half of it, and the client then opens a new one.
    handler = AsyncSocketModeHandler(app, app_token, ping_interval=settings.socket_ping_seconds)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    await handler.connect_async()
    watcher = (
        asyncio.create_task(whosaid.watch(settings.reload_seconds))
        if settings.reload_seconds
        else None
    )
    log.info(
        "connected to Slack over Socket Mode; answering from %d articles", whosaid.article_count
    )
    await stop.wait()
    log.info("shutting down: no new questions; finishing answers under way")
    if watcher is not None:
        watcher.cancel()
    # Close the socket first so no new question arrives, then let answers already being
    # written finish (they post over HTTP, not the socket), so nothing is half-posted.
    try:
        await asyncio.wait_for(handler.close_async(), timeout=2)
    except Exception as exc:  # closing must not turn into a failed exit
        log.warning("socket did not close cleanly: %s", exc)
    unfinished = await finish_in_flight(SHUTDOWN_SECONDS)
    if unfinished:
        log.warning("%d answer(s) were still under way at shutdown", unfinished)
    log.info("stopped")
