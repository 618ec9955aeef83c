"""One entry of the SOURCES setting: what to pull, from where, with which (secret) credentials."""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

SourceType = Literal["wordpress", "feed", "arc", "wire", "sitemap"]
# Types that read a folder on this host; the others read a URL.
FOLDER_TYPES = ("wire",)


class SourceConfig(BaseModel):
    """A source: a name (its corpus sub-folder), a type, a URL or a folder, and credentials."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,40}$")
    type: SourceType
    url: str | None = None
    path: Path | None = None
    outlet: str | None = None
    # WordPress application password (or HTTP Basic for a feed or sitemap). Secret.
    username: str | None = None
    password: SecretStr | None = None
    # Arc XP Content API bearer token. Secret.
    token: SecretStr | None = None
    # Arc XP: the website whose stories the Content API lists.
    website: str | None = None
    timeout_seconds: float = Field(default=30.0, gt=0, le=300)
    max_item_mb: int = Field(default=20, ge=1, le=500)
    retries: int = Field(default=3, ge=0, le=10)
    backoff_seconds: float = Field(default=1.0, ge=0, le=60)

    @model_validator(mode="after")
    def _location(self) -> SourceConfig:
        if self.type in FOLDER_TYPES:
            if self.path is None:
                raise ValueError(f"a {self.type} source needs a 'path' (a folder)")
        elif self.type == "arc":
            if (self.url is None) == (self.path is None):
                raise ValueError("an arc source needs either 'url' or 'path'")
        elif self.url is None:
            raise ValueError(f"a {self.type} source needs a 'url'")
        if self.url is not None:
            parsed = urllib.parse.urlsplit(self.url)
            if parsed.scheme not in ("http", "https") or not parsed.hostname:
                raise ValueError("'url' must be an http(s) URL")
            if parsed.username or parsed.password:
                # In a URL it would be logged with it; 'username'/'password' are kept secret.
                raise ValueError("put credentials in 'username'/'password', not in the URL")
        if (self.password is None) != (self.username is None):
            raise ValueError("'username' and 'password' go together")
        return self

    def secrets(self) -> tuple[str, ...]:
        """The credential values, for the log redaction filter."""
        return tuple(s.get_secret_value() for s in (self.password, self.token) if s)
