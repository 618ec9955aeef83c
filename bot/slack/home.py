"""The App Home tab: how much the bot can search, the newest articles, and how to ask."""

from __future__ import annotations

from typing import Any

import numpy as np

from bot.corpus.articles import Article
from bot.search.index import UNDATED, CorpusIndex
from bot.slack import rich_text as rt
from bot.slack.blocks import USAGE, Block

NEWEST = 5

ASSISTANT_HOW = (
    "In the Whosaid assistant (the split view from the top bar, on paid Slack plans), "
    "pick a suggested prompt or type a question; answers come in the same thread."
)


def newest_articles(index: CorpusIndex, count: int = NEWEST) -> list[Article]:
    """The `count` most recently published articles, newest first; undated ones last."""
    total = len(index.articles)
    if total == 0:
        return []
    days = np.asarray(index.tables.published[:total])
    days = np.where(days >= UNDATED, -1, days)
    # argpartition keeps this linear: a million articles take milliseconds, not a sort.
    top = np.arange(total) if total <= count else np.argpartition(-days, count - 1)[:count]
    ordered = sorted(top.tolist(), key=lambda i: (-int(days[i]), i))
    return [index.articles[i] for i in ordered]


def _article_item(article: Article) -> rt.Element:
    published = article.published.isoformat() if article.published else "date unknown"
    headline = article.headline or article.id
    link = rt.link(article.url or "", headline)
    title = [link] if link is not None else rt.text(headline, bold=True)
    return rt.section(title, rt.text(f" · {article.outlet or 'Unknown outlet'} · {published}"))


def home_view(corpus_articles: int, quotations: int, newest: list[Article]) -> dict[str, Any]:
    """The Home tab view for views.publish."""
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Whosaid"}},
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": f"Searching *{corpus_articles:,}* published article"
                f"{'s' * (corpus_articles != 1)} · *{quotations:,}* attributed quotations.",
            },
        },
        {"type": "header", "text": {"type": "plain_text", "text": "How to ask"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": USAGE}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": ASSISTANT_HOW}]},
    ]
    if newest:
        blocks.append({"type": "header", "text": {"type": "plain_text", "text": "Newest articles"}})
        blocks.append(
            rt.block(
                {
                    "type": "rich_text_list",
                    "style": "bullet",
                    "elements": [_article_item(a) for a in newest],
                }
            )
        )
    return {"type": "home", "blocks": blocks}
