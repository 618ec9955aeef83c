"""Quotation attribution: who said what, how and when, with verbatim offsets.

`extract_quotations(article)` returns one `Quotation` per contiguous quoted span, sorted by
start. Modules, one job each: `marks` pairs quotation marks, `cues` finds the attributing
verb and speaker phrase, `speakers` resolves names, pronouns and groups, `timephrases`
resolves "on Sunday"-style phrases, `extract` runs the pipeline.
"""

from bot.attribution.extract import extract_quotations
from bot.attribution.model import UNRESOLVED_SPEAKER, Quotation, Speaker, SpeakerKind, When

__all__ = [
    "UNRESOLVED_SPEAKER",
    "Quotation",
    "Speaker",
    "SpeakerKind",
    "When",
    "extract_quotations",
]
