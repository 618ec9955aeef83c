"""Sentence ends and tokens (bot.attribution.text)."""

from __future__ import annotations

import pytest

from .helpers import by_text, quotes

# "a.m.", "p.m." and "etc." end a sentence when a word that opens one follows: the subject
# of the next sentence speaks, not the subject of the sentence with the time in it.
ABBREVIATION_ENDS = [
    ("Officers were called to the house at 2 a.m. A neighbor told officers she heard “a "
     "loud bang.”", "a loud bang", "A neighbor"),
    ("Firefighters were called at 11 p.m. A witness told them she saw “flames through the "
     "roof.”", "flames", "A witness"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), ABBREVIATION_ENDS)
def test_a_time_abbreviation_can_end_a_sentence(body: str, quote: str, speaker: str) -> None:
    name = by_text(quotes(body), quote).speaker.name
    assert name is not None and name.lower() == speaker.lower()


def test_a_time_abbreviation_inside_a_sentence_does_not_end_it() -> None:
    body = "At 6 a.m. Friday, Gov. Ada Lind said the roads were “impassable.”"
    assert by_text(quotes(body), "impassable").speaker.name == "Ada Lind"
