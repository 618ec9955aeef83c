"""What a journalist types -> what to search for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.search.question import MAX_QUESTION_CHARS, Intent, clean, parse_question


@pytest.mark.parametrize(
    ("typed", "intent", "speaker", "terms", "phrase"),
    [
        ("who said unrealistic", Intent.WHO_SAID, None, ("unrealist",), "unrealistic"),
        (
            "Who said “robust security guarantees”?",
            Intent.WHO_SAID,
            None,
            ("robust", "secur", "guarante"),
            "robust security guarantees",
        ),
        (
            '"let’s get it done"',
            Intent.WHO_SAID,
            None,
            ("let", "get", "it", "done"),
            "let's get it done",
        ),
        ("<@U0BOT> what did Peskov say about the call?", Intent.SPEAKER, "Peskov", ("call",), None),
        ("what did the Kremlin spokesman say", Intent.SPEAKER, "the Kremlin spokesman", (), None),
        (
            "When did Zelenskyy say he was grateful?",
            Intent.SPEAKER,
            "Zelenskyy",
            ("grate",),
            None,
        ),
        ("quotes from Leavitt on Kellogg", Intent.SPEAKER, "Leavitt", ("kellogg",), None),
        ("Putin Trump phone call", Intent.SEARCH, None, ("putin", "trump", "phone", "call"), None),
        ("help", Intent.HELP, None, (), None),
        ("", Intent.EMPTY, None, (), None),
        ("?!… 🙂", Intent.EMPTY, None, (), None),
        (":tada: :thinking_face:", Intent.EMPTY, None, (), None),
        ("<!channel> <!here> <@U123>", Intent.EMPTY, None, (), None),
    ],
)
def test_parse(
    typed: str, intent: Intent, speaker: str | None, terms: tuple, phrase: str | None
) -> None:
    question = parse_question(typed)
    assert question.intent is intent
    assert question.speaker == speaker
    assert question.terms == terms
    assert question.phrase == phrase


def test_slack_markup_is_removed_and_link_labels_kept() -> None:
    text = (
        "<!here> ask <@U123|ana> about <#C1|newsroom> and <https://x.example|the story> &amp; more"
    )
    assert clean(text) == "ask about newsroom and the story & more"


def test_invisible_and_control_characters_do_not_split_words() -> None:
    assert clean("Pes\u200bkov\x07 said\u202e") == "Peskov said"


def test_too_long_question_is_refused_not_searched() -> None:
    question = parse_question("word " * 2000)
    assert question.intent is Intent.TOO_LONG
    assert len(question.text) <= 200 < MAX_QUESTION_CHARS


@given(st.text(max_size=3000))
def test_parser_never_raises_and_echo_has_no_markup(text: str) -> None:
    question = parse_question(text)
    assert isinstance(question.intent, Intent)
    assert "<!" not in question.text and "<@" not in question.text


@pytest.mark.parametrize("text", ["<!", "who said <@", "&lt;!here&gt; who said unrealistic"])
def test_unclosed_or_encoded_markup_never_reaches_the_echo(text: str) -> None:
    question = parse_question(text)
    assert "<!" not in question.text and "<@" not in question.text


@pytest.mark.parametrize(
    ("typed", "gist"),
    [
        ("who likened the tram plan to a toy train set?", "the tram plan to a toy train set"),
        ("who balked at closing the harbour library", "closing the harbour library"),
        ("who cautioned that one wet spring proves nothing", "one wet spring proves nothing"),
        ("Who thought the ferry fares were too high?", "the ferry fares were too high"),
        ("who told reporters that the ferry would stop", "the ferry would stop"),
        ("who warned the harbour board that fares would rise", "fares would rise"),
    ],
)
def test_who_with_any_verb_of_saying_asks_for_a_quotation(typed: str, gist: str) -> None:
    # Reporters ask with many verbs: each finds quotations by what was said, not passages
    # by the verb.
    question = parse_question(typed)
    assert question.intent is Intent.WHO_SAID
    assert question.gist == gist


@pytest.mark.parametrize("typed", ["who led the rowing club", "who is the harbour master"])
def test_who_did_something_else_stays_a_search(typed: str) -> None:
    assert parse_question(typed).intent is Intent.SEARCH
