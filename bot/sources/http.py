"""HTTP GET for sources: retried with backoff, bounded in size and time, never leaking secrets.

Faults a source can have and what happens:
* down, reset, timeout, truncated body, 5xx: retried with exponential backoff, then FetchError;
* 429: the wait its Retry-After asks for (capped), then retried;
* a body larger than the cap (a 50 MB item): FetchError at once, nothing is read past the cap;
* a redirect loop or too many redirects: FetchError at once;
* a server that trickles bytes: the whole request has a deadline, not only each read.
Credentials travel as unredirected headers, so a redirect to another host never carries them,
and no message here ever includes a header.
"""

from __future__ import annotations

import base64
import contextlib
import email.utils
import http.client
import logging
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
USER_AGENT = "Whosaid-ingest/1.0 (+https://github.com/whosaid)"


class FetchError(Exception):
    """A request that failed for good; the message names the URL's host and path and the cause."""

    def __init__(self, message: str, status: int | None = None, too_large: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.too_large = too_large  # over the size cap: retrying cannot help


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    headers: Message
    body: bytes

    def header(self, name: str) -> str | None:
        """A response header, or None."""
        value = self.headers.get(name)
        return str(value) if value is not None else None


class _NoRedirectLoops(urllib.request.HTTPRedirectHandler):
    max_redirections = 5
    max_repeats = 1

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        # urllib would follow a redirect to ftp://; a source is only ever read over http(s).
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"{_where(req.full_url)}: redirected away from http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass
class Http:
    """A small synchronous client with the retry and size policy every source shares."""

    timeout: float = 30.0
    max_bytes: int = 20 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    bearer: str | None = field(default=None, repr=False)
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRedirectLoops())

    def get(
        self, url: str, headers: Mapping[str, str] | None = None, ok: tuple[int, ...] = (200,)
    ) -> Response:
        """GET `url`; statuses in `ok` (and 304) are returned, others raise FetchError."""
        attempt = 0
        while True:
            try:
                response = self._once(url, headers or {})
            except _Retry as retry:
                if attempt >= self.retries:
                    raise FetchError(
                        f"{_where(url)}: {retry.cause} (gave up after {attempt + 1} tries)",
                        retry.status,
                    ) from None
                wait = retry.wait if retry.wait is not None else self._backoff(attempt)
                log.warning("%s: %s; retrying in %.1f s", _where(url), retry.cause, wait)
                self.sleep(wait)
                attempt += 1
                continue
            if response.status in ok or response.status == 304:
                return response
            raise FetchError(f"{_where(url)}: HTTP {response.status}", response.status)

    def _backoff(self, attempt: int) -> float:
        # Jitter keeps several workers from hammering a recovering server in step.
        return float(self.backoff * (2**attempt) * (0.75 + random.random() / 2))

    def _once(self, url: str, headers: Mapping[str, str]) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
        if self.username is not None and self.password is not None:
            token = base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
            request.add_unredirected_header("Authorization", f"Basic {token}")
        elif self.bearer:
            request.add_unredirected_header("Authorization", f"Bearer {self.bearer}")
        deadline = time.monotonic() + self.timeout * 4
        try:
            with self._opener.open(request, timeout=self.timeout) as raw:
                body = self._read(raw, url, deadline)
                return Response(raw.geturl(), raw.status, raw.headers, body)
        except urllib.error.HTTPError as exc:
            status = exc.code
            if status == 304:  # not modified: urllib reports it as an error
                return Response(url, 304, exc.headers, b"")
            if 300 <= status < 400:
                raise FetchError(f"{_where(url)}: redirect loop or too many redirects") from None
            if status in RETRY_STATUSES:
                wait = self._retry_after(exc.headers) if status in (429, 503) else None
                raise _Retry(f"HTTP {status}", wait, status) from None
            body = b""
            with contextlib.suppress(OSError, http.client.HTTPException):
                body = exc.read(64 * 1024)
            return Response(url, status, exc.headers, body)
        except (http.client.IncompleteRead, http.client.RemoteDisconnected) as exc:
            raise _Retry(f"truncated response ({type(exc).__name__})") from None
        except TimeoutError:
            raise _Retry(f"no answer within {self.timeout:g} s") from None
        except urllib.error.URLError as exc:
            raise _Retry(f"unreachable ({_reason(exc.reason)})") from None
        except (ConnectionError, http.client.HTTPException, OSError) as exc:
            raise _Retry(f"connection failed ({type(exc).__name__})") from None

    def _read(self, raw: http.client.HTTPResponse, url: str, deadline: float) -> bytes:
        declared = raw.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(
                f"{_where(url)}: {int(declared) // 2**20} MB is more than the "
                f"{self.max_bytes // 2**20} MB a source item may be",
                too_large=True,
            )
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = raw.read(256 * 1024)
            if not chunk:
                break
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(
                    f"{_where(url)}: more than the {self.max_bytes // 2**20} MB "
                    "a source item may be",
                    too_large=True,
                )
            if time.monotonic() > deadline:
                raise _Retry("too slow (the whole response took too long)")
            chunks.append(chunk)
        # http.client returns a short body quietly when the server closes early.
        if declared and declared.isdigit() and size < int(declared):
            raise _Retry(f"truncated response ({size} of {declared} bytes)")
        return b"".join(chunks)

    def _retry_after(self, headers: Message) -> float | None:
        value = headers.get("Retry-After")
        if value is None:
            return None
        value = value.strip()
        if value.isdigit():
            seconds = float(value)
        else:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return None
            seconds = max(0.0, when.timestamp() - time.time())
        if seconds > self.max_retry_after:
            raise FetchError(
                f"asked to wait {seconds:.0f} s (Retry-After), more than "
                f"{self.max_retry_after:.0f} s: trying again next poll",
                429,
            )
        return seconds


class _Retry(Exception):
    def __init__(self, cause: str, wait: float | None = None, status: int | None = None) -> None:
        super().__init__(cause)
        self.cause = cause
        self.wait = wait
        self.status = status


def _reason(reason: object) -> str:
    if isinstance(reason, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return type(reason).__name__ if not isinstance(reason, str) else reason


def _where(url: str) -> str:
    """The URL without its query string (which may carry a key) or any user:password@."""
    parsed = urllib.parse.urlsplit(url)
    host = parsed.hostname or ""
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{host}{port}{parsed.path}"
