"""Slack's duplicate deliveries: the same event answered once.

Slack redelivers an event whose acknowledgement it did not get (same `event_id`,
`retry_attempt` 1 to 3, possibly on another of the app's connections). Bolt acknowledges
events before the listener runs, so a retry means the ack was lost or late, and the first
delivery is very likely being answered already.

Within one process, an event id seen in the last `ttl` seconds is dropped. Across processes
(old and new worker during a deploy), that only holds if they share `shared_dir`: the first
to create `<dir>/<event_id>` with O_EXCL answers. Without it, a duplicate that reaches the
other process is answered twice; see README, Hardening.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from slack_bolt.response import BoltResponse

log = logging.getLogger(__name__)

# Slack retries for about five minutes; ten leaves room for clock skew between workers.
TTL_SECONDS = 600.0
MAX_REMEMBERED = 20_000
_PRUNE_EVERY = 500  # claims between sweeps of the shared folder
_SAFE_KEY = re.compile(r"[^A-Za-z0-9_.-]")


class EventDeduper:
    """Answers 'first time this event id was seen?' within a process, optionally across."""

    def __init__(
        self,
        ttl: float = TTL_SECONDS,
        max_remembered: int = MAX_REMEMBERED,
        shared_dir: Path | None = None,
    ) -> None:
        self.ttl = ttl
        self.max_remembered = max_remembered
        self.shared_dir = shared_dir
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._claims = 0
        self._shared_broken = False
        if shared_dir is not None:
            try:
                shared_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self._give_up_sharing(exc)

    def first_time(self, event_id: str) -> bool:
        now = time.monotonic()
        self._forget_before(now - self.ttl)
        if event_id in self._seen:
            return False
        self._seen[event_id] = now
        if len(self._seen) > self.max_remembered:
            self._seen.popitem(last=False)
        return self._claim_shared(event_id)

    def _forget_before(self, cutoff: float) -> None:
        while self._seen:
            oldest = next(iter(self._seen.values()))
            if oldest >= cutoff:
                return
            self._seen.popitem(last=False)

    def _claim_shared(self, event_id: str) -> bool:
        if self.shared_dir is None or self._shared_broken:
            return True
        path = self.shared_dir / _SAFE_KEY.sub("_", event_id)[:200]
        try:
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                # A marker older than the TTL is a recycled id from long ago, not a retry.
                if time.time() - path.stat().st_mtime < self.ttl:
                    return False
                os.utime(path)
                return True
            os.close(fd)
            self._claims += 1
            if self._claims % _PRUNE_EVERY == 0:
                self._prune()
        except OSError as exc:
            # Answering twice is better than never: fall back to per-process only.
            self._give_up_sharing(exc)
        return True

    def _prune(self) -> None:
        assert self.shared_dir is not None
        cutoff = time.time() - self.ttl
        with os.scandir(self.shared_dir) as entries:
            for entry in entries:
                try:
                    if entry.stat().st_mtime < cutoff:
                        os.unlink(entry.path)
                except OSError:
                    continue  # another worker pruned it first

    def _give_up_sharing(self, exc: OSError) -> None:
        self._shared_broken = True
        log.warning(
            "DEDUPE_DIR %s is not usable (%s); duplicates are now only caught per process",
            self.shared_dir,
            exc.strerror or exc,
        )


def event_id_of(body: dict[str, Any]) -> str | None:
    if body.get("type") != "event_callback":
        return None
    event_id = body.get("event_id")
    return event_id if isinstance(event_id, str) and event_id else None


def dedupe_middleware(deduper: EventDeduper) -> Any:
    """A global Bolt middleware: a repeated event is acknowledged and goes no further."""

    async def drop_duplicate_events(
        body: dict[str, Any], request: Any, next: Any
    ) -> BoltResponse | None:
        event_id = event_id_of(body)
        if event_id is not None and not deduper.first_time(event_id):
            retry = (request.headers.get("x-slack-retry-num") or ["0"])[0]
            log.info(
                "event %s delivered again (retry %s): already answered, ignored", event_id, retry
            )
            # Acknowledged, so Slack stops retrying; returning without next() skips listeners.
            return BoltResponse(status=200, body="")
        await next()
        return None

    return drop_duplicate_events
