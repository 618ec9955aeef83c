"""Getting a reply to Slack despite rate limits, 5xx and dropped connections, in bounded time.

The Web API client and every response_url post share the same retry policy: a 429 is waited
out for its Retry-After (unless that is longer than the reply's whole budget), a 5xx or a
dropped connection is retried with backoff, a few times. Bolt's own `respond()` has no retry
handlers, so replies to commands and buttons go through `post_to_response_url` instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook.async_client import AsyncWebhookClient

log = logging.getLogger(__name__)

MAX_RETRIES = 3
REQUEST_TIMEOUT = 10  # seconds for one HTTP attempt


class DeliveryError(Exception):
    """A reply Slack did not take; the message says why (never a URL or token)."""


def _retry_after(response: HttpResponse) -> float | None:
    for key, values in response.headers.items():
        if key.lower() == "retry-after" and values:
            try:
                return float(values[0])
            except ValueError:
                return None
    return None


class BoundedRateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """Waits out a 429's Retry-After, unless it is longer than `max_wait`: then gives up."""

    def __init__(self, max_retry_count: int, max_wait: float) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        wait = _retry_after(response)
        return wait is None or wait <= self.max_wait


class AnyServerErrorRetryHandler(AsyncRetryHandler):
    """Retries every 5xx with backoff (slack_sdk's own handler only retries 500 and 503)."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and 500 <= response.status_code < 600


def retry_handlers(max_wait: float) -> list[AsyncRetryHandler]:
    return [
        AsyncConnectionErrorRetryHandler(max_retry_count=MAX_RETRIES),
        BoundedRateLimitRetryHandler(MAX_RETRIES, max_wait),
        AnyServerErrorRetryHandler(max_retry_count=MAX_RETRIES),
    ]


@dataclass(frozen=True)
class ReplyPolicy:
    """How long a reply may take, retries included; shared by every listener."""

    budget: float = 30.0

    def handlers(self) -> list[AsyncRetryHandler]:
        return retry_handlers(self.budget)

    async def post_to_response_url(self, url: str, body: dict[str, Any]) -> None:
        """POST a reply to a response_url with retries; raises DeliveryError if it failed."""
        client = AsyncWebhookClient(
            url, timeout=REQUEST_TIMEOUT, logger=log, retry_handlers=self.handlers()
        )
        try:
            response = await client.send_dict(body)
        except Exception as exc:  # connection errors that outlived their retries
            raise DeliveryError(f"response_url unreachable: {type(exc).__name__}: {exc}") from None
        if response.status_code != 200:
            detail = (response.body or "").strip()[:200]
            raise DeliveryError(f"response_url answered HTTP {response.status_code} {detail}")
