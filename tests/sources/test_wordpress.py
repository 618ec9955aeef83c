"""The WordPress path against a real WordPress (Debian's package) run by the test setup.

Posts are made, edited, drafted, trashed and deleted through WordPress's own REST API, then
`python -m bot ingest` and `python -m bot ask` run as a newsroom would run them.
"""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest

from tests.sources.conftest import ask, run_bot
from tests.sources.wordpress_server import WordPress


def _sources(wp: WordPress, name: str, **extra: str) -> dict[str, str]:
    entry = {"name": name, "type": "wordpress", "url": wp.base, **extra}
    return {"SOURCES": json.dumps([entry])}


def _ingest(corpus: Path, env: dict[str, str]) -> str:
    done = run_bot("ingest", "--corpus", str(corpus), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return str(done.stdout) + str(done.stderr)


def _texts(corpus: Path) -> str:
    return "\n".join(p.read_text() for p in sorted(corpus.rglob("*.md")))


def test_posts_reach_answers_edits_replace_drafts_never_show_deletions_disappear(
    wordpress: WordPress, tmp_path: Path
) -> None:
    tag = uuid.uuid4().hex[:6]
    env = _sources(wordpress, f"gazette{tag}")
    post = wordpress.create_post(
        f"Breakwater plan {tag}",
        "<p>The harbor board approved the breakwater on Tuesday.</p>"
        "<p>&ldquo;The new breakwater will hold through the winter storms,&rdquo; said "
        "Lena Ortiz, the harbor master.</p>",
    )
    draft = wordpress.create_post(
        f"Unfinished {tag}", "<p>“Quarry tunnels flood every April,” said Ivo Brandt.</p>", "draft"
    )

    out = _ingest(tmp_path, env)
    assert f"gazette{tag}: " in out and f"+ gazette{tag}/{post['id']}" in out
    answer = ask(tmp_path, "who said the breakwater will hold through the winter storms")
    first = answer["results"][0]
    assert first["speaker"]["name"] == "Lena Ortiz"
    assert first["quote"] == "The new breakwater will hold through the winter storms,"
    assert first["article"]["url"] == post["link"]
    assert first["article"]["byline"] == "Dana Whitfield"
    assert first["article"]["outlet"] == "Whosaid Test Gazette"
    assert "Quarry tunnels" not in _texts(tmp_path)  # the draft

    # An edit at the source replaces the story; an unchanged pull changes nothing.
    time.sleep(1.1)  # WordPress keeps modification times to the second
    wordpress.update_post(
        post["id"],
        content="<p>“The breakwater will need a second winter of work,” said Lena Ortiz.</p>",
    )
    out = _ingest(tmp_path, env)
    assert f"~ gazette{tag}/{post['id']}" in out
    texts = _texts(tmp_path)
    assert "second winter of work" in texts and "hold through the winter storms" not in texts
    assert "0 added, 0 updated, 0 removed" in _ingest(tmp_path, env)

    # Publishing the draft brings it in; unpublishing it again takes it out.
    wordpress.update_post(draft["id"], status="publish")
    assert f"+ gazette{tag}/{draft['id']}" in _ingest(tmp_path, env)
    wordpress.update_post(draft["id"], status="draft")
    assert f"- gazette{tag}/{draft['id']}" in _ingest(tmp_path, env)
    assert "Quarry tunnels" not in _texts(tmp_path)

    # Deleted for good, or moved to the trash: both disappear from answers.
    trashed = wordpress.create_post(
        f"Ferry {tag}", "<p>“Ferries resume Friday,” said Ana Ruiz.</p>"
    )
    _ingest(tmp_path, env)
    wordpress.delete_post(post["id"])
    wordpress.delete_post(trashed["id"], force=False)
    out = _ingest(tmp_path, env)
    assert f"- gazette{tag}/{post['id']}" in out and f"- gazette{tag}/{trashed['id']}" in out
    answer = ask(tmp_path, "who said the breakwater will need a second winter of work")
    assert all(r["article"]["url"] != post["link"] for r in answer["results"])


def test_embeds_captions_pullquotes_and_boxes_are_not_indexed_and_corrections_are_shown(
    wordpress: WordPress, tmp_path: Path
) -> None:
    tag = uuid.uuid4().hex[:6]
    post = wordpress.create_post(
        f"Orchard fire {tag}",
        "<p>Fire crews held the line above the orchard overnight.</p>"
        '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">'
        '<div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet"><p>Smoke over '
        "the valley, stay inside</p>&mdash; County Alerts</blockquote></div></figure>"
        '<figure class="wp-block-image"><img src="/x.jpg" alt=""/><figcaption>Crews at dawn '
        "near the ridge road</figcaption></figure>"
        "<p>&ldquo;We saved every house on the ridge,&rdquo; said Chief Noor Haddad.</p>"
        '<blockquote class="wp-block-pullquote"><p>We saved every house on the ridge</p>'
        "</blockquote>"
        "<p><strong>Read more:</strong> <a href='/other'>Last year's fire season</a></p>"
        "<p>ADVERTISEMENT</p>"
        '<div class="related-posts"><p>Orchard owners count losses</p></div>'
        '<p class="correction">Correction: An earlier version of this story misspelled '
        "the chief's surname.</p>",
    )
    assert f"+ fire{tag}/{post['id']}" in _ingest(tmp_path, _sources(wordpress, f"fire{tag}"))
    text = (tmp_path / f"fire{tag}" / f"{post['id']}.md").read_text()
    body = text.split("---\n", 2)[2]
    assert body == (
        "Fire crews held the line above the orchard overnight.\n\n"
        "“We saved every house on the ridge,” said Chief Noor Haddad.\n"
    )
    answer = ask(tmp_path, "who said we saved every house on the ridge")
    first = answer["results"][0]
    assert first["speaker"]["name"] == "Noor Haddad"
    assert first["article"]["correction"] == (
        "Correction: An earlier version of this story misspelled the chief’s surname."
    )
    assert not ask(tmp_path, "smoke over the valley stay inside")["results"]


def test_application_password_never_indexes_private_posts_and_never_shows(
    wordpress: WordPress, tmp_path: Path
) -> None:
    tag = uuid.uuid4().hex[:6]
    public = wordpress.create_post(f"Tram {tag}", "<p>“Trams run late tonight,” said Ola Berg.</p>")
    private = wordpress.create_post(
        f"Memo {tag}", "<p>“Budget cuts are coming,” said Eli Stone.</p>", "private"
    )
    env = _sources(wordpress, f"auth{tag}", username="editor", password=wordpress.app_password)
    done = run_bot("ingest", "--corpus", str(tmp_path), env={**env, "LOG_LEVEL": "DEBUG"})
    assert done.returncode == 0, done.stderr
    assert f"+ auth{tag}/{public['id']}" in done.stdout
    assert f"/{private['id']}\n" not in done.stdout and "Budget cuts" not in _texts(tmp_path)
    secret = wordpress.app_password
    everything = done.stdout + done.stderr + _texts(tmp_path)
    everything += "".join(p.read_text() for p in tmp_path.rglob("*.json"))
    assert secret not in everything and secret.replace(" ", "") not in everything


def test_the_sites_rss_feed_gives_full_text_answers_304_and_drops_deleted_posts(
    wordpress: WordPress, tmp_path: Path
) -> None:
    tag = uuid.uuid4().hex[:6]
    # WordPress's feed validators are the newest post's modification time, to the second:
    # this post must be the only one of its second for its deletion to change them.
    time.sleep(1.1)
    post = wordpress.create_post(
        f"Library hours {tag}",
        "<p>The library will open on Sundays from March.</p>"
        "<p>“Families asked for weekend hours for years,” said librarian Tove Lund.</p>",
    )
    env = {
        "SOURCES": json.dumps(
            [{"name": f"rss{tag}", "type": "feed", "url": wordpress.base + "/feed/"}]
        )
    }
    out = _ingest(tmp_path, env)
    # The item's key is its GUID, which WordPress makes from the first permalink.
    ours = (post["link"], f"{wordpress.base}/?p={post['id']}")
    (key,) = [line[4:] for line in out.splitlines() if line.endswith(ours)]
    assert key in (f"rss{tag}/{post['link']}", f"rss{tag}/{wordpress.base}/?p={post['id']}")
    answer = ask(tmp_path, "who said families asked for weekend hours")
    first = answer["results"][0]
    assert first["speaker"]["name"] == "Tove Lund"
    assert first["article"]["headline"] == f"Library hours {tag}"
    assert first["article"]["url"] == post["link"]
    assert first["article"]["byline"] == "Dana Whitfield"

    # Unchanged: WordPress answers the conditional request with 304, nothing is rewritten.
    state = tmp_path / ".whosaid-sources" / f"rss{tag}.json"
    assert json.loads(state.read_text())["last_modified"]
    assert "0 added, 0 updated, 0 removed" in _ingest(tmp_path, env)
    assert json.loads(state.read_text())["not_modified"] == 1

    # Deleted at the source: it leaves the feed and its page answers 404, so it goes.
    time.sleep(1.1)  # a new Last-Modified for the feed
    wordpress.delete_post(post["id"])
    out = _ingest(tmp_path, env)
    assert f"  - {key}\n" in out and "1 removed" in out
    assert "weekend hours" not in _texts(tmp_path)


def test_posts_sharing_a_modification_second_across_pages_are_all_pulled(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.sources import wordpress as source
    from bot.sources.config import SourceConfig
    from bot.sources.ingest import pull_source

    # A bulk import: 45 posts with one and the same modification time, listed 10 a page.
    when = "2026-06-01 12:00:00"
    rows = ",".join(
        f"(1,'{when}','{when}','<p>Imported story {n}.</p>','Import {n}','','publish','import-{n}',"
        f"'','','{when}','{when}','',0,'',0,'post')"
        for n in range(45)
    )
    wordpress.sql(
        "INSERT INTO wp_posts (post_author,post_date,post_date_gmt,post_content,post_title,"
        "post_excerpt,post_status,post_name,to_ping,pinged,post_modified,post_modified_gmt,"
        f"post_content_filtered,post_parent,guid,menu_order,post_type) VALUES {rows};"
    )
    published = int(
        wordpress.sql(
            "SELECT COUNT(*) FROM wp_posts WHERE post_status='publish' AND post_type='post'"
        )
    )
    monkeypatch.setattr(source, "PER_PAGE", 10)
    changes = pull_source(SourceConfig(name="bulk", type="wordpress", url=wordpress.base), tmp_path)
    assert len(changes.added) == published and not changes.errors
