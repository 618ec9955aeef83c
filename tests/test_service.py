"""A live corpus: files added, changed and removed are picked up; a bad build loses nothing."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path

import pytest

from bot.cli.serialize import answer_json
from bot.service import Whosaid

from .conftest import FIXTURE_CORPUS, fixture_extractor, resident_kb


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, root)
    return root


def _bump(path: Path) -> None:
    # Same-second rewrites still get a new mtime_ns on most file systems; force one anyway.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_added_changed_and_removed_articles_are_picked_up(corpus: Path) -> None:
    whosaid = Whosaid(corpus, extract=fixture_extractor)
    assert whosaid.article_count == 4
    assert not whosaid.refresh()  # nothing changed: nothing rebuilt

    (corpus / "new.txt").write_text("The zeppelin landed “right on time,” said Ida Vale.\n")
    assert whosaid.refresh()
    assert whosaid.ask("zeppelin").results[0].article.id == "new"

    (corpus / "new.txt").write_text("The airship landed late.\n")
    _bump(corpus / "new.txt")
    assert whosaid.refresh()
    assert whosaid.ask("zeppelin").results == ()
    assert whosaid.ask("airship").results[0].article.id == "new"

    (corpus / "harbor.md").unlink()
    assert whosaid.refresh()
    assert whosaid.article_count == 4 and whosaid.ask("dredging").results == ()


def test_only_changed_files_are_re_extracted(corpus: Path) -> None:
    seen: list[str] = []

    def counting(article):
        seen.append(article.id)
        return fixture_extractor(article)

    whosaid = Whosaid(corpus, extract=counting)
    seen.clear()
    (corpus / "budget.txt").write_text((corpus / "budget.txt").read_text() + "\n")
    _bump(corpus / "budget.txt")
    assert whosaid.refresh()
    assert seen == ["budget"]


def test_a_broken_file_is_skipped_and_the_rest_keep_answering(corpus: Path) -> None:
    whosaid = Whosaid(corpus, extract=fixture_extractor)
    (corpus / "half.md").write_text("---\nheadline: still being writ")  # front matter unclosed
    assert whosaid.refresh()
    assert ("half.md", "front matter opened with '---' is never closed") in whosaid.skipped
    assert whosaid.ask("who said optimistic revenue").results


def test_a_failing_rebuild_keeps_the_last_good_index(corpus: Path) -> None:
    calls = {"n": 0}

    def flaky(article):
        calls["n"] += 1
        if article.id == "boom":
            raise RuntimeError("extractor bug")
        return fixture_extractor(article)

    whosaid = Whosaid(corpus, extract=flaky)
    (corpus / "boom.txt").write_text("A new article.\n")
    assert not whosaid.refresh()
    assert whosaid.article_count == 4
    assert whosaid.ask("who said optimistic revenue").results


async def test_watch_picks_up_a_new_file_once_it_holds_still(corpus: Path) -> None:
    whosaid = Whosaid(corpus, extract=fixture_extractor)
    watcher = asyncio.create_task(whosaid.watch(interval=0.05))
    try:
        (corpus / "late.txt").write_text("Late news about the lighthouse.\n")
        for _ in range(100):
            if whosaid.article_count == 5:
                break
            await asyncio.sleep(0.05)
        assert whosaid.ask("lighthouse").results[0].article.id == "late"
    finally:
        watcher.cancel()


async def test_a_failing_background_refresh_is_reported_and_watching_goes_on() -> None:
    from bot.corpus.live import in_daemon_thread

    def boom() -> int:
        raise ValueError("disk on fire")

    with pytest.raises(ValueError, match="disk on fire"):
        await in_daemon_thread(boom)
    assert await in_daemon_thread(lambda: 42) == 42


async def test_with_a_cache_the_watcher_re_indexes_in_another_process(
    corpus: Path, tmp_path: Path
) -> None:
    whosaid = Whosaid(corpus, cache_dir=tmp_path / "cache")  # the real extractor
    watcher = asyncio.create_task(whosaid.watch(interval=0.1))
    try:
        (corpus / "late.txt").write_text("“The lighthouse is back,” said Ida Vale on Monday.\n")
        for _ in range(300):
            if whosaid.article_count == 5:
                break
            await asyncio.sleep(0.1)
        top = whosaid.ask("who said the lighthouse is back").results[0]
        assert top.article.id == "late" and top.quotation.speaker.name == "Ida Vale"
        assert whosaid.skipped == ()
    finally:
        watcher.cancel()


async def test_if_the_code_on_disk_changed_the_worker_re_indexes_itself(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.corpus.live

    whosaid = Whosaid(corpus, cache_dir=tmp_path / "cache")
    monkeypatch.setattr(bot.corpus.live, "CACHE_FORMAT", "the code this worker started with")
    (corpus / "late.txt").write_text("Late news about the lighthouse.\n")
    assert await whosaid.refresh_in_subprocess()
    assert whosaid.ask("lighthouse").results[0].article.id == "late"


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/smaps")
async def test_the_replaced_index_gives_back_its_mapped_pages_at_the_swap(
    corpus: Path, tmp_path: Path
) -> None:
    whosaid = Whosaid(corpus, cache_dir=tmp_path / "cache")
    whosaid.refresh()  # nothing changed; now answer from the saved (mapped) index
    (corpus / "late.txt").write_text("Late news about the lighthouse.\n")
    assert await whosaid.refresh_in_subprocess()
    old = whosaid.live.entry.folder
    assert old is not None
    assert whosaid.ask("harbor").results  # pages of the saved index now resident
    assert resident_kb(old) > 0

    (corpus / "later.txt").write_text("Later news about the harbor.\n")
    assert await whosaid.refresh_in_subprocess()
    assert whosaid.live.entry.folder != old
    assert resident_kb(old) == 0  # at once, not when the old index is let go
    assert whosaid.ask("lighthouse").results[0].article.id == "late"


QUESTIONS = (
    "who said optimistic revenue",
    "what did Liu say",
    "what did the mayor say about the harbor",
    "tariffs",
    "who said right on time",
    "zeppelin",
    "Grace Liu",
)

# Each step changes the corpus; after each, the updated index must be the fresh one.
STEPS = (
    (
        "add a file that sorts first",
        "0-first.txt",
        "The zeppelin landed “right on time,” said Ida Vale.\n",
    ),
    ("change a file in the middle", "exports.jsonl", None),
    (
        "add an article whose id is taken",
        "zz-dupe.txt",
        "---\nid: budget\n---\nA copy “with other words,” said Ida Vale.\n",
    ),
    ("remove a file", "harbor.md", ""),
    ("remove the first file", "0-first.txt", ""),
)


def _apply(corpus: Path, name: str, text: str | None) -> None:
    path = corpus / name
    if text == "":
        path.unlink()
    elif text is None:
        lines = path.read_text().splitlines(keepends=True)
        path.write_text("".join(lines[1:]))  # drop its first article
        _bump(path)
    else:
        path.write_text(text)


@pytest.mark.parametrize("saved", [False, True], ids=["in memory", "from the saved index"])
def test_an_updated_index_answers_exactly_as_a_fresh_build(
    corpus: Path, tmp_path: Path, saved: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.search.index

    tokenized: list[int] = []
    counting = bot.search.index.passage_tokens

    def passage_tokens(articles, table):  # type: ignore[no-untyped-def]
        tokenized.append(len(table))
        return counting(articles, table)

    monkeypatch.setattr(bot.search.index, "passage_tokens", passage_tokens)
    cache = tmp_path / "cache" if saved else None
    whosaid = Whosaid(corpus, extract=fixture_extractor, cache_dir=cache)
    for what, name, text in STEPS:
        before = whosaid.index
        _apply(corpus, name, text)
        tokenized.clear()
        if saved:  # what `python -m bot.corpus.reindex` does: start from the last saved index
            whosaid = Whosaid(corpus, extract=fixture_extractor, cache_dir=cache)
        else:
            assert whosaid.refresh(), what
        assert whosaid.index is not before
        updated = sum(tokenized)
        fresh = Whosaid(corpus, extract=fixture_extractor)
        # Only new articles' passages were tokenized: the rest of the index was kept.
        assert updated < len(fresh.index.passages) / 2, what
        assert whosaid.skipped == fresh.skipped, what
        assert [a.id for a in whosaid.index.articles] == [a.id for a in fresh.index.articles]
        for question in QUESTIONS:
            assert answer_json(whosaid.ask(question)) == answer_json(fresh.ask(question)), (
                what,
                question,
            )
