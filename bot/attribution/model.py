"""What an attributed quotation is: the words (as offsets), who said them, how and when."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SpeakerKind(StrEnum):
    PERSON = "person"
    GROUP = "group"  # "Russian officials", "Democrats"
    ORGANIZATION = "organization"  # "the Kremlin", "the Pentagon"
    # A described source the article does not name ("a spokesperson for the Riverside
    # Port Authority", "one senior administration official"): `name` holds the description.
    UNNAMED = "unnamed"
    UNRESOLVED = "unresolved"  # a pronoun or phrase we could not tie to anyone


@dataclass(frozen=True)
class Speaker:
    name: str | None  # the fullest name the article gives ("Dmitry Peskov"), or for an
    # unnamed source its description; None if unresolved
    role: str | None  # as the article words it ("Kremlin spokesman")
    kind: SpeakerKind

    @property
    def resolved(self) -> bool:
        return self.kind is not SpeakerKind.UNRESOLVED and bool(self.name)


UNRESOLVED_SPEAKER = Speaker(name=None, role=None, kind=SpeakerKind.UNRESOLVED)


@dataclass(frozen=True)
class When:
    phrase: str | None  # the article's own words ("on Sunday"); None when none was given
    date: str  # ISO date "2025-02-09", or "2025-01" / "2025" where only that much is known
    from_publication: bool  # True when `date` is just the article's publication date


@dataclass(frozen=True)
class Quotation:
    """One contiguous quoted span. Pieces of one quotation share `quotation_id`."""

    article_id: str
    start: int  # offsets of the quoted words, without their marks, in Article.text
    end: int
    text: str  # == article.text[start:end]
    speaker: Speaker
    cue: str | None  # "said", "told reporters", "wrote", "according to"
    medium: str | None  # "on Truth Social", "in Kyiv", "in a recent analysis"
    when: When | None
    paragraph: int  # 1-based
    quotation_id: int
