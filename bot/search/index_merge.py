"""Merging a corpus index: a new index from the old one's kept articles and the new ones'.

Kept articles' passages, quotations, postings and vectors are copied, never re-read; only
new articles are tokenized and embedded. Rankings are exactly a fresh build's (see
`SparseBM25.merged`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TypeVar

import numpy as np

from bot.attribution.model import Quotation
from bot.corpus.articles import Article
from bot.search.index import (
    CorpusIndex,
    PassageTable,
    QuotationTable,
    SpeakerEntry,
    Tables,
    name_keys,
    passage_tokens,
    published_days,
    quotation_context,
    speaker_key,
)
from bot.search.quote_vectors import embed_quotations
from bot.search.tokenizer import tokenize

T_co = TypeVar("T_co", covariant=True)


class _Spliced(Sequence[T_co]):
    """Pieces of other sequences read as one: the articles of a merged index, without copying
    (or reading) the kept ones."""

    def __init__(self, pieces: list[tuple[Sequence[T_co], int, int]]) -> None:
        """`pieces`: (sequence, first item taken, how many), in order."""
        self._pieces = [(seq, first) for seq, first, count in pieces if count]
        counts = [count for _, _, count in pieces if count]
        self._starts = np.cumsum([0, *counts]).tolist()

    def __len__(self) -> int:
        return self._starts[-1]

    def __getitem__(self, i: int) -> T_co:  # type: ignore[override]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        piece = bisect_right(self._starts, i) - 1
        seq, first = self._pieces[piece]
        return seq[first + i - self._starts[piece]]


def merged_index(
    old: CorpusIndex,
    layout: Sequence[range | Sequence[tuple[Article, Sequence[Quotation]]]],
    articles: Sequence[Article] | None = None,
    lists: Sequence[Sequence[Quotation]] | None = None,
) -> CorpusIndex:
    """`old` with some articles kept and others added, as a fresh build of them would be.

    Each item of `layout` is a range of `old`'s article numbers (ascending, disjoint), kept
    with their passages, quotations and postings as they are, or new articles with their
    quotations, indexed now. Only new articles are read or tokenized: a new file in an
    archive of a million passages costs about its own size plus a linear merge of arrays.
    `articles` and `lists`, if given, are the new index's articles and quotation lists as the
    caller already holds them; otherwise they are read through `old`.
    """
    passages, quotations = old.passages, old.quotations
    article_pieces: list[tuple[Sequence[Article], int, int]] = []
    list_pieces: list[tuple[Sequence[Sequence[Quotation]], int, int]] = []
    p_cols: list[list[np.ndarray]] = [[], [], [], []]
    q_cols: list[list[np.ndarray]] = [[], []]
    published: list[np.ndarray] = []
    p_layout: list[range | list[list[str]]] = []
    q_layout: list[range | list[list[str]]] = []
    q_remap = np.full(len(quotations), -1, dtype=np.int64)
    added: list[tuple[int, Quotation]] = []  # (new position, quotation) of new quotations
    added_texts: list[str] = []  # what the semantic stage embeds for each new quotation
    at = q_at = 0  # next article number, next quotation position
    for item in layout:
        if isinstance(item, range):
            lo, hi = np.searchsorted(passages.article, [item.start, item.stop]).tolist()
            shift = at - item.start
            columns = (passages.article, passages.paragraph, passages.start, passages.end)
            for col, values in zip(p_cols, columns, strict=True):
                col.append(values[lo:hi])
            p_cols[0][-1] = p_cols[0][-1] + np.int32(shift)
            p_layout.append(range(lo, hi))
            lo, hi = np.searchsorted(quotations.article, [item.start, item.stop]).tolist()
            q_cols[0].append(quotations.article[lo:hi] + np.int32(shift))
            q_cols[1].append(quotations.local[lo:hi])
            q_layout.append(range(lo, hi))
            q_remap[lo:hi] = np.arange(q_at, q_at + hi - lo)
            q_at += hi - lo
            published.append(old.tables.published[item.start : item.stop])
            article_pieces.append((old.articles, item.start, len(item)))
            list_pieces.append((old._lists, item.start, len(item)))
            at += len(item)
        else:
            added_articles = [article for article, _ in item]
            added_lists = [tuple(found) for _, found in item]
            table = PassageTable.of(added_articles)
            p_layout.append(passage_tokens(added_articles, table))
            columns = (table.article + np.int32(at), table.paragraph, table.start, table.end)
            for col, values in zip(p_cols, columns, strict=True):
                col.append(values)
            q_table = QuotationTable.of(added_lists)
            q_cols[0].append(q_table.article + np.int32(at))
            q_cols[1].append(q_table.local)
            fresh = [q for found in added_lists for q in found]
            if old.vectors is not None:
                added_texts += [
                    quotation_context(article, q)
                    for article, found in zip(added_articles, added_lists, strict=True)
                    for q in found
                ]
            q_layout.append([tokenize(q.text) for q in fresh])
            added.extend(enumerate(fresh, start=q_at))
            q_at += len(fresh)
            published.append(published_days(added_articles))
            article_pieces.append((added_articles, 0, len(added_articles)))
            list_pieces.append((added_lists, 0, len(added_lists)))
            at += len(added_articles)

    def joined(parts: list[np.ndarray], dtype: type) -> np.ndarray:
        return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype)

    if articles is None or lists is None:
        articles, lists = _Spliced(article_pieces), _Spliced(list_pieces)
    tables = Tables(
        PassageTable(*(joined(col, np.int32) for col in p_cols)),
        QuotationTable(joined(q_cols[0], np.int32), joined(q_cols[1], np.int32), lists),
        joined(published, np.int32),
    )
    engines = (
        old.passage_engine.merged(p_layout),  # type: ignore[attr-defined]
        old.quotation_engine.merged(q_layout),  # type: ignore[attr-defined]
    )
    speakers = _merged_speakers(old, q_remap, added)
    vectors = None
    if old.vectors is not None:
        # Kept quotations keep their vectors (int8, as stored), new ones are embedded.
        kept = np.flatnonzero(q_remap >= 0)
        new_rows = np.asarray([p for p, _ in added], dtype=np.int64)
        # The same rule as a build: few added quotations are embedded by the model itself.
        embedded = embed_quotations(added_texts) if added else np.zeros((0, 1), np.float32)
        vectors = old.vectors.merged(q_at, kept, q_remap[kept], new_rows, embedded)
    return CorpusIndex(
        articles,
        lists,
        engines=engines,
        tables=tables,
        speakers=speakers,
        vectors=vectors,
        semantic=old.vectors is not None,
    )


def _merged_speakers(
    old: CorpusIndex, remap: np.ndarray, added: list[tuple[int, Quotation]]
) -> list[SpeakerEntry]:
    """The speaker directory a fresh build would make: one entry per (name, role), in order of
    first quotation, each holding the speaker as its first quotation gives it."""
    groups: dict[tuple[str, str], tuple[SpeakerEntry | None, list[np.ndarray]]] = {}
    for entry in old.speakers:
        positions = remap.take(np.asarray(entry.quotations, dtype=np.int64))
        positions = positions[positions >= 0]
        if len(positions):
            kept_first = bool(remap[entry.quotations[0]] >= 0)
            groups[speaker_key(entry.speaker)] = (entry if kept_first else None, [positions])
    new_speaker: dict[int, Quotation] = {}
    for position, quotation in added:
        if not quotation.speaker.resolved:
            continue
        new_speaker[position] = quotation
        group = groups.setdefault(speaker_key(quotation.speaker), (None, []))
        group[1].append(np.array([position], dtype=np.int64))
    old_at: np.ndarray | None = None  # new position -> old position, made when first needed
    entries = []
    for kept, parts in groups.values():
        positions = np.sort(np.concatenate(parts)) if len(parts) > 1 else parts[0]
        first = int(positions[0])
        if first in new_speaker:
            speaker = new_speaker[first].speaker
        elif kept is not None:
            speaker = kept.speaker
        else:  # the entry's first quotation is gone: the next one names the speaker
            if old_at is None:
                old_at = np.full(len(remap) + len(added), -1, dtype=np.int64)
                kept_old = np.flatnonzero(remap >= 0)
                old_at[remap[kept_old]] = kept_old
            speaker = old.quotations[int(old_at[first])].quotation.speaker
        if kept is not None and speaker is kept.speaker:
            entry = SpeakerEntry(speaker, kept.name_keys, kept.role_keys)
        else:
            entry = SpeakerEntry(speaker, name_keys(speaker.name), name_keys(speaker.role))
        entry.quotations = positions.tolist()
        entries.append(entry)
    entries.sort(key=lambda e: e.quotations[0])
    return entries
