"""What the words around a name tell about its person: the role before it ("Kremlin spokesman
Dmitry Peskov"), the appositive after it ("…, a pollster,") and gender from the pronouns that
follow. `roster` calls these as it registers each name.
"""

from __future__ import annotations

from bot.attribution.given_names import (
    unlisted_name,
)
from bot.attribution.lexicons import (
    BUSINESS_HEADS,
    CLAUSE_VERBS,
    DETERMINERS,
    KIN_GENDER,
    NOT_NAMES,
    NOT_ROLE_START,
    OBJECT_BEFORE,
    ORG_HEADS,
    ORG_WORDS,
    ROLE_WORDS,
    TITLES,
)
from bot.attribution.names import (
    _APPOSITIVE,
    _CLAUSE_STOP,
    _LEADING_NAME,
    _NEXT_PRONOUN,
    _OTHER_NAME,
    _OWN_PRONOUN,
    _WHO_IS,
    _WHO_IS_KIN,
    _clean_role,
)
from bot.attribution.people import Entities
from bot.attribution.text import role_head


def _role_before(ents: Entities, pos: int) -> str | None:
    """The words naming a role right before a name: "Kremlin spokesman", "White House
    press secretary" (lower-case role words, with the capitalised words they lean on)."""
    words = ents.text[max(0, pos - 80) : pos].split()
    if (
        words
        and words[-1].endswith(",")
        and len(words) >= 2
        and words[-1][:-1].lower() in (ROLE_WORDS | TITLES)
    ):
        words[-1] = words[-1][:-1]  # "The prime minister, Keir Starmer": in apposition
        # "The shadow chancellor, Mel Stride": every word after the article.
        for k in range(len(words) - 2, max(-1, len(words) - 6), -1):
            if words[k].lower() in ("the", "a", "an"):
                described = words[k + 1 :]
                if all(
                    w.replace("-", "").replace("’", "").replace("'", "").isalpha()
                    for w in described
                ):
                    return " ".join(described)
                break
    role: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if word[-1:] in ',.;:!?”"' or low in OBJECT_BEFORE or low in DETERMINERS:
            break
        if word[:1].isupper() and low in NOT_NAMES and low not in ORG_WORDS:
            break
        if (
            not word[:1].isupper()
            and low not in ROLE_WORDS
            and low not in TITLES
            # the body a lower-case role leans on: "council member", "campaign manager"
            and not (role and low in ORG_HEADS)
        ):
            break
        role.append(word)
        if len(role) == 5:
            break
    while (
        role
        and role[-1][:1].isupper()
        and role[-1].lower() in TITLES
        # "Chief executive Hemi Walker", "Deputy mayor …": a sentence's capital on a role
        # that goes on in lower case is part of it
        and not (len(role) >= 2 and role[-2][:1].islower() and role[-2].lower() in ROLE_WORDS)
    ):
        role.pop()  # a leading "Former" stays; a leading title alone is fine too
    return " ".join(reversed(role)) or None


def _appositive(ents: Entities, full: str, end: int) -> None:
    """ "Lawrence Freedman, emeritus professor of war studies at …,": the role."""
    match = _APPOSITIVE.match(ents.text, end)
    person = ents.people[full]
    if match is None or (person.role is not None and not person.weak_role):
        return
    role = _clean_role(match.group(1))
    if role and any(w in CLAUSE_VERBS for w in role.lower().split()):
        return  # "For Maria Alvarez, the closure of the plant was personal": a clause
    first = role.split()[0].lower() if role else ""
    if first in NOT_ROLE_START:
        return  # "Marc Fogel, who had been imprisoned": a clause, not a role
    if (
        not match.group(1)[:1].isupper()
        and match.group(1).split()[0].lower() not in ("a", "an", "the")
        and first not in ROLE_WORDS
        and first not in TITLES
    ):
        return  # "Kemi Badenoch, accused him of …": a verb, not a role
    if role and role_head(role) in BUSINESS_HEADS:
        person.evidence = False  # "Brightmoor Castings, a 400-employee foundry,": a business
        return
    if role and len(role.split()) <= 14:
        person.role, person.weak_role = role, False
        person.evidence = True  # "Reince Priebus, the GOP chairman,": a person, whatever the name
        ents.gender_from_words(person, role.lower().split())


def _pronoun_evidence(ents: Entities) -> None:
    """A sentence led by a person, followed by one led by He/She: evidence of gender."""
    looked: dict[str, int] = {}
    for mention in ents.mentions:
        if not mention.subject or looked.get(mention.person, 0) >= 6:
            continue  # six sentences are evidence enough; the rest costs time
        looked[mention.person] = looked.get(mention.person, 0) + 1
        person = ents.people[mention.person]
        # "Edna Carvell, who retired Monday, used her last column": the first personal
        # pronoun of the subject's own sentence, with no other name before it.
        stop = _CLAUSE_STOP.search(ents.text, mention.pos, mention.pos + 200)
        hi = stop.start() if stop else mention.pos + 200
        own = _OWN_PRONOUN.search(ents.text, mention.pos, hi)
        at = own.start() if own is not None else 0
        kin = _WHO_IS_KIN.match(ents.text, at) if own is not None else None
        if kin is not None and _WHO_IS.search(ents.text, max(0, at - 12), at):
            # "Kerry Fenwick, who is his aunt,": "his" is the other person's, and the
            # relation is hers.
            gender = KIN_GENDER.get(kin.group(1).lower(), "")
            if gender == "m":
                person.male += 3
            elif gender == "f":
                person.female += 3
            own = None
        if own is not None and not _OTHER_NAME.search(
            _LEADING_NAME.sub("", ents.text[mention.pos : own.start()])
        ):
            own_male = own.group().lower() in ("he", "his", "himself")
            if own_male:
                person.male += 1
            else:
                person.female += 1
        else:
            own_male = None
        found = _NEXT_PRONOUN.match(ents.text, mention.pos, mention.pos + 300)
        if found is None:
            continue
        next_male = found.group(1) in ("He", "His")
        # "Steenkamp suggested she had been coached. She denied this.": a pronoun in the
        # sentence and one leading the next that agree are one piece of evidence, not two
        # (both may be the other person the sentence is about).
        if next_male is not own_male:
            if next_male:
                person.male += 1
            else:
                person.female += 1
        words = mention.person.split()
        if (
            len(words) >= 2
            and unlisted_name(words[0])
            and ents.org_named(words[0], len(ents.text)) is None
        ):
            # "Seánie Ó Murchú hit …. He is 34.": a given name the resource lacks, taken up
            # by He/She in the next sentence, is a person's.
            person.evidence = True
