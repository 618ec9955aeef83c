"""RSS 2.0 and Atom feeds (feedparser) -> stories.

The full text comes from `content:encoded` or Atom `content` where the feed has it, else the
summary. Requests are conditional (If-None-Match / If-Modified-Since from the last answer's
ETag / Last-Modified): a 304 costs nothing.

Takedowns: a feed is a window, so an item leaving it is usually just old. An item that was in
the last listing and is gone from this one is asked for at its link once: a 404 or 410 there
removes it; anything else (200, a fault) keeps it. A feed that suddenly lists nothing therefore
removes only what its site also answers 404/410 for.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import feedparser

from bot.sources.config import SourceConfig
from bot.sources.html import Body, html_body, text_body, text_of
from bot.sources.http import FetchError, Http
from bot.sources.store import SourceStore, Story

log = logging.getLogger(__name__)

# Items gone from the feed whose links are checked in one pull; the rest wait for the next.
CHECKS_PER_PULL = 50


def pull(config: SourceConfig, store: SourceStore, http: Http) -> None:
    """Bring the store up to date with the feed."""
    assert config.url is not None
    headers = {}
    if store.state.get("etag"):
        headers["If-None-Match"] = store.state["etag"]
    if store.state.get("last_modified"):
        headers["If-Modified-Since"] = store.state["last_modified"]
    response = http.get(config.url, headers)
    if response.status == 304:
        store.state["not_modified"] = store.state.get("not_modified", 0) + 1
        return
    parsed = feedparser.parse(response.body, sanitize_html=False, resolve_relative_uris=False)
    usable = [e for e in parsed.entries if e.get("id") or e.get("link")]
    if parsed.bozo and not usable:
        cause = type(parsed.get("bozo_exception")).__name__
        raise FetchError(f"{config.url}: not a readable RSS/Atom feed ({cause})")
    if parsed.bozo:
        log.warning("source %s: feed is malformed; read what could be read", store.name)
    outlet = config.outlet or text_of(str(parsed.feed.get("title") or "")) or None
    listed: list[str] = []
    for entry in usable:
        key = str(entry.get("id") or entry.get("link"))
        listed.append(key)
        body = _body(entry)
        story = Story(
            key=key,
            paragraphs=body.paragraphs,
            headline=text_of(str(entry.get("title") or "")) or None,
            byline=text_of(str(entry.get("author") or "")) or None,
            outlet=outlet,
            published=_date(entry),
            url=entry.get("link"),
            correction=body.correction,
        )
        store.put(story, {"link": entry.get("link")})
    previously = store.state.get("listed", [])
    gone = [k for k in previously if k not in set(listed) and k in store.items]
    _gone_from_feed(gone[:CHECKS_PER_PULL], store, http)
    # Items not yet checked stay "listed", so the next pull checks them.
    store.state["listed"] = listed + gone[CHECKS_PER_PULL:]
    # Validators are saved only after every item is written: a crash re-reads the feed.
    store.state["etag"] = response.header("ETag")
    store.state["last_modified"] = response.header("Last-Modified")


def _body(entry: Any) -> Body:
    contents = entry.get("content") or []
    best = max(contents, key=lambda c: len(c.get("value") or ""), default=None)
    if best and best.get("value"):
        if "html" in str(best.get("type") or "html"):
            return html_body(best["value"])
        return text_body(str(best["value"]).split("\n\n"))
    summary = str(entry.get("summary") or "")
    return html_body(summary) if summary else Body(())


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)


def _gone_from_feed(gone: list[str], store: SourceStore, http: Http) -> None:
    for key in gone:
        link = (store.items.get(key) or {}).get("link")
        if not link:
            continue
        try:
            response = http.get(link, ok=(200, 404, 410))
        except FetchError as exc:
            log.info(
                "source %s: %s left the feed; its page did not answer (%s)", store.name, key, exc
            )
            continue
        if response.status in (404, 410):
            store.remove(key, f"left the feed and its page answers {response.status}")
