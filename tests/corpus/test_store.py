"""Restarts reuse the saved index: nothing re-read or re-attributed unless it changed."""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

import pytest

from bot.corpus.articles import Article
from bot.service import Whosaid

from ..conftest import FIXTURE_CORPUS, fixture_extractor


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, root)
    return root


class Counting:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, article: Article):
        self.seen.append(article.id)
        return fixture_extractor(article)


def _start(corpus: Path, cache: Path) -> tuple[Whosaid, Counting]:
    extractor = Counting()
    return Whosaid(corpus, extract=extractor, cache_dir=cache), extractor


def _top(whosaid: Whosaid, question: str) -> list[tuple[str, int, int, float]]:
    return [
        (r.article.id, r.source.start, r.source.end, r.score) for r in whosaid.ask(question).results
    ]


def test_a_restart_with_an_unchanged_corpus_reuses_everything(corpus: Path, tmp_path: Path) -> None:
    first, extractor = _start(corpus, tmp_path / "cache")
    assert len(extractor.seen) == 4
    second, extractor = _start(corpus, tmp_path / "cache")
    assert extractor.seen == []  # nothing re-attributed
    for question in ("who said optimistic revenue", "harbor dredging", "what did Liu say"):
        assert _top(second, question) == _top(first, question)


def test_a_restart_after_one_file_changed_re_reads_only_that_file(
    corpus: Path, tmp_path: Path
) -> None:
    _start(corpus, tmp_path / "cache")
    path = corpus / "budget.txt"
    path.write_text(path.read_text().replace("Governor Marcus Bell", "Governor Mark Bell"))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    whosaid, extractor = _start(corpus, tmp_path / "cache")
    assert extractor.seen == ["budget"]
    assert "Mark Bell" in whosaid.ask("school construction spending").results[0].excerpt


def _entries(cache: Path) -> list[Path]:
    return [p for p in cache.iterdir() if (p / "meta.json").exists()]


def test_a_restart_reads_no_article_until_an_answer_needs_one(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The lexical path reads only the articles of quotations holding the words; the semantic
    # stage also reads those of a dozen candidates by meaning (here, the whole small corpus).
    monkeypatch.setenv("SEMANTIC_SEARCH", "false")
    _start(corpus, tmp_path / "cache")
    whosaid, _ = _start(corpus, tmp_path / "cache")
    store = whosaid.index.articles
    assert store._recent == {}  # the index is mapped, not decoded
    whosaid.ask("who said optimistic revenue")
    assert 0 < len(store._recent) < 4


def test_a_corrupt_cache_is_rebuilt_with_a_warning(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    _start(corpus, cache)
    (entry,) = _entries(cache)
    for npy in entry.rglob("*.npy"):
        npy.write_bytes(b"not numpy")
    with caplog.at_level(logging.WARNING):
        whosaid, extractor = _start(corpus, cache)
    assert len(extractor.seen) == 4
    assert whosaid.ask("who said optimistic revenue").results
    assert any("cache" in r.getMessage() for r in caplog.records)


def test_results_from_other_code_are_not_reused(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _start(corpus, cache)
    (entry,) = _entries(cache)
    meta = json.loads((entry / "meta.json").read_text())
    (entry / "meta.json").write_text(json.dumps({**meta, "format": "an older extractor"}))
    _, extractor = _start(corpus, cache)
    assert len(extractor.seen) == 4


def test_an_index_saved_with_other_tokens_is_rebuilt(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _start(corpus, cache)
    (entry,) = _entries(cache)
    meta = json.loads((entry / "meta.json").read_text())
    # As an index saved before stemming would be stamped: same code digest, other tokens.
    (entry / "meta.json").write_text(json.dumps({**meta, "tokenizer": "unstemmed"}))
    whosaid, extractor = _start(corpus, cache)
    assert len(extractor.seen) == 4
    assert whosaid.ask("who said optimistic revenues").results


def test_an_unusable_cache_folder_is_not_fatal(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    whosaid, _ = _start(corpus, blocker / "cache")
    assert whosaid.ask("who said optimistic revenue").results


def test_a_changed_file_after_a_restart_is_picked_up_by_refresh(
    corpus: Path, tmp_path: Path
) -> None:
    _start(corpus, tmp_path / "cache")
    whosaid, extractor = _start(corpus, tmp_path / "cache")
    (corpus / "new.txt").write_text("The zeppelin landed “right on time,” said Ida Vale.\n")
    assert whosaid.refresh()
    assert extractor.seen == ["new"]
    assert whosaid.ask("zeppelin").results[0].article.id == "new"
    assert whosaid.ask("who said optimistic revenue").results


def test_a_replaced_index_lets_go_of_its_decoded_articles(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import bot.corpus.live

    monkeypatch.setattr(bot.corpus.live, "RETIRE_AFTER_SECONDS", 0.0)
    _start(corpus, tmp_path / "cache")
    whosaid, _ = _start(corpus, tmp_path / "cache")
    whosaid.ask("who said optimistic revenue")
    old_store = whosaid.index.articles
    assert old_store._recent  # decoded for that answer
    (corpus / "new.txt").write_text("The zeppelin landed “right on time,” said Ida Vale.\n")
    assert whosaid.refresh()
    for _ in range(100):
        if not old_store._recent:
            break
        time.sleep(0.02)
    assert not old_store._recent
    assert whosaid.ask("who said optimistic revenue").results
