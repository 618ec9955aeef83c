"""The pipeline: quoted spans -> attributions -> speakers, times -> `Quotation`s."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.articles import Article
from bot.attribution.cues import (
    RawAttribution,
    find_after,
    find_before,
    find_trailing,
    np_left,
    signature_line,
    subject_of_sentence,
)
from bot.attribution.lexicons import NOT_NAMES, SPEECH_VERBS
from bot.attribution.marks import QuotedSpan, find_quoted_spans
from bot.attribution.model import UNRESOLVED_SPEAKER, Quotation, Speaker, SpeakerKind, When
from bot.attribution.speakers import Entities
from bot.attribution.text import sentence_ends, sentence_start, tokens
from bot.attribution.timephrases import TimeIndex

# A quotation this short with no attribution is a scare quote or a coined phrase.
MIN_UNATTRIBUTED_WORDS = 4
# An unattributed quotation this long (a partial one: “quick fix”) in a sentence led by a
# named person is theirs.
MIN_SUBJECT_WORDS = 2
_WORK_NOUNS = frozenset(
    "book books film movie documentary song album show series episode article essay op-ed "
    "column editorial headline memoir novel play poem report program programme podcast "
    "titled entitled headlined dubbed nicknamed so-called slogan motto hashtag sign signs "
    "banner t-shirt t-shirts hat hats concert musical exhibit exhibition tour film's "
    "program's show's".split()
)
# Words naming what follows whatever its case: a so-called “efficiency plan”.
_NAMING_WORDS = frozenset(
    "titled entitled headlined dubbed nicknamed so-called slogan motto hashtag".split()
)
_LABEL = re.compile(r"([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2}):[ \t]+")
_ENDS_OPEN = set(",?!—–-…:;")
# After an attribution, these start other content whose times are not the statement's.
_WHEN_CUT_RE = re.compile(
    r"(?=[tasnbwi;—(])(?:\b(?:that|adding|saying|noting|but|and|while|as|because|after|"
    r"before|when|which|who|"
    r"where|if|though|although|whereas)\b|[;—(])"
)


@dataclass(slots=True)  # slots: built per quotation, its fields read often
class _Piece:
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


def extract_quotations(article: Article) -> list[Quotation]:
    """Every quotation of the article with its speaker, cue, medium and time, by start."""
    text = article.text
    paragraphs, para_of = _lines_as_paragraphs(text, article.paragraphs)
    spans = find_quoted_spans(text, paragraphs)
    labels: dict[int, RawAttribution] = {}
    for i, s in enumerate(spans):
        label = _LABEL.match(text, s.start, s.end)
        if label is not None and label.end() < s.end:
            # A transcript: "HALE: Our guest will not be joining us …"
            labels[i] = RawAttribution(":", label.end(1), label.end(1) + 1, label.start(1),
                                       label.end(1), None, None, s.start, s.start, False)
            spans[i] = s._replace(start=label.end())
    pieces = [_Piece(s) for s in spans]
    entities = Entities.build(text, [(s.open_pos, s.close_pos + 1) for s in spans])
    headline = _headline_paragraph(article, paragraphs)
    for i, piece in enumerate(pieces):
        if headline is not None and spans[i].paragraph == 0:
            # A headline has its own grammar ("Clinton Says …, Calls Remarks ‘…’"): its
            # patterns first, then the ordinary ones.
            piece.raw = _headline_attribution(text, headline, entities, spans[i])
            piece.headline = piece.raw is not None
        if piece.raw is None:
            piece.raw = labels.get(i) or _attribution(text, paragraphs, spans, i)
    _inherit(text, paragraphs, pieces, entities)
    times = TimeIndex(text, article.published)
    next_group = 0
    by_cue: dict[tuple[int, int], int] = {}  # one attribution, one quotation
    for i, piece in enumerate(pieces):
        if piece.source >= 0:
            continue
        if piece.raw is not None and piece.raw.np_end > piece.raw.np_start:
            key = (piece.raw.cue_start, piece.raw.np_start)
            first = by_cue.get(key)
            if first is not None:
                # “…,” he said, “…”: both pieces hang on the same "he said".
                piece.source = first
                continue
            by_cue[key] = i
        if piece.raw is None:
            piece.keep = _standalone_quote(text, piece.span)
            piece.speaker = UNRESOLVED_SPEAKER
            piece.when = times.publication
        else:
            _resolve(text, article, entities, pieces, i, times)
        piece.group = next_group
        next_group += 1
    for piece in pieces:
        if piece.source >= 0:
            src = pieces[piece.source]
            piece.speaker, piece.cue, piece.medium = src.speaker, src.cue, src.medium
            piece.when, piece.group, piece.keep = src.when, src.group, src.keep or piece.keep
    quotations: list[Quotation] = []
    doubles = sum(1 for s in spans if s.double)
    mostly_double = doubles >= 2 * (len(spans) - doubles) and doubles >= 2
    title_end = -1  # where the last quoted title ended
    for piece in pieces:
        s = piece.span
        if not piece.headline and _not_a_quotation(text, s) or title_end >= 0 and (
            _listed_after_title(text, title_end, s)
        ):
            title_end = s.close_pos + 1
            continue
        title_end = -1
        if not piece.keep or _nickname(text, piece):
            continue
        if mostly_double and _subhead(text, paragraphs, s):
            continue
        quotations.append(
            Quotation(
                article_id=article.id,
                start=s.start,
                end=s.end,
                text=text[s.start : s.end],
                speaker=piece.speaker or UNRESOLVED_SPEAKER,
                cue=piece.cue,
                medium=piece.medium,
                when=piece.when,
                paragraph=para_of[s.paragraph] + 1,
                quotation_id=piece.group,
            )
        )
    quotations.sort(key=lambda q: q.start)
    return quotations


# A line break between two non-blank characters. It starts with the literal "\n" (the
# character before it checked by a lookbehind) so that the engine jumps from newline to
# newline instead of trying every offset: same answers as [^\s]\n[ \t]*[^\s], 25x faster.
_SINGLE_BREAK = re.compile(r"\n(?<=\S\n)[ \t]*\S")
# A line this long is not hard-wrapped text: its line breaks end paragraphs.
_LONG_LINE = 100


def _lines_as_paragraphs(
    text: str, paragraphs: tuple[tuple[int, int], ...]
) -> tuple[tuple[tuple[int, int], ...], list[int]]:
    """Paragraphs for the pipeline, with the article paragraph each one is part of.

    Some articles separate most paragraphs by blank lines and a few by a single line break;
    where no line of the text looks hard-wrapped (every paragraph's lines but its last
    short), a single break ends a paragraph too, so that an attribution is never looked
    for across it."""
    split = _SINGLE_BREAK.search(text) is not None and any(
        text.find("\n", lo, hi) >= 0 for lo, hi in paragraphs
    ) and not _hard_wrapped(text, paragraphs)
    if not split:
        return paragraphs, list(range(len(paragraphs)))
    out: list[tuple[int, int]] = []
    para_of: list[int] = []
    for index, (lo, hi) in enumerate(paragraphs):
        start = lo
        while True:
            nl = text.find("\n", start, hi)
            end = hi if nl < 0 else nl
            a, b = start, end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
                para_of.append(index)
            if nl < 0:
                break
            start = nl + 1
    return tuple(out), para_of


def _hard_wrapped(text: str, paragraphs: tuple[tuple[int, int], ...]) -> bool:
    """Do the multi-line paragraphs have short lines throughout (text wrapped by width)?"""
    for lo, hi in paragraphs:
        start = lo
        nl = text.find("\n", start, hi)
        while nl >= 0:
            if nl - start > _LONG_LINE:
                return False
            start = nl + 1
            nl = text.find("\n", start, hi)
    return True


# "Milbank: Republicans ‘…’": a headline's speaker before a colon; "Guns Are ‘…,’ Howard
# Dean Tells Convention": after the quotation, with a present-tense verb.
_HEADLINE_LABEL = re.compile(r"((?:[A-Z][\w’'.\-]*[ \t]+){0,3}[A-Z][\w’'.\-]*):[ \t]")
_HEADLINE_TAIL = re.compile(
    r"[,;]?[ \t]+((?:[A-Z][\w’'.\-]*[ \t]+){0,3}[A-Z][\w’'.\-]*)[ \t]+((?i:says|tells|warns|"
    r"writes|claims|insists|argues|admits|hints|declares|vows|urges))\b"
)
_NOT_HEADLINE_LABELS = frozenset(
    "update watch exclusive breaking video photos live opinion analysis review editorial "
    "commentary report poll editor’s editor's note read listen transcript".split()
)


def _headline_paragraph(
    article: Article, paragraphs: tuple[tuple[int, int], ...]
) -> tuple[int, int] | None:
    """The first paragraph, when it repeats the article's headline (front matter)."""
    if not article.headline or not paragraphs:
        return None
    lo, hi = paragraphs[0]
    want = " ".join(article.headline.split())[:40].lower()
    have = " ".join(article.text[lo : min(hi, lo + 200)].split())[: len(want)].lower()
    return (lo, hi) if want and have == want and hi - lo <= 300 else None


def _headline_attribution(
    text: str, para: tuple[int, int], entities: Entities, s: QuotedSpan
) -> RawAttribution | None:
    """A quotation in the headline: the person it leads with ("Clinton: Time for ‘…’",
    "Quist promises audit ‘before the summer’"), or names after it ("‘…,’ Quist hints")."""
    lo, hi = para
    label = _HEADLINE_LABEL.match(text, lo, s.open_pos)
    if label is not None and label.group(1).split()[-1].lower() not in _NOT_HEADLINE_LABELS:
        a, b = label.span(1)
        return RawAttribution(":", b, b + 1, a, b, None, None, lo, hi, False)
    tail = _HEADLINE_TAIL.search(text, s.close_pos, hi)
    if tail is not None:
        a, b = tail.span(1)
        return RawAttribution(tail.group(2), tail.start(2), tail.end(2), a, b, None, None, lo,
                              hi, True)
    found = subject_of_sentence(text, lo, s.open_pos)
    if found is None:
        return None
    a, b = found
    words = text[a:b].split()
    # Only a person the article itself goes on to name: "Obama to frame …", not "Guns Are".
    if not words or not words[-1][:1].isupper() or words[-1].lower().removesuffix(
        "’s"
    ).removesuffix("'s") not in entities.by_surname:
        return None
    return RawAttribution("", b, b, a, b, None, None, lo, hi, False)


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


def _attribution(
    text: str, paragraphs: tuple[tuple[int, int], ...], spans: list[QuotedSpan], i: int
) -> RawAttribution | None:
    s = spans[i]
    plo, prev_end, next_open, phi = _bounds(spans, paragraphs, i)
    after_lo = s.close_pos if not s.runs_on else phi
    inner = text[s.start : s.end].rstrip(" ’'\"”")  # 'Oh, this is important,' "
    ends_open = bool(inner) and inner[-1] in _ENDS_OPEN
    follow = text[after_lo + 1 : after_lo + 4].lstrip("”\"'’ ")
    continues = ends_open or follow[:1] in (",", "―", "—", "–") or follow[:1].islower() or (
        # “The primary is a test of stamina” Grubb said.: the comma forgotten
        bool(inner) and inner[-1].isalnum() and follow[:1].isupper()
    )
    if continues and not s.runs_on:
        found = find_after(text, after_lo + 1, next_open)
        if found is not None:
            return found
    found = find_before(text, prev_end, s.open_pos)
    if found is not None:
        return found
    if s.runs_on:
        return None
    found = find_trailing(text, after_lo + 1, next_open)
    if found is None and prev_end == plo and next_open == phi and s.open_pos <= plo + 1 and \
            s.paragraph + 1 < len(paragraphs) and not text[s.close_pos + 1 : phi].strip(
                " .,”\"’'"):
        # A paragraph that is all quotation, signed by the next one: "- Sanders." (A wire
        # credit under a narrative paragraph, "- Reuters.", signs nothing.)
        found = signature_line(text, *paragraphs[s.paragraph + 1])
    return found


def _inherit(
    text: str, paragraphs: tuple[tuple[int, int], ...], pieces: list[_Piece], entities: Entities
) -> None:
    """Quotations without their own attribution take their neighbour's."""
    for i, piece in enumerate(pieces):
        s = piece.span
        prev = pieces[i - 1] if i > 0 else None
        plo = paragraphs[s.paragraph][0]
        at_para_start = s.open_pos <= plo + 1
        # Continued from the previous paragraph (it ran on without closing).
        if prev is not None and prev.span.runs_on and prev.span.paragraph == s.paragraph - 1 \
                and at_para_start:
            if piece.raw is None or (prev.raw is None and prev.source < 0):
                if prev.raw is None and prev.source < 0 and piece.raw is not None:
                    _adopt_backwards(pieces, i)
                else:
                    piece.source = _root(pieces, i - 1)
            continue
        if piece.raw is not None:
            continue
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if nxt is not None and nxt.span.paragraph == s.paragraph and nxt.raw is not None and \
                nxt.raw.after and nxt.span.open_pos - s.close_pos < 600 and \
                not sentence_ends(text, s.close_pos + 1, nxt.span.open_pos):
            # “a fair share of the cost” and the “local muscle” …, Tallis said.
            piece.source = i + 1
            continue
        if prev is not None and prev.span.paragraph == s.paragraph and (
            prev.raw is not None or prev.source >= 0
        ):
            piece.source = _root(pieces, i - 1)
            continue
        if nxt is not None and nxt.span.paragraph == s.paragraph and nxt.raw is not None and \
                not text[s.close_pos + 1 : nxt.span.open_pos].strip(" ”\"'’.,"):
            piece.source = i + 1
            continue
        if at_para_start and s.paragraph > 0:
            found = _colon_intro(text, paragraphs, s.paragraph - 1)
            if found is not None:
                piece.raw = found
                continue
            long_enough = _words(text, s) >= MIN_UNATTRIBUTED_WORDS
            if prev is not None and prev.span.paragraph == s.paragraph - 1 and (
                prev.raw is not None or prev.source >= 0
            ) and _quote_ends_paragraph(text, paragraphs, prev.span) and long_enough:
                piece.source = _root(pieces, i - 1)
                continue
            # A paragraph that is all quotation, after one that ends on a speech act
            # ("Clinton responded …, saying …"): the same speaker goes on.
            if long_enough and s.close_pos >= paragraphs[s.paragraph][1] - 2 and (
                prev is None or prev.span.paragraph < s.paragraph - 1
            ):
                lo, hi = paragraphs[s.paragraph - 1]
                found = find_before(text, lo, hi)
                if found is None:
                    # "Tallis is hopeful about the harbor plan." then a quotation alone:
                    # the person the previous paragraph ends on speaks.
                    last_lo = sentence_start(text, lo, max(lo, hi - 2))
                    found_np = subject_of_sentence(text, last_lo, hi)
                    if found_np is not None and text[found_np[0]].isupper() and \
                            text[found_np[0] : found_np[1]].lower() not in ("it", "this"):
                        a, b = found_np
                        found = RawAttribution("", a, a, a, b, None, None, last_lo, a, False)
                if found is not None:
                    piece.raw = found
                    continue
            # A quotation opening its paragraph with nothing to attribute it: the last
            # speaker of the previous paragraph, if nobody else spoke since, goes on.
            if long_enough and prev is not None and prev.span.paragraph == s.paragraph - 1 \
                    and (prev.raw is not None or prev.source >= 0):
                since = prev.span.close_pos + 1
                if prev.raw is not None and prev.raw.after:
                    since = max(since, prev.raw.cue_end)  # past its own "he said"
                other = _speech_since(text, since, paragraphs[s.paragraph - 1][1])
                if other is not None and other.np_end == other.np_start:
                    found_np = subject_of_sentence(text, other.when_lo, other.cue_start)
                    other = None if found_np is None else RawAttribution(
                        other.cue, other.cue_start, other.cue_end, found_np[0], found_np[1],
                        None, None, other.when_lo, other.cue_start, False)
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
                    found = RawAttribution(found.cue, found.cue_start, found.cue_end, a, b,
                                           None, None, prev_lo, found.cue_start, False)
            if found is not None and found.np_end > found.np_start:
                piece.raw = found
                continue
        if sent_lo >= s.open_pos - 1 and sent_lo > plo and _words(text, s) >= 3:
            prev_lo = sentence_start(text, plo, max(plo, sent_lo - 2))
            found_np = subject_of_sentence(text, prev_lo, sent_lo)
            if found_np is not None and text[found_np[0]:found_np[1]][:1].isupper():
                a, b = found_np
                piece.raw = RawAttribution("", a, a, a, b, None, None, prev_lo, a, False)
                continue
        if sent_lo < s.open_pos - 1 and _words(text, s) >= MIN_SUBJECT_WORDS:
            # "Trump also embraced harsher methods -- “…”", "Carson took the stage and
            # called the system “…”": a named person leading the quotation's own sentence.
            found_np = subject_of_sentence(text, sent_lo, s.open_pos)
            if found_np is not None and entities.is_person(text[found_np[0] : found_np[1]],
                                                           found_np[0]):
                a, b = found_np
                piece.raw = RawAttribution("", a, a, a, b, None, None, sent_lo, a, False)


def _speech_since(text: str, lo: int, hi: int) -> RawAttribution | None:
    """Someone else speaking in text[lo:hi], after the last quotation's attribution."""
    if hi - lo > 600:
        lo = hi - 600  # a long stretch of narrative: only its end can still attribute
    while hi > lo and text[hi - 1] in " \t”\"’'.!?":
        hi -= 1  # or the last sentence would end right at `hi`, leaving nothing to search
    return find_before(text, lo, hi)


def _adopt_backwards(pieces: list[_Piece], i: int) -> None:
    """A run-on quotation attributed only in a later paragraph: earlier pieces follow it."""
    j = i - 1
    while j >= 0 and pieces[j].raw is None and pieces[j].source < 0:
        pieces[j].source = i
        if j == 0 or not pieces[j - 1].span.runs_on:
            break
        j -= 1


def _root(pieces: list[_Piece], i: int) -> int:
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


def _words(text: str, s: QuotedSpan) -> int:
    return len(text[s.start : s.end].split())


def _standalone_quote(text: str, s: QuotedSpan) -> bool:
    """Unattributed: kept (speaker unresolved) only if it reads like speech, not a label."""
    words = text[s.start : s.end].split()
    if len(words) < MIN_UNATTRIBUTED_WORDS:
        return False
    return not _title_case(words)


_TITLE_SMALL_WORDS = frozenset("with from into onto over upon than that this about".split())


# Words a title may leave in lower case: "Meet the Region", "Gone with the Tide".
_TITLE_FUNCTION_WORDS = frozenset(
    "a an the of on in to for and or at by with from but nor as vs vs. per via up into "
    "over upon than that this about".split()
)


def _looks_like_title(words: list[str]) -> bool:
    """ "Meet the Region.", "Tonight With Nell Mather": capitalised words."""
    if not words or len(words) > 12:
        return False
    if any(w[:1].islower() and w.strip(".,!?;:").lower() not in _TITLE_FUNCTION_WORDS
           for w in words):
        return False  # "Why today? The ferry was full": a lower-case word of substance
    significant = [w.strip(".,!?;:") for w in words if len(w.strip(".,!?;:")) > 3 and w.strip(
        ".,!?;:"
    ).lower() not in _TITLE_SMALL_WORDS and not w[:1].isdigit()]  # "… for Hillary 2008"
    if not significant:  # "New Day": short words only, every one capitalised
        return all(w[:1].isupper() for w in words)
    return all(w[:1].isupper() for w in significant) and words[0][:1].isupper()


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if len(w) > 3]
    return bool(significant) and all(w[:1].isupper() for w in significant) and words[-1][
        -1:
    ] not in ".?!,"


def _not_a_quotation(text: str, s: QuotedSpan) -> bool:
    """Titles of works and nicknames, even near a speech verb."""
    before = text[max(0, s.open_pos - 40) : s.open_pos]
    last = before.rstrip(" \t,:").rsplit(None, 2)
    if last and (last[-1].lower() in _NAMING_WORDS or " ".join(last[-2:]).lower() == "known as"
                 or last[-1].lower() in _WORK_NOUNS and not text[s.start : s.start + 1].islower()):
        # the film “…”, a so-called “…”, known as “…” (but "the program “is gaining
        # traction”" goes on the sentence, in lower case: a quotation, not a title)
        return True
    after = text[s.close_pos + 1 : s.close_pos + 60].lstrip("”\"'’ ")
    if _BYLINE.match(after):
        return True  # “Council accused of hiding the audit,” by Herald's Nell Ames …
    # The word before first: it rarely fits, and splitting the quotation costs more.
    if last and (
        last[-1][:1].isupper() and last[-1].lower().endswith(("’s", "'s"))
        or last[-1].lower() in ("on", "with", "in", "from", "of", "for", "the", "a", "an",
                                "and", "or")
        # "a collection from the illustrator Nina Calder called “Oops!: 20 Years of …”"
        or last[-1].lower() in ("called", "named") and len(last) >= 2 and last[-2][:1].isupper()
    ) and _looks_like_title(text[s.start : s.end].split()):
        return True  # said on KTVA's “Meet the Region.”, an interview with “Harbor Radio Tonight”
    if len(text[s.start : s.end].split(None, 3)) <= 3:  # three words at most (no full split)
        # Dwayne “The Rock” Johnson: a nickname sits between two parts of a name.
        left = before.rstrip().split()[-1:] if before.strip() else []
        right = text[s.close_pos + 1 : s.close_pos + 40].split("\n", 1)[0].split()[:1]
        if left and right and left[0][:1].isupper() and right[0][:1].isupper() and \
                right[0].strip(".,;:")[:1].isalpha() and left[0][-1:].isalpha():
            return True
    return False


_BYLINE = re.compile(r",?\s*by\s+(?:the\s+)?[A-Z]")
_NAMING_VERBS = frozenset("call calls called dub dubs dubbed nickname nicknamed".split())
_GENERIC = frozenset("people many some locals townspeople residents fans everyone others".split())


def _nickname(text: str, piece: _Piece) -> bool:
    """ "a man people call “the Colonel”": a name given by people at large, not speech."""
    speaker = piece.speaker
    return (
        piece.cue is not None
        and piece.cue.lower() in _NAMING_VERBS
        and speaker is not None
        and (speaker.name or "").lower() in _GENERIC
        and len(text[piece.span.start : piece.span.end].split()) <= 4
    )


def _resolve(
    text: str,
    article: Article,
    entities: Entities,
    pieces: list[_Piece],
    i: int,
    times: TimeIndex,
) -> None:
    piece = pieces[i]
    raw = piece.raw
    assert raw is not None
    speaker: Speaker | None = None
    np_start, np_end = raw.np_start, raw.np_end
    if np_start == np_end:
        # A participle cue ("…, adding that"): the speaker is the sentence's subject, or
        # the speaker of an earlier quotation in the same sentence.
        # The attributing sentence, from its real start (the cue's search window may have
        # begun only after an earlier quotation in it).
        plo = text.rfind("\n", max(0, raw.cue_start - 2000), raw.cue_start) + 1
        sent_lo = sentence_start(text, plo, raw.cue_start)
        for j in range(i - 1, -1, -1):
            other = pieces[j]
            if other.span.close_pos < sent_lo:
                break
            root = pieces[_root(pieces, j)]
            if root.speaker is not None and root.raw is not None:
                speaker = root.speaker
                break
        if speaker is None:
            found = subject_of_sentence(text, sent_lo, raw.cue_start)
            said = _said_before(text, sent_lo, raw.cue_start)
            if said is not None:
                found = said  # "Udo left early, Nefzi said, adding, “…”": Nefzi adds
            elif found is None or not _personal(text, found, entities):
                # "On Tuesday, even as prices slid, Mr. Ackerly wrote to clients, telling
                # them …": the person acting last before the participle.
                found = _last_agent(text, sent_lo, raw.cue_start, entities) or found
            if found is not None:
                np_start, np_end = found
    if speaker is None:
        if np_start == np_end:
            speaker = UNRESOLVED_SPEAKER
        else:
            speaker = entities.resolve(text[np_start:np_end], np_start, raw.role)
            if not speaker.resolved and text[np_start:np_end].lower() in ("it", "they"):
                speaker = _collective_before(text, entities, np_start) or speaker
            entities.note_speaker(raw.cue_start, speaker, speaker.role)
    piece.speaker = speaker
    piece.cue = raw.cue or None
    piece.medium = raw.medium
    piece.when = _when(text, article, raw, entities, speaker, times)


_PREPOSITIONS = frozenset(
    "with to of for from by about against on in at over than between like into toward "
    "towards under without through after before during".split()
)


def _collective_before(text: str, entities: Entities, pos: int) -> Speaker | None:
    """ "The operators’ association said … In a statement, it said …": "it" (or "they")
    is the organisation or group leading one of the three sentences before it in the
    paragraph, the nearest first."""
    plo = text.rfind("\n", max(0, pos - 2000), pos) + 1
    sent_lo = sentence_start(text, plo, pos)
    is_it = text[pos : pos + 2].lower() == "it"
    want = (SpeakerKind.ORGANIZATION,) if is_it else (SpeakerKind.GROUP, SpeakerKind.ORGANIZATION)
    # The sentences before, nearest first, back to the paragraph's start: "Republicans said
    # the bill cost too much. “…,” said Sen. X. They argued …" ("they" skips the senator).
    for _ in range(3):
        if sent_lo <= plo:
            return None
        prev_lo = sentence_start(text, plo, max(plo, sent_lo - 2))
        found = subject_of_sentence(text, prev_lo, sent_lo)
        toks = tokens(text, prev_lo, sent_lo)
        verb = next((v for v, t in enumerate(toks[:7]) if t.lower in SPEECH_VERBS), 0)
        if found is None and verb >= 2 and toks[0].lower in ("the", "a", "an"):
            found = toks[0].start, toks[verb - 1].end  # "The operators’ association said"
        if found is not None:
            speaker = entities.resolve(text[found[0] : found[1]], found[0], None)
            if speaker.resolved and speaker.kind in want:
                return speaker
            if is_it and speaker.resolved and speaker.kind is SpeakerKind.PERSON:
                return None  # "it" does not reach past a person
        sent_lo = prev_lo
    return None


_LIST_GAP = re.compile(r"[\s,”\"’'“‘]*(?:(?:and|or|&)[\s“\"‘']*)?")


def _listed_after_title(text: str, prev_end: int, s: QuotedSpan) -> bool:
    """ "roles in “The Tide Pools,” “Harbor 9,” and “Lowland Nights”": a
    title-like quotation listed right after a title is one too."""
    gap = _LIST_GAP.match(text, prev_end, s.open_pos + 1)
    return gap is not None and gap.end() >= s.open_pos and _looks_like_title(
        text[s.start : s.end].split()
    )


def _subhead(text: str, paragraphs: tuple[tuple[int, int], ...], s: QuotedSpan) -> bool:
    """ "'A really tough decision.'" alone on its line, in single marks, in an article
    quoting with double marks: a subheading, not a quotation."""
    if s.double or s.runs_on or len(text[s.start : s.end].split()) > 8:
        return False
    lo, hi = paragraphs[s.paragraph]
    return s.open_pos <= lo + 1 and s.close_pos >= hi - 2


def _personal(text: str, np: tuple[int, int], entities: Entities) -> bool:
    phrase = text[np[0] : np[1]]
    return phrase.lower() in ("he", "she") or entities.is_person(phrase, np[0])


_AGENT_ADVERBS = frozenset("later also then again first once since".split())


def _last_agent(text: str, lo: int, hi: int, entities: Entities) -> tuple[int, int] | None:
    """The last person (a name the article knows, or he/she) followed by a verb in
    text[lo:hi], not the object of a preposition."""
    toks = tokens(text, lo, hi)
    found = None
    for i in range(len(toks) - 1):
        nxt = toks[i + 1]
        if (nxt.lower.endswith("ly") or nxt.lower in _AGENT_ADVERBS) and i + 2 < len(toks):
            nxt = toks[i + 2]  # "When Trump later referred …"
        if nxt.capitalized or not nxt.text.isalpha() or not (
            nxt.lower.endswith(("ed", "s")) or nxt.lower in SPEECH_VERBS
        ):
            continue
        tok = toks[i]
        if tok.lower in ("he", "she"):
            a = i
        elif tok.capitalized and tok.text[0].isalpha():
            a = i
            while a > 0 and toks[a - 1].capitalized and toks[a - 1].text[0].isalpha() and (
                toks[a - 1].lower not in NOT_NAMES  # "When Trump later referred"
            ):
                a -= 1
        else:
            continue
        if a > 0 and toks[a - 1].lower in _PREPOSITIONS:
            continue
        np = (toks[a].start, tok.end)
        if _personal(text, np, entities):
            found = np
    return found


def _said_before(text: str, lo: int, cue: int) -> tuple[int, int] | None:
    """The speaker of a "X said," right before a participle cue at `cue`."""
    j = cue
    while j > lo and text[j - 1] in " \t":
        j -= 1
    if j <= lo or text[j - 1] != ",":
        return None
    found = find_before(text, lo, j - 1)
    if found is None or found.np_end <= found.np_start or max(found.cue_end,
                                                               found.np_end) < j - 3:
        return None  # "Nefzi said, adding" or "said Nefzi, adding", right before the comma
    return found.np_start, found.np_end


def _when(
    text: str,
    article: Article,
    raw: RawAttribution,
    entities: Entities,
    speaker: Speaker,
    times: TimeIndex,
) -> When | None:
    lo, hi = raw.when_lo, raw.when_hi
    if raw.after:
        cut = _WHEN_CUT_RE.search(text, raw.cue_end, hi)
        if cut is not None:
            hi = cut.start()
    # The speaker's own phrase ("Reyes, who has led the district since 2019, said") is not
    # the time of the statement: look before the speaker and from the cue on.
    found = None
    if raw.np_end > raw.np_start and lo <= raw.np_start and raw.cue_start >= raw.np_end:
        found = times.find(lo, raw.np_start) or times.find(raw.cue_start, hi)
    else:
        found = times.find(lo, hi)
    if found is not None:
        return found
    # "Zelensky said last month that … He said he had “good meetings”": the time given
    # for the same speaker's statement in the previous sentence carries over.
    if speaker.resolved:
        found = _previous_sentence_time(text, article, raw, entities, speaker, times)
        if found is not None:
            return found
    return times.publication


def _previous_sentence_time(
    text: str,
    article: Article,
    raw: RawAttribution,
    entities: Entities,
    speaker: Speaker,
    times: TimeIndex,
) -> When | None:
    plo = text.rfind("\n", max(0, raw.cue_start - 2000), raw.cue_start) + 1
    sent_lo = sentence_start(text, plo, raw.cue_start)
    if sent_lo <= plo:
        return None
    # Stop short of the previous sentence's own final mark, or it would end right there.
    prev_lo = sentence_start(text, plo, max(plo, sent_lo - 2))
    if times.find(prev_lo, sent_lo) is None:
        return None  # no time phrase there at all: nothing to carry over
    toks = tokens(text, prev_lo, sent_lo)
    for v, tok in enumerate(toks):
        if tok.lower not in SPEECH_VERBS:
            continue
        found = np_left(toks, v)
        if found is None:
            continue
        a, b, role = found
        other = entities.resolve(text[toks[a].start : toks[b - 1].end], toks[a].start, role)
        if other.name != speaker.name:
            return None
        hi = sent_lo
        for t in toks[v + 1 :]:
            if t.lower == "that" or t.text in ("“", '"'):
                hi = t.start
                break
        return times.find(prev_lo, hi)
    return None


__all__ = ["SpeakerKind", "extract_quotations"]
