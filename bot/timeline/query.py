"""Which questions ask for a speaker's statements over time, and what they ask for.

    What has Zelensky said about peace?     -> Zelensky, topic "peace"
    Putin on NATO since 2024                -> Putin, topic "NATO", from 2024-01-01
    what did Leavitt say in January         -> Leavitt, January (the latest one)

A question is a timeline when it asks what someone "has said", gives a date range, or is
"NAME on TOPIC" for a speaker the archive knows. Other speaker questions ("what did Peskov
say about the call?") keep their ranking by relevance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.search.question import clean, content_terms, content_words
from bot.timeline.dates import _RANGE

_HAS_SAID = re.compile(
    r"^\s*what\s+(?P<aux>has|have|had|did|does|do)\s+(?P<speaker>.+?)\s+"
    r"(?:said|say|says|told|tell|written|wrote|write|stated)\b"
    r"(?:\s+(?:about|on|regarding|concerning|of))?(?P<topic>.*)$",
    re.IGNORECASE,
)
_NAME_ON = re.compile(
    r"^\s*(?P<speaker>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+(?:on|about)\s+(?P<topic>.+)$"
)


@dataclass(frozen=True)
class TimelineQuery:
    speaker: str  # as typed
    topic: tuple[str, ...]  # search terms, empty for everything the speaker said
    when: str | None  # the date words of the question ("since 2024"), resolved later
    by_name_on: bool = False  # "NAME on TOPIC": only a timeline if NAME is a known speaker
    topic_words: str = ""  # the topic as the asker wrote it, for notices (not stems)


def parse_timeline(raw: str) -> TimelineQuery | None:
    """The timeline a question asks for, or None (see module docstring)."""
    text = clean(raw).rstrip(" ?!.")
    dated = _RANGE.search(text)
    when = dated.group() if dated else None
    undated = (text[: dated.start()] + " " + text[dated.end() :]).strip() if dated else text
    match = _HAS_SAID.match(undated)
    if match and (match["aux"].lower() in ("has", "have") or when):
        speaker = match["speaker"].strip(" ,")
        topic = match["topic"]
        return TimelineQuery(speaker, content_terms(topic), when, topic_words=content_words(topic))
    named = _NAME_ON.match(undated)
    if named:
        topic = named["topic"]
        return TimelineQuery(
            named["speaker"], content_terms(topic), when, True, topic_words=content_words(topic)
        )
    return None
