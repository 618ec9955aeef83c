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
2. in the paragraphs holding the speaker's quotations in that article;
3. in the paragraph just before one of them (where a speaker is often introduced);
4. anywhere else in the article, or its headline.

Levels 2 to 4 are read from the passage index's postings (a binary search per paragraph, no
article is read or tokenized), so the words of the quotations in those paragraphs count too;
the words naming the people quoted in the article do not ("Marta Ferris" is not a ferry).

The speakers who have the most description words somewhere are kept (a word found nowhere
about a speaker is evidence against them; one whose role and name hold none must have them
all); among them the answer ranks by what was said and by how closely the words describe the
speaker (`LEVELS`; bot.search.described).

A few spellings of one title are read as one on both sides ("spokeswoman" is a spokesperson
and a woman, "councilwoman" and "Cllr" a councillor, "CEO" a chief executive, "MP" a member
of parliament, "mum" a mother): general variants of titles, not synonyms of meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

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
        # One title, whoever holds it; the gender a reporter gives still counts as a word.
        (r"\bspokes(?:man|men)\b", "spokesperson man"),
        (r"\bspokes(?:woman|women)\b", "spokesperson woman"),
        (r"\bspokes(?:person|persons|people)\b", "spokesperson"),
        # "council member", "councilwoman", "Cllr": a councillor, and a member of a council.
        (r"\bcouncil(?:man|men)\b", "councillor council member man"),
        (r"\bcouncil(?:woman|women)\b", "councillor council member woman"),
        (
            r"\bcouncil\s+members?\b|\bcouncil(?:lors?|ors?|members?)\b|\bcllrs?\b",
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


# The words the variants start from: text with none of them needs no rewriting.
_VARIANT_HINT = re.compile(
    r"\b(?:spokes\w*|council\w*|cllrs?|ceos?|cfos?|ctos?|coos?|chief|mps?|members?|sens?|"
    r"govs?|reps?|profs?|moms?|mums?|mommy|mummy)\b"
)


def _variants(folded: str) -> str:
    if not _VARIANT_HINT.search(folded):
        return folded
    for pattern, replacement in _VARIANTS:
        if pattern.search(folded):
            folded = pattern.sub(replacement, folded)
    return folded


@lru_cache(maxsize=65536)
def _folded_words(text: str) -> tuple[str, ...]:
    return tuple(_variants(" ".join(words(text))).split())


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _name_key(word: str) -> str:
    return "=" + _DOUBLED.sub(r"\1", fold(word))


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

    def as_role(self) -> Description:
        """The same words matched as a role or an organisation only, not as a person's name."""
        return Description(self.words, tuple(frozenset({t}) for t in self.stems))


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


def person_name_stems(quotations: Iterable[Quotation]) -> frozenset[str]:
    """The stems of the words naming the people quoted in an article: found in its
    paragraphs, they describe nobody ("Marta Ferris" is not a ferry)."""
    return frozenset(
        stem(w)
        for name in {q.speaker.name for q in quotations if q.speaker.kind is SpeakerKind.PERSON}
        for w in _folded_words(name or "")
    )


def headline_stems(article: Article) -> frozenset[str]:
    """The stems of an article's headline (not a paragraph, so not in the passage index)."""
    return frozenset(stem(w) for w in _folded_words(article.headline or ""))


def levels(
    description: Description,
    tokens: frozenset[str],
    own: Sequence[bool],
    before: Sequence[bool],
    anywhere: Sequence[bool],
) -> list[float]:
    """Per description word, how closely it describes a speaker (`LEVELS`; 0: not at all):
    in their role or name `tokens`, else whether a paragraph holding one of their quotations
    (`own`), a paragraph just before one (`before`) or anything else in the article
    (`anywhere`) holds the word's stem."""
    found = []
    for i, probe in enumerate(description.probes):
        if not probe.isdisjoint(tokens):
            found.append(LEVELS[0])
        elif own[i]:
            found.append(LEVELS[1])
        elif before[i]:
            found.append(LEVELS[2])
        elif anywhere[i]:
            found.append(LEVELS[3])
        else:
            found.append(0.0)
    return found
