"""The command line as a user runs it: configuration errors, `ask`, `quotes`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

SECRET_BOT = "xoxb-111-222-SeCrEtBoTtOkEn"
SECRET_APP = "xapp-1-A111-333-SeCrEtApPtOkEn"


def run_bot(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CORPUS_"))}
    clean_env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env={**clean_env, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "SLACK_BOT_TOKEN is not set"),
        ({"SLACK_BOT_TOKEN": SECRET_BOT}, "SLACK_APP_TOKEN is not set"),
        (
            {"SLACK_BOT_TOKEN": "xoxp-user-SeCrEt", "SLACK_APP_TOKEN": SECRET_APP},
            "SLACK_BOT_TOKEN must be",
        ),
        (
            {"SLACK_BOT_TOKEN": SECRET_BOT, "SLACK_APP_TOKEN": "xoxb-wrong-SeCrEt"},
            "SLACK_APP_TOKEN must be",
        ),
        (
            {"SLACK_BOT_TOKEN": SECRET_BOT, "SLACK_APP_TOKEN": SECRET_APP, "RESULTS": "lots"},
            "RESULTS is invalid",
        ),
        (
            {
                "SLACK_BOT_TOKEN": SECRET_BOT,
                "SLACK_APP_TOKEN": SECRET_APP,
                "SLACK_API_URL": "ftp://x",
            },
            "SLACK_API_URL is invalid",
        ),
        (
            {"SLACK_BOT_TOKEN": SECRET_BOT, "SLACK_APP_TOKEN": SECRET_APP, "LOG_LEVEL": "LOUD"},
            "LOG_LEVEL is invalid",
        ),
    ],
)
def test_bad_configuration_is_one_clear_line_and_exit_2(
    tmp_path: Path, env: dict[str, str], named: str
) -> None:
    result = run_bot([], env, tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0]
    assert "Traceback" not in result.stderr
    assert "SeCrEt" not in result.stderr


def test_settings_are_read_from_dotenv_in_the_working_folder(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"SLACK_BOT_TOKEN={SECRET_BOT}\nRESULTS=0\n")
    result = run_bot([], {}, tmp_path)
    assert result.returncode == 2 and "RESULTS is invalid" in result.stderr
    assert "SeCrEt" not in result.stderr


MARKUP_CORPUS = ROOT / "tests" / "fixtures" / "markup_corpus"


def test_ask_prints_markup_verbatim_and_marks_cuts(tmp_path: Path) -> None:
    env = {"CACHE_DIR": str(tmp_path / "cache")}
    args = ["ask", "who said the numbers are still wrong", "--corpus", str(MARKUP_CORPUS)]
    text = run_bot(args, env, tmp_path)
    assert text.returncode == 0 and text.stderr == ""
    lines = text.stdout.splitlines()
    assert lines[1].startswith("1. Dana Whitfield")
    # The whole paragraph, as published: asterisks and curly marks included, nothing cut.
    assert lines[2] == (
        "   > “The numbers are *still* wrong, and I will not vote on wrong numbers,”"
        " Councillor Dana Whitfield said."
    )
    data = run_bot([*args, "--json"], env, tmp_path)
    (result,) = [r for r in json.loads(data.stdout)["results"] if r["paragraph"] == 2][:1]
    assert set(result["speaker"]) == {"name", "role", "kind"}
    assert (result["speaker"]["name"], result["speaker"]["kind"]) == ("Dana Whitfield", "person")
    assert result["medium"] is None and result["cue"] == "said"
    assert result["quote"] == "The numbers are *still* wrong, and I will not vote on wrong numbers,"
    assert (result["quote_start"], result["quote_end"]) == (
        result["start"] + 1,
        result["start"] + 1 + len(result["quote"]),
    )


def test_ask_marks_where_a_paragraph_was_cut(tmp_path: Path) -> None:
    env = {"CACHE_DIR": str(tmp_path / "cache")}
    args = ["ask", "who said resign the day they show me", "--corpus", str(MARKUP_CORPUS)]
    lines = run_bot(args, env, tmp_path).stdout.splitlines()
    assert lines[1].startswith("1. Leonard Baptiste")
    # The 3,600-character quotation is shown whole, from its first word: the opening mark
    # before it is left out, and says so.
    assert lines[2].startswith("   > …I have heard the criticism, and some of it is fair.")
    assert lines[2].endswith("I will resign the day they show me,…")
