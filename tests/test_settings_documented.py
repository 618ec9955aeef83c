"""Every setting the worker reads is documented where a newsroom looks for it: README's settings
table and .env.example. A setting added without its documentation fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = sorted(name.upper() for name in Settings.model_fields)


def _readme_settings_table() -> set[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Settings", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z_]+)` \|", section, flags=re.M))


@pytest.mark.parametrize("name", SETTINGS)
def test_every_setting_has_a_row_in_readmes_settings_table(name: str) -> None:
    assert name in _readme_settings_table(), f"{name} is missing from README's Settings table"


@pytest.mark.parametrize("name", SETTINGS)
def test_every_setting_is_in_the_env_example(name: str) -> None:
    example = (ROOT / ".env.example").read_text()
    assert re.search(rf"^#?\s*{name}=", example, flags=re.M), f"{name} is not in .env.example"


def test_the_readme_documents_no_setting_that_does_not_exist() -> None:
    assert _readme_settings_table() <= set(SETTINGS)
