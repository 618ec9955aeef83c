"""Slack's assistant surface (the split view for AI apps), as the emulator plays it.

Shapes from Slack's event and method references and bolt-python's own tests
(tests/scenario_tests_async/test_events_assistant.py): `assistant_thread_started` and
`assistant_thread_context_changed` carry `assistant_thread` {user_id, context {channel_id,
team_id, enterprise_id}, channel_id (the DM), thread_ts}; the user's messages in the thread are
`message` events with channel_type "im", a `thread_ts` and `parent_user_id`; renaming the thread
sends a hidden `message_changed` of the root (subtype `assistant_app_thread`).
`assistant.threads.setStatus` needs channel_id, thread_ts and status ("" clears it; at most 10
loading_messages); `assistant.threads.setSuggestedPrompts` needs channel_id and prompts (at most
4, each a title and a message). slack_sdk sends both as JSON.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .emulator import SlackEmulator

MAX_PROMPTS = 4
MAX_LOADING_MESSAGES = 10


@dataclass
class AssistantThread:
    """One assistant thread a user opened: its DM channel and root ts, and what the app set."""

    user: str
    channel: str  # the user's DM with the app
    thread_ts: str
    context_channel: str | None
    statuses: list[dict[str, Any]] = field(default_factory=list)  # setStatus params, in order
    prompts: list[dict[str, Any]] = field(default_factory=list)  # setSuggestedPrompts params

    def assistant_thread(self, team_id: str) -> dict[str, Any]:
        context: dict[str, Any] = {"team_id": team_id, "enterprise_id": None}
        if self.context_channel:
            context["channel_id"] = self.context_channel
        return {"user_id": self.user, "context": context, "channel_id": self.channel,
                "thread_ts": self.thread_ts}


class AssistantSurface:
    """Mixed into SlackEmulator: assistant threads, their events and Web API methods."""

    assistant_threads: list[AssistantThread]

    def _init_assistant(self) -> None:
        self.assistant_threads = []

    def open_assistant_thread(self: SlackEmulator, *, user: str = "U0REPORTER",
                              context_channel: str | None = "C0GENERAL") -> AssistantThread:
        """The user opens the app's split view: a new thread in their DM with the app."""
        channel = "D" + user[1:]
        self._know(user, channel)
        thread = AssistantThread(user, channel, self.new_ts(), context_channel)
        self.assistant_threads.append(thread)
        return thread

    def assistant_thread_started_event(self: SlackEmulator,
                                       thread: AssistantThread) -> dict[str, Any]:
        return {"type": "assistant_thread_started",
                "assistant_thread": thread.assistant_thread(self.team_id),
                "event_ts": self.new_ts()}

    def assistant_thread_context_changed_event(
        self: SlackEmulator, thread: AssistantThread, context_channel: str
    ) -> dict[str, Any]:
        thread.context_channel = context_channel
        return {"type": "assistant_thread_context_changed",
                "assistant_thread": thread.assistant_thread(self.team_id),
                "event_ts": self.new_ts()}

    def assistant_message_event(self: SlackEmulator, thread: AssistantThread,
                                text: str) -> dict[str, Any]:
        """What the user types (or the suggested prompt they click) in the thread."""
        ts = self.new_ts()
        return {"user": thread.user, "type": "message", "ts": ts, "text": text,
                "team": self.team_id, "user_team": self.team_id, "source_team": self.team_id,
                "user_profile": {}, "client_msg_id": str(uuid.uuid4()),
                "thread_ts": thread.thread_ts, "parent_user_id": thread.user,
                "channel": thread.channel, "event_ts": ts, "channel_type": "im",
                "blocks": [{"type": "rich_text", "block_id": "a1", "elements": [
                    {"type": "rich_text_section", "elements": [
                        {"type": "text", "text": text}]}]}]}

    def assistant_title_changed_event(self: SlackEmulator, thread: AssistantThread,
                                      title: str) -> dict[str, Any]:
        """The hidden message_changed of the thread's root when Slack retitles it."""
        root = {"text": "New chat", "subtype": "assistant_app_thread", "user": thread.user,
                "type": "message", "edited": {}, "thread_ts": thread.thread_ts,
                "ts": thread.thread_ts}
        ts = self.new_ts()
        return {"type": "message", "subtype": "message_changed",
                "message": {**root, "assistant_app_thread": {
                    "title": title, "title_blocks": [], "artifacts": []}},
                "previous_message": root, "channel": thread.channel, "hidden": True,
                "ts": ts, "event_ts": ts, "channel_type": "im"}

    def assistant_thread(self, channel: Any, thread_ts: Any) -> AssistantThread | None:
        return next((t for t in self.assistant_threads
                     if t.channel == channel and t.thread_ts == thread_ts), None)

    def _thread_error(self: SlackEmulator, params: dict[str, Any]) -> str | None:
        channel = params.get("channel_id")
        if not isinstance(channel, str) or channel not in self.channels:
            return "channel_not_found"
        if self.assistant_thread(channel, params.get("thread_ts")) is None:
            return "invalid_thread_ts"
        return None

    def _assistant_threads_set_status(self: SlackEmulator, params: dict[str, Any],
                                      token: str | None) -> dict[str, Any]:
        status, loading = params.get("status"), params.get("loading_messages")
        if not isinstance(status, str) or not params.get("thread_ts"):
            return {"ok": False, "error": "invalid_arguments"}
        if loading is not None and (not isinstance(loading, list)
                                    or len(loading) > MAX_LOADING_MESSAGES):
            return {"ok": False, "error": "invalid_arguments"}
        error = self._thread_error(params)
        if error:
            return {"ok": False, "error": error}
        thread = self.assistant_thread(params["channel_id"], params["thread_ts"])
        assert thread is not None
        thread.statuses.append({**params, "at": time.monotonic()})
        self._notify()
        return {"ok": True}

    def _assistant_threads_set_suggested_prompts(self: SlackEmulator, params: dict[str, Any],
                                                 token: str | None) -> dict[str, Any]:
        prompts = params.get("prompts")
        if not isinstance(prompts, list) or not 0 < len(prompts) <= MAX_PROMPTS or not all(
            isinstance(p, dict) and isinstance(p.get("title"), str) and p["title"]
            and isinstance(p.get("message"), str) and p["message"] for p in prompts
        ):
            return {"ok": False, "error": "invalid_arguments"}
        error = self._thread_error(params)
        if error:
            return {"ok": False, "error": error}
        thread = self.assistant_thread(params["channel_id"], params["thread_ts"])
        assert thread is not None
        thread.prompts.append(params)
        self._notify()
        return {"ok": True}
