"""Questions asked the way reporters ask: a role instead of a name, the topic in other
words, plural and tense variants, the gist in other words (articles written for the test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.attribution import extract_quotations
from bot.corpus.articles import load_file, parse_article
from bot.search.index import CorpusIndex
from bot.search.question import Intent, parse_question

SEED = Path(__file__).resolve().parents[2] / "corpus" / "000_8756f83ca74b7bfe.txt"

STRIKE = """---
id: bus-strike
headline: Bus strike strains Riverside's budget
outlet: The Riverside Ledger
published: 2026-03-02
---
Riverside transit workers walked off the job on Monday, leaving forty routes without service.

"If this walkout lasts another month, the city will be broke by spring," said Tom Alvarez, \
a city councillor who chairs the finance committee.

Mayor Denise Okafor struck a calmer tone. "We have money set aside for exactly this kind of \
disruption," Okafor said.

A county official, Maria Chen, warned that the emergency reserve "could be empty before the \
summer."

Jon Reyes, a spokesperson for the bus company, said the operator "regrets every cancelled \
route and wants drivers back at work."
"""

SCHOOLS = """---
id: schools
headline: Mayor promises teachers a raise
outlet: The Riverside Ledger
published: 2026-03-04
---
Mayor Denise Okafor spent Tuesday evening at Lincoln High, after a week of emails from \
parents about crowded classrooms.

"Teachers deserve a raise, and they will get one in the next budget," Okafor said.

Later she turned to parking. "Nobody enjoys paying for parking downtown," she said.

Asked about the complaints, Okafor said: "I answer my email myself, every night."
"""


@pytest.fixture(scope="module", params=[True, False], ids=["semantic", "lexical"])
def answerer(request: pytest.FixtureRequest) -> Answerer:
    articles = [parse_article(raw, default_id="x") for raw in (STRIKE, SCHOOLS)]
    articles += load_file(SEED)
    return Answerer(CorpusIndex(articles, extract_quotations, semantic=request.param))


def ask(answerer: Answerer, text: str):
    return answerer.answer(parse_question(text))


def test_who_said_searches_the_content_words() -> None:
    question = parse_question("who said the bus strike would bankrupt the city?")
    assert question.intent is Intent.WHO_SAID
    assert question.terms == ("bus", "strike", "bankrupt", "citi")
    assert question.phrase == "the bus strike would bankrupt the city"


def test_which_role_said_is_a_who_said_question_about_speakers_so_described() -> None:
    question = parse_question("Which county official warned that the reserve would run dry?")
    assert question.intent is Intent.WHO_SAID
    assert question.described == "county official"
    assert question.terms == ("reserv", "run", "dri")


@pytest.mark.parametrize(
    ("typed", "speaker"),
    [
        ("which county official warned that the reserve would run dry?", "Maria Chen"),
        ("which city councillor said the strike would bankrupt the city?", "Tom Alvarez"),
        ("what spokesperson said the company is sorry about the routes", "Jon Reyes"),
    ],
)
def test_a_described_speaker_is_found_with_their_quotation(
    answerer: Answerer, typed: str, speaker: str
) -> None:
    answer = ask(answerer, typed)
    top = answer.results[0]
    assert top.quotation is not None and top.quotation.speaker.name == speaker
    # A "who said" answer is quotations with their speakers, never a bare paragraph.
    assert all(r.quotation is not None and r.quotation.speaker.name for r in answer.results)


def test_plural_topic_finds_the_singular_in_the_quotation_itself(answerer: Answerer) -> None:
    # "emails" is in the narrative before the raise quotation; "email" is in the quotation.
    answer = ask(answerer, "what did Okafor say about emails?")
    assert answer.results[0].quotation.text.startswith("I answer my email myself")


def test_unrealistic_is_found_by_its_gist_on_the_seed() -> None:
    index = CorpusIndex(load_file(SEED), extract_quotations, semantic=True)
    answer = Answerer(index).answer(
        parse_question("who said Ukraine can't expect to win back all its land?")
    )
    found = [(r.quotation.speaker.name, r.quotation.text) for r in answer.results]
    assert any(name == "Pete Hegseth" and text.startswith("unrealistic") for name, text in found)


def test_turned_off_the_index_holds_no_vectors_and_answers_by_words_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SEMANTIC_SEARCH", "false")
    articles = [parse_article(raw, default_id="x") for raw in (STRIKE, SCHOOLS)]
    index = CorpusIndex(articles, extract_quotations)
    assert index.vectors is None
    answer = Answerer(index).answer(parse_question("who said the city will be broke"))
    lexical = index.top_quotations(parse_question("who said the city will be broke").terms, 3)
    assert [r.quotation for r in answer.results] == [q.quotation for q, _ in lexical][:3]
