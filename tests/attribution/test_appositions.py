"""Names and descriptions set off around a noun phrase (bot.attribution.appositions): a body's
name in apposition after a description, a name after a description ending in a place."""

from __future__ import annotations

import pytest

from bot.attribution import SpeakerKind

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


# A name set off by a description of a body is that body, which a later "the agency" or
# "the company" stands for.
BODIES_DESCRIBED = [
    ("Pilots at Ostrava Field went on strike on Monday.\n\nThe state news agency, Teleport, "
     "said flights were grounded. “The strike is illegal,” the agency said.", "The strike is",
     "Teleport"),
    ("Brackwater Mining, the Dutch-owned operator of the quarry, said the spill was small. "
     "“We are cooperating with the inspectors,” the company said.", "We are cooperating",
     "Brackwater Mining"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BODIES_DESCRIBED)
def test_a_name_set_off_by_a_body_description(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_a_name_in_commas_after_a_description_before_a_colon() -> None:
    # "was blunt:" is no speech verb; the phrase ends at the comma, and the name set off
    # after it is the speaker, not the description (nor the body named before).
    body = ("Kestrel Mining apologised for the spill.\n\nThe governor of Vale Alta, Rosa "
            "María Quintero Ávila, was blunt: “Apologies do not clean rivers.”")
    assert by_text(quotes(body), "Apologies").speaker.name == "Rosa María Quintero Ávila"



# "An aid worker in Kemah": a noun for someone who does something, then "in" and a place,
# describes the source; the place is nobody.
@pytest.mark.parametrize(
    "cue",
    [" said the wards were", ", reached by telephone, described the wards as"],
)
def test_a_worker_in_a_place_is_a_described_source(cue: str) -> None:
    body = (f"The storm hit the coast overnight.\n\nA volunteer trainer in Port Selby{cue} "
            "“full, and filling faster by the hour.”")
    q = by_text(quotes(body), "full, and")
    assert q.speaker.name == "A volunteer trainer in Port Selby"


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


# A spokesperson or rep for a person whose own describing noun comes before the name
# ("actor Dev Kapoor") is the described source, not the person the description names.
FOR_A_DESCRIBED_NAME = [
    ("A spokesman for actor Milo Brandauer said the actor was “resting at home.”",
     "resting", "A spokesman for actor Milo Brandauer"),
    ("“He is resting at home,” a spokeswoman for actor Ines Carrow said.",
     "He is resting", "a spokeswoman for actor Ines Carrow"),
    ("A rep for singer Tallie Monroe said the star was “resting at home.”", "resting",
     "A rep for singer Tallie Monroe"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), FOR_A_DESCRIBED_NAME)
def test_a_spokesperson_for_a_described_name_speaks(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name == speaker
    assert q.speaker.kind is SpeakerKind.UNNAMED


# A description opening the sentence and ending in a place ("… in Coventry have
# described"): the description speaks, not the place.
DESCRIPTIONS_ENDING_IN_A_PLACE = [
    ("The family of a cyclist who was killed on a bypass near Tarbury have described him as "
     "\"the life and soul of every ride\".", "the life and soul", "family"),
    ("A nurse who works at a clinic in Dunmore said the queues were \"longer every week\".",
     "longer every week", "nurse"),
]


@pytest.mark.parametrize(("body", "quote", "head"), DESCRIPTIONS_ENDING_IN_A_PLACE)
def test_a_description_ending_in_a_place_speaks(body: str, quote: str, head: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.kind is SpeakerKind.UNNAMED
    assert q.speaker.name is not None and head in q.speaker.name.split()


# A description leading the sentence, then the name in apposition, the verb further on and
# the quotation after a participle: the person named speaks, not "his daughter" (pattern
# from PolNeAR train errors, our own wording). A lone word counts when it is a given name;
# the description's own "of" phrase ("minister of trade") runs on to the name.
NAMED_AFTER_LEADING_DESCRIPTION = [
    ("Tom Hale retired in May. His daughter, Mia, stood by him at the hearing, saying: “He "
     "never took a bribe.”", "He never", "Mia"),
    ("Ida Brandt sold the mill. Brandt's son, Jonas, wrote to the paper, saying the price "
     "was “fair to everyone.”", "fair to", "Jonas"),
    ("The Danish minister of trade, Ida Holm, met reporters on Monday, saying the pact would "
     "be “ready before the summer.”", "ready before", "Holm"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), NAMED_AFTER_LEADING_DESCRIPTION)
def test_the_name_after_a_leading_description_speaks(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


# "One early backer, Ruth Okafor, …": "one" opens a description as "the" and "a" do, so the
# name in commas after it is the sentence's subject and speaks the quotation its colon
# introduces (pattern from a PolNeAR train error, our own wording).
ONE_THEN_NAMED = [
    ("One early backer, Councilwoman Ruth Okafor, a teacher from Eastport, tried the line out "
     "on the radio: “The mayor has broken every promise.”", "The mayor", "Okafor"),
    ("One early backer, Ruth Okafor, tried the line out on the radio: “The mayor has broken "
     "every promise.”", "The mayor", "Okafor"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), ONE_THEN_NAMED)
def test_one_then_a_name_in_commas_is_the_subject(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker
