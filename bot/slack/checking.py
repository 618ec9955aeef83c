"""What every surface does for a quotation check: check, render, deliver, log, apologise."""

from __future__ import annotations

import logging
import time

from bot.check import CheckRequest
from bot.service import Whosaid
from bot.slack import check_blocks
from bot.slack.delivery import REQUEST_TIMEOUT
from bot.slack.listeners import replying

log = logging.getLogger("bot.requests")

APOLOGY = "Sorry, something went wrong while checking that. Please try again in a moment."


async def check_and_deliver(
    whosaid: Whosaid,
    kind: str,
    request: CheckRequest,
    deliver: replying.Deliver,
    *,
    budget: float = 30.0,
) -> None:
    """Check every claim of `request` and hand (fallback text, blocks) to `deliver`.

    Failures reach the user as a short apology and are logged with their cause; the claims
    themselves are not logged (they may be unpublished reporting).
    """
    limit = budget + REQUEST_TIMEOUT
    replying.track_in_flight()
    started = time.perf_counter()
    try:
        checks = await whosaid.check_async(request)
        text = check_blocks.check_fallback_text(checks)
        payload = check_blocks.check_blocks(checks)
    except Exception:
        log.exception("%s: checking failed", kind)
        await replying.deliver_quietly(deliver, APOLOGY, [], kind, limit, "check")
        return
    delivered = await replying.deliver_quietly(deliver, text, payload, kind, limit, "check")
    log.info(
        "%s checked: %d claim(s), verdicts %s, %.0f ms%s",
        kind,
        len(checks),
        ",".join(c.verdict.value for c in checks) or "none",
        (time.perf_counter() - started) * 1000,
        "" if delivered else " (reply NOT delivered)",
    )
