"""The answer as terminal text: the same verbatim excerpts as in Slack, cuts marked with "…".

Excerpt lines are printed as the article has them (no re-wrapping, which would turn spaces
into line breaks); each starts with "   > ". With `bold`, the quotation is in ANSI bold.
"""

from __future__ import annotations

from bot.answer import Answer, Result, Source
from bot.excerpts import CUT, Shown, citation_parts, correction_note, shown_excerpt
from bot.search.question import Intent

EXCERPT_PREFIX = "   > "
_BOLD, _PLAIN = "\033[1m", "\033[0m"


def heading(number: int, result: Result) -> str:
    """'1. Pete Hegseth, Defense Secretary · told NATO allies · 2025-02-12 (…)' or 'Passage'."""
    q = result.quotation
    if q is None:
        return f"{number}. Passage"
    who = q.speaker.name or "(speaker not identified)"
    role = f", {q.speaker.role}" if q.speaker.role else ""
    how = " ".join(p for p in (q.cue, q.medium) if p)
    when = ""
    if q.when:
        note = q.when.phrase or ("date published" if q.when.from_publication else "")
        when = f" · {q.when.date}" + (f" ({note})" if note else "")
    return f"{number}. {who}{role}" + (f" · {how}" if how else "") + when


def excerpt_lines(shown: Shown, bold: bool = False) -> list[str]:
    """The excerpt, verbatim, one printed line per line of the article text."""
    parts = [CUT] if shown.cut_before else []
    for piece in shown.pieces:
        words = shown.words(piece)
        parts.append(f"{_BOLD}{words}{_PLAIN}" if bold and piece.quoted else words)
    if shown.cut_after:
        parts.append(CUT)
    return [EXCERPT_PREFIX + line for line in "".join(parts).split("\n")]


def citation(source: Source) -> str:
    parts = citation_parts(source.article, source.paragraph)
    if source.article.url:
        parts.append(source.article.url)
    return "   — " + " · ".join(parts)


def render_answer(answer: Answer, usage: str, too_long: str, *, bold: bool = False) -> str:
    """The whole answer as printed by `python -m bot ask`."""
    intent = answer.question.intent
    if intent in (Intent.HELP, Intent.EMPTY):
        return usage
    lines: list[str] = []
    if answer.notice:
        lines.append(answer.notice)
    if intent is Intent.TOO_LONG:
        lines.append(too_long)
    for number, result in enumerate(answer.results, 1):
        lines.extend(["", heading(number, result)])
        lines.extend(excerpt_lines(shown_excerpt(result.source, result.quotation), bold))
        lines.append(citation(result.source))
        if result.source.article.correction:
            lines.append("   " + correction_note(result.source.article.correction))
        for other in result.also_in:
            o = other.article
            published = o.published.isoformat() if o.published else "date unknown"
            outlet = o.outlet or "Unknown outlet"
            lines.append(f"   also: {outlet} · {published} · ¶{other.paragraph}")
    return "\n".join(lines)
