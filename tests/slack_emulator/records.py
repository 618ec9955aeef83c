"""What the emulator records, so tests can assert on it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Mentions Slack turns into notifications when they appear in mrkdwn text.
_BROADCAST_RE = re.compile(r"<!(?:channel|here|everyone)(?:\|[^>]*)?>")
_USER_MENTION_RE = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
_SUBTEAM_RE = re.compile(r"<!subteam\^[A-Z0-9]+(?:\|[^>]*)?>")
# Rich text elements that notify someone or link a conversation.
_LIVE_RICH_ELEMENTS = ("user", "usergroup", "broadcast", "channel")
_RICH_PARAGRAPHS = ("rich_text_section", "rich_text_quote", "rich_text_preformatted")


def unescape(text: str) -> str:
    """Slack's escaping decoded, as a client displays it (&lt; &gt; &amp;, in that order)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@dataclass(frozen=True)
class Run:
    """A run of rich text as the reader sees it: decoded text and its style."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A rich_text section, quote, preformatted block or list item, as displayed."""

    kind: str  # rich_text_section | rich_text_quote | rich_text_preformatted
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def rich_text_paragraphs(blocks: Any) -> list[Paragraph]:
    """Every paragraph of every rich_text block, in order, Slack's escaping decoded."""
    out: list[Paragraph] = []
    for block in blocks if isinstance(blocks, list) else []:
        if isinstance(block, dict) and block.get("type") == "rich_text":
            for obj in block.get("elements", []):
                items = obj.get("elements", []) if obj.get("type") == "rich_text_list" else [obj]
                for item in items:
                    kind = item.get("type")
                    if kind in _RICH_PARAGRAPHS:
                        runs = tuple(_run(el) for el in item.get("elements", []))
                        out.append(Paragraph(str(kind), runs))
    return out


def _run(element: dict[str, Any]) -> Run:
    style = element.get("style") or {}
    kind = element.get("type")
    if kind == "text":
        return Run(unescape(element.get("text", "")), bool(style.get("bold")),
                   bool(style.get("italic")))
    if kind == "link":
        url = str(element.get("url", ""))
        return Run(unescape(element.get("text") or url), bool(style.get("bold")),
                   bool(style.get("italic")), url)
    # Mentions, emoji, dates: shown as their markup so tests can see them.
    return Run(f"<{kind}:{element.get('user_id') or element.get('range') or element.get('name')}>")


@dataclass
class ApiCall:
    """One HTTP call the emulator received: a Web API method or a response_url post."""

    method: str  # "chat.postMessage" …, or "response_url"
    params: dict[str, Any]
    token: str | None
    status: int
    response: dict[str, Any] | None  # None when the connection was dropped
    at: float  # time.monotonic()
    fault: str | None = None  # "429", "503", "drop", "delay" when a fault answered
    path: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.status == 200 and self.response and self.response.get("ok"))


@dataclass
class Message:
    """A message a user would see: posted, ephemeral, or via response_url or an ack."""

    ts: str
    channel: str | None
    text: str
    blocks: list[dict[str, Any]] | None
    thread_ts: str | None
    ephemeral: bool
    user: str | None  # recipient of an ephemeral message
    source: str  # "chat.postMessage", "chat.postEphemeral", "response_url", "ack"
    params: dict[str, Any]
    response_url: str | None = None  # the response_url that created it, if any
    history: list[dict[str, Any]] = field(default_factory=list)  # earlier versions
    deleted: bool = False

    def texts(self) -> list[str]:
        """Every string shown to the reader, as sent: the fallback text, all block texts (each
        rich text paragraph as one string, its elements joined as the reader sees them)."""
        out = [self.text] if self.text else []
        _collect_texts(self.blocks or [], out)
        return out

    def all_text(self) -> str:
        return "\n".join(self.texts())

    def paragraphs(self) -> list[Paragraph]:
        """The rich text of the blocks, decoded, paragraph by paragraph."""
        return rich_text_paragraphs(self.blocks or [])

    def mentions(self) -> list[str]:
        """Live <!channel>/<!here>/<!everyone>, <@U…> and <!subteam^…> mentions in the message,
        and rich text mention elements (user, usergroup, broadcast, channel)."""
        found: list[str] = []
        for t in self.texts():
            for rx in (_BROADCAST_RE, _USER_MENTION_RE, _SUBTEAM_RE):
                found.extend(rx.findall(t))
        _collect_live_elements(self.blocks or [], found)
        return found

    def buttons(self) -> list[dict[str, Any]]:
        """Button elements in the message's blocks, in order."""
        out: list[dict[str, Any]] = []
        _collect_buttons(self.blocks or [], out)
        return out


def _collect_texts(node: Any, out: list[str]) -> None:
    if isinstance(node, dict) and node.get("type") in (*_RICH_PARAGRAPHS, "rich_text_list"):
        if node.get("type") == "rich_text_list":
            for item in node.get("elements", []):
                _collect_texts(item, out)
            return
        out.append("".join(str(el.get("text", "")) for el in node.get("elements", [])
                           if isinstance(el, dict) and el.get("type") in ("text", "link")))
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                out.append(value)
            else:
                _collect_texts(value, out)
    elif isinstance(node, list):
        for item in node:
            _collect_texts(item, out)


def _collect_live_elements(node: Any, out: list[str]) -> None:
    if isinstance(node, dict):
        if node.get("type") in _LIVE_RICH_ELEMENTS and node.get("type") != "text":
            out.append(str(node.get("type")))
        for value in node.values():
            _collect_live_elements(value, out)
    elif isinstance(node, list):
        for item in node:
            _collect_live_elements(item, out)


def _collect_buttons(node: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(node, dict):
        if node.get("type") == "button":
            out.append(node)
            return
        for value in node.values():
            _collect_buttons(value, out)
    elif isinstance(node, list):
        for item in node:
            _collect_buttons(item, out)


# Slack shows the user an error (commands) or retries (events) after this long.
ACK_DEADLINE = 3.0


@dataclass
class Ack:
    """A Socket Mode acknowledgement: {"envelope_id": …, "payload": …?}."""

    envelope_id: str
    payload: dict[str, Any] | None
    latency: float  # seconds between writing the envelope and reading the ack
    connection_id: int
    retry_attempt: int
    raw: dict[str, Any]

    @property
    def late(self) -> bool:
        return self.latency >= ACK_DEADLINE


@dataclass
class Delivery:
    """One envelope written (or meant to be written) to a Socket Mode connection."""

    envelope_id: str
    group_id: str  # envelope_id of the first delivery; retries share it
    type: str  # events_api | slash_commands | interactive
    body: dict[str, Any]  # the whole envelope as sent
    retry_attempt: int
    connection_id: int | None = None
    sent_at: float | None = None
    swallowed: bool = False  # routed to a stalled connection: never written
    ack: Ack | None = None
