"""An organisation the article spells out before its letters is shown by its name when a
description ("the agency") stands for it. Our own text."""

from __future__ import annotations

import pytest

from tests.attribution.helpers import by_text, quotes

SPELLED_OUT = [
    (
        "Drivers rallied outside the Land Transport Franchising Authority (LTFA) on Monday.\n\n"
        'The LTFA said it had cleared 12,000 applications. "We acknowledge the backlog," the '
        "agency said.",
        "We acknowledge",
        "Land Transport Franchising Authority",
    ),
    (
        "The Meridian Bus Company (MBC) raised fares.\n\nThe MBC blamed "
        'fuel. "Prices had been frozen for six years," the company said.',
        "Prices",
        "Meridian Bus Company",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), SPELLED_OUT)
def test_a_description_of_an_acronym_shows_the_name(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker
