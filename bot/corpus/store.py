"""What a restart reuses: articles with their quotations, the tables and the two BM25 indexes.

One cache entry is a folder named after the corpus fingerprint (every file's path, size and
mtime) and the code version, written whole into a temporary folder and renamed into place:

    records.bin, record_offsets.npy   one pickle (article, quotations) per article, in file order
    kept_rows.npy                     which records the index uses (duplicate ids left out)
    files.json                        per file: name, size, mtime, error, number of records
    keys.json                         per record: article id and source, to find repeated ids
    passage_*.npy, quotation_*.npy, published.npy    the index's tables
    speakers.json, speaker_*.npy      the speaker directory: who, and their quotations' positions
    bm25-passages/, bm25-quotations/  SparseBM25 arrays, memory-mapped on load
    vectors/                          the quotations' embeddings (semantic stage), if it is on
    meta.json                         written last: an entry without it is ignored

Loading maps the arrays and reads no article: an article is unpickled when an answer shows
it. So a restart at a million passages costs little more than Python's own start-up. When
files changed, the last entry is the start of the next one: unchanged files keep their
records (copied as bytes, never decoded) and their part of the index (merged, see
`bot.search.index_merge.merged_index`), so only changed files are read, attributed and indexed.
The cache holds our own pickles in a folder only this worker writes (0700): it is not a
place for anyone else's files.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
import tempfile
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.attribution.model import Quotation, Speaker, SpeakerKind
from bot.corpus.articles import Article
from bot.corpus.stamps import fingerprint
from bot.search.bm25 import SparseBM25
from bot.search.index import CorpusIndex, PassageTable, QuotationTable, SpeakerEntry, Tables
from bot.search.semantic import VectorIndex, semantic_enabled
from bot.search.tokenizer import TOKENIZER_VERSION

log = logging.getLogger(__name__)

FileStamp = tuple[int, int]  # (size, mtime in ns)
Record = tuple[Article, tuple[Quotation, ...]]
_STALE_TMP_S = 3600


def _code_version() -> str:
    """A digest of the code whose output is cached: a new extractor invalidates old results."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(b"whosaid-cache-3")
    digest.update(TOKENIZER_VERSION.encode())
    sources = [package / "corpus" / "articles.py", package / "corpus" / "store.py"]
    sources += [package / "search" / "tokenizer.py"]
    sources += [package / "search" / "bm25.py", package / "search" / "index.py"]
    # The semantic stage's vectors: the embedding code and the table it reads.
    sources += [package / "search" / n for n in ("semantic.py", "quote_vectors.py", "encoder.py")]
    sources += sorted((package / "search" / "model").glob("*"))
    sources += sorted((package / "attribution").glob("*.py"))
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


FORMAT = _code_version()
# Exit status of `bot.corpus.reindex` when the code on disk is not the code of the worker that
# asked: the index it would save is one that worker cannot read.
CODE_CHANGED = 3


class StoredRecords:
    """The records of a saved entry: one file of pickles, mapped, decoded only when asked for."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self._blob, self._offsets = blob, offsets

    def raw(self, number: int) -> memoryview:
        start, end = int(self._offsets[number]), int(self._offsets[number + 1])
        return memoryview(self._blob[start:end].data)

    def record(self, number: int) -> Record:
        return pickle.loads(self.raw(number))


class Records:
    """Every record of one corpus state, each kept where it already is: a number into the
    saved entry the worker started from (not decoded, copied as bytes when saved) or a
    record in memory (newly read, or decoded)."""

    def __init__(self, stored: StoredRecords | None, where: list[int | Record]) -> None:
        self.stored, self.where = stored, where

    def __len__(self) -> int:
        return len(self.where)

    def record(self, number: int) -> Record:
        found = self.where[number]
        if isinstance(found, int):
            assert self.stored is not None
            return self.stored.record(found)
        return found

    def raw(self, number: int) -> bytes | memoryview:
        found = self.where[number]
        if isinstance(found, int):
            assert self.stored is not None
            return self.stored.raw(found)
        return pickle.dumps(found, 5)


class ArticleStore(Sequence[Article]):
    """The index's articles (the kept records), decoded only when asked for."""

    CACHED = 4096  # recently read records kept decoded

    def __init__(self, records: Records, rows: np.ndarray) -> None:
        self.records, self._rows = records, rows
        self._recent: OrderedDict[int, Record] = OrderedDict()
        self.quotation_lists = _QuotationLists(self)

    def record(self, number: int) -> Record:
        found = self._recent.get(number)
        if found is None:
            found = self.records.record(number)
            self._recent[number] = found
            if len(self._recent) > self.CACHED:
                self._recent.popitem(last=False)
        return found

    def forget_some(self, count: int) -> bool:
        """Drop up to `count` decoded records (oldest first); True while some remain."""
        for _ in range(min(count, len(self._recent))):
            self._recent.popitem(last=False)
        return bool(self._recent)

    @property
    def rows(self) -> np.ndarray:
        """Each article's record number."""
        return self._rows

    def with_quotations(self, i: int) -> Record:
        """The i-th article and its quotations."""
        return self.record(int(self._rows[i]))

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: int) -> Article:  # type: ignore[override]
        return self.with_quotations(i)[0]


class _QuotationLists(Sequence[tuple[Quotation, ...]]):
    def __init__(self, store: ArticleStore) -> None:
        self._store = store

    def __len__(self) -> int:
        return len(self._store)

    def __getitem__(self, i: int) -> tuple[Quotation, ...]:  # type: ignore[override]
        return self._store.with_quotations(i)[1]


@dataclass
class Entry:
    """One corpus state: its index, its records, and per file which records are its own.

    Loaded from the cache (index mapped, records read on demand) or made by a build; the
    next build starts from it, re-reading only the files whose stamp changed.
    """

    stamps: dict[str, FileStamp]
    index: CorpusIndex
    records: Records
    files: dict[str, tuple[FileStamp, str | None, range]]  # name -> (stamp, error, records)
    keys: Sequence[Sequence[str]]  # per record: (article id, source), for duplicate ids
    kept: np.ndarray  # per indexed article: its record number (duplicate ids left out)
    duplicates: list[tuple[str, str]]  # articles left out for a repeated id: (source, reason)
    folder: Path | None = None  # the saved entry its arrays are mapped from; None if built here

    @property
    def skipped(self) -> list[tuple[str, str]]:
        """Files (or articles) left out of the index, and why."""
        return [(n, err) for n, (_, err, _) in self.files.items() if err] + self.duplicates


class CorpusCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.usable = True

    def _give_up(self, exc: OSError) -> None:
        self.usable = False
        log.warning("index cache %s is not usable (%s); indexing without it", self.folder, exc)

    @staticmethod
    def key(stamps: dict[str, FileStamp]) -> str:
        text = f"{fingerprint(stamps)}\0{FORMAT}"
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    # -- loading -------------------------------------------------------------------------

    def load(self, stamps: dict[str, FileStamp] | None = None) -> Entry | None:
        """The entry for exactly these stamps, or (None) the newest entry of this code version."""
        if not self.folder.is_dir():
            return None
        if stamps is not None:
            return self._load(self.folder / self.key(stamps))
        entries = sorted(
            (p for p in self.folder.iterdir() if (p / "meta.json").is_file()),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        return self._load(entries[0]) if entries else None

    def _load(self, entry: Path) -> Entry | None:
        try:
            meta = json.loads((entry / "meta.json").read_text())
            # The tokens the BM25 indexes were built from (stemmed or not) are part of the
            # format: an index of other tokens would silently mis-rank every question.
            if meta.get("format") != FORMAT or meta.get("tokenizer") != TOKENIZER_VERSION:
                return None
            arrays = {
                p.stem: np.load(p, mmap_mode="r", allow_pickle=False) for p in entry.glob("*.npy")
            }
            blob = (
                np.memmap(entry / "records.bin", dtype=np.uint8, mode="r")
                if (entry / "records.bin").stat().st_size
                else np.zeros(0, np.uint8)
            )
            offsets = arrays["record_offsets"]
            records = Records(StoredRecords(blob, offsets), list(range(len(offsets) - 1)))
            kept = arrays["kept_rows"]
            store = ArticleStore(records, kept)
            tables = Tables(
                PassageTable(
                    arrays["passage_article"],
                    arrays["passage_paragraph"],
                    arrays["passage_start"],
                    arrays["passage_end"],
                ),
                QuotationTable(
                    arrays["quotation_article"], arrays["quotation_local"], store.quotation_lists
                ),
                arrays["published"],
            )
            # Plain JSON, and objects made in a Python loop: unpickling 20,000 dataclasses is
            # one C call holding the interpreter lock for ~200 ms; a loop lets other threads in.
            described = json.loads((entry / "speakers.json").read_text())
            bounds = arrays["speaker_offsets"].tolist()
            held = np.asarray(arrays["speaker_quotations"])  # plain views slice faster
            speakers = [
                SpeakerEntry(
                    Speaker(name, role, SpeakerKind(kind)),
                    set(names),
                    set(roles),
                    held[bounds[i] : bounds[i + 1]],
                )
                for i, (name, role, kind, names, roles) in enumerate(described)
            ]
            engines = (
                SparseBM25.load(entry / "bm25-passages"),
                SparseBM25.load(entry / "bm25-quotations"),
            )
            # With the semantic stage on, the saved vectors are mapped; an entry saved with it
            # off gets them computed now (the rest is reused). Off, they are never read.
            vectors = None
            if semantic_enabled() and (entry / "vectors").is_dir():
                vectors = VectorIndex.load(entry / "vectors")
            index = CorpusIndex(
                store,
                store.quotation_lists,
                engines=engines,
                tables=tables,
                speakers=speakers,
                vectors=vectors,
            )
            files: dict[str, tuple[FileStamp, str | None, range]] = {}
            stamps: dict[str, FileStamp] = {}
            first = 0
            for name, size, mtime, error, count in json.loads((entry / "files.json").read_text()):
                stamps[name] = (size, mtime)
                files[name] = ((size, mtime), error, range(first, first + count))
                first += count
            keys = json.loads((entry / "keys.json").read_text())  # [id, source] pairs
            duplicates = [(source, reason) for source, reason in meta.get("duplicates", [])]
            return Entry(stamps, index, records, files, keys, kept, duplicates, folder=entry)
        except FileNotFoundError:
            return None
        except Exception as exc:  # truncated or foreign files: rebuild, never crash
            log.warning("ignoring unreadable index cache %s: %s", entry, exc)
            return None

    # -- saving --------------------------------------------------------------------------

    def save(self, entry: Entry) -> None:
        """Write `entry` under the key of its stamps; records already saved are copied as bytes."""
        if not self.usable:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._clear_stale()
            tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
            try:
                self._write(tmp, entry)
                meta = {
                    "format": FORMAT,
                    "tokenizer": TOKENIZER_VERSION,
                    "saved": time.time(),
                    "duplicates": entry.duplicates,
                }
                (tmp / "meta.json").write_text(json.dumps(meta))
                final = self.folder / self.key(entry.stamps)
                if final.exists():
                    shutil.rmtree(final)
                os.replace(tmp, final)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            for other in self.folder.iterdir():
                if other.is_dir() and other != final and not other.name.startswith("."):
                    shutil.rmtree(other, ignore_errors=True)
        except OSError as exc:
            self._give_up(exc)

    @staticmethod
    def _write(folder: Path, entry: Entry) -> None:
        offsets = np.zeros(len(entry.records) + 1, dtype=np.int64)
        with (folder / "records.bin").open("wb") as out:
            for number in range(len(entry.records)):
                offsets[number + 1] = offsets[number] + out.write(entry.records.raw(number))
        listing = [
            [name, *stamp, error, len(rows)] for name, (stamp, error, rows) in entry.files.items()
        ]
        index = entry.index
        # The speaker directory's quotation positions are arrays, not pickled lists: a
        # million-passage archive has hundreds of thousands, and unpickling them would hold
        # the interpreter lock (and Slack acknowledgements) for a third of a second.
        held = [np.asarray(e.quotations, dtype=np.int32) for e in index.speakers]
        arrays = {
            **index.tables.arrays(),
            "record_offsets": offsets,
            "kept_rows": entry.kept,
            "speaker_quotations": np.concatenate(held) if held else np.zeros(0, np.int32),
            "speaker_offsets": np.cumsum([0] + [len(h) for h in held], dtype=np.int64),
        }
        for name, values in arrays.items():
            np.save(folder / f"{name}.npy", np.asarray(values), allow_pickle=False)
        (folder / "files.json").write_text(json.dumps(listing))
        (folder / "keys.json").write_text(json.dumps(entry.keys))
        described = [
            [
                e.speaker.name,
                e.speaker.role,
                e.speaker.kind.value,
                sorted(e.name_keys),
                sorted(e.role_keys),
            ]
            for e in index.speakers
        ]
        (folder / "speakers.json").write_text(json.dumps(described))
        for engine, name in (
            (index.passage_engine, "passages"),
            (index.quotation_engine, "quotations"),
        ):
            engine.save(folder / f"bm25-{name}")  # type: ignore[attr-defined]
        if index.vectors is not None:
            index.vectors.save(folder / "vectors")

    def _clear_stale(self) -> None:
        now = time.time()
        for child in self.folder.glob(".tmp-*"):
            try:
                if now - child.stat().st_mtime > _STALE_TMP_S:
                    shutil.rmtree(child, ignore_errors=True)
            except OSError:
                continue
