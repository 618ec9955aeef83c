"""Article layout: hard-wrapped lines, single line breaks as paragraph ends, a headline
repeated as the first paragraph, and transcript labels ("NAME: …").
"""

from __future__ import annotations

import re

from bot.attribution.cues import RawAttribution
from bot.attribution.lexicons import HEADLINE_SAYS, NOT_HEADLINE_LABELS, SPEECH_VERBS
from bot.attribution.marks import QuotedSpan
from bot.attribution.people import Entities
from bot.attribution.subjects import subject_of_sentence
from bot.corpus.articles import Article

_LABEL = re.compile(r"([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2}):[ \t]+")


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
    split = (
        _SINGLE_BREAK.search(text) is not None
        and any(text.find("\n", lo, hi) >= 0 for lo, hi in paragraphs)
        and not _hard_wrapped(text, paragraphs)
    )
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
    if label is not None and label.group(1).split()[-1].lower() not in NOT_HEADLINE_LABELS:
        a, b = label.span(1)
        return RawAttribution(":", b, b + 1, a, b, None, None, lo, hi, False)
    tail = _HEADLINE_TAIL.search(text, s.close_pos, hi)
    if tail is not None:
        a, b = tail.span(1)
        return RawAttribution(
            tail.group(2), tail.start(2), tail.end(2), a, b, None, None, lo, hi, True
        )
    after = text[s.close_pos + 1 : s.close_pos + 3]
    if not text[lo : s.open_pos].strip() and after.startswith(":"):
        # "‘I just stopped thinking’: Moreau stuns top seed": a quotation leading the
        # headline, then its speaker as the subject after the colon.
        found = subject_of_sentence(text, s.close_pos + 2, hi)
    else:
        found = subject_of_sentence(text, lo, s.open_pos)
    if found is None:
        return None
    a, b = found
    between = text[b : s.open_pos] if b <= s.open_pos else ""
    clause = between.rsplit(",", 1)[-1].split() if "," in between else []
    if clause and clause[0][:1].islower() and clause[0].lower() not in SPEECH_VERBS:
        # "Brandt closes harbor, residents ‘furious’": another subject's words (a
        # title-case headline's ", Calls …" goes on with the same subject).
        return None
    words = text[a:b].split()
    cue = ""
    if len(words) >= 2 and words[-1].lower() in HEADLINE_SAYS:
        # "Brandt Said ‘No Deal’": the verb, capitalised as headlines do, is the cue.
        cue = words.pop()
        b = text.rfind(cue, a, b)
        while b > a and text[b - 1] in " \t":
            b -= 1
    # Only a person the article itself goes on to name: "Obama to frame …", not "Guns Are".
    if (
        not words
        or not words[-1][:1].isupper()
        or words[-1].lower().removesuffix("’s").removesuffix("'s") not in entities.by_surname
    ):
        return None
    if cue:
        cs = text.find(cue, b)
        return RawAttribution(cue.lower(), cs, cs + len(cue), a, b, None, None, lo, hi, False)
    return RawAttribution("", b, b, a, b, None, None, lo, hi, False)
