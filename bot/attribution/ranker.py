"""A learned ranker for the person a "he"/"she" speaker stands for (experimental, off by
default): logistic regression over the candidates the rules list, trained on PolNeAR
train by scripts/train_pronoun_ranker.py, weights in pronoun_ranker.json beside this file.

Plain Python at run time (no model library, nothing fetched); used only when
WHOSAID_PRONOUN_RANKER=1 and the weights file exists.
"""

from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).with_name("pronoun_ranker.json")
FEATURES = (
    "bias",
    "recency",  # 1 for the most recent candidate, 1/2 for the next, …
    "distance",  # log characters back to the candidate's latest mention
    "speaker_here",  # a speaker (of a speech verb or quotation) in this paragraph
    "subject_here",  # a sentence subject in this paragraph
    "speaker_near",  # a speaker since the paragraph before
    "subject_any",  # a sentence subject within the window
    "gender_known",  # the candidate's gender is known (and fits)
    "mentions",  # log of the candidate's mentions within the window
    "last_speaker",  # the last person quoted before the pronoun
    "has_role",
    "rule_choice",  # the rules' own choice
)


def candidates(
    ents: Any, recent: list[Any], pos: int, want: str, here: int, near: int, rule: str | None
) -> list[tuple[str, int, list[float]]]:
    """(person, latest mention position, features) for each person the pronoun may mean."""
    last_speaker = next(
        (s.name for at, s in reversed(ents.speakers) if at < pos and s.kind.value == "person"),
        None,
    )
    seen: dict[str, tuple[int, list[float]]] = {}
    counts: dict[str, int] = {}
    for mention in recent:
        counts[mention.person] = counts.get(mention.person, 0) + 1
    for mention in recent:  # most recent first
        person = ents.people[mention.person]
        if person.gender not in (want, None):
            continue
        if mention.person not in seen:
            f = [
                1.0,
                1.0 / (1 + len(seen)),
                math.log1p(pos - mention.pos) / 8,
                0.0,
                0.0,
                0.0,
                0.0,
                float(person.gender == want),
                math.log1p(counts[mention.person]),
                float(person.name == last_speaker),
                float(person.role is not None),
                float(mention.person == rule),
            ]
            seen[mention.person] = (mention.pos, f)
        f = seen[mention.person][1]
        if mention.speaker and mention.pos >= here:
            f[3] = 1.0
        if mention.subject and mention.pos >= here:
            f[4] = 1.0
        if mention.speaker and mention.pos >= near:
            f[5] = 1.0
        if mention.subject:
            f[6] = 1.0
    return [(name, at, f) for name, (at, f) in seen.items()]


@lru_cache(maxsize=1)
def weights() -> tuple[float, ...] | None:
    """The trained weights, or None when the ranker is off or was never trained."""
    if os.environ.get("WHOSAID_PRONOUN_RANKER", "") != "1" or not WEIGHTS.exists():
        return None
    data = json.loads(WEIGHTS.read_text())
    if tuple(data["features"]) != FEATURES:
        return None
    return tuple(float(w) for w in data["weights"])


def choose(scored: list[tuple[str, int, list[float]]], w: tuple[float, ...]) -> tuple[str, int]:
    """The candidate with the highest score."""
    best = max(scored, key=lambda c: sum(a * b for a, b in zip(w, c[2], strict=True)))
    return best[0], best[1]
