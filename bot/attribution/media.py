"""The medium of a statement: the channel or occasion named after its verb ("in a post on X",
"in an interview with CNN", "at a rally in Erie"), or leading its sentence ("In a statement,").
"""

from __future__ import annotations

from bot.attribution.lexicons import DETERMINERS, MONTHS, STOP_PREPS, UTTERANCES, WEEKDAYS
from bot.attribution.text import Token

# What a leading phrase must name to be the statement's channel or occasion ("During his
# seven years, …" is a time).
OCCASIONS = UTTERANCES | frozenset(
    "rally event briefing conference debate hearing meeting summit discussion panel forum "
    "appearance fundraiser gig stop town hall session address broadcast podcast show "
    "interviews posts statements letters".split()
)


# A time phrase ends a medium: "posted on X late Sunday" is posted "on X".
_MEDIUM_TIME_STOP = frozenset(
    set(WEEKDAYS)
    | {"late", "early", "last", "this", "yesterday", "today", "tonight", "earlier", "overnight"}
)


def medium_after(
    text: str, toks: list[Token], j: int, hi: int, listener: bool = False
) -> str | None:
    """A place or channel right after the cue: "on Truth Social", "in a recent analysis".
    `listener`: after "Speaking", "to the BBC’s Laura Kuenssberg" is one too."""
    while j < hi:
        if toks[j].lower not in ("on", "in", "at", "aboard", "during", "via", "through") and not (
            listener and toks[j].lower in ("to", "with")
        ):
            return None
        k = j + 1
        extended_at = 0  # where a second phrase began: "in a post| on X"
        while k < hi and toks[k].text not in (",", ".", ";", ":", "—", "(") and k - j <= 7:
            low = toks[k].lower
            if (
                k > j + 1
                and low in _MEDIUM_TIME_STOP
                and not (
                    toks[k].capitalized and toks[k - 1].capitalized  # "on Super Tuesday"
                )
                and any(t.lower not in DETERMINERS for t in toks[j + 1 : k])
            ):
                break  # "on X late Sunday" (but "in an early morning tweet")
            if low in STOP_PREPS and k > j + 1 or low == "that":
                if not extended_at and (
                    low in ("on", "with", "to")
                    and toks[k - 1].lower in (UTTERANCES)
                    or low in ("in", "at")
                    and k + 1 < hi
                    and toks[k + 1].capitalized
                    and (toks[k + 1].lower not in MONTHS and toks[k + 1].lower not in WEEKDAYS)
                ):
                    # "in a post on X", "in an interview with CNN", "at a rally in Erie"
                    extended_at = k
                    k += 1
                    continue
                break
            k += 1
        if extended_at and (k - j > 7 or k == extended_at + 1):
            k = extended_at  # the second phrase cut short ("in a letter to the board …")
        words = [t.lower for t in toks[j + 1 : k]]
        if not words or all(w in DETERMINERS for w in words):
            return None  # "in the early morning hours": a time, not a place
        is_time = (
            words[-1] in WEEKDAYS
            or words[0] in MONTHS
            or words[0] in ("the", "recent", "last", "this")
            and words[-1]
            in (
                "week",
                "month",
                "year",
                "weekend",
                "morning",
                "night",
                "days",
                "hours",
                "afternoon",
                "evening",
            )
        )
        if any(w.isdigit() for w in words) and len(words) <= 2:
            is_time = True
        if not is_time and words[0] not in ("response", "reply", "part", "turn", "fact"):
            return text[toks[j].start : toks[k - 1].end]
        j = k
    return None
