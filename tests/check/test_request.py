"""What a person asked to check: claims and the claimed speaker, from how people ask."""

from __future__ import annotations

import pytest

from bot.check import CheckRequest, parse_check


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        (
            "did Peskov really say “the call was useful”?",
            CheckRequest(("the call was useful",), "Peskov"),
        ),
        (
            'did Hegseth say "unrealistic and dangerous"?',
            CheckRequest(("unrealistic and dangerous",), "Hegseth"),
        ),
        (
            "Did Karoline Leavitt ever say ‘no comment’",
            CheckRequest(("no comment",), "Karoline Leavitt"),
        ),
        ("check “one” and “two more”", CheckRequest(("one", "two more"))),
        ("check: the words without marks", CheckRequest(("the words without marks",))),
        ("check did Putin say «we are ready»", CheckRequest(("we are ready",), "Putin")),
        ("did anyone say “hello world”?", CheckRequest(("hello world",))),
        (
            "did Peskov really say the call was useful?",
            CheckRequest(("the call was useful",), "Peskov"),
        ),
        ("<@U0WHOSAID> did Bell say “stingy”", CheckRequest(("stingy",), "Bell")),
        ("check", CheckRequest(())),
    ],
)
def test_checks_are_recognised(asked: str, expected: CheckRequest) -> None:
    assert parse_check(asked) == expected


@pytest.mark.parametrize(
    "asked",
    [
        "who said “unrealistic”",  # a search, answered as before
        "what did Peskov say about the call?",
        "did Peskov say the call was useful?",  # no quotation marks, no "really": a question
        "Hegseth NATO",
        "the company’s “best year” claims",
    ],
)
def test_other_questions_are_not_checks(asked: str) -> None:
    assert parse_check(asked) is None


def test_a_whole_message_checks_each_quoted_span_or_all_its_words() -> None:
    message = "Park said the port “will survive” and the plan is “a reckless bet”, didn’t she?"
    request = parse_check(message, whole_message=True)
    assert request is not None
    assert request.claims == ("will survive", "a reckless bet")
    assert parse_check("no marks at all", whole_message=True) == CheckRequest(
        ("no marks at all",), None, (None,)
    )


def test_a_message_credits_each_claim_as_the_articles_are_read() -> None:
    message = (
        "For the draft: Peskov told reporters “the talks were useful”. "
        "“We are not leaving,” said Mayor Helen Park. Someone wrote “nothing here”."
    )
    request = parse_check(message, whole_message=True)
    assert request is not None
    assert request.claims == ("the talks were useful", "We are not leaving,", "nothing here")
    assert [request.speaker_of(i) for i in range(3)] == ["Peskov", "Helen Park", None]
    # A speaker named in the question is claimed for every span.
    asked = parse_check("did Bell say “one” and “two”")
    assert asked is not None and [asked.speaker_of(i) for i in range(2)] == ["Bell", "Bell"]
