"""Logging set-up, with a filter that keeps Slack tokens out of every log line."""

from __future__ import annotations

import logging
import re
import sys

_TOKEN = re.compile(r"\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+")


class RedactSecrets(logging.Filter):
    """Replaces anything shaped like a Slack token, and the configured secrets themselves.

    slack_sdk logs request headers at DEBUG; this makes even that safe to ship to a log host.
    """

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return _TOKEN.sub("[redacted]", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self._clean(message)
        if record.exc_info:
            # Tracebacks can quote local variables' values in chained messages: format now.
            formatted = logging.Formatter().formatException(record.exc_info)
            cleaned += "\n" + self._clean(formatted)
            record.exc_info = None
            record.exc_text = None
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, ()
        return True


def configure(level: str = "INFO", secrets: tuple[str, ...] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
