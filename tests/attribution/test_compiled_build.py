"""The compiled extractor (setup.py, mypyc) and the .py modules give the same quotations,
and a build that no longer matches its sources is never used."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import bot.attribution as attribution
from bot.corpus.articles import corpus_files, load_file

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "bot" / "attribution"

# Prints whether the rules ran compiled, then every quotation of the corpus and our set.
DUMP = """
import json, sys
from pathlib import Path
import bot.attribution as attribution
from bot.corpus.articles import corpus_files, load_file
print(json.dumps(attribution.COMPILED))
for source in sys.argv[1:]:
    for path in sorted(corpus_files(Path(source))):
        for article in load_file(path):
            for q in attribution.extract_quotations(article):
                print(repr(q))
"""
SOURCES = [ROOT / "corpus", ROOT / "eval" / "attribution" / "articles"]


def run_dump(cwd: Path, *, pure: bool) -> tuple[bool, list[str], str]:
    env = {k: v for k, v in os.environ.items() if k != "WHOSAID_PURE_PYTHON"}
    if pure:
        env["WHOSAID_PURE_PYTHON"] = "1"
    env["PYTHONPATH"] = str(cwd)
    done = subprocess.run(
        [sys.executable, "-c", DUMP, *map(str, SOURCES)], cwd=cwd, env=env,
        capture_output=True, text=True, timeout=240, check=True,
    )
    first, *lines = done.stdout.splitlines()
    return json.loads(first), lines, done.stderr


def test_setup_compiles_the_modules_the_package_checks() -> None:
    tree = ast.parse((ROOT / "setup.py").read_text())
    compiled = next(
        ast.literal_eval(node.value) for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "COMPILED"
    )
    assert tuple(compiled) == attribution.COMPILED_MODULES
    assert all((PACKAGE / f"{name}.py").exists() for name in compiled)


def test_the_rules_type_check_so_that_mypyc_can_compile_them() -> None:
    """mypyc refuses modules mypy rejects; setup.py would then install them uncompiled
    (correct, but slower) with only a line in pip's hidden build output."""
    from mypy import api

    out, err, status = api.run(
        [str(PACKAGE), "--no-incremental", "--no-error-summary", "--hide-error-context"]
    )
    assert status == 0, out + err


def test_pure_python_gives_the_same_quotations_as_the_build_in_use() -> None:
    if not attribution.COMPILED:
        pytest.skip("the extractor is not compiled here (no C compiler at install?)")
    here = [
        repr(q)
        for source in SOURCES for path in sorted(corpus_files(source))
        for article in load_file(path) for q in attribution.extract_quotations(article)
    ]
    compiled, pure_lines, _ = run_dump(ROOT, pure=True)
    assert compiled is False
    assert len(here) > 100
    assert pure_lines == here


def _package_copy(tmp_path: Path) -> Path:
    """The bot package, with any compiled modules (each beside its source), in tmp_path."""
    shutil.copytree(ROOT / "bot", tmp_path / "bot",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_an_edited_source_runs_as_python_with_a_warning(tmp_path: Path) -> None:
    copy = _package_copy(tmp_path)
    target = copy / "bot" / "attribution" / "resolve.py"
    target.write_text(target.read_text() + "\n# edited after the build\n")
    built = [p for p in (copy / "bot" / "attribution").iterdir()
             if p.name.endswith(tuple(EXTENSION_SUFFIXES))]
    if not built:
        # No build here: stand in for one that cannot even be loaded. Importing it would
        # fail, so the run below passes only if the .py files are chosen.
        (copy / "bot" / "attribution" / f"text{EXTENSION_SUFFIXES[0]}").write_bytes(b"\0")
    compiled, lines, stderr = run_dump(copy, pure=False)
    assert compiled is False
    assert "does not match its sources" in stderr
    assert lines  # quotations still extracted


def test_a_current_build_is_used(tmp_path: Path) -> None:
    if not attribution.COMPILED:
        pytest.skip("the extractor is not compiled here (no C compiler at install?)")
    compiled, lines, stderr = run_dump(_package_copy(tmp_path), pure=False)
    assert compiled is True
    assert "does not match" not in stderr
    assert lines


@pytest.mark.skipif(
    os.environ.get("CI") != "true" or shutil.which("cc") is None,
    reason="only CI, which has a C compiler, must have compiled the extractor",
)
def test_ci_installs_the_compiled_extractor() -> None:
    """pip hides setup.py's message when mypyc fails: CI must not pass on the slow build."""
    assert attribution.COMPILED, "pip install did not compile bot/attribution (see setup.py)"
