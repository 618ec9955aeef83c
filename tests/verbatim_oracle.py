"""What every surface must show, checked against the article text itself.

The renderers are not consulted: a surface's output is decoded (Slack's escaping undone) and
compared character by character with `article.text` at the offsets the answer gives, loaded
independently from the corpus files. A renderer that adds, drops or changes one character, or
bolds one character too many, fails here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.answer import Answer, Result
from bot.attribution import extract_quotations
from bot.attribution.model import Quotation
from bot.corpus.articles import Article, load_corpus
from bot.service import Whosaid
from tests.slack_emulator.records import Paragraph, unescape

CUT = "…"
MARKUP_CORPUS = Path(__file__).resolve().parent / "fixtures" / "markup_corpus"


@dataclass(frozen=True)
class Corpus:
    """A corpus as the tests know it: its articles by id and the quotations in each."""

    articles: dict[str, Article]
    quotations: dict[str, list[Quotation]]

    @classmethod
    def load(cls, folder: Path) -> Corpus:
        articles = {a.id: a for a in load_corpus(folder).articles}
        return cls(articles, {i: extract_quotations(a) for i, a in articles.items()})

    def is_quotation_of(self, article_id: str, start: int, end: int, speaker: str) -> bool:
        """True when the article has a quotation at exactly [start, end) by `speaker`."""
        return any(
            q.start == start and q.end == end and q.speaker.name == speaker
            for q in self.quotations[article_id]
        )


def questions_for(corpus: Corpus, per_article: int = 50) -> list[str]:
    """Questions a reporter might ask of the corpus: each quotation's opening words, each
    paragraph's opening words, and each speaker by surname."""
    questions: list[str] = []
    for article in corpus.articles.values():
        for start, end in article.paragraphs[:per_article]:
            questions.append(" ".join(article.text[start:end].split()[:6]))
        for q in corpus.quotations[article.id][:per_article]:
            questions.append("who said " + " ".join(q.text.split()[:5]))
            if q.speaker.name:
                surname = q.speaker.name.split()[-1]
                questions.append(f"what did {surname} say about {q.text.split()[-1]}")
    return list(dict.fromkeys(q for q in questions if q.strip()))


def answers(whosaid: Whosaid, questions: list[str]) -> list[tuple[str, Answer]]:
    return [(q, whosaid.ask(q)) for q in questions]


def check_excerpt(corpus: Corpus, result: Result, shown: Paragraph) -> None:
    """The displayed excerpt (a rich_text_quote) is the article's text at the result's offsets:
    cut marks only where text was left out, the quotation (and only it) bold."""
    source = result.source
    article = corpus.articles[source.article.id]
    text = article.text
    p_start, p_end = article.paragraphs[source.paragraph - 1]
    runs = list(shown.runs)
    assert shown.kind == "rich_text_quote"
    if source.start > p_start:
        assert runs and runs[0].text == CUT and not runs[0].bold, "missing leading cut mark"
        runs = runs[1:]
    had_mark = False
    # The last run is the trailing mark if it is CUT and text was left out where it stands.
    if (
        runs
        and runs[-1].text == CUT
        and not runs[-1].bold
        and source.start + sum(len(r.text) for r in runs[:-1]) < p_end
    ):
        runs, had_mark = runs[:-1], True
    position = source.start
    q = result.quotation
    for run in runs:
        assert run.text, "empty run"
        assert text[position : position + len(run.text)] == run.text, (
            f"{article.id}: shown {run.text[:60]!r} at {position}, the article has "
            f"{text[position : position + len(run.text)][:60]!r}"
        )
        inside = q is not None and q.start <= position and position + len(run.text) <= q.end
        outside = q is None or position + len(run.text) <= q.start or position >= q.end
        assert (run.bold and inside) or (not run.bold and outside), (
            f"{article.id}: bold must be exactly the quotation: {run.text[:60]!r}"
        )
        position += len(run.text)
    assert source.start < position <= source.end
    assert had_mark == (position < p_end), f"{article.id}: cut mark at the end is wrong"
    if position < source.end:
        assert position - source.start >= 300, "cut far too early"


def check_heading(result: Result, heading: Paragraph) -> None:
    """The heading names the quotation's speaker in bold, or says there is none."""
    q = result.quotation
    bold = [r.text for r in heading.runs if r.bold]
    if q is not None and q.speaker.name:
        assert bold == [q.speaker.name]
        role = f", {q.speaker.role}" if q.speaker.role else ""
        assert heading.text.split(". ", 1)[1].startswith(q.speaker.name + role)
    else:
        assert bold == []


def check_citation(result: Result, citation: Paragraph) -> None:
    article = result.article
    shown = citation.text
    assert shown.startswith(article.outlet or "Unknown outlet")
    if article.headline:
        assert f"“{article.headline}”" in shown
    assert f"¶{result.source.paragraph}" in shown
    links = [r.link for r in citation.runs if r.link]
    if article.url:
        assert links == [article.url]


def check_result_paragraphs(corpus: Corpus, result: Result, paragraphs: list[Paragraph]) -> None:
    heading, excerpt, citation = paragraphs[:3]
    check_heading(result, heading)
    check_excerpt(corpus, result, excerpt)
    check_citation(result, citation)
    q = result.quotation
    if q is not None and q.speaker.name:
        assert corpus.is_quotation_of(result.article.id, q.start, q.end, q.speaker.name)


def result_paragraphs(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """The decoded rich text of a reply, one list of paragraphs per numbered result."""
    groups: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        if paragraph.kind == "rich_text_section" and paragraph.text.startswith(
            f"{len(groups) + 1}. "
        ):
            groups.append([paragraph])
        elif groups:
            groups[-1].append(paragraph)
    return groups


def check_reply(corpus: Corpus, answer: Answer, paragraphs: list[Paragraph]) -> int:
    """Every result shown in a reply is verbatim; returns how many were shown."""
    groups = result_paragraphs(paragraphs)
    assert len(groups) <= len(answer.results)
    assert groups or not answer.results, "results were left out entirely"
    for result, group in zip(answer.results, groups, strict=False):
        check_result_paragraphs(corpus, result, group)
    return len(groups)


def check_fallback(corpus: Corpus, answer: Answer, fallback: str) -> None:
    """Only a named speaker's quotation stands in quotation marks, after that speaker's name;
    everything else is the article's text verbatim, without a speaker."""
    lines = unescape(fallback).split("\n\n")
    if answer.notice:
        assert lines[0] == answer.notice
        lines = lines[1:]
    assert len(lines) <= len(answer.results)
    for result, line in zip(answer.results, lines, strict=False):
        article = corpus.articles[result.article.id]
        cite = f" — {article.outlet or 'unknown outlet'}"
        if article.published:
            cite += f", {article.published.isoformat()}"
        assert line.endswith(cite), line
        body = line[: -len(cite)]
        q = result.quotation
        if q is not None and q.speaker.name:
            who = q.speaker.name + (f", {q.speaker.role}" if q.speaker.role else "")
            assert body.startswith(f"{who}: “") and body.endswith("”"), body
            quoted = body[len(who) + 3 : -1]
            assert corpus.is_quotation_of(article.id, q.start, q.end, q.speaker.name)
            words = article.text[q.start : q.end]
            if quoted != words:
                assert quoted.endswith(CUT) and words.startswith(quoted[: -len(CUT)]), quoted
                assert len(quoted) >= 200
        else:
            check_plain_excerpt(corpus, result, body, whole=False)


def check_plain_excerpt(corpus: Corpus, result: Result, shown: str, *, whole: bool) -> None:
    """`shown` is the excerpt as plain text: CUT marks where text was left out, else verbatim."""
    source = result.source
    article = corpus.articles[source.article.id]
    p_start, p_end = article.paragraphs[source.paragraph - 1]
    if source.start > p_start:
        assert shown.startswith(CUT), shown[:40]
        shown = shown[len(CUT) :]
    excerpt = article.text[source.start : source.end]
    if shown == excerpt + (CUT if source.end < p_end else ""):
        return
    assert not whole, f"{article.id}: the excerpt must be shown whole: {shown[:80]!r}"
    assert shown.endswith(CUT) and excerpt.startswith(shown[: -len(CUT)]), shown[-80:]
