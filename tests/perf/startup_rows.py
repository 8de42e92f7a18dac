"""Start-up rows: first paint on one core, the first run with an empty cache, paint by size."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from common import BARE, KREADER, RUNS, first_words, pty_env
from common import row as print_row
from paired import MIN_PAIRS, alternate_calls, compare
from ptyrun import run_in_pty

PAINT_SIZES_MB = (1.0, 2.0, 4.0, 8.0, 10.0)


def _paint(argv: list[str], env: dict[str, str], marker: bytes) -> Callable[[], float | None]:
    """A run to the first frame (the process exits right after it): exec → exit, seconds."""

    def run() -> float | None:
        result = run_in_pty(argv, env, marker=marker)
        return result.seconds if result.marker_seconds is not None else None

    return run


def _kreader_marker(text: str) -> bytes:
    from reader.load import document_from_text

    return first_words(document_from_text(text[:4000]).text)


def one_core_paint(path: Path, label: str) -> None:
    """kreader against the bare app, both pinned to one core (``taskset -c 0``), alternated."""
    if not shutil.which("taskset"):
        print_row(f"first paint on one core, {label}", "skipped", "≤ 1.3× bare", "no taskset")
        return
    text = path.read_text(encoding="utf-8")
    pin = ["taskset", "-c", "0"]
    runs = alternate_calls(
        {
            "kreader": _paint(
                [*pin, *KREADER, str(path)], pty_env(KREADER_EXIT_AFTER_PAINT="1"), _kreader_marker(text)
            ),
            "bare": _paint([*pin, *BARE, str(path)], pty_env(), first_words(text, 4)),
        },
        max(RUNS, MIN_PAIRS),
    )
    c = compare(runs["kreader"], runs["bare"])
    print_row(
        f"first paint on one core, {label}",
        c.a.ms(),
        "≤ 1.3× bare",
        f"{c.ratio.times()} bare ({c.b.ms()}), {c.pairs} pairs",
    )


def first_run_paint(path: Path) -> None:
    """The first paint with an empty cache (a new KREADER_CACHE_DIR per run) against a warm one."""
    text = path.read_text(encoding="utf-8")
    marker = _kreader_marker(text)
    warm_dir = Path(tempfile.mkdtemp(prefix="kreader-bench-warm-"))
    warm_env = pty_env(KREADER_EXIT_AFTER_PAINT="1", KREADER_CACHE_DIR=str(warm_dir))
    run_in_pty([*KREADER, str(path)], warm_env, marker=marker)  # fills the warm cache

    def cold() -> float | None:
        with tempfile.TemporaryDirectory(prefix="kreader-bench-cold-") as empty:
            env = pty_env(KREADER_EXIT_AFTER_PAINT="1", KREADER_CACHE_DIR=empty)
            return _paint([*KREADER, str(path)], env, marker)()

    runs = alternate_calls(
        {"cold": cold, "warm": _paint([*KREADER, str(path)], warm_env, marker)}, max(RUNS, MIN_PAIRS)
    )
    shutil.rmtree(warm_dir, ignore_errors=True)
    c = compare(runs["cold"], runs["warm"])
    print_row(
        "first run (empty cache), sample, first paint",
        c.a.ms(),
        "≤ 1.3× warm",
        f"{c.ratio.times()} warm ({c.b.ms()}), {c.pairs} pairs",
    )


def paint_by_size(corpus_of: Callable[[float], Path]) -> None:
    """First paint at 1/2/4/8/10 MB, each alternated with the bare app on the same file."""
    for mb in PAINT_SIZES_MB:
        path = corpus_of(mb)
        text = path.read_text(encoding="utf-8")
        runs = alternate_calls(
            {
                "kreader": _paint([*KREADER, str(path)], pty_env(KREADER_EXIT_AFTER_PAINT="1"), _kreader_marker(text)),
                "bare": _paint([*BARE, str(path)], pty_env(), first_words(text, 4)),
            },
            MIN_PAIRS,
        )
        c = compare(runs["kreader"], runs["bare"])
        print_row(f"first paint, {mb:g} MB", c.a.ms(), "flat, ≤ 1.0 s", f"{c.ratio.times()} bare ({c.b.ms()})")


def _open_lexicon_in(folder: Path | None) -> float:
    """Seconds to open the lexicon in ``folder`` (None: a new empty folder, so it is built)."""
    import time

    from reader.text.lexicon import open_lexicon

    with tempfile.TemporaryDirectory(prefix="kreader-bench-lexicon-") as empty:
        t0 = time.perf_counter()
        open_lexicon(folder or Path(empty)).close()
        return time.perf_counter() - t0


def lexicon_build() -> None:
    """What the first run waits for: the lexicon built into an empty cache, against opening a built one."""
    with tempfile.TemporaryDirectory(prefix="kreader-bench-lexicon-") as warm:
        _open_lexicon_in(Path(warm))
        runs = alternate_calls(
            {"build": lambda: _open_lexicon_in(None), "open": lambda: _open_lexicon_in(Path(warm))}, MIN_PAIRS
        )
    c = compare(runs["build"], runs["open"])
    print_row(
        "  the word list built into an empty cache (after first paint)",
        c.a.ms(),
        "not before paint",
        f"{c.ratio.times()} opening a built one ({c.b.ms()}), {c.pairs} pairs",
    )
