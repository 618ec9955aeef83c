"""Noun-phrase boundaries: where the speaker phrase next to a cue starts and ends, and a
clause's subject ("Kremlin spokesman Dmitry Peskov", "the Ukrainian leader", "Her father").
"""

from __future__ import annotations

from bot.attribution.appositions import (
    HONORIFICS_BARE,
    _before_open_relative,
    _body_in_apposition,
    _body_modifiers_start,
    _capitalised_post,
    _clause_not_role,
    _description_before_place,
    _description_of_place,
    _list_opening,
    _name_ending,
    _name_of_body,
    _named_after_description,
    _possessed_name,
    _relative_with_commas,
    _resident_before_place,
    _roles_joined,
    _skip_age_and_place,
    _town_state_comma,
)
from bot.attribution.given_names import is_given_name
from bot.attribution.lexicons import (
    AUXILIARIES,
    BEFORE_MONTH,
    DETERMINERS,
    DISCOURSE,
    DOCUMENTS,
    GROUP_NOUNS,
    HEADLINE_VERBS,
    LY_NOUNS,
    NOT_DESCRIPTION,
    NOT_NAMES,
    NOT_SUBJECT_START,
    NP_STOP,
    OPENERS,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_HEADS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    PRONOUNS_PLURAL,
    QUANTIFIERS,
    ROLE_WORDS,
    SUBJECT_PRONOUNS,
    TITLES,
    WEEKDAYS,
    WRITINGS,
)
from bot.attribution.text import Token

PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL


_TIME_WORDS = frozenset(set(WEEKDAYS) | {"today", "yesterday", "tonight", "later", "earlier"})


def _headline_verb(tok: Token) -> bool:
    """ "Trump Says …", "Obama Warns …": a headline's capitalised present-tense cue."""
    return tok.capitalized and tok.lower in HEADLINE_VERBS


def _adverb(low: str) -> bool:
    """ "also", "publicly": an -ly word, but not a noun ("Pike ally Tom Vian")."""
    return low.endswith("ly") and low not in LY_NOUNS


def _np_token(tok: Token) -> bool:
    low = tok.lower
    if low[:1].isdigit() and low.endswith("-old"):
        return True  # "81-year-old Edgar Carvell"
    if tok.capitalized:  # "May" is a surname ("Theresa May said") more than a modal here
        return low not in NOT_SUBJECT_START or low in DETERMINERS or low == "may"
    return (
        low in ROLE_WORDS
        or low in GROUP_NOUNS
        or low in DETERMINERS
        or low in ORG_NOUNS
        or low in DOCUMENTS  # "The ad says …", "the email said"
        or low in WRITINGS
        or low in ("two", "three", "four", "both")  # "the two companies said"
        or (low.endswith(("’s", "'s")) and tok.capitalized)
        # "the sheriff's office said", "the mayor's spokesman said": an office's owner
        or (low.endswith(("’s", "'s")) and low[:-2] in TITLES)
    )


def _name_like(tok: Token) -> bool:
    return tok.capitalized and tok.lower not in NOT_NAMES


def np_left(toks: list[Token], i: int, lo: int = 0) -> tuple[int, int, str | None] | None:
    """The subject noun phrase ending before toks[i] (a verb): (first, last+1, role)."""
    j = i - 1
    while j >= lo:
        low = toks[j].lower
        if (low in AUXILIARIES or _adverb(low)) and not toks[j].capitalized:
            j -= 1  # "Trump has also said"
        elif (
            low in _TIME_WORDS
            and j - 2 >= lo
            and toks[j - 1].lower in ("a", "the")
            and toks[j - 2].lower in ("during", "on", "at", "by")
        ):
            j -= 3  # "Lindqvist during a Friday thanked"
        elif low in _TIME_WORDS:
            j -= 1  # "Trump Tuesday said"
        elif low in ("on", "last", "this") and j + 1 < i and toks[j + 1].lower in _TIME_WORDS:
            j -= 1  # "Trump on Tuesday said"
        elif (
            low in ("week", "month", "night", "morning")
            and j > lo
            and toks[j - 1].lower in ("last", "this")
        ):
            j -= 1
        elif (
            low == "and"
            and j - 1 > lo
            and toks[j - 1].text[:1].islower()
            and toks[j - 1].lower.endswith(("ed", "s"))
            and (toks[j - 2].capitalized or toks[j - 2].text == ",")
        ):
            j -= 2  # "Ms. Quint nodded and said", "Tom Berg, her rival, disagreed and told"
        else:
            break
    if j < lo:
        return None
    role: str | None = None
    role_at = (0, 0)  # where that role's words are
    name_chunk: tuple[int, int] | None = None  # "Ruiz" in "The lead author, Mateo Ruiz, said"
    relative = False  # a relative clause in commas was stepped over: ", which sets the port fees,"
    opened = _relative_with_commas(toks, j, lo)
    if opened is not None:
        j, relative = opened, True
    for _ in range(4):  # an appositive, a parenthesis, both: "Rep. Lofgren (D-Calif.), who …,"
        if toks[j].text == "," and j - 1 >= lo and toks[j - 1].text == ")" and role is None:
            j -= 1  # "Gov. Jon Kasner (R-Ohio), said": the comma only closes the parenthesis
        if toks[j].text not in (",", "—", "–", ")"):
            # "Nora Vale, head of the Harbor Fund, a lobbying group,
            # said": after one appositive, the words back to a comma may be another.
            k2 = j - 1
            while k2 > lo and j - k2 < 25 and toks[k2].text not in (",", ";", ":", "—"):
                k2 -= 1
            if (
                (role is not None or relative)
                and k2 > lo
                and toks[k2].text == ","
                and (toks[k2 + 1].text[:1].islower() or toks[k2 + 1].lower in DETERMINERS)
                and toks[k2 - 1].capitalized
                and toks[k2 - 1].lower not in NOT_NAMES
            ):
                if name_chunk is not None and toks[k2 + 1].lower in DETERMINERS:
                    # "In a letter to MPs, the Conservative leader, Kemi Badenoch, wrote":
                    # the commas hold the name; the description before it is the role.
                    a, b = name_chunk
                    earlier = _name_ending(toks, k2, lo)
                    if (
                        earlier is not None
                        and is_given_name(toks[earlier[0]].text)
                        and not is_given_name(toks[a].text)
                    ):
                        # "Gia Vian, the editor of the city's paper, Harbor Ledger,
                        # said": the person before the description, not the paper after.
                        a, b = earlier
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
            if closer == "," and k > lo and _town_state_comma(toks, k, j):
                k -= 1  # "…, a retired clerk in Dover, Pa., said": one appositive
        if k < lo or toks[k].text != opener:
            return None
        if closer == "," and toks[k + 1].lower in ("and", "or") and k + 1 < j:
            # "Ada Pike, deputy director for ports, ferries, and harbors, said": a list's
            # last item; the appositive opens at the comma after the name.
            k = _list_opening(toks, k, lo)
        role_toks = toks[k + 1 : j]
        if not role_toks:
            return None
        if (
            role_toks[0].lower in ("who", "which", "whose", "whom")
            or closer == ")"
            or role_toks[0].lower.isdigit()
            or role_toks[0].lower.endswith("ing")
        ):
            relative = relative or role_toks[0].lower in ("who", "which")
        elif role_toks[0].lower in ("that", "and", "but", "because", "if"):
            return None
        elif role is None:
            role = " ".join(t.text for t in role_toks).replace(" , ", ", ")
            role_at = (k + 1, j)
            if (
                name_chunk is None
                and 2 <= len(role_toks) <= 4
                and all(t.capitalized and t.lower not in NOT_NAMES for t in role_toks)
            ):
                name_chunk = (k + 1, j)
            elif (
                name_chunk is None
                and 3 <= len(role_toks) <= 4
                and role_toks[0].lower.rstrip(".") in HONORIFICS_BARE
                and all(t.capitalized and t.lower not in NOT_NAMES for t in role_toks[1:])
            ):
                name_chunk = (k + 2, j)  # "Bishop of Kilcarra, Dr Eamon Tierney, said"
            elif name_chunk is None and _body_in_apposition(role_toks):
                name_chunk = (k + 2, j)
            elif name_chunk is None and (n := _name_of_body(role_toks)):
                name_chunk = (k + 1, k + 1 + n)  # "…, Daniel Okonkwo of the Civic Project,"
            elif (
                name_chunk is None
                and len(role_toks) == 1
                and is_given_name(role_toks[0].text)
                and k >= 1
                and toks[k - 1].text[:1].islower()
            ):
                name_chunk = (k + 1, j)  # "Her husband, Tom, said": the given name speaks
            pair = next((x for x, t in enumerate(role_toks) if t.lower == "and"), -1)
            if (
                name_chunk is None
                and 2 <= pair <= 3
                and 2 <= len(role_toks) - pair - 1 <= 3
                and all(
                    t.capitalized and t.lower not in NOT_NAMES
                    for t in role_toks[:pair] + role_toks[pair + 1 :]
                )
            ):
                name_chunk = (k + 1, k + 1 + pair)  # "Two analysts, Ada Mehan and Tom Harl,"
        if name_chunk is None and closer in ("—", "–"):
            # "A former candidate — Tom Vian, who lost in 2008 — said": the name leading
            # the dashes, before its own relative clause.
            c = next((x for x, t in enumerate(role_toks) if t.text == ","), -1)
            if 2 <= c <= 4 and all(
                t.capitalized and t.lower not in NOT_NAMES for t in role_toks[:c]
            ):
                name_chunk = (k + 1, k + 1 + c)
        j = k - 1
        j = _skip_age_and_place(toks, j, lo)
        # "Sanders, meanwhile, who …, said": step over a discourse adverb in commas.
        while j - 1 >= lo and toks[j].lower in DISCOURSE and toks[j - 1].text == ",":
            j -= 2
        if j < lo:
            return None
    if toks[j].lower in PRONOUNS and toks[j].lower in SUBJECT_PRONOUNS:
        return j, j + 1, role
    if (
        role
        and toks[j].lower in ("them", "those", "us")
        and [t.lower for t in toks[j - 2 : j]]
        == [
            "one",
            "of",
        ]
    ):
        return role_at[0], role_at[1], None  # "One of them, a college student, said": her
    if toks[j].lower in ("who", "which") and j - 1 >= lo and toks[j - 1].text == ",":
        # "Smith, a lawyer, who said …" (past the appositive) or "Smith, who said …": Smith;
        # "… by the Nordic Ocean Fund, which said": a body, by its name only
        found = np_left(toks, j, lo) or np_left(toks, j - 1, lo)
        if found and toks[j].lower == "which" and not toks[found[1] - 1].capitalized:
            return None
        return (found[0], found[1], role) if found else None
    end = j + 1
    while j >= lo and (_np_token(toks[j]) or _roles_joined(toks, j, lo, end)):
        if toks[j].lower == "may" and j > lo and toks[j - 1].lower in BEFORE_MONTH:
            break  # "In May Trump said": the month, not Theresa May
        if toks[j].lower in ("of", "for", "at") and not (
            j + 1 < end and (toks[j + 1].capitalized or toks[j + 1].lower == "the")
        ):
            break
        if toks[j].lower in DETERMINERS:
            if (
                toks[j].lower == "the"
                and j - 2 >= lo
                and toks[j - 1].lower in ("of", "at", "for")
                and toks[j - 2].capitalized
            ):
                j -= 1  # "Irma Soto of the Harbor Policy Center"
                continue
            j -= 1
            break
        j -= 1
    first = j + 1
    while first < end and toks[first].lower in ("of", "for", "at"):
        first += 1
    if (
        j >= lo
        and first == j + 1
        and first < end
        and toks[j].lower == "one"
        and toks[end - 1].text[:1].islower()
    ):
        first = j  # "one Pike aide said": the description keeps its "one"
    first = _body_modifiers_start(toks, first, end, lo)  # "the editorial board said"
    if first >= end and name_chunk is None:
        named = _before_open_relative(toks, end, lo) if role is None else None
        return (named[0], named[1], None) if named is not None else None
    span = toks[first:end] if first < end else []
    if name_chunk is None and role is None and span and _description_before_place(toks, lo, j, end):
        return lo, end, None
    if name_chunk is not None and (
        not span
        or not span[-1].capitalized
        or _description_of_place(span)
        or _capitalised_post(span)
    ):
        # A description, then the name in apposition: the name speaks.
        a, b = name_chunk
        return a, b, " ".join(t.text for t in span) or None
    if not span or not any(_head_like(t) for t in span):
        return None
    resident = _resident_before_place(toks, first, end, lo)
    if resident is not None:
        return resident[0], resident[1], None
    if span[-1].lower in ("of", "for", "at") or span[-1].lower in DETERMINERS:
        return None
    if role is None:
        named = _before_open_relative(toks, first, lo)
        if named is not None:
            return named[0], named[1], None
    k = first - 1
    while (
        k > lo
        and first - k < 12
        and toks[k].text != ","
        and toks[k].text[:1].isalnum()
        and toks[k].lower not in NOT_DESCRIPTION
    ):
        k -= 1
    if (
        k - 2 >= lo
        and toks[k].text == ","
        and (toks[k + 1].lower in DETERMINERS or not toks[k + 1].capitalized)
        and role is None
        # "…, signed by its secretary, Ngozi Eke, the party said": a body is no appositive.
        and not (end - k <= 3 and toks[end - 1].lower in ORG_HEADS)
    ):
        # "Sam Lark, the press director for the league said": an appositive whose
        # closing comma is missing; the name before it speaks.
        a = k
        while (
            a - 1 >= lo
            and toks[a - 1].capitalized
            and toks[a - 1].lower not in NOT_NAMES
            and k - a < 4
        ):
            a -= 1
        if k - a >= 2 and (
            a == lo
            or toks[a - 1].text in (",", "(", ";")
            or toks[a - 1].lower in ("and", "but", "while")
        ):
            return a, k, " ".join(t.text for t in toks[k + 1 : end])
    # "river engineers Hana Ott and Piet Lorne-Vass wrote": a pair of
    # names; the phrase stays whole and `speakers` takes the first.
    if (
        first - 2 >= lo
        and toks[first - 1].lower == "and"
        and toks[first - 2].capitalized
        and span[0].capitalized
        and toks[first - 2].lower not in NOT_NAMES
    ):
        k = first - 2
        while k - 1 >= lo and toks[k - 1].capitalized and toks[k - 1].lower not in NOT_NAMES:
            k -= 1
        first = k
    return first, end, role


def _head_like(tok: Token) -> bool:
    """Can this word head a speaker phrase: a name, an organisation, a group, a role?"""
    low = tok.lower
    return (
        (tok.capitalized and (low not in NOT_SUBJECT_START or low == "may") and low not in OPENERS)
        or (low[:1].isdigit() and low.endswith("-year-old"))  # "said the 23-year-old"
        or low in GROUP_NOUNS
        or low in ROLE_WORDS
        or low in ORG_NOUNS
        or low in DOCUMENTS
        or low in WRITINGS
    )


def _describes_body_noun(toks: list[Token], first: int, j: int, hi: int) -> bool:
    """ "according to the budget office": a lower-case word before a body's noun, after a
    determiner, belongs to the phrase."""
    return (
        toks[first].lower in DETERMINERS
        and j + 1 < hi
        and toks[j + 1].lower in ORG_NOUNS
        and toks[j + 1].text[:1].islower()
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
        if toks[j].lower in ("his", "her", "their"):
            # "said his best friend at Dover, Bruce Tarry": the name, not "his"
            named = _named_after_description(toks, j, j + 1, hi) or _possessed_name(toks, j, hi)
            if named is not None:
                return named
        return j, j + 1, None
    while j < hi and j - first < 12:
        tok = toks[j]
        if tok.text in (",", ".", ";", ":", "(", "—", "–", "!", "?") or tok.lower in NP_STOP:
            break
        if not tok.capitalized and not (
            tok.lower in ROLE_WORDS
            or (tok.lower[:1].isdigit() and tok.lower.endswith("-year-old"))
            or tok.lower in GROUP_NOUNS
            or tok.lower in DETERMINERS
            or tok.lower in ORG_NOUNS
            or tok.lower in ("of", "party", "group")
            or tok.lower in PERSON_HEADS
            and toks[j - 1].capitalized  # "the Gulls skipper"
            or _describes_body_noun(toks, first, j, hi)
        ):
            if j > first and tok.lower.endswith(("’s", "'s")) and tok.lower[:-2].isalpha():
                j += 1  # "said the union’s general secretary, Paul Nowak"
                continue
            # "said zoning lawyer Joel Birken"; not "said one Democrat familiar …"
            k = _describing_nouns(toks, j, hi) if j > first or tok.lower not in (QUANTIFIERS) else j
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
    named = _named_after_description(toks, first, j, hi)
    if named is not None:
        return named
    role = None
    if j < hi and toks[j].text == ",":
        k = j + 1
        while k < hi and toks[k].text not in (",", ".", ";", "(", ":") and k - j < 20:
            k += 1
        role_toks = toks[j + 1 : k]
        lead = 0
        while (
            lead < len(role_toks)
            and role_toks[lead].capitalized
            and role_toks[lead].lower not in NOT_NAMES
        ):
            lead += 1
        if (
            (not span[-1].capitalized or _capitalised_post(span))
            and 2 <= lead <= 4
            and (lead == len(role_toks) or role_toks[lead].lower in ("of", "from", "at"))
        ):
            # "said the TUC's general secretary, Paul Nowak", "said another advocate, Martin
            # K. Dassel of the firm Hale Orton": the name in apposition.
            return j + 1, j + 1 + lead, " ".join(t.text for t in span)
        if (
            role_toks
            and (
                role_toks[0].lower in DETERMINERS | ROLE_WORDS
                or role_toks[0].capitalized
                and len(role_toks) > 1
            )
            and not _clause_not_role(role_toks)
        ):
            role = " ".join(t.text for t in role_toks)
    return first, j, role


def _describing_nouns(toks: list[Token], j: int, hi: int) -> int:
    """Past one or two lower-case nouns that describe a name coming next ("delegate" in
    "Virginia delegate Beau Correll", "user" in "a Twitter user, Jo Bay"); j if none."""
    k = j
    while (
        k < hi
        and k - j < 2
        and toks[k].text.replace("-", "").isalpha()
        and toks[k].text[0].islower()
        and toks[k].lower not in NP_STOP
        and toks[k].lower not in _TIME_WORDS
        and toks[k].lower not in NOT_SUBJECT_START
        and not _adverb(toks[k].lower)
    ):
        k += 1
    if k == j or k >= hi:
        return j
    nxt = toks[k + 1] if toks[k].text == "," and k + 1 < hi else toks[k]
    if (
        nxt.capitalized
        and nxt.text[0].isalpha()
        and nxt.lower not in NOT_NAMES
        and nxt.lower not in _TIME_WORDS
    ):
        return k
    return j
