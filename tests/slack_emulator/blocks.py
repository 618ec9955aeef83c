"""Block Kit limits that Slack enforces with `invalid_blocks`.

Only the limits the bot can plausibly hit are checked; a message Slack would
reject must fail here too, so tests catch it before a newsroom does.
"""

from __future__ import annotations

from typing import Any

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_SECTION_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS_ELEMENTS = 25
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ID = 255  # block_id, action_id
MAX_MESSAGE_TEXT = 40000  # top-level `text`; Slack answers msg_too_long beyond it
# Slack answers msg_blocks_too_long when a message's blocks carry more than about 13,000
# characters of text (slackapi/bolt-js#2509 measured 13,172-13,297; undocumented): we refuse
# from 13,000.
MAX_MESSAGE_BLOCK_TEXT = 13000
RICH_TEXT_OBJECTS = ("rich_text_section", "rich_text_list", "rich_text_quote",
                     "rich_text_preformatted")
# Inline elements a section or quote may hold (Slack's rich text element list, the ones an
# app can send); user/usergroup/broadcast/channel are live mentions.
RICH_TEXT_INLINE = ("text", "link", "emoji", "user", "usergroup", "broadcast", "channel",
                    "date", "color", "team")
TEXT_STYLES = ("bold", "italic", "strike", "code", "highlight", "client_highlight",
               "underline", "unlink")


def block_errors(blocks: Any, *, surface: str = "message") -> list[str]:
    """Human-readable reasons Slack would reject these blocks; empty when valid."""
    if not isinstance(blocks, list):
        return ["blocks must be an array"]
    errors: list[str] = []
    limit = MAX_MESSAGE_BLOCKS if surface == "message" else MAX_VIEW_BLOCKS
    if len(blocks) > limit:
        errors.append(f"no more than {limit} items allowed [json-pointer:/blocks]")
    for i, block in enumerate(blocks):
        where = f"/blocks/{i}"
        if not isinstance(block, dict) or not isinstance(block.get("type"), str):
            errors.append(f"block must be an object with a type [json-pointer:{where}]")
            continue
        _check_id(block.get("block_id"), f"{where}/block_id", errors)
        kind = block["type"]
        if kind == "section":
            _check_section(block, where, errors)
        elif kind == "header":
            _check_text(block.get("text"), MAX_HEADER_TEXT, f"{where}/text", errors, True)
        elif kind == "context":
            elements = block.get("elements")
            if not isinstance(elements, list) or not elements:
                errors.append(f"context needs elements [json-pointer:{where}/elements]")
            elif len(elements) > MAX_CONTEXT_ELEMENTS:
                errors.append(f"no more than {MAX_CONTEXT_ELEMENTS} items allowed "
                              f"[json-pointer:{where}/elements]")
            else:
                for j, el in enumerate(elements):
                    if isinstance(el, dict) and el.get("type") in ("plain_text", "mrkdwn"):
                        _check_text(el, MAX_SECTION_TEXT, f"{where}/elements/{j}", errors,
                                    False)
        elif kind == "rich_text":
            _check_rich_text(block, where, errors)
        elif kind == "actions":
            elements = block.get("elements")
            if not isinstance(elements, list) or not elements:
                errors.append(f"actions needs elements [json-pointer:{where}/elements]")
            else:
                if len(elements) > MAX_ACTIONS_ELEMENTS:
                    errors.append(f"no more than {MAX_ACTIONS_ELEMENTS} items allowed "
                                  f"[json-pointer:{where}/elements]")
                for j, el in enumerate(elements):
                    _check_element(el, f"{where}/elements/{j}", errors)
    return errors


def block_text_length(blocks: Any) -> int:
    """Characters of text all the blocks carry (every "text" string, as sent)."""
    if isinstance(blocks, dict):
        own = len(blocks["text"]) if isinstance(blocks.get("text"), str) else 0
        return own + sum(block_text_length(v) for k, v in blocks.items() if k != "text")
    if isinstance(blocks, list):
        return sum(block_text_length(b) for b in blocks)
    return 0


def _check_rich_text(block: dict[str, Any], where: str, errors: list[str]) -> None:
    objects = block.get("elements")
    if not isinstance(objects, list) or not objects:
        errors.append(f"rich_text needs elements [json-pointer:{where}/elements]")
        return
    for i, obj in enumerate(objects):
        at = f"{where}/elements/{i}"
        kind = obj.get("type") if isinstance(obj, dict) else None
        if kind not in RICH_TEXT_OBJECTS:
            errors.append(f"must be one of {', '.join(RICH_TEXT_OBJECTS)} [json-pointer:{at}]")
            continue
        if kind == "rich_text_list":
            items = obj.get("elements")
            if obj.get("style") not in ("bullet", "ordered"):
                errors.append(f"must be bullet or ordered [json-pointer:{at}/style]")
            if not isinstance(items, list) or not items:
                errors.append(f"rich_text_list needs elements [json-pointer:{at}/elements]")
                continue
            for j, item in enumerate(items):
                if not isinstance(item, dict) or item.get("type") != "rich_text_section":
                    errors.append(f"must be rich_text_section [json-pointer:{at}/elements/{j}]")
                else:
                    _check_inline(item.get("elements"), f"{at}/elements/{j}", errors)
        else:
            _check_inline(obj.get("elements"), at, errors)


def _check_inline(elements: Any, where: str, errors: list[str]) -> None:
    if not isinstance(elements, list):
        errors.append(f"must be an array [json-pointer:{where}/elements]")
        return
    for i, el in enumerate(elements):
        at = f"{where}/elements/{i}"
        kind = el.get("type") if isinstance(el, dict) else None
        if kind not in RICH_TEXT_INLINE:
            errors.append(f"unsupported rich text element [json-pointer:{at}]")
            continue
        if kind == "text" and (not isinstance(el.get("text"), str) or not el["text"]):
            errors.append(f"must be more than 0 characters [json-pointer:{at}/text]")
        if kind == "link" and not (isinstance(el.get("url"), str) and el["url"]):
            errors.append(f"link needs a url [json-pointer:{at}/url]")
        style = el.get("style")
        if style is not None and (not isinstance(style, dict) or any(
                k not in TEXT_STYLES or not isinstance(v, bool) for k, v in style.items())):
            errors.append(f"invalid style [json-pointer:{at}/style]")


def _check_section(block: dict[str, Any], where: str, errors: list[str]) -> None:
    text, fields = block.get("text"), block.get("fields")
    if text is None and not fields:
        errors.append(f"section needs text or fields [json-pointer:{where}]")
    if text is not None:
        _check_text(text, MAX_SECTION_TEXT, f"{where}/text", errors, False)
    if fields is not None:
        if not isinstance(fields, list) or len(fields) > MAX_SECTION_FIELDS:
            errors.append(f"no more than {MAX_SECTION_FIELDS} items allowed "
                          f"[json-pointer:{where}/fields]")
        else:
            for j, f in enumerate(fields):
                _check_text(f, MAX_FIELD_TEXT, f"{where}/fields/{j}", errors, False)
    if "accessory" in block:
        _check_element(block["accessory"], f"{where}/accessory", errors)


def _check_text(obj: Any, limit: int, where: str, errors: list[str], plain_only: bool) -> None:
    if not isinstance(obj, dict) or obj.get("type") not in ("plain_text", "mrkdwn"):
        errors.append(f"must be a text object [json-pointer:{where}]")
        return
    if plain_only and obj["type"] != "plain_text":
        errors.append(f"must be plain_text [json-pointer:{where}/type]")
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        errors.append(f"must be more than 0 characters [json-pointer:{where}/text]")
    elif len(text) > limit:
        errors.append(f"must be less than {limit + 1} characters [json-pointer:{where}/text]")


def _check_element(el: Any, where: str, errors: list[str]) -> None:
    if not isinstance(el, dict) or not isinstance(el.get("type"), str):
        errors.append(f"element must be an object with a type [json-pointer:{where}]")
        return
    _check_id(el.get("action_id"), f"{where}/action_id", errors)
    if el["type"] == "button":
        _check_text(el.get("text"), MAX_BUTTON_TEXT, f"{where}/text", errors, True)
        value = el.get("value")
        if value is not None and (not isinstance(value, str) or len(value) > MAX_BUTTON_VALUE):
            errors.append(f"must be less than {MAX_BUTTON_VALUE + 1} characters "
                          f"[json-pointer:{where}/value]")


def _check_id(value: Any, where: str, errors: list[str]) -> None:
    if value is not None and (not isinstance(value, str) or len(value) > MAX_ID):
        errors.append(f"must be less than {MAX_ID + 1} characters [json-pointer:{where}]")
