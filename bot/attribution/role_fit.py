"""Whether a description fits a person's role: "the Ukrainian leader" for the president of
Ukraine, not for the mayor of Kyiv (modifiers, nations, offices, contradictions).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.attribution.lexicons import (
    COUNTRIES,
    OFFICE_ABBREVIATIONS,
    OFFICES,
    PARTIES,
    ROLE_WORDS,
    TITLES,
)

# Places by their first four letters: a word is compared only with the places it could be.
_PLACES_BY_PREFIX: dict[str, list[str]] = {}
for _place in COUNTRIES:
    _PLACES_BY_PREFIX.setdefault(_place[:4], []).append(_place)


def _modifiers(words: list[str]) -> list[str]:
    """The capitalised words of a description ("Ukrainian" in "the Ukrainian leader")."""
    return [w.strip(",.") for w in words if w[:1].isupper()]


def _same_stem(a: str, b: str) -> bool:
    """ "Ukraine" / "Ukrainian", "Russia" / "Russian", "China" / "Chinese"."""
    a, b = a.lower().removesuffix("’s").removesuffix("'s"), b.lower()
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return a == b or common >= 4 and common >= min(len(a), len(b)) - 2


def _role_fits(modifiers: Sequence[str], role: str) -> bool:
    """Does every capitalised word of a description find itself in the role?"""
    words = [w.strip(",.") for w in role.split()]
    return all(any(_same_stem(m, w) for w in words) for m in modifiers)


def _leads_role(word: str, role: str | None) -> bool:
    """Does `word` modify a title after it in the role ("FBI" in "FBI Director")?"""
    words = (role or "").lower().split()
    k = words.index(word) if word in words else len(words)
    return any(w in TITLES or w in ROLE_WORDS for w in words[k + 1 :])


def _nations(words: Sequence[str]) -> list[str]:
    """The words naming a place or its people ("Ukrainian", "Florida")."""
    return [
        w
        for w in words
        if w[:1].isupper()
        and any(_same_stem(w, c) for c in _PLACES_BY_PREFIX.get(w[:4].lower(), ()))
    ]


def _contradicts(modifiers: Sequence[str], role: str) -> bool:
    """Do the description and the role name different places or parties ("the Ukrainian
    leader", "Russian President"; "the Republican nominee", "Democratic … nominee")?"""
    role_words = [w.strip(",.") for w in role.split()]
    wanted = _nations(modifiers)
    have = _nations(role_words)
    if wanted and have and not any(_same_stem(a, b) for a in wanted for b in have):
        return True
    parties = {PARTIES[m.lower()] for m in modifiers if m.lower() in PARTIES}
    held = {PARTIES[w.lower()] for w in role_words if w.lower() in PARTIES}
    return bool(parties and held) and not parties & held


def _offices(role: str) -> set[str]:
    words = (w.strip(".,").lower() for w in role.split())
    return {office for w in words if (office := OFFICE_ABBREVIATIONS.get(w, w)) in OFFICES}


def _holds_another_office(head: str, role: str) -> bool:
    """ "the judge" and a role naming offices, none of them a judge's."""
    if head not in OFFICES:
        return False
    held = _offices(role)
    return bool(held) and head not in held
