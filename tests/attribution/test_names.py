"""Name patterns: what is a name, a surname, an organisation."""

from __future__ import annotations

import pytest

from .helpers import by_text, quotes

MONTH_NAMES = [
    # A surname that is also a month: "Alma May".
    ("“We will deliver,” Prime Minister Alma May declared.", "We will deliver", "May"),
    ("Prime Minister Alma May spoke in Leeds.\n\n“We will deliver,” May said.",
     "We will deliver", "May"),
    ("“Rules are rules,” said Alma May.", "Rules are", "May"),
    # A surname that is also a title, after an initial or a first name.
    ("“It is not easy,” said Representative Walter J. King of Ohio, who backs the bill.",
     "It is not easy", "King"),
    ("“We are ready,” said Ruth Bishop of the parish council.", "We are ready", "Bishop"),
    # …but "In May" stays a month.
    ("In May Trump Tower staff said the lobby was “a total disaster.”", "a total",
     "staff"),
]


# "Del." (a state delegate) is a title before a name, as "Sen." and "Rep." are.
DELEGATES = [
    ("“We will fix the roads,” said Del. Ana Ruiz (D-Howard), the sponsor. “It is overdue.”",
     "It is overdue", "Ana Ruiz"),
    ("“It costs too much,” said Del. Tom Baird (R-Carroll).", "It costs", "Tom Baird"),
    ("Del. Tom Baird said the bill was “a tax by another name.”", "a tax", "Tom Baird"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), DELEGATES)
def test_delegate_is_a_title(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.role) == (speaker, "Del.")


@pytest.mark.parametrize(("body", "quote", "speaker"), MONTH_NAMES)
def test_month_surnames(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


def test_in_may_is_a_time() -> None:
    q = by_text(quotes("In May Jo Rand said the plan was “a total disaster.”",
                       published="2025-08-01"), "a total")
    assert q.speaker.name == "Jo Rand"
    assert q.when is not None and q.when.date == "2025-05"


def test_contractions_are_not_names() -> None:
    found = quotes("I'm too young to recall Mayor Jo Carter going on TV, declaring a "
                   "“total war” on litter and waste.")
    assert all(q.speaker.name not in ("I'm", "I’m") for q in found)


def test_names_beyond_ascii() -> None:
    found = quotes(
        "Émilie Durand, a French diplomat, arrived on Monday.\n\n“Yes,” Durand said.\n\n"
        "Polish Foreign Minister Radosław Sikorski agreed. “Always,” Sikorski said."
    )
    assert by_text(found, "Yes").speaker.name == "Émilie Durand"
    assert by_text(found, "Always").speaker.name == "Radosław Sikorski"


def test_surname_with_honorific_is_a_person() -> None:
    found = quotes("Ms. Alvarez, 34, runs a bakery on Main Street. “Business is slow,” she says.")
    assert by_text(found, "Business").speaker.name == "Alvarez"


# A given name is never a role, even when the article also uses it as a common word.
GIVEN_NAMES_NOT_ROLES = [
    ("The city will sell the dock. Former Mayor Will Brandt said the sale “will ruin the "
     "harbor.”\n\nHis daughter, council member Elise Brandt, disagreed.", "will ruin",
     ("Will Brandt", "Former Mayor")),
    ("Nobody can mark the day yet. Coach Mark Ellery said the team was “ready to play.”",
     "ready to", ("Mark Ellery", "Coach")),
]


@pytest.mark.parametrize(("body", "quote", "expected"), GIVEN_NAMES_NOT_ROLES)
def test_a_given_name_is_never_a_role(body: str, quote: str, expected: tuple[str, str]) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.role) == expected


@pytest.mark.parametrize("word", ["Said", "Says", "Told"])
def test_a_capitalised_speech_verb_is_no_given_name(word: str) -> None:
    # "Brandt Said" in a headline-style line: the verb, not a name ("Said" is a given name
    # in gender-guesser's list).
    from bot.attribution.names import _given

    assert not _given(word)


# Letters after a name for an office or an honour are no part of the name.
POST_NOMINAL = [
    ("Housing spokeswoman Maeve Corr TD said rents were “at record levels”.", "Maeve Corr"),
    ("“This is wrong,” said Anita Rowe MP, who chairs the committee.", "Anita Rowe"),
    ("Barrister Tom Vane KC said the ruling was “a landmark”.", "Tom Vane"),
]


@pytest.mark.parametrize(("body", "speaker"), POST_NOMINAL)
def test_post_nominal_letters_are_not_the_name(body: str, speaker: str) -> None:
    assert quotes(body)[0].speaker.name == speaker


# A chamber of commerce is a body, with the rest of its name.
def test_a_chamber_of_commerce_is_an_organisation() -> None:
    found = quotes("The Dunmore Chamber of Commerce said the tax gap was “a real concern for "
                   "recruitment”.")
    assert found[0].speaker.name == "the Dunmore Chamber of Commerce"


# A Gulf name with a patronymic ("bin", "bint") is one person, introduced with a title and
# later called by the title and given name.
@pytest.mark.parametrize(
    ("later", "speaker"),
    [
        ("Sheikh Mansour said", "Mansour bin Khalid Al Dhaheri"),
        ("said Sheikh Mansour", "Mansour bin Khalid Al Dhaheri"),
    ],
)
def test_a_name_with_a_patronymic(later: str, speaker: str) -> None:
    body = ("Sheikh Mansour bin Khalid Al Dhaheri, chairman of the port authority, opened the "
            f"new terminal on Monday.\n\n“Trade will double within five years,” {later}.")
    assert by_text(quotes(body), "Trade will").speaker.name == speaker


# An initial before the given name after a role belongs to the name ("Local MLA Y. Rama
# Rao"), also after a role of two words the lexicon does not know.
INITIAL_AFTER_ROLE = [
    ("“Officials who let this happen must be suspended,” said Local MLA Y. Rama Rao.",
     "Officials", "Y. Rama Rao", "Local MLA"),
    ("District Collector P. Lakshmi Prasanna visited the village. “No one will be left out,” "
     "she said.", "No one", "P. Lakshmi Prasanna", "District Collector"),
]


@pytest.mark.parametrize(("body", "quote", "speaker", "role"), INITIAL_AFTER_ROLE)
def test_an_initial_after_a_role_is_part_of_the_name(
    body: str, quote: str, speaker: str, role: str
) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.role) == (speaker, role)


# "Adv." (an advocate, in South African and Indian courts) is a title, not a sentence's end:
# the quotation after it is found and given to the advocate.
ADVOCATES = [
    ("The prosecutor, Adv. Zodwa Mthembu, told the court the evidence was “overwhelming.”",
     "overwhelming", "Zodwa Mthembu"),
    ("Senior counsel for the State, Adv. Zodwa Mthembu, called the defence “a fairy tale.”",
     "a fairy tale", "Zodwa Mthembu"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), ADVOCATES)
def test_advocate_is_a_title(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker
