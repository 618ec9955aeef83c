"""A quotation's attribution from its neighbours: the raw cue near each quoted span, and
quotations that continue an earlier one (interrupted, multi-paragraph, standing alone
after their speaker, opening a sentence after a named subject).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.attribution.cues import (
    AFTER_WINDOW,
    RawAttribution,
    find_after,
    signature_line,
)
from bot.attribution.cues_before import find_before, find_trailing
from bot.attribution.lexicons import ORG_HEADS, PERSON_HEADS, ROLE_WORDS, SPEECH_VERBS
from bot.attribution.marks import QuotedSpan
from bot.attribution.model import Speaker, When
from bot.attribution.people import Entities
from bot.attribution.source_phrases import possessor_of_noun_after
from bot.attribution.subjects import subject_of_sentence
from bot.attribution.text import sentence_end, sentence_ends, sentence_start, tokens

# A quotation this short with no attribution is a scare quote or a coined phrase.
MIN_UNATTRIBUTED_WORDS = 4


# An unattributed quotation this long (a partial one: “quick fix”) in a sentence led by a
# named person is theirs.
MIN_SUBJECT_WORDS = 2


_ENDS_OPEN = set(",?!—–-…:;")


@dataclass(slots=True)  # slots: built per quotation, its fields read often
class Piece:
    span: QuotedSpan
    raw: RawAttribution | None = None
    speaker: Speaker | None = None
    cue: str | None = None
    medium: str | None = None
    when: When | None = None
    group: int = -1
    source: int = -1  # index of the piece this one inherits its attribution from
    keep: bool = True
    headline: bool = False  # attributed by the headline's own pattern, title case and all


def _bounds(
    spans: list[QuotedSpan], paragraphs: tuple[tuple[int, int], ...], i: int
) -> tuple[int, int, int, int]:
    """(paragraph start, end of previous quote or para start, next quote or para end, para end)"""
    s = spans[i]
    plo, phi = paragraphs[s.paragraph]
    prev_end = plo
    if i > 0 and spans[i - 1].paragraph == s.paragraph:
        prev_end = spans[i - 1].close_pos + 1
    next_open = phi
    if i + 1 < len(spans) and spans[i + 1].paragraph == s.paragraph:
        next_open = spans[i + 1].open_pos
    return plo, prev_end, next_open, phi


_NAME_SAID = re.compile(
    r"[”\"’']?[ \t]+(?:[A-Z][\w’'.-]*[ \t]+){1,3}(?:said|says|added|wrote|explained)[.]"
)


_NAME_COLON = re.compile(r"((?:[A-Z][a-z][\w’'.-]*[ \t]+){1,3}[A-Z][a-z][\w’'-]*):[ \t]*$")


def _name_colon(text: str, lo: int, open_pos: int) -> RawAttribution | None:
    """ "… does not surprise county pollster Ada Moreno: “…”": a name right before the
    colon introducing the quotation speaks, whatever the sentence's verb."""
    start = max(lo, open_pos - 80)
    found = _NAME_COLON.search(text, start, open_pos)
    if found is None or len(found.group(1).split()) < 2:
        return None
    a, b = found.span(1)
    sent_lo = sentence_start(text, lo, a)
    return RawAttribution(":", b, b + 1, a, b, None, None, sent_lo, open_pos, False)


def _subject_colon(text: str, lo: int, open_pos: int) -> RawAttribution | None:
    """ "The federation put it plainly: “…”", "Her reply was short: “…”": a short sentence
    ending in a colon right before the quotation is its subject's, whatever the verb."""
    before = text[lo:open_pos].rstrip()
    if not before.endswith(":"):
        return None
    colon = lo + len(before) - 1
    sent_lo = sentence_start(text, lo, colon)
    if colon - sent_lo > 100:
        return None
    found = subject_of_sentence(text, sent_lo, colon)
    if found is None:
        lead = _LEAD_SUBJECT.match(text, sent_lo, colon)  # (a verb the parser does not know)
        found = lead.span(1) if lead is not None else None
        noun = lead.group(1).split()[-1] if lead is not None else ""
        if noun.islower() and noun not in ORG_HEADS | PERSON_HEADS | ROLE_WORDS:
            return None  # "The next: …" is no speaker
    if found is None:
        return None
    a, b = found
    return RawAttribution(":", colon, colon + 1, a, b, None, None, sent_lo, open_pos, False)


# A sentence's leading "the <noun>" or run of capitalised words, then a lower-case verb.
_LEAD_SUBJECT = re.compile(
    r"((?:[Tt]he[ \t]+[a-z]+)|(?:[A-Z][\w’'-]+[ \t]+){0,3}[A-Z][\w’'-]+)[ \t]+[a-z]"
)


# "HIGHER TURNOUT THAN EXPECTED - Ada P. Moreno: “…”": a digest's item, signed by the name
# after the dash (and "More from …").
_DASH_NAME_COLON = re.compile(
    r"[-—–―][ \t]*(?:More from[ \t]+)?"
    r"([A-Z][\w’'.-]*(?:[ \t]+(?:[A-Z][\w’'.-]*|and|&))*)[ \t]*:[ \t]*$"
)


def _dash_name_colon(text: str, lo: int, open_pos: int) -> RawAttribution | None:
    """The name between a dash and the colon introducing the quotation."""
    found = _DASH_NAME_COLON.search(text, max(lo, open_pos - 120), open_pos)
    if found is None or not 2 <= len(found.group(1).split()) <= 7:
        return None
    a, b = found.span(1)
    pair = re.search(r"[ \t]+(?:and|&)[ \t]+", found.group(1))
    end = a + pair.start() if pair is not None else b  # "Moreno and Cohl": the first
    return RawAttribution(":", b, b + 1, a, end, None, None, a, open_pos, False)


def _attribution(
    text: str, paragraphs: tuple[tuple[int, int], ...], spans: list[QuotedSpan], i: int
) -> RawAttribution | None:
    s = spans[i]
    plo, prev_end, next_open, phi = _bounds(spans, paragraphs, i)
    after_lo = s.close_pos if not s.runs_on else phi
    inner = text[s.start : s.end].rstrip(" ’'\"”")  # 'Oh, this is important,' "
    ends_open = bool(inner) and inner[-1] in _ENDS_OPEN
    follow = text[after_lo + 1 : after_lo + 4].lstrip("”\"'’ ")
    continues = (
        ends_open
        or follow[:1] in (",", "―", "—", "–")
        or follow[:1].islower()
        # a pull-quote over its credit line in the same paragraph: “…”\n- Léa Moreau
        or (follow[:1] == "\n" and follow[1:2] in ("-", "―", "—", "–"))
        or (
            # “The primary is a test of stamina” Grubb said.: the comma forgotten
            bool(inner) and inner[-1].isalnum() and follow[:1].isupper()
        )
        or (
            # “… the missing permits.” Brandt said.: a full stop where the comma goes, when
            # a short "Name said." is all that follows
            bool(inner)
            and inner[-1] == "."
            and _NAME_SAID.match(text, after_lo + 1, min(len(text), after_lo + 60)) is not None
        )
    )
    owned = None if s.runs_on else possessor_of_noun_after(text, plo, s.open_pos, after_lo + 1, phi)
    if owned is not None:
        # "Tom Vale’s “half the town” comment": the name owning the word for what was said.
        c0, c1, n0, n1 = owned
        return RawAttribution(text[c0:c1], c0, c1, n0, n1, None, None, n0, c1, False)
    if continues and not s.runs_on:
        if inner[-1:] in ("?", "!") and text[prev_end : s.open_pos].rstrip()[-1:] in (",", ":"):
            # "Pike answered Hale with, “Why now?” Hale then wrote back, “…”": the cue
            # introducing a question is its own; the next sentence's is the next one's.
            before = find_before(text, prev_end, s.open_pos)
            if before is not None and before.np_end > before.np_start:
                return before
        found = find_after(text, after_lo + 1, next_open)
        if found is not None:
            return found
    found = (
        _dash_name_colon(text, prev_end, s.open_pos)
        or find_before(text, prev_end, s.open_pos)
        or _name_colon(text, prev_end, s.open_pos)
        or _subject_colon(text, prev_end, s.open_pos)
    )
    if found is not None:
        return found
    if s.runs_on:
        return None
    found = find_trailing(text, after_lo + 1, next_open)
    if (
        found is None
        and prev_end == plo
        and next_open == phi
        and s.open_pos <= plo + 1
        and s.paragraph + 1 < len(paragraphs)
        and not text[s.close_pos + 1 : phi].strip(" .,”\"’'")
    ):
        # A paragraph that is all quotation, signed by the next one: "- Sanders." (A wire
        # credit under a narrative paragraph, "- Reuters.", signs nothing.)
        found = signature_line(text, *paragraphs[s.paragraph + 1])
    return found


def _inherit(
    text: str, paragraphs: tuple[tuple[int, int], ...], pieces: list[Piece], entities: Entities
) -> None:
    """Quotations without their own attribution take their neighbour's."""
    for i, piece in enumerate(pieces):
        s = piece.span
        prev = pieces[i - 1] if i > 0 else None
        plo = paragraphs[s.paragraph][0]
        at_para_start = s.open_pos <= plo + 1
        # Continued from the previous paragraph (it ran on without closing).
        if (
            prev is not None
            and prev.span.runs_on
            and prev.span.paragraph == s.paragraph - 1
            and at_para_start
        ):
            if piece.raw is None or (prev.raw is None and prev.source < 0):
                if prev.raw is None and prev.source < 0 and piece.raw is not None:
                    _adopt_backwards(pieces, i)
                else:
                    piece.source = _root(pieces, i - 1)
            continue
        if piece.raw is not None:
            continue
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if not s.runs_on and _unread_cue_after(text, s, nxt, paragraphs[s.paragraph]):
            # “…,” one driver, who asked not to be named, told the paper: an attribution is
            # right there but its speaker could not be read; another's name would be a
            # misattribution, so the quotation stays unresolved.
            continue
        if (
            nxt is not None
            and nxt.span.paragraph == s.paragraph
            and nxt.raw is not None
            and nxt.raw.after
            and nxt.span.open_pos - s.close_pos < 600
            and not sentence_ends(text, s.close_pos + 1, nxt.span.open_pos)
        ):
            # “a fair share of the cost” and the “local muscle” …, Tallis said.
            piece.source = i + 1
            continue
        if (
            prev is not None
            and prev.span.paragraph == s.paragraph
            and (prev.raw is not None or prev.source >= 0)
        ):
            piece.source = _root(pieces, i - 1)
            continue
        if (
            nxt is not None
            and nxt.span.paragraph == s.paragraph
            and nxt.raw is not None
            and not text[s.close_pos + 1 : nxt.span.open_pos].strip(" ”\"'’.,")
        ):
            piece.source = i + 1
            continue
        if at_para_start and s.paragraph > 0:
            found = _colon_intro(text, paragraphs, s.paragraph - 1)
            if found is not None:
                piece.raw = found
                continue
            long_enough = _words(text, s) >= MIN_UNATTRIBUTED_WORDS or _whole_sentence_paragraph(
                text, paragraphs, s
            )
            if (
                prev is not None
                and prev.span.paragraph == s.paragraph - 1
                and (prev.raw is not None or prev.source >= 0)
                and _quote_ends_paragraph(text, paragraphs, prev.span)
                and long_enough
            ):
                piece.source = _root(pieces, i - 1)
                continue
            # A paragraph that is all quotation, after one that ends on a speech act
            # ("Clinton responded …, saying …"): the same speaker goes on.
            if (
                long_enough
                and s.close_pos >= paragraphs[s.paragraph][1] - 2
                and (
                    prev is None
                    or prev.span.paragraph < s.paragraph - 1
                    # a scare quote in it attributes nothing ("How he would “fix the
                    # harbor” is anyone's guess, since Hale spoke only in slogans.")
                    or prev.span.paragraph == s.paragraph - 1
                    and prev.raw is None
                    and prev.source < 0
                )
            ):
                lo, hi = paragraphs[s.paragraph - 1]
                end = hi
                while end > lo and text[end - 1] in " \t”\"’'.!?":
                    end -= 1  # or its last sentence would end right at `hi`, empty
                found = find_before(text, lo, end)
                if found is None:
                    # "Tallis is hopeful about the harbor plan." then a quotation alone:
                    # the person the previous paragraph ends on speaks.
                    last_lo = sentence_start(text, lo, max(lo, hi - 2))
                    found_np = subject_of_sentence(text, last_lo, hi)
                    if (
                        found_np is not None
                        and (
                            text[found_np[0]].isupper()
                            # "Asked for advice, she does not hesitate." then the advice
                            or text[found_np[0] : found_np[1]] in ("he", "she")
                        )
                        and text[found_np[0] : found_np[1]].lower() not in ("it", "this")
                    ):
                        a, b = found_np
                        found = RawAttribution("", a, a, a, b, None, None, last_lo, a, False)
                if found is not None:
                    piece.raw = found
                    continue
            # A quotation opening its paragraph with nothing to attribute it: the last
            # speaker of the previous paragraph, if nobody else spoke since, goes on.
            if (
                long_enough
                and prev is not None
                and prev.span.paragraph == s.paragraph - 1
                and (prev.raw is not None or prev.source >= 0)
            ):
                since = prev.span.close_pos + 1
                if prev.raw is not None and prev.raw.after:
                    since = max(since, prev.raw.cue_end)  # past its own "he said"
                other = _speech_since(text, since, paragraphs[s.paragraph - 1][1])
                if other is not None and other.np_end == other.np_start:
                    found_np = subject_of_sentence(text, other.when_lo, other.cue_start)
                    other = (
                        None
                        if found_np is None
                        else RawAttribution(
                            other.cue,
                            other.cue_start,
                            other.cue_end,
                            found_np[0],
                            found_np[1],
                            None,
                            None,
                            other.when_lo,
                            other.cue_start,
                            False,
                        )
                    )
                if other is None:
                    piece.source = _root(pieces, i - 1)
                elif other.np_end > other.np_start:
                    piece.raw = other  # "… Mayor Tom Berg disagreed and told reporters …"
            continue
        # “…” opening a sentence after one whose subject is a person ("Rhea Quint
        # praised the clerk's patience. “She never once lost her temper …”"): that person.
        plo = paragraphs[s.paragraph][0]
        sent_lo = sentence_start(text, plo, s.open_pos)
        if sent_lo > plo and _words(text, s) >= 3:
            # "This makes it harder, he said. Good information wins only when “…”": the
            # previous sentence's speaker goes on.
            prev_end = sent_lo
            while prev_end > plo and text[prev_end - 1] in " \t”\"’'.!?":
                prev_end -= 1
            prev_lo = sentence_start(text, plo, prev_end)
            found = find_before(text, prev_lo, prev_end)
            if found is not None and found.np_end == found.np_start:
                # "Bolton distanced himself … by saying he would help.": the subject.
                found_np = subject_of_sentence(text, prev_lo, found.cue_start)
                if found_np is not None:
                    a, b = found_np
                    found = RawAttribution(
                        found.cue,
                        found.cue_start,
                        found.cue_end,
                        a,
                        b,
                        None,
                        None,
                        prev_lo,
                        found.cue_start,
                        False,
                    )
            if found is not None and found.np_end > found.np_start:
                piece.raw = found
                continue
        if sent_lo >= s.open_pos - 1 and sent_lo > plo and _words(text, s) >= 3:
            prev_lo = sentence_start(text, plo, max(plo, sent_lo - 2))
            found_np = subject_of_sentence(text, prev_lo, sent_lo)
            if prev_lo > plo and (found_np is None or not _person_np(text, found_np, entities)):
                # "He has tried. Last year Brightmoor tested … “…”": the person the sentence
                # before speaks, not the company the last one is about.
                earlier_lo = sentence_start(text, plo, prev_lo - 2)
                earlier = subject_of_sentence(text, earlier_lo, prev_lo)
                if earlier is not None and _person_np(text, earlier, entities):
                    found_np = earlier
            if (
                found_np is not None
                and (
                    text[found_np[0] : found_np[1]][:1].isupper()
                    # "Afterwards, she was blunt. “…”": the person "she" is
                    or text[found_np[0] : found_np[1]] in ("he", "she")
                )
            ):
                a, b = found_np
                piece.raw = RawAttribution("", a, a, a, b, None, None, prev_lo, a, False)
                continue
        if sent_lo < s.open_pos - 1 and _words(text, s) >= MIN_SUBJECT_WORDS:
            # "Trump also embraced harsher methods -- “…”", "Carson took the stage and
            # called the system “…”": a named person leading the quotation's own sentence.
            found_np = subject_of_sentence(text, sent_lo, s.open_pos)
            if found_np is not None and entities.is_person(
                text[found_np[0] : found_np[1]], found_np[0]
            ):
                a, b = found_np
                piece.raw = RawAttribution("", a, a, a, b, None, None, sent_lo, a, False)


def _person_np(text: str, np: tuple[int, int], entities: Entities) -> bool:
    """Is the noun phrase text[np[0]:np[1]] "he"/"she" or a person the article names?"""
    phrase = text[np[0] : np[1]]
    return phrase.lower() in ("he", "she") or entities.is_person(phrase, np[0])


def _unread_cue_after(text: str, s: QuotedSpan, nxt: Piece | None, para: tuple[int, int]) -> bool:
    """A quotation opening its sentence as “…,” with a speech verb in the next few words
    ("“…,” one driver, who asked not to be named, told the paper"): its attribution is
    right there, even when its speaker could not be read."""
    if sentence_start(text, para[0], s.open_pos) < s.open_pos - 1:
        return False
    if text[s.start : s.end].rstrip(" ’'\"”")[-1:] not in (",", "?", "!"):
        return False
    lo = s.close_pos + 1
    hi = min(para[1], lo + AFTER_WINDOW)
    if nxt is not None and nxt.span.paragraph == s.paragraph:
        hi = min(hi, nxt.span.open_pos)
    words = tokens(text, lo, sentence_end(text, lo, hi))[:30]
    return any(t.lower in SPEECH_VERBS and t.text[:1].islower() for t in words)


def _speech_since(text: str, lo: int, hi: int) -> RawAttribution | None:
    """Someone else speaking in text[lo:hi], after the last quotation's attribution."""
    if hi - lo > 600:
        lo = hi - 600  # a long stretch of narrative: only its end can still attribute
    while hi > lo and text[hi - 1] in " \t”\"’'.!?":
        hi -= 1  # or the last sentence would end right at `hi`, leaving nothing to search
    return find_before(text, lo, hi)


def _adopt_backwards(pieces: list[Piece], i: int) -> None:
    """A run-on quotation attributed only in a later paragraph: earlier pieces follow it."""
    j = i - 1
    while j >= 0 and pieces[j].raw is None and pieces[j].source < 0:
        pieces[j].source = i
        if j == 0 or not pieces[j - 1].span.runs_on:
            break
        j -= 1


def _root(pieces: list[Piece], i: int) -> int:
    while pieces[i].source >= 0:
        i = pieces[i].source
    return i


def _quote_ends_paragraph(
    text: str, paragraphs: tuple[tuple[int, int], ...], s: QuotedSpan
) -> bool:
    """The quotation is in the paragraph's last sentence (maybe followed by 'he said.')."""
    phi = paragraphs[s.paragraph][1]
    if phi - s.close_pos > 600:
        return False  # far from the paragraph's end: more than a closing "he said"
    ends = sentence_ends(text, s.close_pos + 1, phi)
    return len(ends) <= 1


def _colon_intro(
    text: str, paragraphs: tuple[tuple[int, int], ...], index: int
) -> RawAttribution | None:
    """A paragraph ending in a colon introduces the quotation in the next one."""
    lo, hi = paragraphs[index]
    if text[hi - 1] != ":":
        return None
    return find_before(text, lo, hi)


def _whole_sentence_paragraph(
    text: str, paragraphs: tuple[tuple[int, int], ...], s: QuotedSpan
) -> bool:
    """ "“Rents have tripled.”" as a paragraph of its own: a short sentence, but speech (a
    title or a scare quote is not a whole paragraph ending on a full stop)."""
    lo, hi = paragraphs[s.paragraph]
    body = text[s.start : s.end].rstrip()
    return (
        s.open_pos <= lo + 1
        and s.close_pos >= hi - 2
        and body[-1:] in ".!?"
        and body[:1].isupper()
        and len(body.split()) >= 2
    )


def _words(text: str, s: QuotedSpan) -> int:
    return len(text[s.start : s.end].split())
