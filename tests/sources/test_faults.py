"""Faults at a source: retried with backoff, logged with the cause, nothing already in lost."""

from __future__ import annotations

import logging
import os
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from bot.corpus.articles import load_corpus
from bot.sources import store as store_module
from bot.sources.config import SourceConfig
from bot.sources.http import Http
from bot.sources.ingest import pull_source
from tests.sources.conftest import Served

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbor Ledger</title><link>{base}/</link><description>News</description>
{items}
</channel></rss>"""

ITEM = """<item><title>{title}</title><link>{base}/{slug}/</link>
<guid isPermaLink="false">{base}/?p={slug}</guid><dc:creator><![CDATA[Kit Marsh]]></dc:creator>
<pubDate>Mon, 30 Nov 2026 09:00:00 +0000</pubDate>
<description><![CDATA[Short summary only.]]></description>
<content:encoded><![CDATA[<p>{text}</p><p>Second paragraph of {slug}.</p>]]></content:encoded>
</item>"""


def _feed(served: Served, slugs: list[str]) -> None:
    items = "".join(
        ITEM.format(base=served.base, slug=s, title=f"Story {s}", text=f"Full text of {s}.")
        for s in slugs
    )
    served.set("/feed/", RSS.format(base=served.base, items=items))
    for slug in slugs:
        served.set(f"/{slug}/", f"<html><body>{slug}</body></html>")


def _config(served: Served, path: str = "/feed/", **extra: str) -> SourceConfig:
    return SourceConfig(name="ledger", type="feed", url=served.url(path), **extra)  # type: ignore[arg-type]


def _texts(corpus: Path) -> list[str]:
    return sorted(a.text for a in load_corpus(corpus).articles)


@pytest.fixture
def ingested(served: Served, http: Http, tmp_path: Path) -> list[str]:
    """A corpus with two stories from the feed, before the fault."""
    _feed(served, ["one", "two"])
    assert len(pull_source(_config(served), tmp_path, http).added) == 2
    return _texts(tmp_path)


def test_full_text_from_content_encoded(ingested: list[str]) -> None:
    assert ingested[0] == "Full text of one.\n\nSecond paragraph of one."


def test_5xx_is_retried_with_backoff_and_then_succeeds(
    served: Served, http: Http, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _feed(served, ["one"])
    good = served.routes["/feed/"]
    calls = []

    def flaky(handler: BaseHTTPRequestHandler) -> None:
        calls.append(1)
        if len(calls) <= 2:
            handler.send_response(503)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        served.routes["/feed/"] = good
        status, _, body = good
        handler.send_response(status)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    served.handle("/feed/", flaky)
    with caplog.at_level(logging.WARNING):
        changes = pull_source(_config(served), tmp_path, http)
    assert changes.added and not changes.errors
    assert caplog.text.count("HTTP 503; retrying") == 2


def test_429_waits_for_retry_after(served: Served, http: Http, tmp_path: Path) -> None:
    _feed(served, ["one"])
    good = served.routes["/feed/"]
    served.set("/feed/", "", 429, Retry_After="1")

    def later() -> None:
        time.sleep(0.2)
        served.routes["/feed/"] = good

    import threading

    threading.Thread(target=later).start()
    started = time.monotonic()
    changes = pull_source(_config(served), tmp_path, http)
    assert changes.added and time.monotonic() - started >= 1.0


def test_429_asking_too_long_gives_up_at_once_and_keeps_everything(
    served: Served, http: Http, tmp_path: Path, ingested: list[str]
) -> None:
    served.set("/feed/", "", 429, Retry_After="86400")
    changes = pull_source(_config(served), tmp_path, http)
    assert "Retry-After" in changes.errors[0] and served.hits["/feed/"] == 2
    assert _texts(tmp_path) == ingested


def test_a_source_that_is_down_slow_or_truncates_keeps_the_corpus(
    served: Served, tmp_path: Path, ingested: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    quick = Http(timeout=0.5, retries=1, backoff=0.01)
    down = SourceConfig(name="ledger", type="feed", url="http://127.0.0.1:9/feed/")
    assert "unreachable" in pull_source(down, tmp_path, quick).errors[0]

    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(1.5)

    served.handle("/slow/", slow)
    assert "no answer within" in pull_source(_config(served, "/slow/"), tmp_path, quick).errors[0]

    def truncated(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "5000")
        handler.end_headers()
        handler.wfile.write(b"<?xml version='1.0'?><rss version='2.0'><channel><item>")
        handler.wfile.flush()
        handler.close_connection = True

    served.handle("/cut/", truncated)
    error = pull_source(_config(served, "/cut/"), tmp_path, quick).errors[0]
    assert "truncated" in error and "gave up after 2 tries" in error
    assert _texts(tmp_path) == ingested
    assert "retrying" in caplog.text


def test_invalid_xml_and_an_empty_feed_remove_nothing(
    served: Served, http: Http, tmp_path: Path, ingested: list[str]
) -> None:
    served.set("/feed/", "<rss><channel><item><title>broken &bogus; <")
    assert "not a readable RSS/Atom feed" in pull_source(_config(served), tmp_path, http).errors[0]
    served.set("/feed/", RSS.format(base=served.base, items=""))  # suddenly lists nothing
    changes = pull_source(_config(served), tmp_path, http)
    assert not changes.errors and changes.removed == []  # the pages still answer 200
    assert _texts(tmp_path) == ingested


def test_a_50_mb_item_is_refused_without_reading_it(
    served: Served, http: Http, tmp_path: Path, ingested: list[str]
) -> None:
    sent = []

    def huge(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()  # no Content-Length: the cap must hold while streaming
        chunk = b"<p>" + b"x" * (1024 * 1024) + b"</p>"
        try:
            for _ in range(50):
                handler.wfile.write(chunk)
                sent.append(len(chunk))
        except OSError:
            pass
        handler.close_connection = True

    served.handle("/feed/", huge)
    error = pull_source(_config(served), tmp_path, http).errors[0]
    assert "more than the 2 MB a source item may be" in error
    assert sum(sent) < 20 * 1024 * 1024  # stopped reading long before 50 MB
    assert _texts(tmp_path) == ingested


def test_a_redirect_loop_is_reported_once_not_retried(
    served: Served, http: Http, tmp_path: Path, ingested: list[str]
) -> None:
    served.set("/feed/", "", 302, Location=served.url("/elsewhere/"))
    served.set("/elsewhere/", "", 302, Location=served.url("/feed/"))
    error = pull_source(_config(served), tmp_path, http).errors[0]
    assert "redirect loop" in error and served.hits["/feed/"] <= 3
    assert _texts(tmp_path) == ingested
    served.set("/feed/", "", 302, Location="ftp://127.0.0.1/feed.xml")
    error = pull_source(_config(served), tmp_path, http).errors[0]
    assert "redirected away from http(s)" in error


def test_credentials_never_reach_logs_errors_or_another_host(
    served: Served, http: Http, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "s3cret-Feed-Pass"
    served.set(
        "/private/", "", 302, Location=served.url("/feed/").replace("127.0.0.1", "localhost")
    )
    _feed(served, ["one"])
    config = _config(served, "/private/", username="reader", password=secret)
    from bot.sources.ingest import http_for

    with caplog.at_level(logging.DEBUG):
        changes = pull_source(config, tmp_path, http_for(config))
    assert changes.added
    first, second = served.requests[-2:]
    assert first.get("authorization", "").startswith("Basic ")  # sent to the source
    assert "authorization" not in second  # not carried to another host by the redirect
    served.set("/private/", "", 401)
    changes = pull_source(config, tmp_path, http_for(config))
    assert changes.errors == [f"{served.url('/private/')}: HTTP 401"]
    everything = caplog.text + repr(config) + "".join(changes.errors)
    everything += "".join(p.read_text() for p in tmp_path.rglob("*") if p.is_file())
    assert secret not in everything


def test_a_crash_while_writing_leaves_the_old_file_and_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "story.md"
    store_module.write_atomic(target, b"old version")

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store_module.write_atomic(target, b"new version, half written")
    assert target.read_bytes() == b"old version"
    assert os.listdir(tmp_path) == ["story.md"]


def _wp_post(post_id: int, base: str) -> dict[str, object]:
    """A post as WordPress's REST API returns it with _embed=author (the fields we read)."""
    return {
        "id": post_id,
        "date_gmt": "2026-11-30T09:00:00",
        "modified": "2026-11-30T09:00:00",
        "modified_gmt": "2026-11-30T09:00:00",
        "status": "publish",
        "link": f"{base}/2026/11/post-{post_id}/",
        "title": {"rendered": f"Post {post_id}"},
        "content": {"rendered": f"<p>Text of post {post_id}.</p>", "protected": False},
        "_embedded": {"author": [{"id": 1, "name": "Kit Marsh"}]},
    }


def test_a_wordpress_listing_that_comes_back_empty_removes_nothing(
    served: Served, http: Http, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import json

    root = {"name": "Harbor Ledger", "namespaces": ["oembed/1.0", "wp/v2"]}
    served.set("/wp-json/", json.dumps(root), Content_Type="application/json")
    posts = [_wp_post(n, served.base) for n in (1, 2, 3)]
    served.set("/wp-json/wp/v2/posts", json.dumps(posts), X_WP_Total="3", X_WP_TotalPages="1")
    config = SourceConfig(name="wp", type="wordpress", url=served.base)
    assert len(pull_source(config, tmp_path, http).added) == 3
    before = _texts(tmp_path)
    # The site now lists nothing (a broken plugin, a cache gone wrong) but each post is still
    # there when asked for by id, or the server fails: neither is a takedown.
    served.set("/wp-json/wp/v2/posts", "[]", X_WP_Total="0", X_WP_TotalPages="0")
    for n in (1, 2):
        served.set(f"/wp-json/wp/v2/posts/{n}", json.dumps({"id": n, "status": "publish"}))
    served.set("/wp-json/wp/v2/posts/3", "", 503)
    with caplog.at_level(logging.WARNING):
        changes = pull_source(config, tmp_path, http)
    assert changes.removed == [] and _texts(tmp_path) == before
    assert "could not confirm post 3 is gone" in caplog.text
    # An explicit signal does remove: post 2 answers 404 now.
    served.set("/wp-json/wp/v2/posts/2", '{"code": "rest_post_invalid_id"}', 404)
    assert pull_source(config, tmp_path, http).removed == ["2"]


def test_one_huge_wordpress_post_is_left_out_and_the_rest_of_its_page_still_arrives(
    served: Served, http: Http, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import json

    root = {"name": "Harbor Ledger", "namespaces": ["wp/v2"]}
    served.set("/wp-json/", json.dumps(root))
    huge = _wp_post(2, served.base)
    huge["content"] = {"rendered": "<p>" + "x" * (3 * 1024 * 1024) + "</p>", "protected": False}
    posts = {n: (_wp_post(n, served.base) if n != 2 else huge) for n in (1, 2, 3)}

    def send(handler: BaseHTTPRequestHandler, body: object) -> None:
        data = json.dumps(body).encode()
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(data)))
        handler.send_header("X-WP-Total", "3")
        handler.send_header("X-WP-TotalPages", "1")
        handler.end_headers()
        handler.wfile.write(data)

    def listing(handler: BaseHTTPRequestHandler) -> None:
        ids = "_fields=id" in handler.path
        send(handler, [{"id": n} for n in posts] if ids else list(posts.values()))

    served.handle("/wp-json/wp/v2/posts", listing)
    for n, post in posts.items():
        served.handle(f"/wp-json/wp/v2/posts/{n}", lambda h, p=post: send(h, p))
    with caplog.at_level(logging.WARNING):
        changes = pull_source(
            SourceConfig(name="wp", type="wordpress", url=served.base), tmp_path, http
        )
    assert sorted(changes.added) == ["1", "3"]
    assert "post 2 left out" in caplog.text and "2 MB a source item may be" in caplog.text
