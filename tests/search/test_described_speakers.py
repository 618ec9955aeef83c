"""Speakers described the way reporters remember them: by the body named in the sentence or
paragraph around their quotation, by a spelling of their title other than the article's, or by
a surname shared with a relative (articles written for the test)."""

from __future__ import annotations

import pytest

from bot.answer import Answer, Answerer
from bot.attribution import extract_quotations
from bot.attribution.model import Speaker, SpeakerKind
from bot.corpus.articles import parse_article
from bot.search.describe import parse_description, speaker_tokens, strong_matches
from bot.search.index import CorpusIndex
from bot.search.question import Intent, parse_question

FERRY = """---
id: ferry-outage
headline: Island ferry out of service after engine fault
outlet: The Harbour Courier
published: 2026-04-07
---
Bayline Ferries cancelled every crossing to Gull Island on Tuesday after one of its two \
vessels lost power in the channel.

The company said the Marram had drifted for an hour before a tug brought it back to the \
quay. "Nobody was hurt, and that is what matters tonight," the company said.

Chief executive Dana Holm told the Courier that mechanics had found a split coolant pipe. \
"It will take days, not weeks, to put right," Holm said.

Islanders were less patient. "We have no other way to get to the mainland," said Owen \
Pryce, who runs the island shop.
"""

BAKERY = """---
id: bakery-results
headline: Crumb and Co. profits fall as flour costs bite
outlet: The Harbour Courier
published: 2026-04-09
---
Crumb and Co., the bakery chain, said on Thursday that its profits had fallen by a fifth.

"Flour has never cost us more, and the repairs to our ovens will take weeks, not days," \
chief executive Marta Ferris said on a call with investors.

The chain will close two shops in the spring.
"""

ZONING = """---
id: zoning-vote
headline: Tower on Mill Street approved
outlet: The Riverside Ledger
published: 2026-05-12
---
The Riverside zoning board voted four to one on Monday night to allow a twelve-storey tower \
on Mill Street.

Board chair Grace Liu said the tower met every rule in the city plan. "We are bound by the \
plan, not by how we feel about tall buildings," Liu said.

The lone dissenting member, Priya Nair, said the board had ignored the neighbours. "I wanted \
one more hearing so the street could be heard," Nair said.
"""

LIBRARY = """---
id: library-hours
headline: Library asks for Sunday opening
outlet: The Riverside Ledger
published: 2026-05-14
---
The library board met on Tuesday to discuss its budget for next year.

"We want another hearing before the budget is set, so readers can be heard," said Colm \
Baxter, a member of the library board.
"""

DEPOT = """---
id: depot-closure
headline: Drivers learn of depot closure from a leaked memo
outlet: The Riverside Ledger
published: 2026-05-20
---
Riverside Transit plans to close its north depot next year, according to a memo seen by the \
Ledger.

The union representing the drivers, Local 77 of the Transit Workers Guild, said nobody had \
been told. "Our drivers found out from a leaked memo, like everybody else," said Sam Ortiz, \
the local's president.

Ana Ruiz, president of the Riverside Chamber of Commerce, said businesses near the depot \
would suffer. "Fewer buses means fewer customers on our high street," Ruiz said.
"""

HARBOUR = """---
id: harbour-dredging
headline: Siblings split over harbour dredging plan
outlet: The Harbour Courier
published: 2026-06-02
---
The plan to dredge Riverside harbour has divided one of the town's best-known families.

Councilwoman Lena Brandt voted for the plan on Wednesday. "Without dredging, the big boats \
will stop coming within five years," she said.

Her brother, harbour master Olaf Brandt, has campaigned against it. "Stirring up that mud \
will kill the mussel beds for a generation," Olaf Brandt said.
"""

BUDGET = """---
id: council-budget
headline: Council argues over the reserve
outlet: The Riverside Ledger
published: 2026-06-03
---
"The reserve is there for a rainy day, and it is pouring," said Tom Alvarez, a city \
councillor who chairs the finance committee.
"""

CAPITOL = """---
id: freight-bill
headline: Senators split on freight rail bill
outlet: The Riverside Ledger
published: 2026-06-10
---
The Senate commerce committee sent the freight rail bill to the floor on Thursday.

Sen. Dana Kirk (R-Ohio) said the bill would protect towns along the lines. "Every crossing in \
my state gets a gate and a light under this law," Kirk said.

Sen. Paul Reyes (D-Texas) voted against it. "Every crossing in Texas will still wait years \
for a gate," Reyes said.

In Berlin, Environment Minister Lotte Haas of the Greens defended the new carbon levy. "A \
fair price on carbon is the cheapest climate policy there is," Haas said. Finance Minister \
Jan Vogel of the Liberals was cooler. "Any levy must be paid back to households in full," \
Vogel said.
"""


@pytest.fixture(scope="module", params=[True, False], ids=["semantic", "lexical"])
def answerer(request: pytest.FixtureRequest) -> Answerer:
    texts = (FERRY, BAKERY, ZONING, LIBRARY, DEPOT, HARBOUR, BUDGET, CAPITOL)
    articles = [parse_article(raw, default_id="x") for raw in texts]
    return Answerer(CorpusIndex(articles, extract_quotations, semantic=request.param))


def top_speaker(answer: Answer) -> str | None:
    top = answer.results[0].quotation if answer.results else None
    return top.speaker.name if top else None


@pytest.mark.parametrize(
    ("typed", "speaker"),
    [
        # The company is named in the paragraph before, not in the role ("Chief executive");
        # the other chief executive's quotation shares more words, and "Ferris" is not "ferry".
        ("which ferry company chief executive said the repairs would be quick", "Dana Holm"),
        # "the lone dissenting member": the board is named in her paragraph and the one before;
        # the library board's member holds two of the three words in his role.
        (
            "which member of the zoning board wanted another hearing so people could be heard",
            "Priya Nair",
        ),
        # "the local's president": the union is named in the sentence before.
        ("which union president said the staff heard about it from a memo", "Sam Ortiz"),
        # "Councilwoman" is a councillor, and "CEO" a chief executive.
        ("which councillor said the boats would stop coming", "Lena Brandt"),
        ("which ferry CEO said it would be fixed quickly", "Dana Holm"),
        # No role at all: "harbour master" is only in the sentence introducing him.
        ("which harbour master said the shellfish would be wiped out", "Olaf Brandt"),
        # A surname in the plural picks out the family; what was said picks the sibling.
        ("which of the two Brandts said the mussel beds would die", "Olaf Brandt"),
        # The state is only in the party tag after the name: "(R-Ohio)".
        ("which senator from Ohio said every crossing would get a gate", "Dana Kirk"),
        # The party is named after the name ("of the Greens"), not in the role.
        ("which Greens minister defended the carbon levy", "Lotte Haas"),
        # A past tense other than the verbs of saying.
        ("which union president grumbled that the drivers were kept in the dark", "Sam Ortiz"),
    ],
)
def test_a_speaker_described_by_the_article_around_them_is_found(
    answerer: Answerer, typed: str, speaker: str
) -> None:
    answer = answerer.answer(parse_question(typed))
    assert top_speaker(answer) == speaker
    # Quotations first: every result is a quotation with its speaker.
    assert all(r.quotation is not None and r.quotation.speaker.name for r in answer.results)


@pytest.mark.parametrize(
    ("typed", "speaker"),
    [
        # Both presidents are in one article: the one whose role names the chamber comes
        # first, though the union's president is in the paragraph before hers.
        ("which chamber of commerce president said trade would dry up", "Ana Ruiz"),
        # A councillor described by his committee, not the councilwoman.
        ("which finance committee councillor said the rainy day had come", "Tom Alvarez"),
    ],
)
def test_the_speaker_the_description_fits_best_comes_first(
    answerer: Answerer, typed: str, speaker: str
) -> None:
    assert top_speaker(answerer.answer(parse_question(typed))) == speaker


def test_a_description_where_a_name_was_expected(answerer: Answerer) -> None:
    answer = answerer.answer(
        parse_question("what did the ferry company's chief executive say about the pipe")
    )
    assert answer.notice is None
    assert top_speaker(answer) == "Dana Holm"


def test_a_name_nobody_has_is_still_reported_as_missing(answerer: Answerer) -> None:
    # The surname is in a paragraph, but nobody of that name is quoted: not someone else.
    answer = answerer.answer(parse_question("what did Marram say about the tug"))
    assert answer.notice is not None and "No quotation" in answer.notice


def test_which_with_another_past_tense_reads_a_description() -> None:
    question = parse_question("which MP shouted that the money was taking the scenic route?")
    assert question.intent is Intent.WHO_SAID
    assert question.described == "MP"
    # A verb of saying later in the question still ends the description.
    assert parse_question("which retired judge said the law was clear").described == (
        "retired judge"
    )


@pytest.mark.parametrize(
    ("typed", "role", "kind", "held"),
    [
        ("council member", "Councilwoman", SpeakerKind.PERSON, 3),
        ("councilwoman", "council member", SpeakerKind.PERSON, 3),  # but not "woman"
        ("member of the council", "Ward councillor", SpeakerKind.PERSON, 2),
        ("spokeswoman", "spokesman for the port", SpeakerKind.PERSON, 1),  # not "woman"
        ("spokeswoman", "spokeswoman for the port", SpeakerKind.PERSON, 2),
        ("spokesperson", "spokeswoman for the port", SpeakerKind.PERSON, 1),
        ("CEO", "Chief Executive Officer", SpeakerKind.PERSON, 2),
        ("chief executive officer", "CEO", SpeakerKind.PERSON, 2),
        ("MP", "Member of Parliament for Ashby", SpeakerKind.PERSON, 2),
        ("ferry company", None, SpeakerKind.PERSON, 0),  # the name "Ferris" is not "ferry"
        ("grains agency", None, SpeakerKind.ORGANIZATION, 1),  # an organisation: stemmed
    ],
)
def test_spellings_of_a_title_match_and_a_name_is_matched_as_typed(
    typed: str, role: str | None, kind: SpeakerKind, held: int
) -> None:
    name = "National Grains Authority" if kind is SpeakerKind.ORGANIZATION else "Nadia Ferris"
    speaker = Speaker(name, role, kind)
    assert strong_matches(parse_description(typed), speaker_tokens(speaker)) == held


QUAY = """---
id: quay-works
headline: New quay to open in May
outlet: The Harbour Courier
published: 2026-06-20
---
The new quay will open in May, the port said on Friday.

"The mud here is the worst on the coast, and the dredger has earned its keep," said Ken \
Wallis, the harbour master.
"""


@pytest.mark.parametrize(
    ("typed", "speaker"),
    [
        # Olaf Brandt has no role: "harbour master" is in the sentence introducing him. What
        # he said decides against a harbour master whose role holds the words.
        ("which harbour master said stirring up the mud would kill the mussel beds", "Olaf Brandt"),
        # And the other way round.
        ("which harbour master said the mud was the worst on the coast", "Ken Wallis"),
    ],
)
def test_a_speaker_described_only_in_the_narrative_competes_by_what_was_said(
    typed: str, speaker: str
) -> None:
    articles = [parse_article(raw, default_id="x") for raw in (HARBOUR, QUAY)]
    index = CorpusIndex(articles, extract_quotations, semantic=False)
    assert top_speaker(Answerer(index).answer(parse_question(typed))) == speaker
