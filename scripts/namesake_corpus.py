"""A corpus of invented news articles in which people share surnames, with its questions.

Built at run time for `scripts/eval_attribution.py --namesakes` (nothing here is copied from
any article): each article quotes two people of one surname (a former mayor and his
daughter, a doctor and her brother, two unrelated namesakes, …) in the patterns real copy
uses for them: a full name with a title, an honorific ("Ms. Brandt"), a bare surname in a
passage about one of them, a pronoun, a first name.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

_STEMS = "Brand Kessel Morrow Talb Velt Haske Orlan Dunmo Pellan Quarr".split()
_ENDS = "t er ick by strom ani ford wyn ez ow".split()
_MEN = "Carl Tomas Henrik Omar Victor Hugo Peter Martin Anders Felix".split()
_WOMEN = "Elise Ana Greta Leila Nadia Ingrid Maria Sofia Helena Clara".split()
_TOPICS = ("harbor ferry library budget bridge school market park clinic museum stadium "
           "tram reservoir shelter airport").split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday".split()
# (words before the number, words after it): each quotation gets a number of its own, so
# six words around it identify it in the corpus.
_SHAPES = [
    ("We counted", "families who use the {t} every single week"),
    ("The city owes", "contractors for the {t} and nobody will say why"),
    ("I have asked", "times for an audit of the {t} and got nothing"),
    ("There are", "people on the waiting list because the {t} is closed"),
    ("Nobody told the", "residents near the {t} that the work would stop"),
    ("We need", "more inspectors before the {t} can open again"),
]


@dataclass(frozen=True)
class Quoted:
    article: str
    text: str  # the quotation as written
    probe: str  # six words of it, for "who said"
    speaker: str  # full name
    surname: str
    topic: str


def _quote(rng: random.Random, number: int, topic: str) -> tuple[str, str]:
    before, after = rng.choice(_SHAPES)
    after = after.format(t=topic)
    text = f"{before} {number} {after},"  # an attribution follows each
    words = f"{number} {after}".split()
    return text, " ".join(words[:6])


def build(folder: Path, articles: int = 100, seed: int = 10) -> list[Quoted]:
    """Write `articles` articles into folder; return their quotations with speakers."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    quoted: list[Quoted] = []
    number = 100
    for i in range(articles):
        surname = _STEMS[i % 10] + _ENDS[(i // 10) % 10]
        he, she = rng.choice(_MEN), rng.choice(_WOMEN)
        first_t, second_t = rng.sample(_TOPICS, 2)
        day = rng.choice(_DAYS)
        relation = i % 5
        honorific = "Ms."
        if relation == 4:
            she = rng.choice([m for m in _MEN if m != he])  # two men: the title tells them apart
            honorific = "Dr."
        elder, younger = f"{he} {surname}", f"{she} {surname}"
        if relation == 4:
            intro = f"His son, Dr. {younger}, runs the county clinic."
        elif relation == 0:
            intro = f"His daughter, council member {younger}, chairs the planning committee."
        elif relation == 1:
            intro = f"His wife, Dr. {younger}, runs the county clinic."
        elif relation == 2:
            intro = f"His sister, {younger}, a school principal, spoke after him."
        else:
            intro = f"{younger}, no relation, leads the residents' association."
        lines: list[str] = []

        def q(topic: str, speaker: str, article: str = f"ns{i:03d}", family: str = surname) -> str:
            nonlocal number
            number += 1
            text, probe = _quote(rng, number, topic)
            quoted.append(Quoted(article, text, probe, speaker, family, topic))
            return text

        lines.append(f"Former Mayor {elder} opened the hearing on the {first_t} plan on {day}.")
        lines.append(f"“{q(first_t, elder)}” {surname} said.")
        lines.append(intro)
        lines.append(f"“{q(second_t, younger)}” {honorific} {surname} said.")
        lines.append(f"{elder} disagreed. “{q(second_t, elder)}” he said.")
        lines.append(f"“{q(first_t, younger)}” {she} {surname} told reporters.")
        lines.append(f"{she} {surname} wants a vote this month. “{q(second_t, younger)}” "
                     f"{surname} said.")
        body = "\n\n".join(lines)
        (folder / f"ns{i:03d}.txt").write_text(
            f"---\nid: ns{i:03d}\nheadline: {surname} family split on the {first_t} plan\n"
            f"published: 2025-03-{1 + i % 28:02d}\noutlet: Whosaid test desk\n---\n{body}\n",
            encoding="utf-8",
        )
    return quoted
