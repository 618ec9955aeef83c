"""Arc XP ANS: the Content API served locally (paged), and ANS JSON export folders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.corpus.articles import load_corpus
from bot.sources.config import SourceConfig
from bot.sources.http import Http
from bot.sources.ingest import pull_source
from tests.sources.conftest import Served


def ans_story(story_id: str, paragraphs: list[str], **extra: Any) -> dict[str, Any]:
    """An ANS 0.10 story with the fields the Content API returns."""
    return {
        "_id": story_id,
        "type": "story",
        "version": "0.10.9",
        "canonical_url": f"/local/2026/11/30/{story_id.lower()}/",
        "website_url": "https://www.example-daily.test",
        "canonical_website": "example-daily",
        "headlines": {"basic": f"Story {story_id}"},
        "credits": {
            "by": [{"type": "author", "name": "Sam Ode"}, {"type": "author", "name": "Li Wu"}]
        },
        "display_date": "2026-11-30T10:00:00.000Z",
        "first_publish_date": "2026-11-29T08:30:00.000Z",
        "revision": {"published": True},
        "content_elements": [
            {"type": "text", "_id": f"{story_id}-{n}", "content": p}
            for n, p in enumerate(paragraphs)
        ],
        **extra,
    }


def _results(stories: list[dict[str, Any]], following: int | None) -> bytes:
    page: dict[str, Any] = {"type": "results", "version": "0.10.9", "content_elements": stories}
    page["count"] = len(stories)
    if following is not None:
        page["next"] = following
    return json.dumps(page).encode()


def test_element_types_become_text_or_stay_out(served: Served, http: Http, tmp_path: Path) -> None:
    story = ans_story("ABC", ["Council voted <b>7&ndash;2</b> to close the pier."])
    story["content_elements"] += [
        {
            "type": "quote",
            "subtype": "pullquote",
            "content_elements": [
                {"type": "text", "content": "Council voted 7–2 to close the pier."}
            ],
        },
        {
            "type": "quote",
            "subtype": "blockquote",
            "content_elements": [
                {"type": "text", "content": "“The pier is unsafe,” the engineers wrote."}
            ],
        },
        {"type": "raw_html", "content": "<div class='ad'>Buy tickets</div>"},
        {
            "type": "oembed_response",
            "subtype": "twitter",
            "raw_oembed": {"html": "<blockquote class='twitter-tweet'>Save the pier!</blockquote>"},
        },
        {"type": "image", "caption": "The pier at sunset"},
        {"type": "interstitial_link", "content": "Read more: pier history", "url": "/x"},
        {"type": "header", "level": 2, "content": "What happens next"},
        {
            "type": "list",
            "list_type": "unordered",
            "items": [{"type": "text", "content": "Demolition starts in May."}],
        },
        {
            "type": "correction",
            "correction_type": "correction",
            "text": "An earlier version gave the wrong vote count.",
        },
    ]
    served.set("/content/v4/search/published", _results([story], None))
    config = SourceConfig(
        name="daily",
        type="arc",
        url=served.url("/content/v4/search/published"),
        website="example-daily",
        outlet="Example Daily",
    )
    assert pull_source(config, tmp_path, http).added == ["ABC"]
    (article,) = load_corpus(tmp_path).articles
    assert article.text == (
        "Council voted 7–2 to close the pier.\n\n“The pier is unsafe,” the engineers wrote.\n\n"
        "What happens next\n\nDemolition starts in May."
    )
    assert article.correction == "An earlier version gave the wrong vote count."
    assert article.url == "https://www.example-daily.test/local/2026/11/30/abc/"
    assert (article.byline, article.headline) == ("Sam Ode, Li Wu", "Story ABC")
    assert article.published and article.published.isoformat() == "2026-11-29"
    assert "website=example-daily" in "".join(served.hits)


def test_pages_are_followed_unpublished_and_missing_stories_go_but_a_wipe_removes_nothing(
    served: Served, http: Http, tmp_path: Path
) -> None:
    stories = [ans_story(f"S{n}", [f"Paragraph of story {n}."]) for n in range(6)]

    def listing(items: list[dict[str, Any]]) -> None:
        served.set("/api?from=0&size=100", _results(items[:3], 3 if len(items) > 3 else None))
        served.set("/api?from=3&size=100", _results(items[3:], None))

    listing(stories)
    config = SourceConfig(name="arc", type="arc", url=served.url("/api"))
    assert len(pull_source(config, tmp_path, http).added) == 6
    stories[1]["revision"]["published"] = False  # unpublished in Arc
    listing([s for s in stories if s["_id"] != "S5"])  # gone from the listing
    changes = pull_source(config, tmp_path, http)
    assert sorted(changes.removed) == ["S1", "S5"]
    listing([])  # the API suddenly lists nothing: a fault, not takedowns
    assert pull_source(config, tmp_path, http).removed == []
    assert len(load_corpus(tmp_path).articles) == 4


def test_an_export_folder_is_read_and_a_broken_file_removes_nothing(tmp_path: Path) -> None:
    folder, corpus = tmp_path / "export", tmp_path / "corpus"
    folder.mkdir()
    for n in range(3):
        (folder / f"s{n}.json").write_text(json.dumps(ans_story(f"F{n}", [f"Folder story {n}."])))
    config = SourceConfig(name="export", type="arc", path=folder)
    assert len(pull_source(config, corpus).added) == 3
    (folder / "s2.json").unlink()
    (folder / "s1.json").write_text('{"_id": "F1", "type": "st')  # truncated export
    changes = pull_source(config, corpus)
    assert changes.removed == [] and "s1.json: not readable ANS JSON" in changes.errors[0]
    (folder / "s1.json").write_text(json.dumps(ans_story("F1", ["Folder story 1."])))
    assert pull_source(config, corpus).removed == ["F2"]
