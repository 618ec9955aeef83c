"""Names and descriptions set off around a noun phrase (bot.attribution.appositions): a body's
name in apposition after a description, a name after a description ending in a place."""

from __future__ import annotations

import pytest

from .helpers import by_text, quotes

# A description, then "the" and a body's name in apposition: the body's name speaks.
BODY_IN_APPOSITION = [
    ("Fees rose.\n\nThe nurses' union, the Harbor Nursing Association, said: “Wards are "
     "short of staff.”", "Wards are", "Harbor Nursing Association"),
    ("Fees rose.\n\nThe regulator, the Kessler Valley Water Board, said the rise was “fair "
     "and overdue.”", "fair and", "Kessler Valley Water Board"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BODY_IN_APPOSITION)
def test_a_body_named_in_apposition_speaks(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A description ending in a place's name ("The mayor of Saint-Aubert"), then the name in
# apposition: the name speaks, the description is the role.
def test_a_description_of_a_place_then_the_name() -> None:
    body = ("The ward will close at night.\n\nThe mayor of Saint-Aubert, Jean-Luc Gagnon, called "
            "the closure “unacceptable”.")
    q = by_text(quotes(body), "unacceptable")
    assert (q.speaker.name, q.speaker.role) == ("Jean-Luc Gagnon", "mayor of Saint-Aubert")


# A description, then the name with the body the person is of, in commas: the name speaks.
NAME_OF_BODY = [
    ("The ruling came on Friday.\n\nHer lawyer, Daniel Okonkwo of the Civic Liberties Project, "
     "called the ruling “a clear statement that teachers are citizens too.”", "a clear",
     "Daniel Okonkwo"),
    ("The plan was approved.\n\nThe group's director, Ana Ruiz of Tucson, said the plan was "
     "“a start, nothing more.”", "a start", "Ana Ruiz"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), NAME_OF_BODY)
def test_a_name_of_a_body_after_a_description(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker
