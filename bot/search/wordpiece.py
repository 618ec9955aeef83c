"""WordPiece, as BERT splits a word: the longest vocabulary prefix, then "##" continuations.

Shared by the question encoder (the transformer's own tokenization) and the static table the
quotations are embedded with; each keeps its own cache of words already split.
"""

from __future__ import annotations

from collections.abc import Mapping


def wordpiece(word: str, ids: Mapping[str, int], unknown: int) -> list[int]:
    """The vocabulary ids of `word`'s pieces, or [unknown] when some part of it has none."""
    pieces: list[int] = []
    start = 0
    while start < len(word):
        end = len(word)
        piece = None
        while end > start:
            piece = ids.get(word[start:end] if start == 0 else "##" + word[start:end])
            if piece is not None:
                break
            end -= 1
        if piece is None:
            return [unknown]
        pieces.append(piece)
        start = end
    return pieces
