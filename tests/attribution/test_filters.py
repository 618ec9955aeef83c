"""Quoted words that are not quotations: titles, nicknames, scare quotes, subheadings."""

from __future__ import annotations

import pytest

from .helpers import by_text, quotes


@pytest.mark.parametrize(
    "body",
    ["The program “Cities of Tomorrow” airs on Sundays.",
     "He called it a so-called “efficiency plan” in the memo.",
     "She wrote the report “Roads to Nowhere” last year."],
)
def test_titles_after_work_nouns_stay_out(body: str) -> None:
    assert quotes(body) == []


@pytest.mark.parametrize(
    "body",
    ["Mayor Jo Hale watches “Harbor Nights,” whose first season ended in May.",
     "Mayor Jo Hale said she loves “Tide Line,” on Channel 4, more than any show.",
     "Mayor Jo Hale said she is taking over the role at “Harbor Weekly Tonight.”",
     "Mayor Jo Hale said she backed the station on CBS' “Harbor Weekly Tonight.”"],
)
def test_titles_set_off_or_after_a_channel_stay_out(body: str) -> None:
    assert quotes(body) == []


def test_titles_listed_after_a_title_stay_out() -> None:
    body = ("Howard, who had roles in the film “Tide Pools,” “Harbor 9,” and “Lowland Nights,” "
            "spoke for the mayor. Mayor Jo Hale said, “It was the best thing I ever did.”")
    assert [q.text for q in quotes(body)] == ["It was the best thing I ever did."]


def test_single_quoted_subheading_is_not_a_quotation() -> None:
    body = ("“We are closing the plant,” said Carol Bigby, the manager.\n\n"
            "“It was not an easy call,” she said.\n\n"
            "'A really tough decision.'\n\n"
            "Workers gathered outside on Friday.")
    found = quotes(body)
    assert [q.text for q in found if q.text.startswith("A really")] == []
    assert by_text(found, "It was not").speaker.name == "Carol Bigby"


def test_single_quoted_paragraph_stays_in_british_style() -> None:
    body = ("‘We are closing the plant,’ said Carol Bigby, the manager.\n\n"
            "‘It was not an easy call,’ she said.\n\n"
            "‘A really tough decision.’")
    assert any(q.text.startswith("A really") for q in quotes(body))


@pytest.mark.parametrize(
    "body",
    [
        "The documentary “Loom and Ledger” opened Friday.",
        "She wrote a book, “Threads of Hartwell,” published this spring.",
        "The mill's so-called “efficiency plan” cut two shifts.",
        "Former loom operator Frank “Sonny” DeLuca, 81, appears in the film.",
        "The owner, a man people call “the Colonel,” declined to comment.",
        "Protesters wore stickers that read “No Blank Checks.”",
        "The senator spoke on KTVA's “Meet the Region.”",
        "She made the case in an interview with “Harbor Radio Tonight.”",
        "He returns to the stage with his celebrated concert, “Boats, Boats, Boats.”",
        "Shops stock a collection from the illustrator Nina Calder called “Oops!: 20 Years of "
        "Ferry Cartoons.”",
        "Chatwin was the founder of “Farmers for Lindqvist 2012.”",
    ],
)
def test_titles_nicknames_and_scare_quotes_are_not_quotations(body: str) -> None:
    assert quotes(body) == []


# A programme or show named after "told" and before a colon introduces what was said there;
# right before a quotation without the colon it is a title.
TOLD_A_PROGRAMME = [
    ("Tom Ellery told BBC Radio 4's Today programme: “We simply ran out of time.”",
     "We simply", "Tom Ellery"),
    ("Priya Shah told the breakfast show: “The figures are worse than we feared.”",
     "The figures", "Priya Shah"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), TOLD_A_PROGRAMME)
def test_told_a_programme_colon_is_speech(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_a_programme_named_right_before_the_quotation_is_a_title() -> None:
    found = quotes("She presented the programme “Wild Coasts of Home” for a decade.")
    assert not [q for q in found if q.text.startswith("Wild Coasts")]


# A work named just before a quoted title set off by commas: its title, in any language
# or casing, is not speech.
@pytest.mark.parametrize(
    "body",
    [
        'She wrote a short memoir of the strike, "Onze jours en novembre," which sold well.',
        'Their second album, "canciones para la lluvia," whose cover he drew, flopped.',
    ],
)
def test_a_title_after_a_work_noun(body: str) -> None:
    assert quotes(body) == []
