"""`make bench`: kreader's speed and memory goals, measured against peers in the same run.

Prints one row per goal: the measured figure, the goal, and the ratio to a
peer where there is one (a bare Textual app showing one Static; `less` on the
same file, for reference).  Not part of `make test`: figures, not pass/fail.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from corpus import make_corpus  # noqa: E402
from ptyrun import run_in_pty  # noqa: E402

SAMPLE = ROOT / "assets" / "sample-article.txt"
KREADER = [sys.executable, "-m", "reader.cli"]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ROWS: list[tuple[str, str, str, str]] = []


def row(what: str, measured: str, goal: str, ratio: str = "") -> None:
    ROWS.append((what, measured, goal, ratio))
    print(f"  {what:<58} {measured:>14}   goal {goal:<10} {ratio}", flush=True)


def pty_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI")}
    env.update(TERM="xterm-256color", COLUMNS="100", LINES="30", **extra)
    return env


def median_run(argv: list[str], env: dict[str, str], marker: bytes | None = None, runs: int = RUNS):
    results = [run_in_pty(argv, env, marker=marker) for _ in range(runs)]
    return statistics.median(r.seconds for r in results), max(r.max_rss_mb for r in results), results


# ----------------------------------------------------------------------------- rows


def first_paint_sample() -> None:
    paint = pty_env(KREADER_EXIT_AFTER_PAINT="1")
    run_in_pty([*KREADER, str(SAMPLE)], paint)  # warm caches (jieba/lexicon/bytecode) once
    kreader_s, _, _ = median_run([*KREADER, str(SAMPLE)], paint)
    bare_s, _, _ = median_run([sys.executable, str(HERE / "bare_app.py"), str(SAMPLE)], pty_env())
    row("first paint, sample (exec → article on screen)", f"{kreader_s * 1000:.0f} ms", "≤ 1.3× bare",
        f"{kreader_s / bare_s:.2f}× bare Textual app ({bare_s * 1000:.0f} ms)")
    if shutil.which("less"):
        first_line = next(line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip())
        less_s, _, _ = median_run(["less", str(SAMPLE)], pty_env(LESSCHARSET="utf-8"), marker=first_line[:4].encode())
        row("  reference: less showing the same file", f"{less_s * 1000:.0f} ms", "", f"kreader = {kreader_s / less_s:.1f}× less")


def enrichment_ready_sample() -> None:
    code = r"""
import asyncio, time, sys
from reader.load import load_document
from reader.app import KreaderApp
async def main():
    app = KreaderApp(load_document(sys.argv[1]))
    async with app.run_test(size=(120, 36)) as pilot:
        t0 = time.perf_counter()
        await app.workers.wait_for_complete()
        await pilot.pause()
        doc = app.document
        assert doc.keywords and doc.figures, "enrichment incomplete"
        print(time.perf_counter() - t0, len(doc.figures), len(doc.keywords))
asyncio.run(main())
"""
    times = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True, cwd=ROOT, timeout=120)
        if out.returncode != 0:
            row("keywords + figures ready after first paint, sample", "failed", "≤ 1.0 s", out.stderr.strip()[-200:])
            return
        seconds, n_fig, n_kw = out.stdout.split()
        times.append(float(seconds))
    row("keywords + figures (labelled) ready after first paint, sample", f"{statistics.median(times):.2f} s", "≤ 1.0 s",
        f"{n_fig} figures, {n_kw} keywords")


def big_first_paint(corpus: Path) -> None:
    paint = pty_env(KREADER_EXIT_AFTER_PAINT="1")
    seconds, rss, _ = median_run([*KREADER, str(corpus)], paint, runs=3)
    bare_s, bare_rss, _ = median_run([sys.executable, str(HERE / "bare_app.py"), str(corpus)], pty_env(), runs=3)
    row("first paint, 10 MB text", f"{seconds:.2f} s", "≤ 1.0 s", f"{seconds / bare_s:.2f}× bare ({bare_s:.2f} s)")
    row("peak RSS, 10 MB text (to first paint)", f"{rss:.0f} MB", "≤ 250 MB", f"bare app {bare_rss:.0f} MB")


def interactive_big(corpus: Path) -> None:
    """Paging, script toggle and search on the 10 MB text, headless (Pilot), in this process."""
    from reader.app import KreaderApp
    from reader.load import load_document

    doc = load_document(corpus)

    async def main() -> None:
        app = KreaderApp(doc, enrich=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = app.article
            presses = []
            for _ in range(100):
                t0 = time.perf_counter()
                await pilot.press("pagedown")
                await pilot.pause()
                presses.append(time.perf_counter() - t0)
            row("page down ×100 on 10 MB, mean per press (headless, incl. render)",
                f"{statistics.mean(presses) * 1000:.1f} ms", "≤ 16 ms", f"max {max(presses) * 1000:.1f} ms")
            toggles = []
            for _ in range(5):
                t0 = time.perf_counter()
                await pilot.press("t")
                await pilot.pause()
                toggles.append(time.perf_counter() - t0)
            row("script toggle on 10 MB (visible part converted, repainted)",
                f"{statistics.mean(toggles) * 1000:.1f} ms", "≤ 30 ms", f"max {max(toggles) * 1000:.1f} ms")
            t0 = time.perf_counter()
            app.start_search("服务商")
            first = None
            while time.perf_counter() - t0 < 10:
                if view.hits and first is None:
                    first = time.perf_counter() - t0
                if not getattr(view, "searching", False) and view.hits:
                    break
                await asyncio.sleep(0.001)
            done = time.perf_counter() - t0
            row("search 服务商 (finds 服務商) on 10 MB: first hit", f"{(first or done) * 1000:.0f} ms", "≤ 50 ms",
                f"{len(view.hits)} hits")
            row("search on 10 MB: all hits", f"{done * 1000:.0f} ms", "≤ 1 s",
                "UI not blocked" if hasattr(view, "searching") else "synchronous (UI blocked meanwhile)")

    asyncio.run(main())


def figures_throughput(corpus: Path) -> None:
    size_mb = corpus.stat().st_size / 1e6
    t0 = time.perf_counter()
    proc = subprocess.run([*KREADER, "--figures", "--format", "json", str(corpus)], capture_output=True, cwd=ROOT, timeout=600)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        row("kreader --figures --format json, 10 MB", "failed", "≥ 5 MB/s", proc.stderr.decode()[-200:])
        return
    count = proc.stdout.count(b'"text"')
    row("kreader --figures --format json, 10 MB", f"{size_mb / seconds:.1f} MB/s", "≥ 5 MB/s",
        f"{seconds:.1f} s for {size_mb:.1f} MB, {count} figures")


def main() -> None:
    print(f"kreader benchmarks ({os.cpu_count()} cores, {RUNS} runs per median)")
    corpus = make_corpus(10.0)
    first_paint_sample()
    enrichment_ready_sample()
    big_first_paint(corpus)
    interactive_big(corpus)
    figures_throughput(corpus)


if __name__ == "__main__":
    main()
