"""Cues: the attributing verb or phrase, its speaker phrase, medium, signatures, participles."""

from __future__ import annotations

import pytest

from .helpers import by_text, quotes

# (article text, quotation's first words, expected speaker name, expected cue)
CASES = [
    # Quote first, subject then verb.
    ("“We will win,” Mayor Ana Lopez said.", "We will win", "Ana Lopez", "said"),
    # Inverted: verb, then the speaker with an appositive.
    ("“Rates will rise,” said Paul Wren, an economist at Westbank.", "Rates", "Paul Wren",
     "said"),
    # A transcript-style label: role words, then the name, then a colon.
    ("Former harbor master Ada Pike: “We learned that from the board.”", "We learned",
     "Ada Pike", ":"),
    # Colon-introduced.
    ("Councilman Raul Espinoza was blunt: “The numbers do not add up.”", "The numbers",
     "Raul Espinoza", ":"),
    ("Senator Joan Hale said: “This bill is dead.”", "This bill", "Joan Hale", "said"),
    # According to.
    ("The plan was “dead on arrival,” according to Tom Fisk, a party strategist.", "dead",
     "Tom Fisk", "according to"),
    ("According to Maya Ross, “the deal is done.”", "the deal", "Maya Ross", "According to"),
    # Partial quotation inside reported speech; the listener is part of the cue.
    ("Defense Secretary Pete Hegseth told NATO allies that the goal was “unrealistic,” and "
     "left.", "unrealistic", "Pete Hegseth", "told NATO allies"),
    # Speaker before, "told reporters that Putin “…”": the teller speaks, not Putin.
    ("Kremlin spokesman Dmitry Peskov told reporters that Putin “wants peace.”", "wants",
     "Dmitry Peskov", "told reporters"),
    # Straight quotes, NYT doubled marks.
    ('"It is over," Ms. Jane Doyle said.', "It is over", "Jane Doyle", "said"),
    ("''It is over,'' said Mr. Carl Berg, the chairman.", "It is over", "Carl Berg", "said"),
    # Trailing attribution after more words.
    ("Any deal needs “strong guarantees” for Kyiv, Minister Olga Dovzhenko said.", "strong",
     "Olga Dovzhenko", "said"),
    # A dash signature.
    ("“Libraries matter.” ― Joanna Pike", "Libraries", "Joanna Pike", "―"),
    # Groups and organisations as such.
    ("“We will march again,” protesters chanted.", "We will march", "protesters", "chanted"),
    ("Russian officials insisted that the talks address “the root causes.”", "the root",
     "Russian officials", "insisted"),
    ("“Safety comes first,” the Pentagon said in a statement.", "Safety", "the Pentagon",
     "said"),
    ("“Within ten days,” a Veltra spokeswoman said.", "Within", "Veltra", "said"),
    # Participle: the sentence's subject speaks.
    ("Zelensky wrote a long post, adding that he was “grateful” for the call.", "grateful",
     "Zelensky", "adding"),
    # Speech verbs whose base form is mostly something else ("the press", "I remember").
    ("“The harbor will flood again,” remembered Ivo Pratt, the port's former engineer.",
     "The harbor", "Ivo Pratt", "remembered"),
    ("“Did you sell the boat?” Judge Ana Hale pressed.", "Did you", "Ana Hale", "pressed"),
    # A long role before the name, after the quotation.
    ("“We count every crate,” Port Authority senior trial counsel Mara Quist wrote.",
     "We count", "Mara Quist", "wrote"),
    ("“The budget is short,” the White House budget director, Ola Brenn, said.",
     "The budget", "Ola Brenn", "said"),
    # Verbs of judging what was said carry the quotation too.
    ("Mayor Tom Hale later defended the joke as “only gentle teasing.”", "only gentle",
     "Tom Hale", "defended"),
    ("The council's chair, Rhea Quint, rejected the plan as “far too costly.”",
     "far too", "Rhea Quint", "rejected"),
    ("Governor Ada Pike proposed that the town “look hard at the ledger first.”", "look hard",
     "Ada Pike", "proposed"),
    ("Mayor Tom Hale anticipated that the hardest job would be “fixing what the last council "
     "left behind.”", "fixing", "Tom Hale", "anticipated"),
    ("Councilwoman Rhea Lind expressed hope that the pier would be “open again by June.”",
     "open again", "Rhea Lind", "expressed"),
    ("Mayor Tom Hale referenced an audit that found “gaps in every ledger.”", "gaps in",
     "Tom Hale", "referenced"),
    ("“The harbor will always be the harbor,” an angry Mayor Ada Pike retaliated.",
     "The harbor will", "Ada Pike", "retaliated"),
    # "according to a statement from X", "a letter by X": the issuer speaks.
    ("The talks were “constructive and frank,” according to a statement from the Harbor "
     "Board.", "constructive", "the Harbor Board", "according to"),
    ("According to a report from Harbor Watch, the pier is “unsafe for heavy trucks.”",
     "unsafe", "Harbor Watch", "According to"),
    # A question introduced by its own cue keeps it; the next sentence's cue is the next's.
    ("Ana Pike answered Tom Hale with, “Why now? That was months ago?” Hale then wrote "
     "back, “You look tired.”", "Why now", "Ana Pike", "answered"),
    # A digest's item: a capitalised heading, a dash, the name, a colon.
    ("FERRY FARES TO RISE IN SPRING - Ada P. Moreno: “The count is finally done.”",
     "The count", "Ada P. Moreno", ":"),
    ("The ferry vote turned late -More from Moreno and Tom Cohl: “Our own survey shows "
     "it.”", "Our own", "Moreno", ":"),
    # "found" reports a study's or a person's words.
    ("In 2014, the port's analyst, Ada Mehan, found that the dock was “sound for thirty "
     "more years.”", "sound for", "Ada Mehan", "found"),
    # An opening phrase before "he" is not the subject; "he" is.
    ("Mayor Tom Hale spoke in Dover on Monday.\n\nBack on home soil, he returned to his "
     "familiar lines: “There will be no new taxes.”", "There will", "Tom Hale", ":"),
    # An adverb opening the sentence is not its subject.
    ("Immediately after the storm, Mayor Tom Hale stood on the pier: “On Friday the wind "
     "tore the roofs off.”", "On Friday", "Tom Hale", ":"),
    # A "when" clause closed before the quotation does not attribute it; one that runs
    # into it does.
    ("Mayor Ada Pike said that when Rhea Lind complained about the ferry fares at the "
     "hearing, “she talks for every one of us.”", "she talks", "Ada Pike", "said"),
    ("Some members said they feared a speech like the one in 1992, when Rhea Lind called "
     "for a “harbor war” against the banks.", "harbor war", "Rhea Lind", "called"),
    # A typed dash ("--") sets off a clause like "—" does.
    ("“We will rebuild the pier,” Mayor Ada Pike -- who took office in May -- said.",
     "We will", "Ada Pike", "said"),
    ("“We will rebuild the pier,” Mayor Ada Pike - who took office in May - said.",
     "We will", "Ada Pike", "said"),
    # A participle after the quotation has no subject of its own there: the cue before
    # the quotation holds.
    ("Ana Pike spoke first.\n\nShe is noting the “sort of trouble” Tom Hale had explaining "
     "the budget.", "sort of", "Ana Pike", "noting"),
    # Name in apposition after a description.
    ("The survey's lead author, Mateo Ruiz, called the results “sobering.”", "sobering",
     "Mateo Ruiz", "called"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue"), CASES)
def test_speaker_and_cue(text: str, quote: str, speaker: str, cue: str) -> None:
    q = by_text(quotes(text), quote)
    assert q.speaker.name == speaker
    assert q.cue == cue


CUES = [
    # Verbs that double their last consonant, and less common speech verbs.
    ("“It is a long road,” Dana Whit quipped.", "It is a long", "Whit"),
    ("“The figures were wrong,” Lester Moon admitted on Tuesday.", "The figures", "Moon"),
    ("“Voters are tired of this,” Hal Brennan surmised.", "Voters are", "Brennan"),
    ("“Nobody read the memo,” Ida Fenn sniped.", "Nobody read", "Fenn"),
    # "state" is the noun, not a cue: the speaker is the one who criticised.
    ("Speaker Paula Ryder lamented the “sorry” state of the race and criticized the "
     "“politics of grievance and fear.”", "politics of", "Ryder"),
    # A participle right after the quotation is not an inverted "said X".
    ("Lena Dorr said the club would stay, but said, “It is time the club found a new hall,” "
     "promising the Friends of Elm Park a new start.", "It is time", "Dorr"),
]


# A paragraph signing the quotation above it, after a dash.
SIGNATURES = [
    ("“Big firms and their lawyers pay almost nothing to the town.”\n\n- Marchetti.\n\n"
     "The debate goes on.", "Big firms", "Marchetti"),
    ("“The whole scheme is something neighbours complain about every week; it has to end.”\n\n"
     "-Michelle Marquez, Duluth.", "The whole scheme", "Marquez"),
    ("“Fine work. He is steady. He is prepared. He never gives up.”\n\n—Mayor Oberlin, "
     "writing after the debate.", "Fine work", "Oberlin"),
]


@pytest.mark.parametrize(
    "line", ["— Reporting by Jana Doyle; Editing by Tom Marsh", "- The End.",
             "— a reader in Ohio", "– Ready to quiz the mayor –."]
)
def test_a_dash_line_that_names_nobody_signs_nothing(line: str) -> None:
    q = by_text(quotes("“We need more buses on the east side of town, and soon.”\n\n" + line),
                "We need more")
    assert not q.speaker.resolved


PARTICIPLES = [
    # A participle cue in a sentence that opens with adverbials: the person acting last.
    ("Investor Bill Ackerly runs a fund.\n\nOn Tuesday, even as prices were sliding, Mr. "
     "Ackerly wrote to clients, telling them the fund was “worth far more than this.”",
     "worth far", "Ackerly"),
    # The noun right before "-ing" is an object, not the speaker.
    ("Mayor Ida Brandt put up a note on Facebook reading “thank you, Millbrook,” at once.",
     "thank you", "Brandt"),
    ("Mr. Vance Orly, who spoke last week, released a statement Friday saying “the judge was "
     "fair to everyone.”", "the judge", "Orly"),
    # A description then the name in apposition as the sentence subject.
    ("In early October, the campaign director, Lena Moss, wrote to residents, adding "
     "that the pool would “open on time this year.”", "open on time", "Moss"),
    ("Senator Joan Hale and Mayor Tom Berg met on Monday.\n\nIt was a tense day, as Hale "
     "echoed the criticism, saying Berg “has no plan at all for the harbor.”", "has no plan",
     "Hale"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), PARTICIPLES)
def test_participle_agent(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


# The subject of a participle cue, past an opening adverb, an age, or a dash.
PARTICIPLE_SUBJECTS = [
    ("Corwin sent another letter. And then Corwin went straight for the mayor, saying, “Will "
     "the council ever publish the figures?”", "Will the council", "Corwin"),
    ("81-year-old Edgar Carvell, founder of the Harbor Rowing Club, backed Lindqvist last "
     "week, saying he “has always put the river and its towns first.”",
     "has always put", "Carvell"),
    ("Council Speaker Paul Ostrow met Corwin for an hour. Soon after, the two released a "
     "note – Ostrow saying he felt “quite hopeful” and Corwin calling it a “useful "
     "talk.”", "quite hopeful", "Ostrow"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), CUES + SIGNATURES + PARTICIPLE_SUBJECTS)
def test_speaker(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


# Cues whose speaker phrase the finder used to cut or miss: "according to" + an indefinite
# description, an inverted "Said …:" opening the sentence, a possessor before a role.
CUT_SPEAKER_PHRASES = [
    ("“We knew it was coming,” according to one miner.", "We knew", "one miner"),
    ("Said the mayor: “We will rebuild.”", "We will rebuild", "the mayor"),
    ("The firm's chief executive said in an interview that sales were “better than "
     "expected.”", "better than", "the firm's chief executive"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), CUT_SPEAKER_PHRASES)
def test_a_speaker_phrase_kept_whole(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Described speakers with a clause between the noun and the verb ("who asked not to be
# named", "speaking on condition of anonymity"), before and after the quotation.
CLAUSE_INSIDE_THE_SUBJECT = [
    ("“It is chaos out there,” one truck driver, who asked not to be named, told The "
     "Harbour Times.", "It is chaos", "one truck driver"),
    ("“The plan is finished,” a senior aide, speaking on condition of anonymity, said.",
     "The plan", "a senior aide"),
    ("One ferry pilot said: “Nobody has told us anything.”", "Nobody", "One ferry pilot"),
    ("A nurse, who asked not to be named, said the ward was “close to breaking”.",
     "close to", "A nurse"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), CLAUSE_INSIDE_THE_SUBJECT)
def test_a_described_speaker_with_a_clause_before_its_verb(
    body: str, quote: str, speaker: str
) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name == speaker
    assert q.speaker.kind.value == "unnamed"


def test_a_named_speaker_with_a_relative_clause_before_the_verb() -> None:
    q = by_text(quotes("“It is chaos out there,” Mara Quint, who runs a haulage firm, said."),
                "It is chaos")
    assert q.speaker.name == "Mara Quint"


# An anonymous source tied to what they know ("familiar with", "close to", "briefed on"),
# even when the words after it hold a noun that looks like a speech verb ("the talks").
KNOWING_SOURCES = [
    ("“The sticking point is inspections,” a senior Western official familiar with the "
     "talks told Wire.", "a senior Western official familiar with the talks"),
    ("“It is over,” an official familiar with the talks told reporters.",
     "an official familiar with the talks"),
    ("“No decision has been made,” a person briefed on the plans said.",
     "a person briefed on the plans"),
]


@pytest.mark.parametrize(("body", "speaker"), KNOWING_SOURCES)
def test_sources_familiar_with_something(body: str, speaker: str) -> None:
    q = quotes(body)[0]
    assert (q.speaker.name, q.speaker.kind.value) == (speaker, "unnamed")


# An adverb between a described speaker and the verb before a colon.
ADVERB_BEFORE_COLON = [
    ("The trust apologised.\n\nA spokesman for the trust later added: “We are opening a "
     "ward this week.”", "A spokesman for the trust"),
    ("One resident then said: “Nobody told us anything.”", "One resident"),
]


@pytest.mark.parametrize(("body", "speaker"), ADVERB_BEFORE_COLON)
def test_a_described_speaker_with_an_adverb_before_a_colon(body: str, speaker: str) -> None:
    q = quotes(body)[0]
    assert (q.speaker.name, q.speaker.kind.value) == (speaker, "unnamed")


# "said in a statement read to the jury:": the document is read, the subject says it.
def test_a_document_read_out_is_not_the_speaker() -> None:
    q = quotes("Ms Ann Ray said in a statement read to the court: “I am sorry for all of it.”")[0]
    assert (q.speaker.name, q.cue) == ("Ann Ray", "said")


# A described speaker opening the sentence, whose description runs on with "in/at/of …"
# ("A youth leader in the community said:"): up to seven words, with its link word.
LONGER_DESCRIPTIONS = [
    ("The market reopened.\n\nA trader at the old grain market said: “Nobody came today.”",
     "A trader at the old grain market"),
    ("Opinions differed.\n\nAn elder in the fishing village, who pleaded anonymity, said: "
     "“The nets are empty.”", "An elder in the fishing village"),
]


@pytest.mark.parametrize(("body", "speaker"), LONGER_DESCRIPTIONS)
def test_a_longer_description_with_its_link_speaks(body: str, speaker: str) -> None:
    q = quotes(body)[0]
    assert (q.speaker.name, q.speaker.kind.value) == (speaker, "unnamed")


# "…, with one fan writing: …": the described subject after "with" speaks, not the
# sentence's subject; a name after "with" is left to the rules for names.
WITH_PARTICIPLE = [
    ("The fee was large.\n\nSupporters were less sure, with one fan writing: “Four million "
     "for a teenager nobody has seen? Brave.”", "one fan"),
    ("The water board apologised.\n\nThe mood was grim, with another resident saying the "
     "water “has been brown for weeks”.", "another resident"),
]


@pytest.mark.parametrize(("body", "speaker"), WITH_PARTICIPLE)
def test_a_described_subject_after_with_speaks(body: str, speaker: str) -> None:
    q = quotes(body)[0]
    assert (q.speaker.name, q.speaker.kind.value) == (speaker, "unnamed")


# A described speaker with a relative clause and no commas ("One consultant who has
# worked for both camps described …") speaks; "The person who …" does not (the article
# goes on about them).
WHO_WITHOUT_COMMAS = [
    ("The feud is old.\n\nOne consultant who has worked for both camps described the "
     "relationship as “somewhere between frosty and radioactive.”", "One consultant"),
    ("The works went on.\n\nA man who lives by the depot said the noise was “unbearable at "
     "night”.", "A man"),
]


@pytest.mark.parametrize(("body", "speaker"), WHO_WITHOUT_COMMAS)
def test_a_description_with_who_and_no_commas_speaks(body: str, speaker: str) -> None:
    q = quotes(body)[0]
    assert (q.speaker.name, q.speaker.kind.value) == (speaker, "unnamed")


# A source "close to" or "familiar with" something opening the sentence, before a colon.
def test_a_knowing_source_before_a_colon_speaks() -> None:
    body = ("The star has quit the show.\n\nA source close to the cast said: “She has been "
            "thinking about it for a while.”")
    q = quotes(body)[0]
    assert (q.speaker.name, q.speaker.kind.value) == ("A source close to the cast", "unnamed")


# "one of the officers said": one of a group the article described speaks, shown with that
# description (not "one of the prosecutors for X", whose name ends the phrase).
def test_one_of_a_group_speaks() -> None:
    body = ("Two nurses at the field hospital, who were not allowed to speak to reporters, said "
            "supplies had run out.\n\n“We are washing bandages by hand now,” one of the "
            "nurses said.")
    q = by_text(quotes(body), "We are washing")
    assert q.speaker.resolved and q.speaker.name == "one of the nurses"


# A described subject of a verb that needs an object ("called it “…”"), as of "said".
def test_a_described_subject_of_called() -> None:
    body = "One customer called his guitars “the warmest things I have ever played.”"
    assert by_text(quotes(body), "the warmest").speaker.name == "One customer"


# "“…,” Hale went on.": "went on" closing the clause attributes like "continued" (pattern
# from a PolNeAR train error, our own wording); "went on to say" and "went on air" do not.
def test_went_on_after_a_quotation() -> None:
    found = quotes(
        "Ada Pike asked about the strike. “You know, it happens, right?” Hale went on. "
        "“Everyone gets over it.”"
    )
    q = by_text(found, "You know")
    assert (q.speaker.name, q.cue) == ("Hale", "went on")


# A lower-case post with "of" before the name after a quotation ("chief of staff Tom Vale
# said") keeps the quotation and the whole post as role; "one of the aides to …" is a part
# of a group, not a post, so it names no one.
@pytest.mark.parametrize(
    ("body", "speaker", "role"),
    [
        ("“It will pass,” chief of staff Tom Vale said.", "Tom Vale", "chief of staff"),
        ("“It will pass,” professor of economics Ada Pike told the hall.", "Ada Pike",
         "professor of economics"),
    ],
)
def test_a_lower_case_post_with_of_before_the_name(body: str, speaker: str, role: str) -> None:
    (q,) = quotes(body)
    assert (q.speaker.name, q.speaker.role) == (speaker, role)
