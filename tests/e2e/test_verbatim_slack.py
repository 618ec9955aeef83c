"""Verbatim as Slack receives it: the real worker answers through the emulation, and what the
emulator received (blocks after decoding Slack's escaping, and the fallback text) is the cited
article's text at the answer's offsets, over the shipped corpus and the markup corpus, by
@mention, /whosaid (response_url) and the assistant thread."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.service import Whosaid
from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker

from ..conftest import SHIPPED_CORPUS
from ..verbatim_oracle import MARKUP_CORPUS, Corpus, check_fallback, check_reply, questions_for

ACK_SECONDS = 3.0


@pytest.mark.parametrize("corpus_dir", [SHIPPED_CORPUS, MARKUP_CORPUS], ids=["shipped", "markup"])
async def test_every_reply_slack_receives_is_verbatim(
    slack_emulator: SlackEmulator, bot_worker: StartWorker, tmp_path: Path, corpus_dir: Path
) -> None:
    worker = await bot_worker(corpus_dir, extra_env={"RESULTS": "3", "CACHE_DIR": str(tmp_path)})
    await worker.wait_until_connected()
    corpus = Corpus.load(corpus_dir)
    whosaid = Whosaid.load(corpus_dir, limit=3, cache_dir=tmp_path / "here")
    questions = questions_for(corpus)[:40]

    events = [slack_emulator.mention_event(q) for q in questions]
    envelopes = [await slack_emulator.send_event(e) for e in events]
    acks = await slack_emulator.wait_for_acks(envelopes, timeout=20)
    assert max(a.latency for a in acks) < ACK_SECONDS
    shown = 0
    for question, event in zip(questions, events, strict=True):
        reply = await slack_emulator.wait_for_post(
            lambda m, ts=event["ts"]: m.thread_ts == ts, timeout=30
        )
        answer = whosaid.ask(question)
        shown += check_reply(corpus, answer, reply.paragraphs())
        check_fallback(corpus, answer, reply.text)
        assert reply.mentions() == []
    assert shown >= len(questions)

    # The same over response_url (/whosaid) and in an assistant thread.
    thread = slack_emulator.open_assistant_thread()
    for question in questions[:6]:
        before = len(slack_emulator.messages)
        envelope = await slack_emulator.send_slash_command(question)
        assert (await slack_emulator.wait_for_ack(envelope)).latency < ACK_SECONDS
        private = await slack_emulator.wait_for_post(
            lambda m, n=before: m.ephemeral and slack_emulator.messages.index(m) >= n, 10
        )
        answer = whosaid.ask(question)
        assert check_reply(corpus, answer, private.paragraphs()) == len(answer.results)
        check_fallback(corpus, answer, private.text)

        event = slack_emulator.assistant_message_event(thread, question)
        await slack_emulator.send_event(event)
        in_thread = await slack_emulator.wait_for_post(
            lambda m, n=before: m.thread_ts == thread.thread_ts
            and slack_emulator.messages.index(m) >= n,
            10,
        )
        assert check_reply(corpus, answer, in_thread.paragraphs()) == len(answer.results)
        check_fallback(corpus, answer, in_thread.text)
    await asyncio.sleep(0)
    assert "Traceback" not in worker.output()
