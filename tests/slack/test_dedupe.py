"""The event-id deduper on its own: TTL, size bound, the shared folder and its failure."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest

from bot.slack.dedupe import EventDeduper, event_id_of


def test_an_id_is_new_once_then_again_after_the_ttl(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    deduper = EventDeduper(ttl=60)
    assert deduper.first_time("Ev1") and not deduper.first_time("Ev1")
    now[0] += 61
    assert deduper.first_time("Ev1")


def test_memory_is_bounded() -> None:
    deduper = EventDeduper(max_remembered=100)
    for n in range(1000):
        deduper.first_time(f"Ev{n}")
    assert len(deduper._seen) == 100


def test_two_processes_sharing_a_folder_answer_once(tmp_path: Path) -> None:
    one, two = EventDeduper(shared_dir=tmp_path), EventDeduper(shared_dir=tmp_path)
    assert one.first_time("Ev/../../etc")  # an odd id cannot escape the folder
    assert not two.first_time("Ev/../../etc")
    assert [p.parent for p in tmp_path.iterdir()] == [tmp_path]


def test_a_stale_marker_is_not_a_duplicate_and_old_markers_are_pruned(tmp_path: Path) -> None:
    EventDeduper(shared_dir=tmp_path).first_time("EvOLD")
    old = time.time() - 3600
    os.utime(tmp_path / "EvOLD", (old, old))
    deduper = EventDeduper(shared_dir=tmp_path)
    assert deduper.first_time("EvOLD")
    os.utime(tmp_path / "EvOLD", (old, old))
    deduper._prune()
    assert not (tmp_path / "EvOLD").exists()


def test_an_unusable_folder_falls_back_to_per_process_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING):
        deduper = EventDeduper(shared_dir=blocker / "seen")
        assert deduper.first_time("Ev1") and not deduper.first_time("Ev1")
        assert deduper.first_time("Ev2")
    assert len([r for r in caplog.records if "DEDUPE_DIR" in r.getMessage()]) == 1


def test_only_events_have_ids() -> None:
    assert event_id_of({"type": "event_callback", "event_id": "Ev1"}) == "Ev1"
    assert event_id_of({"command": "/whosaid"}) is None
