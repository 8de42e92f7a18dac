"""What the bench's rows share: the commands compared, the pty environment, the row printer."""

from __future__ import annotations

import os
import re
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from ptyrun import run_in_pty  # noqa: E402

SAMPLE = ROOT / "assets" / "sample-article.txt"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ROWS: list[tuple[str, str, str, str]] = []


KREADER = [sys.executable, "-m", "reader.cli"]  # what `kreader FILE` runs
BARE = [sys.executable, str(HERE / "bare_app.py")]


def row(what: str, measured: str, goal: str, ratio: str = "") -> None:
    ROWS.append((what, measured, goal, ratio))
    print(f"  {what:<62} {measured:>10}   goal {goal:<12} {ratio}", flush=True)


# Not passed on: PYTHONDONTWRITEBYTECODE would have kreader's modules compiled at every start (an
# install has them compiled, as the bare app's Textual has), a third of a second on one core.
_DROPPED = ("NO_COLOR", "CI", "TEXTUAL_DRIVER", "PYTHONDONTWRITEBYTECODE")


def pty_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env.update(TERM="xterm-256color", COLUMNS="100", LINES="30", **extra)
    return env


def first_words(text: str, n: int = 5) -> bytes:
    """The first ``n`` characters of the first paragraph (not a heading), as UTF-8: a screen marker."""
    for line in text.splitlines():
        line = line.strip()
        if len(line) > 2 * n and re.match(r"[\u4e00-\u9fff]", line):
            return line[:n].encode()
    raise ValueError("no marker")


def alternate(commands: dict[str, tuple[list[str], dict[str, str], bytes | None]], runs: int):
    """Run each command ``runs`` times, interleaved; per name: the runs."""
    results: dict[str, list] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, env, marker) in commands.items():
            results[name].append(run_in_pty(argv, env, marker=marker))
    return results


def med(values) -> float:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")
