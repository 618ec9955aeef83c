"""Block Kit builders: pure functions from answers to Slack message payloads.

Article words go out as `rich_text` (bot/slack/rich_text.py), never as mrkdwn, so no article
character is reinterpreted; everything that came from an article or a user is escaped, so
nothing posted can form Slack markup (`<!channel>`, `<@U…>`, links). Limits respected here:
50 blocks a message, 3,000 characters a section text, 2,000 characters a button value, and
about 13,000 characters of block text a message (Slack's msg_blocks_too_long).
"""

from __future__ import annotations

from typing import Any

from bot.answer import Answer, Result, Source
from bot.attribution.model import Quotation
from bot.excerpts import CUT, citation_parts, correction_note, shown_excerpt, word_cut
from bot.help import USAGE, too_long_text
from bot.search.question import Intent
from bot.slack import rich_text as rt
from bot.slack.rich_text import escape

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK_CHARS = 3000
MAX_ECHO_CHARS = 200
MAX_FALLBACK_QUOTE = 300  # characters of one quotation in the plain-text fallback
# Block text a message may carry: under Slack's ~13,000 (msg_blocks_too_long), with room for
# headings and citations. One result shows at most MAX_RESULT_EXCERPT characters of excerpt.
MAX_MESSAGE_BLOCK_CHARS = 11000
MAX_RESULT_EXCERPT = 3000
MIN_RESULT_EXCERPT = 400
SHARE_ACTION_ID = "whosaid_share"

# After "nothing matches": what to try instead (the corpus is in English; names work best).
NO_RESULTS_HINT = (
    "Try a few distinctive words of the quotation as published, or "
    "`what did NAME say about TOPIC`. `/whosaid help` shows more."
)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + CUT


def clip_words(text: str, limit: int) -> str:
    """`text`, or its first whole words within `limit` characters followed by CUT."""
    if len(text) <= limit:
        return text
    return text[: word_cut(text, 0, limit - len(CUT))] + CUT


def _echo(text: str) -> str:
    return escape(_clip(text, MAX_ECHO_CHARS))


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _clip(text, MAX_SECTION_CHARS)}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": _clip(text, 3000)}]}


def _plain_context(text: str) -> Block:
    # plain_text: the asker's or an article's words are not formatted either.
    return {"type": "context", "elements": [{"type": "plain_text", "text": _clip(text, 2000)}]}


def _plain_section(text: str) -> Block:
    return {"type": "section", "text": {"type": "plain_text", "text": _clip(text, 3000)}}


def heading_elements(number: int, quotation: Quotation | None) -> list[rt.Element]:
    """'1. *Pete Hegseth*, Defense Secretary · told NATO allies · 2025-02-12 (on Wednesday)'."""
    elements = rt.text(f"{number}. ")
    if quotation is None:
        return elements + rt.text("Passage", italic=True)
    speaker = quotation.speaker
    if speaker.name:
        elements += rt.text(speaker.name, bold=True)
    else:
        elements += rt.text("speaker not identified", italic=True)
    parts = [f", {speaker.role}"] if speaker.role else []
    how = " ".join(p for p in (quotation.cue, quotation.medium) if p)
    if how:
        parts.append(f" · {how}")
    if quotation.when:
        note = quotation.when.phrase or "date published"
        parts.append(f" · {quotation.when.date} ({note})")
    return elements + rt.text("".join(parts))


def citation_elements(source: Source, quotation_cut: bool = False) -> list[rt.Element]:
    """'The Gazette · “Headline” · by A. Writer · 2025-02-12 · ¶3 · read the article'."""
    article = source.article
    parts = citation_parts(article, source.paragraph)
    label = "read the whole quotation in the article" if quotation_cut else "read the article"
    link = rt.link(article.url or "", label)
    if link is not None:
        return rt.text(" · ".join(parts) + " · ") + [link]
    if quotation_cut:
        parts.append("the quotation continues in the article")
    return rt.text(" · ".join(parts))


def result_blocks(number: int, result: Result, excerpt_chars: int | None = None) -> list[Block]:
    """One rich_text block: heading, the excerpt as a quote, the citation, other reports."""
    shown = shown_excerpt(result.source, result.quotation, excerpt_chars)
    sections = [
        rt.section(heading_elements(number, result.quotation)),
        rt.quote(shown),
        rt.section(citation_elements(result.source, shown.quotation_cut)),
    ]
    if result.source.article.correction:
        note = correction_note(result.source.article.correction)
        sections.append(rt.section(rt.text(note, italic=True)))
    if result.also_in:
        others: list[rt.Element] = rt.text("Also reported in: ", italic=True)
        for i, other in enumerate(result.also_in[:5]):
            others += rt.text("; " if i else "") + citation_elements(other)
        if len(result.also_in) > 5:
            others += rt.text(f" and {len(result.also_in) - 5} more")
        sections.append(rt.section(others))
    return [rt.block(*sections)]


def _excerpt_room(results: int) -> int:
    share = (MAX_MESSAGE_BLOCK_CHARS - 2000) // max(1, results)
    return max(MIN_RESULT_EXCERPT, min(MAX_RESULT_EXCERPT, share))


def answer_blocks(answer: Answer, *, shareable: bool = False) -> list[Block]:
    """The whole reply: question echoed, notice, results, and an optional share button."""
    question = answer.question
    if question.intent is Intent.HELP:
        return help_blocks(answer.corpus_articles)
    if question.intent is Intent.EMPTY:
        return help_blocks(answer.corpus_articles, lead="Ask me a question or some words to find.")
    if question.intent is Intent.TOO_LONG:
        return [_section(too_long_text())]
    blocks: list[Block] = [_plain_context(f"Results for: {_echo(question.text)}")]
    if answer.notice:
        blocks.append(_plain_section(escape(answer.notice)))
    room = MAX_BLOCKS - len(blocks) - (1 if shareable else 0)
    chars = MAX_MESSAGE_BLOCK_CHARS - rt.plain_length(blocks)
    excerpt_chars = _excerpt_room(len(answer.results))
    for number, result in enumerate(answer.results, 1):
        more = [{"type": "divider"}, *result_blocks(number, result, excerpt_chars)]
        size = rt.plain_length(more)
        if len(more) > room or size > chars:
            break  # whole results only: never half a citation
        blocks.extend(more)
        room -= len(more)
        chars -= size
    if not answer.results:
        blocks.append(_context(NO_RESULTS_HINT))
    if shareable and answer.results:
        blocks.append(share_actions(question.text))
    return blocks


def share_actions(question_text: str) -> Block:
    return {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": SHARE_ACTION_ID,
                "text": {"type": "plain_text", "text": "Post to channel"},
                "value": question_text[:MAX_BUTTON_VALUE],
            }
        ],
    }


def fallback_line(result: Result) -> str:
    """One result in plain text, unescaped.

    Only a quotation's own words stand in quotation marks, after the name of the speaker the
    article gives: 'Pete Hegseth, Defense Secretary: “unrealistic,” — The Washington Post,
    2025-02-12'. A passage, or a quotation whose speaker is not named, is shown without marks
    and without a speaker.
    """
    article = result.article
    cite = f" — {article.outlet or 'unknown outlet'}"
    if article.published:
        cite += f", {article.published.isoformat()}"
    q = result.quotation
    if q is not None and q.speaker.name:
        who = q.speaker.name + (f", {q.speaker.role}" if q.speaker.role else "")
        return f"{who}: “{clip_words(q.text, MAX_FALLBACK_QUOTE)}”{cite}"
    shown = shown_excerpt(result.source, q, MAX_FALLBACK_QUOTE)
    return shown.plain() + cite


def fallback_text(answer: Answer) -> str:
    """Plain text for notifications, previews, screen readers and clients without blocks."""
    question = answer.question
    if question.intent in (Intent.HELP, Intent.EMPTY):
        return escape(USAGE.split("\n")[0])
    if question.intent is Intent.TOO_LONG:
        return too_long_text()
    lines = [answer.notice] if answer.notice else []
    lines.extend(fallback_line(result) for result in answer.results)
    if not lines:
        lines.append("Nothing in the corpus matches that.")
    # Whole results only: one cut here could end inside a quotation without its mark. A blank
    # line between results: an excerpt may hold line breaks of its own, never a blank line.
    kept: list[str] = []
    size = 0
    for line in lines:
        size += len(escape(line)) + 2
        if size > MAX_FALLBACK_CHARS and kept:
            break
        kept.append(line)
    return _clip(escape("\n\n".join(kept)), MAX_FALLBACK_CHARS)


def help_blocks(corpus_articles: int, lead: str | None = None) -> list[Block]:
    blocks = [_section(lead)] if lead else []
    blocks.append(_section(USAGE))
    blocks.append(_context(f"Searching {corpus_articles:,} article{'s' * (corpus_articles != 1)}."))
    return blocks


def apology_text() -> str:
    return "Sorry, something went wrong while answering that. Please try again in a moment."
