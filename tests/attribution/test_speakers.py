"""Who said it: cue patterns, names, roles, pronouns, groups, organisations."""

from __future__ import annotations

import pytest

from bot.attribution import SpeakerKind

from .helpers import by_text, quotes

# (article text, quotation's first words, expected speaker name, expected cue)
CASES = [
    # Quote first, subject then verb.
    ("“We will win,” Mayor Ana Lopez said.", "We will win", "Ana Lopez", "said"),
    # Inverted: verb, then the speaker with an appositive.
    ("“Rates will rise,” said Paul Wren, an economist at Westbank.", "Rates", "Paul Wren",
     "said"),
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
    # Name in apposition after a description.
    ("The survey's lead author, Mateo Ruiz, called the results “sobering.”", "sobering",
     "Mateo Ruiz", "called"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue"), CASES)
def test_speaker_and_cue(text: str, quote: str, speaker: str, cue: str) -> None:
    q = by_text(quotes(text), quote)
    assert q.speaker.name == speaker
    assert q.cue == cue


def test_surname_gets_full_name_and_role_established_earlier() -> None:
    found = quotes(
        "Kremlin spokesman Dmitry Peskov spoke on Monday.\n\n“We are ready,” Peskov said."
    )
    q = by_text(found, "We are ready")
    assert q.speaker.name == "Dmitry Peskov"
    assert q.speaker.role == "Kremlin spokesman"
    assert q.speaker.kind is SpeakerKind.PERSON


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
    ("body", "quote", "speaker"),
    [
        # "she" skips the man mentioned in between.
        ("Board president Helen Marsh opened the meeting. Superintendent Thomas Reyes "
         "listened.\n\n“We can do this,” she said.", "We can do this", "Helen Marsh"),
        ("Board president Helen Marsh opened the meeting. Superintendent Thomas Reyes "
         "listened.\n\n“We can do this,” he said.", "We can do this", "Thomas Reyes"),
        # The subject, not the object of a preposition.
        ("Since Jan. 20, President Donald Trump has been evasive about his talks with "
         "Vladimir Putin.\n\n“It is too early,” he told reporters.", "It is too early",
         "Donald Trump"),
        # The speaker of the previous quotation goes on.
        ("“First,” Ms. Ortiz said.\n\nMr. Greaves was not persuaded.\n\n"
         "“Nobody is taking water,” she said.", "Nobody", "Ortiz"),
    ],
)
def test_pronouns(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.endswith(speaker)


def test_unresolvable_pronoun_is_not_guessed() -> None:
    q = by_text(quotes("“We are done here,” she said."), "We are done")
    assert q.speaker.kind is SpeakerKind.UNRESOLVED
    assert q.speaker.name is None


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


def test_medium_and_place() -> None:
    found = quotes(
        "“I just had a productive call,” President Donald Trump wrote on Truth Social.\n\n"
        "“I’m confident,” Zelensky told reporters in Kyiv."
    )
    assert by_text(found, "I just").medium == "on Truth Social"
    assert by_text(found, "I’m").medium == "in Kyiv"
    assert by_text(found, "I’m").cue == "told reporters"


# (article text, quotation's first words, the medium as written)
MEDIA = [
    # A channel named after the utterance: "in a post on X", "in an interview with CNN".
    ("Rep. Ana Ortiz wrote in a post on X that the plan was “a giveaway to the rich.”",
     "a giveaway", "in a post on X"),
    ("“We will not fold,” Gov. Ray Lind said in an interview with CNN on Sunday.",
     "We will not", "in an interview with CNN"),
    # A place after the occasion; a time after the channel is not part of it.
    ("“Every vote counts,” Sen. Jo Park said at a rally in Erie last week.", "Every vote",
     "at a rally in Erie"),
    ("Elon Marsh posted on X late Sunday: “The people voted for reform.”", "The people",
     "on X"),
    ("“It is over,” Dana Holt said at a conference in February.", "It is over",
     "at a conference"),
    # Time phrases with no channel give none; a channel whose words hold a time keeps it.
    ("“We start now,” Mayor Tess Aldo said in the early morning hours.", "We start", None),
    ("Sen. Mia Roth said in an early morning tweet that the vote was “a disgrace.”",
     "a disgrace", "in an early morning tweet"),
    # The channel or occasion leading the sentence, right before the speaker.
    ("In a statement, the European Commission said it “regrets” the decision.", "regrets",
     "In a statement"),
    ("Speaking at a rally in Erie last week, Sen. Jo Park said the race was “about the "
     "future.”", "about the future", "at a rally in Erie"),
    ("During his seven years in office, Mayor Tess Aldo said the city was “on the mend.”",
     "on the mend", None),
]


@pytest.mark.parametrize(("body", "quote", "medium"), MEDIA)
def test_medium(body: str, quote: str, medium: str | None) -> None:
    assert by_text(quotes(body), quote).medium == medium


@pytest.mark.parametrize(
    "body",
    [
        "Retired general Keith Kellogg, a senior official, spoke on Monday.\n\n"
        "“The talks will fail,” the official said, speaking on condition of anonymity.",
        "“It was a mistake,” a senior administration official told Reuters.",
    ],
)
def test_anonymous_sources_stay_unnamed(body: str) -> None:
    (q,) = [q for q in quotes(body) if q.text.startswith(("The talks", "It was"))]
    assert q.speaker.kind is SpeakerKind.UNRESOLVED
    assert q.speaker.name is None
    assert q.speaker.role is not None and "official" in q.speaker.role


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        ("„Wir schaffen das“, sagte Kanzlerin Angela Merkel. “It works,” said Merkel.",
         "It works", "Angela Merkel"),
        ("« Nous sommes prêts », a dit le ministre. “We are ready,” minister Jean Dupont said.",
         "We are ready", "Jean Dupont"),
        ("“I think — and I mean this — it is over,” says Jane Doe, 45, a teacher.", "I think",
         "Jane Doe"),
        ("The Kremlin said the call was “useful.”", "useful", "the Kremlin"),
    ],
)
def test_other_styles(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


def test_names_beyond_ascii() -> None:
    found = quotes(
        "Émilie Durand, a French diplomat, arrived on Monday.\n\n“Yes,” Durand said.\n\n"
        "Polish Foreign Minister Radosław Sikorski agreed. “Always,” Sikorski said."
    )
    assert by_text(found, "Yes").speaker.name == "Émilie Durand"
    assert by_text(found, "Always").speaker.name == "Radosław Sikorski"


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


def test_british_style_article() -> None:
    found = quotes(
        "The prime minister, Keir Starmer, said on Tuesday that the government would not back "
        "down. 'We were elected to fix the country's foundations,' he told MPs.\n\n"
        "The Conservative leader, Kemi Badenoch, accused him of 'breaking promises'. "
        "'He said he wouldn't raise taxes. He did,' she said.\n\n"
        "Unions warned of strikes. 'Our members won't accept it,' said the TUC's general "
        "secretary, Paul Nowak."
    )
    first = by_text(found, "We were elected")
    assert (first.speaker.name, first.speaker.role) == ("Keir Starmer", "prime minister")
    assert first.cue == "told MPs"
    assert by_text(found, "He said he").speaker.name == "Kemi Badenoch"
    assert by_text(found, "He said he").speaker.role == "Conservative leader"
    assert by_text(found, "Our members").speaker.name == "Paul Nowak"


def test_wire_style_article() -> None:
    found = quotes(
        "WASHINGTON (AP) — The Senate on Thursday passed a bill.\n\n"
        "“This is a good day,” Senate Majority Leader Chuck Schumer, D-N.Y., said on the "
        "Senate floor.\n\n"
        "“The president looks forward to signing it,” press secretary Karine Jean-Pierre told "
        "reporters aboard Air Force One.\n\n"
        "“It’s not perfect,” said Rep. Rosa DeLauro, the top Democrat on the House "
        "Appropriations Committee.\n\nAsked about the timing, she added: “We ran out of road.”"
    )
    schumer = by_text(found, "This is a good day")
    assert (schumer.speaker.name, schumer.speaker.role) == ("Chuck Schumer",
                                                            "Senate Majority Leader")
    assert schumer.medium == "on the Senate floor"
    press = by_text(found, "The president")
    assert (press.cue, press.medium) == ("told reporters", "aboard Air Force One")
    assert by_text(found, "We ran out").speaker.name == "Rosa DeLauro"


def test_surname_with_honorific_is_a_person() -> None:
    found = quotes("Ms. Alvarez, 34, runs a bakery on Main Street. “Business is slow,” she says.")
    assert by_text(found, "Business").speaker.name == "Alvarez"


def test_a_statement_without_author_is_unresolved() -> None:
    q = by_text(quotes("“Rates will fall,” the statement said."), "Rates")
    assert q.speaker.kind is SpeakerKind.UNRESOLVED


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
