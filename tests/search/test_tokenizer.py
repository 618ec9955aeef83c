"""Tokenization fit for news: what a reporter types must find what the article printed."""

from __future__ import annotations

import pytest

from bot.search.tokenizer import tokenize


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Ukraine's", "Ukraine’s"),  # straight vs curly apostrophe
        ("UKRAINE", "Ukraine"),  # case
        ("Zelensky", "Zelensky,"),  # punctuation stripped
        ("Perez", "Pérez"),  # accents folded
        ("US", "U.S."),  # abbreviations
        ("Trump Putin", "Trump-Putin"),  # hyphenated compounds
        ("peace", "“peace”"),  # quotation marks are not part of words
        ("Kyiv", "Ｋｙｉｖ"),  # full-width forms (NFKC)
    ],
)
def test_typed_form_matches_printed_form(typed: str, printed: str) -> None:
    assert tokenize(typed) == tokenize(printed)


def test_names_and_numbers_survive() -> None:
    assert tokenize("Dmitry Peskov said 90 minutes") == [
        "dmitri",
        "peskov",
        "said",
        "90",
        "minut",
    ]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("emails", "email"),  # plural
        ("warned", "warns"),  # tense
        ("officials", "official"),
        ("councillors", "councillor"),
    ],
)
def test_plural_and_tense_variants_match(typed: str, printed: str) -> None:
    assert tokenize(typed) == tokenize(printed)


def test_no_tokens_from_punctuation_or_emoji() -> None:
    assert tokenize("?!… — “” 🙂🔥") == []


def test_possessive_is_dropped_in_any_case() -> None:
    assert tokenize("AFRICA’S ECONOMY") == tokenize("Africa's economy") == ["africa", "economi"]
