"""What a check shows in Slack, read back from the blocks: article words verbatim, only a
speaker's own words bold or in quotation marks, nothing Slack could reformat or ping."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from bot.attribution.model import Quotation
from bot.check import Check, Checker, parse_check
from bot.corpus.articles import Article
from bot.service import Whosaid
from bot.slack.check_blocks import check_blocks, check_fallback_text

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "corpus", ROOT / "fixtures" / "check_corpus"]
MARKS = {"… ", " … ", " …"}


def _claims(q: Quotation) -> list[tuple[str, str | None]]:
    """The quotation as claimed, a fragment, one word changed, and for the wrong speaker."""
    said = q.text.split()
    out = [(q.text, q.speaker.name), (q.text, "Nobody Known")]
    if len(said) >= 5:
        out.append((" ".join(said[1:-1]), None))
        changed = said[:2] + ["zzzz"] + said[3:]
        out.append((" ".join(changed), q.speaker.name))
    return out


def _checks(corpus: Path) -> list[tuple[Check, dict[str, list[Quotation]]]]:
    whosaid = Whosaid.load(corpus)
    index = whosaid.index
    checker = Checker(index)
    found = []
    for number in range(len(index.articles)):
        by_article = {index.articles[number].id: list(index.quotations.lists[number])}
        for q in index.quotations.lists[number]:
            for claim, speaker in _claims(q):
                check = checker.check(claim, speaker)
                lists = {m.article.id: _quotations(index, m.article) for m in check.matches}
                found.append((check, {**by_article, **lists}))
    return found


def _quotations(index: Any, article: Article) -> list[Quotation]:
    (number,) = [i for i in range(len(index.articles)) if index.articles[i].id == article.id]
    return list(index.quotations.lists[number])


def _texts(element: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in element["elements"] if e.get("type") == "text"]


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_rendered_published_words_are_verbatim_and_only_the_speakers_own_are_bold(
    corpus: Path,
) -> None:
    checked = _checks(corpus)
    assert any(c.matches for c, _ in checked)
    for check, quotations in checked:
        rendered = check_blocks([check])
        assert all(b["type"] in ("rich_text", "divider") for b in rendered)
        for match, block in zip(check.matches, rendered[1:], strict=False):
            text = match.article.text
            own = {
                text[q.start : q.end]
                for q in quotations[match.article.id]
                if match.speaker.name and q.speaker.name == match.speaker.name
            }
            (quote,) = [e for e in block["elements"] if e["type"] == "rich_text_quote"]
            shown = [e for e in _texts(quote) if e["text"] not in MARKS]
            assert shown
            for element in shown:
                assert element["text"] in text[match.quote_start : match.quote_end]
                if element.get("style", {}).get("bold"):
                    assert element["text"] in own  # a whole quotation of the named speaker
            # Shown words are the article's, in order, adjacent unless a "…" stands between.
            at = match.quote_start
            for element in _texts(quote):
                if element["text"] in MARKS:
                    continue
                found = text.index(element["text"], at)
                at = found + len(element["text"])


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_fallback_puts_in_quotation_marks_only_the_named_speakers_words(corpus: Path) -> None:
    for check, quotations in _checks(corpus):
        fallback = check_fallback_text([check])
        assert "<!" not in fallback and "<@" not in fallback
        decoded = html.unescape(fallback)
        for quoted in re.findall(r"“(.*?)”(?= —)", decoded):
            best = check.matches[0]
            own = [
                best.article.text[q.start : q.end]
                for q in quotations[best.article.id]
                if q.speaker.name == best.speaker.name
            ]
            assert best.speaker.name and best.speaker.name in decoded
            assert any(
                o == quoted or (quoted.endswith("…") and o.startswith(quoted[:-1])) for o in own
            )


def test_markup_like_characters_stay_characters() -> None:
    whosaid = Whosaid.load(CORPORA[1])
    request = parse_check("check “Anything else &amp; you get <!here> noise > signal”")
    assert request is not None
    (check,) = whosaid.check(request)
    rendered = check_blocks([check])
    bold = [
        e["text"]
        for b in rendered
        for el in b.get("elements", [])
        if el["type"] == "rich_text_quote"
        for e in el["elements"]
        if e.get("style", {}).get("bold")
    ]
    assert bold == ["Anything else &amp; you get <!here> noise > signal."]
    assert "&lt;!here&gt;" in check_fallback_text([check])


def test_a_check_with_nothing_to_check_says_how_to_ask() -> None:
    request = parse_check("check")
    assert request is not None and request.claims == ()
    rendered = check_blocks(Whosaid.load(CORPORA[1]).check(request))
    assert "/whosaid check “…”" in rendered[0]["elements"][0]["elements"][0]["text"]
