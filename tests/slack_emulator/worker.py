"""Run the real worker (`python -m bot`) against a SlackEmulator, as a subprocess."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .emulator import Connection, SlackEmulator

REPO_ROOT = Path(__file__).resolve().parents[2]

# A proxy in the environment would send slack_sdk's requests for 127.0.0.1 elsewhere.
_DROPPED_ENV = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                "all_proxy", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_API_URL",
                "SLACK_SIGNING_SECRET", "CORPUS_DIR")


@dataclass
class ExitResult:
    returncode: int
    output: str  # stdout and stderr, interleaved
    seconds: float  # from the signal to the exit
    timed_out: bool = False  # had to be killed after the grace period


class BotProcess:
    """A started worker; its stdout and stderr go to `log_path`."""

    def __init__(self, proc: asyncio.subprocess.Process, emulator: SlackEmulator,
                 app_token: str, log_path: Path, env: dict[str, str]) -> None:
        self.proc = proc
        self.emulator = emulator
        self.app_token = app_token
        self.log_path = log_path
        self.env = env
        self.exit: ExitResult | None = None

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def returncode(self) -> int | None:
        return self.proc.returncode

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def connections(self) -> list[Connection]:
        """This worker's Socket Mode connections (told apart by its own app token)."""
        return [c for c in self.emulator.all_connections if c.app_token == self.app_token]

    async def wait_until_connected(self, timeout: float = 20.0, *, after: int = 0) -> Connection:
        """Its first open connection with id > `after`; fails fast if the process exits."""
        deadline = time.monotonic() + timeout
        while True:
            conn = next((c for c in self.emulator.connections
                         if c.app_token == self.app_token and c.id > after), None)
            if conn is not None:
                return conn
            if self.proc.returncode is not None:
                raise AssertionError(f"worker exited with {self.proc.returncode} "
                                     f"before connecting:\n{self.output()}")
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"worker did not connect within {timeout}s:\n{self.output()}")
            with contextlib.suppress(TimeoutError):
                await self.emulator.wait_for_connection(0.1, after=after,
                                                        app_token=self.app_token)

    async def wait_for_log(self, text: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while text not in (out := self.output()):
            if self.proc.returncode is not None or time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared in the worker's output:\n{out}")
            await asyncio.sleep(0.05)
        return out

    async def terminate(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> ExitResult:
        """Send `sig`, wait up to `timeout` (then SIGKILL); exit code and all output."""
        if self.exit is not None:
            return self.exit
        start = time.monotonic()
        timed_out = False
        if self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(sig)
            try:
                await asyncio.wait_for(self.proc.wait(), timeout)
            except TimeoutError:
                timed_out = True
                with contextlib.suppress(ProcessLookupError):
                    self.proc.kill()
                await self.proc.wait()
        assert self.proc.returncode is not None
        self.exit = ExitResult(self.proc.returncode, self.output(), time.monotonic() - start,
                               timed_out)
        return self.exit

    async def kill(self) -> None:
        """Cleanup: SIGKILL if still running."""
        if self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
            await self.proc.wait()


async def start_bot_process(
    emulator: SlackEmulator,
    corpus_dir: str | os.PathLike[str] | None = None,
    extra_env: Mapping[str, str] | None = None,
    *,
    app_token: str | None = None,
    log_path: str | os.PathLike[str] | None = None,
    command: Sequence[str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> BotProcess:
    """Start `python -m bot` wired to `emulator`; each worker gets its own app token.

    The worker runs outside the repo (cwd: a temp dir, PYTHONPATH: the repo) so a
    developer's .env cannot leak into a test.
    """
    app_token = app_token or emulator.issue_app_token()
    if log_path is None:
        fd, name = tempfile.mkstemp(prefix="whosaid-worker-", suffix=".log")
        os.close(fd)
        log_path = name
    log_path = Path(log_path)
    workdir = Path(cwd) if cwd is not None else Path(tempfile.mkdtemp(prefix="whosaid-cwd-"))
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
    env.update({
        "SLACK_BOT_TOKEN": emulator.bot_token,
        "SLACK_APP_TOKEN": app_token,
        "SLACK_API_URL": emulator.api_url,
        "CORPUS_DIR": str(corpus_dir if corpus_dir is not None else REPO_ROOT / "corpus"),
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH")) if p),
        "NO_PROXY": "127.0.0.1,localhost",
    })
    env.update(extra_env or {})
    argv = list(command) if command is not None else [sys.executable, "-m", "bot"]
    with log_path.open("wb") as log:
        proc = await asyncio.create_subprocess_exec(
            *argv, stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=asyncio.subprocess.STDOUT,
            env=env, cwd=workdir,
            # Own session: a Ctrl-C in the test terminal must not reach the worker.
            start_new_session=True,
        )
    return BotProcess(proc, emulator, app_token, log_path, env)
