"""pytest fixtures: `slack_emulator` and `bot_worker`.

Enable them suite-wide with, in tests/conftest.py:
    pytest_plugins = ["tests.slack_emulator.fixtures"]
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from .emulator import SlackEmulator
from .worker import BotProcess, start_bot_process

_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")

StartWorker = Callable[..., Awaitable[BotProcess]]


@pytest_asyncio.fixture
async def slack_emulator(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[SlackEmulator]:
    """A started SlackEmulator on 127.0.0.1; stopped after the test."""
    # slack_sdk honours proxy variables even for 127.0.0.1; in-process clients must not.
    for var in _PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
    async with SlackEmulator() as emulator:
        yield emulator


@pytest_asyncio.fixture
async def bot_worker(slack_emulator: SlackEmulator, tmp_path: Path) -> AsyncIterator[StartWorker]:
    """Start real workers: `proc = await bot_worker(corpus_dir=…, extra_env={…})`.

    Every worker started is SIGKILLed at teardown if the test left it running.
    """
    started: list[BotProcess] = []

    async def start(
        corpus_dir: str | os.PathLike[str] | None = None,
        extra_env: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> BotProcess:
        kwargs.setdefault("log_path", tmp_path / f"worker-{len(started) + 1}.log")
        # Workers skip loading the compiled query loop (numba: ~0.7 s of CPU and 100 MB each)
        # unless a test asks for it; answers are the same either way (tests/search).
        extra_env = {"COMPILED_SEARCH": "false", **(extra_env or {})}
        proc = await start_bot_process(slack_emulator, corpus_dir, extra_env, **kwargs)
        started.append(proc)
        return proc

    yield start
    for proc in started:
        await proc.kill()
