"""A speaker's statements by date in Slack, a page at a time, with a "More" button.

The page is rendered like any answer (`bot.slack.blocks`); the button carries the question
and where the next page starts, and clicking it replaces the reply with that page (through
the click's response_url), so the reply never outgrows Block Kit's 50 blocks however many
statements a speaker has.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from bot.search.question import MAX_QUESTION_CHARS
from bot.service import Whosaid
from bot.slack import blocks
from bot.slack.delivery import REQUEST_TIMEOUT
from bot.slack.listeners import replying
from bot.timeline import PAGE

log = logging.getLogger("bot.requests")

MORE_ACTION_ID = "whosaid_more"


def more_button(question: str, offset: int) -> blocks.Block:
    """An actions block whose button asks for the page starting at `offset`."""
    value = json.dumps({"q": question[:MAX_QUESTION_CHARS], "o": offset}, ensure_ascii=False)
    return {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": MORE_ACTION_ID,
                "text": {"type": "plain_text", "text": f"More (from {offset + 1})"},
                "value": value[: blocks.MAX_BUTTON_VALUE],
            }
        ],
    }


def read_more_value(value: str) -> tuple[str, int] | None:
    """(question, offset) from a More button's value; None if it is not one of ours."""
    try:
        found = json.loads(value)
        question, offset = str(found["q"]), int(found["o"])
    except (ValueError, KeyError, TypeError):
        return None
    return (question, offset) if offset >= 0 else None


async def timeline_and_deliver(
    whosaid: Whosaid,
    kind: str,
    question: str,
    deliver: replying.Deliver,
    *,
    offset: int = 0,
    budget: float = 30.0,
) -> bool:
    """Deliver one page of a timeline question; False if it is not one (nothing was sent)."""
    started = time.perf_counter()
    page = await whosaid.timeline_async(question, offset, PAGE)
    if page is None:
        return False
    replying.track_in_flight()
    payload = blocks.answer_blocks(page.answer)
    if page.next_offset is not None and len(payload) < blocks.MAX_BLOCKS:
        payload.append(more_button(question, page.next_offset))
    limit = budget + REQUEST_TIMEOUT
    text = blocks.fallback_text(page.answer)
    delivered = await replying.deliver_quietly(deliver, text, payload, kind, limit, "timeline")
    log.info(
        "%s timeline: %d result(s) from %d, %.0f ms%s",
        kind,
        len(page.answer.results),
        offset + 1,
        (time.perf_counter() - started) * 1000,
        "" if delivered else " (reply NOT delivered)",
    )
    return True


def more_value_of(action: dict[str, Any]) -> tuple[str, int] | None:
    return read_more_value(str(action.get("value") or ""))
