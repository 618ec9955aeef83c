"""Pull every configured source into CORPUS_DIR, once or on a timer.

A source's fault (down, 5xx, invalid XML ...) is logged with its cause and costs only that
source's pull: what it already wrote stays, the other sources go on, and the next pull retries.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bot.sources.config import SourceConfig
from bot.sources.http import FetchError, Http
from bot.sources.store import Changes, SourceStore

log = logging.getLogger(__name__)

Puller = Callable[[SourceConfig, SourceStore, Http], None]


def _puller(kind: str) -> Puller:
    # Imported on use: a worker without feeds never loads feedparser or trafilatura.
    if kind == "wordpress":
        from bot.sources.wordpress import pull as wordpress_pull

        return wordpress_pull
    if kind == "feed":
        from bot.sources.feed import pull as feed_pull

        return feed_pull
    if kind == "arc":
        from bot.sources.arc import pull as arc_pull

        return arc_pull
    if kind == "wire":
        from bot.sources.wire import pull as wire_pull

        return wire_pull
    if kind == "sitemap":
        from bot.sources.sitemap import pull as sitemap_pull

        return sitemap_pull
    raise ValueError(f"unknown source type {kind!r}")


def http_for(config: SourceConfig) -> Http:
    """The HTTP client a source uses: its timeouts, size cap, retries and credentials."""
    return Http(
        timeout=config.timeout_seconds,
        max_bytes=config.max_item_mb * 1024 * 1024,
        retries=config.retries,
        backoff=config.backoff_seconds,
        username=config.username,
        password=config.password.get_secret_value() if config.password else None,
        bearer=config.token.get_secret_value() if config.token else None,
    )


def pull_source(config: SourceConfig, corpus_dir: Path, http: Http | None = None) -> Changes:
    """Pull one source once; faults end up in the returned Changes.errors and in the log."""
    store = SourceStore(corpus_dir, config.name)
    started = time.monotonic()
    try:
        _puller(config.type)(config, store, http or http_for(config))
    except FetchError as exc:
        store.changes.errors.append(str(exc))
        log.warning("source %s: pull failed: %s", config.name, exc)
    except Exception as exc:  # a bug or a document no parser expected: log, keep the rest
        store.changes.errors.append(f"{type(exc).__name__}: {exc}")
        log.error("source %s: pull failed: %s: %s", config.name, type(exc).__name__, exc)
    finally:
        # What was written is recorded even when the pull stopped half-way.
        store.save()
    changes = store.changes
    if changes.added or changes.updated or changes.removed:
        log.info(
            "source %s: %d added, %d updated, %d removed in %.1f s",
            config.name,
            len(changes.added),
            len(changes.updated),
            len(changes.removed),
            time.monotonic() - started,
        )
    return changes


def pull_all(sources: list[SourceConfig], corpus_dir: Path) -> dict[str, Changes]:
    """Pull every source once, one after the other."""
    return {source.name: pull_source(source, corpus_dir) for source in sources}


def keep_pulling(
    sources: list[SourceConfig], corpus_dir: Path, every: float, stop: threading.Event
) -> None:
    """Pull all sources every `every` seconds until `stop` is set (runs in a thread)."""
    while not stop.is_set():
        started = time.monotonic()
        try:
            pull_all(sources, corpus_dir)
        except Exception as exc:  # e.g. the disk filled up writing state: try again later
            log.error("pulling sources failed: %s: %s", type(exc).__name__, exc)
        stop.wait(max(0.0, every - (time.monotonic() - started)))


def start_pulling(
    sources: list[SourceConfig], corpus_dir: Path, every: float
) -> threading.Event | None:
    """Pull in a background thread while the worker runs; set the returned event to stop."""
    if not sources or every <= 0:
        return None
    stop = threading.Event()
    thread = threading.Thread(
        target=keep_pulling, args=(sources, corpus_dir, every, stop), name="sources", daemon=True
    )
    thread.start()
    log.info("pulling %d source(s) every %g s", len(sources), every)
    return stop
