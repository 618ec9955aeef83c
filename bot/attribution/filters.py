"""Quoted words that are not quotations: titles of works, nicknames, scare quotes,
subheadings, and titles listed after a title.
"""

from __future__ import annotations

import re

from bot.attribution.lexicons import (
    GENERIC,
    NAMING_VERBS,
    NAMING_WORDS,
    TITLE_FUNCTION_WORDS,
    TITLE_SMALL_WORDS,
    WORK_NOUNS,
)
from bot.attribution.marks import QuotedSpan
from bot.attribution.threads import MIN_UNATTRIBUTED_WORDS, Piece


def _standalone_quote(text: str, s: QuotedSpan) -> bool:
    """Unattributed: kept (speaker unresolved) only if it reads like speech, not a label."""
    words = text[s.start : s.end].split()
    if len(words) < MIN_UNATTRIBUTED_WORDS:
        return False
    return not _title_case(words)


def _looks_like_title(words: list[str]) -> bool:
    """ "Meet the Region.", "Tonight With Nell Mather": capitalised words."""
    if not words or len(words) > 12:
        return False
    if any(
        w[:1].islower() and w.strip(".,!?;:").lower() not in TITLE_FUNCTION_WORDS for w in words
    ):
        return False  # "Why today? The ferry was full": a lower-case word of substance
    significant = [
        w.strip(".,!?;:")
        for w in words
        if len(w.strip(".,!?;:")) > 3
        and w.strip(".,!?;:").lower() not in TITLE_SMALL_WORDS
        and not w[:1].isdigit()
    ]  # "… for Hillary 2008"
    if not significant:  # "New Day": short words only, every one capitalised
        return all(w[:1].isupper() for w in words)
    return all(w[:1].isupper() for w in significant) and words[0][:1].isupper()


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if len(w) > 3]
    return (
        bool(significant)
        and all(w[:1].isupper() for w in significant)
        and words[-1][-1:] not in ".?!,"
    )


def _not_a_quotation(text: str, s: QuotedSpan) -> bool:
    """Titles of works and nicknames, even near a speech verb."""
    before = text[max(0, s.open_pos - 40) : s.open_pos]
    last = before.rstrip(" \t,:").rsplit(None, 2)
    if (
        last
        and (
            last[-1].lower() in NAMING_WORDS
            or " ".join(last[-2:]).lower() == "known as"
            or last[-1].lower() in WORK_NOUNS
            and not text[s.start : s.start + 1].islower()
            # "told the Today programme: “We ran out of time.”": a colon introduces speech
            and not (
                before.rstrip().endswith(":")
                and any(w in ("told", "telling", "said", "says") for w in before.split())
                and len(text[s.start : s.end].split()) >= 4
            )
        )
    ):
        # the film “…”, a so-called “…”, known as “…” (but "the program “is gaining
        # traction”" goes on the sentence, in lower case: a quotation, not a title)
        return True
    after = text[s.close_pos + 1 : s.close_pos + 60].lstrip("”\"'’ ")
    if _BYLINE.match(after):
        return True  # “Council accused of hiding the audit,” by Herald's Nell Ames …
    quoted = text[s.start : s.end].rstrip()
    if (
        quoted.endswith(",")
        and _DESCRIBED_AFTER.match(after) is not None
        and (
            _looks_like_title(quoted.split())
            # "her memoir of the strike, “Onze jours en novembre,” which …": a work
            # named just before, whatever the language or casing of its title
            or any(w.strip(",").lower() in WORK_NOUNS for w in before.split()[-5:])
        )
    ):
        return True  # “Harbor Nights,” whose first season …, “Tide Line,” on Channel 4
    # The word before first: it rarely fits, and splitting the quotation costs more.
    if (
        last
        and (
            last[-1][:1].isupper()
            and last[-1].lower().endswith(("’s", "'s", "s’", "s'"))  # (CBS', NBC's)
            or last[-1].lower()
            in ("on", "with", "in", "from", "of", "for", "the", "a", "an", "and", "or", "at")
            # "a collection from the illustrator Nina Calder called “Oops!: 20 Years of …”"
            or last[-1].lower() in ("called", "named")
            and len(last) >= 2
            and last[-2][:1].isupper()
        )
        and _looks_like_title(text[s.start : s.end].split())
    ):
        return True  # said on KTVA's “Meet the Region.”, an interview with “Harbor Radio Tonight”
    if len(text[s.start : s.end].split(None, 3)) <= 3:  # three words at most (no full split)
        # Dwayne “The Rock” Johnson: a nickname sits between two parts of a name.
        left = before.rstrip().split()[-1:] if before.strip() else []
        right = text[s.close_pos + 1 : s.close_pos + 40].split("\n", 1)[0].split()[:1]
        if (
            left
            and right
            and left[0][:1].isupper()
            and right[0][:1].isupper()
            and right[0].strip(".,;:")[:1].isalpha()
            and left[0][-1:].isalpha()
        ):
            return True
    return False


_BYLINE = re.compile(r",?\s*by\s+(?:the\s+)?[A-Z]")
# What follows a title set off by a comma: a relative clause about it or its channel.
_DESCRIBED_AFTER = re.compile(r"(?:whose|which)\b|on\s+[A-Z]")


def _nickname(text: str, piece: Piece) -> bool:
    """ "a man people call “the Colonel”": a name given by people at large, not speech."""
    speaker = piece.speaker
    return (
        piece.cue is not None
        and piece.cue.lower() in NAMING_VERBS
        and speaker is not None
        and (speaker.name or "").lower() in GENERIC
        and len(text[piece.span.start : piece.span.end].split()) <= 4
    )


_LIST_GAP = re.compile(r"[\s,”\"’'“‘]*(?:(?:and|or|&)[\s“\"‘']*)?")


def _listed_after_title(text: str, prev_end: int, s: QuotedSpan) -> bool:
    """ "roles in “The Tide Pools,” “Harbor 9,” and “Lowland Nights”": a
    title-like quotation listed right after a title is one too."""
    gap = _LIST_GAP.match(text, prev_end, s.open_pos + 1)
    return (
        gap is not None
        and gap.end() >= s.open_pos
        and _looks_like_title(text[s.start : s.end].split())
    )


def _subhead(text: str, paragraphs: tuple[tuple[int, int], ...], s: QuotedSpan) -> bool:
    """ "'A really tough decision.'" alone on its line, in single marks, in an article
    quoting with double marks: a subheading, not a quotation."""
    if s.double or s.runs_on or len(text[s.start : s.end].split()) > 8:
        return False
    lo, hi = paragraphs[s.paragraph]
    return s.open_pos <= lo + 1 and s.close_pos >= hi - 2
