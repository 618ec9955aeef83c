"""`python -m bot quotes --json`: its fields, and described sources shown by description."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIELDS = {"article", "quote", "start", "end", "speaker", "role", "speaker_kind", "cue",
          "medium", "when", "when_date", "paragraph"}


def test_an_unnamed_source_has_its_description_as_speaker_and_role(tmp_path: Path) -> None:
    article = tmp_path / "port.txt"
    article.write_text(
        "---\nid: port\npublished: 2025-03-04\n---\n"
        "The dock closed after the storm.\n\n"
        "“We will reopen the dock by Friday,” a spokesperson for the Riverside Port "
        "Authority said.\n\n“The cranes are already back,” she said.\n\n"
        "“Rates will rise,” said Paul Wren, an economist at Westbank.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "bot", "quotes", "--json", str(article)],
                         capture_output=True, text=True, env=env, timeout=60, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert all(set(row) == FIELDS for row in rows)
    described = "a spokesperson for the Riverside Port Authority"
    by_quote = {row["quote"]: row for row in rows}
    for quote in ("We will reopen the dock by Friday,", "The cranes are already back,"):
        row = by_quote[quote]
        assert (row["speaker"], row["role"], row["speaker_kind"]) == (
            described, described, "unnamed")
    wren = by_quote["Rates will rise,"]
    assert (wren["speaker"], wren["speaker_kind"]) == ("Paul Wren", "person")
    assert all(row["speaker"] for row in rows)  # no blank speaker
