"""The emulator's own tests use its fixtures even before tests/conftest.py enables them."""

from .fixtures import bot_worker, slack_emulator

__all__ = ["bot_worker", "slack_emulator"]
