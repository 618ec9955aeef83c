"""scripts/eval_search.py refuses to score without PolNeAR train rather than score a part."""

from __future__ import annotations

import json
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


ARTICLE = """---
id: unseen_test_ferry
headline: Lake ferry returns after a winter in dry dock
---
The lake ferry Marguerite sailed again on Saturday after five months of repairs.

"We rebuilt the paddle wheel plank by plank, and she floats like a swan again," said Odile
Varenne, the ferry's captain.
"""


def test_questions_and_extra_score_another_set_over_added_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "added"
    folder.mkdir()
    (folder / "ferry.txt").write_text(ARTICLE)
    words = "rebuilt the paddle wheel plank by plank"
    questions = tmp_path / "questions.jsonl"
    questions.write_text(
        json.dumps(
            {
                "kind": "verbatim",
                "article": eval_search.article_key("unseen_test_ferry"),
                "find": words,
                "question": f"who said {words}",
            }
        )
        + "\n"
    )
    common = ["--polnear", str(tmp_path), "--semantic", "off", "--json"]
    common += ["--questions", str(questions)]

    assert eval_search.main([*common, "--extra", str(folder)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["kinds"]["verbatim"] == {"questions": 1, "hit@1": 1.0, "hit@3": 1.0}
    assert report["overall"]["questions"] == 1 and report["problems"] == []

    # Without the folder the question's article is not in the corpus, and the script says so.
    assert eval_search.main(common) == 1
    assert "article not in the corpus" in capsys.readouterr().out
