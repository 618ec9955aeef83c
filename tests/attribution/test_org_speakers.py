"""Organisations described rather than named ("the agency", "the airline", "the sheriff's
office") are shown by the name the article gave them, spelled out where it gave letters too.
Our own text."""

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


# "the airline", "the sheriff's office": the body the article named, by its name.
DESCRIBED_BODIES = [
    (
        'Skyward Air cancelled 40 flights on Tuesday. "Safety comes first," the airline said in '
        "a statement.",
        "Safety",
        "Skyward Air",
    ),
    (
        "The Harlow County Sheriff's Office said two men were held. \"Both were taken into "
        "custody without incident,\" the sheriff's office said.",
        "Both were",
        "The Harlow County Sheriff's Office",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), DESCRIBED_BODIES)
def test_a_described_body_is_the_one_named(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "the bank", "the hospital", "the regulator": the business or institution the paragraph
# is about, by the name it gave, or the one whose name holds the word.
BUSINESSES = [
    (
        'Corvell raised its mortgage rates on Monday. "Funding costs have risen," the bank said.',
        "Funding",
        "Corvell",
    ),
    (
        'The boy was taken to St Brendan\'s Hospital in Corrin. "The patient is stable," the '
        "hospital said in a statement.",
        "The patient",
        "St Brendan's Hospital",
    ),
    (
        'Ofreg, the energy regulator, fined the supplier. "Customers were let down," the '
        "regulator said.",
        "Customers",
        "Ofreg",
    ),
    (
        'Norvik Bank reported a loss. "We expect a recovery next year," the lender said.',
        "We expect",
        "Norvik Bank",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BUSINESSES)
def test_a_business_described_by_its_trade(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Church bodies: "the diocese said" is the diocese the article named, whatever the cue.
CHURCH_BODIES = [
    ("Villagers in Dunmore are angry at a decision by the Diocese of Ardmore to sell the "
     "parish hall.\n\nThe diocese said in a statement on Friday that the repairs had left it "
     "\"no other option\".", "no other option", "Diocese of Ardmore"),
    ("Parents protested after the Archdiocese of Port Reyes closed two schools.\n\n"
     "\"We did not take this step lightly,\" the archdiocese said.",
     "We did not", "Archdiocese of Port Reyes"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), CHURCH_BODIES)
def test_a_church_body_speaks_by_its_name(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "the board / club said" with no body of that kind named: the name that spoke "in a
# statement" just before, when it is no person.
STATED_BY_A_NAME = [
    ("The tour ended on Sunday.\n\nHarbour Rowing said in a statement that its coach had "
     "resigned. \"We thank him for ten great years,\" the club said.", "We thank him",
     "Harbour Rowing"),
    ("The Test starts on Friday.\n\nCricket Kenya confirmed in a statement that two players "
     "were injured. \"Both will miss the tour,\" the board said.", "Both will miss",
     "Cricket Kenya"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), STATED_BY_A_NAME)
def test_the_board_is_the_name_that_spoke_in_a_statement(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_a_person_who_spoke_in_a_statement_is_not_the_club() -> None:
    q = by_text(
        quotes("The season ended.\n\nTom Reid said in a statement that he would leave. "
               "\"We wish him well,\" the club said."),
        "We wish him well",
    )
    assert q.speaker.name != "Tom Reid"
