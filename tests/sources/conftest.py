"""Fixtures for source tests: the real WordPress, a local file server, the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bot.sources.http import Http
from tests.sources import wordpress_server

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def wordpress() -> Iterator[wordpress_server.WordPress]:
    """A real WordPress on 127.0.0.1 for the session; skipped loudly here, a failure in CI."""
    try:
        site = wordpress_server.start()
    except wordpress_server.Unavailable as exc:
        message = (
            f"REAL WORDPRESS UNAVAILABLE: {exc}. Install it as .ci/run does: apt-get install "
            "wordpress mariadb-server php php-mysql php-xml"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        warnings.warn(message, pytest.PytestWarning, stacklevel=1)
        pytest.skip(message)
    yield site
    site.stop()


def run_bot(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> Any:
    """`python -m bot ARGS` in a clean environment (no .env), returning the finished process."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SOURCES"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT / "tests" / "sources",  # no .env here
        env={**clean, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def ask(corpus: Path, question: str) -> dict[str, Any]:
    """The JSON answer of `python -m bot ask` over `corpus`."""
    done = run_bot("ask", "--json", "--corpus", str(corpus), "--limit", "5", question)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


class Served:
    """Documents served on 127.0.0.1: path -> (status, headers, body) or a handler callable."""

    def __init__(self) -> None:
        self.routes: dict[str, Any] = {}
        self.hits: dict[str, int] = {}
        self.requests: list[dict[str, str]] = []
        self.base = ""

    def set(self, path: str, body: bytes | str, status: int = 200, **headers: str) -> None:
        """Serve `body` at `path` with `status` and headers (underscores become dashes)."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = (status, {k.replace("_", "-"): v for k, v in headers.items()}, data)

    def handle(self, path: str, handler: Callable[[BaseHTTPRequestHandler], None]) -> None:
        """Serve `path` with a function of the request handler (for faults)."""
        self.routes[path] = handler

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def served() -> Iterator[Served]:
    """A local HTTP server for real-shaped documents, broken ones included."""
    site = Served()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            site.requests.append({k.lower(): v for k, v in self.headers.items()})
            route = site.routes.get(self.path, site.routes.get(self.path.split("?")[0]))
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def http() -> Http:
    """The sources' HTTP client with short timeouts and backoff, for fault tests."""
    return Http(timeout=2.0, retries=2, backoff=0.01, max_bytes=2 * 1024 * 1024)
