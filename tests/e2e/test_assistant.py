"""The assistant surface and App Home, with the real worker against the Slack emulation:
suggested prompts when a thread opens, a status while searching, verbatim answers in the
thread; every event acknowledged within Slack's 3 seconds."""

from __future__ import annotations

from pathlib import Path

from bot.check import parse_check
from bot.service import Whosaid
from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker

from ..conftest import SHIPPED_CORPUS
from ..verbatim_oracle import Corpus, check_fallback, check_reply

ACK_SECONDS = 3.0


async def _acked(slack_emulator: SlackEmulator, event: dict) -> None:
    ack = await slack_emulator.wait_for_ack(await slack_emulator.send_event(event))
    assert ack.latency < ACK_SECONDS


async def test_a_new_thread_gets_a_greeting_and_prompts_that_each_get_a_verbatim_answer(
    slack_emulator: SlackEmulator, bot_worker: StartWorker, tmp_path: Path
) -> None:
    worker = await bot_worker(extra_env={"CACHE_DIR": str(tmp_path)})
    await worker.wait_until_connected()
    thread = slack_emulator.open_assistant_thread()
    await _acked(slack_emulator, slack_emulator.assistant_thread_started_event(thread))
    greeting = await slack_emulator.wait_for_post(
        lambda m: m.thread_ts == thread.thread_ts, timeout=10
    )
    assert greeting.channel == thread.channel and "exact words" in greeting.text
    await slack_emulator.wait_for_call("assistant.threads.setSuggestedPrompts", timeout=10)
    (suggested,) = thread.prompts
    titles = [p["title"] for p in suggested["prompts"]]
    assert titles == ["Who said …?", "Check a quote", "What has X said about Y?"]

    corpus = Corpus.load(SHIPPED_CORPUS)
    whosaid = Whosaid.load(SHIPPED_CORPUS, limit=3, cache_dir=tmp_path / "here")
    for number, prompt in enumerate(suggested["prompts"], 1):
        # Clicking a prompt sends its message in the thread, as if typed.
        await _acked(
            slack_emulator, slack_emulator.assistant_message_event(thread, prompt["message"])
        )
        replies = await slack_emulator.wait_for_posts(
            number + 1, lambda m: m.thread_ts == thread.thread_ts, timeout=10
        )
        reply = replies[-1]
        if prompt["title"] == "Check a quote":
            # A check, answered with the verdict and the published words (tests/e2e/test_check.py).
            (check,) = whosaid.check(parse_check(prompt["message"]))
            assert check.verdict.value == "exact" and "Exact" in reply.all_text()
            bold = [r.text for p in reply.paragraphs() for r in p.runs if r.bold]
            match = check.matches[0]
            article = corpus.articles[match.article.id]
            assert article.text[match.quote_start : match.quote_end] in bold
            assert reply.mentions() == []
            continue
        answer = whosaid.ask(prompt["message"])
        assert answer.results, prompt
        assert check_reply(corpus, answer, reply.paragraphs()) == len(answer.results)
        check_fallback(corpus, answer, reply.text)
        assert reply.mentions() == []
    # Each question set the status before its answer was posted; no answer went elsewhere.
    assert len(thread.statuses) == 3
    assert all(s["status"] == "is searching the archive…" for s in thread.statuses)
    posts = [c for c in slack_emulator.calls_to("chat.postMessage") if c.ok]
    statuses = slack_emulator.calls_to("assistant.threads.setStatus")
    for status, post in zip(statuses, posts[1:], strict=True):
        assert status.at <= post.at
    assert all(m.thread_ts == thread.thread_ts for m in slack_emulator.messages)
    assert "Traceback" not in worker.output()


async def test_context_changes_and_retitles_are_acknowledged_and_ignored(
    slack_emulator: SlackEmulator, bot_worker: StartWorker, tmp_path: Path
) -> None:
    worker = await bot_worker(extra_env={"CACHE_DIR": str(tmp_path)})
    await worker.wait_until_connected()
    thread = slack_emulator.open_assistant_thread()
    await _acked(slack_emulator, slack_emulator.assistant_thread_started_event(thread))
    await slack_emulator.wait_for_call("assistant.threads.setSuggestedPrompts", timeout=10)
    await _acked(
        slack_emulator,
        slack_emulator.assistant_thread_context_changed_event(thread, "C0ELSEWHERE"),
    )
    await _acked(slack_emulator, slack_emulator.assistant_title_changed_event(thread, "hi"))
    # A question after them is still answered, once, in the thread.
    await _acked(slack_emulator, slack_emulator.assistant_message_event(thread, "unrealistic"))
    reply = await slack_emulator.wait_for_post(
        lambda m: m.thread_ts == thread.thread_ts and bool(m.blocks), timeout=10
    )
    assert "Pete Hegseth" in reply.all_text()
    methods = {c.method for c in slack_emulator.calls}
    assert methods <= {
        "auth.test",
        "apps.connections.open",
        "chat.postMessage",
        "assistant.threads.setStatus",
        "assistant.threads.setSuggestedPrompts",
    }
    assert all(c.ok for c in slack_emulator.calls if c.method != "apps.connections.open")
    assert len(slack_emulator.messages) == 2  # the greeting and the one answer
    assert "Traceback" not in worker.output()


async def test_app_home_shows_corpus_size_newest_articles_and_how_to_ask(
    slack_emulator: SlackEmulator, bot_worker: StartWorker, tmp_path: Path
) -> None:
    from ..verbatim_oracle import MARKUP_CORPUS

    worker = await bot_worker(MARKUP_CORPUS, extra_env={"CACHE_DIR": str(tmp_path)})
    await worker.wait_until_connected()
    await _acked(slack_emulator, slack_emulator.app_home_opened_event())
    await slack_emulator.wait_for_call("views.publish", timeout=10)
    view = slack_emulator.home_views["U0REPORTER"]
    corpus = Corpus.load(MARKUP_CORPUS)
    quotations = sum(len(q) for q in corpus.quotations.values())
    shown = str(view)
    assert f"Searching *{len(corpus.articles)}* published articles · *{quotations}*" in shown
    assert "/whosaid" in shown and "assistant" in shown
    from tests.slack_emulator.records import rich_text_paragraphs

    items = rich_text_paragraphs(view["blocks"])
    newest = sorted(corpus.articles.values(), key=lambda a: a.published, reverse=True)
    assert len(items) == len(newest)
    for item, article in zip(items, newest, strict=True):
        outlet, published = article.outlet, article.published.isoformat()
        assert item.text == f"{article.headline} · {outlet} · {published}"
        if article.url:
            assert item.runs[0].link == article.url


async def test_the_answer_comes_even_when_the_status_cannot_be_set(
    slack_emulator: SlackEmulator, bot_worker: StartWorker, tmp_path: Path
) -> None:
    worker = await bot_worker(extra_env={"CACHE_DIR": str(tmp_path)})
    await worker.wait_until_connected()
    thread = slack_emulator.open_assistant_thread()
    slack_emulator.server_error("assistant.threads.setStatus", count=10, status=500)
    await _acked(slack_emulator, slack_emulator.assistant_message_event(thread, "unrealistic"))
    reply = await slack_emulator.wait_for_post(
        lambda m: m.thread_ts == thread.thread_ts, timeout=30
    )
    assert "Pete Hegseth" in reply.all_text()
    assert "could not set the status" in worker.output()
    assert "Traceback" not in worker.output()
