"""Hostile input: never raises, stays verbatim, and takes time linear in its length."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.attribution import extract_quotations
from bot.corpus.articles import Article, build_article

MARKS = "“”‘’\"'«»„`―—–:,.;!?()[]"
WORDS = ["said", "told", "he", "she", "they", "Mr.", "Sen.", "according", "to", "that",
         "Trump", "Ana Lopez", "on Sunday", "last month", "the Kremlin", "officials",
         "wrote", "added", "Привет", "مرحبا", "你好", "\u200b", "\t", "\x0b", "\x1f", "\x7f",
         "\n", "\n\n", "PENCE:", "called", "so-called", "Jan.", "2019"]

fragments = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list(MARKS)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=12),
)
bodies = st.lists(fragments, min_size=1, max_size=120).map(" ".join)


def make(body: str) -> Article | None:
    body = body.replace("\r", "\n")
    if not body.strip():
        return None
    return build_article({"published": "2025-02-12"}, body, "h", "h")


def check(article: Article) -> None:
    found = extract_quotations(article)
    previous = -1
    for q in found:
        assert article.text[q.start : q.end] == q.text
        assert 0 <= q.start < q.end <= len(article.text)
        assert q.start >= previous
        previous = q.start
        assert 1 <= q.paragraph <= len(article.paragraphs)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies)
def test_random_text_never_raises_and_is_verbatim(body: str) -> None:
    article = make(body)
    if article is not None:
        check(article)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(list("“”‘’\"'«»` ―a\n")), min_size=1, max_size=400))
def test_mark_soup(chars: list[str]) -> None:
    article = make("x " + "".join(chars))
    if article is not None:
        check(article)


def _seconds(body: str) -> float:
    article = make(body)
    assert article is not None
    started = time.perf_counter()
    check(article)
    return time.perf_counter() - started


UNITS = [
    "“Word ",  # openers only
    "” word ",  # closers only
    "“a,” he said. ",  # many short quotations
    "‘a’ ’b ",  # singles and apostrophes
    "Sen. Ana Lopez, who spoke, said ",  # attribution words, no marks
    "\"x\" \"y ",  # straight marks, unbalanced
]


def _scaling(unit: str, small_size: int) -> tuple[float, float]:
    small = unit * (small_size // len(unit))
    large = unit * (10 * small_size // len(unit))
    # Best of a few runs: a busy machine slows single runs, never the best one much.
    t_small = min(_seconds(small) for _ in range(3))
    t_large = min(_seconds(large) for _ in range(2))
    return t_small, t_large


@pytest.mark.parametrize("unit", UNITS)
def test_linear_time(unit: str) -> None:
    """Ten times the text costs about ten times the time, not a hundred."""
    t_small, t_large = _scaling(unit, 4_000)
    # Linear is about 10x; quadratic would be 100x. The margin absorbs timer noise.
    assert t_large < 40 * max(t_small, 0.002)


def test_100kb_paragraph() -> None:
    body = "".join(UNITS) * (100_000 // len("".join(UNITS)))
    assert len(body) >= 99_000 and "\n" not in body
    assert _seconds(body) < 20.0


@pytest.mark.slow
@pytest.mark.parametrize("unit", UNITS)
def test_100kb_paragraph_is_linear(unit: str) -> None:
    t_small, t_large = _scaling(unit, 10_000)
    assert t_large < 40 * max(t_small, 0.002)


def test_control_characters_and_mixed_scripts() -> None:
    body = ("\x01\x02 “Привет, мир,” said Ана Лопес.\x0b\n\n“你好” 她说。 “مرحبا،” قال.\x1f\n\n"
            "“Γεια σου,” said Νίκος Παππάς in Athens on Sunday.")
    article = make(body)
    assert article is not None
    check(article)
