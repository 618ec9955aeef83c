"""WordPress REST API (`/wp/v2/posts`) -> stories.

Incremental: posts modified after the last modification seen (`modified_after`, looking back
a minute plus the last pull's duration), listed by id; pages (`per_page`, `page`,
`X-WP-TotalPages`) after the first are fetched four at a time. `_embed=author` gives the byline;
`link` is the canonical URL; `date_gmt` the publication date. Only `publish` posts are written;
password-protected posts are not public text and are skipped.

Takedowns (deleted, trashed, unpublished, made private) need an explicit signal: every pull
lists the ids of all published posts (`_fields=id`); a known post missing from a complete
listing is asked for by id, and only a 404/410, a 401/403 (no longer public) or a status other
than `publish` removes it. A listing that comes back short or empty therefore removes nothing
by itself; an unreachable server removes nothing at all.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

from bot.sources.config import SourceConfig
from bot.sources.html import html_body, text_of
from bot.sources.http import FetchError, Http, Response
from bot.sources.store import SourceStore, Story

log = logging.getLogger(__name__)

PER_PAGE = 100
# Pages fetched ahead, for the network latency of a remote site. Against the local test site
# (CPU-bound on 2 shared cores) it measured no faster than one at a time: bench_ingest.py.
PARALLEL_PAGES = 4
# A post missing from the id listing is confirmed one request each; at most this many a pull.
CONFIRMS_PER_PULL = 200
OVERLAP = timedelta(seconds=60)


class Api:
    """Routes of one site's REST API, pretty (`/wp-json/`) or plain (`?rest_route=`)."""

    def __init__(self, base: str, pretty: bool) -> None:
        self.base = base.rstrip("/")
        self.pretty = pretty

    def url(self, route: str, params: dict[str, Any] | None = None) -> str:
        """The URL of `route` (like `/wp/v2/posts`) with query parameters."""
        query = urllib.parse.urlencode(params or {})
        if self.pretty:
            return f"{self.base}/wp-json{route}" + (f"?{query}" if query else "")
        return f"{self.base}/?rest_route={urllib.parse.quote(route)}" + (
            f"&{query}" if query else ""
        )


def _json(response: Response) -> Any:
    try:
        return json.loads(response.body)
    except ValueError:
        raise FetchError(f"{response.url}: not JSON (truncated or not a REST answer)") from None


def discover(http: Http, base: str) -> tuple[Api, str | None]:
    """The site's API style and name. With plain permalinks `/wp-json/` returns the home page."""
    for pretty in (True, False):
        api = Api(base, pretty)
        # Only the two fields needed: the full index lists every route, megabytes on big sites.
        response = http.get(api.url("/", {"_fields": "name,namespaces"}))
        try:
            root = json.loads(response.body)
        except ValueError:
            continue
        if isinstance(root, dict) and "namespaces" in root:
            if "wp/v2" not in root["namespaces"]:
                raise FetchError(f"{base}: the WordPress REST API has no wp/v2 routes")
            name = root.get("name")
            return api, text_of(name) if isinstance(name, str) and name else None
    raise FetchError(f"{base}: no WordPress REST API found (neither /wp-json/ nor ?rest_route=)")


def pull(config: SourceConfig, store: SourceStore, http: Http) -> None:
    """Bring the store up to date with the site's published posts."""
    assert config.url is not None
    started = time.monotonic()
    api, site_name = discover(http, config.url)
    outlet = config.outlet or site_name
    cursor = store.state.get("cursor")
    # Ordered by id, which is unique: with `modified`, posts sharing a modification second
    # (a bulk import) can be skipped or repeated between pages. New matches only push later
    # pages along, so a post can be seen twice but never missed.
    params: dict[str, Any] = {
        "per_page": PER_PAGE,
        "orderby": "id",
        "order": "asc",
        "status": "publish",
        "_embed": "author",
    }
    if cursor:
        overlap = timedelta(seconds=float(store.state.get("overlap_seconds", 0))) + OVERLAP
        since = datetime.fromisoformat(cursor) - overlap
        params["modified_after"] = since.strftime("%Y-%m-%dT%H:%M:%S")
    newest = cursor
    for post in _posts(http, api, params):
        _apply(post, store, outlet)
        modified = post.get("modified")
        if isinstance(modified, str) and (not newest or modified > newest):
            newest = modified
    # Only a complete listing moves the cursor. A post edited while this pull ran may have been
    # passed already: the next pull looks back over this pull's duration as well.
    store.state["cursor"] = newest
    store.state["overlap_seconds"] = round(time.monotonic() - started, 1)
    if params.get("modified_after"):  # a first pull has nothing known to take down
        _takedowns(http, api, store)


def _posts(http: Http, api: Api, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    first, pages = _page(http, api, params, 1)
    yield from first or []
    if pages <= 1:
        return
    # Pages in order, fetched ahead: the cursor only ever moves past posts already written.
    with ThreadPoolExecutor(PARALLEL_PAGES) as pool:
        for page, _ in pool.map(lambda n: _page(http, api, params, n), range(2, pages + 1)):
            if page is None:  # past the last page (the listing shrank meanwhile)
                break
            yield from page


def _page(
    http: Http, api: Api, params: dict[str, Any], number: int
) -> tuple[list[dict[str, Any]] | None, int]:
    """Page `number`'s posts (None past the last page) and the number of pages."""
    try:
        response = http.get(api.url("/wp/v2/posts", {**params, "page": number}), ok=(200, 400))
    except FetchError as exc:
        if not exc.too_large:
            raise
        return _one_by_one(http, api, params, number)
    if response.status == 400:
        return None, 0
    return _page_posts(response), _total_pages(response)


def _one_by_one(
    http: Http, api: Api, params: dict[str, Any], number: int
) -> tuple[list[dict[str, Any]], int]:
    """A page too large to take at once (a huge post): its posts one at a time, the huge
    one left out (logged), so that one post cannot stop the whole site being pulled."""
    listing = http.get(api.url("/wp/v2/posts", {**params, "page": number, "_fields": "id"}))
    posts = []
    for entry in _page_posts(listing):
        try:
            response = http.get(api.url(f"/wp/v2/posts/{entry['id']}", {"_embed": "author"}))
        except FetchError as exc:
            if not exc.too_large:
                raise
            log.warning("post %s left out: %s", entry["id"], exc)
            continue
        post = _json(response)
        if isinstance(post, dict) and "id" in post:
            posts.append(post)
    return posts, _total_pages(listing)


def _total_pages(response: Response) -> int:
    value = response.header("X-WP-TotalPages") or "1"
    return int(value) if value.isdigit() else 1


def _page_posts(response: Response) -> list[dict[str, Any]]:
    posts = _json(response)
    if not isinstance(posts, list):
        raise FetchError(f"{response.url}: expected a list of posts")
    return [p for p in posts if isinstance(p, dict) and "id" in p]


def _apply(post: dict[str, Any], store: SourceStore, outlet: str | None) -> None:
    key = str(post["id"])
    if post.get("status", "publish") != "publish":
        store.remove(key, f"status {post.get('status')}")
        return
    content = post.get("content") or {}
    if content.get("protected"):
        store.remove(key, "password-protected")
        return
    body = html_body(str(content.get("rendered") or ""))
    story = Story(
        key=key,
        paragraphs=body.paragraphs,
        headline=text_of(str((post.get("title") or {}).get("rendered") or "")) or None,
        byline=_author(post),
        outlet=outlet,
        published=_date(post.get("date_gmt")),
        url=post.get("link") if isinstance(post.get("link"), str) else None,
        correction=body.correction,
    )
    store.put(story)


def _author(post: dict[str, Any]) -> str | None:
    authors = (post.get("_embedded") or {}).get("author") or []
    names = [text_of(a["name"]) for a in authors if isinstance(a, dict) and a.get("name")]
    return ", ".join(names) or None


def _date(value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return value[:19] + "+00:00"


def _takedowns(http: Http, api: Api, store: SourceStore) -> None:
    listed = _all_published_ids(http, api)
    if listed is None:
        return
    missing = [key for key in store.items if key not in listed]
    for key in missing[:CONFIRMS_PER_PULL]:
        try:
            response = http.get(
                api.url(f"/wp/v2/posts/{key}", {"_fields": "id,status"}),
                ok=(200, 401, 403, 404, 410),
            )
        except FetchError as exc:
            log.warning("source %s: could not confirm post %s is gone: %s", store.name, key, exc)
            continue
        if response.status in (401, 403, 404, 410):
            store.remove(key, f"HTTP {response.status} at the source")
            continue
        status = (_json(response) or {}).get("status", "publish")
        if status != "publish":
            store.remove(key, f"status {status}")


def _all_published_ids(http: Http, api: Api) -> set[str] | None:
    """Ids of every published post, or None if the listing was not complete."""
    ids: set[str] = set()
    params: dict[str, Any] = {"per_page": PER_PAGE, "_fields": "id", "status": "publish"}
    page, pages, total = 1, 1, None
    while page <= pages:
        response = http.get(api.url("/wp/v2/posts", {**params, "page": page}), ok=(200, 400))
        if response.status == 400:
            break
        ids.update(str(p["id"]) for p in _page_posts(response))
        pages = _total_pages(response)
        declared = response.header("X-WP-Total")
        total = int(declared) if declared and declared.isdigit() else None
        page += 1
    if total is None or len(ids) < total:
        log.warning(
            "post listing incomplete (%d of %s ids); no takedowns this pull", len(ids), total
        )
        return None
    return ids
