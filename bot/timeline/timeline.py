"""A speaker's quotations ordered by when they were said, newest first, a page at a time.

The date is the statement's (`Quotation.when.date`: "on Sunday" in an article of Wednesday is
that Sunday), else the article's publication date. Quotations are read newest article
first, and reading stops once no older article can hold a statement newer than the last one
the page needs (a statement is never dated after the article reporting it), so a speaker
with thousands of quotations costs about a page's worth of articles. The same words
reported by several articles are one statement, shown once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from bot.answer import Answer, Result, Source, excerpt_span
from bot.search.index import UNDATED, CorpusIndex, IndexedQuotation, name_key
from bot.search.question import parse_question
from bot.search.tokenizer import tokenize
from bot.timeline.dates import DateRange, find_range, span_of
from bot.timeline.query import TimelineQuery

PAGE = 5


@dataclass(frozen=True)
class Page:
    answer: Answer
    next_offset: int | None  # where the next page starts, None on the last page
    range: DateRange | None


def statement_date(index: CorpusIndex, indexed: IndexedQuotation) -> str:
    """When the words were said, as exactly as the article says; else its publication date."""
    q = indexed.quotation
    if q.when is not None:
        return q.when.date
    day = index.published(indexed.article)
    return dt.date.fromordinal(day).isoformat() if day < UNDATED else ""


def timeline_page(
    index: CorpusIndex, query: TimelineQuery, raw: str, offset: int = 0, limit: int = PAGE
) -> Page | None:
    """One page of the speaker's statements, or None if the archive does not know the speaker
    (the question is then answered as any other)."""
    entries = index.find_speakers(query.speaker)
    question = parse_question(raw)
    if not entries:
        return None
    names = tuple(dict.fromkeys(e.speaker.name or "" for e in entries))
    positions = np.unique(np.concatenate([np.asarray(e.quotations) for e in entries]))
    if query.topic:
        scores = index.quotation_scores(query.topic, positions.tolist())
        positions = positions[scores > 0]
    table = index.quotations
    days = index.tables.published[table.article[positions]] if len(positions) else positions
    days = np.where(days >= UNDATED, -1, days)  # undated articles: read last
    order = np.lexsort((positions, -days))
    newest = int(days[order[0]]) if len(order) else -1
    # A month without a year ("in January") is the latest one up to the newest statement.
    latest = dt.date.fromordinal(newest).isoformat() if newest > 0 else dt.date.today().isoformat()
    when = find_range(query.when, latest) if query.when else None
    if when is not None and when.start is not None:
        # Nothing said on or after the start is in an article published before it.
        first_day = dt.date.fromisoformat(when.start).toordinal()
        order = order[(days[order] >= first_day) | (days[order] < 0)]
    wanted = offset + limit + 1  # one more than the page: is there a next page?
    found: list[tuple[str, int, IndexedQuotation]] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    pieces: set[tuple[str, str]] = set()
    for rank, i in enumerate(order.tolist()):
        day = int(days[i])
        if len(found) >= wanted and day > 0:
            kth = sorted((f[0] for f in found), reverse=True)[wanted - 1]
            if dt.date.fromordinal(day).isoformat() < kth:
                break  # no older article holds a newer statement
        indexed = table[int(positions[i])]
        date = statement_date(index, indexed)
        if when is not None and (not date or not when.holds(date)):
            continue
        speaker = indexed.quotation.speaker.name or ""
        surname = name_key(speaker.split()[-1]) if speaker else ""
        key = (surname, tuple(tokenize(indexed.quotation.text)))
        # One statement once: the same words in another article, or another piece of the
        # same quotation (“…,” she said. “…” is one excerpt).
        piece = (str(indexed.article), str(indexed.quotation.quotation_id))
        if key in seen or piece in pieces:
            continue
        seen.add(key)
        pieces.add(piece)
        found.append((span_of(date)[0] if date else "", rank, indexed))
    found.sort(key=lambda f: (f[0], -f[1]), reverse=True)
    shown = found[offset : offset + limit]
    results = tuple(_result(index, indexed) for _, _, indexed in shown)
    notice = _notice(names, query, when, bool(results), offset)
    answer = Answer(question, results, notice, len(index), names)
    more = offset + limit if len(found) > offset + limit else None
    return Page(answer, more, when)


def _result(index: CorpusIndex, indexed: IndexedQuotation) -> Result:
    article = index.articles[indexed.article]
    q = indexed.quotation
    start, end = excerpt_span(article, q.paragraph, q.start, q.end)
    return Result(Source(article, q.paragraph, start, end), q)


def _notice(
    names: tuple[str, ...],
    query: TimelineQuery,
    when: DateRange | None,
    any_found: bool,
    offset: int,
) -> str:
    who = ", ".join(names)
    about = f" about “{query.topic_words or ' '.join(query.topic)}”" if query.topic else ""
    period = f" {when.text}" if when else ""
    if not any_found:
        return f"No quotation from {who}{about}{period} in the corpus."
    more = f" (from number {offset + 1})" if offset else ""
    return f"What {who} said{about}{period}, newest first by the date it was said{more}:"
