"""Wire files in a folder -> stories: IPTC NewsML-G2 (NITF or XHTML body) and NITF.

Read as AP, AFP and Reuters deliver them: headline, byline, firstCreated (or NITF's
date.issue), the body's paragraphs (media and captions left out), a correction note
(NITF `correction/@info`, NewsML-G2 `edNote` when a correction signal is set).

* An item's versions (newsItem/@version, NITF du-key/@version, then versionCreated) replace
  earlier ones; an older version arriving later is ignored.
* `stat:withheld` / `withheld`: never indexed (and removed if an earlier version was).
* Embargoed (`embargoed` / NITF `date.release`, or management-status `embargoed`): indexed only
  once its embargo time has passed; without a time, only when a later version is usable.
* `stat:canceled` / `canceled`: removed. This is the only deletion signal: wire folders are
  purged routinely, so a file disappearing never removes a story.

XML is parsed with entities, DTDs and the network off; a file over the size cap, or one that
is not well-formed (a partial upload), is skipped with a warning and read again once it changes.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import lxml.etree

from bot.sources.config import SourceConfig
from bot.sources.html import html_body, text_of
from bot.sources.http import Http
from bot.sources.store import SourceStore, Story

log = logging.getLogger(__name__)

_BYLINE_PREFIX = re.compile(r"^\s*by\s+", re.IGNORECASE)


@dataclass(frozen=True)
class WireItem:
    key: str
    version: tuple[int, str]  # (version number, version time) to order an item's versions
    status: str  # usable, withheld, canceled, embargoed
    embargo: datetime | None
    story: Story


def _parser() -> lxml.etree.XMLParser:
    return lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def _local(element: lxml.etree._Element) -> str:
    return lxml.etree.QName(element).localname if isinstance(element.tag, str) else ""


def _strip_namespaces(root: lxml.etree._Element) -> None:
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = lxml.etree.QName(element).localname


def _first(root: lxml.etree._Element, name: str) -> lxml.etree._Element | None:
    return next((e for e in root.iter(name)), None)


def _text(element: lxml.etree._Element | None) -> str:
    return text_of("".join(element.itertext())) if element is not None else ""


def parse_date(value: str | None) -> datetime | None:
    """ISO 8601 or NITF's compact 20261202T060000Z, as an aware UTC datetime."""
    if not value:
        return None
    value = value.strip()
    compact = re.fullmatch(r"(\d{8})T(\d{4,6})([+-]\d{4}|Z)?", value)
    if compact:
        day, clock, zone = compact.groups()
        clock = clock.ljust(6, "0")
        value = f"{day[:4]}-{day[4:6]}-{day[6:]}T{clock[:2]}:{clock[2:4]}:{clock[4:]}"
        value += "+00:00" if zone in (None, "Z") else f"{zone[:3]}:{zone[3:]}"
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def _body_paragraphs(body: lxml.etree._Element | None) -> tuple[tuple[str, ...], str | None]:
    if body is None:
        return (), None
    for media in list(body.iter("media", "media-caption", "caption", "figure")):
        if media.getparent() is not None:
            media.getparent().remove(media)  # no tail kept: wire media blocks stand alone
    markup = lxml.etree.tostring(body, encoding="unicode")
    found = html_body(markup)
    return found.paragraphs, found.correction


def parse_nitf(nitf: lxml.etree._Element, outlet: str | None) -> WireItem | None:
    """One NITF document (namespaces already stripped)."""
    docdata = _first(nitf, "docdata")
    doc_id = _first(nitf, "doc-id")
    key = doc_id.get("id-string") if doc_id is not None else None
    if not key:
        return None
    du_key = _first(nitf, "du-key")
    number = du_key.get("version") if du_key is not None else None
    issued = _first(nitf, "date.issue")
    issue = issued.get("norm") if issued is not None else None
    release = _first(nitf, "date.release")
    status = (docdata.get("management-status") if docdata is not None else None) or "usable"
    correction_el = _first(nitf, "correction")
    paragraphs, body_correction = _body_paragraphs(_first(nitf, "body.content"))
    story_date = _first(nitf, "story.date")
    published = parse_date(issue) or parse_date(
        story_date.get("norm") if story_date is not None else None
    )
    story = Story(
        key=key,
        paragraphs=paragraphs,
        headline=_text(_first(nitf, "hl1")) or _text(_first(nitf, "title")) or None,
        byline=_BYLINE_PREFIX.sub("", _text(_first(nitf, "byline"))) or None,
        outlet=outlet,
        published=_iso(published),
        url=None,
        correction=(correction_el.get("info") if correction_el is not None else None)
        or body_correction,
    )
    return WireItem(
        key,
        (int(number) if number and number.isdigit() else 1, _iso(parse_date(issue)) or ""),
        status.strip().lower(),
        parse_date(release.get("norm")) if release is not None else None,
        story,
    )


def parse_news_item(item: lxml.etree._Element, outlet: str | None) -> WireItem | None:
    """One NewsML-G2 newsItem (namespaces already stripped)."""
    key = item.get("guid")
    if not key:
        return None
    meta = _first(item, "itemMeta")
    content_meta = _first(item, "contentMeta")
    if meta is None or content_meta is None:
        return None
    pub_status = _first(meta, "pubStatus")
    qcode = pub_status.get("qcode", "stat:usable") if pub_status is not None else "stat:usable"
    status = qcode.split(":", 1)[-1].lower()
    embargo = parse_date(_text(_first(meta, "embargoed")))
    version_created = parse_date(_text(_first(meta, "versionCreated")))
    first_created = parse_date(_text(_first(meta, "firstCreated")))
    signals = {s.get("qcode", "") for s in meta.iter("signal")}
    correction = _text(_first(meta, "edNote")) if "sig:correction" in signals else ""
    inline = _first(item, "inlineXML")
    body = None
    if inline is not None:
        body = _first(inline, "body.content")
        if body is None:
            body = _first(inline, "body")
    paragraphs, body_correction = _body_paragraphs(body)
    if not paragraphs:
        plain = _first(item, "inlineData")
        if plain is not None:
            paragraphs = tuple(
                text_of(p) for p in "".join(plain.itertext()).split("\n\n") if p.strip()
            )
    by = _BYLINE_PREFIX.sub("", _text(_first(content_meta, "by")))
    story = Story(
        key=key,
        paragraphs=paragraphs,
        headline=_text(_first(content_meta, "headline")) or None,
        byline=by or None,
        outlet=outlet,
        published=_iso(first_created or version_created),
        url=None,
        correction=correction or body_correction,
    )
    number = item.get("version", "1")
    return WireItem(
        key,
        (int(number) if number.isdigit() else 1, _iso(version_created) or ""),
        status,
        embargo,
        story,
    )


def parse_file(data: bytes, outlet: str | None) -> list[WireItem]:
    """The items of one wire file; raises lxml.etree.XMLSyntaxError if it is not XML."""
    root = lxml.etree.fromstring(data, _parser())
    _strip_namespaces(root)
    name = _local(root)
    if name == "nitf":
        found = [parse_nitf(root, outlet)]
    elif name == "newsItem":
        found = [parse_news_item(root, outlet)]
    elif name == "newsMessage":
        found = [parse_news_item(i, outlet) for i in root.iter("newsItem")]
    else:
        found = []
    return [item for item in found if item is not None]


def pull(config: SourceConfig, store: SourceStore, http: Http) -> None:
    """Read new or changed files of the wire folder; apply each item's newest version."""
    assert config.path is not None
    folder = config.path
    if not folder.is_dir():
        raise FileNotFoundError(f"wire folder {folder} does not exist")
    seen: dict[str, list[int]] = store.state.setdefault("files", {})
    newest: dict[str, WireItem] = {}
    now = datetime.now(UTC)
    for path in sorted(folder.rglob("*")):
        if (
            not path.is_file()
            or path.name.startswith(".")
            or path.suffix.lower()
            not in (
                ".xml",
                ".nitf",
                ".newsml",
            )
        ):
            continue
        name = str(path.relative_to(folder))
        stat = path.stat()
        stamp = [stat.st_mtime_ns, stat.st_size]
        if seen.get(name) == stamp:
            continue
        if stat.st_size > config.max_item_mb * 1024 * 1024:
            log.warning(
                "source %s: %s is larger than %d MB; skipped", store.name, name, config.max_item_mb
            )
            seen[name] = stamp
            continue
        try:
            items = parse_file(path.read_bytes(), config.outlet)
        except (lxml.etree.XMLSyntaxError, OSError) as exc:
            # Not recorded as seen: a file still being written is read again when it changes.
            log.warning("source %s: %s is not readable XML (%s); skipped", store.name, name, exc)
            store.changes.errors.append(f"{name}: not readable XML")
            continue
        pending = False
        for item in items:
            if (item.embargo and item.embargo > now) or (
                item.status == "embargoed" and not item.embargo
            ):
                pending = True
            current = newest.get(item.key)
            if current is None or item.version > current.version:
                newest[item.key] = item
        if not pending:  # embargoed files are looked at again every pull until released
            seen[name] = stamp
    for item in newest.values():
        _apply(item, store, now)


def _apply(item: WireItem, store: SourceStore, now: datetime) -> None:
    known = store.items.get(item.key) or {}
    stored = known.get("wire_version")
    if stored and tuple(stored) > item.version:
        return  # an older version arriving late
    if item.status == "canceled":
        store.remove(item.key, "canceled by the wire")
        store.items[item.key] = {"wire_version": list(item.version), "file": None}
        return
    if item.status == "withheld":
        store.remove(item.key, "withheld by the wire")
        return
    embargoed = item.embargo is not None and item.embargo > now
    if embargoed or (item.status == "embargoed" and item.embargo is None):
        if known.get("file"):
            store.remove(item.key, "embargoed again by a later version")
        return
    store.put(item.story, {"wire_version": list(item.version)})
