"""Name patterns: what a capitalised run, a person's name or an organisation's looks like.

Regular expressions and word-shape tests shared by the modules that build the article's
people (`roster`) and resolve speakers (`people`, `resolve`); no article state here.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator

from bot.attribution.given_names import (
    is_given_name,
    is_shared_given_name,
    name_titles,
    unlisted_name,
)
from bot.attribution.lexicons import (
    COMPANY_SUFFIXES,
    COUNTRIES,
    DETERMINERS,
    HEADLINE_SAYS,
    HONORIFICS,
    KIN_GENDER,
    NOT_NAMES,
    ORG_WORDS,
    PERSON_HEADS,
    POST_NOMINALS,
    SPEECH_VERBS,
    TITLES,
)

# Capital letters a name may start with: "Émilie", "Łukasz", "Ольга", "Νίκος" too.
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁΑ-Ω"


_PARTICLES = (
    r"(?:de|da|del|dela|delos|der|van|von|bin|binti|al|la|le|di|du|ibn|el|dos|das|los|las|den)"
)


_TITLE_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Jr Sr St Sen Rep Del Gov Gen Lt Col Capt Sgt Rev Prof Adm Maj Atty Adv Engr "
    "Mdm".split()
)


# A dot belongs to a name word only as an initial or a title ("Netanyahu. Adelson" is two
# sentences, "Sen. Bernie Sanders" one name).
_CAP = rf"(?:(?:[A-Z]\.){{1,3}}|(?:{'|'.join(_TITLE_ABBREVIATIONS)})\.|[{_UPPER}][\w’'\-]*)"


# Sentence-initial function words are refused by the pattern itself (cheaply, in C) rather
# than one by one in Python.
_SKIP_WORDS = (
    "The A An In On At But And It He She They We I This That These Those His Her Their Its If "
    "As For With When While After Before Since So Yet Or Of To By From There What Who How Why "
    "Some Many Most Both One Two Now Then Still Even Also Last Next However Meanwhile "
    "Although Though Because During Despite Under Over Among Here Not No Yes Our My Your "
    "Every Each All Any More Other Such Only Just"
).split()


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
    rf"(?:[ \t]+(?:{_PARTICLES}[ \t]+){{0,2}}{_CAP})*"  # "Rodrigo de la Cruz"
)


_INITIAL = re.compile(r"^[A-Z]\.$")


_APPOSITIVE = re.compile(
    r",[ \t]+((?:an?|the)[ \t]+[^,.;:()“”\"\n]{3,120}|[a-z][^,.;:()“”\"\n]{2,120})(?=[,.;]|$)"
)


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def _not_a_person(word: str) -> bool:
    """A lone capitalised word that names a place or a people ("Iowa", "Syrians",
    "Iowans"), never one person, however it speaks."""
    low = word.lower()
    return low in COUNTRIES or low.endswith(("ians", "ans", "ese", "ites")) and len(low) > 5


# "Her father, Colm, 44," and "Her brother Tomas, 19,": a first name after a relative.
_KIN_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Ww]hose)[ \t]+(" + "|".join(KIN_GENDER) + r"),?[ \t]+$"
)


# "Secretary of " before "State Marco Rubio": the title the capitalised run began in.
_TITLE_OF = re.compile(r"\b([A-Z][a-z]+)[ \t]+of[ \t]+$")


# "The Ukrainian leader", "The former governor" leading a sentence (not "The leader’s").
# Starts with the literal "The" (the word-start check follows as a lookbehind) so that the
# engine jumps between occurrences of it in C.
_DESCRIPTION_SUBJECT = re.compile(
    r"The(?<!\wThe)((?:[ \t]+[\w’'-]+){0,2}?[ \t]+(?:"
    + "|".join(sorted(PERSON_HEADS, key=len, reverse=True))
    + r"))\b(?![’'-])"
)


_PARTY_CODE = re.compile(r"^[DRI]\s?-\s?[A-Z]")


_NEXT_WORD = re.compile(r"\w+")


# A name followed by one of these is an object ("stop Trump from …"), not a subject.
# ("of" before a capital is a place or a body: "Rep. Owen Tarkel of New Mexico, …, said",
# "Padraig Sullivan of the Republican Left, said".)
_AFTER_OBJECT = re.compile(
    r"[ \t]+(?:from|to|of(?![ \t]+(?:the[ \t]+)?[A-Z])|into|onto|as|than|for)\b"
)


_FINITE_SPEECH_VERBS = frozenset(v for v in SPEECH_VERBS if not v.endswith("ing"))


# Base forms ("talk", "say", "post"): after a name they are a noun of a compound ("Radio
# talk host", "a Facebook post"), not its verb; a person "talks", "says", "posted".
_BASE_SPEECH_VERBS = frozenset(
    v
    for v in _FINITE_SPEECH_VERBS
    if v + "s" in SPEECH_VERBS or v + "es" in SPEECH_VERBS or v[:-1] + "ies" in SPEECH_VERBS
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
    r"[ \t]+(?:" + _FINITE_VERBS_ALTERNATION + r")\b"
)


# "him" and "her" are left out: "Badenoch accused him of …" points at someone else.
# The first letter is consumed by a class with no IGNORECASE (which would hide it from the
# engine's skip-ahead): exactly the letters (?i)[hs] matches, long s included. Same matches
# as (?i)(?=[hs])\b(?:he|his|himself|she|herself)\b, twice as fast.
_OWN_PRONOUN = re.compile(r"[hHsS\u017f](?<!\w.)(?i:(?<=h)(?:e|is|imself|erself)|(?<=s)he)\b")


# "X, who is his aunt,": the possessive is another person's.
_WHO_IS = re.compile(r"\bwho[ \t]+(?:is|was)[ \t]+$")
_WHO_IS_KIN = re.compile(r"(?:his|her)[ \t]+(\w+)\b")
# "of Nursing", "of Trade" after "the Royal College", "the Board": the rest of the name.
_OF_NAME = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)*")


_CLAUSE_STOP = re.compile(r"[.!?\n“”\"]")


_OTHER_NAME = re.compile(r"\b[A-Z][a-z]+")


_LEADING_NAME = re.compile(r"^(?:[A-Z][\w’'.-]*[ \t]*)+")


_NEXT_PRONOUN = re.compile(r"[^.!?\n]*[.!?][”\"’]?\s+(He|She|His|Her)\b")
# A speech verb with "it" as its clause's subject right after the speaker: "Qantas said it
# would cut jobs", "Amazon said on Monday that it …". Only an organisation takes "it".
_SAYS_IT = re.compile(
    r"(?:[ \t]+(?:also|later|then|on|last|this|\w+day|week|night))*[ \t]+(?:"
    + _FINITE_VERBS_ALTERNATION
    + r")(?:[ \t]+(?:on|last|this|\w+day|week|night))*[ \t]+it[ \t]+"
    r"(?:would|will|was|is|had|has|could|did|does|can|may|might|expected|plans|planned)\b"
)
# An age after a name: "Dev Raman, 34, moved …" is a person.
_AGE_AFTER = re.compile(r",[ \t]*\d{1,3}[ \t]*,")


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


# Danilo "Danny" Cruz: a nickname of one word in quotation marks between two name words.
_NICKNAME = re.compile(
    rf"(?<=[a-z] )[\"“][{_UPPER}][\w.’'-]*[\"”][ \t]+(?=(?:{_PARTICLES}[ \t]+)?[{_UPPER}][a-z])"
)


def without_nicknames(
    text: str, quoted: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """The text with each quoted nickname inside a name blanked out (same offsets), and the
    quoted spans without them: the name around it is then read as one."""
    if '"' not in text and "“" not in text:
        return text, quoted
    nicknames = [
        m.span()
        for m in _NICKNAME.finditer(text)
        if text[text.rfind(" ", 0, m.start() - 1) + 1 : m.start()][:1].isupper()
    ]
    if not nicknames:
        return text, quoted
    for lo, hi in nicknames:
        text = text[:lo] + " " * (hi - lo) + text[hi:]
    return text, [q for q in quoted if not any(lo <= q[0] < hi for lo, hi in nicknames)]


def _is_org_sequence(words: list[str]) -> bool:
    """Does a capitalised sequence name an organisation ("the FDA", "Veltra Pharmaceuticals")?"""
    low = [w.lower() for w in words]
    if len(words) == 1:
        return bool(_ACRONYM.match(words[0])) and low[0] not in ("i", "ok", "tv", "us")
    return low[-1] in COMPANY_SUFFIXES or any(
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
    while words and (
        words[0].lower() in DETERMINERS
        or words[0].lower() in HONORIFICS
        or words[0] in _LEADING_FUNCTION_WORDS
    ):  # "For Maria Alvarez"
        words = words[1:]
    return " ".join(words) or None


def _name_word(word: str) -> bool:
    low = word.lower()
    if not word[:1].isupper():
        return low in (
            "de",
            "da",
            "del",
            "dela",
            "der",
            "van",
            "von",
            "bin",
            "al",
            "la",
            "le",
            "di",
            "los",
            "den",
        )
    return (
        low not in NOT_NAMES
        and low not in TITLES
        and low.rstrip(".") not in TITLES
        and low not in COUNTRIES
        and low not in HEADLINE_SAYS  # "Brandt Said …"
        and not low.endswith(("’s", "'s"))
        # nameparser's titles ("Archdeacon", "Alderman", "Activist"), unless the word is
        # also a given name ("Bishop" may be a surname, "Will" is a name)
        and not (low.rstrip(".") in name_titles() and not is_given_name(word))
    )


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "’'-"


def _unlisted_first_name(
    name: list[str], common: LowerWords, text: str, pos: int, before: str | None, title: str | None
) -> bool:
    """ "Abena says" after "Abena Owusu-Ansah": a first word the given-name resource lacks
    still indexes a person's full name; not "the Trump Train" or "Pew Research" (after
    "the", a word met alone before the name, or a common word last)."""
    return (
        unlisted_name(name[0])
        and not _is_org_sequence(name)
        and name[0].lower() not in TITLES
        and name[0].lower() not in HONORIFICS
        and name[-1].lower() not in common
        and text.find(name[0]) >= pos
        and (before or "").lower() not in DETERMINERS
        and not (title and title.split()[0].lower() in DETERMINERS)
    )


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


def _given(word: str) -> bool:
    """A given name (gender-guesser knows it) that is not also one of our function or
    speech words ("Said" in "Brandt Said …" is the verb)."""
    low = word.lower()
    return (
        low not in NOT_NAMES
        and low not in SPEECH_VERBS
        and (is_given_name(word) or is_shared_given_name(word))
    )


_SRI_PAIRS = frozenset(("Tan", "Puan", "Datuk", "Dato'", "Dato"))


def split_name(
    words: list[str], common: LowerWords | frozenset[str] = frozenset()
) -> tuple[list[str], list[str]]:
    """(the name words, the words before them): "Russian President Vladimir Putin" ->
    (["Vladimir", "Putin"], ["Russian", "President"]). "Ben Cardin of Maryland" gives Ben
    Cardin: a name after "of" is a place or an employer. `common` holds words the article
    also writes in lower case ("Both", "Hours"): capitalised only by a sentence start."""
    for k in range(len(words) - 2, 0, -1) if "Sri" in words else ():
        if words[k] == "Sri" and words[k - 1] in _SRI_PAIRS:
            # "Tan Sri Lee Chong Meng": a Malaysian title of two words, the first of
            # which is also a surname ("Mr Tan"), so neither word list can hold it.
            name, prefix = split_name(words[k + 1 :], common)
            return name, words[: k + 1] + prefix
    cut = len(words)
    for k in range(1, len(words)):
        if (
            words[k].lower() in ("of", "from", "at", "in")
            and words[k - 1][:1].isupper()
            and (
                _name_word(words[k - 1])
                or k >= 2
                and (  # "Walter J. King of Ohio"
                    _given(words[k - 2]) or _INITIAL.match(words[k - 2])
                )
            )
        ):
            cut = k  # the first "of" after a name word: "Archbishop Aris Shirvanian of …"
            break
    words_in = words[:cut]
    if (
        len(words_in) >= 3
        and words_in[-1] in POST_NOMINALS
        and words_in[-2][:1].isupper()
        and (_given(words_in[-3]) or _INITIAL.match(words_in[-3]))
    ):
        # "Deirdre Cassidy TD", "Ann Rowe MP": an office, no part of the name ("the Labor
        # MP" has no name before it and stays a description).
        words_in = words_in[:-1]
    end = len(words_in)
    if not end or not words_in[-1][:1].isupper():
        return [], words  # "Russian officials", "the Kremlin spokesman": not a name
    start = end
    while start > 0 and _name_word(words_in[start - 1]):
        start -= 1
    if (
        start == end
        and end >= 2
        and words_in[-2][:1].isupper()
        and (_given(words_in[-2]) or _INITIAL.match(words_in[-2]))
        and words_in[-1].lower() not in COUNTRIES
    ):
        start = end - 1  # "Theresa May", "Peter T. King": a surname that is also a word
        while start > 0 and _name_word(words_in[start - 1]):
            start -= 1
    name = words_in[start:end]
    while name and (
        not name[0][:1].isupper()
        or (
            len(name) > 1
            and name[0].lower() in common
            # A given name is never a role: "Former Mayor Will Brandt" in an article that
            # also says "will" keeps Will, unless it opens the phrase ("Will Brandt …"
            # at a sentence start is still read as the name it looks like).
            and not (end - len(name) > 0 and _given(name[0]))
        )
    ):
        name = name[1:]
    if sum(w[:1].isupper() for w in name) > 4:
        # a run of capitals this long is a headline, not one name (lower-case particles
        # do not count: "Hamdan bin Rashid Al Qassimi" is one man; but an initial before
        # the last two stays: "District Collector P. Lakshmi Prasanna")
        name = name[-3:] if _INITIAL.match(name[-3]) else name[-2:]
    if (
        len(name) >= 3
        and not _given(name[0])
        and _given(name[1])
        and name[1][:1].isupper()  # ("Hamdan bin Rashid": "bin" is no given name)
        and name[1].lower() not in ("al", "el", "abu")
        and not _INITIAL.match(name[0])  # "MLA Y. Rama Rao": an initial is the name's
    ):
        # "Kanzlerin Angela Merkel": a title the lexicon does not know (but "Hessa Al
        # Mansoori": "Al" opens the family name)
        name = name[1:]
    if len(name) >= 3 and all(w.isupper() for w in name):
        return [], words  # "HILLARY CLINTON IS FEELING": a heading in capitals
    if not name or all(len(w.rstrip(".")) <= 1 for w in name):
        return [], words
    prefix = words_in[: end - len(name)]
    return name, prefix


# Nationalities as nouns that no suffix below gives: "the Finn", "the Swede".
_NATIONALITY_NOUNS = frozenset(
    "finn swede dane pole turk briton brit scot spaniard greek thai czech swiss kiwi croat "
    "serb argentine afghan german iraqi israeli saudi pakistani somali bangladeshi".split()
)


def is_nationality_noun(word: str) -> bool:
    """ "Italian", "Finn", "Dutchman", "Iraqi" (not "Benghazi": a place): a capitalised
    word for someone of a nation, which copy uses for a person it has named."""
    low = word.lower()
    return word[:1].isupper() and (
        low in _NATIONALITY_NOUNS or low.endswith(("ian", "ean", "ese", "ican", "man", "woman"))
    )
