"""Names written as Asian English-language papers write them: courtesy titles ("Madam",
"Tan Sri", "Datuk"), surname-first names ("Mr Ong" for Ong Kah Seng) and short forms made
of a name's first words ("Ahmad Faizal" for Ahmad Faizal Rahim). Our own text throughout."""

from __future__ import annotations

import pytest

from tests.attribution.helpers import by_text, quotes

# Courtesy titles are no part of the name, and "Madam" says the speaker is a woman.
TITLES = [
    (
        'Madam Goh Bee Hoon, 81, lives alone on the ninth floor. "The stairs are too much for '
        'me," she said.',
        "The stairs",
        "Goh Bee Hoon",
    ),
    (
        'Retired judge Tan Sri Wong Kar Fai said the ruling was sound. "The law was applied '
        'correctly," Tan Sri Wong said.',
        "The law",
        "Wong Kar Fai",
    ),
    (
        '"We will rebuild the jetty," said Datuk Seri Hamdan Osman, the state minister.',
        "We will",
        "Hamdan Osman",
    ),
    (
        '"The hearing is set for Monday," said Atty. Lorna Dimaculangan.',
        "The hearing",
        "Lorna Dimaculangan",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), TITLES)
def test_courtesy_titles(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Chinese names put the family name first: "Mr Ong" is Ong Kah Seng, and of two Gohs the
# courtesy title tells which; Malay names are shortened to their first words.
ORDERS = [
    (
        'Lawmaker Chan Tai-man said the fare rise was unfair. "Commuters cannot pay more," '
        "Mr Chan said.",
        "Commuters",
        "Chan Tai-man",
    ),
    (
        'Mr Ong Kah Seng, the MP for the ward, visited on Friday. "This is not acceptable," '
        "said Mr Ong.",
        "This is not",
        "Ong Kah Seng",
    ),
    (
        "Madam Goh Siew Lan, 78, cannot climb the stairs. Her son, Mr Goh Kian Hock, 51, calls "
        'the hotline daily. "They always say next month," Mr Goh said.\n\nMadam Goh keeps a '
        'stool on every landing. "I rest on each floor," she said.',
        "They always",
        "Goh Kian Hock",
    ),
    (
        "Madam Goh Siew Lan, 78, cannot climb the stairs. Her son, Mr Goh Kian Hock, 51, calls "
        'the hotline daily. "They always say next month," Mr Goh said.\n\nMadam Goh keeps a '
        'stool on every landing. "I rest on each floor," she said.',
        "I rest",
        "Goh Siew Lan",
    ),
    (
        'State councillor Datuk Ahmad Faizal Rahim visited the site. "Supplies will be flown '
        'in," Ahmad Faizal told reporters.',
        "Supplies",
        "Ahmad Faizal Rahim",
    ),
    (
        "Rubber tapper Siti Aminah Yusof, 43, has not sold her latex for a week.\n\nSiti Aminah "
        'said she would wait. "This is our land," she said.',
        "This is our",
        "Aminah Yusof",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), ORDERS)
def test_other_name_orders(body: str, quote: str, speaker: str) -> None:
    # ("Siti" is read as a title of "Aminah Yusof": the person is still the one named.)
    name = by_text(quotes(body), quote).speaker.name
    assert name is not None and name.endswith(speaker)


# A nickname in quotation marks inside a name leaves one person, not two halves.
NICKNAMES = [
    (
        '"That is not true," said union president Danilo "Danny" Cruz.\n\nCruz, 56, has driven '
        'the route for 28 years. "If I stop, we stop eating," he said.',
        "That is not",
        "Danilo Cruz",
    ),
    ('"We will win the appeal," Robert "Bobby" Lang said.', "We will", "Robert Lang"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), NICKNAMES)
def test_a_nickname_inside_a_name(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "the senator" is the person the article titled "Sen.", not the man named last.
ABBREVIATED_OFFICES = [
    (
        "Sen. Teresita Ocampo filed the resolution.\n\nAgency chairman Ramon Villareal blamed "
        'missing papers.\n\nAsked if she would summon Villareal, the senator said: "Everyone '
        'will be invited."',
        "Everyone",
        "Teresita Ocampo",
    ),
    (
        "Sgt. Dana Pike spoke to reporters on Sunday.\n\nThe store's owner, Harjit Sandhu, "
        'wants better lighting.\n\n"We will find who did this," the sergeant said.',
        "We will",
        "Dana Pike",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), ABBREVIATED_OFFICES)
def test_the_office_of_an_abbreviated_title(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Two particles inside a name ("de la", "van der", "de los") keep it one name.
PARTICLES = [
    (
        '"We will appeal," said Rodrigo de la Cruz, a lawyer for the family.',
        "We will",
        "Rodrigo de la Cruz",
    ),
    ('Anneke van der Berg, 33, was blunt. "I am done," she said.', "I am", "Anneke van der Berg"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), PARTICLES)
def test_two_particles_in_a_name(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Indian and Nigerian honorifics are no part of the name, and say who "he"/"she" is.
HONORIFICS_ELSEWHERE = [
    (
        'Chief Olu Adebayo disagreed. "Safety first," Chief Adebayo said.\n\nShri Ramesh '
        'Gupta, 70, a farmer, said he had lost his crop. "Everything is gone," he said.',
        "Everything",
        "Ramesh Gupta",
    ),
    (
        'Smt. Lakshmi Iyer visited the camp. "Relief is ready," she said.',
        "Relief",
        "Lakshmi Iyer",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), HONORIFICS_ELSEWHERE)
def test_honorifics_elsewhere(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name == speaker and q.speaker.role is None


# Kin are called by their first name later, even one no name list knows.
KIN_FIRST_NAMES = [
    (
        'Her husband, Razak Yusof, said families walked for hours. "What choice do we '
        'have?" Razak said.',
        "What choice",
        "Razak Yusof",
    ),
    (
        'Vendor Lina Haddad, 50, sells bread. Her son, Tavita Haddad, helps. "We start at '
        'five," Tavita said.',
        "We start",
        "Tavita Haddad",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), KIN_FIRST_NAMES)
def test_kin_by_first_name(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker
