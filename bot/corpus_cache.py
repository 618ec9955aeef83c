"""What a restart reuses: parsed files with their quotations, and the two BM25 indexes.

Layout of the cache folder (written atomically, so a crash leaves the previous one whole):

    files.pkl              {relative path: ParsedFile} as of the last build
    <key>/bm25-passages/   SparseBM25 arrays, memory-mapped on load
    <key>/bm25-quotations/

`<key>` is derived from the corpus fingerprint (every file's path, size and mtime), so a
changed corpus misses it; `files.pkl` still spares re-reading and re-attributing the files
that did not change. The cache holds our own pickles and lives in a folder only this worker
writes (0700): it is not a place for anyone else's files.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.articles import Article
from bot.attribution.model import Quotation
from bot.search import persist
from bot.search.bm25 import SparseBM25

log = logging.getLogger(__name__)

FileStamp = tuple[int, int]  # (size, mtime in ns)
_FILES = "files.pkl"


def _code_version() -> str:
    """A digest of the code whose output is cached: a new extractor invalidates old results."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(b"whosaid-cache-1")
    sources = [package / "articles.py", package / "search" / "tokenizer.py"]
    sources += sorted((package / "attribution").glob("*.py"))
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


FORMAT = _code_version()


@dataclass(frozen=True)
class ParsedFile:
    stamp: FileStamp
    articles: tuple[Article, ...]
    quotations: tuple[tuple[Quotation, ...], ...]  # one tuple an article
    error: str | None = None  # why the file was skipped


@dataclass(frozen=True)
class Engines:
    passages: SparseBM25
    quotations: SparseBM25


class CorpusCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.usable = True

    def _ready(self) -> bool:
        if not self.usable:
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            return True
        except OSError as exc:
            self._give_up(exc)
            return False

    def _give_up(self, exc: OSError) -> None:
        self.usable = False
        log.warning("index cache %s is not usable (%s); indexing without it", self.folder, exc)

    @staticmethod
    def key(stamps: dict[str, FileStamp]) -> str:
        return persist.cache_key(persist.fingerprint(stamps), FORMAT)

    def load_files(self) -> dict[str, ParsedFile]:
        """The parsed files of the last build ({} if none, or unreadable)."""
        path = self.folder / _FILES
        try:
            with path.open("rb") as handle:
                saved = pickle.load(handle)
        except FileNotFoundError:
            return {}
        except Exception as exc:  # a truncated or older-format pickle: rebuild, never crash
            log.warning("ignoring unreadable index cache %s: %s", path, exc)
            return {}
        if not isinstance(saved, dict) or saved.get("format") != FORMAT:
            return {}
        files = saved.get("files")
        return files if isinstance(files, dict) else {}

    def load_engines(self, stamps: dict[str, FileStamp]) -> Engines | None:
        key = self.key(stamps)
        passages = persist.load_index(self.folder, key + "-passages")
        quotations = persist.load_index(self.folder, key + "-quotations")
        if passages is None or quotations is None:
            return None
        return Engines(passages.index, quotations.index)

    def save(
        self, stamps: dict[str, FileStamp], files: dict[str, ParsedFile], engines: Engines
    ) -> None:
        if not self._ready():
            return
        key = self.key(stamps)
        try:
            persist.save_index(self.folder, key + "-passages", engines.passages)
            persist.save_index(self.folder, key + "-quotations", engines.quotations)
            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-files-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump({"format": FORMAT, "files": files}, handle, pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / _FILES)
            persist.prune(self.folder, keep=(key + "-passages", key + "-quotations"))
        except OSError as exc:
            self._give_up(exc)
