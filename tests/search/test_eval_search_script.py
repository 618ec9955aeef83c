"""scripts/eval_search.py refuses to score without PolNeAR train rather than score a part."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import eval_search  # noqa: E402


def test_without_polnear_it_says_so_instead_of_scoring_a_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert eval_search.main(["--polnear", str(tmp_path / "nowhere")]) == 2
    assert "--polnear" in capsys.readouterr().err
