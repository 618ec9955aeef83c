"""A replaced index gives back the memory its mapped files held (bot.corpus.pages)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from bot.corpus.pages import drop_mapped_pages

from ..conftest import resident_kb

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/smaps")


def mapped(folder: Path, name: str, values: np.ndarray) -> np.ndarray:
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / name, values)
    array = np.load(folder / name, mmap_mode="c")
    assert int(array.sum()) == int(values.sum())  # every page read, so resident
    return array


def test_the_pages_of_a_folder_are_given_back_and_read_back_on_use(tmp_path: Path) -> None:
    values = np.arange(2_000_000, dtype=np.int64)  # 16 MB
    old = mapped(tmp_path / "old", "postings.npy", values)
    assert resident_kb(tmp_path / "old") > 10_000

    assert drop_mapped_pages(tmp_path / "old") >= values.nbytes
    assert resident_kb(tmp_path / "old") < 100
    # A search still reading the old index sees exactly what it saw before.
    assert np.array_equal(old, values)


def test_other_folders_keep_their_pages(tmp_path: Path) -> None:
    values = np.arange(1_000_000, dtype=np.int64)
    mapped(tmp_path / "old", "a.npy", values)
    new = mapped(tmp_path / "new", "a.npy", values)
    drop_mapped_pages(tmp_path / "old")
    assert resident_kb(tmp_path / "new") > 7_000
    assert new[-1] == values[-1]


def test_a_folder_with_nothing_mapped_is_a_no_op(tmp_path: Path) -> None:
    assert drop_mapped_pages(tmp_path / "never-mapped") == 0
