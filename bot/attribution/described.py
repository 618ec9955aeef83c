"""Described sources and bodies: "a spokesperson for the Riverside Port Authority", "one senior
official" (kept whole, kind unnamed), a body by its initials ("the RPA"), and "the two
companies" for bodies named together. `resolve` asks these after names and pronouns.
"""

from __future__ import annotations

import bisect
import re

from bot.attribution.lexicons import (
    ANONYMOUS,
    DESCRIPTION_LINKS,
    DESCRIPTION_OPENERS,
    DOCUMENTS,
    NOT_NAMES,
    ORG_HEADS,
    PERSON_HEADS,
    ROLE_WORDS,
    SPOKES,
)
from bot.attribution.model import Speaker, SpeakerKind
from bot.attribution.people import PRONOUN_WINDOW, Entities
from bot.attribution.role_fit import _modifiers


def _described_source(ents: Entities, words: list[str], low: list[str], pos: int) -> Speaker | None:
    """ "a spokesperson for the Riverside Port Authority", "an official at the ministry":
    a describing noun tied to a body. Unnamed (the description is what is shown), or
    for "the director of …" the person the article named with that role."""
    if len(words) < 4 or low[0] not in DESCRIPTION_OPENERS:
        return None
    link = next((k for k in range(2, len(low) - 1) if low[k] in DESCRIPTION_LINKS), 0)
    if not link or words[link - 1][:1].isupper() or not words[link - 1].isalpha():
        return None
    head = low[link - 1]
    indefinite = low[0] in ("a", "an", "one", "another") and head not in DOCUMENTS
    if not (
        head in ANONYMOUS
        or head in SPOKES
        or head in PERSON_HEADS
        or head in ROLE_WORDS
        or indefinite  # "one letting agent in Bristol": whoever the noun is, described
        and head not in NOT_NAMES
    ):
        return None
    body = low[link + 1 :]
    if not any(w[:1].isupper() for w in words[link + 1 :]) and not (
        head in SPOKES and body and body[-1] in ORG_HEADS
    ):
        # "a member of the public": no body named ("a spokeswoman for the ministry" is)
        return None
    text = " ".join(words)
    if words[0] == "The":
        text = "the" + text[3:]
    if low[0] == "the" and head in PERSON_HEADS:
        found = ents.by_description(head, _modifiers(words[link + 1 :]), pos)
        if found is not None:
            return found
    return Speaker(text, None, SpeakerKind.UNNAMED)


def _by_initials(ents: Entities, letters: str, pos: int) -> Speaker | None:
    """ "the RDO said" after "Revenue Divisional Officer M. Srinivasa Rao": the person
    mentioned last whose role's capitalised words have those initials."""
    index = bisect.bisect_left(ents.mention_pos, pos)
    for mention in reversed(ents.mentions[max(0, index - 60) : index]):
        person = ents.people[mention.person]
        caps = [w for w in (person.role or "").split() if w[:1].isupper() and len(w) > 2]
        if len(caps) >= 2 and "".join(w[0] for w in caps) == letters:
            return ents.speaker_of(person)
    return None


# "the companies said" after "Halden Foods and Pelican Brands agreed to merge": both of them.
_PLURAL_BODIES = frozenset("companies firms banks carriers airlines businesses".split())


# Only an abbreviation's point or a ticker may sit between the first name and "and".
_AND_BETWEEN = re.compile(r"\.?(?:\s*\([^)\n]{1,12}\))?,?\s(?:and|&)\s+(?:the\s+)?")


def _bodies_named_together(ents: Entities, pos: int) -> str | None:
    """ "X and Y": the last two organisations the article joined by "and" before `pos`."""
    index = bisect.bisect_left(ents.orgs, (pos, ""))
    for i in range(index - 1, max(0, index - 40), -1):
        (at_a, a), (at_b, b) = ents.orgs[i - 1], ents.orgs[i]
        if pos - at_b > 3 * PRONOUN_WINDOW:
            return None
        if a != b and _AND_BETWEEN.fullmatch(ents.text, at_a + len(a), at_b) is not None:
            return f"{a} and {b}"
    return None
