"""JSON shapes of answers and quotations, for `--json` output and other programs."""

from __future__ import annotations

from typing import Any

from bot.answer import Answer, Result
from bot.attribution.model import Quotation, SpeakerKind
from bot.corpus.articles import Article


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "headline": article.headline,
        "outlet": article.outlet,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "correction": article.correction,
    }


def speaker_json(quotation: Quotation) -> dict[str, Any]:
    speaker = quotation.speaker
    return {"name": speaker.name, "role": speaker.role, "kind": speaker.kind.value}


def result_json(result: Result) -> dict[str, Any]:
    """One result: the excerpt and its offsets, and the quotation it holds with its own."""
    q = result.quotation
    return {
        "excerpt": result.excerpt,
        "quote": q.text if q else None,
        # Whoever the article gives, even unresolved (name null): kind says which.
        "speaker": speaker_json(q) if q else None,
        "cue": q.cue if q else None,
        "medium": q.medium if q else None,
        "when": {"phrase": q.when.phrase, "date": q.when.date} if q and q.when else None,
        "article": article_json(result.article),
        "paragraph": result.source.paragraph,
        "start": result.source.start,
        "end": result.source.end,
        "quote_start": q.start if q else None,
        "quote_end": q.end if q else None,
        "also_in": [
            {**article_json(s.article), "paragraph": s.paragraph, "start": s.start, "end": s.end}
            for s in result.also_in
        ],
    }


def answer_json(answer: Answer) -> dict[str, Any]:
    return {
        "query": answer.question.text,
        "notice": answer.notice,
        "results": [result_json(r) for r in answer.results],
    }


def quotation_json(quotation: Quotation) -> dict[str, Any]:
    when = quotation.when
    speaker = quotation.speaker
    # An unnamed source's description is its name and, in this shape, its role too.
    unnamed = speaker.kind is SpeakerKind.UNNAMED
    return {
        "article": quotation.article_id,
        "quote": quotation.text,
        "start": quotation.start,
        "end": quotation.end,
        "speaker": quotation.speaker.name,
        "role": speaker.name if unnamed and not speaker.role else speaker.role,
        "speaker_kind": quotation.speaker.kind.value,
        "cue": quotation.cue,
        "medium": quotation.medium,
        "when": when.phrase if when else None,
        "when_date": when.date if when else None,
        "paragraph": quotation.paragraph,
    }
