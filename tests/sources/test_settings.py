"""The SOURCES setting: clear messages that never echo a secret; `ingest` without sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings
from tests.sources.conftest import run_bot

SECRET = "app-pass-Zq81-never-shown"


def test_sources_are_read_from_json_with_secrets_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = {
        "name": "gazette",
        "type": "wordpress",
        "url": "https://news.example.test",
        "username": "bot",
        "password": SECRET,
    }
    monkeypatch.setenv("SOURCES", json.dumps([entry]))
    settings = load_settings()
    (source,) = settings.sources
    assert source.type == "wordpress" and source.url == "https://news.example.test"
    assert SECRET not in repr(settings) and SECRET not in str(source)
    assert SECRET in settings.secrets()  # handed to the log redaction filter


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "w", "type": "wire"}, "a wire source needs a 'path'"),
        ({"name": "f", "type": "feed", "url": "ftp://x"}, "'url' must be an http(s) URL"),
        (
            {"name": "f", "type": "feed", "url": f"https://bot:{SECRET}@x.test/feed"},
            "put credentials in 'username'/'password'",
        ),
        (
            {"name": "f", "type": "feed", "url": "https://x.test", "password": SECRET},
            "'username' and 'password' go together",
        ),
        ({"name": "Bad Name", "type": "feed", "url": "https://x.test"}, "SOURCES is invalid"),
        ({"name": "f", "type": "gopher", "url": "https://x.test"}, "SOURCES is invalid"),
    ],
)
def test_bad_entries_are_named_without_their_values(
    monkeypatch: pytest.MonkeyPatch, entry: dict[str, str], message: str
) -> None:
    monkeypatch.setenv("SOURCES", json.dumps([entry]))
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert message in str(raised.value) and SECRET not in str(raised.value)


def test_sources_that_are_not_json_are_a_configuration_error(tmp_path: Path) -> None:
    done = run_bot("ingest", env={"SOURCES": '[{"name": "x", "password": "' + SECRET})
    assert done.returncode == 2
    assert "SOURCES is invalid: not valid JSON" in done.stderr
    assert SECRET not in done.stdout + done.stderr


def test_ingest_without_sources_says_so(tmp_path: Path) -> None:
    done = run_bot("ingest", "--corpus", str(tmp_path))
    assert done.returncode == 2 and "no sources to pull (set SOURCES" in done.stderr
