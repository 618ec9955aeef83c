"""Web pages listed in a sitemap (news sitemap or plain, or a sitemap index) -> stories.

Each page new to the sitemap, or whose `lastmod` changed, is fetched and its article body
extracted by trafilatura (comments, tables, links and images left out), with its metadata;
a news sitemap's `news:title` and `news:publication_date` take precedence. At most
PAGES_PER_PULL pages are fetched a pull; the rest wait for the next.

Takedowns: a page that leaves the sitemap is fetched once: a 404 or 410 removes it;
anything else keeps it (sitemaps are windows too, news sitemaps cover two days).
"""

from __future__ import annotations

import logging
from typing import Any

import lxml.etree

from bot.sources.config import SourceConfig
from bot.sources.html import text_body, text_of
from bot.sources.http import FetchError, Http
from bot.sources.store import SourceStore, Story

log = logging.getLogger(__name__)

PAGES_PER_PULL = 500
MAX_SITEMAPS = 50
CHECKS_PER_PULL = 50


def _parser() -> lxml.etree.XMLParser:
    return lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def _local(element: Any) -> str:
    return lxml.etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child(element: Any, name: str) -> Any:
    return next((c for c in element.iter() if _local(c) == name), None)


def read_sitemap(http: Http, url: str) -> dict[str, dict[str, str]]:
    """Page URL -> {lastmod, title, date} over the sitemap (following a sitemap index)."""
    pages: dict[str, dict[str, str]] = {}
    queue: list[str] = [url]
    seen: set[str] = set()
    while queue and len(seen) < MAX_SITEMAPS:
        current = queue.pop(0)
        if current in seen:
            continue
        seen.add(current)
        response = http.get(current)
        try:
            root = lxml.etree.fromstring(response.body, _parser())
        except lxml.etree.XMLSyntaxError as exc:
            raise FetchError(f"{current}: not a readable sitemap ({exc})") from None
        kind = _local(root)
        for entry in root:
            loc = _child(entry, "loc")
            if loc is None or not (loc.text or "").strip():
                continue
            where = loc.text.strip()
            if kind == "sitemapindex":
                queue.append(where)
                continue
            found = {
                "lastmod": (getattr(_child(entry, "lastmod"), "text", "") or "").strip(),
                "title": (getattr(_child(entry, "title"), "text", "") or "").strip(),
                "date": (getattr(_child(entry, "publication_date"), "text", "") or "").strip(),
            }
            pages[where] = found
        if kind not in ("urlset", "sitemapindex"):
            raise FetchError(f"{current}: not a sitemap (root element {kind!r})")
    return pages


def page_story(
    html: bytes | str, url: str, listed: dict[str, str], outlet: str | None
) -> Story | None:
    """The article of one page (None if trafilatura finds no body)."""
    import trafilatura  # loaded only by sitemap sources: it is large

    found = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
    )
    found = found.as_dict() if found is not None and hasattr(found, "as_dict") else found
    if not isinstance(found, dict) or not found.get("text"):
        return None
    body = text_body(str(found["text"]).split("\n"))
    headline = listed.get("title") or text_of(str(found.get("title") or "")) or None
    paragraphs = body.paragraphs
    titles = {headline, text_of(str(found.get("title") or ""))}
    if paragraphs and paragraphs[0] in titles:  # the page's <h1>: metadata, not body text
        paragraphs = paragraphs[1:]
    return Story(
        key=url,
        paragraphs=paragraphs,
        headline=headline,
        byline=text_of(str(found.get("author") or "")) or None,
        outlet=outlet or (text_of(str(found.get("sitename") or "")) or None),
        published=listed.get("date") or found.get("date") or None,
        url=url,
        correction=body.correction,
    )


def pull(config: SourceConfig, store: SourceStore, http: Http) -> None:
    """Fetch new or changed pages of the sitemap; check pages that left it."""
    assert config.url is not None
    pages = read_sitemap(http, config.url)
    fetched = 0
    for url, listed in pages.items():
        known = store.items.get(url)
        if known and known.get("lastmod") == listed["lastmod"] and listed["lastmod"]:
            continue
        if known and not listed["lastmod"]:
            continue  # no lastmod: fetched once, re-read only if it leaves and returns
        if fetched >= PAGES_PER_PULL:
            break
        fetched += 1
        try:
            response = http.get(url)
        except FetchError as exc:
            log.warning("source %s: page skipped: %s", store.name, exc)
            store.changes.errors.append(str(exc))
            continue
        story = page_story(response.body, url, listed, config.outlet)
        if story is None:
            store.changes.errors.append(f"{url}: no article body found")
            continue
        store.put(story, {"lastmod": listed["lastmod"]})
    # Each page that left the sitemap is checked once (a page that is back clears the mark).
    for key in pages:
        if key in store.items:
            store.items[key].pop("left", None)
    gone = [k for k, v in store.items.items() if k not in pages and not v.get("left")]
    for key in gone[:CHECKS_PER_PULL]:
        try:
            response = http.get(key, ok=(200, 404, 410))
        except FetchError:
            continue
        if response.status in (404, 410):
            store.remove(key, f"left the sitemap and answers {response.status}")
        else:
            store.items[key]["left"] = True
