"""Media: the channel or occasion of a statement, after its verb or leading its sentence."""

from __future__ import annotations

import pytest

from .helpers import by_text, quotes


def test_medium_and_place() -> None:
    found = quotes(
        "“I just had a productive call,” President Donald Trump wrote on Truth Social.\n\n"
        "“I’m confident,” Zelensky told reporters in Kyiv."
    )
    assert by_text(found, "I just").medium == "on Truth Social"
    assert by_text(found, "I’m").medium == "in Kyiv"
    assert by_text(found, "I’m").cue == "told reporters"


# (article text, quotation's first words, the medium as written)
MEDIA = [
    # A channel named after the utterance: "in a post on X", "in an interview with CNN".
    ("Rep. Ana Ortiz wrote in a post on X that the plan was “a giveaway to the rich.”",
     "a giveaway", "in a post on X"),
    ("“We will not fold,” Gov. Ray Lind said in an interview with CNN on Sunday.",
     "We will not", "in an interview with CNN"),
    # A place after the occasion; a time after the channel is not part of it.
    ("“Every vote counts,” Sen. Jo Park said at a rally in Erie last week.", "Every vote",
     "at a rally in Erie"),
    ("Elon Marsh posted on X late Sunday: “The people voted for reform.”", "The people",
     "on X"),
    ("“It is over,” Dana Holt said at a conference in February.", "It is over",
     "at a conference"),
    # Time phrases with no channel give none; a channel whose words hold a time keeps it.
    ("“We start now,” Mayor Tess Aldo said in the early morning hours.", "We start", None),
    ("Sen. Mia Roth said in an early morning tweet that the vote was “a disgrace.”",
     "a disgrace", "in an early morning tweet"),
    # The channel or occasion leading the sentence, right before the speaker.
    ("In a statement, the European Commission said it “regrets” the decision.", "regrets",
     "In a statement"),
    ("Speaking at a rally in Erie last week, Sen. Jo Park said the race was “about the "
     "future.”", "about the future", "at a rally in Erie"),
    ("During his seven years in office, Mayor Tess Aldo said the city was “on the mend.”",
     "on the mend", None),
]


@pytest.mark.parametrize(("body", "quote", "medium"), MEDIA)
def test_medium(body: str, quote: str, medium: str | None) -> None:
    assert by_text(quotes(body), quote).medium == medium
