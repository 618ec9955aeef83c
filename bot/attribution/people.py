"""The article's people and organisations, and lookups over them.

`Entities` holds who the article names (full names, roles, gender evidence, mentions,
organisations); `roster` fills it, `resolve` asks it who a speaker phrase is. Descriptions
("the Ukrainian leader") are matched to people by their role words and places here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.attribution.given_names import is_given_name, is_shared_given_name
from bot.attribution.lexicons import (
    CLUB_NAME_ENDS,
    COUNTRIES,
    DETERMINERS,
    DOCUMENTS,
    FEMALE_WORDS,
    LEADER_HEADS,
    LEADER_ROLES,
    MALE_WORDS,
    OFFICE_ABBREVIATIONS,
    ORG_HEAD_NAMES,
    TITLE_ALSO,
)
from bot.attribution.model import Speaker, SpeakerKind
from bot.attribution.names import LowerWords, _clean_role, _is_org_name, split_name
from bot.attribution.role_fit import _contradicts, _holds_another_office, _role_fits

# "Harbourside City", "Millbrook Rovers": a club's name, for "the club said".
_CLUB_NAME = re.compile(r"\b(?:[A-Z][\w’'-]+ )+(?:" + "|".join(CLUB_NAME_ENDS) + r")\b")


def _place_possessor(words: list[str], people: dict[str, Person]) -> str | None:
    """ "Ukraine’s president": the possessive place or body leading a description (not a
    person: "Trump’s spokesman" is someone else)."""
    if len(words) < 2 or not words[0][:1].isupper() or not words[0].endswith(("’s", "'s")):
        return None
    owner = words[0][:-2]
    if owner in people or any(name.split()[-1] == owner for name in people):
        return None
    return owner


# Words after which a role names someone else: "a surrogate for Mr. Hale".
_ROLE_LINKS = frozenset("for of to at with from by under".split())

# How near a bare surname must follow a full name to mean that person over the one the
# article introduced first (about a paragraph).
_JUST_INTRODUCED = 400
_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$")  # "Chan Tai-man"


# Found from the rare "(VMRC)" backwards: a scan for the name everywhere cost a tenth of the
# extractor's time.
_ACRONYM = re.compile(r"[ \t]\(([A-Z]{2,7})\)")
_NAME_BEFORE_ACRONYM = re.compile(
    r"\b([A-Z][\w’'-]*(?:[ \t]+(?:of|for|and|the|on|[A-Z][\w’'-]*)){1,8})[ \t]*$"
)

# "the Strait Link ferry company", "the Kestrel airline": a name, a few lower-case words,
# then a word for a business.
# (Found from the business word backwards, for speed, as above.)
_BUSINESS = re.compile(
    r"[ \t](?:company|firm|operator|airline|carrier|retailer|chain|charity|supermarket)\b"
)
_NAME_BEFORE_BUSINESS = re.compile(
    r"\b[Tt]he[ \t]+((?:[A-Z][\w’'-]+[ \t]+){1,4})(?:[a-z]+[ \t]+){0,2}$"
)
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "can", "ch")

PRONOUN_WINDOW = 1500  # how far back a pronoun may look for its person (about three paragraphs)


@dataclass(slots=True)
class Person:
    name: str
    first_pos: int
    role: str | None = None
    male: int = 0  # gender evidence counts
    female: int = 0
    evidence: bool = False  # known to be a person, not a place or a thing
    weak_role: bool = False  # the role is one word guessed from before the name

    @property
    def gender(self) -> str | None:
        if self.male > self.female:
            return "m"
        if self.female > self.male:
            return "f"
        return None


class Mention(NamedTuple):
    pos: int
    person: str
    subject: bool
    speaker: bool = False  # the subject of a speech verb, or a quotation's speaker


@dataclass
class Entities:
    """The people an article names, and where it mentions them."""

    text: str
    people: dict[str, Person] = field(default_factory=dict)
    by_surname: dict[str, list[str]] = field(default_factory=dict)
    by_first: dict[str, list[str]] = field(default_factory=dict)  # "ana": ["Ana Ortiz"]
    mentions: list[Mention] = field(default_factory=list)
    mention_pos: list[int] = field(default_factory=list)
    speakers: list[tuple[int, Speaker]] = field(default_factory=list)
    common: LowerWords = field(default_factory=lambda: LowerWords(""))
    orgs: list[tuple[int, str]] = field(default_factory=list)  # organisations named, in order
    # Bodies that spoke of themselves as "it" ("Qantas said it would …"), in order: a later
    # "it said" may mean them even in another paragraph.
    self_speaking: list[tuple[int, str]] = field(default_factory=list)
    # "Varanpur Metro Rail Corporation (VMRC)": the letters stand for the full name.
    acronyms: dict[str, str] = field(default_factory=dict)

    def gender_from_words(self, person: Person, words: list[str]) -> None:
        """Gender evidence from a title or role ("spokeswoman", "Mrs."), lower case."""
        for word in words:
            if word in _ROLE_LINKS or word.endswith(("’s", "'s")):
                # "a surrogate for Mr. Hale", "Mrs. Hale's aide": the rest is someone else.
                break
            if word in MALE_WORDS:
                person.male += 3
            elif word in FEMALE_WORDS:
                person.female += 3

    def full_name(self, name: list[str], pos: int) -> str | None:
        """The fullest name the article gives for `name` (a surname, or a full name)."""
        key = name[-1].lower()
        candidates = self.by_surname.get(key)
        if not candidates:
            if len(name) == 1:
                # "Ana, 21, admitted" after "Ana Ortiz": a first name that only one person
                # named in full bears (features and British papers use them).
                # (one introduced by then: "Kim said" before a second Kim is introduced)
                bearers = [b for b in self.by_first.get(key, []) if self.people[b].first_pos <= pos]
                bearers = bearers or self.by_first.get(key, [])
                first = self.people[bearers[0]].first_pos if len(bearers) == 1 else -1
                if 0 <= first <= pos or (
                    # 'said STKM president Danilo "Danny" Cruz': read up to the nickname,
                    # the phrase's own name is the one that begins there.
                    0 < first - pos <= 80 and self.text.startswith(name[0], first)
                ):
                    return bearers[0]
            if len(name) >= 2:
                return self.longer_name(name, pos) or self.opening_of(name, pos) or " ".join(name)
            return None
        if len(name) >= 2:
            joined = " ".join(name)
            if joined in self.people:
                return joined
            for full in candidates:
                if full.endswith(joined) or joined.endswith(full):
                    return full
            return joined
        if len(candidates) == 1:
            if self.people[candidates[0]].first_pos > pos:
                # "Herrera said" before the mayor Óscar Herrera is introduced: the one person
                # named before whose name holds the word inside ("Ana Lucía Herrera Vidal").
                inner = [f for f, p in self.people.items() if key in f.lower().split()[1:-1]]
                if len(inner) == 1 and self.people[inner[0]].first_pos <= pos:
                    return inner[0]
            return candidates[0]
        # Several people share the surname ("Donald Trump", later "Ivanka Trump"): the one
        # introduced just before this mention, else the first introduced. A bare surname
        # goes on meaning the article's main person; relatives go by first name.
        before = [c for c in candidates if self.people[c].first_pos <= pos]
        if before:
            latest = max(before, key=lambda c: self.people[c].first_pos)
            if pos - self.people[latest].first_pos <= _JUST_INTRODUCED:
                return latest
            return min(before, key=lambda c: self.people[c].first_pos)
        return min(candidates, key=lambda c: self.people[c].first_pos)

    def longer_name(self, name: list[str], pos: int) -> str | None:
        """ "Ahmad Faizal" after "Ahmad Faizal Rahim", "Siti Aminah" after "Villager Siti
        Aminah Yusof": the one person named before whose name holds these words at its
        start (or after one leading word) with more after them; None when not exactly one."""
        found: str | None = None
        n = len(name)
        last = name[-1]
        for full, person in self.people.items():
            if last not in full:  # (a cheap test first: every form below holds it)
                continue
            words = full.split()
            if person.first_pos > pos or not person.evidence or len(words) < n:
                continue
            if words[:n] == name and len(words) > n:
                rest = words[n:]
            elif words[1 : n + 1] == name and len(words) > n + 1:
                rest = words[n + 1 :]
            elif words[: n - 1] == name[1:] and self.text.startswith(
                " ".join(name), person.first_pos
            ):
                rest = words[n - 1 :]  # "Siti Aminah Yusof" kept as "Aminah Yusof"
            else:
                continue
            at = self.text.find(full, person.first_pos)
            if self.text[max(0, at - 4) : at].lower() == "the ":
                continue  # "The Rafe Dorn Hour": a name after "the" is a programme's, a thing's
            # (not a headline's run of capitals: "Bernie Sanders Could Backfire", "Glenn
            # Beck Blasts Critics", "Sarah Palin Unleashed")
            if any(w in self.common or w.endswith(("ed", "s")) for w in rest):
                continue
            if found is not None:
                return None
            found = full
        return found

    def family_name_first(self, word: str, pos: int) -> None:
        """ "Mr Ong" after "Mr Ong Kah Seng", "Mr Chan" after "Chan Tai-man": where a
        courtesy title meets a word that ends no name but opens a name of three words, or of
        two with a hyphenated given name (Chinese names put the family name first), that
        word is their surname from here on."""
        bearers = [
            full
            for full, person in self.people.items()
            if person.first_pos <= pos
            and full.split()[0] == word
            and (len(full.split()) == 3 or _HYPHENATED_GIVEN.match(full) is not None)
        ]
        if bearers:
            self.by_surname[word.lower()] = bearers

    def opening_of(self, name: list[str], pos: int) -> str | None:
        """ "Mian Tariq said" after "Mian Tariq Javed": the one full name introduced before
        `pos` that these words, ending in a given name, open, if only one does ("Glenn
        Beck" is a full name, not the opening of "Glenn Beck Program")."""
        if not (is_given_name(name[-1]) or is_shared_given_name(name[-1])):
            return None
        opening = " ".join(name) + " "
        longer = [
            full
            for full, person in self.people.items()
            if full.startswith(opening) and person.first_pos < pos
        ]
        return longer[0] if len(longer) == 1 else None

    def part_of(self, name: list[str], pos: int) -> str | None:
        """The one known full name these words open or close ("Mian Tariq", "Ní Bhriain")."""
        return self.opening_of(name, pos) or self.ending_of(name, pos)

    def ending_of(self, name: list[str], pos: int) -> str | None:
        """ "Cllr Ní Bhriain" after "Máire Ní Bhriain": the one full name introduced before
        `pos` that two or more words end, if only one does."""
        ending = " " + " ".join(name)
        longer = [
            full
            for full, person in self.people.items()
            if full.endswith(ending) and person.first_pos < pos
        ]
        return longer[0] if len(name) >= 2 and len(longer) == 1 else None

    def namesake(self, surname: str, pos: int, prefix: Sequence[str]) -> str | None:
        """Which of several people sharing a surname a bare "Brandt" at `pos` means, or
        None when the article cannot tell them apart there."""
        candidates = [c for c in self.by_surname[surname] if self.people[c].first_pos <= pos]
        if len(candidates) < 2:
            return self.full_name([surname], pos)
        # "Ms. Brandt", "Mayor Brandt": the title or honorific tells them apart.
        said = [w.lower().strip(".,") for w in prefix]
        want = "m" if any(w in MALE_WORDS for w in said) else ""
        want = "f" if any(w in FEMALE_WORDS for w in said) else want
        if want:
            fits = [c for c in candidates if self.people[c].gender == want]
            candidates = fits or [c for c in candidates if self.people[c].gender is None]
        # Dots aside on both sides: "Del. Kowalczyk" is the one titled "Del.", not "U.S. Sen.".
        titled = [
            c
            for c in candidates
            if said
            and any(
                w in [r.strip(".,") for r in (self.people[c].role or "").lower().split()]
                for w in said
            )
        ]
        if titled:
            candidates = titled
        if len(candidates) == 1:
            return candidates[0]
        # The passage it is about: whoever of them its own paragraph names in full.
        here = self.text.rfind("\n", 0, pos) + 1
        named_here: list[str] = []
        for m in reversed(self.mentions):  # (in text order, also while the scan builds it)
            if m.pos < here:
                break
            if (
                m.pos < pos
                and m.person in candidates
                and m.person not in named_here
                and self.text.startswith(m.person, m.pos)
            ):
                named_here.append(m.person)
        if len(named_here) == 1:
            return named_here[0]
        if len(named_here) >= 2:
            return None  # both named in this paragraph: a bare surname cannot tell
        return self.full_name([surname], pos)

    def note_speaker(self, pos: int, speaker: Speaker, role: str | None) -> None:
        """Remember a resolved speaker: later pronouns and descriptions may point back."""
        self.speakers.append((pos, speaker))
        if speaker.kind is SpeakerKind.PERSON and speaker.name:
            person = self.people.get(speaker.name)
            if person is None:
                person = self.people[speaker.name] = Person(speaker.name, pos)
                self.by_surname.setdefault(speaker.name.split()[-1].lower(), []).append(
                    speaker.name
                )
            person.evidence = True
            role = _clean_role(role)
            if role and (
                person.role is None
                or person.weak_role
                or len(role.split()) > len(person.role.split())
            ):
                # The fullest description wins: "top Democrat on the …" over "Rep.".
                person.role, person.weak_role = role, False
            self.gender_from_words(person, (role or "").lower().split())
            index = bisect.bisect_left(self.mention_pos, pos)
            self.mentions.insert(index, Mention(pos, speaker.name, True, True))
            self.mention_pos.insert(index, pos)

    def is_person(self, phrase: str, pos: int) -> bool:
        """Is `phrase` (a sentence's subject) a person the article names as one?"""
        words = phrase.split()
        if not words or not words[-1][:1].isupper() or words[0].lower() in DETERMINERS:
            return False
        if words[-1].endswith(("’s", "'s")):
            return False  # "Obama's lyrical rejection": the possessive is not the subject
        name, _ = split_name(words, self.common)
        if not name or _is_org_name(name):
            return False
        full = self.full_name(name, pos)
        person = self.people.get(full) if full else None
        # ("Brightmoor" after "Brightmoor Castings, a 400-employee foundry,": a body)
        return person is not None and person.evidence and all(n != full for _, n in self.orgs)

    def by_description(self, head: str, modifiers: list[str], pos: int) -> Speaker | None:
        """The person a description such as "the Ukrainian leader" stands for."""
        return (
            modifiers
            and self.by_role(head, pos, modifiers, strict=True)
            or self.by_role(head, pos, modifiers)
            or self.topic_person(head, pos, modifiers)
        )

    def topic_person(self, head: str, pos: int, modifiers: Sequence[str] = ()) -> Speaker | None:
        """The nearest person who speaks or leads a sentence, within two paragraphs, whose
        role (if the article gives one) does not contradict the description's words."""
        want = "m" if head in MALE_WORDS else "f" if head in FEMALE_WORDS else None
        floor = self.paragraph_floor(pos)
        index = bisect.bisect_left(self.mention_pos, pos)
        for mention in reversed(self.mentions[max(0, index - 40) : index]):
            if mention.pos < floor:
                break
            person = self.people[mention.person]
            if (
                (mention.speaker or mention.subject)
                and person.evidence
                and (want is None or person.gender in (want, None))
                and not (
                    person.role
                    and (
                        _holds_another_office(head, person.role)
                        or _contradicts(modifiers, person.role)
                    )
                )
            ):
                return self.speaker_of(person)
        return None

    def not_a_body(self, name: str) -> bool:
        """Is a capitalised name a person's (or a common word at a sentence start), so that
        "the bank" cannot stand for it?"""
        words = name.split()
        person = self.people.get(name)
        return (
            person is not None
            and person.evidence
            and name not in {o.removeprefix("The ") for _, o in self.orgs}
            or len(words) == 1
            and (words[0].lower() in self.by_surname or words[0] in self.common)
            or is_given_name(words[0])
        )

    def org_named(self, word: str, pos: int) -> str | None:
        """The organisation named earlier whose name begins with `word` ("Hartwell" after
        "Hartwell Industries")."""
        for at, org in reversed(self.orgs):
            if at <= pos and org.split()[0] == word:
                return org
        return None

    def org_before(self, head: str, pos: int) -> str | None:
        """ "the agency", "the company": the organisation the article named last."""
        index = bisect.bisect_left(self.orgs, (pos, ""))
        recent = [
            # "the agency" after "… Franchising Authority (LTFA)" and "the LTFA": the name
            # the letters stand for, as the article spelled it out.
            self.acronyms.get(name, name)
            for at, name in reversed(self.orgs[max(0, index - 40) : index])
            if pos - at <= 3 * PRONOUN_WINDOW
        ]
        kin = ORG_HEAD_NAMES.get(head, ())
        for name in recent:
            words = name.lower().split()
            if head in words or any(w in kin for w in words):
                return name  # "the ministry" -> "the Foreign Ministry"
        if head == "club":
            clubs = _CLUB_NAME.findall(self.text, max(0, pos - 3 * PRONOUN_WINDOW), pos)
            return clubs[-1].removeprefix("The ") if clubs else None
        if head in ("company", "firm", "agency", "organization", "organisation", "group") or (
            head in DOCUMENTS
            and pos - next((at for at, name in reversed(self.orgs[:index])), -PRONOUN_WINDOW) < 300
        ):
            return recent[0] if recent else None
        return None

    def by_role(
        self, head: str, pos: int, modifiers: Sequence[str] = (), strict: bool = False
    ) -> Speaker | None:
        """ "the Kremlin spokesman": the latest person before `pos` whose role has that noun.
        `strict`: and the description's other words ("Kremlin"), a leader's role ("Ukrainian
        President") then standing for "the Ukrainian leader"; otherwise a role that names
        another place than the description is passed over."""
        index = bisect.bisect_left(self.mention_pos, pos)
        for mention in reversed(self.mentions[max(0, index - 60) : index]):
            person = self.people[mention.person]
            if not person.role:
                continue
            # "Sen. Ada Lind" is the senator: a title's abbreviation as its office.
            role_words = [
                OFFICE_ABBREVIATIONS.get(w.rstrip("."), w) for w in person.role.lower().split()
            ]
            role_words += [TITLE_ALSO[w] for w in role_words if w in TITLE_ALSO]
            if strict:
                fits = (
                    head in role_words
                    or head in LEADER_HEADS
                    and any(w in LEADER_ROLES for w in role_words)
                ) and _role_fits(modifiers, person.role)
            else:
                fits = head in role_words and not _contradicts(modifiers, person.role)
            if fits:
                return Speaker(person.name, person.role, SpeakerKind.PERSON)
        return None

    def paragraph_floor(self, pos: int) -> int:
        """Start of the paragraph before the one holding `pos` (paragraphs end at newlines,
        a blank line being one break)."""
        j = pos
        for _ in range(2):
            j = self.text.rfind("\n", max(0, pos - PRONOUN_WINDOW), j)
            if j < 0 or pos - j > PRONOUN_WINDOW:
                return max(0, j)
            while j > 0 and self.text[j - 1] == "\n":
                j -= 1
        return j

    def note_named_businesses(self, quoted: list[tuple[int, int]]) -> None:
        """ "the Strait Link ferry company": a name before a word for a business is that
        business, so a later "the company said" finds it (not a nationality or a place:
        "the Chinese tech company", "the Ohio firm")."""
        added = False
        for word in _BUSINESS.finditer(self.text):
            lo = max(0, word.start() - 100)
            found = _NAME_BEFORE_BUSINESS.search(self.text, lo, word.start() + 1)
            if found is None:
                continue
            at = found.start(1)
            name = found.group(1).strip()
            # ("the Canadian-owned operator": the nationality before a hyphen counts too)
            words = [w.split("-")[0] for w in name.lower().split()]
            if (
                any(lo <= at < hi for lo, hi in quoted)
                or any(w in COUNTRIES or w.endswith(_DEMONYM_ENDINGS) for w in words)
                or is_given_name(name.split()[0])
                or is_shared_given_name(name.split()[0])
            ):
                continue
            self.orgs.append((at, name))
            added = True
        if added:
            self.orgs.sort()

    def note_acronyms(self) -> None:
        """ "the Varanpur Metro Rail Corporation (VMRC)": later "VMRC said" is that body,
        shown by its full name. Only when the letters are the initials of the name's last
        words."""
        for paren in _ACRONYM.finditer(self.text):
            found = _NAME_BEFORE_ACRONYM.search(
                self.text, max(0, paren.start() - 160), paren.start()
            )
            if found is None:
                continue
            words, letters = found.group(1).split(), paren.group(1)
            capitals = [w for w in words if w[:1].isupper()]
            if len(capitals) < len(letters):
                continue
            tail = capitals[-len(letters) :]
            if "".join(w[0] for w in tail) != letters:
                continue
            first = words.index(tail[0]) if tail[0] in words else 0
            self.acronyms.setdefault(letters, " ".join(words[first:]))

    def speaker_of(self, person: Person) -> Speaker:
        return Speaker(person.name, person.role, SpeakerKind.PERSON)
