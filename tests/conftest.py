"""Shared fixtures: the sample article, the public dev set, a CLI runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "assets" / "sample-article.txt"
SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
SEED = SHARED / "seed" / "article.txt"
DEV_FILES = {"d1": "d1.txt", "d2": "d2.gb18030.txt"}


# The user folders (cache, state, config) of every test are temporary (../conftest.py sets these);
# a test starting kreader with a fresh environment (over ssh) hands them on.
USER_FOLDER_VARIABLES = (
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "KREADER_CACHE_DIR",
    "KREADER_STATE_DIR",
    "KREADER_CONFIG_DIR",
    "KREADER_KEYMAP",
)


@pytest.fixture(autouse=True)
def colour_terminal(monkeypatch):
    """The reader styles its marks for the terminal's colours (widgets/styles.py): every test sees a
    256-colour terminal unless it says otherwise, whatever the run inherited (CI has no TERM, which
    reads as 16 colours; a developer's shell may set NO_COLOR)."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_doc():
    from reader.load import load_document

    return load_document(SAMPLE)


@pytest.fixture(scope="session")
def devset() -> dict:
    path = DEVSET / "expected.json"
    if not path.is_file():
        pytest.skip("../shared/devset is not beside this checkout")
    return json.loads(path.read_text(encoding="utf-8"))


def run_cli(
    *args: str, stdin: bytes | None = None, env: dict | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """Run `python -m reader.cli ARGS` the way a user runs `kreader ARGS` (no terminal)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=timeout,
        cwd=ROOT,
    )


def score_figures(expected_json: Path, article: str, reader_json: Path, *flags: str) -> tuple[float, float, str]:
    """(recall, precision, report) from the dev set's own score.py, run as a script."""
    import re

    score_py = DEVSET / "score.py"
    if not score_py.is_file():
        pytest.skip("../shared/devset/score.py is not beside this checkout")
    result = subprocess.run(
        [sys.executable, str(score_py), str(expected_json), article, str(reader_json), "-v", *flags],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    m = re.search(r"recall=([\d.]+) precision=([\d.]+)", result.stdout)
    assert m, result.stdout
    return float(m.group(1)), float(m.group(2)), result.stdout
