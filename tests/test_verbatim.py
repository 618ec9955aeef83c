"""Verbatim, always, where people see it: what the renderers actually produce (Slack blocks
after decoding Slack's escaping, the plain-text fallback, terminal text, terminal JSON) is the
cited article's text at the answer's offsets, over the shipped corpus and a corpus full of
markup-like characters. The end-to-end twin (the real worker, through the Slack emulation) is
tests/e2e/test_verbatim_slack.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.attribution import extract_quotations
from bot.cli.main import main
from bot.corpus.articles import load_corpus
from bot.service import Whosaid
from bot.slack import blocks
from tests.slack_emulator.blocks import block_errors, block_text_length
from tests.slack_emulator.records import rich_text_paragraphs

from .conftest import FIXTURE_CORPUS, SHIPPED_CORPUS
from .verbatim_oracle import (
    MARKUP_CORPUS,
    Corpus,
    answers,
    check_fallback,
    check_plain_excerpt,
    check_reply,
    questions_for,
)

CORPORA = [SHIPPED_CORPUS, MARKUP_CORPUS]
IDS = ["shipped", "markup"]


@pytest.fixture(scope="module", params=CORPORA, ids=IDS)
def corpus_dir(request: pytest.FixtureRequest) -> Path:
    return request.param


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path) -> Corpus:
    return Corpus.load(corpus_dir)


@pytest.fixture(scope="module")
def asked(corpus_dir: Path, corpus: Corpus) -> list:
    return answers(Whosaid.load(corpus_dir, limit=3), questions_for(corpus))


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`python -m bot ARGS` in this process; returns what it printed."""
    monkeypatch.setenv("CACHE_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # no developer .env

    def run(*args: str) -> str:
        capsys.readouterr()
        assert main(list(args)) == 0
        return capsys.readouterr().out

    return run


@pytest.mark.parametrize(
    "corpus_dir", [SHIPPED_CORPUS, FIXTURE_CORPUS], ids=["shipped", "fixtures"]
)
def test_every_extracted_quotation_is_a_slice_of_its_article(corpus_dir: Path) -> None:
    for article in load_corpus(corpus_dir).articles:
        for q in extract_quotations(article):
            assert q.text == article.text[q.start : q.end], (article.id, q)
            assert q.article_id == article.id
            p_start, p_end = article.paragraphs[q.paragraph - 1]
            assert p_start <= q.start < q.end <= p_end


def test_the_markup_corpus_is_full_of_markup() -> None:
    corpus = Corpus.load(MARKUP_CORPUS)
    text = "".join(a.text for a in corpus.articles.values())
    for markup in ("*bold*", "_italic_", "~strike~", "`code`", "\n> ", "<!here>", "&amp;", "<@U"):
        assert markup in text
    quoted = "".join(q.text for qs in corpus.quotations.values() for q in qs)
    for markup in ("*", "_", "~", "`", ">", "<!channel>", "&"):
        assert markup in quoted
    assert max(len(q.text) for qs in corpus.quotations.values() for q in qs) > 3000


def test_slack_blocks_show_every_excerpt_verbatim(corpus: Corpus, asked: list) -> None:
    shown = 0
    for question, answer in asked:
        payload = blocks.answer_blocks(answer, shareable=True)
        assert block_errors(payload) == [], question
        assert block_text_length(payload) <= 13000
        shown += check_reply(corpus, answer, rich_text_paragraphs(payload))
        assert shown or not answer.results
    assert shown >= len(asked)  # most questions find something, and it is all shown


def test_fallback_quotes_only_a_named_speakers_words(corpus: Corpus, asked: list) -> None:
    named = 0
    for _, answer in asked:
        fallback = blocks.fallback_text(answer)
        assert "<" not in fallback and ">" not in fallback  # escaped: no ping, no link
        check_fallback(corpus, answer, fallback)
        named += sum(1 for r in answer.results if r.quotation and r.quotation.speaker.name)
    assert named > 0


def test_terminal_text_shows_every_excerpt_verbatim(
    corpus: Corpus, corpus_dir: Path, asked: list, cli
) -> None:
    for question, answer in asked[:40]:
        printed = cli("ask", question, "--corpus", str(corpus_dir)).split("\n")
        starts = [i for i, line in enumerate(printed) if line[:1].isdigit() and ". " in line]
        assert len(starts) == len(answer.results), question
        for result, at in zip(answer.results, starts, strict=True):
            q = result.quotation
            if q is not None and q.speaker.name:
                assert printed[at].split(". ", 1)[1].startswith(q.speaker.name)
            lines = []
            for line in printed[at + 1 :]:
                if not line.startswith("   > "):
                    break
                lines.append(line[len("   > ") :])
            check_plain_excerpt(corpus, result, "\n".join(lines), whole=True)


def test_terminal_json_offsets_are_the_articles_words(
    corpus: Corpus, corpus_dir: Path, asked: list, cli
) -> None:
    checked = 0
    for question, _ in asked[:40]:
        data = json.loads(cli("ask", question, "--json", "--corpus", str(corpus_dir)))
        for item in data["results"]:
            article = corpus.articles[item["article"]["id"]]
            assert item["excerpt"] == article.text[item["start"] : item["end"]]
            p_start, p_end = article.paragraphs[item["paragraph"] - 1]
            assert p_start <= item["start"] < item["end"] <= p_end
            if item["quote"] is None:
                assert item["quote_start"] is None and item["speaker"] is None
                continue
            assert item["quote"] == article.text[item["quote_start"] : item["quote_end"]]
            assert item["start"] <= item["quote_start"] < item["quote_end"] <= item["end"]
            (q,) = [
                q
                for q in corpus.quotations[article.id]
                if (q.start, q.end) == (item["quote_start"], item["quote_end"])
            ]
            speaker = {"name": q.speaker.name, "role": q.speaker.role, "kind": q.speaker.kind}
            assert item["speaker"] == speaker
            assert (item["cue"], item["medium"]) == (q.cue, q.medium)
            checked += 1
    assert checked > 0


@pytest.mark.parametrize(
    "question",
    [
        "Putin should never be trusted",
        "who said pay up and shut up",
        "no more free rides keister",
        "what did Trump say about core values and principles",
        "disgrace everyone knows it",
    ],
)
def test_text_after_a_footer_is_never_shown(question: str) -> None:
    whosaid = Whosaid.load(SHIPPED_CORPUS, limit=5)
    after_footer = ("never be trusted", "pay up", "shut up", "free rides", "keister", "disgrace")
    answer = whosaid.ask(question)
    shown = [p.text for p in rich_text_paragraphs(blocks.answer_blocks(answer))]
    shown.append(blocks.fallback_text(answer))
    assert not any(words in text for words in after_footer for text in shown)
