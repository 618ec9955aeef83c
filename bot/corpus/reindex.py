"""`python -m bot.corpus.reindex CORPUS CACHE FORMAT`: bring the saved index up to date, exit.

The worker runs this in a separate process when its corpus changes, so building the new
index never competes with answering and acknowledging Slack for the interpreter lock; the
worker then maps the saved result. Unchanged files are taken from the last saved index.
FORMAT is the worker's code version: if the code on disk has changed since the worker
started, its saved index would be one the worker cannot read, so this exits with
CODE_CHANGED and the worker re-indexes itself.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from bot import logs
from bot.corpus.store import CODE_CHANGED, FORMAT
from bot.service import Whosaid


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m bot.corpus.reindex CORPUS_DIR CACHE_DIR FORMAT", file=sys.stderr)
        return 2
    if argv[2] != FORMAT:
        return CODE_CHANGED
    # Below the worker's priority: on a busy machine the scheduler gives the worker's
    # acknowledgements the CPU first, and this takes what is left.
    with contextlib.suppress(OSError):
        os.nice(10)
    logs.configure(os.environ.get("LOG_LEVEL", "INFO").upper())
    whosaid = Whosaid(Path(argv[0]), cache_dir=Path(argv[1]))
    return 0 if whosaid.cache is not None and whosaid.cache.usable else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
