"""Organisations named again by a short form: "Larkspur Foods …. Larkspur said …"."""

from __future__ import annotations

import re

from bot.attribution.given_names import is_given_name, is_shared_given_name
from bot.attribution.lexicons import COUNTRIES, ORG_WORDS
from bot.attribution.people import Entities


def note_short_names(ents: Entities, quoted: list[tuple[int, int]]) -> None:
    """Record each later mention of a multi-word organisation by its first word alone
    ("Larkspur" after "Larkspur Foods") as a mention of it, so that "the company" and "the
    statement" find the body the passage is about, not another named in between."""
    by_first: dict[str, tuple[int, str] | None] = {}
    for at, name in ents.orgs:
        words = name.split()
        first = words[0]
        if len(words) < 2 or first in ("The", "A", "An") or not first[:1].isupper():
            continue
        if first in by_first and (by_first[first] or (0, name))[1] != name:
            by_first[first] = None  # two bodies open with the word: it cannot tell them apart
            continue
        by_first.setdefault(first, (at, name))
    added = False
    for first, found in by_first.items():
        low = first.lower()
        if (
            found is None
            or low in ORG_WORDS
            or low in COUNTRIES
            or low in ents.by_surname
            or first in ents.common  # a word the article also writes in lower case
            or is_given_name(first)
            or is_shared_given_name(first)
        ):
            continue
        at, name = found
        rest = name.split()[1]
        pattern = re.compile(rf"\b{re.escape(first)}\b(?!['’]?\s*{re.escape(rest)}\b)")
        for match in pattern.finditer(ents.text, at + len(name)):
            pos = match.start()
            if not any(lo <= pos < hi for lo, hi in quoted):
                ents.orgs.append((pos, name))
                added = True
    if added:
        ents.orgs.sort()
