"""Noun-phrase boundaries: describing nouns, appositives, roles, sentence subjects."""

from __future__ import annotations

import pytest

from bot.attribution import SpeakerKind

from .helpers import by_text, quotes

DESCRIBED = [
    # A lower-case noun describing the name that follows stays in the speaker phrase.
    ("“This is a scripted show,” said Ohio delegate Gus Marr, angered by the rules.",
     "This is a scripted", "Marr"),
    ("“We are anxious,” said another Facebook commenter, Lotte Brandis.", "We are anxious",
     "Brandis"),
    ("“Anyone can see it,” said Lindqvist constituent Dale Hobb when asked.", "Anyone can",
     "Hobb"),
    ("“Turnout will be low,” said Idaho seed-company executive Nils Varga, a donor.",
     "Turnout will", "Varga"),
    # A participle after "X said,": X goes on, not the sentence's subject.
    ("Lars Udo did not stay long but left at noon, Omar Nefzi said, adding, “Lars "
     "never liked long meetings.”", "Lars never", "Nefzi"),
    # The comma between a town and its state does not end an opening clause.
    ("Mayor Tom Hale spent the day on the road.\n\nSpeaking at a school gym in Keene, New "
     "Hampshire, Hale went after Brill, calling him “a lost cause.”", "a lost", "Hale"),
    ("At a diner in Keene, N.H., on Friday, Councilman Tom Hale of Eastside backed Ms. "
     "Pike, saying his old opponent would “serve the town well.”", "serve the", "Hale"),
    # A long opening participle clause is not the subject.
    ("Facing mounting criticism from both parties and the press, Mayor Ida Brandt released a "
     "statement, insisting that the council had “no right to meddle.”", "no right", "Brandt"),
    # After the quotation, a description and then the name in apposition.
    ("“We are working hard,” the agency's director, Rhea Quint, said.", "We are working",
     "Quint"),
    # "told Radio North" after a comma is the teller's listener, not an inverted speaker.
    ("“It is fair,” the port spokesman, Aldo Ferri, told Radio North.", "It is fair",
     "Ferri"),
    # After a work noun, quoted words going on the sentence in lower case are no title.
    ("The loan program “is gaining traction with families,” Deputy Secretary Ana Ruiz told "
     "reporters.", "is gaining", "Ruiz"),
    # A question after "with" is speech, not a programme title ("an interview with “…”").
    ("Mayor Rhea Lind answers the clerk with, “Why now? Was it not Tuesday?”",
     "Why now", "Lind"),
    # An appositive whose closing comma is missing: the name before it speaks.
    ("Sam Lark, the press director for the Harbor League said in a statement, "
     "“Nobody counted the ballots twice.”", "Nobody counted", "Lark"),
    ("Anna Voss, chair and treasurer of the Millbrook Grocers Guild stated, "
     "“It is not a political problem.”", "It is not", "Voss"),
    ("“Nobody has briefed us,” Dora Andes, a spokeswoman for Speaker Tom Reyes told "
     "the Herald.", "Nobody has", "Andes"),
    # A description, then a given name alone in apposition: the given name speaks.
    ("Ms Harper, 45, said she had “no idea” the scheme existed. Her husband, Tom, said: "
     "“We trusted them.”", "We trusted", "Tom"),
    # A plural description, then two names in apposition: the first name speaks.
    ("In 2014, two port analysts, Ada Mehan and Tom Harl, found that the dock was “sound "
     "for thirty more years.”", "sound for", "Mehan"),
    # A person, a description, then a paper's name in apposition: the person speaks.
    ("Gia Maria Vian, the editor of the city's paper, Harbor Ledger, said every mayor "
     "was “both builder and preacher.”", "both builder", "Vian"),
    # "his campaign manager Jeff Waver": the name after a possessive description.
    ("“We will close the gap,” added his campaign manager Jeff Waver, speaking to reporters "
     "after the rally.", "We will close", "Waver"),
    # A description with a phrase of its own, then the name in apposition: the name.
    ("Tom Vale left the sailing club in 1990.\n\n“He was always the quiet one,” said his "
     "old roommate in Dover, Bruce Tarry, who kept in touch.", "He was always", "Tarry"),
    ("The league was “trying to mend its name,” wrote the Dutch envoy at the time, John "
     "Herbert.", "trying to", "Herbert"),
    # The state after the town is no subject: the resident before "of" speaks.
    ("Ada Pike of Dover, New Hampshire says the ferry plan is “the best news in years.”",
     "the best news", "Pike"),
    # A description, then the name leading a clause between dashes.
    ("A onetime council hopeful — Tom Vian, who lost to Ada Pike in 2019 — said the mayor "
     "“brought no fresh ideas.”", "brought no", "Vian"),
    # "ally" describes the name after it; it is no adverb.
    ("Mayor Ada Pike spoke first. “The port is closed,” said Pike ally Tom Vian.",
     "The port", "Vian"),
    # A relative clause whose closing comma is missing: the name before ", who" speaks,
    # not the body that ends the clause.
    ("“Trade is slowing,” Ada Pike, who heads Harbor Watch said on Monday.", "Trade is",
     "Pike"),
    ("“Vian has to widen his appeal,” Nate Gold, the data writer who runs harborpolls.com "
     "tweeted on Friday.", "Vian has", "Gold"),
    # The comma between a town and its state does not end the appositive; a party tag
    # ("R-Pa.") is no state.
    ("“The ferry is always late,” Lena Kurz, 58, a ferry pilot in Dover, Del., said on "
     "Monday.", "The ferry is", "Kurz"),
    ("“Busy, busy, busy!” Rep. Glen Tomas, R-Del., said of the week.", "Busy", "Tomas"),
    # An appositive with a relative clause of its own (", which sets the port fees,"): the
    # name before both speaks.
    ("Councilman Tom Vian, the Eastside member who chairs the Harbor Board, which sets "
     "the port fees, said the deal was “a mistake.”", "a mistake", "Vian"),
    # The name in apposition after an inverted description, before "of …".
    ("“The odds are long,” said another veteran Appeals Court litigator, Martin K. Dassel of the "
     "firm Hale Orton.", "The odds", "Dassel"),
    ("“Our members won’t accept it,” said the union’s general secretary, Paula Nowak.",
     "Our members", "Nowak"),
    # The comma after the quotation forgotten.
    ("“The primary is a test of stamina” Steve Grubb said.", "The primary", "Grubb"),
    # A passive "was asked by X": the one asking speaks.
    ("Senator Ray Holt was asked by host Nell Mather, who backs him, “Now, you said you "
     "were tired of the hearings. Are you still?”", "Now, you said", "Mather"),
    # A comma closing a parenthesis right before the verb.
    ("On Tuesday in Avon, Ohio, after the vote, Gov. Jon Kasner (R-Ohio), said, “I am "
     "packing for a long drive home.”", "I am packing", "Kasner"),
    # "…, who said": the name before the comma, with or without an appositive between.
    ("The defeat was steep for Mr. Orrin Vale, who said he would “rest and see the grandchildren.”",
     "rest and", "Vale"),
    ("The defeat was steep for Orrin Vale, a farmer, who said he would “rest a while.”",
     "rest a while", "Vale"),
    # Describing nouns right after an inverted verb, none of them a known role word.
    ("Donors came in clusters, “which is surely a warning sign,” said zoning lawyer "
     "Joel Birken. “It is not proof of anything.”", "which is surely", "Birken"),
    ("“We will carry the state by ten points,” said campaign manager Ruth Ambler.",
     "We will carry", "Ambler"),
    # "Radio talk host": "talk" after a capitalised word is a noun, so "he" is the host.
    ("Radio talk host Rudy Lambert used his show on Friday to hail what he called "
     "the “splendid” choice of the mayor.", "splendid", "Lambert"),
    # An attribution set off by commas inside the sentence holding the quotation.
    ("Her lasting mark, says Carla Antoni, a historian at the museum, is that she was "
     "“the mayor who finally cleaned up the river.”", "the mayor who", "Antoni"),
]


def test_appositive_role() -> None:
    found = quotes(
        "Any deal, according to Lawrence Freedman, emeritus professor of war studies at "
        "King’s College London, would be judged on independence.\n\n"
        "“This sets the standard,” Freedman wrote in a recent analysis."
    )
    q = by_text(found, "This sets")
    assert q.speaker.name == "Lawrence Freedman"
    assert q.speaker.role == "emeritus professor of war studies at King’s College London"
    assert q.medium == "in a recent analysis"


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ("Secretary of State Marco Rubio told reporters the talks were “productive.”",
         "Secretary of State"),
        ("Secretary of Homeland Security Kristi Noem said the border was “secure.”",
         "Secretary of Homeland Security"),
        ("Defense Secretary Pete Hegseth said Europe must “step up.”", "Defense Secretary"),
    ],
)
def test_a_title_with_of_is_the_whole_role(body: str, role: str) -> None:
    (q,) = quotes(body)
    assert q.speaker.role == role


def test_an_age_is_not_a_role_and_a_capitalised_body_is_an_organisation() -> None:
    found = quotes(
        "81-year-old Edgar Carvell, founder of the Harbor Rowing Club, backed Lindqvist, "
        "saying he “has always put the river and its towns first.”\n\n"
        "Harbor Watch stated in a bulletin Friday that the survey “shows the missing "
        "permits were filed in March 2019.”"
    )
    assert by_text(found, "has always put").speaker.role == "founder of the Harbor Rowing Club"
    watch = by_text(found, "shows the missing").speaker
    assert (watch.name, watch.kind.value) == ("Harbor Watch", "organization")


def test_place_before_a_description_is_not_the_speaker() -> None:
    q = by_text(quotes("In Iowa, the state party chairman said the count was “final and fair.”"),
                "final")
    assert (q.speaker.name, q.speaker.kind) == ("the state party chairman", SpeakerKind.UNNAMED)


SUBJECTS = [
    # An unattributed quotation in a sentence led by a person the article names.
    ("Mayor Ellen Crowe spoke at the depot on Monday.\n\nCrowe also defended the new fares "
     "-- “nobody likes paying more for the same bus.”", "nobody likes", "Crowe"),
    ("Mayor Ellen Crowe spoke at the depot on Monday.\n\nCrowe again promised a “quick fix” "
     "for the station.", "quick fix", "Crowe"),
    ("Retired surgeon Abe Tallis addressed the hall on Friday.\n\nTallis took the stage and "
     "called the permit system “crooked from top to bottom.”", "crooked from", "Tallis"),
    # An opening time phrase without a comma is not the subject ("Last" is no name).
    ("Ana Ruiz chairs the board.\n\nLast year Tom Baird ran the board. “It was a mess, a "
     "total mess.”", "It was a mess", "Baird"),
    ("Ana Ruiz chairs the board.\n\nThis week Tom Baird toured the depot. “It was a mess, a "
     "total mess.”", "It was a mess", "Baird"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), SUBJECTS)
def test_sentence_subject_speaks(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


@pytest.mark.parametrize(
    "body",
    [
        # Not a person: a place, an organisation, a possessive.
        "Washington put the island on a pedestal, parading its “showcase of free trade.”",
        "The Harbor Authority raised fares, calling it a “fair and modest adjustment now.”",
        "It was Mayor Crowe's refusal of “a budget built on hope alone” that won the day.",
    ],
)
def test_sentence_subject_must_be_a_person(body: str) -> None:
    assert all(not q.speaker.resolved or q.cue for q in quotes(body))


@pytest.mark.parametrize(("body", "quote", "speaker"), DESCRIBED)
def test_speaker(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


# A number's thousands separator closes no clause: the speaker before a relative clause
# holding "9,000" is still found, and an appositive keeps its whole number.
NUMBERS_IN_CLAUSES = [
    ("The union, which represents 9,000 nurses, said: “We will strike on Monday.”",
     "We will strike", ("the union", None)),
    ("The council, which employs 3,500 staff, said the cuts were “regrettable but "
     "unavoidable.”", "regrettable", ("the council", None)),
    ("Ines Corr, a farmer with 1,200 acres, said: “The rain came too late.”", "The rain",
     ("Ines Corr", "farmer with 1,200 acres")),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), NUMBERS_IN_CLAUSES)
def test_a_number_in_a_relative_clause(
    body: str, quote: str, speaker: tuple[str, str | None]
) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.role) == speaker


# "said the chair of the panel, the sculptor Ewan Blair": a description, then a second role
# with the name, which speaks.
def test_a_second_role_before_the_name_after_a_description() -> None:
    q = quotes("“It is a work of real grief,” said the chair of the panel, the sculptor "
               "Ewan Blair.")[0]
    assert (q.speaker.name, q.speaker.role) == ("Ewan Blair", "chair of the panel")


# "…, signed by its secretary, Ngozi Eke, the party said:": a body after the name is the
# sentence's subject, not the name's appositive (whose closing comma would be missing).
BODY_AFTER_NAME = [
    ("The Harbor Civic Alliance met on Monday. In a statement signed by its secretary, "
     "Ada Mirren, the alliance said: “We will contest every seat.”", "We will contest",
     "Harbor Civic Alliance"),
    ("Tovan Freight Ltd cut 40 jobs. Asked about the cuts by a reporter, Leon Pask, the "
     "company said: “Demand has fallen.”", "Demand has", "Tovan Freight Ltd"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BODY_AFTER_NAME)
def test_a_body_after_a_name_and_comma_is_the_speaker(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name or "").endswith(speaker)
    assert q.speaker.kind == SpeakerKind.ORGANIZATION


# "…, which said …": the body named before the comma speaks (a name, not a thing).
WHICH_SAID = [
    ("The study was funded by the Nordic Ocean Fund, which said in a statement that it "
     "“backs research even when the results surprise us.”", "backs research", "Fund"),
    ("The upgrade was paid for by Harrow Bank, which said the loans were “a sound bet on the "
     "town.”", "a sound bet", "Bank"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), WHICH_SAID)
def test_a_body_before_which_said_speaks(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


def test_an_inverted_speaker_keeps_a_post_after_a_team_name() -> None:
    # "said the Gulls captain": the post is part of the phrase, not left off ("the Gulls").
    body = ("Gulls captain Brent Mallory was blunt.\n\n“We will be back,” said the Gulls "
            "captain.")
    q = by_text(quotes(body), "We will be back")
    assert (q.speaker.name, q.speaker.role) == ("Brent Mallory", "Gulls captain")


# A quotation alone as its paragraph after one led by "Team post Name": the person, not
# the team ("Reef Cats captain Sione Havili, playing his 200th game, paid tribute …").
TEAM_POST_SUBJECTS = [
    ("The Reef Cats won 25-24.\n\nReef Cats captain Sione Havili, playing his 200th game, "
     "paid tribute to the crowd.\n\n“You could feel it on the field. That is what this club "
     "is about.”", "You could feel", "Sione Havili"),
    ("The Gulls lost again.\n\nGulls coach Luke Mallory praised the fans.\n\n“They sang to "
     "the very end, and we let them down badly.”", "They sang", "Luke Mallory"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), TEAM_POST_SUBJECTS)
def test_a_post_between_team_and_name_leads_the_subject(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_one_of_them_then_a_description_in_apposition_speaks() -> None:
    body = ("Patients packed the room. One of them, a nursing student, said she was "
            "“stretched to the limit every single month.”")
    assert by_text(quotes(body), "stretched").speaker.name == "a nursing student"


# A number word inside a description before the verb is part of it: "the two companies".
NUMBERED_DESCRIPTIONS = [
    ("“Prices will stay low,” the two officials said.", "Prices will", "the two officials"),
    ("The three inspectors said: “The kitchen was spotless.”", "The kitchen",
     "the three inspectors"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), NUMBERED_DESCRIPTIONS)
def test_a_number_word_stays_in_the_description(body: str, quote: str, speaker: str) -> None:
    assert (by_text(quotes(body), quote).speaker.name or "").lower() == speaker


# A post written in capitals after "the", then the holder's name in commas: the name speaks
# (not the last person named, whom "the Health Secretary" was taken to be).
CAPITALISED_POSTS = [
    ("Owen Tredwell asked about ward closures.\n\n“I will not,” the Health Secretary, "
     "Joanna Whitlow, replied.", "I will not", "Joanna Whitlow"),
    ("Owen Tredwell asked about ward closures.\n\n“I will not,” said the Health Secretary, "
     "Joanna Whitlow.", "I will not", "Joanna Whitlow"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), CAPITALISED_POSTS)
def test_a_name_after_a_capitalised_post_speaks(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A capitalised post "of" a place opening the sentence, then the holder's name in commas
# (with or without an honorific): the name speaks, the post is the role.
POST_OF_PLACE = [
    ("The abbey is to close.\n\nBishop of Dunmore, Dr Ciaran Walsh, said the choice had been "
     "\"the hardest of my life\".", "the hardest", "Ciaran Walsh"),
    ("The vote was close.\n\nMayor of Tarbury, Mrs Ann Lowry, said: \"We will fight on.\"",
     "We will fight", "Ann Lowry"),
    ("The vote was close.\n\nMayor of Tarbury, Ann Lowry, said: \"We will fight on.\"",
     "We will fight", "Ann Lowry"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), POST_OF_PLACE)
def test_a_post_of_a_place_then_its_holder(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Two posts joined by "and" before a name: the name speaks, both posts are the role.
JOINED_POSTS = [
    ("The device ships in May.\n\n\"Apps are a tax on attention,\" co-founder and CEO Nia "
     "Brooks said onstage.", "Apps are a tax", "Nia Brooks"),
    ("Profits doubled.\n\nChairman and chief executive Tom Reid said: \"We grew in every "
     "market.\"", "We grew", "Tom Reid"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), JOINED_POSTS)
def test_two_posts_joined_before_a_name(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A who/whose clause with commas of its own ("whose second firm, Keelworks, builds ferries") before
# the verb: the name before the clause speaks, not the name set off inside it (pattern from
# PolNeAR train errors, our own wording).
RELATIVE_WITH_COMMAS = [
    ("Mr. Vine, whose second firm, Keelworks, builds ferries, said the mayor was a builder: "
     "“He gets things done.”", "He gets", "Vine"),
    ("Ted Hale, whose old school, Dover High, closed in June, argues that the merger will "
     "“ruin the town.”", "ruin the", "Hale"),
    ("Ada Pike, who founded a firm, Portline, in 2001, said the merger was “a mistake.”",
     "a mistake", "Pike"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), RELATIVE_WITH_COMMAS)
def test_a_relative_clause_with_commas_is_stepped_over(
    body: str, quote: str, speaker: str
) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


# "according to the budget office, port revenue …": a lower-case word before a body's noun
# stays in the phrase, so the short form finds the body named before; the clause after the
# comma ("the decline was") is no role (patterns from PolNeAR train errors, our own text).
ACCORDING_TO_A_BODY = [
    ("The Harbor Budget Office released its outlook. By 2040, according to the budget "
     "office, port revenue “will barely cover the pensions.”", "will barely",
     "The Harbor Budget Office", "the budget office"),
    ("Dunmore Mills cut jobs. Over the long term, according to Dunmore Mills, the decline "
     "was “temporary and expected.”", "temporary", "Dunmore Mills", None),
]


@pytest.mark.parametrize(("body", "quote", "speaker", "role"), ACCORDING_TO_A_BODY)
def test_according_to_a_body_mid_sentence(
    body: str, quote: str, speaker: str, role: str | None
) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.role) == (speaker, role)


# A document or broadcast that "says" heads the speaker phrase: "The ad says …" is the
# described source "the ad" (as PolNeAR marks such sources), not a quotation with no
# speaker (pattern from PolNeAR train's described errors, our own wording).
DOCUMENTS_SPEAK = [
    ("The Vale campaign released a new spot on Monday. The ad says the mayor “has failed "
     "the harbor.”", "has failed", "the ad"),
    ("The suit claims the firm was “reckless and negligent.”", "reckless", "the suit"),
    ("The Harbor Gazette ran an editorial on Sunday. The editorial called the toll plan “a "
     "reckless folly.”", "a reckless", "the editorial"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), DOCUMENTS_SPEAK)
def test_a_document_that_says_is_a_described_source(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind) == (speaker, SpeakerKind.UNNAMED)


# "The crowd chanted, “…”": a crowd or an audience is a group speaker before the quotation
# as after it (pattern from PolNeAR train's described errors, our own wording).
@pytest.mark.parametrize(
    "body",
    [
        "Tom Vale held a rally in Dover. The crowd chanted, “We want the bridge now!”",
        "Tom Vale spoke at the hall. The audience shouted back: “Not in our town!”",
    ],
)
def test_a_crowd_speaks(body: str) -> None:
    (q,) = quotes(body)
    assert q.speaker.kind is SpeakerKind.GROUP and q.speaker.name in ("the crowd", "the audience")


# An appositive holding a list ("deputy director for ports, ferries, and harbors"): the
# name before it speaks, with the whole appositive as role (pattern from a PolNeAR train
# error, our own wording).
LIST_APPOSITIVES = [
    ("The new rules “will not end the queues, but they help,” Ada Pike, deputy director for "
     "ports, ferries, and harbors, told the committee.", "will not", "Ada Pike",
     "deputy director for ports, ferries, and harbors"),
    ("“It is a start,” Tom Vale, head of parks, pools, or libraries, told the council.",
     "It is", "Tom Vale", "head of parks, pools, or libraries"),
]


@pytest.mark.parametrize(("body", "quote", "speaker", "role"), LIST_APPOSITIVES)
def test_an_appositive_holding_a_list(body: str, quote: str, speaker: str, role: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.role) == (speaker, role)
