"""The article's people: namesakes told apart, first names and short forms."""

from __future__ import annotations

import pytest

from .helpers import by_text, quotes

FAMILY = (
    "Former Mayor Carl Brandt opened the hearing on the harbor plan on Monday.\n\n"
    "His daughter, council member Elise Brandt, chairs the planning committee.\n\n"
)

# (article, quotation's first words, expected speaker or None for "cannot tell")
NAMESAKES = [
    (FAMILY + "“We cannot wait,” Ms. Brandt said.", "We cannot wait", "Elise Brandt"),
    (FAMILY + "“We cannot wait,” Mr. Brandt said.", "We cannot wait", "Carl Brandt"),
    (FAMILY + "“We cannot wait,” Mayor Brandt said.", "We cannot wait", "Carl Brandt"),
    # The passage is about one of them: its own paragraph names her in full.
    (FAMILY + "Elise Brandt wants a vote this month. “We cannot wait,” Brandt said.",
     "We cannot wait", "Elise Brandt"),
    (FAMILY + "Carl Brandt wants a vote this month. “We cannot wait,” Brandt said.",
     "We cannot wait", "Carl Brandt"),
    # Both named in the paragraph: a bare surname cannot tell them apart.
    ("Carl Brandt and his daughter Elise Brandt both spoke at the hearing. “We cannot wait,” "
     "Brandt said.", "We cannot wait", None),
    # Full names with a title before them: two people, and a given name is never a role.
    (FAMILY + "“The plan is a gift to developers,” said Former Mayor Carl Brandt.",
     "The plan is", "Carl Brandt"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), NAMESAKES)
def test_namesakes(body: str, quote: str, speaker: str | None) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_a_titled_namesake_keeps_the_title_as_role() -> None:
    q = by_text(quotes(FAMILY + "Former Mayor Carl Brandt said the plan was “a gift to "
                       "developers.”"), "a gift")
    assert (q.speaker.name, q.speaker.role) == ("Carl Brandt", "Former Mayor")


# First names and short forms for a person named in full before.
SHORT_FORMS = [
    ("Ana Ortiz won the regional science prize this year.\n\nAna, 21, admitted the prize "
     "“came at a cost to her studies.”", "came at a cost", "Ana Ortiz"),
    ("Ana Ortiz won the regional science prize this year.\n\n“It was hard,” Ms Ortiz said.",
     "It was hard", "Ana Ortiz"),
    ("Ana Ortiz won the regional science prize this year.\n\n“It was hard,” Dr. Ortiz said.",
     "It was hard", "Ana Ortiz"),
    ("Tomas Keller drives the night bus.\n\n“Nobody thanks us,” Tomas said.", "Nobody thanks",
     "Tomas Keller"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), SHORT_FORMS)
def test_first_names_and_short_forms(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker
