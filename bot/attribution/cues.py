"""Finding a quotation's attribution in the words around it.

Two places hold it in news prose: right after the closing mark (“…,” Trump wrote / “…,”
said Ada Moreno, a pollster) or earlier in the quote's own sentence (Peskov told reporters
that Putin “…”; According to X, “…”; He added: “…”). This module finds the cue and the raw
speaker noun phrase; `resolve` decides who that phrase is. This module: the cue after the
quotation and a signature line; `cues_before`: the cue before it and after a run of them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.attribution.appositions import described_start, knowing_source_start
from bot.attribution.lexicons import (
    AUXILIARIES,
    DESCRIPTION_LINKS,
    DETERMINERS,
    INDEFINITE_SPEAKERS,
    LEADING_PARTICIPLES,
    MONTHS,
    NOT_SIGNATURES,
    NOT_SUBJECT_START,
    SPEECH_VERBS,
    STOP_PREPS,
    TELL,
    WEAK_VERBS,
    WEEKDAYS,
)
from bot.attribution.media import OCCASIONS, medium_after
from bot.attribution.phrases import (
    _TIME_WORDS,
    np_left,
    np_right,
)
from bot.attribution.source_phrases import (
    _before_relative,
    _described_right,
    _head_before_link,
    _indefinite_right,
    _issuer,
    _the_writing,
)
from bot.attribution.text import Token, sentence_end, tokens

# How far from a quotation its attribution may be; keeps hostile input linear.
WINDOW = 300


# After a quotation the attribution comes first: "…,” said X, a long appositive."
AFTER_WINDOW = 250


_QUOTE_CHARS = set("”“\"'’‘«»`")


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


def _strong_after(toks: list[Token], v: int) -> bool:
    """A verb right after a quotation attributes it unless it is a weak one."""
    return toks[v].text[:1].islower() and toks[v].lower in SPEECH_VERBS


def _went_on(toks: list[Token], v: int, n: int) -> bool:
    """ "“…,” Hale went on.": "went on" closing the clause goes on speaking (not "went on
    to win", "went on television")."""
    return (
        toks[v].lower == "went"
        and v + 1 < n
        and toks[v + 1].lower == "on"
        and (v + 2 >= n or toks[v + 2].text in (",", ".", ":", ";"))
    )


def _odd_lead(toks: list[Token], end: int) -> bool:
    """Words toks[:end] before a name after a quotation that cannot describe it: punctuation
    or a function word, except "of" inside a lower-case post ("chief of staff Tom Vale
    said")."""
    for k in range(end):
        t = toks[k]
        if not t.text[:1].isalpha():
            return True
        inner_of = (
            t.lower == "of"
            and 0 < k < len(toks) - 1
            and toks[k - 1].text.islower()
            and toks[k + 1].text.islower()
            # a post ("head of research"), not a part ("one of the aides")
            and toks[k + 1].lower not in DETERMINERS
            and toks[k - 1].lower not in ("one", "some", "many", "most", "all", "each")
        )
        if t.lower in NOT_SUBJECT_START and not inner_of:
            return True
    return False


def _cue_phrase(text: str, toks: list[Token], v: int, hi: int) -> tuple[str, int, int]:
    """The cue as written: the verb, plus the listener after 'told' ('told reporters')."""
    start, end = toks[v].start, toks[v].end
    if toks[v].lower in TELL:
        j = v + 1
        while j < hi and j - v <= 4 and toks[j].text not in (",", ".", ";", ":", "—"):
            low = toks[j].lower
            if low in STOP_PREPS or low in ("that", "the") and j > v + 1 or low in _TIME_WORDS:
                break
            if low in WEEKDAYS or low in MONTHS:
                break
            j += 1
            end = toks[j - 1].end
    elif _went_on(toks, v, hi):
        end = toks[v + 1].end  # “…,” she went on.
    elif (
        v + 1 < hi
        and toks[v + 1].lower in ("in", "on")
        and v + 2 < hi
        and toks[v + 2].lower in ("a", "an")
        and v + 3 < hi
        and toks[v + 3].lower in ("statement",)
    ):
        pass  # "said in a statement": the statement is the medium, the cue stays "said"
    return text[start:end], start, end


def _two_word_cue(
    text: str, toks: list[Token], v: int, n: int, lo: int, hi: int
) -> RawAttribution | None:
    """A two-word cue at toks[v:v+2] ("according to", "asked by") and the speaker after it."""
    found = _issuer(toks, np_right(toks, v + 2, n), n)
    if found is None:
        return None
    a, b, role = found
    start, end = toks[v].start, toks[v + 1].end
    return RawAttribution(
        text[start:end], start, end, toks[a].start, toks[b - 1].end, role, None, lo, hi, False
    )


def _subject_speaks(text: str, toks: list[Token], v: int, n: int, lo: int) -> RawAttribution:
    """Speech verb `toks[v]` whose speaker is its clause's subject, named elsewhere: an empty
    noun phrase at the verb, for the resolver to fill."""
    start = toks[v].start
    cue, cs, ce = _cue_phrase(text, toks, v, n)
    return RawAttribution(cue, cs, ce, start, start, None, None, lo, start, False)


def _speaker_after_verb(
    text: str,
    toks: list[Token],
    v: int,
    n: int,
    speaker: tuple[int, int, str | None],
    when: tuple[int, int],
) -> RawAttribution:
    """An attribution after the quotation with the speaker after its verb `toks[v]` ("…,"
    said Ines Calder, an economist), and the medium after the speaker."""
    a, b, role = speaker
    cue, cs, ce = _cue_phrase(text, toks, v, n)
    medium = medium_after(text, toks, b, n)
    return RawAttribution(
        cue, cs, ce, toks[a].start, toks[b - 1].end, role, medium, when[0], when[1], True
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
        lead = 1 if toks[0].lower in LEADING_PARTICIPLES else 0
        if lead or any(t.lower in OCCASIONS for t in toks[: a - 1]):  # ("Speaking to …")
            medium = medium_after(text, toks, lead, a - 1, listener=bool(lead))
    return RawAttribution(
        cue,
        cs,
        ce,
        toks[a].start,
        toks[b - 1].end,
        role,
        medium,
        when[0],
        when[1],
        after,
    )


def find_after(text: str, lo: int, hi: int) -> RawAttribution | None:
    """An attribution in the words right after a quotation: text[lo:hi]."""
    start = lo
    while lo < hi and (text[lo] in _QUOTE_CHARS or text[lo] in ",;" or text[lo].isspace()):
        lo += 1
    hi = min(hi, lo + AFTER_WINDOW)
    stop = sentence_end(text, lo, hi)
    toks = tokens(text, lo, stop)
    n = len(toks)
    if not toks:
        return None
    first = toks[0]
    if (
        first.text in ("―", "—", "–", "-")
        or text[lo] in "―—–"
        # a hyphen opening the next line: a pull-quote's credit ("- Léa Moreau"), not an
        # aside within the sentence ("“…” - Russian for “…”")
        or (text[lo : lo + 2] == "- " and "\n" in text[start:lo])
    ):
        # “…” ― Oscar P. Quintero: a signature after a dash.
        return _signature(text, toks, lo, stop)
    # Inverted: “…,” said Ada Moreno, a county pollster. (Not a participle: “…,”
    # promising the members a return is the sentence subject's, not the members'.)
    if (_strong_after(toks, 0) and not first.lower.endswith("ing")) or (
        first.lower in AUXILIARIES and n > 1 and _strong_after(toks, 1)
    ):
        v = 0 if _strong_after(toks, 0) else 1
        found = (
            _described_right(toks, v + 1, n)
            or np_right(toks, v + 1, n)
            or _indefinite_right(toks, v + 1, n)
        )
        if found is not None:
            return _speaker_after_verb(text, toks, v, n, found, (lo, stop))
    if first.lower == "according" and n > 2 and toks[1].lower == "to":
        found = _issuer(toks, np_right(toks, 2, n) or _indefinite_right(toks, 2, n), n)
        if found is not None:
            a, b, role = found
            return RawAttribution(
                text[first.start : toks[1].end],
                first.start,
                toks[1].end,
                toks[a].start,
                toks[b - 1].end,
                role,
                None,
                lo,
                stop,
                True,
            )
    if first.lower in NOT_SUBJECT_START and first.lower not in DETERMINERS and first.text != "May":
        return None
    # Subject first: “…,” Trump wrote on Truth Social. / the economist X, a former adviser,
    # wrote on his blog.
    for v in range(1, min(n, 30)):
        if toks[v].text in (";", ":") or toks[v].lower in ("that", "because", "but"):
            return None
        tok = toks[v]
        if v == 2 and tok.lower in ("read", "reads") and _the_writing(toks):
            # “…,” the post read. / “…,” the letter reads.
            return _verb_attribution(text, toks, v, n, (0, 2, None), (lo, stop), True)
        if (tok.lower not in SPEECH_VERBS or not tok.text[0].islower()) and not _went_on(
            toks, v, n
        ):
            continue
        if tok.lower.endswith("ing"):
            continue  # “…” Hale had trouble answering: a participle has no subject here
        if toks[v - 1].lower in ("who", "which"):
            continue  # "one driver, who asked not to be named, told …": a relative clause
        if toks[v - 1].lower in DETERMINERS:
            continue  # "an official familiar with the talks told …": "talks" is a noun here
        found = np_left(toks, v)
        if found is not None:
            k = described_start(toks, found[0])
            if k is not None:
                found = (k, found[1], None)  # “…,” a spokesperson for the Port Authority said
        else:
            k = knowing_source_start(toks, v)
            if k is not None:
                found = (k, v, None)  # “…,” an official familiar with the talks told Wire
        head_end = _before_relative(toks, v)
        if head_end < v and found is not None and found[0] > head_end:
            found = None  # the clause's own words ("on condition of anonymity") speak not
        if (
            (
                found is None
                or found[0] >= 2
                and toks[found[0] - 1].lower in DESCRIPTION_LINKS
                and (toks[1].lower != "of" or found[0] == 2 and v <= 5)  # not "… aides for X"
            )
            # (a participle's phrase runs longer: "a man waiting for the bus said")
            and 2 <= head_end <= (5 if found is None and not toks[2].lower.endswith("ing") else 8)
            and first.lower in INDEFINITE_SPEAKERS
            and all(t.text.replace("-", "").isalpha() for t in toks[1:head_end])
            and not toks[_head_before_link(toks, head_end)].capitalized
        ):
            # “…,” one Labour backbencher told the Guardian: a described speaker whose noun
            # no word list knows; unresolved, the description kept as the role. ("one
            # driver, who asked not to be named, said": the relative clause left out.)
            found = (0, head_end, None)
        # "former harbor pilot Ivo Grant explained": a few describing words may lead (up to
        # six: "Port Authority senior trial counsel Ivo Grant wrote"); "the port's director,
        # Rhea Quint, said": a description, then the name.
        lead = toks[: found[0]] if found is not None else []
        if lead and lead[-1].text == "," and found is not None and found[2] is not None:
            lead = lead[:-1]
        if found is None or len(lead) > 6 or _odd_lead(toks, len(lead)):
            return None
        if lead and any(t.lower == "of" for t in lead):
            found = (0, found[1], found[2])  # "chief of staff Tom Vale": the whole post

        return _verb_attribution(text, toks, v, n, found, (lo, stop), True)
    return None


def _signature(text: str, toks: list[Token], lo: int, hi: int) -> RawAttribution | None:
    """A name after the dash at text[lo] (toks: the words of text[lo:hi])."""
    k = 1 if toks and toks[0].text in ("―", "—", "–", "-") else 0
    found = np_right(toks, k, len(toks))
    if found is None or not toks[found[0]].capitalized or found[1] - found[0] > 5:
        return None
    a, b, role = found
    return RawAttribution(
        text[lo], lo, lo + 1, toks[a].start, toks[b - 1].end, role, None, lo, hi, True
    )


# The words a signature's name may run on with: "- Léa Moreau after her semi-final",
# "— Tom Arden speaking to reporters".
_SIGNATURE_TAIL = re.compile(
    r"(?:after|before|during|on|in|at|when|while|speaking|writing|talking|following)[ \t]"
)


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
    if after == " " and _SIGNATURE_TAIL.match(text, found.np_end + 1):
        after = ""  # "- Léa Moreau after saving three match points": a pull-quote's credit
    if (
        not all(w[:1].isupper() for w in words)
        or words[0].lower() in NOT_SIGNATURES
        or (after not in ("", ",", ".", "\n"))
    ):
        return None
    return found
