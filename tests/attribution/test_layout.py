"""Article layout: line breaks as paragraph ends, headlines, transcript labels."""

from __future__ import annotations

import pytest

from bot.attribution import extract_quotations
from bot.corpus.articles import parse_article

from .helpers import by_text, quotes

# (article text, quotation's first words, expected speaker's last word)
LINE_BREAKS = [
    # A single line break between long lines ends a paragraph: the next line's
    # "…, criticized her" is not an attribution of the quotation before it.
    ("The hall was full on the first evening of the meeting in the county seat.\n\n"
     "“Roads have gone without repair for three hard winters and must be fixed,” said Omar "
     "Diallo, a delegate from the north. “We cannot keep patching the same potholes "
     "every single spring while the bridges rust away under our feet.”\n"
     "Greta Lind, a delegate from the coast, criticized her county's budget in turn.",
     "We cannot keep", "Diallo"),
    ("The council sat late into the night to hear the residents of the east side.\n\n"
     "“We are sick of standing at stops where the buses never come on time,” "
     "said Nadia Brandt, who leads the tenants' union in the neighbourhood.\n"
     "Tomas Keller, a driver for twenty years, thanked her for the kind words.",
     "We are sick", "Brandt"),
]


def test_line_paragraph_numbers_follow_the_article() -> None:
    body = ("First paragraph has a “short quoted phrase that runs long enough,” said Ann Roe.\n\n"
            "A long line that is plainly not wrapped by width, since it runs on and on for "
            "well over one hundred characters.\n“Second line quotation here,” said Bo Ek.")
    found = quotes(body)
    assert [q.paragraph for q in found] == [1, 2]


HEADLINES = [
    # "Name: …" headlines speak for the name before the colon.
    ("Marla Quist: Harbor Plan Is a ‘Costly Mistake’",
     "Marla Quist: Harbor Plan Is a ‘Costly Mistake.’\n\nMayor Marla Quist spoke on Monday.",
     "Costly Mistake", "Quist"),
    # "…, Name Says": the name after the quotation.
    ("Ferries Are ‘The Lifeline Of The Islands,’ Tom Arden Tells Council",
     "Ferries Are ‘The Lifeline Of The Islands,’ Tom Arden Tells Council.\n\n"
     "Tom Arden, who runs the ferry line, spoke for an hour.", "The Lifeline", "Arden"),
    # A headline's own grammar comes before a speech noun ("Remarks ‘…’").
    ("Hale Says Floods Were Foreseeable, Calls Berg’s Harbor Remarks ‘Troubling’",
     "Hale Says Floods Were Foreseeable, Calls Berg’s Harbor Remarks ‘Troubling.’\n\n"
     "Senator Joan Hale said on Monday that the floods were foreseeable. Mayor Tom Berg "
     "disagreed.", "Troubling", "Hale"),
    # A headline led by a person the article names.
    ("Brannigan 'glad to finish' fight over harbor",
     "Brannigan 'glad to finish' fight over harbor.\n\n"
     "Councilwoman Ruth Brannigan said on Monday that the report was nearly done.",
     "glad to", "Brannigan"),
]


@pytest.mark.parametrize(("headline", "body", "quote", "speaker"), HEADLINES)
def test_headline_quotations(headline: str, body: str, quote: str, speaker: str) -> None:
    text = f"---\nid: h\nheadline: {headline}\npublished: 2025-02-12\n---\n{body}"
    found = extract_quotations(parse_article(text, default_id="h"))
    q = by_text(found, quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


def test_headline_led_by_no_person_is_not_attributed() -> None:
    headline = "Harbor 'glad to finish' fight over fares"
    text = (f"---\nid: h\nheadline: {headline}\npublished: 2025-02-12\n---\n{headline}.\n\n"
            "The Harbor Authority raised fares on Monday.")
    found = extract_quotations(parse_article(text, default_id="h"))
    assert all(q.speaker.name is None for q in found)


@pytest.mark.parametrize(("body", "quote", "speaker"), LINE_BREAKS)
def test_speaker(body: str, quote: str, speaker: str) -> None:
    q = by_text(quotes(body), quote)
    assert q.speaker.name is not None and q.speaker.name.split()[-1] == speaker


def test_a_transcript_label_inside_a_quotation_names_its_speaker() -> None:
    found = quotes(
        "The council published the exchange in full.\n\n"
        "“HALE: We will not close the library while I chair this council.”"
    )
    q = by_text(found, "We will not close")
    assert q.speaker.name == "HALE"
    assert q.cue == ":"


def _headlined(headline: str, body: str) -> list:
    text = f"---\nid: h\nheadline: {headline}\npublished: 2025-02-12\n---\n{body}"
    return extract_quotations(parse_article(text, default_id="h"))


def test_a_capitalised_speech_verb_after_a_name_is_the_cue_not_the_name() -> None:
    headline = "Brandt Said ‘No Deal’ On Harbor Plan"
    found = _headlined(headline, f"{headline}\n\nMayor Carl Brandt rejected the plan on Monday.")
    q = by_text(found, "No Deal")
    assert (q.speaker.name, q.cue) == ("Carl Brandt", "said")


@pytest.mark.parametrize(
    "headline",
    ["Brandt closes harbor, residents ‘furious’", "Brandt closes harbor, critics ‘appalled’"],
)
def test_a_headline_quotation_of_another_clause_is_not_the_leading_person(headline: str) -> None:
    found = _headlined(headline, f"{headline}\n\nMayor Carl Brandt closed the harbor on Monday.")
    # (an unattributed single word is dropped; never given to the leading person)
    assert all(q.speaker.name != "Carl Brandt" for q in found if q.paragraph == 1)


# A quotation opening the headline, its speaker the subject after the colon; front matter
# keeps the opening quotation mark of such a headline.
COLON_HEADLINES = [
    ("'We were robbed': Kovac fumes at late penalty",
     "Harbour Town manager Ivan Kovac was furious after Saturday's defeat.", "We were robbed",
     "Ivan Kovac"),
    ("‘I just kept swinging’: Baptiste wins first title",
     "Ines Baptiste, 22, won her first tour title in Lisbon on Sunday.", "I just kept swinging",
     "Ines Baptiste"),
]


@pytest.mark.parametrize(("headline", "body", "quote", "speaker"), COLON_HEADLINES)
def test_a_quotation_before_the_headline_colon(
    headline: str, body: str, quote: str, speaker: str
) -> None:
    q = by_text(_headlined(headline, f"{headline}\n\n{body}"), quote)
    assert q.speaker.name == speaker
