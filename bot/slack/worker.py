"""The Socket Mode worker: connect, answer until SIGTERM/SIGINT, then close cleanly."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_sdk.errors import SlackApiError

from bot.service import Whosaid
from bot.settings import Settings
from bot.slack.app import create_app
from bot.slack.dedupe import EventDeduper
from bot.slack.delivery import ReplyPolicy
from bot.slack.listeners.replying import finish_in_flight
from bot.sources.ingest import start_pulling

log = logging.getLogger(__name__)

# Heroku-style hosts send SIGKILL 30 s after SIGTERM; we promise to be gone within 10.
SHUTDOWN_SECONDS = 8.0
# Exit status when Slack refuses the app token: a configuration error, like a bad setting.
EXIT_REFUSED = 2
# apps.connections.open errors that retrying cannot fix.
REFUSED_TOKEN_ERRORS = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "not_allowed_token_type",
        "missing_scope",
    }
)


async def serve(settings: Settings, whosaid: Whosaid) -> None:
    bot_token, app_token = settings.require_slack_tokens()
    # Searches and re-indexing run in threads; a shorter GIL switch interval (default 5 ms)
    # lets the event loop thread acknowledge Slack promptly while they compute.
    sys.setswitchinterval(0.0005)
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

    refused = _stop_if_slack_refuses_the_app_token(handler, stop)
    if not await _connect_unless_stopped(handler, stop):
        await _close(handler)
        if refused:
            # Retrying cannot fix a revoked or wrong token; a supervisor restart loop would
            # only hide it. The error code names the problem, the token is never shown.
            log.error("Slack refused SLACK_APP_TOKEN (%s); check the app-level token", refused[0])
            raise SystemExit(EXIT_REFUSED)
        log.info("stopped before connecting")
        return
    watcher = (
        asyncio.create_task(whosaid.watch(settings.reload_seconds))
        if settings.reload_seconds
        else None
    )
    # Sources are pulled in this process (README "Sources": why not a second Procfile line);
    # the files land in CORPUS_DIR and the watcher above indexes them.
    pulling = start_pulling(settings.sources, settings.corpus_dir, settings.sources_poll_seconds)
    log.info(
        "connected to Slack over Socket Mode; answering from %d articles", whosaid.article_count
    )
    if settings.compiled_search:
        whosaid.start_warm_up()  # after connecting: start-up does not wait for it
    await stop.wait()
    log.info("shutting down: no new questions; finishing answers under way")
    if watcher is not None:
        watcher.cancel()
    if pulling is not None:
        # A pull still under way dies with the process: its writes are atomic (temp + rename).
        pulling.set()
    # Close the socket first so no new question arrives, then let answers already being
    # written finish (they post over HTTP, not the socket), so nothing is half-posted.
    await _close(handler)
    unfinished = await finish_in_flight(SHUTDOWN_SECONDS)
    if unfinished:
        log.warning("%d answer(s) were still under way at shutdown", unfinished)
    log.info("stopped")


async def _close(handler: AsyncSocketModeHandler) -> None:
    try:
        await asyncio.wait_for(handler.close_async(), timeout=2)
    except Exception as exc:  # closing must not turn into a failed exit
        log.warning("socket did not close cleanly: %s", exc)


async def _connect_unless_stopped(handler: AsyncSocketModeHandler, stop: asyncio.Event) -> bool:
    """Connect; False if SIGTERM (or a refused token) came first.

    slack_sdk retries a failed connection forever, so without this race a worker that cannot
    reach Slack would ignore SIGTERM until it is killed.
    """
    connect = asyncio.create_task(handler.connect_async())
    stopped = asyncio.create_task(stop.wait())
    await asyncio.wait({connect, stopped}, return_when=asyncio.FIRST_COMPLETED)
    if connect.done():
        stopped.cancel()
        connect.result()  # re-raise anything unexpected
        return True
    connect.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await connect
    return False


def _stop_if_slack_refuses_the_app_token(
    handler: AsyncSocketModeHandler, stop: asyncio.Event
) -> list[str]:
    """Wrap the client's apps.connections.open so a refused token stops the worker."""
    refused: list[str] = []
    issue = handler.client.issue_new_wss_url

    async def issue_or_stop() -> str:
        try:
            return await issue()
        except SlackApiError as exc:
            error = str(exc.response.get("error", ""))
            if error in REFUSED_TOKEN_ERRORS:
                refused.append(error)
                stop.set()
            raise

    handler.client.issue_new_wss_url = issue_or_stop  # type: ignore[method-assign]
    return refused
