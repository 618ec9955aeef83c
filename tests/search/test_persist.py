"""Corpus fingerprints and the atomic index cache."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from bot.search.bm25 import SparseBM25
from bot.search.persist import (
    cache_key,
    diff_states,
    file_states,
    fingerprint,
    load_index,
    prune,
    save_index,
)

DOCS = [
    ["the", "minister", "said", "budget"],
    ["zelenskyy", "said", "ukraine"],
    ["budget", "cuts"],
    ["the", "weather"],
    ["a", "spokesperson", "declined"],
]


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "2026").mkdir(parents=True)
    (root / "a.txt").write_text("First article.\n")
    (root / "2026" / "b.md").write_text("Second article.\n")
    (root / ".hidden.txt").write_text("not an article\n")
    (root / "notes.csv").write_text("not an article either\n")
    return root


def test_fingerprint_tracks_added_changed_and_removed_files(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    before = file_states(root)
    assert sorted(before) == ["2026/b.md", "a.txt"]
    assert fingerprint(before) == fingerprint(file_states(root))  # stable

    (root / "a.txt").write_text("First article, corrected.\n")
    (root / "c.txt").write_text("Third.\n")
    (root / "2026" / "b.md").unlink()
    after = file_states(root)
    assert fingerprint(after) != fingerprint(before)
    diff = diff_states(before, after)
    assert diff.added == ("c.txt",)
    assert diff.changed == ("a.txt",)
    assert diff.removed == ("2026/b.md",)
    assert not diff_states(after, file_states(root))


def test_touch_alone_changes_the_fingerprint(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    before = file_states(root)
    st = (root / "a.txt").stat()
    os.utime(root / "a.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert fingerprint(file_states(root)) != fingerprint(before)


def test_missing_corpus_folder_has_an_empty_state(tmp_path: Path) -> None:
    assert file_states(tmp_path / "nope") == {}


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    index = SparseBM25.build(DOCS)
    key = cache_key("abc")
    cache = tmp_path / "cache"
    passages = np.arange(len(DOCS), dtype=np.int64)
    folder = save_index(cache, key, index, extra={"passage_article": passages}, meta={"n": 5})
    assert folder == cache / key
    assert not list(cache.glob(".tmp-*"))
    loaded = load_index(cache, key)
    assert loaded is not None
    assert loaded.meta == {"n": 5}
    np.testing.assert_array_equal(loaded.extra["passage_article"], passages)
    for query in (["budget"], ["the", "said"], ["unknown"]):
        assert loaded.index.top_k(query, 3) == index.top_k(query, 3)
        np.testing.assert_array_equal(loaded.index.scores(query), index.scores(query))


def test_save_replaces_an_existing_entry_whole(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    key = cache_key("same")
    save_index(cache, key, SparseBM25.build(DOCS), extra={"old_only": np.zeros(2)})
    save_index(cache, key, SparseBM25.build(DOCS[:3]))
    loaded = load_index(cache, key)
    assert loaded is not None
    assert loaded.index.doc_count == 3
    assert loaded.extra == {}
    assert [p.name for p in cache.iterdir()] == [key]


def test_missing_incomplete_or_corrupt_entries_load_as_none(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert load_index(cache, "nothing") is None
    key = cache_key("x")
    folder = save_index(cache, key, SparseBM25.build(DOCS))
    (folder / "meta.json").unlink()  # a writer that died before its last step
    assert load_index(cache, key) is None
    folder = save_index(cache, key, SparseBM25.build(DOCS))
    (folder / "bm25" / "header.json").write_text("{not json")
    assert load_index(cache, key) is None


def test_key_depends_on_fingerprint_and_salt() -> None:
    assert cache_key("a") != cache_key("b")
    assert cache_key("a") != cache_key("a", salt="attribution-v2")
    assert cache_key("a") == cache_key("a")


def test_prune_keeps_only_wanted_entries(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    keys = [cache_key(str(i)) for i in range(3)]
    for key in keys:
        save_index(cache, key, SparseBM25.build(DOCS))
    prune(cache, keep=[keys[1]])
    assert [p.name for p in cache.iterdir()] == [keys[1]]
    assert load_index(cache, keys[1]) is not None
