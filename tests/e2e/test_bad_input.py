"""Hostile or clumsy input against the real worker: a short useful reply to each, no pings,
no loops. The corpus holds an article stuffed with Slack markup, as a scraped page might be."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from tests.conftest import SHIPPED_CORPUS
from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker
from tests.slack_emulator.records import Message
from tests.slack_emulator.worker import BotProcess

HOSTILE_ARTICLE = """---
id: hostile
headline: <!channel> Marina <@U0REPORTER> closed
outlet: The <!here> Gazette
byline: <!everyone> and <@U0EDITOR|editor>
published: 2024-05-01
url: https://gazette.example/marina|<!channel>
---
“Everyone <!channel> should leave the marina <@U0REPORTER>,” harbor master Lena Cruz said.

Posted by <!subteam^S0DESK|@desk> in <#C0GENERAL>; see <https://evil.example|click>.
"""

USAGE = ("Ask me who said something",)
NO_MATCH = ("Nothing in the corpus matches that", "No quotation in the corpus holds")
TOO_LONG = ("That question is too long",)
HEGSETH = ("Pete Hegseth",)
SHORT = (*USAGE, *NO_MATCH, *TOO_LONG)

# (what it is, the question, texts of which the reply must contain one)
CASES = [
    ("empty", "", USAGE),
    ("only spaces", "   \n\t ", USAGE),
    ("only punctuation", "?!?! … ¿¡ --", USAGE),
    ("only emoji", "😀🎉🔥", USAGE),
    # Slack sends emoji as :shortcodes:; "tada" is a word to the parser, so no match.
    ("emoji shortcodes", ":tada: :+1:", (*USAGE, *NO_MATCH)),
    ("10,000 characters", "word " * 2000, TOO_LONG),
    ("broadcasts and mentions only", "<!channel> <!here> <!everyone> <@U0EDITOR>", USAGE),
    (
        "markup around a question",
        "<!channel> <@U0EDITOR> who said <!here> unrealistic <#C0GENERAL|general>",
        HEGSETH,
    ),
    ("a link", "who said <https://example.com/unrealistic|unrealistic>", HEGSETH),
    ("control characters", "who said un\x07real\x1bistic\x00", ()),
    ("zero-width characters", "who said un\u200brealis\u200dtic\ufeff", HEGSETH),
    ("right-to-left override", "\u202ewho said unrealistic\u202c", HEGSETH),
    ("right-to-left text", "מי אמר את זה? من قال ذلك؟", NO_MATCH),
    ("unbalanced quotation marks", 'who said "unrealistic', HEGSETH),
    ("unbalanced curly quotes", "“unrealistic", HEGSETH),
    ("another language", "qui a dit « irréaliste » ?", NO_MATCH),
    ("a question that finds the hostile article", "who said leave the marina", ("Lena Cruz",)),
]


@pytest_asyncio.fixture
async def worker(
    slack_emulator: SlackEmulator, bot_worker: StartWorker, tmp_path: Path
) -> AsyncIterator[BotProcess]:
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    (corpus / "hostile.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    proc = await bot_worker(corpus_dir=corpus, extra_env={"RELOAD_SECONDS": "0"})
    await proc.wait_until_connected()
    yield proc


def assert_safe(message: Message) -> None:
    assert message.mentions() == [], message.all_text()
    for text in message.texts():
        assert "<!" not in text and "<@" not in text and "<#" not in text


async def test_every_bad_question_gets_one_short_useful_reply_and_never_a_ping(
    slack_emulator: SlackEmulator, worker: BotProcess
) -> None:
    events = []
    for _, question, _ in CASES:
        events.append(slack_emulator.mention_event(question))
        await slack_emulator.send_event(events[-1])
    commands = [await slack_emulator.send_slash_command(q) for _, q, _ in CASES]
    acks = await slack_emulator.wait_for_acks(commands)
    assert all(not a.late for a in acks)
    await slack_emulator.wait_for_posts(2 * len(CASES), timeout=20)
    await asyncio.sleep(0.3)
    for (what, _, expected), event in zip(CASES, events, strict=True):
        (reply,) = [m for m in slack_emulator.messages if m.thread_ts == event["ts"]]
        assert_safe(reply)
        shown = reply.all_text()
        assert not expected or any(w in shown for w in expected), what
        if expected and set(expected) <= set(SHORT):
            assert len(shown) < 800, what  # short, not a wall of text
    private = [m for m in slack_emulator.messages if m.ephemeral]
    assert len(private) == len(CASES)
    for message in private:
        assert_safe(message)
    worker_output = worker.output()
    assert "Traceback" not in worker_output and "answering failed" not in worker_output


async def test_the_hostile_article_is_quoted_with_its_markup_defused(
    slack_emulator: SlackEmulator, worker: BotProcess
) -> None:
    envelope = await slack_emulator.send_slash_command("who said leave the marina")
    await slack_emulator.wait_for_ack(envelope)
    private = await slack_emulator.wait_for_post(lambda m: m.ephemeral, timeout=10)
    shown = private.all_text()
    assert "&lt;!channel&gt;" in shown and "&lt;@U0REPORTER&gt;" in shown  # visible, inert
    assert_safe(private)
    await slack_emulator.click_button(private)
    public = await slack_emulator.wait_for_post(lambda m: not m.ephemeral, timeout=10)
    assert "Lena Cruz" in public.all_text()
    assert_safe(public)


async def test_whosaid_from_a_channel_the_bot_is_not_in_still_answers_via_response_url(
    slack_emulator: SlackEmulator, worker: BotProcess
) -> None:
    slack_emulator.add_channel("C0SECRET", "investigations", is_member=False)
    envelope = await slack_emulator.send_slash_command("who said unrealistic", channel="C0SECRET")
    await slack_emulator.wait_for_ack(envelope)
    private = await slack_emulator.wait_for_post(lambda m: m.ephemeral, timeout=10)
    assert private.channel == "C0SECRET" and "Pete Hegseth" in private.all_text()
    await slack_emulator.click_button(private)
    public = await slack_emulator.wait_for_post(lambda m: not m.ephemeral, timeout=10)
    assert public.channel == "C0SECRET" and "Pete Hegseth" in public.all_text()
    assert not [c for c in slack_emulator.calls if c.response and not c.ok]


async def test_edits_bot_messages_uploads_and_its_own_replies_are_ignored_no_loop(
    slack_emulator: SlackEmulator, worker: BotProcess
) -> None:
    question = slack_emulator.dm_event("who said unrealistic")
    await slack_emulator.send_event(question)
    reply = await slack_emulator.wait_for_post(timeout=10)
    ignored = [
        # Its own reply, as Slack echoes it back into the DM: answering it would loop.
        slack_emulator.dm_event(
            reply.text, user=slack_emulator.bot_user_id, bot_id=slack_emulator.bot_id
        ),
        slack_emulator.dm_event(reply.text, subtype="bot_message", bot_id="B0OTHERBOT"),
        slack_emulator.dm_event(
            "who said unrealistic",
            subtype="message_changed",
            message={"text": "who said unrealistic?", "user": "U0REPORTER"},
        ),
        slack_emulator.dm_event("who said unrealistic", subtype="file_share", files=[{}]),
        slack_emulator.dm_event("", subtype="message_deleted"),
        slack_emulator.dm_event("who said unrealistic", subtype="thread_broadcast"),
    ]
    envelopes = [await slack_emulator.send_event(e) for e in ignored]
    await slack_emulator.wait_for_acks(envelopes)
    await asyncio.sleep(1.0)
    assert len([m for m in slack_emulator.messages if not m.deleted]) == 1
