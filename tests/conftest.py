"""Shared fixtures: the shipped corpus, a small fixture corpus written for the tests."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bot.attribution.model import Quotation, Speaker, SpeakerKind, When
from bot.corpus.articles import Article, load_corpus

# The local Slack emulation (tests/slack_emulator) provides `slack_emulator` and `bot_worker`.
pytest_plugins = ["tests.slack_emulator.fixtures"]

# The suite builds many tiny indexes; embedding each one's quotations with the transformer
# (the default "auto" for small corpora) would double its time without testing more:
# tests/search/test_quote_vectors.py sets the setting itself to test both sources.
os.environ.setdefault("SEMANTIC_QUOTATIONS", "static")

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CORPUS = ROOT / "corpus"
FIXTURE_CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
SEED_ID = "000_8756f83ca74b7bfe"


@pytest.fixture(scope="session")
def seed_article() -> Article:
    (article,) = [a for a in load_corpus(SHIPPED_CORPUS).articles if a.id == SEED_ID]
    return article


@pytest.fixture(scope="session")
def fixture_articles() -> tuple[Article, ...]:
    return load_corpus(FIXTURE_CORPUS).articles


# Who says each fixture quotation, by its first words: lets answer tests run independently
# of the attribution extractor's quality.
FIXTURE_SPEAKERS = {
    "This harbor": ("Helen Park", "Mayor"),
    "a burden": ("Raj Patel", "Council member"),
    "We have waited": ("Tomás Reyes", None),
    "Every season": ("Tomás Reyes", None),
    "nobody should": ("Helen Park", "Mayor"),
    "We are making": ("Marcus Bell", "Governor"),
    "optimistic revenue": ("Olivia Grant", "State Treasurer"),
    "Nobody wins": ("Grace Liu", "president of the Growers Association"),
    "We will be back": ("Grace Liu", None),
}


def fixture_extractor(article: Article) -> list[Quotation]:
    """Curly-quoted spans of the fixture articles, attributed from FIXTURE_SPEAKERS."""
    quotations = []
    for number, match in enumerate(re.finditer(r"“([^”]+)”", article.text)):
        words = match.group(1)
        speaker = next(
            (v for k, v in FIXTURE_SPEAKERS.items() if words.startswith(k)), (None, None)
        )
        name, role = speaker
        quotations.append(
            Quotation(
                article_id=article.id,
                start=match.start(1),
                end=match.end(1),
                text=words,
                speaker=Speaker(name, role, SpeakerKind.PERSON if name else SpeakerKind.UNRESOLVED),
                cue="said",
                medium=None,
                when=When(None, article.published.isoformat(), True) if article.published else None,
                paragraph=article.paragraph_at(match.start(1)),
                quotation_id=number,
            )
        )
    return quotations


def resident_kb(folder: Path) -> int:
    """This process's resident kB in mappings of files under `folder` (/proc/self/smaps)."""
    prefix, total, inside = str(folder.resolve()) + "/", 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if "-" in fields[0] and len(fields) >= 5 and not fields[0].endswith(":"):
            inside = len(fields) >= 6 and fields[5].startswith(prefix)
        elif inside and fields[0] == "Rss:":
            total += int(fields[1])
    return total
