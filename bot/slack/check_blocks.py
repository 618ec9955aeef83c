"""Block Kit for a quotation check: the verdict, and each match's published words verbatim.

Article words and the claim go into `rich_text` `text` elements, which Slack shows as they
are: no mrkdwn, so `*`, `_`, `~`, backticks, `>` and `<!here>` in an article are characters,
never formatting or a ping. Each quoted span shown is `article.text[a:b]` of the cited
article; the speaker's own words are bold; a cut is marked with a separate "…".
"""

from __future__ import annotations

from typing import Any

from bot.check.checker import Check, Match, Verdict
from bot.check.report import headline, statement_date, who
from bot.excerpts import citation_parts
from bot.slack import rich_text as rt

Block = dict[str, Any]
Element = dict[str, Any]

MAX_BLOCKS = 50
MATCHES_SHOWN = 3
# Around the words that match, this much of a long quotation is shown; the rest is cut
# (marked) and the link leads to the whole article.
CONTEXT_CHARS = 300
MAX_SHOWN_CHARS = 2500
MAX_CLAIM_CHARS = 500
MAX_FALLBACK_CHARS = 3000

CHECK_USAGE = (
    "Paste the quotation to check in quotation marks: "
    "/whosaid check “…”, or ask: did Peskov really say “…”?"
)


def _text(text: str, **style: bool) -> Element:
    element: Element = {"type": "text", "text": text}
    if style:
        element["style"] = style
    return element


def _rich(*elements: Element) -> Block:
    return {"type": "rich_text", "elements": list(elements)}


def _section(*elements: Element) -> Element:
    return {"type": "rich_text_section", "elements": [e for e in elements if e.get("text", 1)]}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def shown_spans(match: Match) -> list[tuple[int, int, bool]]:
    """(start, end, quoted) stretches of the article to show, in order: the quotation's
    pieces (quoted) and the words between them (not), cut around the matching words when
    long. Consecutive stretches that do not touch have a cut between them."""
    pieces = list(match.pieces) or [(match.quote_start, match.quote_end)]
    # Bold means "these are the named speaker's words": not for text no one is credited with.
    quoted = bool(match.pieces) and bool(match.speaker.name)
    stretches: list[tuple[int, int, bool]] = []
    for number, (a, b) in enumerate(pieces):
        if number:
            stretches.append((pieces[number - 1][1], a, False))
        stretches.append((a, b, quoted))
    total = sum(b - a for a, b, _ in stretches)
    if total <= MAX_SHOWN_CHARS:
        return stretches
    # Keep what is near the words the diff names.
    lo, hi = _diff_bounds(match)
    keep_lo, keep_hi = lo - CONTEXT_CHARS, hi + CONTEXT_CHARS
    text = match.article.text
    out = []
    for a, b, q in stretches:
        a2, b2 = max(a, keep_lo), min(b, keep_hi)
        if a2 >= b2:
            continue
        # Cut at word boundaries, so no word is shown in half.
        while a < a2 < b2 and not text[a2 - 1].isspace():
            a2 += 1
        while a2 < b2 < b and not text[b2].isspace():
            b2 -= 1
        if a2 < b2:
            out.append((a2, b2, q))
    return out or stretches[:1]


def _diff_bounds(match: Match) -> tuple[int, int]:
    text = match.article.text
    found = [
        text.find(d.published, match.quote_start, match.quote_end)
        for d in match.diff
        if d.published
    ]
    found = [f for f in found if f >= 0]
    if not found:
        return match.quote_start, match.quote_start
    return min(found), max(found) + 1


def quote_element(match: Match) -> Element:
    """The published words as a rich_text_quote: verbatim, the speaker's own in bold."""
    text = match.article.text
    elements: list[Element] = []
    spans = shown_spans(match)
    pieces_start = match.pieces[0][0] if match.pieces else match.quote_start
    pieces_end = match.pieces[-1][1] if match.pieces else match.quote_end
    if spans and spans[0][0] > pieces_start:
        elements.append(_text("… "))
    previous_end = None
    for a, b, quoted in spans:
        if previous_end is not None and a != previous_end:
            elements.append(_text(" … "))
        elements.append(_text(text[a:b], bold=True) if quoted else _text(text[a:b]))
        previous_end = b
    if spans and spans[-1][1] < pieces_end:
        elements.append(_text(" …"))
    return {"type": "rich_text_quote", "elements": elements}


def diff_elements(match: Match) -> list[Element]:
    """The differences, both sides verbatim: 'added “and dangerous”', 'changed “a” to “b”'."""
    out: list[Element] = []
    for d in match.diff:
        if d.op == "equal":
            continue
        if out:
            out.append(_text("; "))
        if d.op == "insert":
            out += [_text("added "), _text(d.claim, bold=True)]
        elif d.op == "delete":
            out += [_text("dropped "), _text(d.published, bold=True)]
        else:
            out += [
                _text("claim says "),
                _text(d.claim, bold=True),
                _text(", published "),
                _text(d.published, bold=True),
            ]
    return out


def citation_elements(match: Match) -> list[Element]:
    parts = citation_parts(match.article, match.paragraph, byline=False)
    out = [_text(" · ".join(parts), italic=True)]
    link = rt.link(match.article.url or "", "read the article")
    if link is not None:
        out += [_text(" · "), link]
    return out


def match_block(number: int, match: Match) -> Block:
    date = statement_date(match)
    heading = _section(
        _text(f"{number}. "),
        _text(who(match), bold=True),
        _text(f" · {date}" if date else ""),
    )
    elements = [heading, quote_element(match)]
    differences = diff_elements(match)
    if differences:
        elements.append(_section(*differences))
    elements.append(_section(*citation_elements(match)))
    return _rich(*elements)


def check_blocks(checks: list[Check]) -> list[Block]:
    """Every claim's verdict and its matches; whole matches only, within 50 blocks."""
    if not checks:
        return [_rich(_section(_text(CHECK_USAGE)))]
    blocks: list[Block] = []
    for check in checks:
        more: list[Block] = [{"type": "divider"}] if blocks else []
        claimed = f" (attributed to {check.speaker})" if check.speaker else ""
        more.append(
            _rich(
                _section(
                    _text("Claim: "),
                    _text(f"“{_clip(check.claim, MAX_CLAIM_CHARS)}”"),
                    _text(claimed),
                ),
                _section(_text(headline(check) + ".", bold=True)),
            )
        )
        more += [match_block(n, m) for n, m in enumerate(check.matches[:MATCHES_SHOWN], 1)]
        if len(blocks) + len(more) > MAX_BLOCKS:
            break
        blocks += more
    return blocks


def check_fallback_text(checks: list[Check]) -> str:
    """Notification text: the verdict, and only a speaker's own words in quotation marks."""
    if not checks:
        return _escape(CHECK_USAGE)
    lines = []
    for check in checks:
        line = headline(check)
        best = check.matches[0] if check.matches else None
        if best is not None and check.verdict is not Verdict.NOT_FOUND:
            source = best.article.outlet or "unknown outlet"
            published = best.article.published.isoformat() if best.article.published else ""
            cite = f" — {source}" + (f", {published}" if published else "")
            if best.speaker.name and best.pieces:
                a, b = best.pieces[0]
                words = _clip(best.article.text[a:b], 300)
                line += f": {who(best)}: “{words}”{cite}"
            else:
                line += f": {who(best)}{cite}"
        lines.append(_escape(line))
    return _clip("\n".join(lines), MAX_FALLBACK_CHARS)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
