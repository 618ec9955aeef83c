"""The running worker keeps pulling its sources: a post published in WordPress is answered."""

from __future__ import annotations

import asyncio
import json
import shutil
import time
import uuid
from pathlib import Path

from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker
from tests.sources.wordpress_server import WordPress

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


async def test_a_new_post_then_its_deletion_reach_slack_answers_while_the_worker_runs(
    slack_emulator: SlackEmulator, bot_worker: StartWorker, wordpress: WordPress, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    tag = uuid.uuid4().hex[:6]
    sources = [{"name": f"live{tag}", "type": "wordpress", "url": wordpress.base}]
    env = {"SOURCES": json.dumps(sources), "SOURCES_POLL_SECONDS": "1", "RELOAD_SECONDS": "1"}
    worker = await bot_worker(corpus_dir=corpus, extra_env=env)
    await worker.wait_until_connected()
    await asyncio.sleep(2)  # the first pull (the site's older posts) is in

    post = await asyncio.to_thread(
        wordpress.create_post,
        f"Ferry {tag}",
        "<p>“The night ferry returns on Friday,” said port director Alma Reyes.</p>",
    )
    published = time.monotonic()

    links: list[str] = []

    async def answer() -> str:
        event = slack_emulator.mention_event("who said the night ferry returns on Friday")
        await slack_emulator.send_event(event)
        reply = await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=10)
        links[:] = [run.link for p in reply.paragraphs() for run in p.runs if run.link]
        return reply.all_text()

    shown = await answer()
    while "Alma Reyes" not in shown and time.monotonic() - published < 30:
        await asyncio.sleep(0.5)
        shown = await answer()
    assert "Alma Reyes" in shown and "The night ferry returns on Friday," in shown
    assert post["link"] in links  # "read the article" links to the post's canonical URL

    await asyncio.to_thread(wordpress.delete_post, post["id"])
    deleted = time.monotonic()
    while "Alma Reyes" in shown and time.monotonic() - deleted < 30:
        await asyncio.sleep(0.5)
        shown = await answer()
    assert "Alma Reyes" not in shown
