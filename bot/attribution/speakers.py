"""Who a speaker phrase is: full names, roles, pronouns, groups and organisations.

The article is read once for the people it names ("Kremlin spokesman Dmitry Peskov"), so a
later "Peskov" or "the Kremlin spokesman" can be given the full name and role, and a "she"
can be tied to the nearest fitting woman. A phrase we cannot tie to anyone stays
unresolved; a wrong name is worse than none.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.attribution.lexicons import (
    COUNTRIES,
    DETERMINERS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    GROUP_NOUNS,
    MALE_NAMES,
    MALE_WORDS,
    MONTHS,
    NOT_NAMES,
    ORG_NOUNS,
    ORG_WORDS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
)
from bot.attribution.model import UNRESOLVED_SPEAKER, Speaker, SpeakerKind
from bot.attribution.text import tokens

# Capital letters a name may start with: "Émilie", "Łukasz", "Ольга", "Νίκος" too.
_UPPER = (
    "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
    "А-ЯЁΑ-Ω"
)
_PARTICLES = r"(?:de|da|del|der|van|von|bin|al|la|le|di|du|ibn|el|dos|das)"
_TITLE_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Jr Sr St Sen Rep Gov Gen Lt Col Capt Sgt Rev Prof Adm Maj".split()
)
# A dot belongs to a name word only as an initial or a title ("Netanyahu. Adelson" is two
# sentences, "Sen. Bernie Sanders" one name).
_CAP = (
    rf"(?:(?:[A-Z]\.){{1,3}}|(?:{'|'.join(_TITLE_ABBREVIATIONS)})\.|[{_UPPER}][\w’'\-]*)"
)
# Sentence-initial function words are refused by the pattern itself (cheaply, in C) rather
# than one by one in Python.
_SKIP_WORDS = (
    "The A An In On At But And It He She They We I This That These Those His Her Their Its If "
    "As For With When While After Before Since So Yet Or Of To By From There What Who How Why "
    "Some Many Most Both One Two Now Then Still Even Also Last Next However Meanwhile "
    "Although Though Because During Despite Under Over Among Here Not No Yes Our My Your "
    "Every Each All Any More Other Such Only Just"
).split()


# An appositive holding one of these is a clause, not a role.
_CLAUSE_VERBS = frozenset("is was are were has had have will would can could".split())
# Sentence-initial words a capitalised run may start with before a name ("For Maria
# Alvarez"); the articles stay, other rules read them.
_LEADING_FUNCTION_WORDS = frozenset(_SKIP_WORDS) - {"The", "A", "An"}


def _after_first_letter(words: list[str]) -> str:
    """The words as an alternation to try once their first letter has been consumed: each
    group of words behind a lookbehind for its letter, "(?<=T)(?:he|his)|(?<=A)(?:|n)"."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(f"(?<={letter})(?:{'|'.join(rest)})" for letter, rest in rests.items())


# A run of capitalised words, the first at a word start, not a skipped function word. The
# pattern consumes that first capital before anything else, so that the engine skips to
# capitals in C instead of trying the pattern at every offset; the checks that belong at
# the capital follow as lookbehinds: not after a word character (\b), not a skip word,
# then the rest of the first word (an initial, a title abbreviation, or any word). Same
# matches as (?=[A-Z…])\b(?!The|A|…)CAP(?:[ \t]+(?:PARTICLE[ \t]+)?CAP)*.
_CAP_SEQ = re.compile(
    rf"[{_UPPER}](?<!\w.)"
    rf"(?!(?:{_after_first_letter(_SKIP_WORDS)})\b(?![ \t]+[{_UPPER}]))"
    rf"(?:(?<=[A-Z])\.(?:[A-Z]\.){{0,2}}|(?:{_after_first_letter(_TITLE_ABBREVIATIONS)})\.|"
    rf"[\w’'\-]*)"
    rf"(?:[ \t]+(?:{_PARTICLES}[ \t]+)?{_CAP})*"
)
_FIRST_NAMES = MALE_NAMES | FEMALE_NAMES
_INITIAL = re.compile(r"^[A-Z]\.$")
_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame".split())
# A mention right after one of these is an object, not the subject a pronoun refers to.
_OBJECT_BEFORE = frozenset(
    "with to of for from by about against on in at over than between like into toward "
    "towards under without met told asked urged called invited defeated beat backed "
    "endorsed criticized attacked praised named appointed thanked blamed accused "
    "replace replaced succeeded joined supporting support supported and or the a an".split()
)
_APPOSITIVE = re.compile(
    r",[ \t]+((?:an?|the)[ \t]+[^,.;:()“”\"\n]{3,120}|[a-z][^,.;:()“”\"\n]{2,120})(?=[,.;]|$)"
)
_ORG_HEADS = frozenset(
    "company firm agency organization organisation group ministry department office "
    "campaign union party network administration government committee commission council "
    "court bureau newspaper paper website outlet foundation institute university coalition "
    "alliance association embassy police army military regulator".split()
)
_COMPANY_SUFFIXES = frozenset(
    "inc inc. corp corp. co co. llc ltd ltd. plc group holdings airlines airways motors "
    "technologies systems energy bank labs partners media foods industries international "
    "pharmaceuticals pharma therapeutics capital insurance".split()
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# Heads of descriptions that stand for one person: "the Vermont senator".
_PERSON_HEADS = frozenset(
    "senator governor president candidate nominee secretary spokesman spokeswoman "
    "billionaire businessman businesswoman mogul congressman congresswoman lawmaker mayor "
    "chairman chairwoman pontiff pope actor actress host anchor front-runner frontrunner "
    "speaker leader minister chancellor king queen prince general judge justice "
    "ambassador envoy director executive ceo founder author economist professor "
    "republican democrat contender hopeful rival challenger incumbent veteran star "
    "comedian singer rapper tycoon magnate developer preacher reverend rabbi bishop".split()
)
# Offices one person does not hold two of at once: "the judge" is not a vice president.
_OFFICES = frozenset(
    "senator governor president secretary mayor pope pontiff chancellor minister judge "
    "justice ambassador king queen prince rabbi bishop reverend professor".split()
)
# Title abbreviations as the office they stand for.
_OFFICE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "pres": "president",
                         "prof": "professor", "rev": "reverend"}


# "the Ukrainian leader" is whoever the article calls its president or prime minister.
_LEADER_HEADS = frozenset("leader head".split())
_LEADER_ROLES = frozenset(
    "president premier chancellor minister king queen leader dictator ruler emir".split()
)


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


# Places by their first four letters: a word is compared only with the places it could be.
_PLACES_BY_PREFIX: dict[str, list[str]] = {}
for _place in COUNTRIES:
    _PLACES_BY_PREFIX.setdefault(_place[:4], []).append(_place)


def _nations(words: Sequence[str]) -> list[str]:
    """The words naming a place or its people ("Ukrainian", "Florida")."""
    return [
        w for w in words
        if w[:1].isupper() and any(_same_stem(w, c) for c in _PLACES_BY_PREFIX.get(
            w[:4].lower(), ()
        ))
    ]


_PARTIES = {"republican": "r", "republicans": "r", "gop": "r", "democratic": "d",
            "democrat": "d", "democrats": "d", "labour": "l", "conservative": "c",
            "tory": "c"}


def _contradicts(modifiers: Sequence[str], role: str) -> bool:
    """Do the description and the role name different places or parties ("the Ukrainian
    leader", "Russian President"; "the Republican nominee", "Democratic … nominee")?"""
    role_words = [w.strip(",.") for w in role.split()]
    wanted = _nations(modifiers)
    have = _nations(role_words)
    if wanted and have and not any(_same_stem(a, b) for a in wanted for b in have):
        return True
    parties = {_PARTIES[m.lower()] for m in modifiers if m.lower() in _PARTIES}
    held = {_PARTIES[w.lower()] for w in role_words if w.lower() in _PARTIES}
    return bool(parties and held) and not parties & held


def _place_possessor(words: list[str], people: dict[str, Person]) -> str | None:
    """ "Ukraine’s president": the possessive place or body leading a description (not a
    person: "Trump’s spokesman" is someone else)."""
    if len(words) < 2 or not words[0][:1].isupper() or not words[0].endswith(("’s", "'s")):
        return None
    owner = words[0][:-2]
    if owner in people or any(name.split()[-1] == owner for name in people):
        return None
    return owner


def _not_a_person(word: str) -> bool:
    """A lone capitalised word that names a place or a people ("Iowa", "Syrians",
    "Iowans"), never one person, however it speaks."""
    low = word.lower()
    return low in COUNTRIES or low.endswith(("ians", "ans", "ese", "ites")) and len(low) > 5


def _offices(role: str) -> set[str]:
    words = (w.strip(".,").lower() for w in role.split())
    return {office for w in words if (office := _OFFICE_ABBREVIATIONS.get(w, w)) in _OFFICES}


def _holds_another_office(head: str, role: str) -> bool:
    """ "the judge" and a role naming offices, none of them a judge's."""
    if head not in _OFFICES:
        return False
    held = _offices(role)
    return bool(held) and head not in held


_NOT_HEAD_NOUNS = frozenset(
    "he she they we i you it who which that also then later and or but has had have was "
    "were is are be been".split()
)
# How near a bare surname must follow a full name to mean that person over the one the
# article introduced first (about a paragraph).
_JUST_INTRODUCED = 400
# "Her father, Brad, 39, …": a first name in apposition to a relative.
_KIN_GENDER = {
    **dict.fromkeys("father husband son brother grandfather uncle nephew boyfriend".split(),
                    "m"),
    **dict.fromkeys("mother wife daughter sister grandmother aunt niece girlfriend".split(),
                    "f"),
    **dict.fromkeys("partner spouse child fiancé fiancee fiance cousin friend".split(), ""),
}
_KIN_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Ww]hose)[ \t]+(" + "|".join(_KIN_GENDER)
    + r"),[ \t]+$"
)
# "Secretary of " before "State Marco Rubio": the title the capitalised run began in.
_TITLE_OF = re.compile(r"\b([A-Z][a-z]+)[ \t]+of[ \t]+$")
# "The Ukrainian leader", "The former governor" leading a sentence (not "The leader’s").
# Starts with the literal "The" (the word-start check follows as a lookbehind) so that the
# engine jumps between occurrences of it in C.
_DESCRIPTION_SUBJECT = re.compile(
    r"The(?<!\wThe)((?:[ \t]+[\w’'-]+){0,2}?[ \t]+(?:"
    + "|".join(sorted(_PERSON_HEADS, key=len, reverse=True))
    + r"))\b(?![’'-])"
)
# Heads of descriptions that stand for someone deliberately left unnamed.
_ANONYMOUS = frozenset(
    "official source person insider operative staffer aide diplomat officer employee "
    "resident witness".split()
)
_DOCUMENTS = frozenset(
    "statement report study survey poll letter memo analysis document filing release "
    "complaint lawsuit indictment ruling decision order".split()
)
_SPOKES = frozenset(
    "spokesman spokeswoman spokesperson representative official statement".split()
)
_PARTY_CODE = re.compile(r"^[DRI]\s?-\s?[A-Z]")
_NOT_ROLE_START = frozenset(
    "who whose which that and but or said says told wrote added was is has had will would "
    "in on at with for to from by as if when while".split()
)
_NEXT_WORD = re.compile(r"\w+")
# A name followed by one of these is an object ("stop Trump from …"), not a subject.
# ("of" before a capital is a place: "Rep. Owen Tarkel of New Mexico, …, said".)
_AFTER_OBJECT = re.compile(r"[ \t]+(?:from|to|of(?![ \t]+[A-Z])|into|onto|as|than|for)\b")
_FINITE_SPEECH_VERBS = frozenset(v for v in SPEECH_VERBS if not v.endswith("ing"))
# Base forms ("talk", "say", "post"): after a name they are a noun of a compound ("Radio
# talk host", "a Facebook post"), not its verb; a person "talks", "says", "posted".
_BASE_SPEECH_VERBS = frozenset(
    v for v in _FINITE_SPEECH_VERBS
    if v + "s" in SPEECH_VERBS or v + "es" in SPEECH_VERBS or v[:-1] + "ies" in SPEECH_VERBS
)
_BETWEEN_WORDS = frozenset(
    "of has had have also later then once again previously recently on last this Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday week night".split()
)


def _by_first_letter(words: list[str]) -> str:
    """The words as one alternation grouped by first letter, "s(?:aid|ays)|w(?:rote)": the
    engine tries only the group of the letter at hand, not all ~460 verbs one by one.
    Within a group the words keep their order, and words of different groups can never
    both match at one offset, so the first alternative to succeed is the same as in the
    flat alternation."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in rests.items())


# Finite speech verbs, longest first (the order the flat alternation had).
_FINITE_VERBS_ALTERNATION = _by_first_letter(
    sorted((v for v in SPEECH_VERBS if not v.endswith("ing")), key=len, reverse=True)
)
# A speech verb right after a name, past an appositive and auxiliaries: the name speaks.
_THEN_SPEECH_VERB = re.compile(
    r"(?:[ \t]+of[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,3})?"  # "Zeldin of New York"
    # (an appositive may hold initials and abbreviations: "…, adviser to George W. Bush,")
    r"(?:,[^,;:“”\"\n]{1,100},)?(?:[ \t]+(?:has|had|have|also|later|then|once|"
    r"again|previously|recently|\w+ly|on|last|this|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|week|night))*,?[ \t]+(?:"
    + _FINITE_VERBS_ALTERNATION
    + r")\b(?![ \t]+to\b)"  # "Corwin went on to harm his chances" is not speech
)
_WHO_SPEECH_VERB = re.compile(
    r"(?:[ \t]+of[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,3})?"  # "Feinstein of California"
    r"(?:,[^,;:“”\"\n]{1,100})?,[ \t]+who(?:[ \t]+(?:has|had|have|also|later|then|\w+ly))*"
    r"[ \t]+(?:"
    + _FINITE_VERBS_ALTERNATION
    + r")\b"
)
# "him" and "her" are left out: "Badenoch accused him of …" points at someone else.
# The first letter is consumed by a class with no IGNORECASE (which would hide it from the
# engine's skip-ahead): exactly the letters (?i)[hs] matches, long s included. Same matches
# as (?i)(?=[hs])\b(?:he|his|himself|she|herself)\b, twice as fast.
_OWN_PRONOUN = re.compile(r"[hHsS\u017f](?<!\w.)(?i:(?<=h)(?:e|is|imself|erself)|(?<=s)he)\b")
_CLAUSE_STOP = re.compile(r"[.!?\n“”\"]")
_OTHER_NAME = re.compile(r"\b[A-Z][a-z]+")
_LEADING_NAME = re.compile(r"^(?:[A-Z][\w’'.-]*[ \t]*)+")
_NEXT_PRONOUN = re.compile(r"[^.!?\n]*[.!?][”\"’]?\s+(He|She|His|Her)\b")
WINDOW = 1500  # how far back a pronoun may look for its person (about three paragraphs)


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
    mentions: list[Mention] = field(default_factory=list)
    _mention_pos: list[int] = field(default_factory=list)
    speakers: list[tuple[int, Speaker]] = field(default_factory=list)
    common: LowerWords = field(default_factory=lambda: LowerWords(""))
    orgs: list[tuple[int, str]] = field(default_factory=list)  # organisations named, in order

    @classmethod
    def build(cls, text: str, quoted: list[tuple[int, int]]) -> Entities:
        entities = cls(text)
        entities.common = LowerWords(text)
        entities._scan(quoted)
        return entities

    # -- reading the article ---------------------------------------------------------------

    def _scan(self, quoted: list[tuple[int, int]]) -> None:
        candidates: list[tuple[int, int, list[str], list[str], bool]] = []
        # A name recurs many times in an article: analyse each distinct spelling once.
        seen: dict[str, tuple[list[str], list[str], bool, bool] | None] = {}
        text = self.text
        for match in _outside_quotes(text, quoted):
            start = match.start()
            group = match.group()
            if group in seen:
                info = seen[group]
            else:
                info = seen[group] = self._analyse(group)
            if info is None:
                continue
            name, prefix, possessive, is_org = info
            if is_org:
                self.orgs.append((start, group.removesuffix("’s").removesuffix("'s")))
            if not name:
                continue
            candidates.append((start, match.end(), name, prefix, possessive))
            if len(name) >= 2:
                joined = " ".join(name)
                # Later bare mentions of a known name add nothing to register.
                if prefix or joined not in self.people:
                    title = " ".join(prefix) or None
                    office = _TITLE_OF.search(text, max(0, start - 40), start) if title else None
                    if office is not None and office.group(1).lower() in TITLES | ROLE_WORDS:
                        title = f"{office.group(1)} of {title}"  # "Secretary of State"
                    self._register(name, start, title, self._word_before(start))
                person = self.people[joined]
                if not possessive and (person.role is None or person.weak_role):
                    self._appositive(joined, match.end())
        lone_counts: dict[str, int] = {}
        for _, _, name, _, _ in candidates:
            if len(name) == 1:
                lone_counts[name[0]] = lone_counts.get(name[0], 0) + 1
        for start, end, name, prefix, possessive in candidates:
            if len(name) == 1 and name[0].isupper() and len(name[0]) <= 5:
                continue  # "HP", "FBI": an acronym is an organisation, not a person
            lone = len(name) == 1 and name[0].lower() not in self.by_surname
            honorific = bool(prefix) and prefix[-1].lower() in _HONORIFICS
            kin = _KIN_BEFORE.search(self.text, max(0, start - 30), start) if lone and (
                self.text[start - 1 : start] in (" ", "\t")  # (what the pattern ends with)
            ) else None
            if lone and (honorific or kin is not None):
                # "Ms. Alvarez, 34, runs a bakery", "Her father, Colm, 44, feared": a person,
                # whose gender the title or the kinship word gives.
                person = self.people.setdefault(name[0], Person(name[0], start))
                self.by_surname.setdefault(name[0].lower(), [name[0]])
                person.evidence = True
                if kin is not None:
                    gender = _KIN_GENDER.get(kin.group(1).lower())
                    if gender == "m":
                        person.male += 3
                    elif gender == "f":
                        person.female += 3
                lone = False
            # A lone word that no full name ends with is a person only if it speaks, or
            # if it leads sentences again and again ("Trump sought …", "Trump said …").
            if lone and (possessive or not (
                self._speech_subject(end) or (lone_counts.get(name[0], 0) >= 2 and
                                              self._leads_clause(start))
            )):
                continue
            before = self._word_before(start)
            if before is not None and before.lower().removeprefix("then-").removeprefix(
                "former-"
            ) in TITLES:
                # "aide to then-Governor Ada K. Lind": the title's own context.
                before = self._word_before(start - len(before) - 1)
            if before is not None and before.lower() == "of" and prefix:
                # "Secretary of State Ada Lind said": "of" belongs to the title.
                head = self.text.rfind(" of", 0, start)
                title_word = self._word_before(head + 1) if head > 0 else None
                if title_word is not None and title_word[:1].isupper():
                    before = self._word_before(head + 1 - len(title_word) - 1)
            title = " ".join(prefix) if prefix else None
            if before is not None and before.lower() in ("named", "called"):
                # "a worker named Pavel Janik has …": the name of a described subject,
                # not the object of "Trump named …".
                head_noun = self._word_before(start - len(before) - 1)
                if head_noun is not None and head_noun[:1].islower() and head_noun.isalpha() and (
                    head_noun not in _NOT_HEAD_NOUNS
                ):  # ("they named Smith", "who called Smith": an object after all)
                    before = head_noun
            subject = not possessive and (
                before is None or before.lower() not in _OBJECT_BEFORE
            ) and not (prefix and prefix[0].lower() in ("the", "a")) and (
                _AFTER_OBJECT.match(self.text, end) is None
            )
            speech = subject and self._speech_subject(end) or (
                not possessive and self._who_speaks(end)
            )
            full = self.full_name(name, start)
            if full is None and (speech or lone and subject) and name[
                0
            ].lower() not in self.common and name[0].lower() not in GROUP_NOUNS and name[
                0
            ].lower() not in ORG_NOUNS and not _not_a_person(name[0]) and self._org_named(
                name[0], start
            ) is None:
                # A lone name speaking ("Humphrey, for example, said"): a person too.
                full = name[0]
                self.people[full] = Person(full, start)
                self.by_surname.setdefault(full.lower(), [full])
            found_person = self.people.get(full) if full else None
            if found_person is None or full is None:
                continue
            person = found_person
            if speech:
                person.evidence = True
            if title:
                self._gender_from_words(person, title.lower().split())
            self.mentions.append(Mention(start, full, subject, speech))
        self.mentions.sort(key=lambda m: m.pos)
        self._mention_pos = [m.pos for m in self.mentions]
        self._description_subjects(quoted)
        self._pronoun_evidence()

    def _description_subjects(self, quoted: list[tuple[int, int]]) -> None:
        """ "The Ukrainian leader dismissed the remarks. “…,” he said": a sentence led by a
        description of a person the article has named is a mention of them, so that the
        next "he" can find them."""
        found: list[Mention] = []
        for match in _DESCRIPTION_SUBJECT.finditer(self.text):
            start = match.start()
            if not self._leads_clause(start) or _inside(quoted, start):
                continue
            words = match.group(1).split()
            speaker = self.by_description(words[-1].lower(), _modifiers(words[:-1]), start)
            if speaker is not None and speaker.name in self.people:
                found.append(Mention(start, speaker.name, True, self._speech_subject(match.end())))
        if found:
            self.mentions = sorted(self.mentions + found, key=lambda m: m.pos)
            self._mention_pos = [m.pos for m in self.mentions]

    def _analyse(self, group: str) -> tuple[list[str], list[str], bool, bool] | None:
        """(name words, title words, possessive, names an organisation) for a capitalised
        sequence; None for a lone function word ("The", "But")."""
        if " " not in group and "\t" not in group:
            low = group.lower()
            is_org = group.isupper() and _is_org_sequence([group])
            if low in NOT_NAMES or low in TITLES or low in COUNTRIES:
                return ([], [], False, True) if is_org else None
        words = group.split()
        possessive = words[-1].endswith(("’s", "'s"))
        if possessive:
            words[-1] = words[-1][:-2]
        name, prefix = split_name(words, self.common)
        is_org = _is_org_sequence(words)
        return name, prefix, possessive, is_org

    def _leads_clause(self, start: int) -> bool:
        """Does the word at `start` open a sentence or a clause after a comma?"""
        j = start
        while j > 0 and self.text[j - 1] in " \t":
            j -= 1
        return j == 0 or self.text[j - 1] in "\n.!?,;:"

    def _speech_subject(self, end: int) -> bool:
        """Is the name ending at `end` the subject of a speech verb ("Williams, who is
        running, added")? Such people are salient: later pronouns often point to them."""
        text = self.text
        if end < len(text) and text[end] == " ":
            # Most names are followed by a plain word: look at it before the full pattern.
            word = _NEXT_WORD.match(text, end + 1)
            if word is None or word.group() in _BASE_SPEECH_VERBS or (
                    word.group() not in _FINITE_SPEECH_VERBS and word.group() not in
                                _BETWEEN_WORDS and not word.group().endswith("ly")):
                return False
        return _THEN_SPEECH_VERB.match(text, end) is not None

    def _who_speaks(self, end: int) -> bool:
        """ "… by Sen. Dianne Feinstein, the ranking Democrat, who said …": the name ending
        at `end` speaks in a relative clause, even as the object of a preposition."""
        comma = self.text.find(", who ", end, end + 120)
        return comma >= 0 and _WHO_SPEECH_VERB.match(self.text, end) is not None

    def _word_before(self, pos: int) -> str | None:
        """The word before `pos` (past blanks, without ",;:"); None at a line or sentence
        start. Read from a short slice with str methods rather than a loop over characters;
        the slice grows only when the blanks or the word reach its start."""
        text = self.text
        reach = 48
        while True:
            lo = max(0, pos - reach)
            seg = text[lo:pos].rstrip(" \t")
            if not seg:
                if lo == 0:
                    return None
            elif seg[-1] in "\n.!?":
                return None
            elif seg[-1].isspace():
                return ""  # another blank ("\u00a0"): no word right there
            else:
                word = seg.rsplit(None, 1)[-1]
                if len(word) < len(seg) or lo == 0:
                    return word.strip(",;:")
            reach *= 4

    def _register(self, name: list[str], pos: int, title: str | None, before: str | None) -> None:
        full = " ".join(name)
        person = self.people.get(full)
        if person is None:
            person = self.people[full] = Person(full, pos)
            self.by_surname.setdefault(name[-1].lower(), []).append(full)
        first = name[0].lower()
        if first not in MALE_NAMES and first not in FEMALE_NAMES and len(name) >= 3:
            first = name[1].lower()  # "Sheriff Joe Arpaio": an unknown title first
        if first in MALE_NAMES:
            person.male += 2
            person.evidence = True
        elif first in FEMALE_NAMES:
            person.female += 2
            person.evidence = True
        if title:
            person.evidence = True  # ("When Robby Mook …" too: a clause's subject)
            title = _clean_role(title)
            if title and person.role is None and title.lower() not in _HONORIFICS:
                person.role = title
        if before and (before.lower() in ROLE_WORDS or before.lower() in TITLES):
            person.evidence = True
            if (person.role is None or person.weak_role) and before.lower() not in (
                "of", "for", "at"
            ):
                person.role, person.weak_role = self._role_before(pos) or before, True

    def _role_before(self, pos: int) -> str | None:
        """The words naming a role right before a name: "Kremlin spokesman", "White House
        press secretary" (lower-case role words, with the capitalised words they lean on)."""
        words = self.text[max(0, pos - 80) : pos].split()
        if words and words[-1].endswith(",") and len(words) >= 2 and words[-1][:-1].lower() in (
            ROLE_WORDS | TITLES
        ):
            words[-1] = words[-1][:-1]  # "The prime minister, Keir Starmer": in apposition
            # "The shadow chancellor, Mel Stride": every word after the article.
            for k in range(len(words) - 2, max(-1, len(words) - 6), -1):
                if words[k].lower() in ("the", "a", "an"):
                    described = words[k + 1 :]
                    if all(w.replace("-", "").replace("’", "").replace("'", "").isalpha()
                           for w in described):
                        return " ".join(described)
                    break
        role: list[str] = []
        for word in reversed(words):
            low = word.lower()
            if word[-1:] in ",.;:!?”\"" or low in _OBJECT_BEFORE or low in DETERMINERS:
                break
            if word[:1].isupper() and low in NOT_NAMES and low not in ORG_WORDS:
                break
            if not word[:1].isupper() and low not in ROLE_WORDS and low not in TITLES:
                break
            role.append(word)
            if len(role) == 5:
                break
        while role and role[-1][:1].isupper() and role[-1].lower() in TITLES:
            role.pop()  # a leading "Former" stays; a leading title alone is fine too
        return " ".join(reversed(role)) or None

    def _appositive(self, full: str, end: int) -> None:
        """ "Lawrence Freedman, emeritus professor of war studies at …,": the role."""
        match = _APPOSITIVE.match(self.text, end)
        person = self.people[full]
        if match is None or (person.role is not None and not person.weak_role):
            return
        role = _clean_role(match.group(1))
        if role and any(w in _CLAUSE_VERBS for w in role.lower().split()):
            return  # "For Maria Alvarez, the closure of the plant was personal": a clause
        first = role.split()[0].lower() if role else ""
        if first in _NOT_ROLE_START:
            return  # "Marc Fogel, who had been imprisoned": a clause, not a role
        if not match.group(1)[:1].isupper() and match.group(1).split()[0].lower() not in (
            "a", "an", "the"
        ) and first not in ROLE_WORDS and first not in TITLES:
            return  # "Kemi Badenoch, accused him of …": a verb, not a role
        if role and len(role.split()) <= 14:
            person.role, person.weak_role = role, False
            self._gender_from_words(person, role.lower().split())

    def _gender_from_words(self, person: Person, words: list[str]) -> None:
        for word in words:
            if word in MALE_WORDS:
                person.male += 3
            elif word in FEMALE_WORDS:
                person.female += 3

    def _pronoun_evidence(self) -> None:
        """A sentence led by a person, followed by one led by He/She: evidence of gender."""
        looked: dict[str, int] = {}
        for mention in self.mentions:
            if not mention.subject or looked.get(mention.person, 0) >= 6:
                continue  # six sentences are evidence enough; the rest costs time
            looked[mention.person] = looked.get(mention.person, 0) + 1
            person = self.people[mention.person]
            # "Edna Carvell, who retired Monday, used her last column": the first personal
            # pronoun of the subject's own sentence, with no other name before it.
            stop = _CLAUSE_STOP.search(self.text, mention.pos, mention.pos + 200)
            hi = stop.start() if stop else mention.pos + 200
            own = _OWN_PRONOUN.search(self.text, mention.pos, hi)
            if own is not None and not _OTHER_NAME.search(
                _LEADING_NAME.sub("", self.text[mention.pos : own.start()])
            ):
                if own.group().lower() in ("he", "his", "himself"):
                    person.male += 1
                else:
                    person.female += 1
            found = _NEXT_PRONOUN.match(self.text, mention.pos, mention.pos + 300)
            if found is None:
                continue
            if found.group(1) in ("He", "His"):
                person.male += 1
            else:
                person.female += 1

    # -- names -----------------------------------------------------------------------------

    def full_name(self, name: list[str], pos: int) -> str | None:
        """The fullest name the article gives for `name` (a surname, or a full name)."""
        key = name[-1].lower()
        candidates = self.by_surname.get(key)
        if not candidates:
            return " ".join(name) if len(name) >= 2 else None
        if len(name) >= 2:
            joined = " ".join(name)
            if joined in self.people:
                return joined
            for full in candidates:
                if full.endswith(joined) or joined.endswith(full):
                    return full
            return joined
        if len(candidates) == 1:
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
            if role and (person.role is None or person.weak_role or len(role.split()) > len(
                person.role.split()
            )):
                # The fullest description wins: "top Democrat on the …" over "Rep.".
                person.role, person.weak_role = role, False
            self._gender_from_words(person, (role or "").lower().split())
            index = bisect.bisect_left(self._mention_pos, pos)
            self.mentions.insert(index, Mention(pos, speaker.name, True, True))
            self._mention_pos.insert(index, pos)

    # -- resolving a speaker phrase -------------------------------------------------------

    def resolve(self, phrase: str, pos: int, role_hint: str | None) -> Speaker:
        words = [t.text for t in tokens(phrase, 0, len(phrase)) if t.text not in ",()"] if (
            "." in phrase or "," in phrase or "(" in phrase
        ) else phrase.split()  # plain phrases need no tokenizer (a hot path)
        if "and" in words[1:-1] and words[0][:1].isupper():
            k = words.index("and")
            left, right = words[:k], words[k + 1 :]
            if sum(w[:1].isupper() for w in left) >= 2 and sum(
                w[:1].isupper() for w in right
            ) >= 2:
                words = left  # "David Albright and Serena …": the first of two people
        if not words:
            return UNRESOLVED_SPEAKER
        low = [w.lower() for w in words]
        if len(words) == 1 and low[0] in PRONOUNS_MALE | PRONOUNS_FEMALE:
            return self.resolve_pronoun(low[0], pos)
        if len(words) == 1 and low[0] in ("they", "it", "we", "i", "you", "who"):
            return self._resolve_plural(low[0], pos)
        if low[-1].endswith(("’s", "'s")):
            words[-1] = words[-1][:-2]
            low[-1] = low[-1][:-2]
        name, prefix = split_name(words, self.common)
        if not name and words[-1][:1].isupper() and low[-1] in MONTHS and low[
            -1
        ] in self.by_surname:
            name, prefix = words[-1:], words[:-1]  # "May said" after "Theresa May"
        role = _clean_role(role_hint) or _clean_role(" ".join(prefix))
        if name and len(name) == 1 and name[0].lower() not in self.by_surname:
            org = self._org_named(name[0], pos)
            if org is not None:
                return Speaker(org, role, SpeakerKind.ORGANIZATION)  # "Hartwell said"
        if name and not _is_org_name(name):
            full = self.full_name(name, pos) or " ".join(name)
            person = self.people.get(full)
            if role is None and person is not None:
                role = person.role
            return Speaker(full, role, SpeakerKind.PERSON)
        text = " ".join(words)
        if words[0] == "The" and len(words) > 1:
            text = "the" + text[3:]  # "The Kremlin said" at a sentence start: the Kremlin
        head = low[-1]
        if head in _SPOKES and len(words) >= 3 and low[0] in ("a", "an", "the") and words[
            1
        ][:1].isupper():
            # "a Twitter spokesman": the organisation speaks through its spokesperson.
            org = " ".join(w for w in words[1:-1] if w[:1].isupper())
            if org and org.lower() not in COUNTRIES:
                return Speaker(org, text, SpeakerKind.ORGANIZATION)
        if head in _ANONYMOUS and (low[0] in ("a", "an", "one", "another", "the") or
                                   not words[0][:1].isupper()):
            # "a senior administration official", "the source": unnamed on purpose.
            return Speaker(None, text, SpeakerKind.UNRESOLVED)
        if low[0] == "the" and len(words) == 2 and head in _DOCUMENTS:
            # "the statement said": whoever issued it, if the article just named them.
            found_org = self._org_before(head, pos)
            if found_org is not None:
                return Speaker(found_org, text, SpeakerKind.ORGANIZATION)
            return Speaker(None, text, SpeakerKind.UNRESOLVED)
        if low[0] == "the" and len(words) == 2 and head in _ORG_HEADS:
            found_org = self._org_before(head, pos)
            if found_org is not None:
                return Speaker(found_org, text, SpeakerKind.ORGANIZATION)
        possessor = _place_possessor(words, self.people)
        if (low[0] in ("the", "this") or possessor) and head in _PERSON_HEADS:
            # "the former Florida governor", "the Ukrainian leader", "Ukraine’s president": a
            # person the article has named, by role if one fits, else the person it is
            # talking about, if their role does not say otherwise.
            modifiers = _modifiers(words[1:-1]) + ([possessor] if possessor else [])
            found = self.by_description(head, modifiers, pos)
            if found is not None:
                return found
            return Speaker(None, text, SpeakerKind.UNRESOLVED)
        if head in GROUP_NOUNS:
            return Speaker(text, None, SpeakerKind.GROUP)
        if any(w in ORG_WORDS or w in COUNTRIES or w in ORG_NOUNS for w in low) or (
            words[-1][:1].isupper() and head not in NOT_NAMES
        ) or len(words) >= 2 and all(w[:1].isupper() for w in words):  # "Judicial Watch"
            return Speaker(text, None, SpeakerKind.ORGANIZATION)
        if low[0] in ("the", "this") and (head in ROLE_WORDS or head in TITLES):
            found = self._by_role(head, pos)
            if found is not None:
                return found
        return Speaker(None, text, SpeakerKind.UNRESOLVED)

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
        return person is not None and person.evidence

    def by_description(self, head: str, modifiers: list[str], pos: int) -> Speaker | None:
        """The person a description such as "the Ukrainian leader" stands for."""
        return (
            modifiers and self._by_role(head, pos, modifiers, strict=True)
            or self._by_role(head, pos, modifiers)
            or self._topic_person(head, pos, modifiers)
        )

    def _topic_person(self, head: str, pos: int, modifiers: Sequence[str] = ()) -> Speaker | None:
        """The nearest person who speaks or leads a sentence, within two paragraphs, whose
        role (if the article gives one) does not contradict the description's words."""
        want = "m" if head in MALE_WORDS else "f" if head in FEMALE_WORDS else None
        floor = self._paragraph_floor(pos)
        index = bisect.bisect_left(self._mention_pos, pos)
        for mention in reversed(self.mentions[max(0, index - 40) : index]):
            if mention.pos < floor:
                break
            person = self.people[mention.person]
            if (mention.speaker or mention.subject) and person.evidence and (
                want is None or person.gender in (want, None)
            ) and not (person.role and (
                _holds_another_office(head, person.role) or _contradicts(modifiers, person.role)
            )):
                return self._speaker(person)
        return None

    def _org_named(self, word: str, pos: int) -> str | None:
        """The organisation named earlier whose name begins with `word` ("Hartwell" after
        "Hartwell Industries")."""
        for at, org in reversed(self.orgs):
            if at < pos and org != word and org.split()[0] == word:
                return org
        return None

    def _org_before(self, head: str, pos: int) -> str | None:
        """ "the agency", "the company": the organisation the article named last."""
        index = bisect.bisect_left(self.orgs, (pos, ""))
        recent = [name for at, name in reversed(self.orgs[max(0, index - 40) : index])
                  if pos - at <= 3 * WINDOW]
        for name in recent:
            if head in name.lower().split():
                return name  # "the ministry" -> "the Foreign Ministry"
        if head in ("company", "firm", "agency", "organization", "organisation", "group") or (
            head in _DOCUMENTS and pos - next(
                (at for at, name in reversed(self.orgs[:index])), -WINDOW
            ) < 300
        ):
            return recent[0] if recent else None
        return None

    def _by_role(
        self, head: str, pos: int, modifiers: Sequence[str] = (), strict: bool = False
    ) -> Speaker | None:
        """ "the Kremlin spokesman": the latest person before `pos` whose role has that noun.
        `strict`: and the description's other words ("Kremlin"), a leader's role ("Ukrainian
        President") then standing for "the Ukrainian leader"; otherwise a role that names
        another place than the description is passed over."""
        index = bisect.bisect_left(self._mention_pos, pos)
        for mention in reversed(self.mentions[max(0, index - 60) : index]):
            person = self.people[mention.person]
            if not person.role:
                continue
            role_words = person.role.lower().split()
            if strict:
                fits = (head in role_words or head in _LEADER_HEADS and any(
                    w in _LEADER_ROLES for w in role_words
                )) and _role_fits(modifiers, person.role)
            else:
                fits = head in role_words and not _contradicts(modifiers, person.role)
            if fits:
                return Speaker(person.name, person.role, SpeakerKind.PERSON)
        return None

    def resolve_pronoun(self, pronoun: str, pos: int) -> Speaker:
        """The nearest fitting person: first among recent speakers (the subjects of speech
        verbs and quotations nearby), then among recent sentence subjects, then anyone
        mentioned. A person of the other gender is skipped; one of unknown gender fits."""
        want = "m" if pronoun in PRONOUNS_MALE else "f"
        index = bisect.bisect_left(self._mention_pos, pos)
        recent = [
            m for m in reversed(self.mentions[max(0, index - 80) : index])
            if pos - m.pos <= WINDOW and self.people[m.person].evidence
        ]
        here = self.text.rfind("\n", max(0, pos - WINDOW), pos) + 1  # this paragraph's start
        near = self._paragraph_floor(pos)
        chosen: Person | None = None
        for rank in (
            lambda m: m.speaker and m.pos >= here,
            lambda m: m.subject and m.pos >= here,
            lambda m: m.speaker and m.pos >= near,
            lambda m: m.subject,
            lambda m: True,
        ):
            for mention in recent:
                person = self.people[mention.person]
                if rank(mention) and person.gender in (want, None):
                    chosen = person
                    break
            if chosen is not None:
                break
        if chosen is None:
            return UNRESOLVED_SPEAKER
        # The pronoun itself is evidence of the person's gender for later pronouns.
        if want == "m":
            chosen.male += 1
        else:
            chosen.female += 1
        return self._speaker(chosen)

    def _paragraph_floor(self, pos: int) -> int:
        """Start of the paragraph before the one holding `pos` (paragraphs end at newlines,
        a blank line being one break)."""
        j = pos
        for _ in range(2):
            j = self.text.rfind("\n", max(0, pos - WINDOW), j)
            if j < 0 or pos - j > WINDOW:
                return max(0, j)
            while j > 0 and self.text[j - 1] == "\n":
                j -= 1
        return j

    def _speaker(self, person: Person) -> Speaker:
        return Speaker(person.name, person.role, SpeakerKind.PERSON)

    def _resolve_plural(self, pronoun: str, pos: int) -> Speaker:
        if pronoun not in ("they", "it"):
            return UNRESOLVED_SPEAKER
        wanted = (SpeakerKind.GROUP,) if pronoun == "they" else (SpeakerKind.ORGANIZATION,)
        for spoke_at, speaker in reversed(self.speakers):
            if pos - spoke_at > WINDOW:
                break
            if speaker.kind in wanted:
                return speaker
        return UNRESOLVED_SPEAKER


def _inside(quoted: list[tuple[int, int]], pos: int) -> bool:
    """Is `pos` inside one of the sorted, non-overlapping (start, end) ranges?"""
    index = bisect.bisect_right(quoted, (pos, sys.maxsize)) - 1
    return index >= 0 and quoted[index][0] <= pos < quoted[index][1]


def _outside_quotes(text: str, quoted: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Capitalised sequences outside quotations: names inside them are not the article's
    own mentions, and are not even looked at."""
    pos = 0
    for lo, hi in quoted:
        if lo > pos:
            yield from _CAP_SEQ.finditer(text, pos, lo)
        pos = max(pos, hi)
    yield from _CAP_SEQ.finditer(text, pos)


def _is_org_sequence(words: list[str]) -> bool:
    """Does a capitalised sequence name an organisation ("the FDA", "Veltra Pharmaceuticals")?"""
    low = [w.lower() for w in words]
    if len(words) == 1:
        return bool(_ACRONYM.match(words[0])) and low[0] not in ("i", "ok", "tv", "us")
    return low[-1] in _COMPANY_SUFFIXES or any(
        w in ORG_WORDS and w not in ("house", "state", "states", "street", "city", "county")
        for w in low[1:]
    )


def _is_org_name(name: list[str]) -> bool:
    return any(w.lower() in ORG_WORDS or w.lower() in COUNTRIES for w in name)


def _clean_role(role: str | None) -> str | None:
    if not role or _PARTY_CODE.match(role.strip()):
        return None  # "D-N.Y.", "R-Ky.": party and state, not a role
    words = role.strip(" ,").split()
    if "-old" in role:
        words = [w for w in words if not (w[:1].isdigit() and w.endswith("-old"))]  # an age
    while words and (words[0].lower() in DETERMINERS or words[0].lower() in _HONORIFICS
                     or words[0] in _LEADING_FUNCTION_WORDS):  # "For Maria Alvarez"
        words = words[1:]
    return " ".join(words) or None


def _name_word(word: str) -> bool:
    low = word.lower()
    if not word[:1].isupper():
        return low in ("de", "da", "del", "der", "van", "von", "bin", "al", "la", "le", "di")
    return (
        low not in NOT_NAMES
        and low not in TITLES
        and low.rstrip(".") not in TITLES
        and low not in COUNTRIES
        and not low.endswith(("’s", "'s"))
    )


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "’'-"


class LowerWords:
    """`word in LowerWords(text)`: does the text also write this word in lower case? Checked
    on demand with a literal search: far cheaper than listing every word of the article."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        low = word.lower()
        found = self.cache.get(low)
        if found is None:
            found = self.cache[low] = self._search(low)
        return found

    def _search(self, low: str) -> bool:
        text = self.text
        i = text.find(low)
        while i >= 0:
            j = i + len(low)
            if (i == 0 or not _word_char(text[i - 1])) and (
                j >= len(text) or not _word_char(text[j])
            ):
                return True
            i = text.find(low, j)
        return False


def split_name(
    words: list[str], common: LowerWords | frozenset[str] = frozenset()
) -> tuple[list[str], list[str]]:
    """(the name words, the words before them): "Russian President Vladimir Putin" ->
    (["Vladimir", "Putin"], ["Russian", "President"]). "Ben Cardin of Maryland" gives Ben
    Cardin: a name after "of" is a place or an employer. `common` holds words the article
    also writes in lower case ("Both", "Hours"): capitalised only by a sentence start."""
    cut = len(words)
    for k in range(1, len(words)):
        if words[k].lower() in ("of", "from", "at", "in") and words[k - 1][:1].isupper() and (
            _name_word(words[k - 1]) or k >= 2 and (  # "Walter J. King of Ohio"
                words[k - 2].lower() in _FIRST_NAMES or _INITIAL.match(words[k - 2]))
        ):
            cut = k  # the first "of" after a name word: "Archbishop Aris Shirvanian of …"
            break
    words_in = words[:cut]
    end = len(words_in)
    if not end or not words_in[-1][:1].isupper():
        return [], words  # "Russian officials", "the Kremlin spokesman": not a name
    start = end
    while start > 0 and _name_word(words_in[start - 1]):
        start -= 1
    if start == end and end >= 2 and words_in[-2][:1].isupper() and (
        words_in[-2].lower() in _FIRST_NAMES or _INITIAL.match(words_in[-2])
    ) and words_in[-1].lower() not in COUNTRIES:
        start = end - 1  # "Theresa May", "Peter T. King": a surname that is also a word
        while start > 0 and _name_word(words_in[start - 1]):
            start -= 1
    name = words_in[start:end]
    while name and (not name[0][:1].isupper() or (len(name) > 1 and name[0].lower() in common)):
        name = name[1:]
    if len(name) > 4:
        name = name[-2:]  # a run of capitals this long is a headline, not one name
    if len(name) >= 3 and name[0].lower() not in _FIRST_NAMES and name[
        1
    ].lower() in _FIRST_NAMES:
        name = name[1:]  # "Kanzlerin Angela Merkel": a title the lexicon does not know
    if len(name) >= 3 and all(w.isupper() for w in name):
        return [], words  # "HILLARY CLINTON IS FEELING": a heading in capitals
    if not name or all(len(w.rstrip(".")) <= 1 for w in name):
        return [], words
    prefix = words_in[: end - len(name)]
    return name, prefix
