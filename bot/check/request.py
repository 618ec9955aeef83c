"""What a person asked to check: the claimed quotations and, if named, who said them.

    did Peskov really say “…”?          -> speaker Peskov, one claim
    check “…” and “…”                   -> no speaker, two claims
    check did Hegseth say "…"           -> speaker Hegseth
    Peskov said “…”, and Leavitt “…”    -> (a whole message, for the shortcut) each quoted span

Slack markup is removed first (`bot.search.question.clean`), so mentions never become part
of a claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.attribution import extract_quotations
from bot.attribution.model import SpeakerKind
from bot.corpus.articles import ArticleError, build_article
from bot.search.question import clean

MAX_CLAIMS = 10
MAX_CLAIM_CHARS = 1000

# A quoted span: straight or curly double quotes, guillemets, low-high quotes, or curly single
# quotes that are not apostrophes (no word character just outside them).
_QUOTED = re.compile(
    r"[\"“”„«»]\s*(?P<double>[^\"“”„«»]*?[^\s\"“”„«»][^\"“”„«»]*?)\s*[\"“”„«»]"
    r"|(?<!\w)‘(?P<single>[^‘’]+?)’(?!\w)"
)
_CHECK = re.compile(r"^\s*(?:check|verify|fact-?check)\b[\s:,]*", re.IGNORECASE)
_DID_SAY = re.compile(
    r"^\s*(?:did|has|have|does)\s+(?P<speaker>.+?)\s+(?P<really>(?:really|actually|ever|truly)\s+)?"
    r"(?:say|said|write|wrote|tell|told|claim|claimed|tweet|post|posted)\b"
    r"(?:\s+(?:that|this|the\s+words?))?[\s:,]*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NOBODY = frozenset(
    {"anyone", "anybody", "someone", "somebody", "anyone ever", "they", "he", "she"}
)


@dataclass(frozen=True)
class CheckRequest:
    claims: tuple[str, ...]
    speaker: str | None = None  # named in the question: claimed for every claim
    # For a whole message: who the message itself credits with each claim (or None).
    speakers: tuple[str | None, ...] = ()

    def speaker_of(self, number: int) -> str | None:
        """Who claim `number` is claimed for."""
        if self.speaker:
            return self.speaker
        return self.speakers[number] if number < len(self.speakers) else None


def quoted_spans(text: str) -> list[str]:
    """Every quoted span of `text`, in order."""
    return [(m["double"] or m["single"]).strip() for m in _QUOTED.finditer(text)]


def parse_check(raw: str, *, whole_message: bool = False) -> CheckRequest | None:
    """The check asked for in `raw`, or None if it is not a check.

    `whole_message`: `raw` is any message (the shortcut): its quoted spans are the claims,
    or the whole message if it quotes nothing.
    """
    text = clean(raw)
    prefixed = _CHECK.match(text)
    if prefixed:
        text = text[prefixed.end() :]
    did = _DID_SAY.match(text)
    speaker = None
    if did:
        speaker = did["speaker"].strip(" ,")
        if speaker.lower() in _NOBODY:
            speaker = None
    spans = quoted_spans(text)
    if not spans:
        if did and (did["really"] or prefixed) and did["rest"].strip(" ?!."):
            spans = [did["rest"].strip().rstrip("?!").strip()]
        elif prefixed or whole_message:
            spans = [text.strip()] if text.strip() else []
        else:
            return None
    elif not (prefixed or did or whole_message):
        return None
    claims = tuple(s[:MAX_CLAIM_CHARS] for s in spans if s)[:MAX_CLAIMS]
    if whole_message and not speaker and claims:
        return CheckRequest(claims, None, credited(text, claims))
    return CheckRequest(claims, speaker)


def credited(message: str, claims: Sequence[str]) -> tuple[str | None, ...]:
    """Who `message` credits with each claim, read by the same attribution as the articles
    ("Peskov told reporters “…”" credits Peskov); None where it names nobody."""
    try:
        article = build_article({}, message, "message", "")
    except ArticleError:
        return tuple(None for _ in claims)
    found = extract_quotations(article)
    out: list[str | None] = []
    for claim in claims:
        who = None
        for q in found:
            name = q.speaker.name or ""
            if (
                q.speaker.resolved
                and q.speaker.kind is not SpeakerKind.UNRESOLVED
                and name.lower() not in _NOBODY
                and (claim in q.text or q.text.strip(" ,.") in claim)
            ):
                who = name
                break
        out.append(who)
    return tuple(out)


def is_check(raw: str) -> bool:
    """Whether a question typed to the bot asks for a check (see `parse_check`)."""
    return parse_check(raw) is not None
