"""The check's benchmark: its archive is the search benchmark's, its claims are judged right."""

from __future__ import annotations

import json

import pytest

from bot import bench


def test_check_benchmark_runs_on_the_generated_archive(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--passages", "2000", "--claims", "50", "--repeat", "1", "--check-only", "--json"]
    assert bench.main(argv) == 0
    result = json.loads(capsys.readouterr().out.strip())
    check = result["check"]
    assert check["passages"] == 2000
    assert 0.5 * 2000 < check["quotations"] < 0.7 * 2000  # 60% of passages quote someone
    assert check["claims"] == 50 and check["claim_words"] == 20
    assert check["p50_ms"] <= check["p95_ms"] <= check["max_ms"]
    # Every kind of generated claim gets the verdict it was made for.
    assert check["right_verdicts"] == {
        "verbatim": 1.0,
        "changed": 1.0,
        "dropped": 1.0,
        "added": 1.0,
        "invented": 1.0,
    }
