"""What the bot says about itself: how to ask, and why a question was not searched.

Shared by Slack and the terminal; `code spans` are in backticks, which Slack shows as code
and the terminal drops.
"""

from __future__ import annotations

from bot.search.question import MAX_QUESTION_CHARS

USAGE = (
    "Ask me who said something, and I answer with the exact words from our published "
    "articles, cited.\n"
    "• `/whosaid unrealistic` or `/whosaid who said “robust security guarantees”`\n"
    "• `/whosaid what did Peskov say about the call?`\n"
    "• `@Whosaid when did Zelensky say he was grateful?` in a channel, or just DM me.\n"
    "Every quotation is copied character for character from the article it cites."
)


def too_long_text() -> str:
    """Why a question over MAX_QUESTION_CHARS was not searched, and what to ask instead."""
    return (
        f"That question is too long. Ask in under {MAX_QUESTION_CHARS:,} characters: "
        "a few distinctive words of the quotation, or a name and a topic."
    )
