"""Block Kit builders: pure functions from answers to Slack message payloads.

Everything that came from an article or a user goes through `escape`, so nothing posted can
form Slack markup (`<!channel>`, `<@U…>`, links). Limits respected here: 50 blocks a message,
3,000 characters a section text, 2,000 characters a button value.
"""

from __future__ import annotations

from typing import Any

from bot.answer import Answer, Result, Source
from bot.attribution.model import Quotation
from bot.search.question import MAX_QUESTION_CHARS, Intent

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK_CHARS = 3000
MAX_ECHO_CHARS = 200
SHARE_ACTION_ID = "whosaid_share"

USAGE = (
    "Ask me who said something, and I answer with the exact words from our published "
    "articles, cited.\n"
    "• `/whosaid unrealistic` or `/whosaid who said “robust security guarantees”`\n"
    "• `/whosaid what did Peskov say about the call?`\n"
    "• `@Whosaid when did Zelensky say he was grateful?` in a channel, or just DM me.\n"
    "Every quotation is copied character for character from the article it cites."
)

# After "nothing matches": what to try instead (the corpus is in English; names work best).
NO_RESULTS_HINT = (
    "Try a few distinctive words of the quotation as published, or "
    "`what did NAME say about TOPIC`. `/whosaid help` shows more."
)


def escape(text: str) -> str:
    """Escape Slack's three control characters; see Slack's 'Escaping text' guide."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _echo(text: str) -> str:
    return escape(_clip(text, MAX_ECHO_CHARS))


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _clip(text, MAX_SECTION_CHARS)}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": _clip(text, 3000)}]}


def attribution_line(quotation: Quotation | None) -> str:
    """'*Pete Hegseth*, Defense Secretary · told NATO allies · 2025-02-12 (on Wednesday)'."""
    if quotation is None:
        return ""
    speaker = quotation.speaker
    who = f"*{escape(speaker.name)}*" if speaker.name else "_speaker not identified_"
    parts = [who + (f", {escape(speaker.role)}" if speaker.role else "")]
    how = " ".join(p for p in (quotation.cue, quotation.medium) if p)
    if how:
        parts.append(escape(how))
    if quotation.when:
        when = quotation.when
        if when.phrase:
            parts.append(f"{when.date} ({escape(when.phrase)})")
        else:
            parts.append(f"{when.date} (date published)")
    return " · ".join(parts)


def citation_line(source: Source) -> str:
    article = source.article
    parts = [escape(article.outlet or "Unknown outlet")]
    if article.headline:
        parts.append(f"“{escape(article.headline)}”")
    if article.byline:
        parts.append(f"by {escape(article.byline)}")
    parts.append(article.published.isoformat() if article.published else "date unknown")
    parts.append(f"¶{source.paragraph}")
    if article.url and article.url.startswith(("http://", "https://")):
        # Only the URL is escaped inside <…|…>; a '|' in it would end the link target early.
        url = escape(article.url).replace("|", "%7C")
        parts.append(f"<{url}|read the article>")
    return " · ".join(parts)


def quote_block_text(excerpt: str) -> str:
    """The excerpt as a Slack block quote, verbatim apart from escaping."""
    return "\n".join("> " + line if line.strip() else ">" for line in escape(excerpt).split("\n"))


def result_blocks(number: int, result: Result) -> list[Block]:
    heading = attribution_line(result.quotation) or "_Passage_"
    body = f"{number}. {heading}\n{quote_block_text(result.excerpt)}"
    blocks = [_section(body), _context(citation_line(result.source))]
    if result.also_in:
        others = "; ".join(citation_line(s) for s in result.also_in[:5])
        more = f" and {len(result.also_in) - 5} more" if len(result.also_in) > 5 else ""
        blocks.append(_context(f"Also reported in: {others}{more}"))
    return blocks


def answer_blocks(answer: Answer, *, shareable: bool = False) -> list[Block]:
    """The whole reply: question echoed, notice, results, and an optional share button."""
    question = answer.question
    if question.intent is Intent.HELP:
        return help_blocks(answer.corpus_articles)
    if question.intent is Intent.EMPTY:
        return help_blocks(answer.corpus_articles, lead="Ask me a question or some words to find.")
    if question.intent is Intent.TOO_LONG:
        return [_section(too_long_text())]
    blocks: list[Block] = [_context(f"Results for: {_echo(question.text)}")]
    if answer.notice:
        blocks.append(_section(escape(answer.notice)))
    room = MAX_BLOCKS - len(blocks) - (1 if shareable else 0)
    for number, result in enumerate(answer.results, 1):
        more = [{"type": "divider"}, *result_blocks(number, result)]
        if len(more) > room:
            break  # whole results only: never half a citation
        blocks.extend(more)
        room -= len(more)
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


def too_long_text() -> str:
    return (
        f"That question is too long. Ask in under {MAX_QUESTION_CHARS:,} characters: "
        "a few distinctive words of the quotation, or a name and a topic."
    )


def fallback_text(answer: Answer) -> str:
    """Plain text for notifications and clients that cannot show blocks."""
    question = answer.question
    if question.intent in (Intent.HELP, Intent.EMPTY):
        return escape(USAGE.split("\n")[0])
    if question.intent is Intent.TOO_LONG:
        return too_long_text()
    lines = [escape(answer.notice)] if answer.notice else []
    for result in answer.results:
        q = result.quotation
        who = f"{q.speaker.name}: " if q and q.speaker.name else ""
        source = result.article.outlet or "unknown outlet"
        published = result.article.published.isoformat() if result.article.published else ""
        lines.append(escape(f"{who}“{_clip(result.excerpt, 300)}” ({source} {published})"))
    if not lines:
        lines.append("Nothing in the corpus matches that.")
    return _clip("\n".join(lines), MAX_FALLBACK_CHARS)


def help_blocks(corpus_articles: int, lead: str | None = None) -> list[Block]:
    blocks = [_section(lead)] if lead else []
    blocks.append(_section(USAGE))
    blocks.append(_context(f"Searching {corpus_articles:,} article{'s' * (corpus_articles != 1)}."))
    return blocks


def home_view(corpus_articles: int, quotations: int) -> dict[str, Any]:
    return {
        "type": "home",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Whosaid"}},
            _section(USAGE),
            _context(f"{corpus_articles:,} articles · {quotations:,} attributed quotations"),
        ],
    }


def apology_text() -> str:
    return "Sorry, something went wrong while answering that. Please try again in a moment."
