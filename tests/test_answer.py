"""Ranked, cited, verbatim answers (the extractor is replaced by a fixed table here)."""

from __future__ import annotations

import pytest

from bot.answer import Answerer
from bot.search.bm25 import SparseBM25
from bot.search.index import CorpusIndex
from bot.search.question import parse_question
from tests.search.reference_engine import RankBM25Engine

from .conftest import fixture_extractor


# Every answer test runs on rank-bm25 itself and on our sparse index: the answers must agree.
@pytest.fixture(
    scope="module", params=[RankBM25Engine, SparseBM25.build], ids=["rank_bm25", "sparse"]
)
def answerer(fixture_articles, request: pytest.FixtureRequest) -> Answerer:
    return Answerer(CorpusIndex(fixture_articles, fixture_extractor, request.param), limit=3)


def ask(answerer: Answerer, text: str):
    return answerer.answer(parse_question(text))


def test_who_said_names_the_speaker_with_the_verbatim_quotation(answerer) -> None:
    answer = ask(answerer, "who said optimistic revenue projections")
    top = answer.results[0]
    assert top.quotation.speaker.name == "Olivia Grant"
    assert top.quotation.text == "optimistic revenue projections"
    assert top.quotation.text in top.excerpt
    assert top.article.text[top.source.start : top.source.end] == top.excerpt
    assert top.article.outlet == "The Northern Gazette"


def test_exact_phrase_outranks_bag_of_words(answerer) -> None:
    # "nobody" and "cheap" are both in Park's quotation; Liu's also has "nobody".
    answer = ask(answerer, "who said “Nobody wins a trade war”")
    assert answer.results[0].quotation.speaker.name == "Grace Liu"
    answer = ask(answerer, "who said nobody should pretend")
    assert answer.results[0].quotation.speaker.name == "Helen Park"


def test_same_quotation_in_two_articles_is_shown_once_with_every_source(answerer) -> None:
    answer = ask(answerer, "who said silt up on our watch")
    (first, *rest) = answer.results
    assert first.article.id == "harbor-2024"  # dated 2024-03-06: earliest first
    assert [s.article.id for s in first.also_in] == ["budget"]  # undated: last
    assert all("silt up" not in r.excerpt for r in rest)


def test_speaker_question_restricts_to_that_speaker_and_ranks_by_topic(answerer) -> None:
    answer = ask(answerer, "what did Liu say about the table?")
    assert answer.speakers == ("Grace Liu",)
    assert {r.quotation.speaker.name for r in answer.results} == {"Grace Liu"}
    assert answer.results[0].quotation.text.startswith("We will be back at the table")


@pytest.mark.parametrize("who", ["Treasurer Grant", "Olivia Grant", "the state treasurer", "GRANT"])
def test_speaker_found_by_surname_full_name_or_role(answerer, who: str) -> None:
    answer = ask(answerer, f"what did {who} say")
    assert answer.results and answer.results[0].quotation.speaker.name == "Olivia Grant"


def test_unknown_speaker_is_said_plainly_then_passages_that_mention_them(answerer) -> None:
    answer = ask(answerer, "what did Napoleon say about tariffs")
    assert answer.notice.startswith("No quotation in the corpus is attributed to Napoleon")
    assert all(
        r.quotation is None or "Napoleon" not in (r.quotation.speaker.name or "")
        for r in answer.results
    )


def test_nothing_matches_says_so_and_shows_nothing(answerer) -> None:
    answer = ask(answerer, "zeppelin xylophone")
    assert answer.results == ()
    assert answer.notice == "Nothing in the corpus matches that."


def test_text_after_the_footer_is_never_found(answerer) -> None:
    assert ask(answerer, "disgrace everyone knows it").results == ()


def test_empty_corpus_says_so() -> None:
    answer = Answerer(CorpusIndex((), fixture_extractor)).answer(parse_question("who said peace"))
    assert answer.results == () and "no articles" in answer.notice


def test_passage_search_attributes_the_quotation_it_holds(answerer) -> None:
    answer = ask(answerer, "fishing charter north pier")
    top = answer.results[0]
    assert top.quotation is not None and top.quotation.speaker.name == "Tomás Reyes"


def test_limit_is_respected(answerer) -> None:
    assert len(answerer.answer(parse_question("the"), limit=2).results) <= 2


def test_a_name_alone_means_that_speakers_quotations(answerer) -> None:
    answer = ask(answerer, "Reyes")
    assert answer.results and {r.quotation.speaker.name for r in answer.results} == {"Tomás Reyes"}


def test_pieces_of_one_quotation_are_one_result(answerer) -> None:
    # "We have waited long enough," said Tomás Reyes … "Every season we lose boats to the mud."
    answer = ask(answerer, "what did Reyes say")
    assert len(answer.results) == 1


def test_name_and_topic_finds_the_speakers_quotation_on_it(answerer) -> None:
    answer = ask(answerer, "Liu table")
    assert answer.results[0].quotation.text.startswith("We will be back at the table")


def test_name_and_a_topic_they_never_spoke_on_falls_back_to_passages(answerer) -> None:
    answer = ask(answerer, "Liu dredging")
    assert answer.results[0].article.id == "harbor-2024"
    assert answer.notice is None
