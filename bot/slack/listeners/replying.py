"""What every listener does around an answer: time it, log it once, apologise on failure."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from slack_sdk.web.async_client import AsyncWebClient

from bot.answer import Answer
from bot.check import parse_check
from bot.service import Whosaid
from bot.slack import blocks
from bot.slack.delivery import REQUEST_TIMEOUT
from bot.timeline import parse_timeline

log = logging.getLogger("bot.requests")

Deliver = Callable[[str, list[blocks.Block]], Awaitable[object]]

# Answers being computed or posted right now; shutdown waits for them.
in_flight: set[asyncio.Task[object]] = set()


async def finish_in_flight(budget: float) -> int:
    """Wait up to `budget` seconds for answers under way; returns how many did not finish."""
    pending = {t for t in in_flight if not t.done()}
    if not pending:
        return 0
    _, still = await asyncio.wait(pending, timeout=budget)
    return len(still)


async def answer_and_deliver(
    whosaid: Whosaid,
    kind: str,
    question: str,
    deliver: Deliver,
    *,
    shareable: bool = False,
    budget: float = 30.0,
) -> Answer | None:
    """Answer `question` and hand (fallback text, blocks) to `deliver`.

    A failure while answering reaches the user as a short apology and is logged with its
    cause; a failure to deliver (after the client's retries, within `budget` seconds plus
    one request's timeout) is logged with its cause. Neither stops the worker. Question text
    is not logged: it may be confidential reporting.
    """
    request = parse_check(question)
    if request is not None:  # "did X really say “…”?", "check “…”": a quotation check
        from bot.slack.checking import check_and_deliver

        await check_and_deliver(whosaid, kind, request, deliver, budget=budget)
        return None
    if parse_timeline(question) is not None:  # "What has Zelensky said about peace?"
        from bot.slack.timeline_reply import timeline_and_deliver

        if await timeline_and_deliver(whosaid, kind, question, deliver, budget=budget):
            return None
    limit = budget + REQUEST_TIMEOUT
    track_in_flight()
    started = time.perf_counter()
    try:
        answer = await whosaid.ask_async(question)
        text, payload = (
            blocks.fallback_text(answer),
            blocks.answer_blocks(answer, shareable=shareable),
        )
    except Exception:
        log.exception("%s: answering failed", kind)
        await deliver_quietly(deliver, blocks.apology_text(), [], kind, limit)
        return None
    delivered = await deliver_quietly(deliver, text, payload, kind, limit)
    log.info(
        "%s answered: %d result(s), intent %s, %.0f ms%s",
        kind,
        len(answer.results),
        answer.question.intent.value,
        (time.perf_counter() - started) * 1000,
        "" if delivered else " (reply NOT delivered)",
    )
    return answer


async def deliver_quietly(
    deliver: Deliver,
    text: str,
    payload: list[blocks.Block],
    kind: str,
    limit: float,
    what: str = "reply",
) -> bool:
    """Hand one reply to `deliver` within `limit` seconds; a failure is logged with its
    cause (the user cannot be told if Slack is down) and returns False."""
    try:
        await asyncio.wait_for(deliver(text, payload), limit)
        return True
    except TimeoutError:
        log.error("%s: could not post the %s: still failing after %.0f s", kind, what, limit)
        return False
    except Exception as exc:  # logged with its cause; the user cannot be told if Slack is down
        log.error("%s: could not post the %s: %s", kind, what, str(exc) or type(exc).__name__)
        return False


def track_in_flight() -> None:
    """Count the running task as an answer under way, so a shutdown waits for it."""
    task = asyncio.current_task()
    if task is not None:
        in_flight.add(task)
        task.add_done_callback(in_flight.discard)


def thread_poster(client: AsyncWebClient, channel: str, thread_ts: str | None = None) -> Deliver:
    """A Deliver posting to `channel` (in the thread `thread_ts`, if any), without unfurls."""

    async def deliver(text: str, payload: list[blocks.Block]) -> None:
        await client.chat_postMessage(
            channel=channel,
            thread_ts=thread_ts,
            text=text,
            blocks=payload,
            unfurl_links=False,
            unfurl_media=False,
        )

    return deliver
