"""HTML article bodies -> the outlet's own paragraphs (and a correction note, if marked).

One paragraph per block element, tags removed, entities decoded, white space collapsed.
What is not the outlet's text is never indexed, so it can never be quoted or attributed:
* embeds (tweets, Instagram, TikTok, YouTube and other iframes, WordPress embed blocks,
  a bare embed URL left on its own line): another party's words, not the outlet's report;
* figures and captions, asides, pull-quotes (marked as such, or a blockquote repeating a
  sentence of the body), related-article boxes and "Read more:" lines, share/newsletter
  boxes, ad slots and "Advertisement" markers, scripts, styles and forms.
A correction note (an element whose class says correction/clarification, or a paragraph
opening "Correction:" or "An earlier version of this story …") is taken out of the body and
returned separately, so answers can show it with the article instead of quoting it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

_DROP_TAGS = frozenset(
    "script style noscript iframe object embed video audio source picture img figure "
    "figcaption aside nav form button input select textarea svg template footer canvas "
    "map".split()
)
_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre dd dt div section article header main ul ol dl "
    "table tr td th thead tbody hr address details summary center".split()
)
# Class (or id) words marking what is not the article's text. Matched against each class token.
_NOT_TEXT_CLASS = re.compile(
    r"^(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-post|"
    r"wp-block-embed.*|embed.*|.*-embed|oembed.*|.*pull-?quote.*|wp-block-pullquote|"
    r"related.*|.*-related|read-?more.*|more-stories|recommended.*|newsletter.*|share.*|"
    r"social.*|sharedaddy|jp-relatedposts|ad|ads|ad-.*|.*-ad|advert.*|.*-advert.*|"
    r"sponsor.*|promo.*|caption|wp-caption.*|.*-caption|gallery.*|wp-block-image|"
    r"screen-reader-text|hidden|sr-only)$",
    re.IGNORECASE,
)
_CORRECTION_CLASS = re.compile(r"correction|clarification", re.IGNORECASE)
_CORRECTION_TEXT = re.compile(
    r"^(?:corrections?|clarifications?|correction and clarification)\s*[:.\-–—]|"
    r"^an earlier version of this (?:article|story|post|report)\b|"
    r"^this (?:article|story|post) has been (?:corrected|updated to correct)\b",
    re.IGNORECASE,
)
_AD_MARKER = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|"
    r"story continues below(?: advertisement)?|article continues (?:below|after advertisement))$",
    re.IGNORECASE,
)
_READ_MORE = re.compile(
    r"^(?:read more|read also|also read|related|see also|more from [^:]{0,40}|recommended|"
    r"read next|watch|listen|more coverage|sign up)\s*(?:[:»>|–—]|-\s)|^read more\W*$",
    re.IGNORECASE,
)
_BARE_URL = re.compile(r"^https?://\S+$")
_SPACE = re.compile(r"\s+")
# A line of three dashes would end the article's body in a corpus file (the footer marker).
_FOOTER_LIKE = re.compile(r"^(?:[-–—]\s*){3,}$")


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[str, ...]
    correction: str | None = None


def clean_text(text: str) -> str:
    """One line: white space runs (newlines, tabs, no-break spaces) become one space."""
    return _SPACE.sub(" ", text.replace("\u00ad", "")).strip()


def text_of(markup: str) -> str:
    """Plain text of a short HTML string (a title, a byline): tags gone, entities decoded."""
    if "<" not in markup and "&" not in markup:
        return clean_text(markup)
    try:
        element = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return clean_text(markup)
    return clean_text(element.text_content())


def html_body(markup: str) -> Body:
    """The paragraphs (and correction note) of an article body given as HTML."""
    if not markup.strip():
        return Body(())
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return Body(())
    corrections = _take_corrections(root)
    _drop_not_text(root)
    found: list[tuple[str, bool]] = []
    _collect(root, found, [], quoted=False)
    return finish(found, corrections)


def text_body(paragraphs: list[str], correction: str | None = None) -> Body:
    """A Body from paragraphs already plain text (wire copy, ANS text elements)."""
    found = [(clean_text(p), False) for p in paragraphs]
    return finish(found, [correction] if correction else [])


def _classes(element: lxml.html.HtmlElement) -> list[str]:
    return (element.get("class") or "").split() + ([element.get("id")] if element.get("id") else [])


def _take_corrections(root: lxml.html.HtmlElement) -> list[str]:
    notes: list[str] = []
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element is root:
            continue
        if any(_CORRECTION_CLASS.search(c) for c in _classes(element)):
            text = clean_text(element.text_content())
            if text:
                notes.append(text)
            if element.getparent() is not None:
                element.drop_tree()
    return notes


def _drop_not_text(root: lxml.html.HtmlElement) -> None:
    doomed = []
    for element in root.iter():
        if element is root:
            continue
        if (
            not isinstance(element.tag, str)
            or element.tag.lower() in _DROP_TAGS
            or any(_NOT_TEXT_CLASS.match(c) for c in _classes(element))
        ):  # comments, processing instructions
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows the element


def _collect(
    element: lxml.html.HtmlElement, out: list[tuple[str, bool]], buffer: list[str], quoted: bool
) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    block = tag in _BLOCKS
    inner_quoted = quoted or tag == "blockquote"
    if block:
        _flush(buffer, out, quoted)
    if tag == "br":
        buffer.append(" ")
    if element.text:
        buffer.append(element.text)
    for child in element:
        _collect(child, out, buffer, inner_quoted)
    if block:
        _flush(buffer, out, inner_quoted)
    if element.tail:
        buffer.append(element.tail)


def _flush(buffer: list[str], out: list[tuple[str, bool]], quoted: bool) -> None:
    text = clean_text("".join(buffer))
    buffer.clear()
    if text:
        out.append((text, quoted))


def finish(found: list[tuple[str, bool]], corrections: list[str]) -> Body:
    """Paragraphs given as (text, from a blockquote?), less what is not article text."""
    """Paragraphs (text, from a blockquote?) filtered of what is not article text."""
    kept: list[tuple[str, bool]] = []
    for text, quoted in found:
        if _CORRECTION_TEXT.match(text):
            corrections.append(text)
        elif any(p.match(text) for p in (_AD_MARKER, _READ_MORE, _BARE_URL, _FOOTER_LIKE)):
            continue
        else:
            kept.append((text, quoted))
    plain = [text for text, quoted in kept if not quoted]
    paragraphs: list[str] = []
    for text, quoted in kept:
        # A blockquote repeating a sentence of the body is a pull-quote: the body has it.
        if quoted and any(text.strip("“”\"' ") in other for other in plain):
            continue
        paragraphs.append(text)
    correction = " ".join(dict.fromkeys(c for c in corrections if c)) or None
    return Body(tuple(paragraphs), correction)
