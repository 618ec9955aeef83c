"""A check as JSON (for scripts) and as terminal text. Every quoted word is the article's."""

from __future__ import annotations

import textwrap
from typing import Any

from bot.check.checker import Check, Match, Verdict
from bot.excerpts import citation_parts

HEADLINES = {
    Verdict.EXACT: "Exact: these words were published",
    Verdict.CLOSE: "Close: published in different words",
    Verdict.MISATTRIBUTED: "Misattributed: published, said by someone else",
    Verdict.NOT_FOUND: "Not found: nothing close enough in the archive",
}


def headline(check: Check) -> str:
    """The verdict in words (without a final period)."""
    best = check.matches[0] if check.matches else None
    if check.verdict is Verdict.MISATTRIBUTED and best is not None and not best.speaker.name:
        return (
            "Misattributed: published, but the article does not credit these words "
            f"to {check.speaker}"
        )
    return HEADLINES[check.verdict]


def match_json(match: Match) -> dict[str, Any]:
    article = match.article
    return {
        "quote": match.quote,
        "speaker": {
            "name": match.speaker.name,
            "role": match.speaker.role,
            "kind": match.speaker.kind.value,
        },
        "article": {
            "id": article.id,
            "headline": article.headline,
            "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
            "url": article.url,
        },
        "quote_start": match.quote_start,
        "quote_end": match.quote_end,
        "similarity": match.similarity,
        "diff": [{"op": d.op, "claim": d.claim, "published": d.published} for d in match.diff],
    }


def check_json(check: Check) -> dict[str, Any]:
    """{"claim", "speaker", "verdict", "matches": [...]}, as documented in the README."""
    return {
        "claim": check.claim,
        "speaker": check.speaker,
        "verdict": check.verdict.value,
        "matches": [match_json(m) for m in check.matches],
    }


def who(match: Match) -> str:
    """'Pete Hegseth, Defense Secretary' or a plain statement that no speaker is known."""
    speaker = match.speaker
    if not speaker.name:
        if match.quotation is None:
            return "In the article's text (not an attributed quotation)"
        return "Speaker not identified by the article"
    return speaker.name + (f", {speaker.role}" if speaker.role else "")


def statement_date(match: Match) -> str:
    """The date the words were said, as the article gives it, else the publication date."""
    when = match.when
    if when is not None:
        note = when.phrase or ("date published" if when.from_publication else "")
        return when.date + (f" ({note})" if note else "")
    article = match.article
    return (article.published.isoformat() + " (date published)") if article.published else ""


def citation(match: Match) -> str:
    parts = citation_parts(match.article, match.paragraph, byline=False)
    return " · ".join([*parts, match.article.url] if match.article.url else parts)


def diff_text(match: Match) -> list[str]:
    """The differences, one line each, both sides verbatim."""
    lines = []
    for d in match.diff:
        if d.op == "insert":
            lines.append(f"added:   “{d.claim}”")
        elif d.op == "delete":
            lines.append(f"dropped: “{d.published}”")
        elif d.op == "replace":
            lines.append(f"changed: “{d.claim}” (published: “{d.published}”)")
    return lines


def shown_quote(match: Match) -> str:
    """The quotation's own words: its pieces, each verbatim, "…" where the article's words
    between them (“…,” she said. “…”) are left out."""
    text = match.article.text
    if not match.pieces:
        return match.quote
    return " … ".join(text[a:b] for a, b in match.pieces)


def check_text(check: Check) -> str:
    """What the terminal shows for one check."""
    lines = [
        f"Claim: “{check.claim}”" + (f" (attributed to {check.speaker})" if check.speaker else "")
    ]
    lines.append(headline(check) + ".")
    for number, match in enumerate(check.matches, 1):
        date = statement_date(match)
        lines.append(f"\n{number}. {who(match)}" + (f" · {date}" if date else ""))
        lines.append(textwrap.indent(textwrap.fill(shown_quote(match), 88), "   > "))
        lines.extend("   " + line for line in diff_text(match))
        lines.append("   — " + citation(match))
    return "\n".join(lines)
