"""Statement times resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from bot.attribution.timephrases import TimeIndex, find_time, publication_when

WED_2025_02_12 = date(2025, 2, 12)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Sunday", "2025-02-09"),
        ("on Wednesday", "2025-02-12"),  # the day of publication itself
        ("Tuesday night", "2025-02-11"),
        ("last month", "2025-01"),
        ("in November", "2024-11"),
        ("last June", "2024-06"),
        ("In January", "2025-01"),
        ("in February", "2025-02"),
        ("last February", "2024-02"),
        ("in July 2018", "2018-07"),
        ("in 2017", "2017"),
        ("last year", "2024"),
        ("yesterday", "2025-02-11"),
        ("on Jan. 20", "2025-01-20"),
        ("on March 3", "2024-03-03"),  # a date after publication is last year's
        ("on Feb. 9, 2023", "2023-02-09"),
        ("three days ago", "2025-02-09"),
        ("two months ago", "2024-12"),
    ],
)
def test_resolves_against_publication(phrase: str, expected: str) -> None:
    text = f"He said {phrase} that it was over."
    when = find_time(text, 0, len(text), WED_2025_02_12)
    assert when is not None
    assert when.phrase == phrase
    assert when.date == expected
    assert not when.from_publication
    assert TimeIndex(text, WED_2025_02_12).find(0, len(text)) == when


@pytest.mark.parametrize(
    "text",
    ["He may say more.", "They will march on.", "He said it was over.", "since 2019"],
)
def test_not_time_phrases(text: str) -> None:
    assert find_time(text, 0, len(text), WED_2025_02_12) is None


def test_no_phrase_means_publication_date() -> None:
    when = publication_when(WED_2025_02_12)
    assert when is not None and when.from_publication and when.date == "2025-02-12"
    assert when.phrase is None
    assert publication_when(None) is None


def test_relative_phrase_without_publication_date_is_unknown() -> None:
    assert find_time("on Sunday", 0, 9, None) is None
    when = find_time("in July 2018", 0, 12, None)
    assert when is not None and when.date == "2018-07"
