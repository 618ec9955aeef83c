"""Who "which <description> said …" means: speakers described by their role and name, and by
what their article says about them around their quotations.

Reporters describe a speaker by what they remember of the story, not by the role string the
attribution kept: "which ferry company chief executive" for a speaker whose role is "chief
executive" (the company named in the sentence before), "which member of the zoning board" for
"the lone dissenting member" (the board named in the paragraph before). So each word of the
description is looked for, in order of how closely it describes the speaker:

1. in the speaker's role or name (a person's name word as typed, a plural "s" allowed:
   "the two Brandts"; a role, an organisation's name or an unnamed source's description
   stemmed);
2. in the narrative of the paragraphs holding the speaker's quotations in that article (the
   quoted words themselves left out: they say what was said, not who said it);
3. in the narrative of the paragraph just before one of them (where a speaker is often
   introduced);
4. anywhere else in the article's narrative or headline.

The speakers who have the most description words somewhere are kept (a word found nowhere
about a speaker is evidence against them), those with a word in their role or name before
those with none; among them the answer ranks by what was said and by how closely the words
describe the speaker (`LEVELS`).

A few spellings of one role are read as one word on both sides ("spokeswoman" and
"spokesperson", "councilwoman" and "councillor", "CEO" and "chief executive"): general
variants of titles, not synonyms of meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.attribution.model import Quotation, Speaker, SpeakerKind
from bot.corpus.articles import Article
from bot.search.tokenizer import fold, stem, words

# How closely a description word describes a speaker, by where it was found (see the
# module docstring): role or name, the speaker's paragraphs, the paragraph before, the article.
LEVELS = (1.0, 0.75, 0.5, 0.25)

# Words of a description that say nothing about who the speaker is ("which of the two
# Brandts", "what other official").
_STOP = frozenset(
    """a an the of from for in at on with and or who which what to by his her their its
    one two three four five both other another same""".split()
)

# Spellings of one title, read as one (applied to folded text, on both sides).
_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bspokes(?:man|woman|person|men|women|people|persons)\b", "spokesperson"),
        # "council member", "councilwoman", "Cllr": a councillor, and a member of a council.
        (
            r"\bcouncil\s+members?\b|\bcouncil(?:lors?|ors?|members?|man|men|woman|women)\b"
            r"|\bcllrs?\b",
            "councillor council member",
        ),
        (r"\bceos?\b", "chief executive"),
        (r"\bcfos?\b", "chief financial"),
        (r"\bctos?\b", "chief technology"),
        (r"\bcoos?\b", "chief operating"),
        (
            r"\bchief\s+(executive|financial|technology|operating|information)\s+officers?\b",
            r"chief \1",
        ),
        (r"\bmps\b|\bmp\b|\bmembers?\s+of\s+parliament\b", "member parliament"),
        (r"\bsens?\b", "senator"),
        (r"\bgovs?\b", "governor"),
        (r"\breps?\b", "representative"),
        (r"\bprofs?\b", "professor"),
        (r"\bmoms?\b|\bmums?\b|\bmommy\b|\bmummy\b", "mother"),
    )
)


def _variants(folded: str) -> str:
    for pattern, replacement in _VARIANTS:
        if pattern.search(folded):
            folded = pattern.sub(replacement, folded)
    return folded


def _folded_words(text: str) -> list[str]:
    return _variants(" ".join(words(text))).split()


def _name_key(word: str) -> str:
    return "=" + re.sub(r"(.)\1+", r"\1", fold(word))


def _tokens(text: str, names: frozenset[str] = frozenset()) -> set[str]:
    """What a stretch of narrative offers a description: each word's stem (but not the words
    of people's `names`: "Ferris" is not a ferry), and its name key (so a surname typed in
    the description is found as written)."""
    found = _folded_words(text)
    return {stem(w) for w in found if w not in names} | {_name_key(w) for w in found}


@dataclass(frozen=True)
class Description:
    """The words of a description, each with the tokens that count as finding it."""

    words: tuple[str, ...]
    probes: tuple[frozenset[str], ...]

    def __len__(self) -> int:
        return len(self.words)

    @property
    def stems(self) -> tuple[str, ...]:
        """The words as the passage index holds them (to find the paragraphs describing)."""
        return tuple(stem(w) for w in self.words)


def parse_description(text: str) -> Description:
    """The content words of a typed description, variants of a title read as one."""
    kept = tuple(dict.fromkeys(w for w in _folded_words(text) if w not in _STOP))
    probes = []
    for word in kept:
        probe = {stem(word), _name_key(word)}
        if len(word) > 3 and word.endswith("s"):  # "the two Brandts": a surname, plural
            probe.add(_name_key(word[:-1]))
            if word.endswith("es"):
                probe.add(_name_key(word[:-2]))
        probes.append(frozenset(probe))
    return Description(kept, tuple(probes))


def speaker_tokens(speaker: Speaker) -> frozenset[str]:
    """What a speaker's role and name offer a description. A person's name words count as
    typed (their name key), not stemmed: "ferry" is not "Ferris". A role, an organisation's
    name and an unnamed source's description ("a spokesperson for the port") are stemmed."""
    held = {stem(w) for w in _folded_words(speaker.role or "")}
    name_words = _folded_words(speaker.name or "")
    if speaker.kind is SpeakerKind.PERSON:
        held |= {_name_key(w) for w in name_words}
    else:
        held |= {stem(w) for w in name_words}
    return frozenset(held)


def strong_matches(description: Description, tokens: frozenset[str]) -> int:
    """How many words of the description the speaker's role and name hold."""
    return sum(1 for probe in description.probes if not probe.isdisjoint(tokens))


class ArticleNarrative:
    """An article's narrative tokens, paragraph by paragraph, quoted words left out."""

    def __init__(self, article: Article, quotations: Sequence[Quotation]) -> None:
        text = article.text
        spans = sorted((q.start, q.end) for q in quotations)
        names = frozenset(
            w
            for q in quotations
            if q.speaker.kind is SpeakerKind.PERSON
            for w in _folded_words(q.speaker.name or "")
        )
        self.paragraphs: list[set[str]] = []
        for p_start, p_end in article.paragraphs:
            pieces, at = [], p_start
            for start, end in spans:
                if end <= p_start or start >= p_end:
                    continue
                pieces.append(text[at : max(at, start)])
                at = max(at, end)
            pieces.append(text[at:p_end])
            self.paragraphs.append(_tokens(" ".join(pieces), names))
        self.headline = _tokens(article.headline or "", names)
        self.everything = set(self.headline).union(*self.paragraphs)


def levels(
    description: Description,
    tokens: frozenset[str],
    narrative: ArticleNarrative,
    paragraphs: Iterable[int],
) -> list[float]:
    """Per description word, how closely it describes a speaker (`LEVELS`; 0: not at all),
    given the speaker's role and name tokens and the 1-based paragraphs holding their
    quotations in one article."""
    own = sorted({p for p in paragraphs if 1 <= p <= len(narrative.paragraphs)})
    near = set().union(*(narrative.paragraphs[p - 1] for p in own)) if own else set()
    before_numbers = {p - 1 for p in own if p > 1} - set(own)
    before = set().union(*(narrative.paragraphs[p - 1] for p in before_numbers))
    found = []
    for probe in description.probes:
        if not probe.isdisjoint(tokens):
            found.append(LEVELS[0])
        elif not probe.isdisjoint(near):
            found.append(LEVELS[1])
        elif not probe.isdisjoint(before):
            found.append(LEVELS[2])
        elif not probe.isdisjoint(narrative.everything):
            found.append(LEVELS[3])
        else:
            found.append(0.0)
    return found
