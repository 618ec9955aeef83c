"""Whom a pronoun speaking for a quotation stands for: "he said", "she added", "they said".

The nearest fitting person among recent speakers and sentence subjects, agreeing in gender
and number; a described source that spoke without quotation marks; the group or body a
plural pronoun takes up. Used by `resolve` when the speaker phrase is a pronoun.
"""

from __future__ import annotations

import bisect
import re

from bot.attribution.lexicons import (
    FEMALE_WORDS,
    MALE_WORDS,
    PRONOUNS_MALE,
)
from bot.attribution.model import UNRESOLVED_SPEAKER, Speaker, SpeakerKind
from bot.attribution.people import (
    PRONOUN_WINDOW,
    Entities,
    Person,
)
from bot.attribution.source_phrases import (
    described_speaker_before,
    group_speaker_before,
)


def resolve_pronoun(ents: Entities, pronoun: str, pos: int) -> Speaker:
    """The nearest fitting person: first among recent speakers (the subjects of speech
    verbs and quotations nearby), then among recent sentence subjects, then anyone
    mentioned. A person of the other gender is skipped; one of unknown gender fits."""
    want = "m" if pronoun in PRONOUNS_MALE else "f"
    index = bisect.bisect_left(ents.mention_pos, pos)
    # "Halvern Foods said …" reads as a name too: "he" or "she" is never an organisation.
    bodies = {o.removeprefix("The ") for _, o in ents.orgs + ents.self_speaking}
    recent = [
        m
        for m in reversed(ents.mentions[max(0, index - 80) : index])
        if pos - m.pos <= PRONOUN_WINDOW
        and ents.people[m.person].evidence
        and m.person not in bodies
    ]
    here = ents.text.rfind("\n", max(0, pos - PRONOUN_WINDOW), pos) + 1  # this paragraph's start
    near = ents.paragraph_floor(pos)
    chosen: Person | None = None
    chosen_at = -1
    no_subject_near = not any(m.pos >= near and (m.subject or m.speaker) for m in recent)
    for rank in (
        lambda m: m.speaker and m.pos >= here,
        # In the pronoun's own paragraph too, the person leading a sentence outranks a
        # subject inside a clause ("Hale waited while Brill counted …. “…,” he said").
        lambda m: m.subject and m.pos >= here and _leads_sentence(ents.text, m.pos),
        lambda m: m.subject and m.pos >= here,
        lambda m: m.speaker and m.pos >= near,
        # The person leading a sentence of the paragraph before outranks a name in a
        # clause: "Andrew Hale took his daughter to explain who Ali was. ¶ He said: …"
        lambda m: m.subject and m.pos >= near and _leads_sentence(ents.text, m.pos),
        # Someone the paragraph before introduces, though not as a subject, when no one
        # leads a clause there ("Finally, a plea from Jean Whitby, 88, …. ¶ “…,” she
        # writes"), before older subjects.
        # (only one whose gender is known to fit: a place read as a name has none)
        lambda m: (
            no_subject_near
            and m.pos >= near
            and ents.people[m.person].first_pos >= near
            and ents.people[m.person].gender == want
        ),
        lambda m: m.subject,
        lambda m: True,
    ):
        for mention in recent:
            person = ents.people[mention.person]
            if rank(mention) and person.gender in (want, None):
                chosen, chosen_at = person, mention.pos
                break
        if chosen is not None:
            break
    unnamed = _unnamed_before(ents, want, pos, max(near, chosen_at))
    if unnamed is not None:
        return unnamed
    lo = max(near, pos - PRONOUN_WINDOW)  # (bounded: linear in the article)
    described = described_speaker_before(ents.text, lo, pos, want)
    # (a name inside the description is a place: "A nurse at the hospital in Port Erran")
    if described is not None and chosen_at < described[0] + len(described[1]):
        # "A spokeswoman for the Port Authority said …. “…,” she said": the description
        # spoke since any person who fits, so "she" is her.
        return Speaker(described[1], None, SpeakerKind.UNNAMED)
    if chosen is None:
        return UNRESOLVED_SPEAKER
    # The pronoun itself is evidence of the person's gender for later pronouns.
    if want == "m":
        chosen.male += 1
    else:
        chosen.female += 1
    return ents.speaker_of(chosen)


def _person_of_passage(ents: Entities, pos: int, floor: int | None = None) -> Person | None:
    """The latest person who spoke or led a clause in this paragraph or the one before (or
    since `floor`)."""
    near = ents.paragraph_floor(pos) if floor is None else floor
    index = bisect.bisect_left(ents.mention_pos, pos)
    for mention in reversed(ents.mentions[max(0, index - 40) : index]):
        if mention.pos < near:
            return None
        person = ents.people[mention.person]
        if (mention.speaker or mention.subject) and person.evidence:
            return person
    return None


def _leads_sentence(text: str, pos: int) -> bool:
    """Does the name at `pos` open its sentence or paragraph?"""
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in "\n.!?"


def _unnamed_before(ents: Entities, want: str, pos: int, after: int) -> Speaker | None:
    """An unnamed source quoted after `after` and before `pos` that "he"/"she" fits: "“…,”
    a spokesperson for the Port Authority said. “…,” she said." is the spokesperson."""
    for spoke_at, speaker in reversed(ents.speakers):
        if spoke_at <= after or pos - spoke_at > PRONOUN_WINDOW:
            return None
        if speaker.kind is SpeakerKind.UNNAMED and speaker.name:
            words = speaker.name.lower().split()
            gender = (
                "m"
                if any(w in MALE_WORDS for w in words)
                else "f"
                if any(w in FEMALE_WORDS for w in words)
                else ""
            )
            return speaker if gender in (want, "") else None
        if speaker.kind is SpeakerKind.PERSON:
            return None  # a named person spoke since
    return None


_THE_BODY_SAID_IT = re.compile(
    r"\b[Tt]he (company|firm|agency|group) (?:said|says|added|announced)(?: on \w+)?"
    r"(?: that)? it\b"
)


def _resolve_plural(ents: Entities, pronoun: str, pos: int) -> Speaker:
    if pronoun not in ("they", "it"):
        return UNRESOLVED_SPEAKER
    wanted = (SpeakerKind.GROUP,) if pronoun == "they" else (SpeakerKind.ORGANIZATION,)
    latest = -1
    for spoke_at, speaker in reversed(ents.speakers):
        if pos - spoke_at > PRONOUN_WINDOW:
            break
        latest = max(latest, spoke_at)
        if speaker.kind in wanted or (
            # "they" after "the companies said" for "X and Y": both bodies again
            pronoun == "they"
            and speaker.kind is SpeakerKind.ORGANIZATION
            and " and " in (speaker.name or "")
        ):
            return speaker
    if pronoun == "it":
        # "Kestrel Freight said it was closing depots. … “…,” it said.": the body that
        # last spoke of itself, if no one has been quoted since.
        for at, org in reversed(ents.self_speaking):
            if at < pos and pos - at <= PRONOUN_WINDOW and at > latest:
                return Speaker(org, None, SpeakerKind.ORGANIZATION)
        # "The company said it would raise prices. “…,” it said.": the body that "the
        # company" stands for, if no one has been quoted since.
        lo = max(latest, pos - PRONOUN_WINDOW, 0)
        said = list(_THE_BODY_SAID_IT.finditer(ents.text, lo, pos))
        if said:
            body = ents.org_before(said[-1].group(1).lower(), said[-1].start())
            if body is not None:
                return Speaker(body, None, SpeakerKind.ORGANIZATION)
    else:  # "they" after "Analysts at Brightwater wrote …", if no one was quoted since
        return group_speaker_before(ents.text, max(pos - 600, latest, 0), pos) or UNRESOLVED_SPEAKER
    return UNRESOLVED_SPEAKER
