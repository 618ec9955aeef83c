"""A speaker's statements by the date they were said, newest first, in ranges and pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.service import Whosaid
from bot.timeline import parse_timeline
from bot.timeline.dates import find_range

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "timeline_corpus"


@pytest.fixture(scope="module")
def whosaid() -> Whosaid:
    return Whosaid.load(CORPUS, limit=10)


def first_words(whosaid: Whosaid, question: str, offset: int = 0, limit: int = 10) -> list[str]:
    page = whosaid.timeline(question, offset, limit)
    assert page is not None
    return [" ".join(r.quotation.text.split()[:3]) for r in page.answer.results if r.quotation]


def test_statements_come_newest_first_by_the_date_said_not_the_article_date(
    whosaid: Whosaid,
) -> None:
    # "will not wait" was said on Jan. 5 but published on March 10: it comes third.
    assert first_words(whosaid, "What has Helen Park said?") == [
        "a promise kept",
        "This money means",
        "will not wait",
        "We owe the",
        "only move the",
        "every option costs",
        "The seawall failed",
    ]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "What has Park said about the seawall?",
            ["This money means", "will not wait", "The seawall failed"],
        ),
        ("Park on the seawall since 2025", ["This money means", "will not wait"]),
        ("what did Park say in January", ["will not wait"]),  # the latest January
        (
            "what did Mayor Park say in December 2024?",
            ["We owe the", "only move the", "every option costs"],
        ),
        ("what did Park say before December 2024", ["The seawall failed"]),
        (
            "what did Park say between 2025-01-01 and 2025-02-28",
            ["This money means", "will not wait"],
        ),
        ("what did Park say on Feb. 1, 2025", ["This money means"]),
    ],
)
def test_topics_and_explicit_dates_restrict_the_statements(
    whosaid: Whosaid, question: str, expected: list[str]
) -> None:
    assert first_words(whosaid, question) == expected


def test_pages_follow_each_other_without_gaps_or_repeats(whosaid: Whosaid) -> None:
    everything = first_words(whosaid, "What has Helen Park said?")
    first = whosaid.timeline("What has Helen Park said?", 0, 3)
    second = whosaid.timeline("What has Helen Park said?", 3, 3)
    last = whosaid.timeline("What has Helen Park said?", 6, 3)
    assert first is not None and second is not None and last is not None
    assert (first.next_offset, second.next_offset, last.next_offset) == (3, 6, None)
    shown = [
        " ".join(r.quotation.text.split()[:3])
        for page in (first, second, last)
        for r in page.answer.results
        if r.quotation
    ]
    assert shown == everything


def test_each_result_is_the_published_words_with_their_statement_date(whosaid: Whosaid) -> None:
    page = whosaid.timeline("what did Park say in January")
    assert page is not None
    (result,) = page.answer.results
    q = result.quotation
    assert q is not None and q.when is not None and q.when.date == "2025-01-05"
    assert result.article.text[q.start : q.end] == q.text
    assert result.excerpt == result.article.text[result.source.start : result.source.end]
    assert "in January" in (page.answer.notice or "")


def test_an_empty_range_says_so_and_other_questions_are_not_timelines(whosaid: Whosaid) -> None:
    page = whosaid.timeline("what did Park say in 2023")
    assert page is not None and page.answer.results == ()
    assert page.answer.notice == "No quotation from Helen Park in 2023 in the corpus."
    assert whosaid.timeline("Nobody Known on the seawall") is None  # an unknown speaker
    assert parse_timeline("what did Park say about the seawall?") is None  # ranked as before
    assert parse_timeline("who said “seawall”") is None


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("since 2024", "2024-01-01", None),
        ("after 2024", "2025-01-01", None),
        ("before March 2025", None, "2025-02-28"),
        ("in January", "2025-01-01", "2025-01-31"),  # the latest January up to 2025-03-10
        ("in December", "2024-12-01", "2024-12-31"),
        ("in Sept. 2024", "2024-09-01", "2024-09-30"),
        ("on Jan. 5, 2025", "2025-01-05", "2025-01-05"),
        ("from 2023 to 2024", "2023-01-01", "2024-12-31"),
        ("during 2024-02", "2024-02-01", "2024-02-29"),
    ],
)
def test_date_words_become_ranges(words: str, start: str | None, end: str | None) -> None:
    found = find_range(f"what did Park say {words}", "2025-03-10")
    assert found is not None and (found.start, found.end) == (start, end)
    # A statement dated only "2024" can fall in the range if the year meets it.
    meets = (start is None or start <= "2024-12-31") and (end is None or end >= "2024-01-01")
    assert found.holds("2024") is meets


def test_the_notice_echoes_the_topic_as_asked_not_its_stems(whosaid: Whosaid) -> None:
    page = whosaid.timeline("what has Park said about the seawalls?")
    assert page is not None
    assert "about “seawalls”" in (page.answer.notice or "")
