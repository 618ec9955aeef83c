"""Building small articles for the attribution tests."""

from __future__ import annotations

from bot.attribution import Quotation, extract_quotations
from bot.corpus.articles import Article, parse_article


def article(body: str, published: str = "2025-02-12", article_id: str = "t") -> Article:
    front = f"---\nid: {article_id}\npublished: {published}\n---\n" if published else ""
    return parse_article(front + body, default_id=article_id)


def quotes(body: str, published: str = "2025-02-12") -> list[Quotation]:
    found = extract_quotations(article(body, published))
    a = article(body, published)
    for q in found:
        assert a.text[q.start : q.end] == q.text  # verbatim, always
    return found


def by_text(found: list[Quotation], prefix: str) -> Quotation:
    matches = [q for q in found if q.text.startswith(prefix)]
    assert matches, f"no quotation starting {prefix!r} in {[q.text for q in found]}"
    return matches[0]
