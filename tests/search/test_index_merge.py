"""A merged index (some articles kept, others added or removed) is the index a fresh build of
the same articles makes: same tables, speakers, scores and answers."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pytest

from bot.answer import Answerer
from bot.attribution import extract_quotations
from bot.attribution.model import Quotation
from bot.cli.serialize import answer_json
from bot.corpus.articles import Article, load_corpus
from bot.search.index import CorpusIndex
from bot.search.index_merge import merged_index
from bot.search.question import parse_question
from bot.search.tokenizer import tokenize

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = (
    ROOT / "corpus",
    ROOT / "eval" / "attribution" / "articles",
    ROOT / "tests" / "fixtures" / "corpus",
)


@cache
def _records() -> tuple[tuple[Article, tuple[Quotation, ...]], ...]:
    """Every article we ship with its quotations (the seed appears twice, in two folders)."""
    articles = [a for folder in FOLDERS for a in load_corpus(folder).articles]
    return tuple((a, tuple(extract_quotations(a))) for a in articles)


def _fresh(records: list[tuple[Article, tuple[Quotation, ...]]]) -> CorpusIndex:
    return CorpusIndex([a for a, _ in records], [q for _, q in records])


QUESTIONS = [
    "who said unrealistic",
    "what did Hegseth say about NATO?",
    "Peskov",
    "what did the mayor say about the harbor",
    "budget",
    "“We will be back”",
    "who said we will see",
    "Trump Truth Social",
]

# (articles in the old index, new sequence): numbers index _records(); "+n" adds record n.
CASES = {
    "append a file": (range(0, 10), [range(0, 10), "+10", "+11"]),
    "insert in the middle": (range(0, 14), [range(0, 5), "+14", "+15", range(5, 14)]),
    "remove some": (range(0, 16), [range(0, 3), range(8, 16)]),
    "replace one": (range(0, 16), [range(0, 7), "+7", range(8, 16)]),
    "remove the first, where speakers were first quoted": (range(0, 16), [range(1, 16)]),
    "everything new": (range(0, 4), ["+4", "+5", "+6"]),
    "remove everything": (range(0, 6), []),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_merged_index_is_the_index_of_its_articles(
    case: tuple[range, list[range | str]],
) -> None:
    records = list(_records())
    before, layout = case
    old = _fresh([records[i] for i in before])
    items: list[range | list[tuple[Article, tuple[Quotation, ...]]]] = []
    now: list[tuple[Article, tuple[Quotation, ...]]] = []
    for item in layout:
        if isinstance(item, range):
            items.append(item)
            now.extend(records[before[i]] for i in item)
        else:
            record = records[int(item[1:])]
            if items and isinstance(items[-1], list):
                items[-1].append(record)
            else:
                items.append([record])
            now.append(record)
    merged, fresh = merged_index(old, items), _fresh(now)

    assert [a.id for a in merged.articles] == [a.id for a in fresh.articles]
    assert [merged.quotations[i] for i in range(len(merged.quotations))] == list(fresh.quotations)
    for name, values in fresh.tables.arrays().items():
        np.testing.assert_array_equal(merged.tables.arrays()[name], values, err_msg=name)
    assert [(e.speaker, e.name_keys, e.role_keys, e.quotations) for e in merged.speakers] == [
        (e.speaker, e.name_keys, e.role_keys, e.quotations) for e in fresh.speakers
    ]
    # The semantic stage: kept quotations keep their vectors, new ones are embedded.
    assert (merged.vectors is None) == (fresh.vectors is None)
    if fresh.vectors is not None and merged.vectors is not None:
        np.testing.assert_array_equal(merged.vectors.codes, fresh.vectors.codes)
        np.testing.assert_allclose(merged.vectors.scales, fresh.vectors.scales, rtol=1e-6)
    words = sorted({w for a, _ in now for w in tokenize(a.text)})[::7]
    for query in [[w] for w in words[:40]] + [words[i : i + 4] for i in range(0, 40, 4)]:
        for ours, theirs in (
            (merged.passage_engine, fresh.passage_engine),
            (merged.quotation_engine, fresh.quotation_engine),
        ):
            np.testing.assert_array_equal(ours.scores(query), theirs.scores(query))
            assert ours.top_k(query, 10) == theirs.top_k(query, 10)
    for question in QUESTIONS:
        asked = parse_question(question)
        assert answer_json(Answerer(merged).answer(asked)) == answer_json(
            Answerer(fresh).answer(asked)
        ), question
