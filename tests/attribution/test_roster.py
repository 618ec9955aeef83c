"""Building the article's people: full names, roles, genders, organisations."""

from __future__ import annotations

import pytest

from bot.attribution import SpeakerKind

from .helpers import by_text, quotes


def test_a_headline_verb_is_not_part_of_a_name() -> None:
    # "Hale Accused …" names Hale; "Accused" is the headline's verb, not his surname.
    body = ("Hale Accused of Hiding Port Losses.\n\nThe city auditor said on Monday that the "
            "harbor lost money for years. “The books were wrong,” the auditor wrote.\n\n"
            "Hale denied it. “Nothing was hidden,” he said.")
    assert by_text(quotes(body), "Nothing was").speaker.name == "Hale"


GENDERS = [
    # The first name alone tells a woman from a man.
    ("Dianne Kessler chaired the hearing. Warren Aldrich testified for an hour.\n\n"
     "“We need the records,” she said.", "We need", "Kessler"),
    ("Lance Ortega chaired the hearing. Gretchen Vale testified for an hour.\n\n"
     "“We need the records,” he said.", "We need", "Ortega"),
    ("Yolanda Pierce spoke first and Rodney Marsh spoke after her.\n\n"
     "“It is a fair deal,” she said.", "It is a fair", "Pierce"),
    # "…, New York, said": the place is nobody; "she" is the woman who spoke.
    ("Rachel Stein, a nurse from Elmira, New Jersey, said the debate changed her vote. "
     "She had voted the other way for years.\n\n“I am sorry to admit it,” she said.", "I am sorry",
     "Stein"),
    ("Ashley Yarrow, 33, works in a shop. Tom Reyes runs it.\n\n“I still have loans,” she "
     "said.", "I still have", "Yarrow"),
    # "…, who said": a speaker even as the object of "by", so "she" goes back to her.
    ("Governor Mary Olsen answered questions on Thursday.\n\n"
     "Olsen's plan was backed on Friday by Sen. Dianne Holloway of Vermont, the ranking "
     "member of the panel, who said the figures were sound.\n\n"
     "“It has always made sense to me,” she said.", "It has always", "Holloway"),
]


def test_surname_gets_full_name_and_role_established_earlier() -> None:
    found = quotes(
        "Kremlin spokesman Dmitry Peskov spoke on Monday.\n\n“We are ready,” Peskov said."
    )
    q = by_text(found, "We are ready")
    assert q.speaker.name == "Dmitry Peskov"
    assert q.speaker.role == "Kremlin spokesman"
    assert q.speaker.kind is SpeakerKind.PERSON


def test_a_feature_opening_and_a_company_by_its_first_word() -> None:
    found = quotes(
        "For Maria Alvarado, the closure of the plant was personal.\n\n"
        "“My father worked there for 30 years,” says Alvarado, 41, who runs a bakery.\n\n"
        "The company that owned the plant, Hartwell Industries, declined to comment. In a "
        "2019 statement, Hartwell said the decision was “driven by market conditions.”"
    )
    alvarado = by_text(found, "My father").speaker
    # Neither the word opening the sentence nor the clause after the name is a role.
    assert (alvarado.name, alvarado.role) == ("Maria Alvarado", None)
    hartwell = by_text(found, "driven by").speaker
    assert (hartwell.name, hartwell.kind.value) == ("Hartwell Industries", "organization")


@pytest.mark.parametrize(("body", "quote", "speaker"), GENDERS)
def test_speaker(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ("His daughter, council member Elise Brandt, disagreed. “The harbor needs the jobs,” "
         "Ms. Brandt said.", "council member"),
        ("“We will carry the state,” said campaign manager Ruth Ambler.", "campaign manager"),
    ],
)
def test_a_role_keeps_the_body_it_leans_on(body: str, role: str) -> None:
    (q,) = quotes(body)
    assert q.speaker.role == role


# A capitalised name that a speech verb's "it" refers back to is an organisation: "it"
# then resolves to it, and "the company" to the body named last.
SPEAKS_OF_ITSELF = [
    ("Qantas said it would cut 200 jobs. “These are difficult decisions,” it said.",
     "These are", ("Qantas", "organization")),
    ("Amazon said it would appeal. “We disagree with the ruling,” the company said in a "
     "statement.", "We disagree", ("Amazon", "organization")),
    ("Kestrel Freight said on Monday it was closing two depots.\n\n“Demand has collapsed,” "
     "it said.", "Demand has", ("Kestrel Freight", "organization")),
]


@pytest.mark.parametrize(("body", "quote", "expected"), SPEAKS_OF_ITSELF)
def test_a_name_that_says_it_is_an_organisation(
    body: str, quote: str, expected: tuple[str, str]
) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind.value) == expected


# "…, 34," after a name: a person, so the "he"/"she" of a later paragraph can go to them
# even when no list knows the given name.
AGES = [
    ("Dev Raman, 34, moved to Pune in 2019.\n\nHe remembers the first monsoon well.\n\n"
     "“The streets became rivers overnight,” he said.", "The streets", "Dev Raman"),
    ("Oluwaseun Adeyemi, 52, has fished the lagoon since boyhood.\n\nThe catch has "
     "shrunk every year.\n\n“We go further out each season,” he said.", "We go further",
     "Oluwaseun Adeyemi"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), AGES)
def test_an_age_after_a_name_makes_a_person(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "X, who is his aunt,": the "his" is someone else's, and the relation tells X's gender.
WHO_IS_KIN = [
    ("Farmer Dale Quade said he sold his cattle.\n\nHis neighbour, Kerry Quade, who is his "
     "aunt, disagreed. “We have been through worse,” she said.", "We have been", "Kerry Quade"),
    ("Robin Ash runs the bakery.\n\nLee Vance, who is her husband, works nights. “We barely "
     "meet,” he said.", "We barely", "Lee Vance"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), WHO_IS_KIN)
def test_who_is_his_or_her_kin(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A given name that only leans one way still names the one person who bears it.
def test_a_first_name_of_either_gender_refers_to_its_bearer() -> None:
    body = ("Grower Dale Quade, 34, sold half his cattle this year.\n\nDale said he would "
            "decide next month. “Ask me again after Easter,” he said.")
    assert by_text(quotes(body), "Ask me").speaker.name == "Dale Quade"


# "the Varanpur Metro Rail Corporation (VMRC)": later "VMRC" (and its "it") is that body,
# shown by its full name; letters that are not the name's initials are left alone.
def test_an_acronym_given_in_parentheses_stands_for_the_full_name() -> None:
    body = ("Officials of the Kessler Valley Water Board (KVWB) admitted the delay.\n\n"
            "KVWB said in a statement that no homes were damaged. “Owners may call the "
            "helpline,” it said.\n\n“We will finish by March,” KVWB said.")
    found = quotes(body)
    for quote in ("Owners may", "We will finish"):
        q = by_text(found, quote)
        assert (q.speaker.name, q.speaker.kind) == ("Kessler Valley Water Board",
                                                    SpeakerKind.ORGANIZATION)
    other = quotes("The Harbor Fund (HBX) said prices would “fall soon”. HBX said so again.")
    assert other[0].speaker.name != "Harbor Fund"


# A union's branch keeps its number: "… Union Local 414".
def test_a_union_local_keeps_its_number() -> None:
    body = ("Drivers walked out.\n\nThe Harbor Transit Workers Union Local 414 said talks had "
            "failed. “Our members have gone three years without a raise,” the union said.")
    assert quotes(body)[0].speaker.name == "The Harbor Transit Workers Union Local 414"


# "the Strait Link ferry company": the name is a business a later "the company" means; a
# nationality before the word is not.
def test_a_name_before_a_word_for_a_business() -> None:
    body = ("Hundreds were stranded after the Kestrel Link ferry company cancelled all "
            "sailings.\n\nKestrel Link said the ship lost power. “The safety of our "
            "passengers is our first priority,” the company said.")
    q = by_text(quotes(body), "The safety")
    assert (q.speaker.name, q.speaker.kind) == ("Kestrel Link", SpeakerKind.ORGANIZATION)
    other = quotes("The Chinese tech company cut prices. “We are sorry,” the company said.")
    assert other[0].speaker.name != "Chinese"


# A given name the gender resource lacks ("Yaaba", "Kofi", "Nkem") still names the one person
# introduced with it in full; a phrase after "the" or ending in a common word does not.
FIRST_NAME_UNLISTED = [
    ("Yaaba Oteng-Boadu sells cloth at the market.\n\n“Prices doubled this year,” Yaaba "
     "says.", "Prices doubled", "Yaaba Oteng-Boadu"),
    ("Her cousin, Nkem Uzodike, drives a taxi.\n\nNkem is saving for a house. “Two more "
     "years,” Nkem says.", "Two more", "Nkem Uzodike"),
    ("Many joined the Zorvan Express last year.\n\n“It will win,” Zorvan said, and the crowd "
     "cheered.", "It will win", "Zorvan"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), FIRST_NAME_UNLISTED)
def test_a_first_name_the_resource_lacks_refers_to_its_bearer(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A role that opens a sentence keeps its capitalised first word when it goes on in lower
# case ("Chief executive", "Deputy mayor"): the capital is the sentence's, not a name's.
SENTENCE_INITIAL_ROLES = [
    ("Sailings were cut.\n\nChief executive Hemi Walker said so. “We will be back by spring,” "
     "Walker said.", "We will be back", "Chief executive"),
    ("Bins were late.\n\nDeputy mayor Rosa Lind apologised. “It will not happen again,” Lind "
     "said.", "It will not", "Deputy mayor"),
]


@pytest.mark.parametrize(("body", "quote", "role"), SENTENCE_INITIAL_ROLES)
def test_a_role_opening_a_sentence_keeps_its_first_word(body: str, quote: str, role: str) -> None:
    assert by_text(quotes(body), quote).speaker.role == role



def test_a_body_named_by_one_word_and_of() -> None:
    # "the Council of Harbours": one capitalised word and "of …" name a body, which a later
    # "the council" stands for.
    body = ("Ferrymen in Skelby ignored an order by the Council of Harbours to stay in port.\n\n"
            "“Sailings will resume when the storm passes,” the council said.")
    assert by_text(quotes(body), "Sailings will").speaker.name == "Council of Harbours"


def test_a_first_name_leading_a_sentence_is_its_bearer_for_the_next_pronoun() -> None:
    # Two brothers Dorn: "Tomas was quieter." makes Tomas the "he" of the next quotation.
    body = ("Both goals came from Emil Dorn, whose brother Tomas Dorn marked him all night.\n\n"
            "“I had to forget he was my brother,” Emil said.\n\n"
            "Tomas was quieter. “He was better than me today,” he said.")
    assert by_text(quotes(body), "He was better").speaker.name == "Tomas Dorn"


# "Name, a <business noun>," is a business, not a person with that role.
BUSINESSES = [
    ("Marek Dvorak runs operations at Brightmoor Castings, a 400-employee foundry. “We have "
     "no third option,” he says.\n\nHe has tried. Last year Brightmoor tested four-day weeks "
     "at one plant. “The injury reports went up. We stopped it.”", "The injury",
     "Marek Dvorak"),
    ("Ines Varga is the manager at Kessler Textil, a family-owned mill in Győr. “We have no "
     "third option,” she says.\n\nShe has tried. In 2023 Kessler ran a trial of four-day "
     "weeks. “The looms sat idle. We stopped it.”", "The looms", "Ines Varga"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BUSINESSES)
def test_a_name_described_as_a_business_is_not_a_person(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A name inside a relative clause after a named subject is not the one speaking: "she"
# goes to the subject ("One man, who gave his name only as Sipho, said" still names him).
RELATIVE_CLAUSES = [
    ("Ana Ruiz, 26, who sings with the folk trio Lantern Hill, said she plays every night. "
     "“People ask about the guitar,” she said.", "People ask", "Ana Ruiz"),
    ("Ana Ruiz, who sang with Tom Baird for a decade, said she plays every night. “People "
     "ask about the guitar,” she said.", "People ask", "Ana Ruiz"),
    ("Residents disagreed. One man, who gave his name only as Sipho, said the tanker never "
     "came. “They are lying,” he said.", "They are lying", "Sipho"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), RELATIVE_CLAUSES)
def test_a_name_in_a_relative_clause_is_not_the_speaker(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "for" and capitalised words go on naming a body, as "of" does; a month after "for" does not.
BODIES_WITH_FOR = [
    ("A study by the Ferncliff Institute for Tidal Research was published on Monday. "
     "“Every sample held plastic,” the institute said.", "Every sample",
     "Ferncliff Institute for Tidal Research"),
    ("The Dunmore Campaign for Fair Housing sued the landlord. “Tenants were misled,” the "
     "campaign said.", "Tenants were", "The Dunmore Campaign for Fair Housing"),
    ("Sales at Brantley Foods Inc for March fell by a tenth. “We expected worse,” the company "
     "said.", "We expected", "Brantley Foods Inc"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BODIES_WITH_FOR)
def test_a_body_named_with_for(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A given name the given-name resource lacks, taken up by "He"/"She" leading the next
# sentence: a person, so a pronoun in a later paragraph finds them.
UNLISTED_GIVEN_NAMES = [
    ("At the quarry gate you will find Seanie Brennock stacking pallets. He is 61.\n\n"
     "“The back tells me to stop,” he says.", "The back", "Seanie Brennock"),
    ("Wambui Kariuki opened her stall at dawn. She sells tomatoes.\n\n“Prices doubled "
     "in a month,” she said.", "Prices doubled", "Wambui Kariuki"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), UNLISTED_GIVEN_NAMES)
def test_an_unlisted_given_name_taken_up_by_a_pronoun_is_a_person(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "She" inside a man's sentence and "She" leading the next are one piece of evidence (both
# are the woman he questions), not enough to outweigh his given name.
AGREEING_PRONOUNS = [
    ("Testifying through an interpreter, Nandi Sithole told the court she saw the van. "
     "“It was parked by the gate,” she said.\n\nAdvocate Ruan Botha questioned her for an "
     "hour.\n\nBotha suggested she had been told what to say. She denied this.\n\n"
     "“Nobody told me anything,” she said.", "Nobody told", "Nandi Sithole"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), AGREEING_PRONOUNS)
def test_two_agreeing_pronouns_about_another_person_count_once(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A kin word right before a full name in commas gives that person's gender ("his
# daughter, Funmi …, who said he had been ill": "she" later is the daughter).
KIN_BEFORE_A_FULL_NAME = [
    ("Obi Nnaji, the drummer, died on Friday. He was 79.\n\nThe news was confirmed by his "
     "daughter, Adaeze Nnaji-Cole, who said he had been ill for a year.\n\n\"He drummed on "
     "the hospital table,\" she said.", "He drummed", "Adaeze Nnaji-Cole"),
    ("Obi Nnaji, the drummer, died on Friday.\n\nThe news was confirmed by his daughter, "
     "Mary Nnaji-Cole, who said he had been ill.\n\n\"He never stopped,\" she said.",
     "He never stopped", "Mary Nnaji-Cole"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), KIN_BEFORE_A_FULL_NAME)
def test_a_kin_word_before_a_full_name_gives_gender(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker
