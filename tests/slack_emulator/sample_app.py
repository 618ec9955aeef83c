"""A minimal slack-bolt Socket Mode app, built like the worker, to test the emulator
and `start_bot_process` without depending on the bot's own code.

Run as a script; reads SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_API_URL.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from typing import Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient


async def main() -> int:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    client = AsyncWebClient(token=os.environ["SLACK_BOT_TOKEN"],
                            base_url=os.environ["SLACK_API_URL"])
    app = AsyncApp(client=client)

    @app.event("app_mention")
    async def mention(event: dict[str, Any], say: Any) -> None:
        await say(text=f"echo: {event['text']}", thread_ts=event["ts"])

    @app.command("/whosaid")
    async def command(ack: Any, respond: Any, command: dict[str, Any]) -> None:
        await ack()
        await respond(
            text=f"private: {command['text']}",
            blocks=[
                {"type": "section", "text": {"type": "mrkdwn", "text": command["text"]}},
                {"type": "actions", "elements": [{
                    "type": "button", "action_id": "share", "value": command["text"],
                    "text": {"type": "plain_text", "text": "Share"}}]},
            ],
        )

    @app.action("share")
    async def share(ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()
        await respond(text=f"shared: {body['actions'][0]['value']}",
                      response_type="in_channel", delete_original=False)

    handler = AsyncSocketModeHandler(app, os.environ["SLACK_APP_TOKEN"])
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await handler.connect_async()
    await stop.wait()
    await handler.close_async()
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
