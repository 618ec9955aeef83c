"""WordPiece splits a word as BERT does: longest prefix, "##" continuations, or unknown."""

from __future__ import annotations

import pytest

from bot.search.wordpiece import wordpiece

VOCAB = {"[UNK]": 0, "un": 1, "##real": 2, "##istic": 3, "real": 4, "unreal": 5, "##s": 6}


@pytest.mark.parametrize(
    ("word", "ids"),
    [
        ("real", [4]),
        ("unrealistic", [5, 3]),  # the longest prefix first: "unreal", not "un"
        ("reals", [4, 6]),
        ("unrealisticx", [0]),  # a part no piece covers makes the whole word unknown
        ("", []),
    ],
)
def test_words_split_into_the_longest_pieces(word: str, ids: list[int]) -> None:
    assert wordpiece(word, VOCAB, VOCAB["[UNK]"]) == ids
