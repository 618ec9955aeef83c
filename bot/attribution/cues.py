"""Finding a quotation's attribution in the words around it.

Two places hold it in news prose: right after the closing mark (“…,” Trump wrote / “…,”
said Ada Moreno, a pollster) or earlier in the quote's own sentence (Peskov told reporters
that Putin “…”; According to X, “…”; He added: “…”). This module finds the cue and the raw
speaker noun phrase; `speakers` decides who that phrase is.
"""

from __future__ import annotations

from typing import NamedTuple

from bot.attribution.lexicons import (
    AUXILIARIES,
    DETERMINERS,
    GROUP_NOUNS,
    MONTHS,
    NOT_NAMES,
    ORG_NOUNS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    PRONOUNS_PLURAL,
    ROLE_WORDS,
    SPEECH_VERBS,
    WEAK_VERBS,
    WEEKDAYS,
)
from bot.attribution.text import Token, sentence_end, sentence_start, tokens

# How far from a quotation its attribution may be; keeps hostile input linear.
WINDOW = 300
# After a quotation the attribution comes first: "…,” said X, a long appositive."
AFTER_WINDOW = 250
_QUOTE_CHARS = set("”“\"'’‘«»`")
PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "who", "you"})
# Words that open a clause and so can never start a speaker's noun phrase.
_NOT_SUBJECT_START = frozenset(
    "and but or because as while when that which if so nor to for with by from in on at "
    "of about after before since than then though although unless until where whether "
    "not no is was are were be been has have had do does did will would can could should "
    "may might must also even just only still yet".split()
)
_TIME_WORDS = frozenset(set(WEEKDAYS) | {"today", "yesterday", "tonight", "later", "earlier"})
_STOP_PREPS = frozenset(
    "on in at aboard during via through from to over before after that when while".split()
)
_TELL = frozenset({"told", "tell", "tells", "telling", "asked", "asks", "asking", "assured",
                   "assures", "reminded", "warned", "urged", "informed", "advised"})
_HEADLINE_VERBS = frozenset(
    "says tells warns claims praises slams blasts calls writes tweets asks urges vows "
    "insists admits accuses denies".split()
)
_DISCOURSE = frozenset(
    "meanwhile however though too also moreover instead nonetheless nevertheless "
    "therefore then later earlier again indeed".split()
)
_SPEECH_NOUNS = frozenset(
    "conclusion conclusions call remark remarks comment comments words statement "
    "statements claim claims description assertion warning warnings promise pledge vow "
    "slogan message rhetoric argument speech tweet tweets letter report testimony "
    "characterization criticism accusation response reply answer interview op-ed essay "
    "column editorial memo announcement declaration plea refrain mantra quip joke "
    "insistence admission complaint prediction".split()
)
_MODALS = frozenset("will would could can might may should must shall".split())
_TIME_TAIL = frozenset(
    "later earlier ago week weeks month months year years night morning afternoon evening "
    "day days weekend monday tuesday wednesday thursday friday saturday sunday".split()
)
# Words opening a described speaker after a quotation: “…,” one Labour backbencher said.
_INDEFINITE_SPEAKERS = frozenset("a an one another the".split())
# Adverbs that open a clause without a comma after them: "Then Trump went …".
_LONE_ADVERBS = frozenset("then now still also instead again finally eventually soon".split())
_OPENERS = frozenset(
    "though however meanwhile like unlike despite amid among under over during since "
    "instead still later earlier now then asked pressed speaking ever once here there".split()
)
# "issued a statement saying": the statement's author is the clause's subject.
_UTTERANCES = frozenset(
    "statement release letter tweet tweets post memo message video ad email e-mail "
    "interview speech remarks note".split()
)
# Verbs that put their subject after them: "…, said Solovey, “…”".
_INVERTING = frozenset(
    "said says added asked wrote writes continued replied explained noted recalled "
    "declared insisted argued warned".split()
)
_PARTICIPLE_OPENERS = frozenset({",", "by", "after", "while", "before", "when", "and", "—", "–"})


class RawAttribution(NamedTuple):
    """A cue and the noun phrase naming its speaker, as offsets into the article text. A
    NamedTuple rather than a frozen dataclass: immutable too, and far cheaper to build."""

    cue: str
    cue_start: int
    cue_end: int
    np_start: int  # np_start == np_end: the speaker is the clause's subject elsewhere
    np_end: int
    role: str | None  # an appositive: "a Democratic pollster"
    medium: str | None
    when_lo: int  # where to look for the statement's time phrase
    when_hi: int
    after: bool  # found after the quotation (vs before it)


_CUE_WORDS = SPEECH_VERBS | WEAK_VERBS


def _headline_verb(tok: Token) -> bool:
    """ "Trump Says …", "Obama Warns …": a headline's capitalised present-tense cue."""
    return tok.capitalized and tok.lower in _HEADLINE_VERBS


def _np_token(tok: Token) -> bool:
    low = tok.lower
    if low[:1].isdigit() and low.endswith("-old"):
        return True  # "81-year-old Edgar Carvell"
    if tok.capitalized:  # "May" is a surname ("Theresa May said") more than a modal here
        return low not in _NOT_SUBJECT_START or low in DETERMINERS or low == "may"
    return low in ROLE_WORDS or low in GROUP_NOUNS or low in DETERMINERS or low in ORG_NOUNS or (
        low.endswith(("’s", "'s")) and tok.capitalized
    )


def _name_like(tok: Token) -> bool:
    return tok.capitalized and tok.lower not in NOT_NAMES


def np_left(toks: list[Token], i: int, lo: int = 0) -> tuple[int, int, str | None] | None:
    """The subject noun phrase ending before toks[i] (a verb): (first, last+1, role)."""
    j = i - 1
    while j >= lo:
        low = toks[j].lower
        if (low in AUXILIARIES or low.endswith("ly")) and not toks[j].capitalized:
            j -= 1  # "Trump has also said"
        elif low in _TIME_WORDS and j - 2 >= lo and toks[j - 1].lower in ("a", "the") and \
                toks[j - 2].lower in ("during", "on", "at", "by"):
            j -= 3  # "Lindqvist during a Friday thanked"
        elif low in _TIME_WORDS:
            j -= 1  # "Trump Tuesday said"
        elif low in ("on", "last", "this") and j + 1 < i and toks[j + 1].lower in _TIME_WORDS:
            j -= 1  # "Trump on Tuesday said"
        elif low in ("week", "month", "night", "morning") and j > lo and toks[
            j - 1
        ].lower in ("last", "this"):
            j -= 1
        elif low == "and" and j - 1 > lo and toks[j - 1].text[:1].islower() and toks[
            j - 1
        ].lower.endswith(("ed", "s")) and (toks[j - 2].capitalized or toks[j - 2].text == ","):
            j -= 2  # "Ms. Quint nodded and said", "Tom Berg, her rival, disagreed and told"
        else:
            break
    if j < lo:
        return None
    role: str | None = None
    name_chunk: tuple[int, int] | None = None  # "Ruiz" in "The lead author, Mateo Ruiz, said"
    for _ in range(4):  # an appositive, a parenthesis, both: "Rep. Lofgren (D-Calif.), who …,"
        if toks[j].text == "," and j - 1 >= lo and toks[j - 1].text == ")" and role is None:
            j -= 1  # "Gov. Jon Kasner (R-Ohio), said": the comma only closes the parenthesis
        if toks[j].text not in (",", "—", "–", ")"):
            # "Nora Vale, head of the Harbor Fund, a lobbying group,
            # said": after one appositive, the words back to a comma may be another.
            k2 = j - 1
            while k2 > lo and j - k2 < 25 and toks[k2].text not in (",", ";", ":", "—"):
                k2 -= 1
            if role is not None and k2 > lo and toks[k2].text == "," and (
                toks[k2 + 1].text[:1].islower() or toks[k2 + 1].lower in DETERMINERS
            ) and toks[k2 - 1].capitalized and toks[k2 - 1].lower not in NOT_NAMES:
                if name_chunk is not None and toks[k2 + 1].lower in DETERMINERS:
                    # "In a letter to MPs, the Conservative leader, Kemi Badenoch, wrote":
                    # the commas hold the name; the description before it is the role.
                    a, b = name_chunk
                    return a, b, " ".join(t.text for t in toks[k2 + 1 : j + 1])
                role = " ".join(t.text for t in toks[k2 + 1 : j + 1])  # the nearer one
                j = k2 - 1
                continue
            break
        # "Lawrence Freedman, emeritus professor …, wrote": the appositive is the role;
        # "Otto Brisk, who was named …, told": a relative clause, skipped.
        closer = toks[j].text
        opener = "(" if closer == ")" else closer
        k = j - 1
        while k >= lo and toks[k].text != opener and j - k < 30:
            if closer == "," and toks[k].text in ("—", "–", ";", ":"):
                break
            k -= 1
        if k < lo or toks[k].text != opener:
            return None
        role_toks = toks[k + 1 : j]
        if not role_toks:
            return None
        if role_toks[0].lower in ("who", "which", "whose", "whom") or closer == ")" or \
                role_toks[0].lower.isdigit() or role_toks[0].lower.endswith("ing"):
            pass
        elif role_toks[0].lower in ("that", "and", "but", "because", "if"):
            return None
        elif role is None:
            role = " ".join(t.text for t in role_toks)
            if name_chunk is None and 2 <= len(role_toks) <= 4 and all(
                t.capitalized and t.lower not in NOT_NAMES for t in role_toks
            ):
                name_chunk = (k + 1, j)
        j = k - 1
        j = _skip_age_and_place(toks, j, lo)
        # "Sanders, meanwhile, who …, said": step over a discourse adverb in commas.
        while j - 1 >= lo and toks[j].lower in _DISCOURSE and toks[j - 1].text == ",":
            j -= 2
        if j < lo:
            return None
    if toks[j].lower in PRONOUNS and toks[j].lower in _SUBJECT_PRONOUNS:
        return j, j + 1, role
    if toks[j].lower == "who" and j - 1 >= lo and toks[j - 1].text == ",":
        # "Smith, a lawyer, who said …" (past the appositive) or "Smith, who said …": Smith
        found = np_left(toks, j, lo) or np_left(toks, j - 1, lo)
        return (found[0], found[1], role) if found else None
    end = j + 1
    while j >= lo and _np_token(toks[j]):
        if toks[j].lower == "may" and j > lo and toks[j - 1].lower in _BEFORE_MONTH:
            break  # "In May Trump said": the month, not Theresa May
        if toks[j].lower in ("of", "for", "at") and not (
            j + 1 < end and (toks[j + 1].capitalized or toks[j + 1].lower == "the")
        ):
            break
        if toks[j].lower in DETERMINERS:
            if toks[j].lower == "the" and j - 2 >= lo and toks[j - 1].lower in (
                "of", "at", "for"
            ) and toks[j - 2].capitalized:
                j -= 1  # "Irma Soto of the Harbor Policy Center"
                continue
            j -= 1
            break
        j -= 1
    first = j + 1
    while first < end and toks[first].lower in ("of", "for", "at"):
        first += 1
    if first >= end and name_chunk is None:
        return None
    span = toks[first:end] if first < end else []
    if name_chunk is not None and (not span or not span[-1].capitalized):
        # A description, then the name in apposition: the name speaks.
        a, b = name_chunk
        return a, b, " ".join(t.text for t in span) or None
    if not span or not any(_head_like(t) for t in span):
        return None
    if span[-1].lower in ("of", "for", "at") or span[-1].lower in DETERMINERS:
        return None
    k = first - 1
    while k > lo and first - k < 12 and toks[k].text != "," and toks[k].text[:1].isalnum() \
            and toks[k].lower not in _NOT_DESCRIPTION:
        k -= 1
    if k - 2 >= lo and toks[k].text == "," and (
        toks[k + 1].lower in DETERMINERS or not toks[k + 1].capitalized
    ) and role is None:
        # "Sam Lark, the press director for the league said": an appositive whose
        # closing comma is missing; the name before it speaks.
        a = k
        while a - 1 >= lo and toks[a - 1].capitalized and toks[a - 1].lower not in NOT_NAMES \
                and k - a < 4:
            a -= 1
        if k - a >= 2 and (a == lo or toks[a - 1].text in (",", "(", ";") or
                           toks[a - 1].lower in ("and", "but", "while")):
            return a, k, " ".join(t.text for t in toks[k + 1 : end])
    # "river engineers Hana Ott and Piet Lorne-Vass wrote": a pair of
    # names; the phrase stays whole and `speakers` takes the first.
    if first - 2 >= lo and toks[first - 1].lower == "and" and toks[first - 2].capitalized \
            and span[0].capitalized and toks[first - 2].lower not in NOT_NAMES:
        k = first - 2
        while k - 1 >= lo and toks[k - 1].capitalized and toks[k - 1].lower not in NOT_NAMES:
            k -= 1
        first = k
    return first, end, role


_BEFORE_MONTH = frozenset("in since until by early late mid of last this next through".split())


# Words that end a description before a speech verb: a clause, not an appositive.
_NOT_DESCRIPTION = frozenset(
    "who which that whose whom said says told added is was are were has had have will would "
    "but because when while if as".split()
)


def _skip_age_and_place(toks: list[Token], j: int, lo: int) -> int:
    """Step back over ", 59, of Ashton, Md." between a name and its verb."""
    for _ in range(4):
        if j - 1 >= lo and toks[j].text.isdigit() and toks[j - 1].text == ",":
            j -= 2  # ", 59"
        elif j - 4 >= lo and toks[j - 1].text == "," and toks[j - 2].capitalized and toks[
            j - 3
        ].lower in ("of", "from", "in") and toks[j - 4].text == ",":
            j -= 5  # ", of Ashton, Md."
        elif j - 2 >= lo and toks[j].capitalized and toks[j - 1].lower in ("of", "from") and \
                toks[j - 2].text == ",":
            j -= 3  # ", of Baldwin"
        elif j - 3 >= lo and toks[j].capitalized and toks[j - 1].text == "," and toks[
            j - 2
        ].capitalized and toks[j - 3].text == "," and toks[j].lower.endswith("."):
            j -= 3  # ", Baldwin, Miss."
        else:
            break
    return j


def _head_like(tok: Token) -> bool:
    """Can this word head a speaker phrase: a name, an organisation, a group, a role?"""
    low = tok.lower
    return (
        (tok.capitalized and (low not in _NOT_SUBJECT_START or low == "may") and
         low not in _OPENERS)
        or low in GROUP_NOUNS
        or low in ROLE_WORDS
        or low in ORG_NOUNS
    )


_QUANTIFIERS = frozenset(
    "one two three four five several some many few most both all each every another other "
    "any no".split()
)
_NP_STOP = frozenset(
    "who which that in on at during after before when while as because but and to from "
    "with about said says told added wrote".split()
)


def np_right(toks: list[Token], i: int, hi: int) -> tuple[int, int, str | None] | None:
    """The noun phrase starting at toks[i] (after an inverted verb or 'according to')."""
    j = i
    while j < hi and toks[j].lower in _TIME_WORDS:
        j += 1  # "said Monday Sen. …"
    if j < hi and toks[j].text == ",":
        j += 1
    first = j
    if j < hi and toks[j].lower in PRONOUNS:
        return j, j + 1, None
    while j < hi and j - first < 12:
        tok = toks[j]
        if tok.text in (",", ".", ";", ":", "(", "—", "–", "!", "?") or tok.lower in _NP_STOP:
            break
        if not tok.capitalized and not (
            tok.lower in ROLE_WORDS or tok.lower in GROUP_NOUNS or tok.lower in DETERMINERS
            or tok.lower in ORG_NOUNS or tok.lower in ("of", "party", "group")
        ):
            if j > first and tok.lower.endswith(("’s", "'s")) and tok.lower[:-2].isalpha():
                j += 1  # "said the union’s general secretary, Paul Nowak"
                continue
            # "said zoning lawyer Joel Birken"; not "said one Democrat familiar …"
            k = _describing_nouns(toks, j, hi) if j > first or tok.lower not in (
                _QUANTIFIERS
            ) else j
            if k == j:
                break
            j = k  # "said Ohio delegate Gus Marr", "said a Facebook commenter, Jo Bay"
            continue
        j += 1
    while j > first and toks[j - 1].lower in {"of", "for", "at"} | DETERMINERS:
        j -= 1
    if j == first:
        return None
    span = toks[first:j]
    if not any(_head_like(t) for t in span):
        return None
    role = None
    if j < hi and toks[j].text == ",":
        k = j + 1
        while k < hi and toks[k].text not in (",", ".", ";", "(", ":") and k - j < 20:
            k += 1
        role_toks = toks[j + 1 : k]
        lead = 0
        while lead < len(role_toks) and role_toks[lead].capitalized and role_toks[
            lead
        ].lower not in NOT_NAMES:
            lead += 1
        if not span[-1].capitalized and 2 <= lead <= 4 and (
            lead == len(role_toks) or role_toks[lead].lower in ("of", "from", "at")
        ):
            # "said the TUC's general secretary, Paul Nowak", "said another advocate, Martin
            # K. Dassel of the firm Hale Orton": the name in apposition.
            return j + 1, j + 1 + lead, " ".join(t.text for t in span)
        if role_toks and (role_toks[0].lower in DETERMINERS | ROLE_WORDS or
                          role_toks[0].capitalized and len(role_toks) > 1):
            role = " ".join(t.text for t in role_toks)
    return first, j, role


def _describing_nouns(toks: list[Token], j: int, hi: int) -> int:
    """Past one or two lower-case nouns that describe a name coming next ("delegate" in
    "Virginia delegate Beau Correll", "user" in "a Twitter user, Jo Bay"); j if none."""
    k = j
    while k < hi and k - j < 2 and toks[k].text.replace("-", "").isalpha() and \
            toks[k].text[0].islower() and \
            toks[k].lower not in _NP_STOP and toks[k].lower not in _TIME_WORDS and \
            toks[k].lower not in _NOT_SUBJECT_START and not toks[k].lower.endswith("ly"):
        k += 1
    if k == j or k >= hi:
        return j
    nxt = toks[k + 1] if toks[k].text == "," and k + 1 < hi else toks[k]
    if nxt.capitalized and nxt.text[0].isalpha() and nxt.lower not in NOT_NAMES and \
            nxt.lower not in _TIME_WORDS:
        return k
    return j


def _strong_after(toks: list[Token], v: int) -> bool:
    """A verb right after a quotation attributes it unless it is a weak one."""
    return toks[v].text[:1].islower() and toks[v].lower in SPEECH_VERBS


def _cue_phrase(text: str, toks: list[Token], v: int, hi: int) -> tuple[str, int, int]:
    """The cue as written: the verb, plus the listener after 'told' ('told reporters')."""
    start, end = toks[v].start, toks[v].end
    if toks[v].lower in _TELL:
        j = v + 1
        while j < hi and j - v <= 4 and toks[j].text not in (",", ".", ";", ":", "—"):
            low = toks[j].lower
            if low in _STOP_PREPS or low in ("that", "the") and j > v + 1 or low in _TIME_WORDS:
                break
            if low in WEEKDAYS or low in MONTHS:
                break
            j += 1
            end = toks[j - 1].end
    elif v + 1 < hi and toks[v + 1].lower in ("in", "on") and v + 2 < hi and toks[
        v + 2
    ].lower in ("a", "an") and v + 3 < hi and toks[v + 3].lower in ("statement",):
        pass  # "said in a statement": the statement is the medium, the cue stays "said"
    return text[start:end], start, end


def _two_word_cue(
    text: str, toks: list[Token], v: int, n: int, lo: int, hi: int
) -> RawAttribution | None:
    """A two-word cue at toks[v:v+2] ("according to", "asked by") and the speaker after it."""
    found = np_right(toks, v + 2, n)
    if found is None:
        return None
    a, b, role = found
    start, end = toks[v].start, toks[v + 1].end
    return RawAttribution(
        text[start:end], start, end, toks[a].start, toks[b - 1].end, role, None, lo, hi, False
    )


def _verb_attribution(
    text: str,
    toks: list[Token],
    v: int,
    n: int,
    speaker: tuple[int, int, str | None],
    when: tuple[int, int],
    after: bool,
) -> RawAttribution:
    """The attribution around speech verb `toks[v]`: its cue phrase, the speaker noun phrase
    `toks[a:b]` with its role, and the medium that follows the cue ("on Truth Social")."""
    a, b, role = speaker
    cue, cs, ce = _cue_phrase(text, toks, v, n)
    j = v + 1
    while j < n and toks[j].end <= ce:
        j += 1
    medium = medium_after(text, toks, j, n)
    if medium is None and not after and a >= 3 and toks[a - 1].text == ",":
        # "In a statement, the Commission said …", "Speaking at a rally in Erie last week,
        # Vance said …": the channel or occasion leads the sentence, before the speaker.
        lead = 1 if toks[0].lower in _LEADING_PARTICIPLES else 0
        if lead or any(t.lower in _OCCASIONS for t in toks[: a - 1]):  # ("Speaking to …")
            medium = medium_after(text, toks, lead, a - 1, listener=bool(lead))
    return RawAttribution(
        cue, cs, ce, toks[a].start, toks[b - 1].end, role, medium, when[0], when[1], after,
    )


# What a leading phrase must name to be the statement's channel or occasion ("During his
# seven years, …" is a time).
_OCCASIONS = _UTTERANCES | frozenset(
    "rally event briefing conference debate hearing meeting summit discussion panel forum "
    "appearance fundraiser gig stop town hall session address broadcast podcast show "
    "interviews posts statements letters".split()
)
_LEADING_PARTICIPLES = frozenset("speaking writing posting testifying".split())
# A time phrase ends a medium: "posted on X late Sunday" is posted "on X".
_MEDIUM_TIME_STOP = frozenset(
    set(WEEKDAYS) | {"late", "early", "last", "this", "yesterday", "today", "tonight",
                     "earlier", "overnight"}
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
            if k > j + 1 and low in _MEDIUM_TIME_STOP and not (
                toks[k].capitalized and toks[k - 1].capitalized  # "on Super Tuesday"
            ) and any(t.lower not in DETERMINERS for t in toks[j + 1 : k]):
                break  # "on X late Sunday" (but "in an early morning tweet")
            if low in _STOP_PREPS and k > j + 1 or low == "that":
                if not extended_at and (low in ("on", "with", "to") and toks[k - 1].lower in (
                    _UTTERANCES
                ) or low in ("in", "at") and k + 1 < hi and toks[k + 1].capitalized and (
                    toks[k + 1].lower not in MONTHS and toks[k + 1].lower not in WEEKDAYS
                )):
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
        is_time = words[-1] in WEEKDAYS or words[0] in MONTHS or words[0] in (
            "the", "recent", "last", "this"
        ) and words[-1] in ("week", "month", "year", "weekend", "morning", "night", "days",
                            "hours", "afternoon", "evening")
        if any(w.isdigit() for w in words) and len(words) <= 2:
            is_time = True
        if not is_time and words[0] not in ("response", "reply", "part", "turn", "fact"):
            return text[toks[j].start : toks[k - 1].end]
        j = k
    return None


def find_after(text: str, lo: int, hi: int) -> RawAttribution | None:
    """An attribution in the words right after a quotation: text[lo:hi]."""
    while lo < hi and (text[lo] in _QUOTE_CHARS or text[lo] in ",;" or text[lo].isspace()):
        lo += 1
    hi = min(hi, lo + AFTER_WINDOW)
    stop = sentence_end(text, lo, hi)
    toks = tokens(text, lo, stop)
    n = len(toks)
    if not toks:
        return None
    first = toks[0]
    if first.text in ("―", "—", "–", "-") or text[lo] in "―—–":
        # “…” ― Oscar P. Quintero: a signature after a dash.
        return _signature(text, toks, lo, stop)
    # Inverted: “…,” said Ada Moreno, a county pollster. (Not a participle: “…,”
    # promising the members a return is the sentence subject's, not the members'.)
    if (_strong_after(toks, 0) and not first.lower.endswith("ing")) or (
        first.lower in AUXILIARIES and n > 1 and _strong_after(toks, 1)
    ):
        v = 0 if _strong_after(toks, 0) else 1
        found = np_right(toks, v + 1, n)
        if found is not None:
            a, b, role = found
            cue, cs, ce = _cue_phrase(text, toks, v, n)
            return RawAttribution(cue, cs, ce, toks[a].start, toks[b - 1].end, role,
                                  medium_after(text, toks, b, n), lo, stop, True)
    if first.lower == "according" and n > 2 and toks[1].lower == "to":
        found = np_right(toks, 2, n)
        if found is not None:
            a, b, role = found
            return RawAttribution(text[first.start : toks[1].end], first.start, toks[1].end,
                                  toks[a].start, toks[b - 1].end, role, None, lo, stop, True)
    if first.lower in _NOT_SUBJECT_START and first.lower not in DETERMINERS and \
            first.text != "May":
        return None
    # Subject first: “…,” Trump wrote on Truth Social. / the economist X, a former adviser,
    # wrote on his blog.
    for v in range(1, min(n, 30)):
        if toks[v].text in (";", ":") or toks[v].lower in ("that", "because", "but"):
            return None
        tok = toks[v]
        if tok.lower not in SPEECH_VERBS or not tok.text[0].islower():
            continue
        found = np_left(toks, v)
        if found is None and 2 <= v <= 5 and first.lower in _INDEFINITE_SPEAKERS and all(
            t.text.replace("-", "").isalpha() for t in toks[1:v]
        ) and not toks[v - 1].capitalized:
            # “…,” one Labour backbencher told the Guardian: a described speaker whose noun
            # no word list knows; unresolved, the description kept as the role.
            found = (0, v, None)
        # "former harbor pilot Ivo Grant explained": a few describing words may lead; "the
        # port's director, Rhea Quint, said": a description, then the name.
        lead = toks[: found[0]] if found is not None else []
        if lead and lead[-1].text == "," and found is not None and found[2] is not None:
            lead = lead[:-1]
        if found is None or len(lead) > 4 or any(
            not t.text[:1].isalpha() or t.lower in _NOT_SUBJECT_START for t in lead
        ):
            return None
        return _verb_attribution(text, toks, v, n, found, (lo, stop), True)
    return None


def _signature(text: str, toks: list[Token], lo: int, hi: int) -> RawAttribution | None:
    """A name after the dash at text[lo] (toks: the words of text[lo:hi])."""
    k = 1 if toks and toks[0].text in ("―", "—", "–", "-") else 0
    found = np_right(toks, k, len(toks))
    if found is None or not toks[found[0]].capitalized or found[1] - found[0] > 5:
        return None
    a, b, role = found
    return RawAttribution(text[lo], lo, lo + 1, toks[a].start, toks[b - 1].end, role, None,
                          lo, hi, True)


def signature_line(text: str, lo: int, hi: int) -> RawAttribution | None:
    """A paragraph text[lo:hi] signing the quotation above it: "- Marchetti.",
    "—Mayor Oberlin, writing after the debate"."""
    if hi - lo > 200 or text[lo] not in "-―—–":
        return None
    stop = sentence_end(text, lo + 1, hi)
    found = _signature(text, tokens(text, lo + 1, stop), lo, stop)
    if found is None:
        return None
    words = text[found.np_start : found.np_end].split()
    # A name, every word capitalised, then nothing or its description; not a credit line
    # ("— Reporting by …", "— The End") or a subheading ("– Ready to quiz Trump –").
    after = text[found.np_end : found.np_end + 1]
    if not all(w[:1].isupper() for w in words) or words[0].lower() in _NOT_SIGNATURES or (
        after not in ("", ",", ".", "\n")
    ):
        return None
    return found


_NOT_SIGNATURES = frozenset(
    "reporting editing writing additional photo photos source sources credit credits via "
    "the end compiled updated".split()
)


def find_before(text: str, lo: int, hi: int) -> RawAttribution | None:
    """An attribution earlier in the quotation's sentence: text[lo:hi] ends at its mark."""
    lo = max(lo, hi - WINDOW)
    lo = sentence_start(text, lo, hi)
    toks = tokens(text, lo, hi)
    n = len(toks)
    for v in range(n - 1, -1, -1):
        tok = toks[v]
        low = tok.lower
        if low == "according" and v + 1 < n and toks[v + 1].lower == "to":
            raw = _two_word_cue(text, toks, v, n, lo, hi)
            if raw is not None:
                return raw
            continue
        if low not in _CUE_WORDS or not tok.text[0].islower():
            continue  # checked inline: this loop runs over every word before a quote
        if v > 0 and toks[v - 1].lower in _MODALS:
            continue  # "Americans will say “no”": a prediction, not the attribution
        if low in ("asked", "questioned", "pressed") and v > 0 and toks[v - 1].lower in (
            "was", "were", "is", "are", "being", "been"
        ) and v + 2 < n and toks[v + 1].lower == "by":
            # "Holt was asked by host Nell Mather, “…”": the one asking speaks.
            raw = _two_word_cue(text, toks, v, n, lo, hi)
            if raw is not None:
                return raw
        if v > 0 and (toks[v - 1].lower in DETERMINERS or toks[v - 1].lower.endswith(("’s", "'s"))):
            continue  # "Ukraine’s stated goal", "the reported deal": an adjective
        if v > 0 and toks[v - 1].lower == "to" and low in SPEECH_VERBS and low.isalpha() and (
            low in ("say", "tell", "add", "write", "ask", "declare", "warn", "argue", "note",
                    "demand", "insist", "explain", "claim", "suggest", "urge")
        ):
            # "went as far as claiming: …": the sentence's subject says it.
            cue, cs, ce = _cue_phrase(text, toks, v, n)
            return RawAttribution(cue, cs, ce, tok.start, tok.start, None,
                                  None, lo, tok.start, False)
        if low.endswith("ing") and v > 0 and (
            toks[v - 1].lower in _PARTICIPLE_OPENERS or toks[v - 1].lower in _UTTERANCES
        ):
            # "…, adding that …" / "by suggesting that": the subject is the clause's own.
            cue, cs, ce = _cue_phrase(text, toks, v, n)
            return RawAttribution(cue, cs, ce, tok.start, tok.start, None,
                                  None, lo, tok.start, False)
        found = np_left(toks, v)
        participle = low.endswith("ing") and low in SPEECH_VERBS
        if found is not None and low.endswith("ing") and found[0] > 0 \
                and toks[found[0] - 1].lower not in ("with", ",", "and", "—", "–", ";") and \
                not toks[found[0] - 1].text[:1].isupper():
            # "put up a note on Facebook reading …", "released a statement Friday saying":
            # the noun before the participle is an object; the clause's subject speaks.
            found, participle = None, True
        if found is None and (participle or (
            v > 1 and toks[v - 1].lower == "and" and low in SPEECH_VERBS
        )):
            # "published a study last week charging …", "he backed the mayor and said, …":
            # the clause's subject speaks.
            # "published a study last week charging …": the clause's subject charges.
            cue, cs, ce = _cue_phrase(text, toks, v, n)
            return RawAttribution(cue, cs, ce, tok.start, tok.start, None,
                                  None, lo, tok.start, False)
        if found is None:
            # "But, said Solovey, “…”": an inverted attribution just before the quotation.
            found = np_right(toks, v + 1, n)
            if found is None or low not in _INVERTING or not toks[found[0]].capitalized or (
                found[1] < n and toks[found[1]].text not in (",", ":")
            ) or found[1] < n - 1 and toks[n - 1].text not in (",", ":") and not (
                # "The biggest legacy, says Carl Anthony, a historian, is that she was “…”":
                # an attribution set off by commas inside the quotation's sentence.
                v > 0 and toks[v - 1].text == "," and toks[found[1]].text == ","
            ):
                continue
        return _verb_attribution(text, toks, v, n, found, (lo, _clause_end(toks, v, hi)), False)
    found_noun = _speech_noun(toks, n)
    if found_noun is not None:
        c, a, b = found_noun
        return RawAttribution(toks[c].text, toks[c].start, toks[c].end, toks[a].start,
                              toks[b - 1].end, None, None, lo, hi, False)
    if n >= 2 and toks[-1].text in (":", ","):
        subject = clause_subject(toks, 0, n - 1)
        # After a comma only a named subject will do: "Filippo Grandi … reacted, “…”".
        if subject is not None and (toks[-1].text == ":" or (
            (toks[subject[1] - 1].capitalized and toks[subject[1] - 1].lower not in NOT_NAMES
             or toks[subject[0]].lower in ("he", "she"))
            and (subject[0] == 0 or toks[subject[0] - 1].text == ",")
        )):
            a, b = subject
            return RawAttribution(":", toks[-1].start, toks[-1].end, toks[a].start,
                                  toks[b - 1].end, None, None, lo, hi, False)
    return None


def _speech_noun(toks: list[Token], n: int) -> tuple[int, int, int] | None:
    """ "Quint's finding that the permits were “…”", "a report in The Harbor
    Gazette about “…”": a word for something said, with its author. Returns (cue, np)."""
    for c in range(n - 1, -1, -1):
        if toks[c].lower not in _SPEECH_NOUNS:
            continue
        # Author before: "Quint's finding", "Lindqvist's rallying cry".
        k = c - 1
        while k >= 0 and c - k <= 3 and not toks[k].lower.endswith(("’s", "'s")):
            if not toks[k].text[:1].isalpha():
                break
            k -= 1
        if k >= 0 and c - k <= 3 and toks[k].lower.endswith(("’s", "'s")) and toks[k].capitalized:
            found = np_left(toks, k + 1)
            end = k + 1
            first = found[0] if found is not None and found[1] == end else k
            return c, first, end
        # Author after: "a letter from the group", "a report in The Harbor Gazette"
        # (but "an op-ed in The Post" is the subject's, the paper only prints it).
        after = toks[c + 1].lower if c + 1 < n else ""
        if c + 2 < n and (after in ("by", "from") or after in ("in", "of") and toks[
            c
        ].lower in ("report", "editorial", "story", "article")):
            found = np_right(toks, c + 2, n)
            if found is not None and toks[found[0]].capitalized:
                return c, found[0], found[1]
    return None


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
    while i < hi and (toks[i].lower in ("and", "but", "so", "yet", "or") or (
        toks[i].lower in _LONE_ADVERBS and i + 1 < hi and toks[i + 1].text != ","
    )):
        i += 1  # "And he took care to add …", "And then Corwin went for the mayor"
    # An opening participle clause may run longer: "Facing mounting criticism from …, X".
    reach = 15 if i < hi and toks[i].lower.endswith("ing") and toks[i].capitalized else 6
    comma = next((k for k in range(i, min(hi, i + reach)) if toks[k].text == ","), -1)
    if i < hi and (toks[i].lower in _NOT_SUBJECT_START | _OPENERS or comma > i and (
        toks[comma - 1].lower in _TIME_TAIL or toks[i].lower.endswith("ing")
    )):
        # "In January, …", "Hours later, …", "When he returned after a long break, …":
        # an opening adverbial, not the subject.
        while i < hi and toks[i].text != ",":
            i += 1
        i += 1
    while i < hi and toks[i].lower in ("though", "however", "meanwhile", ","):
        i += 1
    if i >= hi:
        return None
    if toks[i].lower in PRONOUNS and toks[i].lower in _SUBJECT_PRONOUNS:
        return i, i + 1
    j = i
    while j < hi and _np_token(toks[j]) and toks[j].text not in (",",):
        if toks[j].lower in ("of", "for", "at") and not (j + 1 < hi and toks[j + 1].capitalized):
            break
        if j > i and _headline_verb(toks[j]):
            break  # "Donald Trump Praises …"
        j += 1
    if j == i:
        return None
    span = toks[i:j]
    if j + 3 < hi and toks[j].text == "," and not span[-1].capitalized:
        # "Corwin’s Ohio field director, Lena Moss, wrote back": the name in apposition.
        k = j + 1
        while k < hi and k - j <= 5 and toks[k].capitalized and toks[k].lower not in NOT_NAMES:
            k += 1
        if 2 <= k - j - 1 <= 4 and k < hi and toks[k].text == ",":
            return j + 1, k
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


__all__ = [
    "RawAttribution",
    "find_after",
    "find_before",
    "signature_line",
    "subject_of_sentence",
]


def find_trailing(text: str, lo: int, hi: int) -> RawAttribution | None:
    """“…” for Kyiv, he said: an attribution closing the sentence after more words."""
    hi = min(hi, lo + WINDOW)
    stop = sentence_end(text, lo, hi)
    toks = tokens(text, lo, stop)
    n = len(toks)
    for c in range(n):
        if toks[c].text != ",":
            continue
        if c + 1 < n and _strong_after(toks, c + 1) and toks[c + 1].lower in _INVERTING:
            # “…” like the slow recovery of the harbor, said Ines Calder, an economist.
            found = np_right(toks, c + 2, n)
            if found is not None:
                a, b, role = found
                cue, cs, ce = _cue_phrase(text, toks, c + 1, n)
                return RawAttribution(cue, cs, ce, toks[a].start, toks[b - 1].end, role,
                                      medium_after(text, toks, b, n), toks[c].start, stop,
                                      True)
        for v in range(c + 2, min(n, c + 9)):
            if toks[v].text in (",", ";", ":"):
                break
            if not _strong_after(toks, v):
                continue
            found = np_left(toks, v, c + 1)
            if found is None or found[0] != c + 1:
                break
            nxt = toks[v + 1] if v + 1 < n else None
            if nxt is not None and nxt.text not in (",", ".", "!", "?") and (
                nxt.lower not in _STOP_PREPS and nxt.lower not in _TIME_WORDS
                and toks[v].lower not in _TELL
            ):
                break
            return _verb_attribution(text, toks, v, n, found, (toks[c].start, stop), True)
    return None
