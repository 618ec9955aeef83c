"""The pipeline: quoted spans -> attributions -> speakers, times -> `Quotation`s."""

from __future__ import annotations

import re

from bot.attribution.agents import last_agent, personal, said_before
from bot.attribution.appositions import described_subject
from bot.attribution.cues import RawAttribution
from bot.attribution.filters import (
    _listed_after_title,
    _nickname,
    _not_a_quotation,
    _standalone_quote,
    _subhead,
)
from bot.attribution.layout import (
    _LABEL,
    _headline_attribution,
    _headline_paragraph,
    _lines_as_paragraphs,
)
from bot.attribution.lexicons import (
    ANONYMOUS,
    AUXILIARIES,
    DESCRIPTION_OPENERS,
    PERSON_HEADS,
    ROLE_WORDS,
    SPEECH_VERBS,
    SPOKES,
)
from bot.attribution.marks import find_quoted_spans
from bot.attribution.model import UNRESOLVED_SPEAKER, Quotation, Speaker, SpeakerKind, When
from bot.attribution.people import Entities
from bot.attribution.phrases import np_left
from bot.attribution.resolve import (
    _collective_before,
    resolve,
)
from bot.attribution.roster import build_entities
from bot.attribution.subjects import subject_of_sentence
from bot.attribution.text import sentence_start, tokens
from bot.attribution.threads import Piece, _attribution, _inherit, _root
from bot.attribution.timephrases import TimeIndex
from bot.corpus.articles import Article

# After an attribution, these start other content whose times are not the statement's.
_WHEN_CUT_RE = re.compile(
    r"(?=[tasnbwi;—(])(?:\b(?:that|adding|saying|noting|but|and|while|as|because|after|"
    r"before|when|which|who|"
    r"where|if|though|although|whereas)\b|[;—(])"
)


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
            labels[i] = RawAttribution(
                ":",
                label.end(1),
                label.end(1) + 1,
                label.start(1),
                label.end(1),
                None,
                None,
                s.start,
                s.start,
                False,
            )
            spans[i] = s._replace(start=label.end())
    pieces = [Piece(s) for s in spans]
    entities = build_entities(text, [(s.open_pos, s.close_pos + 1) for s in spans])
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
        if (
            not piece.headline
            and _not_a_quotation(text, s)
            or title_end >= 0
            and (_listed_after_title(text, title_end, s))
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


def _resolve(
    text: str,
    article: Article,
    entities: Entities,
    pieces: list[Piece],
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
            clause_lo = _coordinate_clause(text, sent_lo, raw.cue_start)
            found = subject_of_sentence(text, clause_lo, raw.cue_start) if clause_lo else None
            if found is None or not (
                personal(text, found, entities)
                or resolve(entities, text[found[0] : found[1]], found[0], None).kind
                is SpeakerKind.ORGANIZATION
            ):
                found = subject_of_sentence(text, sent_lo, raw.cue_start)
            said = said_before(text, sent_lo, raw.cue_start)
            if said is not None:
                found = said  # "Udo left early, Nefzi said, adding, “…”": Nefzi adds
            elif found is None or not personal(text, found, entities):
                # "On Tuesday, even as prices slid, Mr. Ackerly wrote to clients, telling
                # them …": the person acting last before the participle.
                found = last_agent(text, sent_lo, raw.cue_start, entities) or found
            if found is None:
                # "The billionaire businessman mocked the plan, saying …": a description.
                found = described_subject(text, sent_lo, raw.cue_start)
            if found is not None:
                np_start, np_end = found
    if speaker is None:
        if np_start == np_end:
            speaker = UNRESOLVED_SPEAKER
        else:
            speaker = resolve(entities, text[np_start:np_end], np_start, raw.role)
            if not speaker.resolved and text[np_start:np_end].lower() in ("it", "they"):
                speaker = _collective_before(text, entities, np_start) or speaker
            if not speaker.resolved or (
                speaker.kind is SpeakerKind.UNNAMED and text[np_start:np_end][:1].islower()
            ):
                # ("officer" alone, from "a retired U.K. port police officer said")
                lead = _description_lead(text, np_start, np_end)
                if lead is not None:
                    # "the real estate developer said", "his wife whispered": the whole
                    # description, not the bare noun the phrase finder kept.
                    speaker = resolve(entities, text[lead:np_end], lead, raw.role)
            if not speaker.resolved or speaker.kind is SpeakerKind.UNNAMED:
                speaker = _named_after_lede(text, entities, np_start, speaker) or speaker
            entities.note_speaker(raw.cue_start, speaker, speaker.role)
    piece.speaker = speaker
    piece.cue = raw.cue or None
    piece.medium = raw.medium
    piece.when = _when(text, article, raw, entities, speaker, times)


# ", and the union backed them …": a second clause with a subject of its own.
_COORDINATE = re.compile(r",[ \t]+(?:and|but)[ \t]+(?=(?:the|a|an)[ \t]|[A-Z])")


def _coordinate_clause(text: str, lo: int, cue: int) -> int:
    """Where the last clause joined by ", and"/", but" starts before a participle or "and
    said" cue ("Tenants staged a sit-in, and the union backed them and said …": the
    union speaks), else 0."""
    last = 0
    for m in _COORDINATE.finditer(text, lo, cue):
        last = m.end()
    return last


def _named_after_lede(text: str, ents: Entities, pos: int, speaker: Speaker) -> Speaker | None:
    """ "A furious mum-of-two says she was left feeling “…”" opening the article, then
    "Kerry Bramwell, 34, looked out …": the person the next paragraph opens on is the one
    the lede describes (shown with the description as role)."""
    described = speaker.name or speaker.role or ""
    if not described.lower().startswith(("a ", "an ")) or "\n" in text[:pos].strip():
        return None
    a = text.find("\n", pos)
    while 0 <= a < len(text) and text[a].isspace():
        a += 1
    if a < 0 or a >= len(text) or text[a] in "“\"'‘":
        return None
    words = described.split()
    while len(words) > 2 and words[-1].lower() in AUXILIARIES:
        words.pop()  # "A coroner has said": the description is "A coroner"
    described = " ".join(words)
    head = words[-1].lower()
    # "A coroner has said …" then "Kieran Doyle, 16, drowned": a post is the one person
    # the article gives it ("senior coroner Rachel Dunmore"), not whoever the next
    # paragraph is about; an office no one holds stays a description.
    holders = [
        p
        for p in ents.people.values()
        if head in (p.role or "").lower().split()
        or re.search(rf"\b{re.escape(head)},?[ \t]+{re.escape(p.name)}\b", text, re.I)
    ]
    if len(holders) == 1:
        return Speaker(holders[0].name, described, SpeakerKind.PERSON)
    if head in PERSON_HEADS or head in ROLE_WORDS or head in ANONYMOUS or head in SPOKES:
        return Speaker(described, None, SpeakerKind.UNNAMED)
    found = subject_of_sentence(text, a, min(len(text), a + 300))
    if found is None or not ents.is_person(text[found[0] : found[1]], found[0]):
        return None
    person = resolve(ents, text[found[0] : found[1]], found[0], None)
    return Speaker(person.name, described, person.kind) if person.resolved else None


_POSSESSIVES = frozenset("his her their its our my".split())
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}$")  # "U.S.", "U.N."


def _description_lead(text: str, start: int, end: int) -> int | None:
    """Where a described speaker begins when the phrase `text[start:end]` is its bare
    lower-case noun: back over describing words to "the"/"a"/"one"/"his", or to the
    start of a possessor ("Mayor Hale's spokeswoman", "the mayor's spokeswoman")."""
    phrase = text[start:end]
    if not phrase[:1].islower() or not all(w.replace("-", "").isalpha() for w in phrase.split()):
        return None  # ("chief executive" in "the company's chief executive said")
    pos = start
    possessor = False
    for _ in range(6):
        j = pos - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        k = j
        while k >= 0 and (text[k].isalpha() or text[k] in "-’'."):
            k -= 1
        word = text[k + 1 : j + 1]
        low = word.lower()
        if low in DESCRIPTION_OPENERS or low in _POSSESSIVES:
            return k + 1
        if low.endswith(("’s", "'s")) and low[:-2].replace("-", "").isalpha():
            possessor = True
        elif _INITIALS.match(word) is None and (not word or not word.replace("-", "").isalpha()):
            break  # ("the Senate minority leader": capitalised modifiers go too; "U.S." too)
        pos = k + 1
    return pos if possessor else None


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
        other = resolve(entities, text[toks[a].start : toks[b - 1].end], toks[a].start, role)
        if other.name != speaker.name:
            return None
        hi = sent_lo
        for t in toks[v + 1 :]:
            if t.lower == "that" or t.text in ("“", '"'):
                hi = t.start
                break
        return times.find(prev_lo, hi)
    return None


__all__ = ["extract_quotations"]
