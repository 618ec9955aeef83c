"""Verdicts of the quotation check on a corpus written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.check import Check, Checker, Verdict
from bot.check.report import headline
from bot.service import Whosaid

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "check_corpus"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(Whosaid.load(CORPUS).index)


def changes(check: Check) -> list[tuple[str, str, str]]:
    return [(d.op, d.claim, d.published) for d in check.matches[0].diff if d.op != "equal"]


# (claim, claimed speaker, verdict, speaker of the first match, differences of the first match)
CASES = [
    # verbatim, a fragment, other case and marks
    ("This vote is about jobs for the next thirty years.", None, "exact", "Helen Park", []),
    ("about jobs for the next thirty years", "Park", "exact", "Helen Park", []),
    ("“a RECKLESS bet with borrowed money”", "Raj Patel", "exact", "Raj Patel", []),
    ("I would rather be called stingy in May", "Governor Bell", "exact", "Marcus Bell", []),
    # a few words changed, dropped, added
    (
        "I would rather be called cheap in May than bankrupt in December",
        "Bell",
        "close",
        "Marcus Bell",
        [("replace", "cheap", "stingy")],
    ),
    (
        "We will plant what the water allows and not one more row",
        "Liu",
        "close",
        "Grace Liu",
        [("insert", "more", "")],  # the published "more" after "row" is past the claim's end
    ),
    (
        "Nobody on this board has explained who pays when the estimates are wrong",
        "Patel",
        "exact",
        "Raj Patel",
        [],
    ),
    (
        "Nobody on this board has ever explained who pays when the estimates are wrong",
        "Patel",
        "close",
        "Raj Patel",
        [("insert", "ever", "")],
    ),
    (
        "Nobody on this board has explained who pays when estimates are wrong",
        None,
        "close",
        "Raj Patel",
        [("delete", "", "the")],
    ),
    # editorial marks: an ellipsis, brackets
    (
        "We cannot keep turning away the bigger ships … This vote is about jobs",
        "Helen Park",
        "exact",
        "Helen Park",
        [],
    ),
    (
        "[The fund] is not a piggy bank for anyone's favorite project",
        "Bell",
        "exact",
        "Marcus Bell",
        [],
    ),
    # the wrong speaker
    ("optimistic but not unreasonable", "Marcus Bell", "misattributed", "Olivia Grant", []),
    ("We will plant what the water allows", "Helen Park", "misattributed", "Grace Liu", []),
    # invented, or only a shared word or two
    ("We will build a new bridge across the bay by next spring", None, "not_found", None, []),
    ("the port is doomed and everyone knows it", "Park", "not_found", None, []),
]


@pytest.mark.parametrize(("claim", "speaker", "verdict", "who", "expected"), CASES)
def test_verdict_speaker_and_differences(
    checker: Checker,
    claim: str,
    speaker: str | None,
    verdict: str,
    who: str | None,
    expected: list[tuple[str, str, str]],
) -> None:
    check = checker.check(claim, speaker)
    assert check.verdict == Verdict(verdict)
    if who is None:
        assert check.matches == ()
        return
    assert check.matches[0].speaker.name == who
    assert changes(check) == expected


def test_every_published_side_of_a_diff_is_verbatim_from_the_cited_article(
    checker: Checker,
) -> None:
    for claim, speaker, *_ in CASES:
        for match in checker.check(claim, speaker).matches:
            text = match.article.text
            assert match.quote == text[match.quote_start : match.quote_end]
            for d in match.diff:
                assert d.published in text[match.quote_start : match.quote_end]
                assert d.claim in claim


def test_the_quotation_is_exactly_the_published_quotation_with_its_date(checker: Checker) -> None:
    check = checker.check("a reckless bet", "Patel")
    (match,) = check.matches
    assert match.quote == "a reckless bet with borrowed money"
    assert match.quotation is not None and match.when is not None
    assert match.when.date == "2025-03-04"
    assert match.article.url == "https://ledger.example/harbor-dredging"


def test_words_outside_any_quotation_are_found_in_the_article_text(checker: Checker) -> None:
    check = checker.check("ending a two-year fight over the cost of the work")
    assert check.verdict is Verdict.EXACT
    (match,) = check.matches
    assert match.quotation is None and not match.speaker.resolved
    assert match.quote == "ending a two-year fight over the cost of the work"
    # The reporter's words, and Park is not named beside them: not hers.
    claimed = checker.check("ending a two-year fight over the cost of the work", "Park")
    assert claimed.verdict is Verdict.MISATTRIBUTED
    assert headline(claimed) == (
        "Misattributed: published, but the article does not credit these words to Park"
    )


def test_a_quotation_attribution_left_unresolved_is_exact_not_misattributed(
    checker: Checker,
) -> None:
    # Quoted twice: by Helen Park in one article, unresolved in another; both are listed.
    check = checker.check("is about jobs for the next thirty years", "Helen Park")
    assert check.verdict is Verdict.EXACT
    assert {m.speaker.name for m in check.matches} == {"Helen Park"}


def test_the_same_words_from_two_articles_come_earliest_first(checker: Checker) -> None:
    check = checker.check("is about jobs for the next thirty years")
    assert check.verdict is Verdict.EXACT
    ids = [m.article.id for m in check.matches]
    assert ids == ["check-port", "check-budget"]


def test_markup_like_characters_in_the_text_are_found_verbatim(checker: Checker) -> None:
    check = checker.check("a sign reading Dredge it now")
    assert check.verdict is Verdict.EXACT
    assert check.matches[0].quote == "a sign reading *Dredge it now"


def test_nothing_to_check_is_not_found(checker: Checker) -> None:
    assert checker.check("…  “ ”").verdict is Verdict.NOT_FOUND


def test_words_no_one_is_credited_with_are_misattributed_to_someone_never_named_nearby(
    checker: Checker,
) -> None:
    # In the budget article the port quotation is credited to no one; Olivia Grant is not
    # named near it, so nothing supports crediting her.
    check = checker.check("is about jobs for the next thirty years", "Olivia Grant")
    assert check.verdict is Verdict.MISATTRIBUTED
    assert {m.speaker.name for m in check.matches} == {"Helen Park"}
