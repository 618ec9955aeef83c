"""Quotation checks through the real worker and the local Slack: /whosaid check, a mention,
and the "Check quotes" message shortcut."""

from __future__ import annotations

from typing import Any

from bot.attribution import extract_quotations
from bot.corpus.articles import load_corpus
from tests.conftest import SEED_ID, SHIPPED_CORPUS
from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker

ACK_SECONDS = 3.0


def _elements(node: Any, kind: str) -> list[dict[str, Any]]:
    """Every rich text element of `kind` (e.g. "rich_text_quote") under `node`, in order."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("type") == kind:
            found.append(node)
        for value in node.values():
            found += _elements(value, kind)
    elif isinstance(node, list):
        for value in node:
            found += _elements(value, kind)
    return found


def _seed_quotation_spans() -> dict[str, set[str]]:
    """Speaker name -> the exact published text of each of their quotations in the seed."""
    (article,) = [a for a in load_corpus(SHIPPED_CORPUS).articles if a.id == SEED_ID]
    spans: dict[str, set[str]] = {}
    for q in extract_quotations(article):
        spans.setdefault(q.speaker.name or "", set()).add(article.text[q.start : q.end])
    return spans


async def test_slash_check_is_acked_and_answers_privately_with_the_verbatim_close_match(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker()
    await worker.wait_until_connected()
    envelope = await slack_emulator.send_slash_command(
        "check did Hegseth say “unrealistic and dangerous”?"
    )
    assert (await slack_emulator.wait_for_ack(envelope)).latency < ACK_SECONDS
    reply = await slack_emulator.wait_for_post(lambda m: m.ephemeral, timeout=10)
    assert reply.user == "U0REPORTER" and reply.mentions() == []
    shown = reply.all_text()
    assert "Close: published in different words" in shown
    assert "Pete Hegseth" in shown
    # The published words, bold in the quote, are exactly Hegseth's quotation as published.
    quotes = _elements(reply.blocks, "rich_text_quote")
    bold = [e["text"] for q in quotes for e in q["elements"] if e.get("style", {}).get("bold")]
    assert bold and set(bold) <= _seed_quotation_spans()["Pete Hegseth"]
    # The difference: "and dangerous" added by the claim, shown as the claim has it.
    assert "added" in shown and "and dangerous" in shown
    assert "Close" in reply.text and "“unrealistic" in reply.text
    assert "Traceback" not in worker.output()


async def test_mention_names_who_really_said_misattributed_words(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker()
    await worker.wait_until_connected()
    event = slack_emulator.mention_event(
        "did Peskov really say “Ukraine wants peace more than anyone”?"
    )
    envelope = await slack_emulator.send_event(event)
    assert (await slack_emulator.wait_for_ack(envelope)).latency < ACK_SECONDS
    reply = await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=10)
    shown = reply.all_text()
    assert "Misattributed" in shown and "Volodymyr Zelensky" in shown
    quotes = _elements(reply.blocks, "rich_text_quote")
    bold = [e["text"] for q in quotes for e in q["elements"] if e.get("style", {}).get("bold")]
    assert bold and set(bold) <= _seed_quotation_spans()["Volodymyr Zelensky"]


async def test_message_shortcut_checks_every_quoted_span_privately(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    worker = await bot_worker()
    await worker.wait_until_connected()
    message = (
        "Draft para: Leavitt said Kellogg “remains a critical part of this team” while "
        "Zelensky said “we will never sign anything at all this winter”. Peskov told "
        "reporters “Ukraine wants peace more than anyone”."
    )
    envelope = await slack_emulator.send_message_action(message, user="U0CHECKER")
    assert (await slack_emulator.wait_for_ack(envelope)).latency < ACK_SECONDS
    reply = await slack_emulator.wait_for_post(timeout=10)
    assert reply.ephemeral and reply.user == "U0CHECKER" and reply.channel == "C0GENERAL"
    assert reply.source == "response_url" and reply.mentions() == []
    shown = reply.all_text()
    assert "Exact: these words were published" in shown and "Karoline Leavitt" in shown
    assert "Not found: nothing close enough in the archive" in shown
    assert shown.index("Exact") < shown.index("Not found")  # in the message's order
    # The message credits Peskov with Zelensky's words: the check says so.
    assert "(attributed to Peskov)" in shown and "Misattributed" in shown
    assert "Volodymyr Zelensky" in shown
    await worker.wait_for_log("shortcut checked: 3 claim(s)")
    assert "Traceback" not in worker.output()
