"""Article files -> `Article` objects.

An article's `text` is its body exactly as written in the file (after front matter and the
wire byline, before the footer marker). Every offset elsewhere in Whosaid (paragraphs,
passages, quotations) points into that string, so anything shown can be checked as
`article.text[start:end]`.

Accepted forms:

* `*.txt` / `*.md` with optional front matter between two `---` lines (`id`, `headline`,
  `outlet`, `byline`, `published`, `url`, `correction`; other keys are ignored with a
  warning);
* the wire form: a first line `By NAME, NAME · OUTLET (c) YEAR`;
* `*.jsonl`: one article a line, the same fields plus `body`.

A footer marker line (`– – –`) ends the body. Credits after it ("X reported from Y",
"… contributed to this report") are kept as metadata; anything else there (a scraped reader
comment, say) is dropped: it is not the outlet's text.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from stat import S_ISREG

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md")
JSONL_SUFFIX = ".jsonl"
KNOWN_KEYS = ("id", "headline", "outlet", "byline", "published", "url", "correction")
# A larger file is not an article: it is skipped rather than read into memory.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_JSONL_BYTES = 512 * 1024 * 1024

_WIRE_BYLINE = re.compile(
    r"^By\s+(?P<byline>.+?)\s*[·•|]\s*(?P<outlet>.+?)\s*(?:\((?:c|C)\)|©)\s*(?P<year>\d{4})\s*$"
)
# "– – –", "---", "— — —": three or more dashes, optionally spaced, alone on a line.
_FOOTER = re.compile(r"^[ \t]*(?:[-–—][ \t]*){3,}$")
_CREDIT = re.compile(
    r"reported from|contributed (?:to )?(?:this )?report|contributed reporting|"
    r"additional reporting|reporting by|edited by",
    re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class ArticleError(ValueError):
    """A file (or one line of a JSONL file) that cannot be read as an article."""


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    headline: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: date | None = None
    url: str | None = None
    credits: tuple[str, ...] = ()
    source: str = ""
    # The outlet's correction note, shown with the article; never searched or quoted.
    correction: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def paragraph_text(self, number: int) -> str:
        """Paragraph `number`, counted from 1 as a reader would."""
        start, end = self.paragraphs[number - 1]
        return self.text[start:end]

    def paragraph_at(self, offset: int) -> int:
        """The 1-based number of the paragraph holding `offset` (0 if none does)."""
        for number, (start, end) in enumerate(self.paragraphs, 1):
            if start <= offset < end:
                return number
        return 0


def _unquote(value: str) -> str:
    """A front-matter value without the quotation marks around it, if a pair encloses it
    (a headline that opens with a quotation, "'Stopped thinking': Moreau wins", keeps it)."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _parse_published(value: str) -> date:
    value = value.strip().strip('"').strip("'")
    try:
        if "T" in value or " " in value or len(value) > 10:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ArticleError(f"published {value!r} is not an ISO date") from exc


def split_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Paragraph spans of a body: blank-line separated if it has blank lines, else one a line.

    Spans are trimmed of surrounding white space, so a paragraph never starts or ends blank.
    """
    if _BLANK_LINE.search(text):
        pieces = _spans(text, _BLANK_LINE)
    else:
        pieces = _spans(text, re.compile(r"\n"))
    return tuple(pieces)


def _spans(text: str, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        start = position
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        if match:
            position = match.end()
    return spans


def _split_front_matter(raw: str) -> tuple[dict[str, str], int, list[str]]:
    """Front matter keys, the offset where the body starts, and warnings."""
    if not raw.startswith("---"):
        return {}, 0, []
    first_newline = raw.find("\n")
    if first_newline < 0 or raw[:first_newline].strip() != "---":
        return {}, 0, []
    closing = re.compile(r"^---[ \t]*$", re.MULTILINE).search(raw, first_newline + 1)
    if closing is None:
        raise ArticleError("front matter opened with '---' is never closed")
    meta: dict[str, str] = {}
    warnings: list[str] = []
    for line in raw[first_newline + 1 : closing.start()].splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep:
            raise ArticleError(f"front matter line {line.strip()[:40]!r} is not 'key: value'")
        if key not in KNOWN_KEYS:
            warnings.append(f"unknown front matter key {key!r} ignored")
            continue
        meta[key] = _unquote(value.strip())
    body_start = closing.end()
    if raw.startswith("\n", body_start):
        body_start += 1
    return meta, body_start, warnings


def parse_article(raw: str, *, default_id: str, source: str = "") -> Article:
    """Parse one article's raw text (front matter and/or wire byline, body, footer)."""
    if "\x00" in raw:
        raise ArticleError("binary content (NUL bytes)")
    meta, body_start, warnings = _split_front_matter(raw)
    body_start = _skip_wire_byline(raw, body_start, meta)
    body_end, credits = _find_footer(raw, body_start)
    return build_article(meta, raw[body_start:body_end], default_id, source, credits, warnings)


def _skip_wire_byline(raw: str, start: int, meta: dict[str, str]) -> int:
    """Consume a leading `By A, B · OUTLET (c) YEAR` line, filling missing metadata from it."""
    # Leading blank lines before the byline do not belong to the body either.
    position = start
    while position < len(raw) and raw[position] in "\r\n \t":
        position += 1
    line_end = raw.find("\n", position)
    line_end = len(raw) if line_end < 0 else line_end
    match = _WIRE_BYLINE.match(raw[position:line_end].strip())
    if not match:
        return start
    meta.setdefault("byline", match["byline"].strip())
    meta.setdefault("outlet", match["outlet"].strip())
    return min(line_end + 1, len(raw))


def _find_footer(raw: str, start: int) -> tuple[int, tuple[str, ...]]:
    """Where the body ends, and the credit lines after the footer marker."""
    for match in re.finditer(r"^.*$", raw[start:], re.MULTILINE):
        if _FOOTER.match(match.group()):
            after = raw[start + match.end() :]
            credits = tuple(line.strip() for line in after.splitlines() if _CREDIT.search(line))
            return start + match.start(), credits
    return len(raw), ()


def build_article(
    meta: dict[str, str],
    text: str,
    default_id: str,
    source: str,
    credits: tuple[str, ...] = (),
    warnings: list[str] | None = None,
) -> Article:
    # Trailing white space is not part of the article; trimming the end keeps offsets intact.
    text = text.rstrip()
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise ArticleError("no article text")
    published = _parse_published(meta["published"]) if meta.get("published") else None
    return Article(
        id=(meta.get("id") or default_id).strip(),
        text=text,
        paragraphs=paragraphs,
        headline=meta.get("headline") or None,
        outlet=meta.get("outlet") or None,
        byline=meta.get("byline") or None,
        published=published,
        url=meta.get("url") or None,
        credits=credits,
        source=source,
        correction=meta.get("correction") or None,
        warnings=tuple(warnings or ()),
    )


def read_text_file(path: Path) -> str:
    stat = path.stat()
    if not S_ISREG(stat.st_mode):  # a FIFO or device named *.txt would block a read forever
        raise ArticleError("not a regular file")
    size = stat.st_size
    if size > MAX_FILE_BYTES:
        raise ArticleError(f"{size // (1024 * 1024)} MB is larger than an article can be")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise ArticleError("binary content (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"not valid UTF-8 (byte {exc.start})") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_file(path: Path, root: Path | None = None) -> list[Article]:
    """All articles of one corpus file; raises ArticleError (or OSError) if it has none."""
    name = str(path.relative_to(root)) if root else str(path)
    if path.suffix.lower() == JSONL_SUFFIX:
        return _load_jsonl(path, name)
    raw = read_text_file(path)
    if not raw.strip():
        raise ArticleError("empty file")
    return [parse_article(raw, default_id=path.stem, source=name)]


def _load_jsonl(path: Path, name: str) -> list[Article]:
    stat = path.stat()
    if not S_ISREG(stat.st_mode):
        raise ArticleError("not a regular file")
    if stat.st_size > MAX_JSONL_BYTES:
        raise ArticleError("larger than a JSONL export can be")
    articles: list[Article] = []
    problems: list[str] = []
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8"))
                if not isinstance(record, dict) or not isinstance(record.get("body"), str):
                    raise ArticleError("no 'body' string")
                meta = {k: str(record[k]) for k in KNOWN_KEYS if record.get(k) is not None}
                raw_body = record["body"].replace("\r\n", "\n").replace("\r", "\n")
                body_end, credits = _find_footer(raw_body, 0)
                articles.append(
                    build_article(
                        meta,
                        raw_body[:body_end],
                        f"{path.stem}-{number}",
                        f"{name}:{number}",
                        credits,
                    )
                )
            except (ValueError, UnicodeDecodeError) as exc:
                problems.append(f"line {number}: {exc}")
    if problems:
        # One bad line does not cost the others; the caller logs these with the file's name.
        if not articles:
            raise ArticleError("; ".join(problems[:3]))
        articles[0] = replace(articles[0], warnings=articles[0].warnings + tuple(problems[:3]))
    if not articles:
        raise ArticleError("no articles in JSONL file")
    return articles


def corpus_files(root: Path) -> Iterator[Path]:
    """Corpus files under `root`, sorted, following directory symlinks without looping."""
    seen: set[tuple[int, int]] = set()
    for directory, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            stat = os.stat(directory)
        except OSError:
            dirnames[:] = []
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:  # a symlink loop: this directory was already walked
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.startswith("."):
                continue
            if filename.lower().endswith((*ARTICLE_SUFFIXES, JSONL_SUFFIX)):
                yield Path(directory) / filename


@dataclass(frozen=True)
class LoadReport:
    articles: tuple[Article, ...]
    skipped: tuple[tuple[str, str], ...]  # (file, reason)


def read_or_skip(path: Path, root: Path) -> tuple[tuple[Article, ...], str | None]:
    """A file's articles, or none and the reason, logged once as a warning naming the file."""
    name = str(path.relative_to(root))
    try:
        articles = tuple(load_file(path, root))
    except (ArticleError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        log.warning("skipped corpus file %s: %s", name, reason)
        return (), reason
    for article in articles:
        for note in article.warnings:
            log.warning("corpus file %s: %s", name, note)
    return articles, None


def first_of_each_id(keys: Sequence[Sequence[str]]) -> tuple[list[int], list[tuple[str, str]]]:
    """Of articles given as (id, source): the positions of those whose id was not seen
    before, and the (source, reason) of those left out."""
    kept: list[int] = []
    skipped: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for position, (key, source) in enumerate(keys):
        if key in seen:
            skipped.append((source, f"duplicate article id {key!r} (first in {seen[key]})"))
            continue
        seen[key] = source
        kept.append(position)
    return kept, skipped


def load_corpus(root: Path) -> LoadReport:
    """Every article under `root`. Bad files are skipped with one warning naming them and why."""
    if not root.is_dir():
        log.warning("corpus folder %s does not exist; answering from no articles", root)
        return LoadReport((), ())
    loaded: list[Article] = []
    skipped: list[tuple[str, str]] = []
    for path in corpus_files(root):
        articles, reason = read_or_skip(path, root)
        loaded.extend(articles)
        if reason:
            skipped.append((str(path.relative_to(root)), reason))
    kept, duplicates = first_of_each_id([(a.id, a.source) for a in loaded])
    for source, reason in duplicates:
        log.warning("skipped article in %s: %s", source, reason)
    return LoadReport(tuple(loaded[i] for i in kept), tuple(skipped + duplicates))
