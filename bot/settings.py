"""Configuration from the environment and `.env`, validated once at start-up."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from pydantic_settings import SettingsError as _ParseError

from bot.sources.config import SourceConfig

SHIPPED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SLACK_API_DEFAULT = "https://slack.com/api/"


class Settings(BaseSettings):
    """Every setting Whosaid reads. Tokens are SecretStr so they never show in a repr or log."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    slack_bot_token: SecretStr | None = Field(default=None, description="xoxb- bot token")
    slack_app_token: SecretStr | None = Field(default=None, description="xapp- app token")
    slack_api_url: str = SLACK_API_DEFAULT
    corpus_dir: Path = SHIPPED_CORPUS
    # Where the index is kept between runs; default: a hidden folder inside CORPUS_DIR.
    cache_dir: Path | None = None
    results: int = Field(default=3, ge=1, le=10)
    # How often the worker looks for added, changed or removed articles; 0 turns it off.
    reload_seconds: float = Field(default=5.0, ge=0, le=3600)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    # Socket Mode keep-alive: a ping this often; a link with no pong is dropped and reopened.
    socket_ping_seconds: float = Field(default=10.0, ge=0.2, le=120)
    # Seconds a reply may spend being retried (429 Retry-After, 5xx, dropped connections).
    reply_retry_seconds: float = Field(default=30.0, ge=0, le=300)
    # A folder shared by the workers on one host (old and new during a deploy): an event
    # delivered twice is then answered once even across processes. Unset: per process only.
    dedupe_dir: Path | None = None
    # Short queries through the compiled loop (numba), loaded after connecting; off saves
    # about 100 MB of memory, and queries take the NumPy path (same answers, slower).
    compiled_search: bool = True
    # Where articles come from besides files dropped in CORPUS_DIR: a JSON list of sources
    # (type, url or path, credentials as secrets). See README "Sources".
    sources: list[SourceConfig] = Field(default_factory=list)
    # Seconds between pulls of SOURCES while the worker runs; 0: only `python -m bot ingest`.
    sources_poll_seconds: float = Field(default=60.0, ge=0, le=86400)
    # The semantic stage (static embeddings of quotations, fused with BM25): finds a quotation
    # by its gist. Off: exactly the lexical answers, no vectors built or mapped (bot.search.
    # semantic reads SEMANTIC_SEARCH itself, so the re-index process follows it too).
    semantic_search: bool = True
    # What embeds the quotations: the static table (fast), the question encoder itself
    # (better, a few ms each), or auto: the encoder when a build embeds at most 20,000
    # (bot.search.quote_vectors reads SEMANTIC_QUOTATIONS itself, like SEMANTIC_SEARCH).
    semantic_quotations: Literal["auto", "static", "transformer"] = "auto"

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("semantic_quotations", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        # slack_sdk joins method names onto the base URL, so it must end with a slash.
        return value if value.endswith("/") else value + "/"

    @field_validator("sources", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return [] if value is None or isinstance(value, str) and not value.strip() else value

    @field_validator("sources")
    @classmethod
    def _unique_names(cls, value: list[SourceConfig]) -> list[SourceConfig]:
        names = [source.name for source in value]
        if len(set(names)) != len(names):
            raise ValueError("each source needs its own name")
        return value

    def secrets(self) -> tuple[str, ...]:
        """Every secret value configured (Slack tokens, source credentials), for redaction."""
        slack = (s.get_secret_value() for s in (self.slack_bot_token, self.slack_app_token) if s)
        return (*slack, *(v for source in self.sources for v in source.secrets()))

    @field_validator("dedupe_dir", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("slack_bot_token", "slack_app_token", mode="before")
    @classmethod
    def _blank_is_missing(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    def index_cache_dir(self, corpus_dir: Path | None = None) -> Path:
        return self.cache_dir or (corpus_dir or self.corpus_dir) / ".whosaid-cache"

    def require_slack_tokens(self) -> tuple[str, str]:
        """The two tokens the worker needs; raises SettingsError naming what is wrong."""
        bot = self.slack_bot_token.get_secret_value() if self.slack_bot_token else ""
        app = self.slack_app_token.get_secret_value() if self.slack_app_token else ""
        if not bot:
            raise SettingsError("SLACK_BOT_TOKEN is not set (the xoxb- bot token)")
        if not bot.startswith("xoxb-"):
            raise SettingsError("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")
        if not app:
            raise SettingsError("SLACK_APP_TOKEN is not set (the xapp- app-level token)")
        if not app.startswith("xapp-"):
            raise SettingsError("SLACK_APP_TOKEN must be an app-level token starting with xapp-")
        return bot, app


class SettingsError(Exception):
    """A setting that is missing or malformed; the message names it and never holds its value."""


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        # Name the variable and the problem, never the input: it may be a secret.
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "a setting"
        raise SettingsError(f"{name} is invalid: {first['msg']}") from None
    except _ParseError as exc:
        # A JSON setting (SOURCES) that does not parse; the message names the field only.
        field = re.search(r'field "(\w+)"', str(exc))
        name = field.group(1).upper() if field else "a setting"
        raise SettingsError(f"{name} is invalid: not valid JSON (a list of sources)") from None
