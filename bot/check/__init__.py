"""Checking a claimed quotation against the archive: "did X really say …?"."""

from bot.check.checker import Check, Checker, DiffOp, Match, Verdict
from bot.check.request import CheckRequest, parse_check, quoted_spans

__all__ = [
    "Check",
    "CheckRequest",
    "Checker",
    "DiffOp",
    "Match",
    "Verdict",
    "parse_check",
    "quoted_spans",
]
