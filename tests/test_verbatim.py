"""Verbatim, always: over the whole corpus, everything shown is a slice of the cited article."""

from __future__ import annotations

import pytest

from bot.articles import load_corpus
from bot.attribution import extract_quotations
from bot.service import Whosaid

from .conftest import FIXTURE_CORPUS, SHIPPED_CORPUS

CORPORA = [SHIPPED_CORPUS, FIXTURE_CORPUS]


@pytest.fixture(scope="module", params=CORPORA, ids=["shipped", "fixtures"])
def whosaid(request: pytest.FixtureRequest) -> Whosaid:
    return Whosaid.load(request.param, limit=5)


@pytest.mark.parametrize("corpus", CORPORA, ids=["shipped", "fixtures"])
def test_every_extracted_quotation_is_a_slice_of_its_article(corpus) -> None:
    for article in load_corpus(corpus).articles:
        for q in extract_quotations(article):
            assert q.text == article.text[q.start : q.end], (article.id, q)
            assert q.article_id == article.id
            p_start, p_end = article.paragraphs[q.paragraph - 1]
            assert p_start <= q.start < q.end <= p_end


def _questions_for(whosaid: Whosaid) -> list[str]:
    """Questions a reporter might ask of every paragraph and every quotation in the corpus."""
    questions = []
    for article in whosaid.index.articles:
        for start, end in article.paragraphs:
            words = article.text[start:end].split()
            questions.append(" ".join(words[:6]))
            questions.append(" ".join(words[-4:]))
    for indexed in whosaid.index.quotations:
        q = indexed.quotation
        questions.append("who said " + " ".join(q.text.split()[:5]))
        if q.speaker.name:
            questions.append(
                f"what did {q.speaker.name.split()[-1]} say about {q.text.split()[-1]}"
            )
    return questions


def test_every_answer_excerpt_is_verbatim_and_cited(whosaid: Whosaid) -> None:
    questions = _questions_for(whosaid)
    assert len(questions) > 20
    answered = 0
    for question in questions:
        for result in whosaid.ask(question).results:
            answered += 1
            for source in (result.source, *result.also_in):
                article = source.article
                assert source.excerpt == article.text[source.start : source.end]
                p_start, p_end = article.paragraphs[source.paragraph - 1]
                assert p_start <= source.start < source.end <= p_end
            if result.quotation:
                q = result.quotation
                assert q.text == result.article.text[q.start : q.end]
                assert result.source.start <= q.start and q.end <= result.source.end
    assert answered > len(questions)  # most questions find something


@pytest.mark.parametrize(
    "question",
    [
        "Putin should never be trusted",
        "who said pay up and shut up",
        "no more free rides keister",
        "what did Trump say about core values and principles",
        "disgrace everyone knows it",
    ],
)
def test_text_after_a_footer_is_never_shown(whosaid: Whosaid, question: str) -> None:
    after_footer = ("never be trusted", "pay up", "shut up", "free rides", "keister", "disgrace")
    for result in whosaid.ask(question).results:
        assert not any(words in result.excerpt for words in after_footer)
