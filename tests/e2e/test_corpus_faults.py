"""A corpus folder full of broken files, against the real worker: it starts, warns once per
file naming it and the reason, answers from the rest, and keeps doing so through reloads."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

from tests.conftest import SEED_ID, SHIPPED_CORPUS
from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker
from tests.slack_emulator.worker import REPO_ROOT

# Loaded into the worker through PYTHONPATH: CI runs as root, where chmod 000 does not stop a
# read, so the unreadable file is simulated; and any read of the 50 MB file is reported.
SITECUSTOMIZE = """
import pathlib, sys
_read_bytes, _open = pathlib.Path.read_bytes, pathlib.Path.open

def _check(path):
    if path.name == "huge.txt":
        print("TEST-HOOK: huge.txt was opened", file=sys.stderr, flush=True)
    if path.name == "unreadable.txt":
        raise PermissionError(13, "Permission denied", str(path))

def read_bytes(self):
    _check(self)
    return _read_bytes(self)

def open(self, *args, **kwargs):
    _check(self)
    return _open(self, *args, **kwargs)

pathlib.Path.read_bytes, pathlib.Path.open = read_bytes, open
"""

BAD_FILES: dict[str, bytes] = {
    "invalid-utf8.txt": b"Caf\xe9 \xc3\x28 \xff\xfe not UTF-8\n",
    "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "empty.txt": b"",
    "bad-date.md": b"---\npublished: 2024-13-45\n---\nA body that is never indexed.\n",
    "duplicate.md": f"---\nid: {SEED_ID}\n---\nA second article with the seed's id.\n".encode(),
    "unreadable.txt": b"Readable only to root.\n",
    "half-front.md": b"---\nheadline: cut off while being written\n",
}
REASONS = {
    "invalid-utf8.txt": "not valid UTF-8",
    "binary.md": "binary",
    "empty.txt": "empty file",
    "bad-date.md": "not an ISO date",
    "duplicate.md": "duplicate article id",
    "unreadable.txt": "Permission denied",
    "half-front.md": "never closed",
    "huge.txt": "larger than an article can be",
}


def vm_hwm_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


async def test_worker_with_a_corpus_of_bad_files_warns_once_each_and_answers_from_the_rest(
    slack_emulator: SlackEmulator, bot_worker: StartWorker, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    for name, content in BAD_FILES.items():
        (corpus / name).write_bytes(content)
    (corpus / "unreadable.txt").chmod(0)
    with (corpus / "huge.txt").open("wb") as huge:  # 50 MB, sparse: costs no disk
        huge.truncate(50 * 1024 * 1024)
    (corpus / "unknown-keys.md").write_text(
        "---\nsection: world\nheadline: Harbor levy\n---\n"
        "“The levy is a lifeline for the docks,” said harbor treasurer Ines Morales.\n",
        encoding="utf-8",
    )
    (corpus / "nested").mkdir()
    os.symlink(corpus, corpus / "nested" / "loop")  # a symlink loop back to the top
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)

    worker = await bot_worker(
        corpus_dir=corpus,
        # Without the compiled loop (numba's ~100 MB) and the semantic stage's model, so the
        # peak-memory check below can tell whether the 50 MB file was read.
        extra_env={
            "PYTHONPATH": f"{hooks}{os.pathsep}{REPO_ROOT}",
            "RELOAD_SECONDS": "0.3",
            "COMPILED_SEARCH": "false",
            "SEMANTIC_SEARCH": "false",
        },
    )
    await worker.wait_until_connected()
    # It answers from the good articles: the shipped one and the one with an unknown key.
    for question, who in (("who said unrealistic", "Pete Hegseth"), ("lifeline", "Morales")):
        event = slack_emulator.mention_event(question)
        await slack_emulator.send_event(event)
        reply = await slack_emulator.wait_for_post(lambda m, e=event: m.thread_ts == e["ts"], 10)
        assert who in reply.all_text()

    # A new file written in two steps is indexed once whole; reloads repeat no warning.
    late = corpus / "late.md"
    late.write_text("---\nheadline: Late\n---\n", encoding="utf-8")
    await asyncio.sleep(0.1)
    with late.open("a", encoding="utf-8") as f:
        f.write("“Dredging starts Monday,” said port director Amal Haddad.\n")
    (corpus / "empty.txt").unlink()  # a bad file deleted during reloads
    event = slack_emulator.mention_event("who said dredging starts monday")
    for _ in range(120):
        await asyncio.sleep(0.25)
        # The re-index runs in another process; the worker answers from it once swapped in.
        if "now answering from 3 articles" in worker.output():
            break
    await slack_emulator.send_event(event)
    reply = await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], 10)
    assert "Amal Haddad" in reply.all_text() or "Dredging starts Monday" in reply.all_text()
    await asyncio.sleep(1.0)  # a few more reload cycles

    output = worker.output()
    for name, reason in REASONS.items():
        lines = [line for line in output.splitlines() if name in line and "WARNING" in line]
        assert len(lines) == 1, (name, lines)
        assert reason in lines[0], (name, lines[0])
    unknown = [line for line in output.splitlines() if "unknown-keys.md" in line]
    assert len(unknown) == 1 and "section" in unknown[0]
    assert "TEST-HOOK: huge.txt was opened" not in output  # skipped by size, never read
    assert "late.md" not in output  # never seen half-written (front matter alone is an error)
    assert "Traceback" not in output
    # Reading the 50 MB file would also show in the worker's peak memory (100-115 MB without
    # it: Python, aiohttp, slack_sdk, lxml and the source libraries, the given-name lists,
    # and this small index; at least 50 MB more with it).
    assert vm_hwm_kb(worker.pid) < 145 * 1024
