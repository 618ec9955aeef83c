"""Organisations named again by a short form of their name."""

from __future__ import annotations

import pytest

from .helpers import by_text, quotes

# "the company" / "the statement" is the body the passage is about, named again by its
# first word, not another body named in between (an analyst's firm).
SHORT_NAMES = [
    ("Shares of Pellworth Group fell on Monday.\n\n“Demand is weak,” wrote Ana Ruiz, an "
     "analyst at Drummond Partners, in a note.\n\nPellworth plans to close two mills. The "
     "company said on Tuesday that the cuts were “painful but unavoidable.”", "painful",
     "Pellworth Group"),
    ("Shares of Pellworth Group fell on Monday.\n\n“Demand is weak,” wrote Ana Ruiz, an "
     "analyst at Drummond Partners, in a note.\n\nOne investor said Pellworth had waited too "
     "long. “We will keep our dividend,” the company said.", "We will keep",
     "Pellworth Group"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), SHORT_NAMES)
def test_a_body_named_again_by_its_first_word(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker
