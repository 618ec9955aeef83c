"""Who acts before a participle cue ("…, saying"): the speaker of a "X said," just before
it, or the last person in the sentence followed by a verb. `extract` asks these when the
cue's own clause names no one."""

from __future__ import annotations

from bot.attribution.cues_before import find_before
from bot.attribution.lexicons import (
    AGENT_ADVERBS,
    NOT_NAMES,
    PREPOSITIONS,
    SPEECH_VERBS,
)
from bot.attribution.people import Entities
from bot.attribution.text import tokens


def personal(text: str, np: tuple[int, int], entities: Entities) -> bool:
    """Is the phrase at `np` he, she or a person the article knows?"""
    phrase = text[np[0] : np[1]]
    return phrase.lower() in ("he", "she") or entities.is_person(phrase, np[0])


def last_agent(text: str, lo: int, hi: int, entities: Entities) -> tuple[int, int] | None:
    """The last person (a name the article knows, or he/she) followed by a verb in
    text[lo:hi], not the object of a preposition."""
    toks = tokens(text, lo, hi)
    found = None
    for i in range(len(toks) - 1):
        nxt = toks[i + 1]
        if (nxt.lower.endswith("ly") or nxt.lower in AGENT_ADVERBS) and i + 2 < len(toks):
            nxt = toks[i + 2]  # "When Trump later referred …"
        if (
            nxt.capitalized
            or not nxt.text.isalpha()
            or not (nxt.lower.endswith(("ed", "s")) or nxt.lower in SPEECH_VERBS)
        ):
            continue
        tok = toks[i]
        if tok.lower.endswith(("’s", "'s")):
            continue  # "play down Hale’s remarks": a possessive, not an agent
        if tok.lower in ("he", "she"):
            a = i
        elif tok.capitalized and tok.text[0].isalpha():
            a = i
            while (
                a > 0
                and toks[a - 1].capitalized
                and toks[a - 1].text[0].isalpha()
                and (
                    toks[a - 1].lower not in NOT_NAMES  # "When Trump later referred"
                )
            ):
                a -= 1
        else:
            continue
        if a > 0 and toks[a - 1].lower in PREPOSITIONS:
            continue
        np = (toks[a].start, tok.end)
        if personal(text, np, entities):
            found = np
    return found


def said_before(text: str, lo: int, cue: int) -> tuple[int, int] | None:
    """The speaker of a "X said," right before a participle cue at `cue`."""
    j = cue
    while j > lo and text[j - 1] in " \t":
        j -= 1
    if j <= lo or text[j - 1] != ",":
        return None
    found = find_before(text, lo, j - 1)
    if found is None or found.np_end <= found.np_start or max(found.cue_end, found.np_end) < j - 3:
        return None  # "Nefzi said, adding" or "said Nefzi, adding", right before the comma
    if text[found.np_start : found.np_end].endswith(("’s", "'s")):
        return None  # "play down Hale's remarks, saying": a speech noun's author does not speak
    return found.np_start, found.np_end
