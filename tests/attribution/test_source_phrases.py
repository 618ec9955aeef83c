"""Described sources (bot.attribution.source_phrases) of shapes the word lists did not meet:
an age inside the description, a participle clause set off by commas. Our own text."""

from __future__ import annotations

import pytest

from bot.attribution import SpeakerKind
from tests.attribution.helpers import by_text, quotes

DESCRIBED = [
    (
        "Most pupils found the rule hard. One 15-year-old participant described the first week "
        'as "like losing a limb."',
        "like losing",
        "One 15-year-old participant",
    ),
    (
        "Most pupils found the rule hard. One pupil, quoted anonymously in the report, described "
        'the first week as "like losing a limb."',
        "like losing",
        "One pupil",
    ),
    (
        'Few voters turned out. A farmer, interviewed outside the hall, said: "Nobody told us."',
        "Nobody",
        "A farmer",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), DESCRIBED)
def test_described_source(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.resolved and q.speaker.name == speaker


# "the spokesman" taking up "A spokesman for …" earlier in its paragraph is that unnamed
# person, never the person the article named a paragraph before.
TAKEN_UP = [
    (
        "Legislator Tom Hale said the fare rise was unfair.\n\nA spokesman for the Transport "
        'Department said a review was under way. "We will listen to all views," the spokesman '
        "said.",
        "We will",
        "A spokesman for the Transport Department",
    ),
    (
        "Councillor Ada Reyes wants more lighting.\n\nA woman who lives on the corner heard "
        'five shots. "I got down on the floor," the woman said.',
        "I got down",
        "A woman",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), TAKEN_UP)
def test_the_description_taken_up(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.resolved and q.speaker.name == speaker


# "she" after a described source who spoke without quotation marks is that source, and
# never the company named before ("Halvern Foods said …" reads as a name too).
PRONOUN_AFTER_DESCRIBED = [
    (
        "Halvern Foods said it would close the plant. A spokeswoman for the Riverside Port "
        'Authority said the cranes would be replaced.\n\n"We have ordered four new cranes," '
        "she said.",
        "We have ordered",
        "A spokeswoman for the Riverside Port Authority",
    ),
    (
        "Mayor Ruth Adair wants the road reopened.\n\nA senior engineer at the county said the "
        'slope was unstable. "The ground simply could not hold," he said.',
        "The ground",
        "A senior engineer at the county",
    ),
    # a body of six words after the noun
    (
        "Councillor Dana Whyte praised the plan. A teacher at the old district school in Port "
        "Erran, who asked that her class not be named, said the classes were too big."
        '\n\n"Some days there are forty of them in one room," she said.',
        "Some days",
        "A teacher at the old district school in Port Erran",
    ),
    # "The owner of a bakery": a definite noun for someone new, followed by "of a"
    (
        "Rita Vance opened the new market hall on Friday. The owner of a bakery beside the old "
        'hall said her rent had doubled.\n\n"I cannot stay here another year," she said.',
        "I cannot stay",
        "The owner of a bakery beside the old hall",
    ),
    # after ", and": the second clause of a sentence
    (
        "Coach Ian Brody left the ground early. Fans booed the players, and one supporter, a "
        "member of the club for 40 years, said the side had lost its way.\n\n"
        '"Nobody knows the plan any more," he said.',
        "Nobody knows",
        "one supporter",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), PRONOUN_AFTER_DESCRIBED)
def test_a_pronoun_after_a_described_source(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.resolved and q.speaker.name == speaker


# "a mother of three": the noun before "of" heads the description (not "three").
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"Nobody has told us anything," a mother of three said.', "a mother of three"),
        ('"It was loud," one father of two told reporters.', "one father of two"),
    ],
)
def test_a_description_with_of(body: str, speaker: str) -> None:
    (q,) = quotes(body)
    assert q.speaker.resolved and q.speaker.name == speaker


# A participle's phrase after the quotation: the whole description speaks (and a short
# quotation with it is found at all).
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"It was loud," a man waiting for the bus said.', "a man waiting for the bus"),
        (
            '"Go home," one officer standing at the gate told them.',
            "one officer standing at the gate",
        ),
    ],
)
def test_a_description_with_a_participle(body: str, speaker: str) -> None:
    (q,) = quotes(body)
    assert q.speaker.resolved and q.speaker.name == speaker


# "the Democrat" / "the Republican" is the person the article placed in that party, not
# whoever was named last.
PARTY_MEMBERS = [
    (
        "State Sen. Maria Delgado, a Democrat from Tucson, filed the bill. Her Republican "
        'colleague, Sen. Jim Harlan, opposed it.\n\n"This bill protects renters," the Democrat '
        "said.",
        "This bill",
        "Maria Delgado",
    ),
    (
        "Rep. Ellis Boone, a Republican, and Rep. Dana Kim, a Democrat, met on Monday.\n\n"
        '"We found common ground," the Republican said.',
        "We found",
        "Ellis Boone",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), PARTY_MEMBERS)
def test_a_party_member(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "they" after a group that spoke without quotation marks is that group, as described.
GROUPS_BEFORE = [
    (
        "Shares of Pelham Motors fell 8%.\n\nAnalysts at Brightwater Securities wrote in a note "
        'that the recall would cost $300 million. "This is manageable," they wrote.',
        "This is",
        "Analysts at Brightwater Securities",
    ),
    (
        'Two aides said the senator was furious. "He wanted answers," they said.',
        "He wanted",
        "Two aides",
    ),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), GROUPS_BEFORE)
def test_they_after_a_group(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.resolved and q.speaker.name == speaker


# "One of them, a <description>, told …" then "she said": the description, which may run
# through two linking phrases ("from Hagerstown with Type 1 diabetes").
ONE_OF_THEM = [
    ("Patient advocates packed the hearing room.\n\nOne of them, a 19-year-old college "
     "student from Hagerstown with Type 1 diabetes, told the committee she had rationed a "
     "vial. “I ended up in the emergency room,” she said.", "I ended up",
     "a 19-year-old college student from Hagerstown with Type 1 diabetes"),
    ("Growers crowded the meeting.\n\nOne of them, a dairy farmer from Kilrush, said he had "
     "sold half his herd. “There is nothing left to sell,” he said.", "There is nothing",
     "a dairy farmer from Kilrush"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), ONE_OF_THEM)
def test_one_of_them_and_a_description(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_a_described_subject_with_an_appositive_in_commas() -> None:
    # "One customer, a guitarist who …, called": the appositive is stepped over.
    body = ("One customer, a session guitarist who has recorded with him for a decade, called "
            "his guitars “the warmest things I have ever played.”")
    assert by_text(quotes(body), "the warmest").speaker.name == "One customer"


# A family speaking as one ("his family said:", "In a tribute, the family said:"): a
# described source shown as written, never the person it is about, never unresolved.
FAMILIES = [
    ("Dara Quinn, 31, died in the crash on Friday.\n\nIn a tribute released by police, her "
     "family said: \"She lit up every room.\"", "She lit up", "her family"),
    ("Dara Quinn, 31, died in the crash on Friday.\n\nHis family said: \"He was the "
     "kindest of us.\"", "He was the kindest", "His family"),
    ("Dara Quinn, 31, died in the crash on Friday.\n\n\"We are heartbroken,\" the family "
     "said in a statement.", "We are heartbroken", "the family"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), FAMILIES)
def test_a_family_speaks_as_a_described_source(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind) == (speaker, SpeakerKind.UNNAMED)


# A described speaker with any participle clause in commas before the verb.
PARTICIPLE_CLAUSES = [
    ("The hall was packed.\n\nOne elderly woman, leaning on a walking frame by the door, told "
     "the meeting: \"This bus is all I have.\"", "This bus is all", "One elderly woman"),
    ("Traders gathered at dawn.\n\nA fisherman, mending nets on the quay, said: \"Nobody asked "
     "us.\"", "Nobody asked", "A fisherman"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), PARTICIPLE_CLAUSES)
def test_a_described_speaker_past_a_participle_clause(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind) == (speaker, SpeakerKind.UNNAMED)


# A word for something said right after the quotation, owned by the name right before it:
# "Tom Vale’s “half the town” comment" is Vale's, not the person leading the passage
# (pattern from PolNeAR train errors, our own wording).
OWNED_SPEECH_NOUNS = [
    ("Ada Pike spoke first. Tom Vale’s “half the town” comment was nearly as bad as hers.",
     "half the town", "Tom Vale", "comment"),
    ("Ada Pike spoke first. Tom Vale's “no more tolls” pledge won him the seat.",
     "no more tolls", "Tom Vale", "pledge"),
    ("Mayor Ada Pike opened the hearing. Mr. Vale's “a ferry for every village” promise "
     "was false, she said.", "a ferry for", "Vale", "promise"),
]


@pytest.mark.parametrize(("body", "quote", "speaker", "cue"), OWNED_SPEECH_NOUNS)
def test_the_owner_of_a_speech_noun_after_the_quotation_said_it(
    body: str, quote: str, speaker: str, cue: str
) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.cue) == (speaker, cue)
