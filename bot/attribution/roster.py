"""Building the article's people and organisations: one pass over its capitalised runs.

Each name is registered with the role before it ("Kremlin spokesman Dmitry Peskov"), its
appositive ("…, a pollster,"), gender evidence (titles, kin words, first names,
pronouns that follow) and whether a mention is a sentence's subject or a speaker.
"""

from __future__ import annotations

import re

from bot.attribution.appositions import described_body
from bot.attribution.bodies import note_short_names
from bot.attribution.evidence import _appositive, _pronoun_evidence, _role_before
from bot.attribution.given_names import (
    gender,
    is_given_name,
    is_shared_given_name,
    leans_given_name,
)
from bot.attribution.lexicons import (
    BEFORE_GIVEN_NAME,
    BETWEEN_WORDS,
    CONTRACTED_IS,
    COUNTRIES,
    GROUP_NOUNS,
    HEADLINE_VERBS,
    HONORIFICS,
    KIN_GENDER,
    NOT_HEAD_NOUNS,
    NOT_NAMES,
    OBJECT_BEFORE,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_WORDS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
)
from bot.attribution.names import (
    _AFTER_OBJECT,
    _AGE_AFTER,
    _BASE_SPEECH_VERBS,
    _DESCRIPTION_SUBJECT,
    _FINITE_SPEECH_VERBS,
    _KIN_BEFORE,
    _NEXT_WORD,
    _OF_NAME,
    _SAYS_IT,
    _THEN_SPEECH_VERB,
    _TITLE_OF,
    _WHO_SPEECH_VERB,
    LowerWords,
    _clean_role,
    _inside,
    _is_org_sequence,
    _not_a_person,
    _outside_quotes,
    _unlisted_first_name,
    split_name,
    without_nicknames,
)
from bot.attribution.people import Entities, Mention, Person
from bot.attribution.role_fit import _modifiers
from bot.attribution.text import in_relative_clause

_AS_FOR = re.compile(r"\b[Aa]s for[ \t]+$")
_LOCAL_NUMBER = re.compile(r"[ \t]+\d{1,5}\b")


# "the Institute for Coastal Science", "the Center for Fair Housing": "for" and capitalised
# words go on naming the body (not a month or weekday: "Acme Corp for March").
_FOR_NAME = re.compile(
    r"[ \t]+for[ \t]+(?:the[ \t]+)?(?!(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b)[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)*"
)


def build_entities(text: str, quoted: list[tuple[int, int]]) -> Entities:
    """The people and organisations the article names, outside the quoted spans."""
    entities = Entities(text)
    entities.common = LowerWords(text)
    _scan(entities, quoted)
    if "(" in text:
        entities.note_acronyms()
    entities.note_named_businesses(quoted)
    note_short_names(entities, quoted)  # "Larkspur" after "Larkspur Foods"
    return entities


def _scan(ents: Entities, quoted: list[tuple[int, int]]) -> None:
    candidates: list[tuple[int, int, list[str], list[str], bool]] = []
    # A name recurs many times in an article: analyse each distinct spelling once.
    seen: dict[str, tuple[list[str], list[str], bool, bool] | None] = {}
    text = ents.text
    scan, quoted = without_nicknames(text, quoted)
    for match in _outside_quotes(scan, quoted):
        start = match.start()
        group = match.group()
        if group in seen:
            info = seen[group]
        else:
            info = seen[group] = _analyse(ents, group)
        if info is None:
            if group.lower() in ORG_WORDS and _SAYS_IT.match(text, match.end()) is not None:
                ents.orgs.append((start, group))  # "Amazon said it would appeal"
                ents.self_speaking.append((start, group))
            elif group.lower() in ORG_HEADS and (rest := _OF_NAME.match(text, match.end())):
                ents.orgs.append((start, group + rest.group()))  # "the Council of Ministers"
            continue
        name, prefix, possessive, is_org = info
        if is_org:
            body = group.removesuffix("’s").removesuffix("'s")
            rest = None
            if body == group:
                rest = _OF_NAME.match(text, match.end()) or _FOR_NAME.match(text, match.end())
            if rest is not None and group.split()[-1].lower() in ORG_WORDS:
                body += rest.group()  # "the Royal College of Nursing", not "… College"
            elif body.endswith(" Local"):
                number = _LOCAL_NUMBER.match(text, match.end())
                if number is not None:
                    body += number.group()  # "… Workers' Union Local 414": a union's branch
            ents.orgs.append((start, body))
        if (
            not possessive
            and not prefix
            and not is_org
            and not is_given_name(group.split()[0])
            and not is_shared_given_name(group.split()[0])
            and group.split()[-1].lower() not in ents.by_surname  # a person named before
            and group.lower() not in NOT_NAMES
            and _SAYS_IT.match(text, match.end()) is not None
        ):
            # "Qantas said it would cut jobs": a body speaking of itself, not a person.
            ents.orgs.append((start, group))
            ents.self_speaking.append((start, group))
            continue
        if not name:
            continue
        candidates.append((start, match.end(), name, prefix, possessive))
        a_body = described_body(ents.text, " ".join(name), start, match.end())
        if a_body:
            ents.orgs.append((start, " ".join(name)))
        if len(name) >= 2:
            joined = " ".join(name)
            if joined not in ents.people:
                # The same person by the opening or closing words of a known name: "Ahmad
                # Faizal told reporters" after "Datuk Ahmad Faizal Rahim" (Malay names have no
                # surname), "Mian Tariq" after "Mian Tariq Javed", "Cllr Ní Bhriain" after
                # "Máire Ní Bhriain" (a title there is that person's).
                longer = None
                if name[-1].lower() not in ents.by_surname:
                    longer = ents.longer_name(name, start)
                known = None if longer is not None else ents.part_of(name, start)
                if longer is not None:
                    joined = longer
                elif known is not None:
                    joined, name = known, known.split()
            # Later bare mentions of a known name add nothing to register.
            if joined == " ".join(name) and (prefix or joined not in ents.people):
                title = " ".join(prefix) or None
                office = _TITLE_OF.search(text, max(0, start - 40), start) if title else None
                if office is not None and office.group(1).lower() in TITLES | ROLE_WORDS:
                    title = f"{office.group(1)} of {title}"  # "Secretary of State"
                _register(ents, name, start, title, _word_before(ents, start))
            person = ents.people[joined]
            if _AGE_AFTER.match(text, match.end()) is not None:
                person.evidence = True  # "Dev Raman, 34, moved …"
            if not a_body and not possessive and (person.role is None or person.weak_role):
                _appositive(ents, joined, match.end())
    lone_counts: dict[str, int] = {}
    for _, _, name, _, _ in candidates:
        if len(name) == 1:
            lone_counts[name[0]] = lone_counts.get(name[0], 0) + 1
    for start, end, name, prefix, possessive in candidates:
        if len(name) == 1 and name[0].isupper() and len(name[0]) <= 5:
            continue  # "HP", "FBI": an acronym is an organisation, not a person
        honorific = bool(prefix) and (prefix[-1].lower() in HONORIFICS or prefix[-1] == "Sri")
        if len(name) == 1 and honorific and name[0].lower() not in ents.by_surname:
            ents.family_name_first(name[0], start)  # "Mr Ong" for Ong Kah Seng
        lone = len(name) == 1 and name[0].lower() not in ents.by_surname
        kin = (
            _KIN_BEFORE.search(ents.text, max(0, start - 30), start)
            if lone
            and (
                ents.text[start - 1 : start] in (" ", "\t")  # (what the pattern ends with)
            )
            else None
        )
        if (
            lone
            and honorific
            and prefix[-1].lower() in BEFORE_GIVEN_NAME
            and len(ents.by_first.get(name[0].lower(), ())) == 1
        ):
            # "Alhaji Musa" after "Alhaji Musa Bello": the title goes with the given name,
            # so this is the person named in full, not a new one called "Musa".
            honorific = False
        if lone and (honorific or kin is not None):
            # "Ms. Alvarez, 34, runs a bakery", "Her father, Colm, 44, feared": a person,
            # whose gender the title or the kinship word gives.
            person = ents.people.setdefault(name[0], Person(name[0], start))
            ents.by_surname.setdefault(name[0].lower(), [name[0]])
            person.evidence = True
            if kin is not None:
                gender = KIN_GENDER.get(kin.group(1).lower())
                if gender == "m":
                    person.male += 3
                elif gender == "f":
                    person.female += 3
            lone = False
        # A lone word that no full name ends with is a person only if it speaks, or
        # if it leads sentences again and again ("Trump sought …", "Trump said …").
        if lone and (
            possessive
            or not (
                _speech_subject(ents, end)
                or (lone_counts.get(name[0], 0) >= 2 and _leads_clause(ents, start))
                # "Marko was more subdued.": the first name of one person named in full
                or (len(ents.by_first.get(name[0].lower(), ())) == 1 and _leads_clause(ents, start))
            )
        ):
            continue
        before = _word_before(ents, start)
        if (
            before is not None
            and before.lower().removeprefix("then-").removeprefix("former-") in TITLES
        ):
            # "aide to then-Governor Ada K. Lind": the title's own context.
            before = _word_before(ents, start - len(before) - 1)
        if before is not None and before.lower() == "of" and prefix:
            # "Secretary of State Ada Lind said": "of" belongs to the title.
            head = ents.text.rfind(" of", 0, start)
            title_word = _word_before(ents, head + 1) if head > 0 else None
            if title_word is not None and title_word[:1].isupper():
                before = _word_before(ents, head + 1 - len(title_word) - 1)
        title = " ".join(prefix) if prefix else None
        if before is not None and before.lower() in ("named", "called"):
            # "a worker named Pavel Janik has …": the name of a described subject,
            # not the object of "Trump named …".
            head_noun = _word_before(ents, start - len(before) - 1)
            if (
                head_noun is not None
                and head_noun[:1].islower()
                and head_noun.isalpha()
                and (head_noun not in NOT_HEAD_NOUNS)
            ):  # ("they named Smith", "who called Smith": an object after all)
                before = head_noun
        subject = (
            not possessive
            and (
                before is None
                or before.lower() not in OBJECT_BEFORE
                # "As for Hale, he said …": the topic the sentence turns to, not an object
                or _AS_FOR.search(ents.text, max(0, start - 10), start) is not None
            )
            # "at last week's San Jose rally": a modifier inside someone's noun phrase.
            and not (
                before
                and before.endswith(("’s", "'s"))
                and before[:-2].lower() not in CONTRACTED_IS  # "there's Tom Axel"
            )
            and not (prefix and prefix[0].lower() in ("the", "a"))
            and (_AFTER_OBJECT.match(ents.text, end) is None)
            and not _modifies_role(ents.text, end)
            and not in_relative_clause(ents.text, start)  # "X, who tours with Lantern Hill,"
        )
        speech = (
            subject and _speech_subject(ents, end) or (not possessive and _who_speaks(ents, end))
        )
        if len(name) == 1 and len(ents.by_surname.get(name[0].lower(), ())) >= 2:
            full = ents.namesake(name[0].lower(), start, prefix)  # None: cannot tell
            if full is None:
                continue
        else:
            full = ents.full_name(name, start)
        if (
            full is None
            and (speech or lone and subject)
            and name[0].lower() not in ents.common
            and name[0].lower() not in GROUP_NOUNS
            and name[0].lower() not in ORG_NOUNS
            and not _not_a_person(name[0])
            and ents.org_named(name[0], start) is None
        ):
            # A lone name speaking ("Humphrey, for example, said"): a person too.
            full = name[0]
            ents.people[full] = Person(full, start)
            ents.by_surname.setdefault(full.lower(), [full])
        found_person = ents.people.get(full) if full else None
        if found_person is None or full is None:
            continue
        person = found_person
        if speech:
            person.evidence = True
        if title:
            ents.gender_from_words(person, title.lower().split())
            if prefix[-1].lower() in HONORIFICS or prefix[-1].lower() in TITLES:
                person.evidence = True  # "Mr. Obama", "President Obama": a person
        ents.mentions.append(Mention(start, full, subject, speech))
    ents.mentions.sort(key=lambda m: m.pos)
    ents.mention_pos = [m.pos for m in ents.mentions]
    _description_subjects(ents, quoted)
    _pronoun_evidence(ents)


def _description_subjects(ents: Entities, quoted: list[tuple[int, int]]) -> None:
    """ "The Ukrainian leader dismissed the remarks. “…,” he said": a sentence led by a
    description of a person the article has named is a mention of them, so that the
    next "he" can find them."""
    found: list[Mention] = []
    for match in _DESCRIPTION_SUBJECT.finditer(ents.text):
        start = match.start()
        if not _leads_clause(ents, start) or _inside(quoted, start):
            continue
        words = match.group(1).split()
        speaker = ents.by_description(words[-1].lower(), _modifiers(words[:-1]), start)
        if speaker is not None and speaker.name in ents.people:
            found.append(Mention(start, speaker.name, True, _speech_subject(ents, match.end())))
    if found:
        ents.mentions = sorted(ents.mentions + found, key=lambda m: m.pos)
        ents.mention_pos = [m.pos for m in ents.mentions]


def _analyse(ents: Entities, group: str) -> tuple[list[str], list[str], bool, bool] | None:
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
    while len(words) >= 2 and _headline_verb_word(ents, words[-1]):
        words.pop()  # "Hillary Clinton Accused …", "Brandt Said": a headline's verb
    name, prefix = split_name(words, ents.common)
    is_org = _is_org_sequence(words)
    return name, prefix, possessive, is_org


def _headline_verb_word(ents: Entities, word: str) -> bool:
    """Is a capitalised word ending a name run a headline's verb ("Said", "Accused"), not
    a surname? A speech verb, or an -ed/-s word the article also writes in lower case."""
    low = word.lower()
    if low in SPEECH_VERBS or low in HEADLINE_VERBS:
        return True
    return low.endswith(("ed", "es")) and low in ents.common and not is_given_name(word)


def _leads_clause(ents: Entities, start: int) -> bool:
    """Does the word at `start` open a sentence or a clause after a comma?"""
    j = start
    while j > 0 and ents.text[j - 1] in " \t":
        j -= 1
    return j == 0 or ents.text[j - 1] in "\n.!?,;:"


def _speech_subject(ents: Entities, end: int) -> bool:
    """Is the name ending at `end` the subject of a speech verb ("Williams, who is
    running, added")? Such people are salient: later pronouns often point to them."""
    text = ents.text
    if end < len(text) and text[end] == " ":
        # Most names are followed by a plain word: look at it before the full pattern.
        word = _NEXT_WORD.match(text, end + 1)
        if (
            word is None
            or word.group() in _BASE_SPEECH_VERBS
            or (
                word.group() not in _FINITE_SPEECH_VERBS
                and word.group() not in BETWEEN_WORDS
                and not word.group().endswith("ly")
            )
        ):
            return False
    return _THEN_SPEECH_VERB.match(text, end) is not None


def _who_speaks(ents: Entities, end: int) -> bool:
    """ "… by Sen. Dianne Feinstein, the ranking Democrat, who said …": the name ending
    at `end` speaks in a relative clause, even as the object of a preposition."""
    comma = ents.text.find(", who ", end, end + 120)
    return comma >= 0 and _WHO_SPEECH_VERB.match(ents.text, end) is not None


def _modifies_role(text: str, end: int) -> bool:
    """ "Vance spokesman Mark Brook": a name right before a lower-case role word is that
    role's modifier, not the sentence's subject."""
    m = _NEXT_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return m is not None and m.group() in ROLE_WORDS and len(m.group()) > 3  # (not "of")


def _word_before(ents: Entities, pos: int) -> str | None:
    """The word before `pos` (past blanks, without ",;:"); None at a line or sentence
    start. Read from a short slice with str methods rather than a loop over characters;
    the slice grows only when the blanks or the word reach its start."""
    text = ents.text
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


def _register(
    ents: Entities, name: list[str], pos: int, title: str | None, before: str | None
) -> None:
    full = " ".join(name)
    person = ents.people.get(full)
    if person is None:
        person = ents.people[full] = Person(full, pos)
        ents.by_surname.setdefault(name[-1].lower(), []).append(full)
        if len(name) >= 2 and (
            is_given_name(name[0])
            or leans_given_name(name[0])
            # "Her husband, Razak Yusof": kin are called by first name later, whatever it is
            or (before or "").lower() in KIN_GENDER
            or _unlisted_first_name(name, ents.common, ents.text, pos, before, title)
        ):
            # "Dale said" after "Dale Fenwick": a given name that only leans one way too
            # (not "Xi" of "Xi Jinping", where "Xi said" is the family name).
            ents.by_first.setdefault(name[0].lower(), []).append(full)
    first = name[0]
    if not gender(first) and not is_shared_given_name(first) and len(name) >= 3:
        # "Sheriff Joe Arpaio": an unknown title first ("Mary Kay Henry" is Mary's, not
        # Kay's: a given name of either gender still comes first).
        first = name[1]
    given = gender(first)
    if given == "m":
        person.male += 2
        person.evidence = True
    elif given == "f":
        person.female += 2
        person.evidence = True
    elif is_shared_given_name(first):
        person.evidence = True
    if title:
        person.evidence = True  # ("When Robby Mook …" too: a clause's subject)
        title = _clean_role(title)
        if title and person.role is None and title.lower() not in HONORIFICS:
            person.role = title
    if before and (before.lower() in ROLE_WORDS or before.lower() in TITLES):
        person.evidence = True
        if before.lower() in KIN_GENDER:
            # "confirmed by his daughter, Funmi Okonjo-Davies,": the kin word is hers
            ents.gender_from_words(person, [before.lower()])
        if (person.role is None or person.weak_role) and before.lower() not in ("of", "for", "at"):
            person.role, person.weak_role = _role_before(ents, pos) or before, True
