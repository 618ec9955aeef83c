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
    message = "Leavitt said he “remains critical” and it’s “a tremendous role”, didn’t she?"
    assert parse_check(message, whole_message=True) == CheckRequest(
        ("remains critical", "a tremendous role")
    )
    assert parse_check("no marks at all", whole_message=True) == CheckRequest(("no marks at all",))
