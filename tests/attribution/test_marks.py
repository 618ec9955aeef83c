"""Pairing quotation marks: kinds, nesting, apostrophes, unbalanced marks."""

from __future__ import annotations

import pytest

from bot.attribution.marks import find_quoted_spans
from bot.corpus.articles import split_paragraphs


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text, split_paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we are ready” and left.", ["we are ready"]),
        ('He said "we are ready" and left.', ["we are ready"]),
        ("He said ''we are ready,'' and left.", ["we are ready,"]),
        ("She said ‘we are ready’ and left.", ["we are ready"]),
        # Apostrophes are not marks.
        ("Russia’s leader didn’t say it. “Yes,” he said.", ["Yes,"]),
        ("It's the '90s again, isn't it? \"Yes,\" he said.", ["Yes,"]),
        ("The nations’ leaders met. ‘It went well,’ he said.", ["It went well,"]),
        # Nested quotations stay inside their outer one.
        ("“He used my motto, ‘COMMON SENSE.’ We agree,” he wrote.",
         ["He used my motto, ‘COMMON SENSE.’ We agree,"]),
        ("''When a bill says 'share data,' it means 'share control,''' he said.",
         ["When a bill says 'share data,' it means 'share control,'"]),
        ("‘They said the word “flexibility” forty times,’ he said.",
         ["They said the word “flexibility” forty times,"]),
        ('He tweeted, "Reports say he shouted "Help!" at the crowd." Then he left.',
         ['Reports say he shouted "Help!" at the crowd.']),
        # An unbalanced mark costs nothing after it.
        ("A stray “mark here. Then “a real one” follows.", ["a real one"]),
        ("“One” and ” then “two” and “three”.", ["One", "two", "three"]),
        # Several on a line, straight marks decided by context.
        ('"A," he said, "B."', ["A,", "B."]),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_multi_paragraph_quotation_runs_on() -> None:
    text = "She said:\n\n“First part.\n\n“Second part.\n\n“Last part.”\n\nAfter."
    found = find_quoted_spans(text, split_paragraphs(text))
    assert [text[s.start : s.end] for s in found] == ["First part.", "Second part.", "Last part."]
    assert [s.runs_on for s in found] == [True, True, False]


def test_unclosed_quote_does_not_swallow_next_paragraphs() -> None:
    text = "He said “this never closes, and more words here\n\nNext “quoted” paragraph."
    assert spans(text) == ["quoted"]


def test_forgotten_closer_at_paragraph_end() -> None:
    text = "“We looked,” she said. “There was no good one left.\n\nThe end."
    assert spans(text) == ["We looked,", "There was no good one left."]
