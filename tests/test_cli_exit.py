"""A printed view's process ends without the interpreter's last collections (reader/runtime/collector.py)."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from reader import cli
from reader.locations import sample_article


def _entry(monkeypatch, capsys, *args: str) -> tuple[int, str, int]:
    """entry()'s exit status, its output and how many objects it left frozen for the exit."""
    monkeypatch.setattr(sys, "argv", ["kreader", *args])
    monkeypatch.setattr(cli, "_printed_view", False)
    gc.unfreeze()
    try:
        with pytest.raises(SystemExit) as exited:
            cli.entry()
        return int(exited.value.code or 0), capsys.readouterr().out, gc.get_freeze_count()
    finally:
        gc.unfreeze()  # (the test process goes on)


def test_a_printed_view_leaves_its_objects_to_the_exit(monkeypatch, capsys):
    code, out, frozen = _entry(monkeypatch, capsys, "--sections", str(sample_article()))
    assert code == 0 and out and frozen > 0


def test_a_refused_command_exits_as_usual(monkeypatch, capsys):
    code, _out, frozen = _entry(monkeypatch, capsys, "--function-words", str(sample_article()))
    assert code == 2 and frozen == 0


def test_the_printed_view_is_the_same_through_the_command():
    article = str(sample_article())
    run = subprocess.run([sys.executable, "-m", "reader", "--dump", article], capture_output=True, timeout=120)
    assert run.returncode == 0 and not run.stderr
    in_process = subprocess.run(
        [sys.executable, "-c", "import sys; from reader.cli import main; sys.exit(main())", "--dump", article],
        capture_output=True,
        timeout=120,
    )
    assert run.stdout == in_process.stdout
