"""Block Kit builders: escaping, citations, Slack's limits. Pure functions, no Slack."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer import Answer, Answerer, Result, Source
from bot.corpus.articles import parse_article
from bot.search.index import CorpusIndex
from bot.search.question import parse_question
from bot.slack import blocks
from tests.slack_emulator.records import rich_text_paragraphs

from ..conftest import fixture_extractor

PING = re.compile(r"<[!@#]")


@pytest.fixture(scope="module")
def answerer(fixture_articles) -> Answerer:
    return Answerer(CorpusIndex(fixture_articles, fixture_extractor), limit=3)


def all_text(payload: list[dict]) -> str:
    return json.dumps(payload, ensure_ascii=False)


def test_escape_neutralises_every_slack_control_sequence() -> None:
    assert (
        blocks.escape("<!channel> <@U1> A&B <#C1>")
        == "&lt;!channel&gt; &lt;@U1&gt; A&amp;B &lt;#C1&gt;"
    )


def test_answer_shows_speaker_role_quotation_and_full_citation(answerer) -> None:
    answer = answerer.answer(parse_question("who said optimistic revenue projections"))
    heading, excerpt, citation = rich_text_paragraphs(blocks.answer_blocks(answer))[:3]
    assert heading.text.startswith("1. Olivia Grant, State Treasurer")
    assert [r.text for r in heading.runs if r.bold] == ["Olivia Grant"]
    assert excerpt.kind == "rich_text_quote"
    assert [r.text for r in excerpt.runs if r.bold] == ["optimistic revenue projections"]
    assert "The Northern Gazette" in citation.text and "by Lena Fischer" in citation.text
    assert "¶3" in citation.text


def test_url_is_linked_when_known(answerer) -> None:
    answer = answerer.answer(parse_question("who said silt up on our watch"))
    paragraphs = rich_text_paragraphs(blocks.answer_blocks(answer))
    links = [r for p in paragraphs for r in p.runs if r.link]
    assert links[0].link == "https://ledger.example/harbor-dredging"
    assert links[0].text == "read the article"
    assert any(p.text.startswith("Also reported in: The Northern Gazette") for p in paragraphs)


def test_a_quotation_too_long_to_show_is_cut_with_the_mark_and_the_link() -> None:
    words = " ".join(f"word{i}" for i in range(900))
    article = parse_article(
        f"---\nurl: https://x.example/a\n---\nShe said “{words}” at length.\n", default_id="x"
    )
    start = article.text.index("word0")
    (quote,) = fixture_extractor(article)
    result = Result(Source(article, 1, start, start + len(words)), quote)
    answer = Answer(parse_question("who said word1"), (result,))
    paragraphs = rich_text_paragraphs(blocks.answer_blocks(answer))
    shown = paragraphs[1]
    assert shown.text.startswith("…word0 word1 ") and shown.text.endswith("…")
    assert words.startswith(shown.text[1:-1])
    assert len(shown.text) <= blocks.MAX_RESULT_EXCERPT + 2
    link = next(r for r in paragraphs[2].runs if r.link)
    assert link.text == "read the whole quotation in the article"


def test_article_and_question_markup_cannot_ping(answerer) -> None:
    article = parse_article("<!channel> said “<!here> <@U12345> now” & more.\n", default_id="x")
    source = Source(article, 1, 0, len(article.text))
    answer = Answer(
        parse_question("<!everyone> who said <!here> now"), (Result(source),), "<!here>"
    )
    payload = blocks.answer_blocks(answer, shareable=True)
    assert not PING.search(all_text(payload))
    assert not PING.search(blocks.fallback_text(answer))
    assert "&lt;!channel&gt;" in all_text(payload)


def test_share_button_only_on_private_answers(answerer) -> None:
    answer = answerer.answer(parse_question("who said optimistic"))
    shared = blocks.answer_blocks(answer, shareable=True)
    assert shared[-1]["type"] == "actions"
    assert shared[-1]["elements"][0]["value"] == "who said optimistic"
    assert all(b["type"] != "actions" for b in blocks.answer_blocks(answer))


def test_help_and_empty_show_usage_and_corpus_size(answerer) -> None:
    for typed in ("help", "", "   "):
        text = all_text(blocks.answer_blocks(answerer.answer(parse_question(typed))))
        assert "/whosaid" in text and "Searching 4 articles" in text


def test_too_long_question_gets_a_short_message(answerer) -> None:
    payload = blocks.answer_blocks(answerer.answer(parse_question("x" * 10_000)))
    assert len(payload) == 1 and "too long" in payload[0]["text"]["text"]


def test_home_view_counts_and_newest_articles(fixture_articles) -> None:
    from bot.slack.home import home_view, newest_articles

    index = CorpusIndex(fixture_articles, fixture_extractor)
    newest = newest_articles(index, 2)
    view = home_view(1234, 56, newest)
    assert view["type"] == "home"
    assert "*1,234* published articles · *56* attributed quotations" in all_text(view["blocks"])
    items = rich_text_paragraphs(view["blocks"])
    assert [p.text.split(" · ")[0] for p in items] == [a.headline for a in newest]
    dates = [a.published for a in fixture_articles if a.published]
    assert newest[0].published == max(dates)
    assert newest[1].published >= sorted(dates)[-2]


def _within_limits(payload: list[dict]) -> None:
    assert len(payload) <= blocks.MAX_BLOCKS
    for block in payload:
        if block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= blocks.MAX_SECTION_CHARS
        if block["type"] == "actions":
            assert len(block["elements"][0]["value"]) <= blocks.MAX_BUTTON_VALUE


@settings(max_examples=60, deadline=None)
@given(body=st.text(min_size=1, max_size=6000), question=st.text(max_size=1500))
def test_renderer_never_raises_never_pings_and_stays_in_limits(body: str, question: str) -> None:
    try:
        article = parse_article(body, default_id="h")
    except ValueError:
        return  # not an article: load_corpus skips it
    results = tuple(
        Result(Source(article, n, s, e)) for n, (s, e) in enumerate(article.paragraphs[:20], 1)
    )
    answer = Answer(parse_question(question), results, notice=question[:500] or None)
    for shareable in (False, True):
        payload = blocks.answer_blocks(answer, shareable=shareable)
        _within_limits(payload)
        assert not PING.search(all_text(payload))
    assert len(blocks.fallback_text(answer)) <= blocks.MAX_FALLBACK_CHARS
    assert not PING.search(blocks.fallback_text(answer))


def test_many_results_are_cut_to_fifty_blocks(answerer) -> None:
    answer = answerer.answer(parse_question("the"), limit=10)
    many = replace(answer, results=answer.results * 20)
    _within_limits(blocks.answer_blocks(many, shareable=True))


def test_a_correction_the_outlet_published_is_shown_under_the_citation(answerer) -> None:
    answer = answerer.answer(parse_question("who said optimistic revenue projections"))
    first = answer.results[0]
    note = "An earlier version of this story gave the wrong vote count."
    corrected = replace(first.source, article=replace(first.source.article, correction=note))
    answer = replace(answer, results=[replace(first, source=corrected)])
    paragraphs = rich_text_paragraphs(blocks.answer_blocks(answer))
    assert f"Correction: {note}" in [p.text for p in paragraphs]
    labelled = "Correction: The council vote was 5-4, not 4-5."
    corrected = replace(first.source, article=replace(first.source.article, correction=labelled))
    answer = replace(answer, results=[replace(first, source=corrected)])
    assert labelled in [p.text for p in rich_text_paragraphs(blocks.answer_blocks(answer))]
