"""Arc XP ANS stories -> stories: from the Content API (a URL) or ANS JSON files (a folder).

Fields: `headlines.basic`, `credits.by[].name`, `first_publish_date` (else `display_date`),
`canonical_url` (joined to `website_url`/`canonical_website` host when relative).
How each content element is treated:
* `text`, `header`: paragraphs (their inline HTML reduced to text);
* `list`: one paragraph per item;
* `quote` with subtype `pullquote`: dropped (it repeats the body); other quotes (`blockquote`)
  are kept as paragraphs unless they repeat a sentence of the body;
* `correction`: not text; its `text` becomes the article's correction note;
* `raw_html`: dropped (ads, widgets, embeds: nothing guarantees it is the outlet's prose);
* `oembed_response`, `image`, `video`, `gallery`, `interstitial_link`, `link_list`, `table`
  and anything else: dropped (other parties' posts, media, "Read more" links).
A story whose `revision.published` is false is unpublished: removed, never indexed.

Takedowns: ANS has no deletion record, so the listing is taken as complete (an export folder,
or a Content API search over all published stories) and a story missing from it is removed,
unless more than half of the known stories go missing at once (then nothing is: see
SourceStore.too_many_missing). An unreadable listing removes nothing.
"""

from __future__ import annotations

import json
import logging
import urllib.parse
from collections.abc import Iterator
from typing import Any

from bot.sources.config import SourceConfig
from bot.sources.html import finish, text_of
from bot.sources.http import FetchError, Http
from bot.sources.store import SourceStore, Story

log = logging.getLogger(__name__)

MAX_PAGES = 200
PAGE_SIZE = 100


def story_of(ans: dict[str, Any], outlet: str | None) -> Story | None:
    """The Story of one ANS story document (None if it is no story or has no id)."""
    key = ans.get("_id")
    if ans.get("type", "story") != "story" or not isinstance(key, str) or not key:
        return None
    found: list[tuple[str, bool]] = []
    corrections: list[str] = []
    for element in ans.get("content_elements") or []:
        if isinstance(element, dict):
            _element(element, found, corrections)
    by = [c.get("name") for c in (ans.get("credits") or {}).get("by") or [] if isinstance(c, dict)]
    body = finish(found, corrections)
    return Story(
        key=key,
        paragraphs=body.paragraphs,
        headline=text_of(str((ans.get("headlines") or {}).get("basic") or "")) or None,
        byline=", ".join(text_of(n) for n in by if isinstance(n, str) and n) or None,
        outlet=outlet,
        published=ans.get("first_publish_date") or ans.get("display_date") or None,
        url=_url(ans),
        correction=body.correction,
    )


def _element(element: dict[str, Any], found: list[tuple[str, bool]], notes: list[str]) -> None:
    kind = element.get("type")
    if kind in ("text", "header"):
        found.append((text_of(str(element.get("content") or "")), False))
    elif kind == "list":
        for item in element.get("items") or []:
            if isinstance(item, dict):
                _element(item, found, notes)
    elif kind == "quote" and element.get("subtype") != "pullquote":
        for inner in element.get("content_elements") or []:
            if isinstance(inner, dict) and inner.get("type") == "text":
                found.append((text_of(str(inner.get("content") or "")), True))
    elif kind == "correction":
        note = text_of(str(element.get("text") or ""))
        if note:
            notes.append(note)


def _url(ans: dict[str, Any]) -> str | None:
    canonical = ans.get("canonical_url")
    if not isinstance(canonical, str) or not canonical:
        return None
    if canonical.startswith(("http://", "https://")):
        return canonical
    site = ans.get("website_url") if str(ans.get("website_url", "")).startswith("http") else None
    return urllib.parse.urljoin(site, canonical) if site else canonical


def _stories(document: Any) -> Iterator[dict[str, Any]]:
    """Stories of a JSON document: one story, a list, or Content API results."""
    if isinstance(document, list):
        for item in document:
            yield from _stories(item)
    elif isinstance(document, dict):
        if document.get("type") == "story":
            yield document
        elif isinstance(document.get("content_elements"), list):  # search results
            for item in document["content_elements"]:
                if isinstance(item, dict) and item.get("type") == "story":
                    yield item


def pull(config: SourceConfig, store: SourceStore, http: Http) -> None:
    """Write every published story of the listing; remove those gone from a complete one."""
    documents = _from_folder(config, store) if config.path else _from_api(config, http)
    listed: set[str] = set()
    for document in documents:
        for ans in _stories(document):
            story = story_of(ans, config.outlet)
            if story is None:
                continue
            if (ans.get("revision") or {}).get("published") is False:
                store.remove(story.key, "unpublished in Arc")
                continue
            listed.add(story.key)
            store.put(story)
    missing = [key for key in store.items if key not in listed]
    if missing and not store.too_many_missing(len(missing), len(store.items)):
        for key in missing:
            store.remove(key, "no longer in the Arc listing")


def _from_folder(config: SourceConfig, store: SourceStore) -> list[Any]:
    assert config.path is not None
    if not config.path.is_dir():
        raise FetchError(f"Arc export folder {config.path} does not exist")
    documents = []
    for path in sorted(config.path.rglob("*.json")):
        if path.name.startswith("."):
            continue
        try:
            if path.stat().st_size > config.max_item_mb * 1024 * 1024:
                raise ValueError(f"larger than {config.max_item_mb} MB")
            documents.append(json.loads(path.read_bytes()))
        except (OSError, ValueError) as exc:
            # An unreadable file makes the listing incomplete: no takedowns from it.
            raise FetchError(f"{path.name}: not readable ANS JSON ({exc})") from None
    return documents


def _from_api(config: SourceConfig, http: Http) -> list[Any]:
    assert config.url is not None
    documents = []
    offset = 0
    for _ in range(MAX_PAGES):
        url = _with(config.url, {"from": offset, "size": PAGE_SIZE} | _website(config))
        response = http.get(url)
        try:
            document = json.loads(response.body)
        except ValueError:
            raise FetchError(f"{config.url}: not JSON (truncated?)") from None
        documents.append(document)
        following = document.get("next") if isinstance(document, dict) else None
        if not isinstance(following, int) or following <= offset:
            return documents
        offset = following
    raise FetchError(f"{config.url}: more than {MAX_PAGES} pages; listing incomplete")


def _website(config: SourceConfig) -> dict[str, Any]:
    return {"website": config.website} if config.website else {}


def _with(url: str, params: dict[str, Any]) -> str:
    parts = urllib.parse.urlsplit(url)
    query = dict(urllib.parse.parse_qsl(parts.query))
    query.update({k: str(v) for k, v in params.items()})
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))
