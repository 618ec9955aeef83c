"""Names and descriptions set off around a noun phrase: a name in apposition after a
description ("his best friend at Dover, Bruce Tarry"), a relative clause that lost its
closing comma ("Ada Pike, who heads Harbor Watch said"), a town and its state ("Dover,
Pa."), a description leading a sentence ("The billionaire businessman mocked …"). Used by
`phrases` to find where a speaker phrase starts and which name in it speaks.
"""

from __future__ import annotations

import re

from bot.attribution.given_names import is_given_name, is_shared_given_name
from bot.attribution.lexicons import (
    ANONYMOUS,
    BUSINESS_HEADS,
    COUNTRIES,
    DESCRIPTION_LINKS,
    DESCRIPTION_OPENERS,
    DETERMINERS,
    HONORIFICS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_WORDS,
    PERSON_HEADS,
    ROLE_WORDS,
    SPEECH_VERBS,
    SPOKES,
    TITLES,
)
from bot.attribution.names import _APPOSITIVE, _UPPER
from bot.attribution.text import Token, tokens


def _name_ending_at(toks: list[Token], b: int, lo: int, least: int) -> tuple[int, int] | None:
    """The capitalised words (up to four, at least `least`) ending before toks[b], when
    they open their clause: (first, b)."""
    a = b
    while (
        a - 1 >= lo and toks[a - 1].capitalized and toks[a - 1].lower not in NOT_NAMES and b - a < 4
    ):
        a -= 1
    if b - a >= least and (a == lo or toks[a - 1].text in (",", "(", ";", "“", '"')):
        return a, b
    return None


def _body_in_apposition(role_toks: list[Token]) -> bool:
    """ "The teachers' union, the Pine Hollow Education Association, said": "the" and a
    body's capitalised name set off after its description (the name speaks)."""
    rest = role_toks[1:]
    return (
        role_toks[0].lower == "the"
        and 2 <= len(rest) <= 5
        and all(t.capitalized for t in rest)
        and rest[-1].lower in ORG_HEADS
    )


def _name_of_body(role_toks: list[Token]) -> int:
    """ "Her lawyer, Daniel Okonkwo of the Civic Liberties Project, said": the length of
    the name (two to four capitalised words) before "of" and a body's name, else 0."""
    n = 0
    while n < len(role_toks) and n < 4 and role_toks[n].capitalized:
        n += 1
    if n < 2 or n + 2 > len(role_toks) or role_toks[n].lower != "of":
        return 0
    if any(t.lower in NOT_NAMES for t in role_toks[:n]):
        return 0
    body = role_toks[n + 1 :]
    return n if all(t.capitalized or t.lower in ("the", "of", "and", "&") for t in body) else 0


def _post_in_name(toks: list[Token], j: int, i: int, hi: int) -> bool:
    """ "Reef Cats captain Sione Havili": a post between a team's name and a person's."""
    return (
        i < j < hi - 1
        and toks[j].lower in PERSON_HEADS
        and toks[j - 1].capitalized
        and (toks[j + 1].capitalized)
    )


def _body_modifiers_start(toks: list[Token], first: int, end: int, lo: int) -> int:
    """ "the editorial board", "the power utility", "the planning appeals board": up to
    three lower-case words between "the" and a body's noun belong to the phrase."""
    if end - first != 1 or toks[first].lower not in ORG_HEADS or toks[first].capitalized:
        return first
    k = first - 1
    while k >= lo and first - k <= 4:
        if toks[k].lower in ("the", "its", "their"):
            return k if k < first - 1 else first
        if not (toks[k].text.isalpha() and toks[k].text.islower()):
            break
        k -= 1
    return first


def _description_of_place(span: list[Token]) -> bool:
    """ "The mayor of Saint-Aubert, Jean-François Gagnon, said": a lower-case description
    ending in a place or body's name, before the name in apposition."""
    return (
        len(span) >= 3
        and span[0].lower in DETERMINERS
        and not span[1].capitalized
        and any(t.lower in ("of", "for", "at") for t in span[2:-1])
    )


def _resident_before_place(
    toks: list[Token], first: int, end: int, lo: int
) -> tuple[int, int] | None:
    """ "Ada Pike of Dover, New Hampshire says": the state after the town is no subject;
    the person before "of" is."""
    if (
        first - 4 < lo
        or toks[first - 1].text != ","
        or " ".join(t.lower for t in toks[first:end]) not in COUNTRIES
        and toks[end - 1].lower not in COUNTRIES
        or not toks[first - 2].capitalized
        or toks[first - 3].lower not in ("of", "from")
    ):
        return None
    return _name_ending_at(toks, first - 3, lo, 2)


def _town_state_comma(toks: list[Token], k: int, j: int) -> bool:
    """Is the comma toks[k] the one between a town and its state ("Dover, Pa.", "Dover, New
    Hampshire"), the state ending right before toks[j]?"""
    state = toks[k + 1 : j]
    dotted = bool(state) and state[-1].text == "."  # "Pa." is two tokens
    if dotted:
        state = state[:-1]
    return (
        toks[k].text == ","
        and toks[k - 1].capitalized
        and 1 <= len(state) <= 2
        and all(t.capitalized and "-" not in t.text for t in state)  # not "R-Pa."
        and (
            dotted
            or state[-1].text.endswith(".")
            or (" ".join(t.lower for t in state) in COUNTRIES or state[-1].lower in COUNTRIES)
        )
    )


def _name_ending(toks: list[Token], b: int, lo: int) -> tuple[int, int] | None:
    """Two to four capitalised words ending before toks[b] and opening their clause."""
    a = b
    while (
        a - 1 >= lo and b - a < 4 and toks[a - 1].capitalized and toks[a - 1].lower not in NOT_NAMES
    ):
        a -= 1
    if b - a >= 2 and (a == lo or toks[a - 1].text in (",", "(", ";", "“", '"')):
        return a, b
    return None


def _before_open_relative(toks: list[Token], first: int, lo: int) -> tuple[int, int] | None:
    """ "Ada Pike, who chairs Harbor Watch said", "Nate Gold, the data writer who runs
    harborpolls.com tweeted": a relative clause whose closing comma is missing; the name
    before the comma is the subject, not the body named at the clause's end."""
    k = first - 1
    relative = False
    while k > lo and first - k < 16 and toks[k].text not in (",", ";", ":"):
        relative = relative or toks[k].lower == "who"
        k -= 1
    if (
        k - 1 < lo
        or toks[k].text != ","
        or not relative
        or toks[k + 1].lower not in ("who", "the", "a", "an")
    ):
        return None
    return _name_ending_at(toks, k, lo, 1)


def _skip_age_and_place(toks: list[Token], j: int, lo: int) -> int:
    """Step back over ", 59, of Ashton, Md." between a name and its verb."""
    for _ in range(4):
        if j - 1 >= lo and toks[j].text.isdigit() and toks[j - 1].text == ",":
            j -= 2  # ", 59"
        elif (
            j - 4 >= lo
            and toks[j - 1].text == ","
            and toks[j - 2].capitalized
            and toks[j - 3].lower in ("of", "from", "in")
            and toks[j - 4].text == ","
        ):
            j -= 5  # ", of Ashton, Md."
        elif (
            j - 2 >= lo
            and toks[j].capitalized
            and toks[j - 1].lower in ("of", "from")
            and toks[j - 2].text == ","
        ):
            j -= 3  # ", of Baldwin"
        elif (
            j - 3 >= lo
            and toks[j].capitalized
            and toks[j - 1].text == ","
            and toks[j - 2].capitalized
            and toks[j - 3].text == ","
            and toks[j].lower.endswith(".")
        ):
            j -= 3  # ", Baldwin, Miss."
        else:
            break
    return j


def _possessed_name(toks: list[Token], j: int, hi: int) -> tuple[int, int, str | None] | None:
    """ "added his campaign manager Jeff Weaver": after "his"/"her" and a few lower-case
    words, the name of two to four capitalised words that ends the phrase speaks."""
    k = j + 1
    while k < hi and k - j <= 4 and toks[k].text.isalpha() and not toks[k].capitalized:
        k += 1
    if k == j + 1:
        return None
    b = k
    while b < hi and b - k < 4 and toks[b].capitalized and toks[b].lower not in NOT_NAMES:
        b += 1
    if b - k < 2 or (b < hi and toks[b].text not in (",", ".", ";", "!", "?")):
        return None
    return k, b, " ".join(t.text for t in toks[j:k])


def _named_after_description(
    toks: list[Token], first: int, j: int, hi: int
) -> tuple[int, int, str | None] | None:
    """ "said his best friend at Dover, Bruce Tarry, who …", "wrote the ambassador at the
    time, John Herbert": a description, a short phrase after it, then the name in
    apposition, which speaks (the description is its role)."""
    if j >= hi or toks[j].text == "," or toks[first].lower not in DETERMINERS:
        return None
    if toks[j - 1].capitalized:
        return None  # "the Harbor Fund": a body, not a description of a person
    c = j
    while c < hi and c - j < 6 and toks[c].text not in (",", ";", ":", ".", "(", "—"):
        if toks[c].lower in ("who", "that", "which", "and", "but", "said", "says"):
            return None
        c += 1
    if c >= hi or toks[c].text != ",":
        return None
    a = c + 1
    if a < hi and toks[a].lower in ("the", "a", "an"):
        k = a + 1
        while k < hi and k - a <= 3 and toks[k].text.isalpha() and not toks[k].capitalized:
            k += 1
        if k > a + 1:
            a = k  # "said the chair of the panel, the sculptor Ewan Blair": a second role
    b = a
    while b < hi and b - a < 4 and toks[b].capitalized and toks[b].lower not in NOT_NAMES:
        b += 1
    if b - a < 2 or (b < hi and toks[b].text not in (",", ".", ";")):
        return None
    return a, b, " ".join(t.text for t in toks[first:c])


def _described_then_named(toks: list[Token], i: int, hi: int) -> tuple[int, int] | None:
    """ "Her neighbour, Tom Quinn, agreed", "One early backer, Ruth Okafor, gave": a determiner
    (or "one") and a few lower-case words, then a name between commas: the name."""
    if i >= hi or toks[i].lower not in DETERMINERS and toks[i].lower != "one":
        return None
    k = i + 1
    while k < hi and k - i <= 4 and toks[k].text.isalpha() and not toks[k].capitalized:
        k += 1
    if k == i + 1 or k >= hi or toks[k].text != ",":
        return None
    a = k + 1
    b = a
    while b < hi and b - a < 4 and toks[b].capitalized and toks[b].lower not in NOT_NAMES:
        b += 1
    if b - a >= 2 and b < hi and toks[b].text == ",":
        return a, b
    return None


def _named_in_apposition(toks: list[Token], j: int, hi: int) -> tuple[int, int] | None:
    """The name set off by commas after a description that ends before toks[j]: "Corwin’s
    Ohio field director, Lena Moss, wrote back"; "Her son, Jonas, wrote …, saying"; "The
    Danish minister of trade, Ida Holm, spoke …"."""
    if j < hi and toks[j].lower == "of":
        # The description's own "of" phrase in lower case ("minister of trade") runs on
        # to the comma before the name.
        k = j + 1
        while k < hi and k - j <= 5 and toks[k].text.isalpha() and not toks[k].capitalized:
            k += 1
        if k == j + 1:
            return None
        j = k
    if j + 2 >= hi or toks[j].text != ",":
        return None
    k = j + 1
    while k < hi and k - j <= 5 and toks[k].capitalized and toks[k].lower not in NOT_NAMES:
        k += 1
    if k >= hi or toks[k].text != ",":
        return None
    if 2 <= k - j - 1 <= 4 or (k - j - 1 == 1 and is_given_name(toks[j + 1].text)):
        # A lone word is a name only when it is a given name ("Jonas", "Mia"), the way
        # the article then calls that person.
        return j + 1, k
    return None


# Marks a relative clause in commas does not run across.
_CLAUSE_BREAKS = frozenset((";", ":", "—", "–", ".", "“", "”", '"', "(", ")"))


def _relative_with_commas(toks: list[Token], j: int, lo: int) -> int | None:
    """ "Mr. Vine, whose second firm, Keelworks, builds ferries, said": a who/whose clause holding
    commas of its own, closed by the comma at toks[j], after a name; the name's last token
    (the commas inside are not appositives of the name)."""
    if toks[j].text != ",":
        return None
    w = j - 1
    while w > lo + 1 and j - w < 30 and toks[w].text not in _CLAUSE_BREAKS:
        if toks[w].lower in ("who", "whose"):
            break
        w -= 1
    if toks[w].lower not in ("who", "whose") or toks[w - 1].text != ",":
        return None
    if not any(t.text == "," for t in toks[w + 1 : j]):
        return None  # one comma pair: the appositive loop steps over it as before
    if not toks[w - 2].capitalized or toks[w - 2].lower in NOT_NAMES:
        return None  # "The mayor, who …,": a description, handled as before
    return w - 2


_FINITE = frozenset("is was were are has have had will would".split())
_RELATIVES = frozenset("who whose which that".split())


def _clause_not_role(role_toks: list[Token]) -> bool:
    """ "according to the company, the decline was “…”": words after the comma that run
    into their own verb before any relative pronoun are the next clause, not a role."""
    for t in role_toks:
        if t.lower in _RELATIVES:
            return False
        if t.lower in _FINITE:
            return True
    return False


def _list_opening(toks: list[Token], k: int, lo: int) -> int:
    """The comma opening an appositive that holds a list ("…, deputy director for ports,
    ferries, and harbors,"), stepping back from the comma `k` before its last item to the one
    right after a name; `k` when there is none within three items."""
    c = k
    for _ in range(3):
        p = c - 1
        while p > lo and c - p < 8 and toks[p].text not in (",", ";", ":", "—", "–", "“", "”"):
            p -= 1
        if p <= lo or toks[p].text != ",":
            return k
        c = p
        if toks[c - 1].capitalized and toks[c - 1].lower not in NOT_NAMES:
            return c
    return k


_SOURCE_NOUNS = PERSON_HEADS | ANONYMOUS | SPOKES | ROLE_WORDS | ORG_HEADS


def described_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """ "The billionaire businessman mocked …": a sentence led by "the" and a few lower-case
    words ending on a noun for a person; offsets of that description, else None."""
    toks = tokens(text, lo, min(hi, lo + 200))
    if len(toks) < 3 or toks[0].lower not in (
        "the",
        "this",
        "his",
        "her",
        "their",
        "its",
        "one",
        "a",
        "an",
        "another",
    ):
        return None
    # "Her chief aide wrote …, saying": after a possessive, any noun for a source will do.
    heads = PERSON_HEADS if toks[0].lower in ("the", "this") else _SOURCE_NOUNS

    def noun(k: int) -> bool:
        return k < len(toks) and not toks[k].capitalized and toks[k].lower in heads

    head = 1
    while head <= 4 and head < len(toks) and not noun(head):
        if not toks[head].text.isalpha() or toks[head].capitalized:
            return None
        head += 1
    if not noun(head):
        return None
    while noun(head + 1):
        head += 1  # "the billionaire businessman"
    return toks[0].start, toks[head].end


# Adjectives that tie an anonymous source to what they know: "an official familiar with
# the talks", "a source close to the minister", "a person briefed on the plans".
_KNOWING = frozenset("familiar close briefed involved knowledgeable".split())
_KNOWING_LINKS = frozenset("with to on in about".split())


def described_lead(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """ "In a Facebook post, the sheriff's office praised …": a description opening the
    sentence text[lo:hi] (after an opening phrase and its comma), up to its "-ed" verb."""
    toks = tokens(text, lo, hi)
    a = next((k + 1 for k, t in enumerate(toks[:12]) if t.text == ","), 0)
    v = next(
        (
            k
            for k in range(a + 2, min(len(toks), a + 9))
            # "The company said in a statement that it remained …": up to "said"
            if toks[k].lower.endswith("ed") or toks[k].lower in SPEECH_VERBS
        ),
        0,
    )
    if not v or toks[a].lower not in ("the", "a", "an"):
        return None
    if any(not t.text[:1].isalnum() for t in toks[a:v]):
        return None
    return toks[a].start, toks[v - 1].end


def described_start(toks: list[Token], a: int, lo: int = 0) -> int | None:
    """Where a description of a source begins when the noun phrase toks[a:…] is the body
    it is tied to: "a spokesperson for [the Riverside Port Authority]", "one senior
    official at [the ministry]". None when toks[a] does not follow such a description."""
    if (
        a - 3 >= lo
        and not toks[a - 1].capitalized
        and toks[a - 1].lower in PERSON_HEADS | ROLE_WORDS
        and toks[a - 2].lower in DESCRIPTION_LINKS
    ):
        a -= 1  # "a spokesman for actor Dev Kapoor": the name's own describing noun
    if a - 2 < lo:
        return None
    h = a - 2
    if h - 1 >= lo and toks[h].lower in _KNOWING and toks[a - 1].lower in _KNOWING_LINKS:
        h -= 1  # "a senior official familiar with [the talks]": the noun before "familiar"
    elif toks[a - 1].lower not in DESCRIPTION_LINKS:
        return None
    head = toks[h]
    if not head.text.isalpha() or head.capitalized:
        return None
    if (
        head.lower not in ANONYMOUS
        and head.lower not in SPOKES
        and head.lower not in (PERSON_HEADS | ROLE_WORDS)
        # "an aid worker in [Kemah]": a noun for someone who does something
        and not (toks[a - 1].lower == "in" and head.lower.endswith(("er", "or", "ist")))
    ):
        return None
    k = h
    # describing words before the noun: "one senior administration official"
    while k - 1 >= lo and a - k < 6 and toks[k - 1].text.replace("-", "").isalpha():
        if toks[k - 1].lower in DESCRIPTION_OPENERS:
            return k - 1
        if toks[k - 1].capitalized and toks[k - 1].lower not in DESCRIPTION_OPENERS:
            k -= 1  # "a Labour backbencher", "a senior Veltra official"
            continue
        k -= 1
    return None


def knowing_source_start(toks: list[Token], v: int) -> int | None:
    """Where "a senior official familiar with the talks" begins when it is the subject of
    the verb toks[v] (the words after "familiar with" may hold a noun that looks like a
    verb: "the talks")."""
    for p in range(2, min(v - 1, 8)):
        if toks[p].lower in _KNOWING and toks[p + 1].lower in _KNOWING_LINKS:
            if any(not t.text[:1].isalpha() for t in toks[p + 2 : v]):
                return None  # a comma or a quotation mark: another clause
            return described_start(toks, p + 2)
    return None


# "The state news agency, Teleport, said": a body's description, then its name.
_BODY_DESCRIBED_BEFORE = re.compile(r"\b[Tt]he(?:[ \t]+[a-z][\w-]*){0,3}[ \t]+([a-z]+),[ \t]*$")
_LINK_WORD = re.compile(r"[ \t]+(?:of|at|in|for|with|that|which|whose|who|based)\b")


def described_body(text: str, full: str, start: int, end: int) -> bool:
    """Is the name set off by a description of a body ("The state news agency, Teleport,",
    "Varda Mining, the Dutch-owned operator of the quarry,"), so a body, not a person?"""
    first = full.split()[0]
    if is_given_name(first) or is_shared_given_name(first):
        return False
    heads = ORG_HEADS | BUSINESS_HEADS
    before = _BODY_DESCRIBED_BEFORE.search(text, max(0, start - 60), start)
    if before is not None and before.group(1) in heads:
        return True
    after = _APPOSITIVE.match(text, end)
    if after is None or after.group(1).split()[0] not in ("the", "a", "an"):
        return False
    described = _LINK_WORD.split(after.group(1), maxsplit=1)[0].split()
    return described[-1] in heads


# ", Juan Carlos Ortega Salinas," right after a description: the name it describes.
_NAME_SET_OFF = re.compile(rf",[ \t]+([{_UPPER}][\w’'.-]*(?:[ \t]+[{_UPPER}][\w’'.-]*){{1,4}}),")


def name_set_off_after(text: str, end: int) -> str | None:
    """The name in commas right after a description ending at `end` ("The governor of Alto
    Cauce, Juan Carlos Ortega Salinas, was blunt"), else None."""
    found = _NAME_SET_OFF.match(text, end)
    return found.group(1) if found is not None else None


# Prepositions of place: a name right after one is where something happened, not who spoke.
_PLACE_PREPOSITIONS = frozenset("in at from near outside inside across around".split())


def _description_before_place(toks: list[Token], lo: int, j: int, end: int) -> bool:
    """ "The family of a man who died after an attack in Coventry have described …": the
    capitalised words before the verb are a place closing a description that opens the
    sentence (toks[lo]), so the whole description is the subject, not the place."""
    return (
        j > lo + 1
        and j - lo <= 20
        and toks[j].lower in _PLACE_PREPOSITIONS
        and toks[lo].lower in ("the", "a", "an", "one")
        and not toks[lo + 1].capitalized
        and all(t.capitalized for t in toks[j + 1 : end])
        and not any(t.text in (",", ";", ":", "—", "–", "(") for t in toks[lo:end])
    )


# Honorifics without their full stop ("Dr", "Mrs"), before a name in apposition.
HONORIFICS_BARE = frozenset(h.rstrip(".") for h in HONORIFICS)


def _capitalised_post(span: list[Token]) -> bool:
    """A post written in capitals after "the" ("the Health Secretary", "the Prime
    Minister"): a description, so a name in commas after it is the holder's."""
    if (
        len(span) >= 3
        and span[1].lower == "of"
        and (span[0].lower in TITLES or span[0].lower in PERSON_HEADS)
        and not any(t.lower in ORG_WORDS for t in span[2:])
    ):
        return True  # "Bishop of Kilcarra, Dr Eamon Tierney, said" (not a body's post)
    return (
        len(span) >= 2
        and span[0].lower in DETERMINERS
        and (span[-1].lower in ROLE_WORDS or span[-1].lower in TITLES)
    )


def _roles_joined(toks: list[Token], j: int, lo: int, end: int) -> bool:
    """ "co-founder and CEO Imani Brooks said": an "and" joining two posts before a name."""
    return (
        toks[j].lower == "and"
        and lo < j < end - 2
        and toks[j - 1].lower in ROLE_WORDS
        and toks[j + 1].lower in ROLE_WORDS
        and toks[end - 1].capitalized
    )
