"""A clause's subject: where the noun phrase doing the saying starts and ends when the cue
comes after it ("Kremlin spokesman Dmitry Peskov told reporters", "Her father, a farmer, said").
`phrases` finds the noun phrases themselves.
"""

from __future__ import annotations

from bot.attribution.appositions import (
    _described_then_named,
    _named_in_apposition,
    _post_in_name,
    _town_state_comma,
)
from bot.attribution.lexicons import (
    GROUP_NOUNS,
    LONE_ADVERBS,
    NOT_SUBJECT_START,
    OPENERS,
    SUBJECT_PRONOUNS,
    TIME_TAIL,
)
from bot.attribution.phrases import PRONOUNS, _adverb, _headline_verb, _name_like, _np_token
from bot.attribution.text import Token, tokens


def _clause_end(toks: list[Token], v: int, hi: int) -> int:
    """Where the attributing clause ends: at its 'that', so a time phrase after it (in the
    reported content) is not taken for the time of the statement."""
    for tok in toks[v + 1 :]:
        if tok.lower == "that":
            return tok.start
    return hi


def clause_subject(toks: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """The first noun phrase of a sentence, after any opening adverbial ("In January, …")."""
    i = lo
    while i < hi and (
        toks[i].lower in ("and", "but", "so", "yet", "or")
        or (toks[i].lower in LONE_ADVERBS and i + 1 < hi and toks[i + 1].text != ",")
    ):
        i += 1  # "And he took care to add …", "And then Corwin went for the mayor"
    # An opening participle clause may run longer: "Facing mounting criticism from …, X".
    reach = 15 if i < hi and toks[i].lower.endswith("ing") and toks[i].capitalized else 6
    comma = next((k for k in range(i, min(hi, i + reach)) if toks[k].text == ","), -1)
    if i < hi and (
        toks[i].lower in NOT_SUBJECT_START | OPENERS
        or comma > i
        and (
            toks[comma - 1].lower in TIME_TAIL
            or toks[i].lower.endswith("ing")
            # "Immediately after the attacks, Trump …": an adverb opening the clause
            or toks[i].capitalized
            and _adverb(toks[i].lower)
            and len(toks[i].lower) > 4
            # "Back on home soil, he returned to …": a pronoun right after the comma is
            # the subject; what comes before it opens the clause
            or comma + 1 < hi
            and toks[comma + 1].lower in ("he", "she", "they", "we")
        )
    ):
        # "In January, …", "Hours later, …", "When he returned after a long break, …":
        # an opening adverbial, not the subject.
        while i < hi and toks[i].text != ",":
            i += 1
        i += 1
        state_end = next((k for k in range(i, min(hi, i + 4)) if toks[k].text == ","), -1)
        if state_end > 0 and i >= 2 and _town_state_comma(toks, i - 1, state_end):
            i = state_end + 1  # "Speaking in Salem, New Hampshire, Hale went after …"
            time_end = next((k for k in range(i, min(hi, i + 5)) if toks[k].text == ","), -1)
            if time_end > i and toks[i].lower in ("on", "in", "at", "last", "this", "early"):
                i = time_end + 1  # "At a rally in Dover, N.H., on Tuesday, Hale …"
    if i + 2 < hi and toks[i].lower in ("last", "this", "next") and toks[i + 1].lower in TIME_TAIL:
        i += 2  # "Last year Brightmoor tested …": a time phrase with no comma opens it
    while i < hi and toks[i].lower in ("though", "however", "meanwhile", ","):
        i += 1
    if i >= hi:
        return None
    if toks[i].lower in PRONOUNS and toks[i].lower in SUBJECT_PRONOUNS:
        return i, i + 1
    named = _described_then_named(toks, i, hi)
    if named is not None:
        return named
    j = i
    while j < hi and toks[j].text != "," and (_np_token(toks[j]) or _post_in_name(toks, j, i, hi)):
        if toks[j].lower in ("of", "for", "at") and not (j + 1 < hi and toks[j + 1].capitalized):
            break
        if j > i and _headline_verb(toks[j]):
            break  # "Donald Trump Praises …"
        j += 1
    if j == i:
        return None
    span = toks[i:j]
    named = _named_in_apposition(toks, j, hi) if not span[-1].capitalized else None
    if named is not None:
        return named
    if not any(_name_like(t) or t.lower in GROUP_NOUNS for t in span):
        return None
    return i, j


def subject_of_sentence(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Offsets of the first noun phrase of the sentence text[lo:hi]."""
    toks = tokens(text, lo, hi)
    found = clause_subject(toks, 0, len(toks))
    if found is None:
        return None
    return toks[found[0]].start, toks[found[1] - 1].end
