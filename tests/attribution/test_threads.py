"""Quotations that continue an earlier one: interrupted, multi-paragraph, standing alone."""

from __future__ import annotations

import pytest

from .helpers import by_text, quotes


def test_interrupted_quotation_shares_id_and_speaker() -> None:
    found = quotes("“The trend is real,” said Ingrid Solberg, “but one season can fool you.”")
    assert len(found) == 2
    assert found[0].quotation_id == found[1].quotation_id
    assert found[0].speaker == found[1].speaker
    assert found[0].speaker.name == "Ingrid Solberg"


def test_multi_paragraph_quotation_shares_speaker() -> None:
    found = quotes(
        "Chief Rosa Valdez described the night:\n\n“It was 1996.\n\n“We did not lose the block."
        "\n\n“That is all.”\n\nShe retires on Friday."
    )
    assert [q.text for q in found] == ["It was 1996.", "We did not lose the block.",
                                       "That is all."]
    assert {q.speaker.name for q in found} == {"Rosa Valdez"}
    assert len({q.quotation_id for q in found}) == 1


def test_quotation_alone_continues_last_speaker() -> None:
    found = quotes(
        "“The plan is dead,” Senator Joan Hale said in the hall. The crowd cheered loudly for "
        "a while.\n\n“And it will stay dead as long as I am here.”"
    )
    assert by_text(found, "And it will").speaker.name == "Joan Hale"


def test_someone_else_speaking_breaks_the_thread() -> None:
    found = quotes(
        "“The plan is dead,” Senator Joan Hale said. Her rival, Mayor Tom Berg, disagreed "
        "and told reporters the vote was close.\n\n“We will see who is right in the end.”"
    )
    assert by_text(found, "We will see").speaker.name == "Tom Berg"


# Features and profiles: a pronoun chain across paragraphs, a quotation standing alone as its
# own paragraph after its speaker was introduced, a relative named by first name.
FEATURES = [
    ("Ana Ortiz grew up above her parents' bakery in Millbrook.\n\nShe won the regional "
     "science prize this year, beating students from twelve schools.\n\nShe is modest about "
     "it. “I was lucky with the questions,” she said.", "I was lucky", "Ana Ortiz"),
    ("Ana Ortiz grew up above her parents' bakery in Millbrook.\n\nHer teacher, Paul Wren, "
     "coached her for months.\n\nHe is proud. “She worked harder than anyone,” he said.",
     "She worked", "Paul Wren"),
    ("Mayor Carl Brandt has run the city for ten years.\n\nHe grew up in the port district "
     "and worked the docks as a young man.\n\n“I know what the harbor means to this city.”",
     "I know what", "Carl Brandt"),
    ("Ximena Ortiz, 21, studies marine biology. Her brother Tomas, 19, studies law.\n\n"
     "“It was hard,” she said. “But worth it.”\n\n“She never stops,” he said.",
     "She never stops", "Tomas"),
    # Issuing a statement is the speech act the next paragraph's quotation belongs to.
    ("At the chair's direction, the Harbor Board issued a statement apologizing to Tom "
     "Hale for the emails.\n\n“On behalf of everyone at the board, we want to offer a deep "
     "apology to Mr. Hale.”", "On behalf", "the Harbor Board"),
    # Quotations alone in their paragraphs after one ending on a speech act, past a
    # scare quote in it that attributes nothing.
    ("Mayor Tom Hale told reporters his plan was “to fix the harbor” within a year.\n\n"
     "How he would “fix the harbor” is anyone's guess, since Hale spoke only in slogans "
     "at the meeting.\n\n“We will dredge it and we will widen it.”\n\n“The ferries will "
     "run on time again.”", "The ferries", "Tom Hale"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), FEATURES)
def test_feature_writing(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# Attribution typos and terse intros real copy is full of.
TERSE = [
    # A full stop where the comma goes, then only "Name said."
    ("Mayor Carl Brandt spoke on Monday.\n\n“If the board is listening, I hope it finds the "
     "missing permits.” Brandt said.", "If the board", "Carl Brandt"),
    # A name right before the colon that introduces the quotation.
    ("The result does not surprise county pollster Ada Moreno: “Turnout always drops when it "
     "rains.”", "Turnout always", "Ada Moreno"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), TERSE)
def test_terse_attributions(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_a_full_stop_before_a_longer_sentence_is_no_attribution() -> None:
    found = quotes("Mayor Carl Brandt spoke on Monday.\n\n“The permits are missing.” Brandt "
                   "said nothing more about the harbor that evening, and left.")
    assert by_text(found, "The permits").cue is None


# A short sentence that is a paragraph of its own, in quotation marks, after its speaker
# was quoted: speech, however few its words.
SHORT_STANDALONE = [
    ("Maria Santos, 45, has run the noodle stall for two decades.\n\n“My father ran it before "
     "me,” Santos said.\n\n“Rents have tripled.”", "Rents have", "Maria Santos"),
    ("“We were told nothing,” said Grace Obi, a tenant.\n\n“Nothing at all.”\n\nThe landlord "
     "did not reply.", "Nothing at all", "Grace Obi"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), SHORT_STANDALONE)
def test_a_short_quotation_alone_in_its_paragraph(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_a_short_title_alone_in_its_paragraph_is_not_speech() -> None:
    found = quotes("The band closed with one song.\n\n“Harbour Lights”\n\nThen the crowd left.")
    assert not [q for q in found if q.text.startswith("Harbour")]


# A quotation opening a sentence after one led by "he"/"she" (past an opening adverb) is
# that person's: "Afterwards" is no one.
def test_a_quotation_after_a_sentence_led_by_she() -> None:
    body = ("Coach Dana Whitley watched from the sideline as her team lost.\n\n"
            "Afterwards, she was blunt. “We were not good enough today.”")
    assert by_text(quotes(body), "We were not").speaker.name == "Dana Whitley"



# A quotation alone in its paragraph after one led by "description, Name," (no speech verb):
# the name speaks.
DESCRIBED_THEN_NAMED = [
    ("“I’ve lived here 40 years,” said Margaret Doyle, 78.\n\nHer neighbour, Tom Quinn, "
     "agreed.\n\n“It’s a scandal.”", "It’s a scandal", "Tom Quinn"),
    ("The bakery opened in 1962.\n\nThe current owner, Rosa Lentini, took over from her "
     "father.\n\n“He never took a day off in forty years.”", "He never took", "Rosa Lentini"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), DESCRIBED_THEN_NAMED)
def test_a_quotation_after_a_description_then_a_name(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_an_attribution_that_cannot_be_read_never_borrows_the_previous_speaker() -> None:
    # The second quotation is attributed right after its mark, to someone the rules cannot
    # parse ("the" + a description + an unusual clause): it must stay unresolved rather than
    # take the first paragraph's speaker.
    body = (
        "Officials said the backlog was “worse than in 2019”.\n\n"
        "“It is chaos out there,” the owner of one of the yards, who has worked there for "
        "decades and knows every crane by name, told The Harbour Times."
    )
    q = by_text(quotes(body), "It is chaos")
    assert q.speaker.name != "Officials"


# A quotation standing alone after a paragraph whose last sentence has "she"/"he" as its
# subject: that person speaks (features and profiles do this for answers).
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Nell Varga, 38, opened the bakery last spring.\n\nAsked what she would tell a "
         'beginner, she does not hesitate.\n\n"Write everything down, every sale and every '
         'mistake."', "Nell Varga"),
        ("Tomas Reyl has coached the team for a decade.\n\nWhen the final whistle went, he "
         'simply sat down on the bench.\n\n"I had nothing left to give them that day."',
         "Tomas Reyl"),
    ],
)
def test_a_quotation_alone_after_a_pronoun_subject(body: str, speaker: str) -> None:
    (q,) = quotes(body)
    assert q.speaker.name == speaker


# A short sentence ending in a colon right before the quotation is its subject's, whatever
# the verb: "put it plainly:", "was brief:".
SUBJECT_COLON = [
    ("The Northern Federation of Beekeepers held its meeting on Monday.\n\nThe federation "
     "put it plainly: “Without bees there is no harvest.”", "Without bees",
     "Northern Federation of Beekeepers"),
    ("Coach Dara Quinn watched from the stand.\n\nQuinn was brief: “We lost the game in the "
     "first ten minutes.”", "We lost", "Dara Quinn"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), SUBJECT_COLON)
def test_a_sentence_ending_in_a_colon(body: str, quote: str, speaker: str) -> None:
    assert (by_text(quotes(body), quote).speaker.name or "").removeprefix("The ") == speaker


# A quotation opening its sentence after two: "He has tried. Last year the foundry tested
# …": the person of the sentence before speaks, not the body or thing the last is about.
BETWEEN = [
    ("Marek Dvorak runs a foundry in Leeds. “We have no third option,” he says.\n\nHe has "
     "tried. Last year the foundry tested four-day weeks at one plant. “The injury reports "
     "went up. We stopped it.”", "The injury", "Marek Dvorak"),
    ("Ines Varga runs a bakery in Pécs. “We have no third option,” she says.\n\nShe has "
     "tried. In 2023 the city's bakers' union ran a trial of four-day weeks. “The bread went "
     "stale. We stopped it.”", "The bread", "Ines Varga"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), BETWEEN)
def test_a_sentence_about_a_thing_between_speaker_and_quotation(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# A pull-quote repeated under the article, its credit on the next line after a hyphen or
# dash, with words after the name; a hyphen inside a sentence signs nothing.
PULL_QUOTES = [
    ("Nadia Kovac, 31, won the final in three sets on Sunday.\n\n"
     "\"It was the longest hour of my life,\" Kovac said. Her opponent, Ines Baptiste, was "
     "gracious. \"She deserved it,\" Baptiste said.\n\n"
     "\"It was the longest hour of my life.\"\n- Nadia Kovac after the final",
     "It was the longest hour of my life.", "Kovac"),
    ("Council leader Tom Arden faced a packed hall on Monday night.\n\n"
     "\"We will not close the pool,\" Arden said. The opposition leader, Ruth Hale, said the "
     "promise came too late. \"He said the same in May,\" Hale said.\n\n"
     "“We will not close the pool.”\n— Tom Arden speaking to residents",
     "We will not close the pool.", "Arden"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), PULL_QUOTES)
def test_a_pull_quote_credit_on_the_next_line(body: str, quote: str, speaker: str) -> None:
    matches = [q for q in quotes(body) if q.text == quote]
    assert len(matches) == 1
    assert matches[0].speaker.name is not None
    assert matches[0].speaker.name.split()[-1] == speaker


def test_a_hyphen_inside_the_sentence_signs_nothing() -> None:
    found = quotes(
        "The crew shouted ''Dobranoc!'' - Polish for ''good night'' - as the boat left. "
        "Captain Ewa Nowak said the trip had gone well."
    )
    assert all(q.speaker.name != "Polish" for q in found)
