"""Corpus fingerprints."""

from __future__ import annotations

import os
from pathlib import Path

from bot.corpus.stamps import file_states, fingerprint


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
    assert sorted(after) == ["a.txt", "c.txt"]
    assert after["a.txt"] != before["a.txt"]


def test_touch_alone_changes_the_fingerprint(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    before = file_states(root)
    st = (root / "a.txt").stat()
    os.utime(root / "a.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert fingerprint(file_states(root)) != fingerprint(before)


def test_missing_corpus_folder_has_an_empty_state(tmp_path: Path) -> None:
    assert file_states(tmp_path / "nope") == {}
