"""Was a claimed quotation published, by whom, in those words? One verdict per claim.

* ``exact``: the claim's words are in a published quotation (a fragment counts), in order,
  differing only in case, white space, quotation marks and apostrophes;
* ``close``: a published quotation differs from it in a few words, shown word by word;
* ``misattributed``: the words were published, said by someone other than the claimed
  speaker;
* ``not_found``: nothing close enough. Never the nearest unrelated quotation.

Attributed quotations are searched first. Where none holds the claim exactly, the articles'
own text is searched too, so words whose quotation attribution missed (or that a reporter
wrote) are still found, reported with the speaker of the quotation holding them, or
unresolved. Pure: no Slack, no I/O beyond reading the index.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from bot.attribution.model import UNRESOLVED_SPEAKER, Quotation, Speaker, When
from bot.check.align import Alignment, align
from bot.check.candidates import candidates
from bot.check.words import Token, Word, claim_tokens, words
from bot.corpus.articles import Article
from bot.search.index import TITLE_WORDS, CorpusIndex, SpeakerEntry, name_key, speaker_key
from bot.search.tokenizer import tokenize


class Verdict(StrEnum):
    EXACT = "exact"
    CLOSE = "close"
    MISATTRIBUTED = "misattributed"
    NOT_FOUND = "not_found"


# Candidates looked up per stage, of which the ones sharing the most words are aligned.
LOOKUP = 24
ALIGN = 8
# Paragraphs searched for the words as claimed when a close quotation was already found.
TEXT_WHEN_CLOSE = 3
# A claim of common words only: this many candidates, kept if they hold the very words.
COMMON_LOOKUP = 400
MAX_MATCHES = 5
# "A few words": a close quotation shares most of its words with the claim (similarity, see
# `Alignment.similarity`) and differs in at most this share of the claim's words (two words
# at least). 0.6 holds a third of a claim changed; 0.5 let invented claims sharing a common
# phrase through (PolNeAR train invented claims 0.964 -> see README).
CLOSE_SIMILARITY = 0.6
WHOLE_QUOTE_SIMILARITY = 0.5
CLOSE_CHANGED_SHARE = 0.34
# Words that alone do not make two passages alike.
FUNCTION_WORDS = frozenset(
    """a an and are as at be been being but by for from had has have he her him his i if in
    into is it its me my of on or our she so than that the their them they this to us was we
    were what when which who will with would you your not no do does did am can could should
    may might must shall there here then now out up over about just also very really all any
    some one get got go going gone said says say it's that's i'm we're they're don't""".split()
)


@dataclass(frozen=True)
class DiffOp:
    op: str  # "equal" | "replace" | "insert" (the claim adds) | "delete" (the claim drops)
    claim: str  # verbatim from the claim ("" for a deletion)
    published: str  # verbatim from the article ("" for an insertion)


@dataclass(frozen=True)
class Match:
    article: Article
    speaker: Speaker
    quote_start: int  # the published quotation (or, in article text, the matching words)
    quote_end: int
    similarity: float
    diff: tuple[DiffOp, ...]
    exact: bool
    quotation: Quotation | None = None  # the attributed quotation, None for article text
    pieces: tuple[tuple[int, int], ...] = ()  # its quoted spans within quote_start..quote_end

    @property
    def quote(self) -> str:
        return self.article.text[self.quote_start : self.quote_end]

    @property
    def when(self) -> When | None:
        return self.quotation.when if self.quotation else None

    @property
    def paragraph(self) -> int:
        return self.article.paragraph_at(self.quote_start)


@dataclass(frozen=True)
class Check:
    claim: str
    speaker: str | None  # the claimed speaker, as typed
    verdict: Verdict
    matches: tuple[Match, ...] = ()
    speakers: tuple[str, ...] = field(default=())  # who the claimed speaker was taken to be


@dataclass
class _Unit:
    """Published words to align a claim with: one quotation (all its pieces) or a paragraph."""

    article_no: int
    article: Article
    words: list[Word]
    pieces: list[Quotation]  # empty for a paragraph
    piece_of_word: list[int]


class Checker:
    """Checks claims against one CorpusIndex."""

    def __init__(self, index: CorpusIndex) -> None:
        self.index = index

    def check(self, claim: str, speaker: str | None = None) -> Check:
        tokens = claim_tokens(claim)
        claim_words = [t for t in tokens if isinstance(t, Word)]
        entries = self.index.find_speakers(speaker) if speaker else []
        wanted = {speaker_key(e.speaker) for e in entries}
        names = tuple(dict.fromkeys(e.speaker.name or "" for e in entries))
        if not claim_words or len(self.index) == 0:
            return Check(claim, speaker, Verdict.NOT_FOUND, speakers=names)
        terms = tokenize(claim)
        found = self._quotation_matches(claim, tokens, claim_words, terms, entries)
        if not any(m.exact for m in found):
            # With a close quotation in hand, the text is searched only for the words as
            # claimed (attribution may have missed them), which rank at the top.
            wide = ALIGN if not found else TEXT_WHEN_CLOSE
            in_text = self._passage_matches(claim, tokens, claim_words, terms, wide)
            exact_text = [m for m in in_text if m.exact]
            found = found + exact_text if exact_text or found else in_text
        verdict, chosen = _decide(found, wanted if speaker else None, speaker)
        return Check(claim, speaker, verdict, tuple(chosen[:MAX_MATCHES]), names)

    # -- stages ----------------------------------------------------------------------

    def _quotation_matches(
        self,
        claim: str,
        tokens: list[Token],
        claim_words: list[Word],
        terms: list[str],
        entries: list[SpeakerEntry],
    ) -> list[Match]:
        table = self.index.quotations
        common = _only_common(claim_words)
        docs = candidates(self.index.quotation_engine, terms, COMMON_LOOKUP if common else LOOKUP)
        # The claimed speaker's quotations among the candidates, known without reading any
        # article: the speaker directory holds their positions.
        theirs = np.zeros(0, dtype=np.int64)
        if entries:
            held = np.concatenate([np.asarray(e.quotations, dtype=np.int64) for e in entries])
            theirs = np.asarray(docs, dtype=np.int64)[np.isin(docs, held)]
        said = _folded(claim_words) if common else ""
        # The best-placed candidates are aligned, and up to two more of the claimed speaker's
        # (the same words reported in many articles must not crowd out the speaker's own).
        # Each is read from its article, so reading stops as soon as enough are chosen.
        chosen: dict[tuple[int, int], Quotation] = {}
        extra = 0
        wanted_docs = set(theirs.tolist())
        for doc in docs:
            if len(chosen) >= ALIGN:
                if extra >= 2 or not wanted_docs:
                    break
                if doc not in wanted_docs:
                    continue
            article_no = int(table.article[doc])
            quotation = table.lists[article_no][int(table.local[doc])]
            key = (article_no, quotation.quotation_id)
            if key in chosen:
                continue
            if common and said not in _folded(words(quotation.text)):
                continue  # only common words: keep the quotations holding the very words
            if len(chosen) >= ALIGN:
                extra += 1
            chosen[key] = quotation
        chosen_items = list(chosen.items())
        units = [self._quotation_unit(a, q) for (a, _), q in chosen_items]
        return self._align_best(claim, tokens, claim_words, units)

    def _passage_matches(
        self,
        claim: str,
        tokens: list[Token],
        claim_words: list[Word],
        terms: list[str],
        count: int,
    ) -> list[Match]:
        passages = self.index.passages
        units = []
        for doc in candidates(self.index.passage_engine, terms, count):
            article_no = int(passages.article[doc])
            article = self.index.articles[article_no]
            start, end = int(passages.start[doc]), int(passages.end[doc])
            found = words(article.text, start, end)
            units.append(_Unit(article_no, article, found, [], [-1] * len(found)))
        return self._align_best(claim, tokens, claim_words, units)

    def _quotation_unit(self, article_no: int, quotation: Quotation) -> _Unit:
        article = self.index.articles[article_no]
        pieces = sorted(
            (
                q
                for q in self.index.quotations.lists[article_no]
                if q.quotation_id == quotation.quotation_id
            ),
            key=lambda q: q.start,
        )
        found: list[Word] = []
        piece_of: list[int] = []
        for number, piece in enumerate(pieces):
            more = words(article.text, piece.start, piece.end)
            found += more
            piece_of += [number] * len(more)
        return _Unit(article_no, article, found, pieces, piece_of)

    def _align_best(
        self,
        claim: str,
        tokens: list[Token],
        claim_words: list[Word],
        units: list[_Unit],
    ) -> list[Match]:
        """Align the units sharing the most words with the claim; keep exact and close ones."""
        keys = {w.key for w in claim_words}
        content = keys - FUNCTION_WORDS
        held = [{w.key for w in u.words} for u in units]
        # A unit must share a meaningful word, or every word of a claim of common words.
        shared = [len(keys & h) if content & h or keys <= h else 0 for h in held]
        best = max(shared, default=0)
        out = []
        for unit, count in zip(units, shared, strict=True):
            # A unit sharing under half the words the best one shares cannot be close.
            if not count or count * 2 < best:
                continue
            alignment = align(tokens, unit.words)
            if _is_close(alignment, claim_words, unit.words, content):
                out.append(_match(claim, claim_words, unit, alignment, self.index))
        return out


def _only_common(claim_words: list[Word]) -> bool:
    return all(w.key in FUNCTION_WORDS for w in claim_words)


def _folded(found: list[Word]) -> str:
    """Words as one comparable string, bounded by spaces so a match is of whole words."""
    return " " + " ".join(w.key for w in found) + " "


def _is_close(
    a: Alignment, claim_words: list[Word], published: list[Word], content: set[str]
) -> bool:
    if a.exact:
        return True
    # A claim holding a whole published quotation word for word, plus a few words of its
    # own ("unrealistic and dangerous" for “unrealistic”), may share only half its words.
    whole = (
        a.first == 0
        and a.last == len(published)
        and a.published_words == sum(o.p1 - o.p0 for o in a.ops if o.op == "equal")
    )
    if a.similarity < (WHOLE_QUOTE_SIMILARITY if whole else CLOSE_SIMILARITY):
        return False
    if a.changed > max(2, math.ceil(CLOSE_CHANGED_SHARE * a.claim_words)):
        return False
    # Words that carry meaning must mostly agree: "this is a big … for" in common makes
    # nothing close.
    kept = sum(
        claim_words[c].key in content for o in a.ops if o.op == "equal" for c in range(o.c0, o.c1)
    )
    meaningful = sum(w.key in content for w in claim_words)
    return kept > 0 and kept * 2 >= meaningful


def _match(
    claim: str, claim_words: list[Word], unit: _Unit, a: Alignment, index: CorpusIndex
) -> Match:
    text = unit.article.text
    published = unit.words
    diff = []
    for op in a.ops:
        for p0, p1, c0, c1, kind in _split_at_pieces(op.op, op.p0, op.p1, op.c0, op.c1, unit):
            diff.append(
                DiffOp(
                    kind,
                    claim[claim_words[c0].start : claim_words[c1 - 1].end] if c1 > c0 else "",
                    text[published[p0].start : published[p1 - 1].end] if p1 > p0 else "",
                )
            )
    lo, hi = published[a.first].start, published[max(a.first, a.last - 1)].end
    if unit.pieces:
        touched = unit.pieces[unit.piece_of_word[a.first] : unit.piece_of_word[a.last - 1] + 1]
        quotation: Quotation | None = touched[0]
        speaker = touched[0].speaker
        pieces = tuple((q.start, q.end) for q in touched)
        lo, hi = touched[0].start, touched[-1].end
    else:
        quotation = _quotation_holding(index, unit, lo, hi)
        speaker = quotation.speaker if quotation else UNRESOLVED_SPEAKER
        pieces = ((lo, hi),) if quotation else ()
    return Match(
        unit.article,
        speaker,
        lo,
        hi,
        round(a.similarity, 3),
        tuple(diff),
        a.exact,
        quotation,
        pieces,
    )


def _split_at_pieces(
    kind: str, p0: int, p1: int, c0: int, c1: int, unit: _Unit
) -> list[tuple[int, int, int, int, str]]:
    """An op whose published words run across two pieces of a quotation, split there, so
    each published side is one verbatim stretch (the words between pieces are not quoted)."""
    out = []
    while p1 - p0 > 1 and unit.piece_of_word[p0] != unit.piece_of_word[p1 - 1]:
        cut = p0 + 1
        while unit.piece_of_word[cut] == unit.piece_of_word[p0]:
            cut += 1
        if kind == "equal":
            out.append((p0, cut, c0, c0 + cut - p0, kind))
            c0 += cut - p0
        else:  # the claim's words stay with the first piece; the rest is dropped
            out.append((p0, cut, c0, c1, kind))
            c0, kind = c1, "delete"
        p0 = cut
    out.append((p0, p1, c0, c1, kind))
    return out


def _quotation_holding(index: CorpusIndex, unit: _Unit, lo: int, hi: int) -> Quotation | None:
    """The attributed quotation whose quoted words hold the article text [lo, hi), if any."""
    for q in index.quotations.lists[unit.article_no]:
        if q.start <= lo and hi <= q.end:
            return q
    return None


def _decide(
    found: list[Match], wanted: set[tuple[str, str]] | None, typed: str | None = None
) -> tuple[Verdict, list[Match]]:
    """The verdict and the matches that support it, best first."""
    unique: dict[tuple[str, int, int], Match] = {}
    for m in found:
        unique.setdefault((m.article.id, m.quote_start, m.quote_end), m)
    matches = sorted(unique.values(), key=_order)
    exact = [m for m in matches if m.exact]
    close = [m for m in matches if not m.exact]
    if wanted is None:
        if exact:
            return Verdict.EXACT, exact
        return (Verdict.CLOSE, close) if close else (Verdict.NOT_FOUND, [])

    surname = claimed_surname(typed)

    def whose(m: Match) -> str:
        if not m.speaker.resolved:
            # Published, but the article names no speaker: unless it names the claimed one
            # beside the words (the paragraph or the one before), nothing in it supports
            # the claim's attribution.
            if not surname:
                return "unknown"
            near = _mentions(_around(m), surname) or _mentions(_previous(m), surname)
            return "unknown" if near else "other"
        if speaker_key(m.speaker) in wanted or _same_person(typed, m.speaker.name):
            return "claimed"
        # Attributed to someone else. Where the article names that speaker beside the words,
        # the attribution stands. Where it does not (it was reached through "he said" and
        # the like, where attribution errs most) and the claimed speaker is named in the
        # paragraph or the one before, the article may well mean the claimed speaker: too
        # close to call. (PolNeAR train, wrong speakers half from the same article: this
        # rule 0.965 right verdicts; always trusting attribution 0.959; trusting the
        # claimed speaker whenever named in the paragraph 0.955.)
        around = _around(m)
        theirs = claimed_surname(m.speaker.name)
        if theirs and _mentions(around, theirs):
            return "other"
        named = surname and (_mentions(around, surname) or _mentions(_previous(m), surname))
        return "unknown" if named else "other"

    for group, same in ((exact, Verdict.EXACT), (close, Verdict.CLOSE)):
        by = {w: [m for m in group if whose(m) == w] for w in ("claimed", "other", "unknown")}
        if by["claimed"]:
            return same, by["claimed"]
        if by["other"]:  # who said them first, then words no one is credited with
            return Verdict.MISATTRIBUTED, sorted(by["other"], key=lambda m: not m.speaker.name)
        if by["unknown"]:
            return same, by["unknown"]
    return Verdict.NOT_FOUND, []


def claimed_surname(typed: str | None) -> str | None:
    """The word of a typed speaker that names them ("Peskov" in "Kremlin spokesman Peskov")."""
    words = [w for w in tokenize(typed or "") if w not in TITLE_WORDS]
    return name_key(words[-1]) if words else None


def _same_person(typed: str | None, name: str | None) -> bool:
    """ "Frank DeLuca" and "DeLuca" (or "Frank DeLuca"): the same surname, and no first name
    that disagrees. The speaker directory misses these when one side has fewer words."""
    said = [name_key(w) for w in tokenize(typed or "") if w not in TITLE_WORDS]
    known = [name_key(w) for w in tokenize(name or "")]
    if not said or not known or said[-1] != known[-1]:
        return False
    return len(said) == 1 or len(known) == 1 or said[0] == known[0]


def _mentions(text: str, surname: str) -> bool:
    return any(name_key(w) == surname for w in tokenize(text))


def _around(m: Match) -> str:
    """The match's paragraph without the quoted words themselves."""
    start, end = m.article.paragraphs[m.paragraph - 1] if m.paragraph else (0, 0)
    text = m.article.text
    return text[start : m.quote_start] + " " + text[m.quote_end : end]


def _previous(m: Match) -> str:
    """The paragraph before the match's."""
    number = m.paragraph
    return m.article.paragraph_text(number - 1) if number > 1 else ""


def _order(m: Match) -> tuple[float, int, str, int]:
    """Closest first; among equals the earliest published (where the words first appeared)."""
    published = m.article.published.toordinal() if m.article.published else 10**7
    return (-m.similarity, published, m.article.id, m.quote_start)
