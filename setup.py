"""Install-time build: the quotation extractor compiled with mypyc, where that can be done.

The extractor (bot/attribution) is plain, fully typed Python, and the rules spend their time
in the interpreter rather than in any one hot loop; mypyc (part of mypy, on PyPI) turns
those modules into a C extension when the project is installed, about 1.7 times faster.
Nothing is compiled or downloaded at run time.

Where it cannot be built (no C compiler, WHOSAID_PURE_PYTHON=1 at install time) the same
modules run as Python: the same quotations, slower. After a successful build a record of
the compiled sources' hashes is written beside them; bot/attribution/__init__.py uses the
compiled modules only while that record matches the sources, so an edited .py is never
shadowed by an older build.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE = "bot/attribution"
# The modules with the rules; model.py (shared value types) and lexicons.py (word lists)
# stay Python: nothing to gain, and other packages build and compare their types.
COMPILED = (
    "text", "marks", "timephrases", "names", "appositions", "phrases", "subjects", "media",
    "source_phrases", "cues", "cues_before", "agents", "role_fit", "people", "bodies",
    "evidence", "roster", "pronouns", "described", "resolve", "layout", "filters", "threads",
    "extract",
)
RECORD = "_compiled.json"


def source_hashes() -> dict[str, str]:
    return {
        f"{name}.py": hashlib.sha256((ROOT / PACKAGE / f"{name}.py").read_bytes()).hexdigest()
        for name in COMPILED
    }


class OptionalBuildExt(build_ext):
    """Build the extension, or warn and install the pure-Python modules instead."""

    def finalize_options(self) -> None:
        super().finalize_options()
        # The modules compile one per process (pip's editable build ignores `options`).
        self.parallel = self.parallel or os.cpu_count() or 1

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # a missing compiler surfaces as several error types
            print(f"whosaid: could not compile the quotation extractor ({error}); "
                  "installing it as pure Python (slower, same output)", file=sys.stderr)
            return
        record = json.dumps({"sources": source_hashes()}, indent=1, sort_keys=True)
        targets = [ROOT / PACKAGE] if self.inplace else [Path(self.build_lib) / PACKAGE]
        for target in targets:
            target.mkdir(parents=True, exist_ok=True)
            (target / RECORD).write_text(record + "\n")


# Commands that build; the metadata steps pip runs first need no compiling (mypy's pass
# takes seconds each time).
_BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}


def extensions() -> list:
    if not _BUILDS & set(sys.argv[1:]):
        return []
    if os.environ.get("WHOSAID_PURE_PYTHON", "").lower() in ("1", "true", "yes"):
        return []
    # An edited source must never run with an older build's record beside it.
    (ROOT / PACKAGE / RECORD).unlink(missing_ok=True)
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("whosaid: mypy is not installed; the quotation extractor stays pure Python",
              file=sys.stderr)
        return []
    try:
        # One extension per module (separate=True), so that they compile in parallel: the
        # same speed as one group, half the install time on two cores.
        return mypycify([f"{PACKAGE}/{name}.py" for name in COMPILED], opt_level="3",
                        separate=True)
    except BaseException as error:  # mypyc exits through SystemExit on a type error
        print(f"whosaid: mypyc could not compile the quotation extractor ({error!r}); "
              "it stays pure Python", file=sys.stderr)
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
