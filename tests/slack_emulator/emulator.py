"""A local Slack: Web API, response_url endpoints and the Socket Mode websocket.

The shapes follow what slack_sdk/slack_bolt send and expect (see README.md in
this package for what was checked against their source). Everything binds to
127.0.0.1 on an ephemeral port; nothing here touches the internet.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import secrets
import socket
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from .assistant import AssistantSurface
from .blocks import MAX_MESSAGE_BLOCK_TEXT, MAX_MESSAGE_TEXT, block_errors, block_text_length
from .records import Ack, ApiCall, Delivery, Message

log = logging.getLogger(__name__)

# Params that slack_sdk sends JSON-encoded inside form bodies.
_JSON_PARAMS = ("blocks", "attachments", "view", "metadata", "user_auth_blocks")
_PROXY_FREE_HOST = "127.0.0.1"


@dataclass
class Fault:
    """What to answer instead of the real response for one call."""

    status: int = 200  # 429 or 5xx; 200 with delay > 0 just slows the call down
    retry_after: int | None = None
    delay: float = 0.0
    drop: bool = False  # close the TCP connection without any response
    body: dict[str, Any] | None = None

    def label(self) -> str:
        if self.drop:
            return "drop"
        if self.status != 200:
            return str(self.status)
        return "delay"


@dataclass
class Channel:
    id: str
    name: str
    is_member: bool = True
    is_im: bool = False
    user: str | None = None  # the other party of a DM

    def to_api(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "is_channel": not self.is_im and self.id.startswith("C"),
            "is_group": self.id.startswith("G"),
            "is_im": self.is_im,
            "is_private": not self.id.startswith("C"),
            "is_archived": False,
            "is_member": self.is_member,
            "created": 1700000000,
        }
        if self.is_im:
            d["user"] = self.user
        return d


@dataclass
class _ResponseUrl:
    channel: str
    user: str
    uses: int = 0
    original: Message | None = None  # what replace_original / delete_original act on


@dataclass
class Connection:
    """One Socket Mode websocket, as the server sees it."""

    id: int
    app_token: str
    ws: web.WebSocketResponse
    request: web.Request
    opened_at: float
    closed_at: float | None = None
    stalled: bool = False  # deliver nothing and answer no pings
    draining: bool = False  # told to disconnect: route no new envelopes here
    received: list[str] = field(default_factory=list)  # raw text frames from the client
    pings: int = 0
    _send_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _closed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def open(self) -> bool:
        return self.closed_at is None

    async def wait_closed(self, timeout: float = 5.0) -> None:
        await asyncio.wait_for(self._closed.wait(), timeout)


class SlackEmulator(AssistantSurface):
    """Slack on 127.0.0.1: `api_url` is what the bot gets as SLACK_API_URL."""

    def __init__(
        self,
        *,
        team_id: str = "T0EMULATE",
        team_domain: str = "emulated-newsroom",
        app_id: str = "A0WHOSAID",
        bot_user_id: str = "U0WHOSAID",
        bot_id: str = "B0WHOSAID",
        bot_name: str = "whosaid",
        redelivery_timeout: float | None = None,
        max_retries: int = 3,
        redeliver_types: tuple[str, ...] = ("events_api",),
        validate_blocks: bool = True,
        response_url_max_uses: int = 5,
    ) -> None:
        self.team_id = team_id
        self.team_domain = team_domain
        self.app_id = app_id
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.bot_name = bot_name
        # Random tails so a test that greps logs for tokens finds real secrets only.
        self.bot_token = f"xoxb-1000-2000-{secrets.token_hex(12)}"
        self._app_tokens: set[str] = set()
        self.app_token = self.issue_app_token()
        self.verification_token = secrets.token_hex(12)
        # None: an unacked envelope is never redelivered (Slack would, after a timeout).
        self.redelivery_timeout = redelivery_timeout
        self.max_retries = max_retries
        self.redeliver_types = redeliver_types
        self.validate_blocks = validate_blocks
        self.response_url_max_uses = response_url_max_uses

        self.calls: list[ApiCall] = []
        self.messages: list[Message] = []
        self.home_views: dict[str, dict[str, Any]] = {}
        self.deliveries: list[Delivery] = []
        self.acks: list[Ack] = []
        self.stray_frames: list[str] = []  # client frames that were not acks of known envelopes
        self.channels: dict[str, Channel] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.add_channel("C0GENERAL", "general")
        self.add_user("U0REPORTER", "reporter", real_name="Rae Porter")
        self._init_assistant()

        self._tickets: dict[str, str] = {}
        self._connections: dict[int, Connection] = {}
        self._conn_ids = itertools.count(1)
        self._rr = itertools.count()
        self._pending: deque[Delivery] = deque()
        self._by_envelope: dict[str, Delivery] = {}
        self._group_acks: dict[str, Ack] = {}  # first ack of each envelope and its retries
        self._faults: dict[str, deque[Fault]] = {}
        self._response_urls: dict[str, _ResponseUrl] = {}
        self._ts_counter = itertools.count(1)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port: int = 0

    # ------------------------------------------------------------------ life cycle

    async def start(self) -> SlackEmulator:
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._handle_api)
        app.router.add_get("/link/", self._handle_link)
        app.router.add_get("/link", self._handle_link)
        app.router.add_post("/commands/{team}/{id}/{secret}", self._handle_response_url)
        app.router.add_post("/actions/{app}/{id}/{secret}", self._handle_response_url)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None,
                                     shutdown_timeout=1.0)
        await self._runner.setup()
        # Bind the socket ourselves: port 0 gives an ephemeral port we can read back.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((_PROXY_FREE_HOST, 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return self

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for conn in list(self._connections.values()):
            if conn.open:
                await self._close_ws(conn, code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> SlackEmulator:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{_PROXY_FREE_HOST}:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    # ------------------------------------------------------------------ workspace

    def issue_app_token(self) -> str:
        """A further valid app-level token (Slack allows several per app).

        Give each worker its own so a test can tell whose connection is whose.
        """
        token = f"xapp-1-{self.app_id}-{secrets.randbelow(10**12)}-{secrets.token_hex(16)}"
        self._app_tokens.add(token)
        return token

    def add_channel(
        self, channel_id: str, name: str, *, is_member: bool = True, is_im: bool = False,
        user: str | None = None,
    ) -> Channel:
        ch = Channel(channel_id, name, is_member=is_member, is_im=is_im, user=user)
        self.channels[channel_id] = ch
        return ch

    def add_user(self, user_id: str, name: str, *, real_name: str | None = None,
                 is_bot: bool = False) -> dict[str, Any]:
        user = {
            "id": user_id,
            "team_id": self.team_id,
            "name": name,
            "real_name": real_name or name,
            "deleted": False,
            "is_bot": is_bot,
            "tz": "America/New_York",
            "profile": {"real_name": real_name or name, "display_name": name},
        }
        self.users[user_id] = user
        return user

    def _know(self, user: str | None = None, channel: str | None = None) -> None:
        # Anyone and anywhere an event came from exists, and the bot can see it.
        if user and user not in self.users:
            self.add_user(user, user.lower())
        if channel and channel not in self.channels:
            if channel.startswith("D"):
                self.add_channel(channel, channel, is_im=True, user=user)
            else:
                self.add_channel(channel, channel.lower())

    def new_ts(self) -> str:
        """A message timestamp, unique and increasing within this emulator."""
        return f"{int(time.time())}.{next(self._ts_counter):06d}"

    # ------------------------------------------------------------------ faults

    def inject_fault(self, method: str, fault: Fault, count: int = 1) -> None:
        """Answer the next `count` calls of `method` (or "response_url") with `fault`."""
        self._faults.setdefault(method, deque()).extend([fault] * count)

    def rate_limit(self, method: str, count: int = 1, retry_after: int = 1) -> None:
        self.inject_fault(method, Fault(status=429, retry_after=retry_after), count)

    def server_error(self, method: str, count: int = 1, status: int = 503) -> None:
        self.inject_fault(method, Fault(status=status), count)

    def drop_next(self, method: str, count: int = 1) -> None:
        self.inject_fault(method, Fault(drop=True), count)

    def delay_next(self, method: str, seconds: float, count: int = 1) -> None:
        self.inject_fault(method, Fault(delay=seconds), count)

    def clear_faults(self) -> None:
        self._faults.clear()

    def _take_fault(self, method: str) -> Fault | None:
        queue = self._faults.get(method)
        return queue.popleft() if queue else None

    async def _fault_response(self, request: web.Request, fault: Fault) -> web.Response | None:
        """The faulty answer, or None when the fault was only a delay."""
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if fault.drop:
            if request.transport is not None:
                request.transport.abort()
            # Nothing reaches the client; aiohttp discards this response.
            return web.Response(status=500)
        if fault.status == 429:
            body = fault.body or {"ok": False, "error": "ratelimited"}
            return web.json_response(
                body, status=429, headers={"Retry-After": str(fault.retry_after or 1)}
            )
        if fault.status != 200:
            body = fault.body or {"ok": False, "error": "internal_error"}
            return web.json_response(body, status=fault.status)
        return None

    # ------------------------------------------------------------------ waiting

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_until(self, check: Callable[[], Any], timeout: float, what: str) -> Any:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            changed = self._changed
            result = check()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    async def wait_for_post(
        self, predicate: Callable[[Message], bool] | None = None, timeout: float = 5.0
    ) -> Message:
        """The first message (existing or future, not deleted) matching `predicate`."""
        def check() -> Message | None:
            return next((m for m in self.messages
                         if not m.deleted and (predicate is None or predicate(m))), None)
        return await self._wait_until(check, timeout, "a matching post")  # type: ignore[no-any-return]

    async def wait_for_posts(
        self, count: int, predicate: Callable[[Message], bool] | None = None,
        timeout: float = 5.0,
    ) -> list[Message]:
        def check() -> list[Message] | None:
            found = [m for m in self.messages
                     if not m.deleted and (predicate is None or predicate(m))]
            return found if len(found) >= count else None
        return await self._wait_until(check, timeout, f"{count} matching posts")  # type: ignore[no-any-return]

    async def wait_for_call(
        self, method: str, predicate: Callable[[ApiCall], bool] | None = None,
        timeout: float = 5.0,
    ) -> ApiCall:
        def check() -> ApiCall | None:
            return next((c for c in self.calls if c.method == method
                         and (predicate is None or predicate(c))), None)
        return await self._wait_until(check, timeout, f"a {method} call")  # type: ignore[no-any-return]

    def calls_to(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method == method]

    # ------------------------------------------------------------------ Web API

    async def _read_params(self, request: web.Request) -> tuple[dict[str, Any], str | None]:
        params: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
                if not isinstance(body, dict):
                    raise ValueError("JSON body is not an object")
                params.update(body)
            else:
                form = await request.post()
                for key, value in form.items():
                    params[key] = value if isinstance(value, str) else f"<file {value.filename}>"
        for key in _JSON_PARAMS:
            value = params.get(key)
            if isinstance(value, str) and value[:1] in "[{":
                with contextlib.suppress(ValueError):
                    params[key] = json.loads(value)
        token: str | None = None
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            token = auth[len("Bearer "):].strip()
        # Slack also takes a token as a POST parameter; it never stays in the params.
        body_token = params.pop("token", None)
        return params, token or body_token or None

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        try:
            params, token = await self._read_params(request)
        except ValueError:
            return self._record(method, {}, None, 200, {"ok": False, "error": "invalid_json"},
                                path=request.path)
        fault = self._take_fault(method)
        if fault is not None:
            faulty = await self._fault_response(request, fault)
            if faulty is not None:
                return self._record_fault(method, params, token, faulty, fault, request.path)
        result = self._call_method(method, params, token)
        return self._record(method, params, token, 200, result, fault=fault, path=request.path)

    def _record_fault(self, method: str, params: dict[str, Any], token: str | None,
                      faulty: web.Response, fault: Fault, path: str) -> web.Response:
        # A dropped call has no status and no body: the client saw none.
        status = 0 if fault.drop else faulty.status
        body = None if fault.drop else json.loads(faulty.body)  # type: ignore[arg-type]
        self.calls.append(ApiCall(method, params, token, status, body, time.monotonic(),
                                  fault.label(), path))
        self._notify()
        return faulty

    def _record(self, method: str, params: dict[str, Any], token: str | None, status: int,
                result: dict[str, Any], *, fault: Fault | None = None,
                path: str = "") -> web.Response:
        self.calls.append(ApiCall(method, params, token, status, result, time.monotonic(),
                                  fault.label() if fault else None, path))
        self._notify()
        return web.json_response(result, status=status)

    def _call_method(
        self, method: str, params: dict[str, Any], token: str | None
    ) -> dict[str, Any]:
        spec = _METHODS.get(method)
        if spec is None:
            return {"ok": False, "error": "unknown_method"}
        token_kind, handler = spec
        if token_kind != "none":
            if not token:
                return {"ok": False, "error": "not_authed"}
            if token == self.bot_token:
                kind = "bot"
            elif token in self._app_tokens:
                kind = "app"
            else:
                return {"ok": False, "error": "invalid_auth"}
            if kind != token_kind:
                return {"ok": False, "error": "not_allowed_token_type"}
        return handler(self, params, token)

    def _api_test(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        if "error" in params:
            return {"ok": False, "error": params["error"], "args": params}
        return {"ok": True, "args": params}

    def _auth_test(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        return {
            "ok": True,
            "url": f"https://{self.team_domain}.slack.com/",
            "team": "Emulated Newsroom",
            "user": self.bot_name,
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _apps_connections_open(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        ticket = str(uuid.uuid4())
        self._tickets[ticket] = token or ""
        url = f"ws://{_PROXY_FREE_HOST}:{self.port}/link/?ticket={ticket}&app_id={self.app_id}"
        return {"ok": True, "url": url}

    def _channel_for_post(self, params: dict[str, Any]) -> tuple[Channel | None, str | None]:
        """The target channel, or the error Slack gives for it."""
        channel = params.get("channel")
        if not channel or not isinstance(channel, str):
            return None, "channel_not_found"
        if channel.startswith("#"):
            channel = next((c.id for c in self.channels.values() if c.name == channel[1:]), "")
        if channel[:1] in ("U", "W") and channel in self.users:
            # Posting to a user id posts in the app's DM with them.
            dm = next((c for c in self.channels.values() if c.is_im and c.user == channel), None)
            if dm is None:
                dm = self.add_channel("D" + channel[1:], channel, is_im=True, user=channel)
            return dm, None
        ch = self.channels.get(channel)
        if ch is None:
            return None, "channel_not_found"
        if not ch.is_member:
            return None, "not_in_channel"
        return ch, None

    def _message_content_error(self, params: dict[str, Any]) -> dict[str, Any] | None:
        text, blocks = params.get("text"), params.get("blocks")
        if not text and not blocks and not params.get("attachments"):
            return {"ok": False, "error": "no_text"}
        if isinstance(text, str) and len(text) > MAX_MESSAGE_TEXT:
            return {"ok": False, "error": "msg_too_long"}
        if blocks is not None and self.validate_blocks:
            if block_text_length(blocks) > MAX_MESSAGE_BLOCK_TEXT:
                return {"ok": False, "error": "msg_blocks_too_long"}
            errors = block_errors(blocks)
            if errors:
                return {"ok": False, "error": "invalid_blocks", "errors": errors,
                        "response_metadata": {"messages": [f"[ERROR] {e}" for e in errors]}}
        return None

    def _message_json(self, m: Message) -> dict[str, Any]:
        d: dict[str, Any] = {"type": "message", "user": self.bot_user_id, "bot_id": self.bot_id,
                             "app_id": self.app_id, "text": m.text, "ts": m.ts,
                             "team": self.team_id}
        if m.blocks is not None:
            d["blocks"] = m.blocks
        if m.thread_ts:
            d["thread_ts"] = m.thread_ts
        return d

    def _add_message(self, m: Message) -> Message:
        self.messages.append(m)
        self._notify()
        return m

    def _chat_post_message(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        ch, error = self._channel_for_post(params)
        if ch is None:
            return {"ok": False, "error": error}
        bad = self._message_content_error(params)
        if bad:
            return bad
        m = self._add_message(Message(
            ts=self.new_ts(), channel=ch.id, text=str(params.get("text") or ""),
            blocks=params.get("blocks"), thread_ts=_str_or_none(params.get("thread_ts")),
            ephemeral=False, user=None, source="chat.postMessage", params=params,
        ))
        return {"ok": True, "channel": ch.id, "ts": m.ts, "message": self._message_json(m)}

    def _chat_post_ephemeral(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        ch, error = self._channel_for_post(params)
        if ch is None:
            return {"ok": False, "error": error}
        user = params.get("user")
        if not user:
            return {"ok": False, "error": "user_not_found"}
        bad = self._message_content_error(params)
        if bad:
            return bad
        m = self._add_message(Message(
            ts=self.new_ts(), channel=ch.id, text=str(params.get("text") or ""),
            blocks=params.get("blocks"), thread_ts=_str_or_none(params.get("thread_ts")),
            ephemeral=True, user=str(user), source="chat.postEphemeral", params=params,
        ))
        return {"ok": True, "message_ts": m.ts}

    def _find_message(self, channel: Any, ts: Any) -> Message | None:
        return next((m for m in self.messages if m.channel == channel and m.ts == ts
                     and not m.ephemeral and not m.deleted), None)

    def _chat_update(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        m = self._find_message(params.get("channel"), params.get("ts"))
        if m is None:
            return {"ok": False, "error": "message_not_found"}
        bad = self._message_content_error(params)
        if bad:
            return bad
        self._replace(m, params)
        return {"ok": True, "channel": m.channel, "ts": m.ts, "text": m.text,
                "message": self._message_json(m)}

    def _replace(self, m: Message, params: dict[str, Any]) -> None:
        m.history.append({"text": m.text, "blocks": m.blocks, "params": m.params})
        m.text = str(params.get("text") or "")
        m.blocks = params.get("blocks")
        m.params = params
        self._notify()

    def _chat_delete(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        m = self._find_message(params.get("channel"), params.get("ts"))
        if m is None:
            return {"ok": False, "error": "message_not_found"}
        m.deleted = True
        self._notify()
        return {"ok": True, "channel": m.channel, "ts": m.ts}

    def _views_publish(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        user_id, view = params.get("user_id"), params.get("view")
        if not user_id or not isinstance(view, dict):
            return {"ok": False, "error": "invalid_arguments"}
        if view.get("type") != "home":
            return {"ok": False, "error": "invalid_arguments"}
        if self.validate_blocks:
            errors = block_errors(view.get("blocks", []), surface="home")
            if errors:
                return {"ok": False, "error": "invalid_arguments", "errors": errors,
                        "response_metadata": {"messages": [f"[ERROR] {e}" for e in errors]}}
        self.home_views[str(user_id)] = view
        self._notify()
        return {"ok": True, "view": {"id": f"V{secrets.token_hex(5).upper()}",
                                     "team_id": self.team_id, "app_id": self.app_id,
                                     "bot_id": self.bot_id, **view}}

    def _conversations_info(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        ch = self.channels.get(str(params.get("channel")))
        if ch is None:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": ch.to_api()}

    def _users_info(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        user = self.users.get(str(params.get("user")))
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": user}

    # ------------------------------------------------------------------ response_url

    def _new_response_url(self, kind: str, channel: str, user: str,
                          original: Message | None = None) -> str:
        owner = self.team_id if kind == "commands" else self.app_id
        path = f"/{kind}/{owner}/{secrets.randbelow(10**11)}/{secrets.token_urlsafe(18)}"
        self._response_urls[path] = _ResponseUrl(channel=channel, user=user, original=original)
        return self.base_url + path

    async def _handle_response_url(self, request: web.Request) -> web.StreamResponse:
        fault = self._take_fault("response_url")
        try:
            body = await request.json()
            if not isinstance(body, dict):
                raise ValueError
        except ValueError:
            body = None
        if fault is not None:
            faulty = await self._fault_response(request, fault)
            if faulty is not None:
                return self._record_fault("response_url", body or {}, None, faulty, fault,
                                          request.path)
        ctx = self._response_urls.get(request.path)
        if ctx is None:
            return self._record("response_url", body or {}, None, 404,
                                {"ok": False, "error": "expired_url"}, path=request.path)
        if body is None:
            return self._record("response_url", {}, None, 400,
                                {"ok": False, "error": "invalid_payload"}, path=request.path)
        ctx.uses += 1
        if ctx.uses > self.response_url_max_uses:
            return self._record("response_url", body, None, 404,
                                {"ok": False, "error": "used_url"}, path=request.path)
        if body.get("delete_original"):
            if ctx.original is not None:
                ctx.original.deleted = True
        elif body.get("replace_original") and ctx.original is not None:
            bad = self._message_content_error(body)
            if bad:
                return self._record("response_url", body, None, 400, bad, path=request.path)
            self._replace(ctx.original, body)
        else:
            bad = self._message_content_error(body)
            if bad:
                return self._record("response_url", body, None, 400, bad, path=request.path)
            in_channel = body.get("response_type") == "in_channel"
            m = self._add_message(Message(
                ts=self.new_ts(), channel=ctx.channel, text=str(body.get("text") or ""),
                blocks=body.get("blocks"), thread_ts=_str_or_none(body.get("thread_ts")),
                ephemeral=not in_channel, user=None if in_channel else ctx.user,
                source="response_url", params=body, response_url=self.base_url + request.path,
            ))
            if ctx.original is None:
                ctx.original = m
        return self._record("response_url", body, None, 200, {"ok": True}, path=request.path)

    # ------------------------------------------------------------------ Socket Mode

    @property
    def connections(self) -> list[Connection]:
        """Open Socket Mode connections, oldest first."""
        return [c for c in self._connections.values() if c.open]

    @property
    def all_connections(self) -> list[Connection]:
        return list(self._connections.values())

    async def wait_for_connection(
        self, timeout: float = 10.0, *, after: int = 0, app_token: str | None = None
    ) -> Connection:
        """An open connection with id > `after` (and opened with `app_token`, if given)."""
        def check() -> Connection | None:
            return next((c for c in self.connections if c.id > after
                         and (app_token is None or c.app_token == app_token)), None)
        return await self._wait_until(check, timeout, "a Socket Mode connection")  # type: ignore[no-any-return]

    async def wait_for_open_connections(
        self, count: int, timeout: float = 10.0
    ) -> list[Connection]:
        def check() -> list[Connection] | None:
            conns = self.connections
            return conns if len(conns) >= count else None
        return await self._wait_until(check, timeout, f"{count} open connections")  # type: ignore[no-any-return]

    async def _handle_link(self, request: web.Request) -> web.StreamResponse:
        app_token = self._tickets.pop(request.query.get("ticket", ""), None)
        if app_token is None:
            # Tickets are single use, like Slack's.
            return web.json_response({"ok": False, "error": "invalid_ticket"}, status=401)
        # autoping off: pongs are ours to send, so a stalled link can withhold them.
        ws = web.WebSocketResponse(autoping=False, heartbeat=None)
        await ws.prepare(request)
        conn = Connection(id=next(self._conn_ids), app_token=app_token, ws=ws,
                          request=request, opened_at=time.monotonic())
        self._connections[conn.id] = conn
        await self._send_json(conn, {
            "type": "hello",
            "num_connections": len(self.connections),
            "debug_info": {"host": f"applink-emulator-{conn.id}", "build_number": 1,
                           "approximate_connection_time": 18060},
            "connection_info": {"app_id": self.app_id},
        })
        self._notify()
        await self._flush_pending()
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    conn.received.append(msg.data)
                    self._on_client_text(conn, msg.data)
                elif msg.type == WSMsgType.PING:
                    conn.pings += 1
                    if not conn.stalled:
                        with contextlib.suppress(ConnectionError, RuntimeError):
                            await ws.pong(msg.data)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            conn.closed_at = time.monotonic()
            conn._closed.set()
            self._notify()
        return ws

    def _on_client_text(self, conn: Connection, data: str) -> None:
        now = time.monotonic()
        try:
            frame = json.loads(data)
        except ValueError:
            self.stray_frames.append(data)
            return
        envelope_id = frame.get("envelope_id") if isinstance(frame, dict) else None
        delivery = self._by_envelope.get(envelope_id) if isinstance(envelope_id, str) else None
        if delivery is None or delivery.sent_at is None:
            self.stray_frames.append(data)
            return
        ack = Ack(envelope_id=delivery.envelope_id, payload=frame.get("payload"),
                  latency=now - delivery.sent_at, connection_id=conn.id,
                  retry_attempt=delivery.retry_attempt, raw=frame)
        if delivery.ack is None:
            delivery.ack = ack
            self._group_acks.setdefault(delivery.group_id, ack)
            self._record_ack_payload(delivery, ack)
        self.acks.append(ack)
        self._notify()

    def _record_ack_payload(self, delivery: Delivery, ack: Ack) -> None:
        # A slash command's ack payload is shown to the user, like a response_url post.
        payload = ack.payload
        if delivery.type != "slash_commands" or not payload:
            return
        if not (payload.get("text") or payload.get("blocks")):
            return
        body = delivery.body["payload"]
        in_channel = payload.get("response_type") == "in_channel"
        self._add_message(Message(
            ts=self.new_ts(), channel=body["channel_id"], text=str(payload.get("text") or ""),
            blocks=payload.get("blocks"), thread_ts=None, ephemeral=not in_channel,
            user=None if in_channel else body["user_id"], source="ack", params=payload,
            response_url=body["response_url"],
        ))

    async def _send_json(self, conn: Connection, obj: dict[str, Any]) -> None:
        async with conn._send_lock:
            await conn.ws.send_str(json.dumps(obj))

    def _pick_connection(self, exclude: int | None = None) -> Connection | None:
        eligible = [c for c in self.connections if not c.draining]
        if exclude is not None and len(eligible) > 1:
            eligible = [c for c in eligible if c.id != exclude]
        if not eligible:
            return None
        return eligible[next(self._rr) % len(eligible)]

    async def _deliver(self, d: Delivery, conn: Connection | None = None) -> None:
        conn = conn or self._pick_connection()
        if conn is None or not conn.open:
            # Held until a worker connects, so a reconnect gap loses nothing.
            self._pending.append(d)
            return
        d.connection_id = conn.id
        d.sent_at = time.monotonic()
        if conn.stalled:
            d.swallowed = True
        else:
            try:
                await self._send_json(conn, d.body)
            except (ConnectionError, RuntimeError):
                d.connection_id, d.sent_at = None, None
                self._pending.append(d)
                return
        self._notify()
        if self.redelivery_timeout is not None and d.type in self.redeliver_types:
            self._spawn(self._redeliver_later(d))

    async def _flush_pending(self) -> None:
        while self._pending:
            conn = self._pick_connection()
            if conn is None:
                return
            await self._deliver(self._pending.popleft(), conn)

    def _spawn(self, coro: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _group_acked(self, group_id: str) -> bool:
        return group_id in self._group_acks

    async def _redeliver_later(self, d: Delivery) -> None:
        assert self.redelivery_timeout is not None
        await asyncio.sleep(self.redelivery_timeout)
        if self._group_acked(d.group_id) or d.retry_attempt >= self.max_retries:
            return
        attempt = d.retry_attempt + 1
        body = {**d.body, "envelope_id": str(uuid.uuid4()), "retry_attempt": attempt,
                "retry_reason": "timeout"}
        retry = Delivery(envelope_id=body["envelope_id"], group_id=d.group_id, type=d.type,
                         body=body, retry_attempt=attempt)
        self.deliveries.append(retry)
        self._by_envelope[retry.envelope_id] = retry
        # Slack may pick any connection; prefer another one, as a dead link is the usual cause.
        await self._deliver(retry, self._pick_connection(exclude=d.connection_id))

    async def send_envelope(
        self, type_: str, payload: dict[str, Any], *, accepts_response_payload: bool = False,
        retry_attempt: int | None = None, retry_reason: str | None = None,
        connection: Connection | None = None,
    ) -> str:
        """Wrap `payload` in a Socket Mode envelope and deliver it to one connection."""
        envelope_id = str(uuid.uuid4())
        body: dict[str, Any] = {"envelope_id": envelope_id, "payload": payload, "type": type_,
                                "accepts_response_payload": accepts_response_payload}
        if retry_attempt is not None:
            body["retry_attempt"] = retry_attempt
            body["retry_reason"] = retry_reason or ""
        d = Delivery(envelope_id=envelope_id, group_id=envelope_id, type=type_, body=body,
                     retry_attempt=retry_attempt or 0)
        self.deliveries.append(d)
        self._by_envelope[envelope_id] = d
        await self._deliver(d, connection)
        return envelope_id

    def delivery(self, envelope_id: str) -> Delivery:
        return self._by_envelope[envelope_id]

    def deliveries_of(self, envelope_id: str) -> list[Delivery]:
        """The delivery `envelope_id` names and all its redeliveries."""
        group = self._by_envelope[envelope_id].group_id
        return [d for d in self.deliveries if d.group_id == group]

    async def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> Ack:
        """The first ack of this envelope or of any of its redeliveries."""
        group = self._by_envelope[envelope_id].group_id
        return await self._wait_until(  # type: ignore[no-any-return]
            lambda: self._group_acks.get(group), timeout, f"the ack of {envelope_id}")

    async def wait_for_acks(self, envelope_ids: list[str], timeout: float = 10.0) -> list[Ack]:
        """All their acks, in the order given; cheap enough for load tests."""
        groups = [self._by_envelope[e].group_id for e in envelope_ids]

        def check() -> list[Ack] | None:
            if all(g in self._group_acks for g in groups):
                return [self._group_acks[g] for g in groups]
            return None
        try:
            return await self._wait_until(check, timeout, "acks")  # type: ignore[no-any-return]
        except TimeoutError:
            missing = sum(g not in self._group_acks for g in groups)
            raise TimeoutError(f"{missing} of {len(groups)} envelopes not acked "
                               f"within {timeout}s") from None

    def unacked(self) -> list[Delivery]:
        return [d for d in self.deliveries if not self._group_acked(d.group_id)]

    # ---- envelope builders

    def event_payload(
        self, event: dict[str, Any], *, event_id: str | None = None
    ) -> dict[str, Any]:
        event = dict(event)
        event.setdefault("event_ts", event.get("ts") or self.new_ts())
        self._know(event.get("user"), event.get("channel"))
        return {
            "token": self.verification_token,
            "team_id": self.team_id,
            "context_team_id": self.team_id,
            "context_enterprise_id": None,
            "api_app_id": self.app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{secrets.token_hex(5).upper()}",
            "event_time": int(time.time()),
            "authorizations": [{"enterprise_id": None, "team_id": self.team_id,
                                "user_id": self.bot_user_id, "is_bot": True,
                                "is_enterprise_install": False}],
            "is_ext_shared_channel": False,
            "event_context": f"4-{secrets.token_urlsafe(24)}",
        }

    async def send_event(
        self, event: dict[str, Any], retry_attempt: int = 0, retry_reason: str | None = None,
        *, event_id: str | None = None, connection: Connection | None = None,
    ) -> str:
        """Deliver an Events API event; reuse `event_id` to emulate Slack's duplicates."""
        return await self.send_envelope(
            "events_api", self.event_payload(event, event_id=event_id),
            retry_attempt=retry_attempt, retry_reason=retry_reason or "",
            connection=connection,
        )

    def mention_event(self, text: str, *, user: str = "U0REPORTER", channel: str = "C0GENERAL",
                      ts: str | None = None, thread_ts: str | None = None) -> dict[str, Any]:
        """An app_mention whose text starts with the bot's mention, as Slack sends it."""
        ts = ts or self.new_ts()
        full = f"<@{self.bot_user_id}> {text}"
        ev: dict[str, Any] = {
            "type": "app_mention", "user": user, "text": full, "ts": ts, "channel": channel,
            "event_ts": ts, "team": self.team_id, "client_msg_id": str(uuid.uuid4()),
            "blocks": [{"type": "rich_text", "block_id": "b1", "elements": [
                {"type": "rich_text_section", "elements": [
                    {"type": "user", "user_id": self.bot_user_id},
                    {"type": "text", "text": f" {text}"}]}]}],
        }
        if thread_ts:
            ev["thread_ts"] = thread_ts
        return ev

    def dm_event(self, text: str, *, user: str = "U0REPORTER", channel: str | None = None,
                 ts: str | None = None, **extra: Any) -> dict[str, Any]:
        """A message.im event; pass subtype=…, bot_id=…, edited=… for the ones to ignore."""
        ts = ts or self.new_ts()
        channel = channel or ("D" + user[1:])
        ev: dict[str, Any] = {"type": "message", "channel_type": "im", "user": user,
                              "text": text, "ts": ts, "event_ts": ts, "channel": channel,
                              "team": self.team_id, "client_msg_id": str(uuid.uuid4())}
        ev.update(extra)
        return ev

    def app_home_opened_event(self, *, user: str = "U0REPORTER") -> dict[str, Any]:
        return {"type": "app_home_opened", "user": user, "channel": "D" + user[1:],
                "tab": "home", "event_ts": self.new_ts()}

    async def send_slash_command(
        self, text: str, user: str = "U0REPORTER", channel: str = "C0GENERAL",
        command: str = "/whosaid", *, connection: Connection | None = None,
    ) -> str:
        """A slash command; its response_url posts land in `messages`."""
        self._know(user, channel)
        ch = self.channels[channel]
        payload = {
            "token": self.verification_token,
            "team_id": self.team_id,
            "team_domain": self.team_domain,
            "channel_id": channel,
            "channel_name": "directmessage" if ch.is_im else ch.name,
            "user_id": user,
            "user_name": self.users[user]["name"],
            "command": command,
            "text": text,
            "api_app_id": self.app_id,
            "is_enterprise_install": "false",
            "response_url": self._new_response_url("commands", channel, user),
            "trigger_id": f"{secrets.randbelow(10**12)}.{secrets.token_hex(16)}",
        }
        return await self.send_envelope("slash_commands", payload,
                                        accepts_response_payload=True, connection=connection)

    async def send_block_action(
        self, *, action_id: str, value: str | None = None, user: str = "U0REPORTER",
        channel: str = "C0GENERAL", message: Message | None = None, block_id: str = "actions",
        text: str = "Button", connection: Connection | None = None,
    ) -> str:
        """A block_actions click; pass the `message` clicked to get its container right."""
        self._know(user, channel)
        ch = self.channels[channel]
        ephemeral = bool(message and message.ephemeral)
        message_ts = message.ts if message else self.new_ts()
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "username": self.users[user]["name"],
                     "name": self.users[user]["name"], "team_id": self.team_id},
            "api_app_id": self.app_id,
            "token": self.verification_token,
            "container": {"type": "message", "message_ts": message_ts, "channel_id": channel,
                          "is_ephemeral": ephemeral},
            "trigger_id": f"{secrets.randbelow(10**12)}.{secrets.token_hex(16)}",
            "team": {"id": self.team_id, "domain": self.team_domain},
            "enterprise": None,
            "is_enterprise_install": False,
            "channel": {"id": channel, "name": "directmessage" if ch.is_im else ch.name},
            "state": {"values": {}},
            "response_url": self._new_response_url("actions", channel, user, original=message),
            "actions": [{"action_id": action_id, "block_id": block_id,
                         "text": {"type": "plain_text", "text": text, "emoji": True},
                         "value": value, "type": "button", "action_ts": self.new_ts()}],
        }
        if value is None:
            del payload["actions"][0]["value"]
        # Slack leaves the message out of the payload for ephemeral messages.
        if message is not None and not ephemeral:
            payload["message"] = self._message_json(message)
        return await self.send_envelope("interactive", payload, connection=connection)

    async def send_message_action(
        self, text: str, *, callback_id: str = "check_quotes", user: str = "U0REPORTER",
        author: str = "U0EDITOR", channel: str = "C0GENERAL", message_ts: str | None = None,
        connection: Connection | None = None,
    ) -> str:
        """A message shortcut ("message_action") used on a person's message saying `text`.

        Shape from Slack's shortcut payload reference and bolt's MessageShortcut type: the
        message in full, its channel, a response_url (message shortcuts only) and a
        trigger_id; delivered over Socket Mode as an `interactive` envelope.
        """
        self._know(user, channel)
        self._know(author)
        ch = self.channels[channel]
        ts = message_ts or self.new_ts()
        payload: dict[str, Any] = {
            "type": "message_action",
            "token": self.verification_token,
            "action_ts": self.new_ts(),
            "team": {"id": self.team_id, "domain": self.team_domain},
            "user": {"id": user, "username": self.users[user]["name"],
                     "name": self.users[user]["name"], "team_id": self.team_id},
            "channel": {"id": channel, "name": "directmessage" if ch.is_im else ch.name},
            "is_enterprise_install": False,
            "enterprise": None,
            "callback_id": callback_id,
            "trigger_id": f"{secrets.randbelow(10**12)}.{secrets.token_hex(16)}",
            "response_url": self._new_response_url("actions", channel, user),
            "message_ts": ts,
            "message": {
                "type": "message", "user": author, "ts": ts, "text": text,
                "team": self.team_id, "client_msg_id": str(uuid.uuid4()),
                "blocks": [{"type": "rich_text", "block_id": "m1", "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
                ]}],
            },
        }
        return await self.send_envelope("interactive", payload, connection=connection)

    async def click_button(self, message: Message, action_id: str | None = None,
                           user: str | None = None) -> str:
        """Click a button of a recorded message (the first one, or the one with action_id)."""
        buttons = [b for b in message.buttons()
                   if action_id is None or b.get("action_id") == action_id]
        if not buttons:
            raise AssertionError(f"no button {action_id or ''} in message {message.ts}")
        b = buttons[0]
        return await self.send_block_action(
            action_id=b.get("action_id", ""), value=b.get("value"),
            user=user or message.user or "U0REPORTER", channel=message.channel or "C0GENERAL",
            message=message, text=b.get("text", {}).get("text", ""),
        )

    # ---- connection faults

    def _targets(self, connection: Connection | None) -> list[Connection]:
        return [connection] if connection is not None else self.connections

    async def send_disconnect(
        self, reason: str = "refresh_requested", connection: Connection | None = None,
        *, close_after: float | None = None,
    ) -> None:
        """Tell a connection (default: all) to go away; optionally close it later, as Slack does."""
        for conn in self._targets(connection):
            if reason != "warning":
                conn.draining = True
            with contextlib.suppress(ConnectionError, RuntimeError):
                await self._send_json(conn, {"type": "disconnect", "reason": reason,
                                             "debug_info": {"host": f"applink-emulator-{conn.id}"}})
            if close_after is not None:
                self._spawn(self._close_later(conn, close_after))

    async def _close_later(self, conn: Connection, delay: float) -> None:
        await asyncio.sleep(delay)
        await self._close_ws(conn)

    async def _close_ws(self, conn: Connection, code: int = 1000) -> None:
        if not conn.open:
            return
        try:
            await asyncio.wait_for(conn.ws.close(code=code), 2.0)
        except (TimeoutError, ConnectionError, RuntimeError):
            self._abort(conn)

    def _abort(self, conn: Connection) -> None:
        transport = conn.request.transport
        if transport is not None:
            transport.abort()

    async def close_connection(
        self, connection: Connection | None = None, code: int = 1000
    ) -> None:
        """A clean websocket close from the server side."""
        for conn in self._targets(connection):
            await self._close_ws(conn, code)

    async def drop_connection(self, connection: Connection | None = None) -> None:
        """Cut the TCP connection with no close frame, like a network failure."""
        for conn in self._targets(connection):
            self._abort(conn)
        await asyncio.sleep(0)

    def stall(self, connection: Connection | None = None) -> None:
        """Keep the socket open but deliver nothing and answer no pings (a half-dead link)."""
        for conn in self._targets(connection):
            conn.stalled = True


def _str_or_none(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


_Handler = Callable[[SlackEmulator, dict[str, Any], "str | None"], dict[str, Any]]

# method -> (token type it needs, handler)
_METHODS: dict[str, tuple[str, _Handler]] = {
    "api.test": ("none", SlackEmulator._api_test),
    "auth.test": ("bot", SlackEmulator._auth_test),
    "apps.connections.open": ("app", SlackEmulator._apps_connections_open),
    "chat.postMessage": ("bot", SlackEmulator._chat_post_message),
    "chat.postEphemeral": ("bot", SlackEmulator._chat_post_ephemeral),
    "chat.update": ("bot", SlackEmulator._chat_update),
    "chat.delete": ("bot", SlackEmulator._chat_delete),
    "views.publish": ("bot", SlackEmulator._views_publish),
    "assistant.threads.setStatus": ("bot", SlackEmulator._assistant_threads_set_status),
    "assistant.threads.setSuggestedPrompts": (
        "bot", SlackEmulator._assistant_threads_set_suggested_prompts),
    "conversations.info": ("bot", SlackEmulator._conversations_info),
    "users.info": ("bot", SlackEmulator._users_info),
}
