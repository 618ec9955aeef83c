"""Sitemaps (news and plain, via a sitemap index) and pages extracted by trafilatura."""

from __future__ import annotations

from pathlib import Path

from bot.corpus.articles import load_corpus
from bot.sources.config import SourceConfig
from bot.sources.http import Http
from bot.sources.ingest import pull_source
from tests.sources.conftest import Served

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Petra Holm">
<meta property="article:published_time" content="2026-11-28T07:00:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By Petra Holm</p>
<p>The county will reopen the mountain road on Thursday after three weeks of repairs to the
retaining wall that failed during the October storms, officials confirmed on Wednesday.</p>
<p>“Crews worked through two weekends to finish the wall before the first snow,” said
Arno Falk, the county's chief engineer, adding that a lower speed limit would stay in place.</p>
<p>Residents of the upper valley had faced a detour of nearly forty minutes each way while
the road was closed, and several businesses said they had lost most of their autumn trade.</p>
</article>
<aside class="related"><h2>Related</h2>
<ul><li><a href="/a">Storm damage tallied</a></li></ul></aside>
</main>
<section id="comments"><h3>Comments</h3><p>Reader: about time they fixed it, honestly.</p></section>
<footer><p>© 2026 Valley Courier. All rights reserved.</p></footer>
</body></html>"""

NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{entries}
</urlset>"""

ENTRY = """ <url><loc>{loc}</loc><lastmod>{lastmod}</lastmod>
  <news:news><news:publication><news:name>Valley Courier</news:name>
  <news:language>en</news:language></news:publication>
  <news:publication_date>2026-11-28T07:00:00Z</news:publication_date>
  <news:title>{title}</news:title></news:news></url>"""

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
 <sitemap><loc>{loc}</loc></sitemap>
</sitemapindex>"""


def _publish(served: Served, pages: dict[str, str], lastmod: str = "2026-11-28T07:00:00Z") -> None:
    entries = "\n".join(
        ENTRY.format(loc=served.url(path), lastmod=lastmod, title=title)
        for path, title in pages.items()
    )
    served.set("/news-sitemap.xml", NEWS_SITEMAP.format(entries=entries))
    for path, title in pages.items():
        served.set(path, PAGE.format(title=title), Content_Type="text/html; charset=utf-8")


def test_pages_are_extracted_without_navigation_comments_or_boxes_and_404s_go(
    served: Served, http: Http, tmp_path: Path
) -> None:
    served.set("/sitemap_index.xml", INDEX.format(loc=served.url("/news-sitemap.xml")))
    _publish(served, {"/2026/11/road.html": "Mountain road reopens", "/2026/11/b.html": "B"})
    config = SourceConfig(name="courier", type="sitemap", url=served.url("/sitemap_index.xml"))
    assert len(pull_source(config, tmp_path, http).added) == 2
    (road,) = [a for a in load_corpus(tmp_path).articles if a.headline == "Mountain road reopens"]
    assert road.text.startswith("The county will reopen the mountain road on Thursday")
    assert "“Crews worked through two weekends" in road.text
    for not_text in ("Reader:", "Storm damage", "All rights", "Home", "By Petra Holm"):
        assert not_text not in road.text
    assert road.byline == "Petra Holm" and road.url == served.url("/2026/11/road.html")
    assert road.published and road.published.isoformat() == "2026-11-28"

    # Unchanged lastmod: not fetched again. A page that leaves the sitemap and answers 404 goes.
    hits = served.hits["/2026/11/road.html"]
    del served.routes["/2026/11/b.html"]
    _publish(served, {"/2026/11/road.html": "Mountain road reopens"})
    changes = pull_source(config, tmp_path, http)
    assert changes.removed == [served.url("/2026/11/b.html")]
    assert served.hits["/2026/11/road.html"] == hits


def test_a_page_that_leaves_the_sitemap_but_still_answers_stays(
    served: Served, http: Http, tmp_path: Path
) -> None:
    _publish(served, {"/old.html": "Old story"})
    config = SourceConfig(name="c", type="sitemap", url=served.url("/news-sitemap.xml"))
    pull_source(config, tmp_path, http)
    served.set("/news-sitemap.xml", NEWS_SITEMAP.format(entries=""))  # lists nothing now
    assert pull_source(config, tmp_path, http).removed == []
    assert len(load_corpus(tmp_path).articles) == 1
