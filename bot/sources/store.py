"""Where a source's stories land: one corpus file each, and a small state file per source.

Stories are written to `CORPUS_DIR/<source name>/<key>.md` as ordinary front-matter articles,
so the index, the live reload and hand-dropped files work as before. Every write goes to a
hidden temporary file in the same folder (the corpus reader skips dot files) and is moved into
place with os.replace, so a reader sees the old file or the new one, never half of one. The
state (conditional-request validators, the incremental cursor, each item's version) lives in
`CORPUS_DIR/.whosaid-sources/<name>.json`, written the same way after the files it describes:
a crash in between only makes the next pull redo work, never lose it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.sources.html import clean_text

log = logging.getLogger(__name__)

STATE_DIR = ".whosaid-sources"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_FOOTER_LIKE = re.compile(r"^(?:[-–—]\s*){3,}$")


@dataclass(frozen=True)
class Story:
    """One article as a source gives it, already reduced to plain paragraphs."""

    key: str  # stable within the source: a post id, a GUID, a wire item's guid
    paragraphs: tuple[str, ...]
    headline: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date or date-time
    url: str | None = None
    correction: str | None = None

    def version(self) -> str:
        """A digest of everything written to the file: unchanged stories are not rewritten."""
        fields = [
            self.headline,
            self.byline,
            self.outlet,
            self.published,
            self.url,
            self.correction,
            *self.paragraphs,
        ]
        return hashlib.sha256(json.dumps(fields).encode()).hexdigest()[:20]


@dataclass
class Changes:
    """What one pull did to the corpus, per source."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a hidden temporary file and os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def render(story: Story, article_id: str) -> str:
    """The corpus file for a story: front matter, then one paragraph per blank-line block."""
    meta = {
        "id": article_id,
        "headline": story.headline,
        "outlet": story.outlet,
        "byline": story.byline,
        "published": story.published,
        "url": story.url,
        "correction": story.correction,
    }
    lines = ["---"]
    for key, value in meta.items():
        if value:
            lines.append(f"{key}: {clean_text(value)}")
    lines.append("---")
    # A paragraph that looks like the footer marker would cut the body short; it is no text.
    body = [clean_text(p) for p in story.paragraphs if not _FOOTER_LIKE.match(p.strip())]
    return "\n".join(lines) + "\n" + "\n\n".join(p for p in body if p) + "\n"


class SourceStore:
    """The corpus files and state of one source."""

    def __init__(self, corpus_dir: Path, name: str) -> None:
        self.name = name
        self.folder = corpus_dir / name
        self.state_path = corpus_dir / STATE_DIR / f"{name}.json"
        self.state: dict[str, Any] = self._read_state()
        self.items: dict[str, dict[str, Any]] = self.state.setdefault("items", {})
        self.changes = Changes()

    def _read_state(self) -> dict[str, Any]:
        try:
            loaded = json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            # A damaged state only costs a full pull; the corpus files are still there.
            log.warning("source %s: state file unreadable (%s); pulling in full", self.name, exc)
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def save(self) -> None:
        """Write the state file (atomically)."""
        data = json.dumps(self.state, ensure_ascii=False, sort_keys=True).encode()
        write_atomic(self.state_path, data)

    def path_for(self, key: str) -> Path:
        safe = _UNSAFE.sub("-", key).strip("-")[:80] or "item"
        if safe != key:  # keys that differ only in unsafe characters must not collide
            safe += "-" + hashlib.sha1(key.encode()).hexdigest()[:8]
        return self.folder / f"{safe}.md"

    def put(self, story: Story, extra: dict[str, Any] | None = None) -> bool:
        """Write a story unless the same version is already there; True if written."""
        if not any(p.strip() for p in story.paragraphs):
            # A video-only post, say: nothing to quote. An earlier version with text goes.
            log.info("source %s: %s has no article text; not indexed", self.name, story.key)
            if story.key in self.items:
                self.remove(story.key, "no article text any more")
            return False
        version = story.version()
        known = self.items.get(story.key)
        path = self.path_for(story.key)
        if known and known.get("version") == version and path.exists():
            if extra:
                known.update(extra)
            return False
        write_atomic(path, render(story, f"{self.name}-{path.stem}").encode("utf-8"))
        self.items[story.key] = {"version": version, "file": path.name, **(extra or {})}
        (self.changes.updated if known else self.changes.added).append(story.key)
        return True

    def remove(self, key: str, why: str) -> bool:
        """Remove a story's file (a takedown); True if there was one."""
        known = self.items.pop(key, None)
        path = self.folder / known["file"] if known and known.get("file") else self.path_for(key)
        existed = path.exists()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        if known or existed:
            self.changes.removed.append(key)
            log.info("source %s: removed %s (%s)", self.name, key, why)
            return True
        return False

    def too_many_missing(self, missing: int, known: int) -> bool:
        """The threshold for sources whose only deletion signal is absence from a listing.

        More than half of the known stories vanishing at once (or all of them) is read as a
        fault at the source, not as takedowns: nothing is removed and a warning says why.
        """
        if missing and known and (missing == known or missing > max(3, known // 2)):
            log.warning(
                "source %s: %d of %d stories are missing from the listing at once; "
                "treating it as a fault at the source, nothing removed",
                self.name,
                missing,
                known,
            )
            return True
        return False
