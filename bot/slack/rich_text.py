"""Block Kit `rich_text` builders: article words as styled text elements, never as markup.

A `text` element is not mrkdwn: `*bold*`, `_x_`, `~`, backticks and `>` show as typed, so an
article's characters reach the reader unchanged. Only Slack's three control characters are
escaped (`&`, `<`, `>`, which Slack decodes for display), so nothing can form a mention or a
link; mentions and links exist only as their own element types, which we never make from
article text (links only from a checked http(s) URL).

Limits: Slack documents none for a rich text element's length; messages whose blocks carry
more than about 13,000 characters are refused (`msg_blocks_too_long`). We keep each text
element within MAX_ELEMENT_CHARS (after escaping) and leave the total to the callers.
"""

from __future__ import annotations

from typing import Any

from bot.excerpts import CUT, Shown

Element = dict[str, Any]

MAX_ELEMENT_CHARS = 1000


def escape(text: str) -> str:
    """Escape Slack's three control characters; see Slack's 'Escaping text' guide."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _chunks(text: str, limit: int) -> list[str]:
    """`text` split so that each piece, escaped, is at most `limit` characters."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for char in text:
        width = len(escape(char))
        if size + width > limit:
            chunks.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    if current:
        chunks.append("".join(current))
    return chunks


def text(words: str, *, bold: bool = False, italic: bool = False) -> list[Element]:
    """`words` as text elements (several when long: they join seamlessly), escaped, styled."""
    style = {k: True for k, on in (("bold", bold), ("italic", italic)) if on}
    elements: list[Element] = []
    for chunk in _chunks(words, MAX_ELEMENT_CHARS):
        element: Element = {"type": "text", "text": escape(chunk)}
        if style:
            element["style"] = dict(style)
        elements.append(element)
    return elements


def link(url: str, label: str) -> Element | None:
    """A link element, only for an http(s) URL; None otherwise."""
    if not url.startswith(("http://", "https://")):
        return None
    return {"type": "link", "url": url, "text": escape(label)}


def section(*parts: list[Element] | Element | None) -> Element:
    """A rich_text_section (a paragraph) of the given elements, in order."""
    elements: list[Element] = []
    for part in parts:
        if isinstance(part, list):
            elements.extend(part)
        elif part is not None:
            elements.append(part)
    return {"type": "rich_text_section", "elements": elements}


def quote(shown: Shown) -> Element:
    """The excerpt as a rich_text_quote: verbatim pieces, the quotation bold, cuts as CUT."""
    elements: list[Element] = text(CUT) if shown.cut_before else []
    for piece in shown.pieces:
        elements.extend(text(shown.words(piece), bold=piece.quoted))
    if shown.cut_after:
        elements.extend(text(CUT))
    return {"type": "rich_text_quote", "elements": elements}


def block(*elements: Element) -> Element:
    """A rich_text block holding sections and quotes."""
    return {"type": "rich_text", "elements": list(elements)}


def plain_length(element: Any) -> int:
    """How many characters of text a block or element carries (for message size budgets)."""
    if isinstance(element, dict):
        own = len(element["text"]) if isinstance(element.get("text"), str) else 0
        return own + sum(plain_length(v) for k, v in element.items() if k != "text")
    if isinstance(element, list):
        return sum(plain_length(e) for e in element)
    return 0
