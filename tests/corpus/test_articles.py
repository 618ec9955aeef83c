"""Corpus files -> articles: the seed's wire form, front matter, JSONL, and bad files."""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

import pytest

from bot.corpus.articles import ArticleError, load_corpus, parse_article


def test_seed_metadata_comes_from_front_matter_and_wire_byline(seed_article) -> None:
    a = seed_article
    assert a.outlet == "The Washington Post"
    assert a.byline == "Michael Birnbaum, Robyn Dixon"
    assert a.published == date(2025, 2, 12)
    assert a.headline == "Trump talks to Putin in first announced call since taking office"
    assert a.url is None
    assert len(a.paragraphs) == 37
    assert a.text.startswith("President Donald Trump spoke by phone on Wednesday")
    assert not a.text.startswith("By ")


def test_seed_footer_keeps_credits_and_drops_the_reader_comment(seed_article) -> None:
    assert seed_article.text.endswith("rolling back NATO infrastructure and equipment.")
    assert "– – –" not in seed_article.text
    assert "Putin should never be trusted" not in seed_article.text
    assert "Adois" not in seed_article.text
    (credit,) = seed_article.credits
    assert credit.startswith("Dixon reported from Riga, Latvia.")
    assert credit.endswith("contributed to this report.")


def test_paragraph_spans_are_trimmed_and_cover_each_line(seed_article) -> None:
    lines = seed_article.text.split("\n")
    assert [seed_article.paragraph_text(i + 1) for i in range(len(lines))] == lines


def test_wire_form_without_front_matter_and_blank_line_paragraphs() -> None:
    raw = "By Ana Ortiz · The Ledger (c) 2023\nFirst para\nstill first.\n\nSecond para.\n"
    article = parse_article(raw, default_id="x")
    assert (article.byline, article.outlet) == ("Ana Ortiz", "The Ledger")
    assert [article.paragraph_text(i) for i in (1, 2)] == [
        "First para\nstill first.",
        "Second para.",
    ]


def test_fixture_corpus_reads_every_format(fixture_articles) -> None:
    by_id = {a.id: a for a in fixture_articles}
    assert set(by_id) == {"harbor-2024", "budget", "wire-exports-1", "wire-exports-2"}
    assert by_id["harbor-2024"].url == "https://ledger.example/harbor-dredging"
    assert by_id["wire-exports-1"].published == date(2024, 5, 2)  # a date-time is accepted
    assert by_id["budget"].outlet == "The Northern Gazette"
    assert "<!channel>" not in by_id["budget"].text  # it was in the reader comment
    assert by_id["budget"].credits == (
        "Fischer reported from Albany. Sam Cole contributed to this report.",
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"\n \n\t\n", "empty file"),
        ("latin1.txt", "Caf\xe9 au lait".encode("latin-1"), "not valid UTF-8"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("bad-date.md", b"---\npublished: last Tuesday\n---\nBody.\n", "not an ISO date"),
        ("open-front.md", b"---\nheadline: x\nBody never closes front matter\n", "never closed"),
        ("only-front.md", b"---\nheadline: x\n---\n", "no article text"),
    ],
)
def test_bad_file_is_skipped_with_a_warning_naming_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, content: bytes, reason: str
) -> None:
    (tmp_path / "good.txt").write_text("A good article paragraph.\n", encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    with caplog.at_level(logging.WARNING):
        report = load_corpus(tmp_path)
    assert [a.id for a in report.articles] == ["good"]
    assert len(report.skipped) == 1 and report.skipped[0][0] == name
    assert reason in report.skipped[0][1]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and name in warnings[0] and reason in warnings[0]


def test_unknown_front_matter_key_is_warned_about_but_article_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.md").write_text("---\nsection: metro\nheadline: H\n---\nBody.\n")
    with caplog.at_level(logging.WARNING):
        report = load_corpus(tmp_path)
    assert report.articles[0].headline == "H"
    assert any("a.md" in r.getMessage() and "section" in r.getMessage() for r in caplog.records)


def test_duplicate_ids_keep_the_first(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\nid: same\n---\nFirst.\n")
    (tmp_path / "b.md").write_text("---\nid: same\n---\nSecond.\n")
    report = load_corpus(tmp_path)
    assert [a.text for a in report.articles] == ["First."]
    assert "duplicate article id" in report.skipped[0][1]


def test_jsonl_bad_line_does_not_cost_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text('{"id": "ok", "body": "Fine."}\nnot json\n{"id": "n"}\n')
    report = load_corpus(tmp_path)
    assert [a.id for a in report.articles] == ["ok"]


def test_symlink_loop_and_missing_folder_do_not_hang_or_crash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.\n")
    os.symlink(tmp_path, tmp_path / "loop")
    assert [a.id for a in load_corpus(tmp_path).articles] == ["a"]
    assert load_corpus(tmp_path / "missing").articles == ()


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Text.\n")
    (tmp_path / "secret.txt").write_text("Text.\n")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # CI runs as root, where chmod 0 does not stop reads
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = load_corpus(tmp_path)
    assert [a.id for a in report.articles] == ["a"]
    assert report.skipped == (("secret.txt", "Permission denied"),)


def test_parse_error_is_an_article_error() -> None:
    with pytest.raises(ArticleError):
        parse_article("\x00\x01", default_id="x")


def test_a_fifo_named_like_an_article_is_skipped_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    report = load_corpus(tmp_path)
    assert [a.id for a in report.articles] == ["a"]
    assert report.skipped == (("pipe.txt", "not a regular file"),)


@pytest.mark.parametrize(
    ("value", "headline"),
    [
        ("'Stopped thinking': Moreau wins", "'Stopped thinking': Moreau wins"),
        ("\"Harbour plan approved\"", "Harbour plan approved"),
        ("'Harbour plan approved'", "Harbour plan approved"),
    ],
)
def test_front_matter_strips_only_enclosing_quotation_marks(value: str, headline: str) -> None:
    a = parse_article(f"---\nid: x\nheadline: {value}\n---\nBody.\n", default_id="x")
    assert a.headline == headline
