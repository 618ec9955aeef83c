"""A local emulation of Slack for end-to-end tests: Web API, response_url and Socket Mode.

See README.md in this package for the API and what was checked against slack_sdk.
"""

from .emulator import Channel, Connection, Fault, SlackEmulator
from .records import Ack, ApiCall, Delivery, Message
from .worker import BotProcess, ExitResult, start_bot_process

__all__ = [
    "Ack",
    "ApiCall",
    "BotProcess",
    "Channel",
    "Connection",
    "Delivery",
    "ExitResult",
    "Fault",
    "Message",
    "SlackEmulator",
    "start_bot_process",
]
