"""Turning what a journalist typed into a search: Slack markup removed, intent recognised.

Three shapes matter to a newsroom:

* "who said <words>" / a quoted phrase: find the quotation holding those words;
* "what did <speaker> say (about <topic>)" / "when did <speaker> say <words>": that
  speaker's quotations, ranked by the topic;
* anything else: the best passages, with any quotation in them attributed.

Speaker names are only *candidates* here; the index decides which are real speakers.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from bot.search.tokenizer import normalize, stems, tokenize, words

MAX_QUESTION_CHARS = 1000

# Slack's wire markup: <@U123>, <@U123|name>, <!here>, <!channel>, <!subteam^S1|@team>,
# <#C123|general>, <https://x|label>, <mailto:a@b|a@b>.
_SLACK_MARKUP = re.compile(r"<([@#!])?([^<>|]*)(?:\|([^<>]*))?>")
_UNCLOSED_SIGIL = re.compile(r"<(?=[@#!])")
_EMOJI_SHORTCODE = re.compile(r"(?<![\w:]):[a-z0-9_+\-']+(?:::skin-tone-\d)?:(?![\w:])")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{2,})[\"“”„«»]|(?<!\w)['‘’]([^'‘’]{2,})['‘’](?!\w)")

# Verbs a reporter uses for "said" in "who <verb> …" / "which <description> <verb> …".
_SAID_VERBS = (
    "said|says|wrote|told|called|described|claimed|warned|argued|compared|joked|quipped|"
    "denied|admitted|insisted|predicted|promised|vowed|suggested|accused|complained|declared|"
    "stated|asked|posted|tweeted|denounced|urged|boasted|conceded|noted|added|explained|"
    "remarked|blamed|praised|criticized|criticised|dismissed|defended|attacked|mocked|"
    "pledged|threatened|acknowledged|recalled|lamented|questioned|slammed"
)
# Reporters use far more verbs than those ("who likened", "who balked at", "who cautioned",
# "who proposed"): after "who", any past tense of a regular verb (a word of five letters or
# more ending in -ed) or a common irregular one asks who said it too. Not "who is", "who led"
# or "who won": those ask about a person, not a statement.
_PAST_TENSE = (
    r"(?!(?:needed|owned|ruled|killed|headed|founded|married|created|invented|signed|"
    r"started|played|scored|directed|hosted|coached|starred|funded|hired|fired|"
    r"replaced|succeeded|visited|attended|appointed|elected|nominated|defeated|voted|"
    r"resigned|died|lived|worked|served|joined|moved|retired|received|earned|launched)\b)"
    r"[^\W\d_]{3,}ed|thought|felt|swore|foresaw|forecast|spoke|bet|meant|sought"
)
_WHO_SAID = re.compile(
    r"^\s*(?:who\s+(?:" + _SAID_VERBS + "|" + _PAST_TENSE + ")"
    r"|who's\s+(?:quoted|saying)|who\s+is\s+quoted\s+(?:as\s+)?saying|who\s+was\s+quoted\s+"
    r"(?:as\s+)?saying|who\s+used\s+the\s+(?:phrase|words?))\b[\s:,]*"
    # "who balked at deporting …", "who likened X to Y", "who warned that …"
    r"(?:(?:that|at|about|of|on|over|against|to|for|with)\s+|the\s+words?\s+)?",
    re.IGNORECASE,
)
# "who told reporters that …", "who warned voters the fund …": whom it was said to is not
# what was said.
_TOLD_WHOM = re.compile(
    r"^\s*who\s+(?:told|warned|assured|reminded|informed|promised|wrote|tweeted)\s+"
    r"(?:[^\W\d_][\w'’.-]*\s+){1,3}?that\s+",
    re.IGNORECASE,
)
_SPEAKER_SAID = re.compile(
    r"^\s*(?:what|when|where|how|why)\s+(?:did|does|has|have|had|do|was|is)\s+"
    r"(?P<speaker>.+?)\s+(?:say|said|says|tell|told|write|wrote|claim|warn|mean|quoted|think)"
    r"\b(?:\s+(?:about|on|regarding|of|concerning|to))?(?P<topic>.*)$",
    re.IGNORECASE,
)
# "which county official warned that …", "what senator from Ohio said …": a description of
# the speaker, then what they said. (Not "what did …", which _SPEAKER_SAID reads.)
_WHICH_SAID = re.compile(
    r"^\s*(?:which|what)\s+(?!(?:did|does|do|has|have|had|was|is|were|are)\b)"
    r"(?P<who>[^?]+?)\s+(?:" + _SAID_VERBS + r")\b[\s:,]*(?:that\s+)?(?P<gist>.*)$",
    re.IGNORECASE,
)
# "which MP shouted that …", "which councillor cautioned …": any other past tense, as after
# "who"; tried only when no verb of saying follows, so "which retired judge said" keeps
# "retired judge" whole.
_WHICH_DID = re.compile(
    r"^\s*(?:which|what)\s+(?!(?:did|does|do|has|have|had|was|is|were|are)\b)"
    r"(?P<who>[^?]+?)\s+(?:" + _PAST_TENSE + r")\b[\s:,]*(?:(?:that|at|about|of|on|over|against|to|"
    r"for|with)\s+)?(?P<gist>.*)$",
    re.IGNORECASE,
)
_QUOTES_BY = re.compile(
    r"^\s*(?:quotes?|statements?|comments?|remarks?)\s+(?:from|by)\s+(?P<speaker>.+?)"
    r"(?:\s+(?:about|on|regarding)\s+(?P<topic>.*))?$",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s?!.:,;]+$")

# Words that carry no content in a question; BM25's idf floor would otherwise let them
# outweigh real content words at archive size.
QUESTION_STOPWORDS = frozenset(
    """a an and are as at be been but by can could did do does for from had has have he her
    him his how i if in into is it its me my of on or our say said says she so than that the
    their them they this to up us was we were what when where which who whom why will with
    would you your about tell told anything something quote quotes quoted words phrase
    all any some no not nor can't cannot won't don't doesn't didn't isn't wasn't aren't
    weren't couldn't wouldn't shouldn't there then too very just also even only other
    those these being because while both each once here again more most own such
    someone somebody anyone anybody over under after before out off against between through
    during without within upon""".split()
)


class Intent(StrEnum):
    HELP = "help"
    EMPTY = "empty"
    TOO_LONG = "too_long"
    WHO_SAID = "who_said"  # find the quotation holding these words
    SPEAKER = "speaker"  # what did X say (about Y)
    SEARCH = "search"  # plain search over passages


@dataclass(frozen=True)
class Question:
    raw: str  # as received
    text: str  # markup removed, white space collapsed: safe to echo (after escaping)
    intent: Intent
    terms: tuple[str, ...] = ()  # search tokens, stop words removed
    phrase: str | None = None  # an exact phrase to prefer
    speaker: str | None = None  # a speaker candidate, as typed
    described: str | None = None  # "which <description> said": who, described, as typed
    gist: str = ""  # what was said, in the asker's words (for the semantic stage)


def clean(raw: str) -> str:
    """Slack markup and invisible characters removed, entities decoded, spaces collapsed."""

    def replace(match: re.Match[str]) -> str:
        sigil, target, label = match.groups()
        if sigil in ("@", "!"):
            return " "  # mentions and broadcasts are never part of the question
        return label or (target if sigil == "#" else target or "")

    def strip_markup(text: str) -> str:
        # Nested or overlapping markup ("<!<!here>>") can leave new markup behind: repeat.
        while True:
            stripped = _SLACK_MARKUP.sub(replace, text)
            if stripped == text:
                return stripped
            text = stripped

    # Decoded entities ("&lt;!here&gt;") can spell markup too; an unclosed "<!" or "<@" is
    # never part of a question either.
    text = strip_markup(html.unescape(strip_markup(raw)))
    text = _UNCLOSED_SIGIL.sub(" ", text)
    text = _EMOJI_SHORTCODE.sub(" ", text)  # :tada: is how Slack sends an emoji, not words
    text = _ZERO_WIDTH.sub("", text)
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text
    )
    return " ".join(text.split())


def content_words(text: str) -> str:
    """The words of `text` that carry content, unstemmed, as one string (what the semantic
    stage embeds for a question: "can't", "expect", "all" only blur a static embedding)."""
    return " ".join(w for w in words(text) if w not in QUESTION_STOPWORDS)


def content_terms(text: str) -> tuple[str, ...]:
    """The stems of the words of `text` that carry content (stop words are matched unstemmed)."""
    return tuple(stems([w for w in words(text) if w not in QUESTION_STOPWORDS]))


def parse_question(raw: str) -> Question:
    text = clean(raw)
    if len(text) > MAX_QUESTION_CHARS:
        return Question(raw=raw, text=text[:200], intent=Intent.TOO_LONG)
    if not text or not tokenize(text):
        return Question(raw=raw, text=text, intent=Intent.EMPTY)
    if text.lower().strip(" ?!.") in ("help", "usage", "how do i use this", "what can you do"):
        return Question(raw=raw, text=text, intent=Intent.HELP)

    normalized = normalize(text)
    quoted = _QUOTED.search(normalized)
    phrase = (quoted.group(1) or quoted.group(2)).strip() if quoted else None
    # Words put in quotation marks are the words asked for: no search by meaning then.
    exact = phrase is not None

    who = _WHO_SAID.match(normalized)
    if who:
        told = _TOLD_WHOM.match(normalized)
        said = normalized[(told or who).end() :].strip(" ?!.\"'“”‘’")
        phrase = phrase or said or None
        # The content words carry the search; the exact phrase (every word, "not" and "we"
        # included) still outranks a bag of words. All function words: search them all.
        terms = content_terms(said) or tuple(tokenize(said))
        if terms:
            return Question(raw, text, Intent.WHO_SAID, terms, phrase, gist="" if exact else said)

    by_speaker = _SPEAKER_SAID.match(normalized) or _QUOTES_BY.match(normalized)
    if by_speaker:
        speaker = by_speaker["speaker"].strip(" ,")
        topic = (by_speaker["topic"] or "").strip(" ?!.")
        if tokenize(speaker):
            return Question(
                raw,
                text,
                Intent.SPEAKER,
                content_terms(topic),
                phrase,
                speaker=speaker,
                gist=topic,
            )

    which = _WHICH_SAID.match(normalized) or _WHICH_DID.match(normalized)
    if which and content_terms(which["who"]):
        said = which["gist"].strip(" ?!.\"'“”‘’")
        terms = content_terms(said) or tuple(tokenize(said))
        return Question(
            raw,
            text,
            Intent.WHO_SAID,
            terms,
            phrase,
            described=which["who"].strip(" ,"),
            gist="" if exact else said,
        )

    if phrase and not who:
        terms = tuple(tokenize(phrase))
        return Question(raw, text, Intent.WHO_SAID, terms, phrase)
    terms = content_terms(text) or tuple(tokenize(text))
    return Question(raw, text, Intent.SEARCH, terms, gist=text)
