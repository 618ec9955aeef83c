"""`python -m bot check`: the verdict in the terminal and as JSON for scripts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bot.corpus.articles import load_corpus

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "check_corpus"


def run(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    # The index cache goes to a temporary folder, not into the fixture corpus.
    env = {**os.environ, "CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=env,
    )


def test_json_has_exactly_the_documented_shape_and_verbatim_offsets(tmp_path: Path) -> None:
    done = run(
        "did Bell say “called cheap in May”?", "--json", "--corpus", str(CORPUS), cache=tmp_path
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert set(found) == {"claim", "speaker", "verdict", "matches"}
    assert (found["claim"], found["speaker"], found["verdict"]) == (
        "called cheap in May",
        "Bell",
        "close",
    )
    (match,) = found["matches"]
    assert set(match) == {
        "quote",
        "speaker",
        "article",
        "quote_start",
        "quote_end",
        "similarity",
        "diff",
    }
    assert match["speaker"] == {"name": "Marcus Bell", "role": "Governor", "kind": "person"}
    assert set(match["article"]) == {"id", "headline", "outlet", "published", "url"}
    (article,) = [a for a in load_corpus(CORPUS).articles if a.id == match["article"]["id"]]
    assert match["quote"] == article.text[match["quote_start"] : match["quote_end"]]
    assert match["diff"] == [
        {"op": "equal", "claim": "called", "published": "called"},
        {"op": "replace", "claim": "cheap", "published": "stingy"},
        {"op": "equal", "claim": "in May", "published": "in May"},
    ]
    assert 0 < match["similarity"] < 1


def test_speaker_option_and_text_output_say_who_said_it(tmp_path: Path) -> None:
    done = run(
        "We will plant what the water allows",
        "--speaker",
        "Helen Park",
        "--corpus",
        str(CORPUS),
        cache=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Misattributed" in done.stdout
    assert "Grace Liu, president of the Growers Association" in done.stdout
    assert "The Valley Courier" in done.stdout and "2025-06-02" in done.stdout


def test_several_quoted_spans_give_a_json_list_and_nothing_to_check_is_a_usage_error(
    tmp_path: Path,
) -> None:
    done = run(
        "check “stingy in May” and “a brand new invented sentence here”",
        "--json",
        "--corpus",
        str(CORPUS),
        cache=tmp_path,
    )
    assert [c["verdict"] for c in json.loads(done.stdout)] == ["exact", "not_found"]
    empty = run("  ", "--corpus", str(CORPUS), cache=tmp_path)
    assert empty.returncode == 2 and "nothing to check" in empty.stderr
    assert "Traceback" not in empty.stderr
