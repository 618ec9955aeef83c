"""What of a result is shown: verbatim pieces of the article, the quotation among them, and
where text was left out. Pure: no Slack, no terminal; every renderer draws from this.

Every piece is `article.text[start:end]`. Text is left out only at the ends of an excerpt;
each such place is shown as CUT ("…"), which is never part of a piece.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answer import Source
from bot.attribution.model import Quotation
from bot.corpus.articles import Article

CUT = "…"


@dataclass(frozen=True)
class Piece:
    """A run of article text; `quoted` when it is the speaker's own words (the quotation)."""

    start: int
    end: int
    quoted: bool


@dataclass(frozen=True)
class Shown:
    """An excerpt as displayed: its pieces in order and where text was left out."""

    text: str  # the whole article text the pieces index
    pieces: tuple[Piece, ...]
    cut_before: bool  # the paragraph has text before the first piece
    cut_after: bool  # the paragraph has text after the last piece
    quotation_cut: bool  # part of the quotation is not shown (read it whole in the article)

    @property
    def start(self) -> int:
        return self.pieces[0].start if self.pieces else 0

    @property
    def end(self) -> int:
        return self.pieces[-1].end if self.pieces else 0

    def words(self, piece: Piece) -> str:
        return self.text[piece.start : piece.end]

    def plain(self) -> str:
        """The excerpt as one string, with CUT where text was left out."""
        body = self.text[self.start : self.end]
        return (CUT if self.cut_before else "") + body + (CUT if self.cut_after else "")


def word_cut(text: str, start: int, limit: int) -> int:
    """The end of the last whole word within text[start:limit], trailing blanks dropped."""
    if limit >= len(text) or text[limit].isspace():
        end = limit
    else:
        space = max(text.rfind(" ", start, limit), text.rfind("\n", start, limit))
        # One word longer than the limit is cut inside it (still marked with CUT).
        end = space if space > start else limit
    while end > start and text[end - 1].isspace():
        end -= 1
    return end if end > start else limit


def shown_excerpt(source: Source, quotation: Quotation | None, limit: int | None = None) -> Shown:
    """The source's excerpt, cut to `limit` characters at a word if longer, pieces marked."""
    article = source.article
    p_start, p_end = article.paragraphs[source.paragraph - 1]
    start, end = source.start, source.end
    if limit is not None and end - start > limit:
        end = word_cut(article.text, start, start + limit)
    inside = (
        quotation is not None
        and quotation.article_id == article.id
        and quotation.start < end
        and quotation.end > start
    )
    pieces: list[Piece] = []
    if quotation is not None and inside:
        q_start, q_end = max(start, quotation.start), min(end, quotation.end)
        if q_start > start:
            pieces.append(Piece(start, q_start, False))
        pieces.append(Piece(q_start, q_end, True))
        if end > q_end:
            pieces.append(Piece(q_end, end, False))
    else:
        pieces.append(Piece(start, end, False))
    quotation_cut = (
        quotation is not None and inside and (quotation.start < start or quotation.end > end)
    )
    return Shown(article.text, tuple(pieces), start > p_start, end < p_end, quotation_cut)


def correction_note(correction: str) -> str:
    """The outlet's correction note, labelled unless its own words already say what it is."""
    if correction.casefold().startswith("correction"):
        return correction
    return f"Correction: {correction}"


def citation_parts(article: Article, paragraph: int, *, byline: bool = True) -> list[str]:
    """Outlet, “headline”, by-line, date and ¶ of a citation, as every surface shows them."""
    parts = [article.outlet or "Unknown outlet"]
    if article.headline:
        parts.append(f"“{article.headline}”")
    if byline and article.byline:
        parts.append(f"by {article.byline}")
    parts.append(article.published.isoformat() if article.published else "date unknown")
    parts.append(f"¶{paragraph}")
    return parts
