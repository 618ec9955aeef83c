"""Quotation attribution: who said what, how and when, with verbatim offsets.

`extract_quotations(article)` returns one `Quotation` per contiguous quoted span, sorted by
start. Modules, one job each (where to look for a rule):

- `marks`: pairing quotation marks into quoted spans;
- `layout`: article layout (hard wraps, line breaks as paragraphs, headlines, transcripts);
- `filters`: quoted words that are not quotations (titles, nicknames, subheadings);
- `cues`: the attributing verb or phrase after a quotation, and dash signatures;
- `cues_before`: the attribution before a quotation, or trailing a run of them;
- `source_phrases`: speaker phrases that are not a plain name (indefinite descriptions,
  the issuer of a statement, the author of "Quint's finding");
- `media`: the channel or occasion of a statement ("in a post on X", "at a rally");
- `phrases`: noun-phrase boundaries (the speaker phrase before or after a cue);
- `subjects`: a clause's or sentence's subject;
- `appositions`: names and descriptions set off around a phrase (apposition, relative
  clauses without their closing comma, "Dover, Pa.", a description leading a sentence);
- `threads`: quotations that continue an earlier one or take a neighbour's speaker;
- `names`: name patterns (what a person's or an organisation's name looks like);
- `roster`: building the article's people and organisations in one pass;
- `evidence`: a name's role before it, appositive after it, gender from later pronouns;
- `people`: the people table and lookups by name, role and description;
- `role_fit`: whether a description ("the Ukrainian leader") fits a person's role;
- `bodies`: organisations named again by a short form ("Larkspur" for Larkspur Foods);
- `resolve`: a speaker phrase to the person, group or body it means;
- `described`: described sources kept whole, bodies by initials or named together;
- `agents`: who acts before a participle cue ("…, saying");
- `pronouns`: whom "he", "she" or "they" stands for;
- `timephrases`: "on Sunday"-style phrases to dates;
- `lexicons`: every word list, in one place; `model`: the value types;
- `extract`: the pipeline that runs the steps above.

Installing the project compiles the rule modules with mypyc (setup.py). `_choose_build`
runs them compiled only while the build's record of their sources matches the sources
here; otherwise, or with WHOSAID_PURE_PYTHON=1, the .py files run. `COMPILED` says which.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

_HERE = Path(__file__).resolve().parent
# Kept in step with setup.py's COMPILED (a test checks it).
COMPILED_MODULES = (
    "text",
    "marks",
    "timephrases",
    "names",
    "appositions",
    "phrases",
    "subjects",
    "media",
    "source_phrases",
    "cues",
    "cues_before",
    "agents",
    "role_fit",
    "people",
    "bodies",
    "evidence",
    "roster",
    "pronouns",
    "described",
    "resolve",
    "layout",
    "filters",
    "threads",
    "extract",
)
_RECORD = "_compiled.json"

log = logging.getLogger(__name__)


class _SourceModules(importlib.abc.MetaPathFinder):
    """Finds the rule modules' .py files ahead of any compiled build of them."""

    def __init__(self) -> None:
        self.names = {f"{__name__}.{name}": _HERE / f"{name}.py" for name in COMPILED_MODULES}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.names.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source else None


def _built_modules() -> list[str]:
    return [
        name
        for name in COMPILED_MODULES
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        if (_HERE / f"{name}{suffix}").exists()
    ]


def _record_matches() -> bool:
    try:
        record = json.loads((_HERE / _RECORD).read_text())["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return all(
        record.get(f"{name}.py") == hashlib.sha256((_HERE / f"{name}.py").read_bytes()).hexdigest()
        for name in COMPILED_MODULES
    )


def _choose_build() -> None:
    """Make the rule modules import from their .py files unless a current build exists."""
    forced = os.environ.get("WHOSAID_PURE_PYTHON", "").lower() in ("1", "true", "yes")
    built = _built_modules()
    if not built:
        return  # nothing compiled: the ordinary import finds the .py files
    if not forced:
        if len(built) == len(COMPILED_MODULES) and _record_matches():
            return
        log.warning(
            "the compiled quotation extractor does not match its sources (edited since it "
            "was built?); running the .py files instead. `pip install -e .` rebuilds it."
        )
    import sys

    sys.meta_path.insert(0, _SourceModules())


_choose_build()

from bot.attribution import extract as _extract  # noqa: E402
from bot.attribution.extract import extract_quotations  # noqa: E402
from bot.attribution.model import (  # noqa: E402
    UNRESOLVED_SPEAKER,
    Quotation,
    Speaker,
    SpeakerKind,
    When,
)

# True when the rules run as the mypyc-built extension, False when they run as Python.
COMPILED = isinstance(_extract.__spec__.loader, importlib.machinery.ExtensionFileLoader)

__all__ = [
    "COMPILED",
    "UNRESOLVED_SPEAKER",
    "Quotation",
    "Speaker",
    "SpeakerKind",
    "When",
    "extract_quotations",
]
