"""Word-level alignment of a claim with published words: the diff a reporter reads."""

from __future__ import annotations

import pytest

from bot.check.align import align
from bot.check.words import Word, claim_tokens, words


def diff(claim: str, published: str) -> list[tuple[str, str, str]]:
    """(op, claim words, published words), each side as the words' keys joined by spaces."""
    tokens = claim_tokens(claim)
    said = [t for t in tokens if isinstance(t, Word)]
    found = words(published)
    result = align(tokens, found)
    return [
        (
            o.op,
            " ".join(w.key for w in said[o.c0 : o.c1]),
            " ".join(w.key for w in found[o.p0 : o.p1]),
        )
        for o in result.ops
        if o.op != "equal"
    ]


PUBLISHED = "We cannot keep turning away the bigger ships and pretend the port will survive."

CASES = [
    # (claim, expected differences): only what differs is listed
    ("We cannot keep turning away the bigger ships", []),  # a fragment is exact
    ("we CANNOT keep   turning away the bigger ships", []),  # case and white space
    ("We can not keep turning away the bigger ships", [("replace", "can not", "cannot")]),
    ("We cannot keep turning away the big ships", [("replace", "big", "bigger")]),
    ("We cannot keep turning away the ships", [("delete", "", "bigger")]),
    ("We cannot keep turning away all the bigger ships", [("insert", "all", "")]),
    (
        "We cannot keep turning away the bigger boats and pretend the harbor will survive",
        [("replace", "boats", "ships"), ("replace", "harbor", "port")],
    ),
    ("the port will survive and thrive", [("insert", "and thrive", "")]),
    ("We cannot … pretend the port will survive", []),  # an ellipsis drops words
    ("We cannot ... pretend the port will survive", []),
    ("We cannot keep turning away [large] ships", []),  # brackets clarify
    ("We cannot keep turning away [the larger] ships and pretend", []),
]


@pytest.mark.parametrize(("claim", "expected"), CASES)
def test_differences_are_the_words_changed_dropped_or_added(
    claim: str, expected: list[tuple[str, str, str]]
) -> None:
    assert diff(claim, PUBLISHED) == expected


def test_an_ellipsis_does_not_excuse_a_changed_word_around_it() -> None:
    assert diff("We cannot … pretend the harbor will survive", PUBLISHED) == [
        ("replace", "harbor", "port")
    ]


def test_brackets_stand_for_a_few_words_not_a_sentence() -> None:
    long_claim = "We [officials] pretend the port will survive"
    assert diff(long_claim, PUBLISHED) != []


@pytest.mark.parametrize(
    ("claim", "published"),
    [
        ("don't stop", "don’t stop"),  # apostrophe styles
        ("“quoted” words", "quoted words"),  # quotation marks are not words
        ("Ａｂｃ test", "abc test"),  # Unicode width (NFKC)
    ],
)
def test_only_case_space_quote_marks_and_apostrophes_may_differ(claim: str, published: str) -> None:
    assert diff(claim, published) == []


def test_a_different_spelling_is_a_difference() -> None:
    assert diff("Zelenskyy said", "Zelensky said") == [("replace", "zelenskyy", "zelensky")]


def test_similarity_counts_equal_words_on_both_sides() -> None:
    tokens = claim_tokens("unrealistic and dangerous")
    result = align(tokens, words("unrealistic"))
    assert result.similarity == pytest.approx(0.5)
    assert [o.op for o in result.ops] == ["equal", "insert"]
