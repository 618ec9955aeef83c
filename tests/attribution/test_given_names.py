"""Given names from a general resource (gender-guesser), not a list of our own."""

from __future__ import annotations

import pytest

from bot.attribution.given_names import gender, is_given_name, name_titles

from .helpers import by_text, quotes

# (article text, quotation's first words, expected speaker): the pronoun finds the one
# person whose given name fits, with names no hand-kept list of ours ever held.
PRONOUNS = [
    ("Ximena Ortiz won the regional prize. Tobias Lund came second.\n\n"
     "“It was a hard year,” she said.", "It was a hard", "Ximena Ortiz"),
    ("Ximena Ortiz won the regional prize. Tobias Lund came second.\n\n"
     "“It was a hard year,” he said.", "It was a hard", "Tobias Lund"),
    ("Ingeborg Vass chairs the board. Radek Novak keeps its books.\n\n"
     "“The figures are sound,” she said.", "The figures", "Ingeborg Vass"),
    # A name borne by men and women alike refuses no pronoun, and is still a person.
    ("Kim Ostrander runs the ferry line.\n\n“We sail at six,” he said.", "We sail",
     "Kim Ostrander"),
    ("Ashley Yarrow, 33, works in a shop. Tom Reyes runs it.\n\n“I still have loans,” she "
     "said.", "I still have", "Ashley Yarrow"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), PRONOUNS)
def test_pronouns_follow_given_names(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Ximena", "f"), ("Tobias", "m"), ("Elise", "f"), ("Carl", "m"), ("Kim", ""),
     ("Brandt", ""), ("Harbor", "")],
)
def test_gender_of_a_given_name(word: str, expected: str) -> None:
    assert gender(word) == expected


def test_titles_come_from_nameparser() -> None:
    assert {"dr", "mayor", "archdeacon", "alderman"} <= name_titles()
    assert not is_given_name("Mayor")


# English-language copy: where the resource's overall answer is one sex but its British
# and American bearers lean the other, theirs; where those two disagree, either.
@pytest.mark.parametrize(
    ("word", "expected"),
    [("Jean", "f"), ("Nate", "m"), ("Toni", "f"), ("Laurence", "m"), ("Jordan", "")],
)
def test_gender_as_english_copy_uses_the_name(word: str, expected: str) -> None:
    assert gender(word) == expected
