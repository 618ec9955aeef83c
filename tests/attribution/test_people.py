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
    # An abbreviated title tells them apart as the spelled title does ("Del." is not "Sen.").
    ("“We will fix the roads,” said Del. Ana Ruiz (D-Howard), the sponsor.\n\nU.S. Sen. Mia "
     "Ruiz (D-Md.), her cousin, backed a federal cap.\n\nDel. Ruiz disagreed. “It is not,” she "
     "said.", "It is not", "Ana Ruiz"),
    ("Del. Ana Ruiz (D-Howard) wrote the bill.\n\nU.S. Sen. Mia Ruiz (D-Md.), her cousin, "
     "backed a federal cap.\n\n“We will see,” Sen. Ruiz said.", "We will see", "Mia Ruiz"),
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


# The opening words of a full name, ending in a given name, are that person ("Mian Tariq"
# after "Mian Tariq Javed"; "Alhaji Musa" after "Alhaji Musa Bello", an honorific); a
# full name that opens a programme's name stays the person's own.
OPENING_WORDS = [
    ("Mian Tariq Javed heads the traders' guild.\n\n“Rents have doubled,” Mian Tariq said.",
     "Rents have", "Mian Tariq Javed"),
    ("Alhaji Musa Bello chairs the market board.\n\n“We will reopen on Friday,” Alhaji Musa "
     "told reporters.", "We will reopen", "Musa Bello"),
    ("The Rafe Dorn Hour airs nightly.\n\nRafe Dorn hosts it. “Ratings are up,” Rafe Dorn said.",
     "Ratings are", "Rafe Dorn"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), OPENING_WORDS)
def test_the_opening_words_of_a_full_name_are_its_bearer(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A quoted nickname inside a name ("Vernon “Tank” Rollock") leaves one person, so a later
# "Rollock said" is him and not his brother introduced after.
def test_a_nickname_inside_a_name_keeps_the_person() -> None:
    body = (
        "Prime minister Vernon “Tank” Rollock conceded defeat. “The people have made their "
        "choice,” Rollock said.\n\nHis brother, Deputy Prime Minister Clive Rollock, lost "
        "his seat. “We will ask for a recount,” Clive Rollock said."
    )
    found = quotes(body)
    assert by_text(found, "The people").speaker.name == "Vernon Rollock"
    assert by_text(found, "We will ask").speaker.name == "Clive Rollock"
    assert not any(q.text == "Tank" for q in found)


# Malaysian titles and police or legal ranks are no part of the name, so the given name
# alone later finds the person ("Rahimah said" after "Datuk Seri Rahimah Osman").
SOUTH_EAST_ASIAN_TITLES = [
    ("Its minister, Datuk Seri Rahimah Osman, visited the site.\n\nRahimah said the "
     "payments would resume. “Give us two weeks,” she said.", "Give us", "Rahimah Osman"),
    ("The fire started at 2am. ASP Moses Kato said arson was possible. “We rule nothing "
     "out,” ASP Kato said.", "We rule", "Moses Kato"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), SOUTH_EAST_ASIAN_TITLES)
def test_titles_of_other_countries_are_not_names(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "dela Cruz": a lower-case particle belongs to the surname, also after a quoted nickname,
# so father and son stay two people with the whole surname.
def test_a_surname_particle_after_a_nickname_keeps_the_whole_name() -> None:
    body = ("Senator Ramon “Monching” dela Cruz filed a resolution. “That is not a coincidence,” "
            "dela Cruz said.\n\nHis son, Representative Paolo dela Cruz, filed one too. “We will "
            "follow the money,” the younger dela Cruz wrote.")
    found = quotes(body)
    assert by_text(found, "That is not").speaker.name == "Ramon dela Cruz"
    assert by_text(found, "We will follow").speaker.name == "Paolo dela Cruz"


# "Cde" (comrade) is a title; "Al" opening a family name keeps the given name before it.
TITLES_AND_AL = [
    ("Taps ran dry.\n\nWard 9 councillor Cde Rudo Chikwanha visited the wells. “We are sitting "
     "on a time bomb,” Cde Chikwanha warned.", "We are sitting", "Rudo Chikwanha"),
    ("Screening began.\n\n“Early detection saves lives,” Dr Hessa Al Mansoori, a director at "
     "the ministry, told reporters.", "Early detection", "Hessa Al Mansoori"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), TITLES_AND_AL)
def test_comrade_and_al_names(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Irish and French names: "Cllr Ní Bhriain" is "Máire Ní Bhriain" (the closing words of a
# known name), "Name of the Party, said" is the sentence's subject, and a hyphenated given
# name ("Jean-Luc") has its parts' gender, so "she" passes him over.
IRISH_AND_FRENCH = [
    ("Councillor Máire Ní Bhriain opposed the scheme. “Not one footpath,” Cllr Ní Bhriain "
     "said.", "Not one", "Máire Ní Bhriain"),
    ("The developer, Glenmoss Homes, said it was disappointed.\n\nAnother councillor, Padraig "
     "Sullivan of the Republican Left, said the system was broken. “We have lost 300 homes,” "
     "he said.", "We have lost", "Padraig Sullivan"),
    ("Anna Berg runs the clinic. Jean-Luc Tremblay, a nurse, joined it in 2019.\n\n“We never "
     "close,” she said.", "We never", "Anna Berg"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), IRISH_AND_FRENCH)
def test_irish_and_french_names(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_a_hyphenated_nationality_is_no_business_name() -> None:
    # "the Dutch-owned operator": a nationality before the business word is no name, so
    # "the company" is the body the sentence named.
    body = ("Brackwater Mining, the Dutch-owned operator of the quarry, said the spill was small. "
            "“We are cooperating with the inspectors,” the company said.")
    assert by_text(quotes(body), "We are").speaker.name == "Brackwater Mining"


def test_a_first_surname_before_a_namesake_is_introduced() -> None:
    # Spanish double surnames: "Herrera said" means the minister named before, whose name
    # holds the word, not the mayor Herrera introduced later.
    body = ("Health Minister Ana Lucía Herrera Vidal opened the clinic on Monday.\n\n"
            "“Nobody here should travel two hours to see a doctor,” Herrera said.\n\n"
            "The town's mayor, Óscar Herrera, who is not related to the minister, said the "
            "clinic was overdue. “We asked for it ten years ago,” the mayor said.")
    assert by_text(quotes(body), "Nobody here").speaker.name == "Ana Lucía Herrera Vidal"


# Korean names put the family name first: "Kim said" before a second Kim is introduced
# is the first; after it, "Ms. Kim" and "Mr. Kim" tell them apart.
TWO_KIMS = (
    "Bus drivers in Daewon stopped work on Friday, said Kim Jae-won, who leads their "
    "union.\n\nKim said the city owed drivers three months of overtime. “We are tired of "
    "promises,” Kim said.\n\nAmong the strikers was Kim Hae-rin, 29, one of the few women "
    "drivers. She said her shifts ran twelve hours.\n\n“I sleep in the depot,” Ms. Kim "
    "said.\n\nMr. Kim, the union leader, said talks would resume on Monday. “We will be "
    "there,” he said."
)


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [("We are tired", "Kim Jae-won"), ("I sleep", "Kim Hae-rin"), ("We will be", "Kim Jae-won")],
)
def test_two_people_sharing_a_family_name_written_first(quote: str, speaker: str) -> None:
    assert by_text(quotes(TWO_KIMS), quote).speaker.name == speaker
