"""The terminal surface: `python -m bot` and its subcommands, rendering without Slack."""
