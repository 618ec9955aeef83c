"""Property tests with input built from the pieces that cause trouble (Slack markup, invisible
and control characters, quotes, RTL, emoji), which plain random text almost never hits:
the parser and the renderer never raise, never let a ping through, and stay within Slack's
limits as the emulator's Block Kit validator checks them."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import Answer, Answerer, Result, Source
from bot.attribution.model import Quotation, Speaker, SpeakerKind
from bot.corpus.articles import ArticleError, parse_article
from bot.search.index import CorpusIndex
from bot.search.question import MAX_QUESTION_CHARS, Intent, parse_question
from bot.slack import blocks
from tests.slack_emulator.blocks import MAX_MESSAGE_TEXT, block_errors

from ..conftest import fixture_extractor

# Anything Slack would turn into a link, mention or broadcast.
LIVE_MARKUP = re.compile(r"<[!@#]|<(?:https?|mailto):")
COMPLETE_MARKUP = re.compile(r"<(?:[!@#]|https?:|mailto:)[^<>]*>")

FRAGMENTS = [
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<!here|here>",
    "<@U0EDITOR>",
    "<@W123|bob>",
    "<#C0GENERAL|general>",
    "<#C0GENERAL>",
    "<!subteam^S1|@desk>",
    "<https://x.example|y>",
    "<mailto:a@b.example|a>",
    "<!date^1392734382^{date}|x>",
    "<",
    ">",
    "&",
    "&lt;",
    "&gt;",
    "&amp;",
    "<<!channel>>",
    "<!<!here>>",
    "|",
    "*",
    "_",
    "~",
    "`",
    "```",
    ">",
    "\n",
    "\t",
    "\u200b",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u202e",
    "\u202c",
    "\u200f",
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\u2028",
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    "‘",
    "’",
    "who said ",
    "what did Helen Park say about ",
    "quotes by ",
    "unrealistic",
    "harbor",
    "mud",
    "😀",
    "👩‍👩‍👧",
    ":tada:",
    "מי אמר",
    "من قال",
    "irréaliste",
    "答え",
    "help",
    "?",
    " ",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=80
).map("".join)


@pytest.fixture(scope="module")
def answerer(fixture_articles) -> Answerer:
    return Answerer(CorpusIndex(fixture_articles, fixture_extractor), limit=5)


def texts_of(payload: object) -> list[str]:
    """Every string Slack renders: all "text" values, at any depth."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(payload)
    return found


def assert_postable(answer: Answer) -> None:
    for shareable in (False, True):
        payload = blocks.answer_blocks(answer, shareable=shareable)
        assert block_errors(payload) == [], json.dumps(payload)[:500]
        for text in texts_of(payload):
            assert not LIVE_MARKUP.search(_without_our_links(text)), text
        for button in (e for b in payload if b["type"] == "actions" for e in b["elements"]):
            assert len(button["value"]) <= blocks.MAX_BUTTON_VALUE
    fallback = blocks.fallback_text(answer)
    assert 0 < len(fallback) <= min(blocks.MAX_FALLBACK_CHARS, MAX_MESSAGE_TEXT)
    assert not LIVE_MARKUP.search(fallback)


def _without_our_links(text: str) -> str:
    # The citation's own "<https://…|read the article>" is the one link the bot makes.
    return re.sub(r"<https?://[^<>|]*\|read the article>", "", text)


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_the_parser_never_raises_and_its_text_is_clean(raw: str) -> None:
    question = parse_question(raw)
    assert isinstance(question.intent, Intent)
    # A lone "<#" is harmless (and escaped when shown); whole markup must be gone.
    assert not COMPLETE_MARKUP.search(question.text), question.text
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in question.text)
    assert question.text == question.text.strip()
    if question.intent is Intent.TOO_LONG:
        assert len(question.text) <= 200
    else:
        assert len(question.text) <= MAX_QUESTION_CHARS
    if question.intent in (Intent.EMPTY, Intent.HELP, Intent.TOO_LONG):
        assert not question.terms


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=st.one_of(hostile_text, st.text(max_size=1200)))
def test_every_answer_to_hostile_questions_is_postable_and_pings_no_one(
    answerer: Answerer, question: str
) -> None:
    assert_postable(answerer.answer(parse_question(question)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), min_size=1, max_size=300
    ).map("".join),
    meta=st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join),
    question=hostile_text,
)
def test_an_article_full_of_markup_renders_inert_and_within_limits(
    body: str, meta: str, question: str
) -> None:
    raw = (
        f"---\nheadline: {meta.replace(chr(10), ' ')}\noutlet: {meta.replace(chr(10), ' ')}\n"
        f"url: https://x.example/{meta.replace(chr(10), '')}\n---\n{body}"
    )
    try:
        article = parse_article(raw, default_id="hostile")
    except (ArticleError, ValueError):
        return  # not an article: the corpus loader skips it with a warning
    results = tuple(
        Result(Source(article, n, s, e)) for n, (s, e) in enumerate(article.paragraphs[:30], 1)
    )
    assert_postable(Answer(parse_question(question), results, notice=question[:400] or None))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), min_size=1, max_size=400
    ).map("".join),
    cuts=st.lists(st.floats(0, 1), min_size=4, max_size=4),
    named=st.booleans(),
)
def test_any_excerpt_and_quotation_render_verbatim(
    body: str, cuts: list[float], named: bool
) -> None:
    from tests.slack_emulator.records import rich_text_paragraphs
    from tests.verbatim_oracle import Corpus, check_fallback, check_reply

    try:
        article = parse_article(body, default_id="any")
    except (ArticleError, ValueError):
        return
    number = 1 + int(cuts[0] * (len(article.paragraphs) - 1))
    p_start, p_end = article.paragraphs[number - 1]
    a, b, c, d = sorted(p_start + int(x * (p_end - p_start)) for x in cuts)
    if not (a < d and b < c):
        return
    # Any excerpt [a, d) of the paragraph, holding any quotation [b, c) of it.
    speaker = Speaker("Ann *Lee* <!here>", "chief_of_staff", SpeakerKind.PERSON)
    quotation = Quotation(
        "any",
        b,
        c,
        article.text[b:c],
        speaker if named else Speaker(None, None, SpeakerKind.UNRESOLVED),
        "said",
        None,
        None,
        number,
        0,
    )
    result = Result(Source(article, number, a, d), quotation)
    answer = Answer(parse_question("who said it"), (result,))
    corpus = Corpus({"any": article}, {"any": [quotation]})
    payload = blocks.answer_blocks(answer)
    assert block_errors(payload) == []
    assert check_reply(corpus, answer, rich_text_paragraphs(payload)) == 1
    check_fallback(corpus, answer, blocks.fallback_text(answer))
