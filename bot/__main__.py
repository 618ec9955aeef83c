"""`python -m bot`: the command line (bot/cli/main.py)."""

import sys

from bot.cli.main import main

try:
    sys.exit(main())
except BrokenPipeError:  # `python -m bot quotes | head`: the reader left; not an error
    sys.stderr.close()
    sys.exit(0)
