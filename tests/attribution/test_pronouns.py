"""Whom "he", "she" and "they" stand for (bot.attribution.pronouns): gender and number, the
person between, chains across paragraphs, and no guess where nobody fits."""

from __future__ import annotations

import pytest

from bot.attribution import SpeakerKind

from .helpers import by_text, quotes


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
        # A given name of either gender ("Mary") still comes first: the second given
        # name ("Glen") does not make her a he.
        ("Mary Glen Brenn said her union would work “flat out” this year.\n\n“It is a hard "
         "season,” Brenn said. She added that the mayor wins members over because of the "
         "“deep unease” they feel.", "deep unease", "Mary Glen Brenn"),
        # The person leading the sentence, not the subject of its "while" clause.
        ("Governor Tom Hale waited in the hall while Pete Brill counted the votes twice. "
         "“We need more time,” he said.", "We need", "Tom Hale"),
        # "As for Hale, he said …": the topic is the subject, not an object of "for".
        ("Governor Tom Hale is the favorite. Senator Ed Cruz warned against a late change "
         "of rules. “It would be chaos,” the senator said.\n\nAs for Hale, he said the polls "
         "do not scare him. “I will have the votes,” he said.", "I will have", "Tom Hale"),
        # "there's" is "there is": the name after it is the one the passage turns to.
        ("Governor Pete Brill has even said nice things about the mayor.\n\nThen there's "
         "Tom Axel.\n\n“Kind of bewildering, all of it,” he wrote last October.",
         "Kind of", "Tom Axel"),
        # A surname first seen bare in a headline is a person once a title leads it.
        ("Voss backs the port deal.\n\nMr. Voss signed the deal on Monday after a long "
         "debate.\n\n“It will pay for itself,” he said.", "It will pay", "Voss"),
        # A role in apposition makes a person of a name no list knows ("Torlan").
        ("Mayor Tom Hale wants the port open. Hale said the vote was “a formality.”\n\n"
         "Torlan Kettle, the harbor board chairman, this past week unveiled a plan for the "
         "vote.\n\n“It will help voters follow the count,” he said.", "It will help",
         "Torlan Kettle"),
        # A name inside someone's noun phrase ("last week's San Jose rally") is not the
        # sentence's subject a pronoun goes back to.
        ("Governor Tom Hale said on Monday that the port “will stay open.”\n\nHale was "
         "back on the topic at last week's San Jose rally, where he suggested the port "
         "would close: “We may have to close it.”", "We may", "Tom Hale"),
        # "Mr." in her role is the man she campaigns for: no evidence that she is a he.
        ("Tom Gale chaired the meeting.\n\n“We will not move,” Mr. Gale said.\n\n"
         "Nina Brenn, a campaigner for Mr. Gale, took the microphone next. “The harbor "
         "belongs to all of us,” she said.", "The harbor", "Nina Brenn"),
    ],
)
def test_pronouns(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.endswith(speaker)


def test_unresolvable_pronoun_is_not_guessed() -> None:
    q = by_text(quotes("“We are done here,” she said."), "We are done")
    assert q.speaker.kind is SpeakerKind.UNRESOLVED
    assert q.speaker.name is None


# Pronoun chains across paragraphs: the person leading a sentence of the paragraph before
# outranks a name inside a clause, and a place after "outside" is nobody.
PRONOUN_CHAINS = [
    ("Andrew Mensah took his nephew to the stadium to show him where Tony Yeboah had "
     "played.\n\nHe said: “I wanted him to see the grass with his own eyes.”", "I wanted him",
     "Andrew Mensah"),
    # "Vance spokesman Mark Brook": the name before the role word is not the subject.
    ("Governor Paul Vance is on leave until March.\n\nVance spokesman Mark Brook gave no date "
     "for the governor’s return to the statehouse.\n\n“The doctors will decide that,” he said.",
     "The doctors will", "Mark Brook"),
    ("Ewan Hart, 61, who farms outside Inverness, says the rain came too late.\n\n"
     "“The barley was already lost,” he said.", "The barley", "Ewan Hart"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), PRONOUN_CHAINS)
def test_pronoun_chains_across_paragraphs(body: str, quote: str, speaker: str) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker


# "they said" after "the companies said" for two bodies joined by "and": both again.
def test_they_after_two_bodies_speaking_together() -> None:
    body = ("Marrow Seeds Ltd. and Tolland Grain Corp. agreed to merge on Monday.\n\n“We are "
            "stronger as one,” the companies said in a joint statement.\n\nThe deal needs "
            "approval from regulators in two countries.\n\n“We expect to close by summer,” "
            "they said.")
    q = by_text(quotes(body), "We expect")
    assert q.speaker.name == "Marrow Seeds Ltd and Tolland Grain Corp"


# "The company said it would …" then "“…,” it said": "it" is the body "the company" stands
# for, even after a person of that company was quoted.
THE_COMPANY_SAID_IT = [
    ("Corvane Systems posted record sales. Chief executive Lydia Marsh called demand "
     "“relentless.” The company said it would raise prices.\n\n“Customers understand,” it "
     "said.", "Customers understand", "Corvane Systems"),
    ("Halvorsen Freight Group cut 300 jobs. “We held on as long as we could,” its chief, Ola "
     "Berg, said. The firm said on Monday that it had no choice.\n\n“The market has "
     "turned,” it said.", "The market", "Halvorsen Freight Group"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), THE_COMPANY_SAID_IT)
def test_it_after_the_company_said_it(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert (q.speaker.name, q.speaker.kind) == (speaker, SpeakerKind.ORGANIZATION)


# "she"/"he" after a paragraph that introduces someone only as an object ("a plea from
# Jean Whitby, 88,"): that person, when the name's gender fits, before older subjects.
INTRODUCED_NOT_AS_SUBJECT = [
    ("\"Fix the pavements first,\" writes Ruth Alder, of Mill Lane.\n\n"
     "Last, a letter from Edith Brook, 91, who has walked to the market every day since 1950."
     "\n\n\"My legs are fine. The pavements are not,\" she writes.", "My legs are fine",
     "Edith Brook"),
    ("\"We were not consulted,\" said Anna Lind, who runs the bakery.\n\n"
     "Then came a call from Tomas Berg, 70, a retired fisherman.\n\n"
     "\"I have seen three harbour plans come and go,\" he said.", "I have seen three",
     "Tomas Berg"),
]


@pytest.mark.parametrize(("body", "quote", "speaker"), INTRODUCED_NOT_AS_SUBJECT)
def test_a_pronoun_after_someone_introduced_as_an_object(
    body: str, quote: str, speaker: str
) -> None:
    assert by_text(quotes(body), quote).speaker.name == speaker
