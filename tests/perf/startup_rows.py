"""Start-up rows: first paint on one core and on two, the first run with an empty cache, paint by size.

Every first-paint row alternates kreader with the bare Textual app run by run (A B A B ...) and,
when ``BENCH_BASELINE`` names a checkout of an earlier commit, with that commit's kreader too
(A B C A B C ...): the row then says how the two commits compare, pair by pair, in the same minutes.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from common import BARE, KREADER, ROOT, RUNS, first_words, pty_env
from common import row as print_row
from cpu_rows import _old_kreader, baseline
from paired import MIN_PAIRS, alternate_calls, compare, pair_ratios
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


def _paint_variants(path: Path, pin: list[str]) -> dict[str, Callable[[], float | None]]:
    """kreader, the earlier commit's (``BENCH_BASELINE``, if set) and the bare app, to the first frame."""
    text = path.read_text(encoding="utf-8")
    marker, env = _kreader_marker(text), pty_env(KREADER_EXIT_AFTER_PAINT="1", PYTHONPATH=str(ROOT))
    variants = {"kreader": _paint([*pin, *KREADER, str(path)], env, marker)}
    old = baseline()
    if old is not None:
        variants["before"] = _paint(
            [*pin, *_old_kreader(old), str(path)], pty_env(KREADER_EXIT_AFTER_PAINT="1"), marker
        )
    variants["bare"] = _paint([*pin, *BARE, str(path)], pty_env(), first_words(text, 4))
    return variants


def paint_row(path: Path, label: str, goal: str, *, one_core: bool = False, pairs: int = 0) -> None:
    """One first-paint row: kreader against the bare app (and the earlier commit), alternated."""
    what = f"first paint on {'one core' if one_core else 'two cores'}, {label}"
    if one_core and not shutil.which("taskset"):
        print_row(what, "skipped", goal, "no taskset")
        return
    runs = alternate_calls(
        _paint_variants(path, ["taskset", "-c", "0"] if one_core else []), pairs or max(RUNS, MIN_PAIRS)
    )
    c = compare(runs["kreader"], runs["bare"])
    note = f"{c.ratio.times()} bare ({c.b.ms()}), {c.pairs} pairs"
    if "before" in runs:
        note += f"; {pair_ratios(runs['kreader'], runs['before']).times()} the baseline ({compare(runs['before'], runs['bare']).ratio.times()} bare)"
    print_row(what, c.a.ms(), goal, note)


def one_core_paint(path: Path, label: str) -> None:
    """kreader against the bare app, both pinned to one core (``taskset -c 0``), alternated."""
    paint_row(path, label, "≤ 1.3× bare", one_core=True)


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
        paint_row(corpus_of(mb), f"{mb:g} MB", "flat, ≤ 1.0 s", pairs=MIN_PAIRS)


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
