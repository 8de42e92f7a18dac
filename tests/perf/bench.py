"""`make bench`: kreader's speed and memory goals, measured against peers in the same run.

Prints one row per goal: the measured figure, the goal, and the ratio to a
peer where there is one (a bare Textual app showing one Static; `less` on the
same file, for reference).  Not part of `make test`: figures, not pass/fail.

How each figure is taken (all in this run, on this machine):

* first paint: exec -> exit of a process that exits right after its first
  frame (KREADER_EXIT_AFTER_PAINT=1; the bare app exits the same way), in a
  real pty; also exec -> the article's first words in the pty output (the
  frame itself, without the exit), for both.  kreader and the bare app
  alternate run by run, so a busy machine slows both alike.
* peak RSS: of the process tree (wait4), up to the whole article opened.
* paging, script toggle: keys sent to the app's driver headless, timed to the
  frames they cause (tests/perf/frames.py); Pilot's own figure (it sleeps at
  least 3 x 20 ms per key) and the view's own cost are printed beside it.
* search: time to the first hit shown and to all hits; the longest stall of
  the event loop meanwhile.
"""

from __future__ import annotations

import asyncio
import os
import re
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
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ROWS: list[tuple[str, str, str, str]] = []


KREADER = [sys.executable, "-m", "reader.cli"]  # what `kreader FILE` runs
BARE = [sys.executable, str(HERE / "bare_app.py")]


def row(what: str, measured: str, goal: str, ratio: str = "") -> None:
    ROWS.append((what, measured, goal, ratio))
    print(f"  {what:<62} {measured:>10}   goal {goal:<12} {ratio}", flush=True)


def pty_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI", "TEXTUAL_DRIVER")}
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


# ----------------------------------------------------------------------------- rows


def first_paint_sample() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    from reader.load import load_document

    clean_marker = first_words(load_document(SAMPLE).text)
    paint = pty_env(KREADER_EXIT_AFTER_PAINT="1")
    run_in_pty([*KREADER, str(SAMPLE)], paint)  # warm caches (lexicon, bytecode) once
    runs = alternate(
        {
            "kreader": ([*KREADER, str(SAMPLE)], paint, clean_marker),
            "bare": ([*BARE, str(SAMPLE)], pty_env(), first_words(text, 4)),
        },
        max(RUNS, 5),
    )
    k_exit, b_exit = med(r.seconds for r in runs["kreader"]), med(r.seconds for r in runs["bare"])
    k_paint = med(r.marker_seconds for r in runs["kreader"])
    b_paint = med(r.marker_seconds for r in runs["bare"])
    row(
        "first paint, sample (exec → painted, exits)",
        f"{k_exit * 1000:.0f} ms",
        "≤ 1.3× bare",
        f"{k_exit / b_exit:.2f}× bare Textual app ({b_exit * 1000:.0f} ms)",
    )
    row(
        "  the same, exec → article's first words in the pty",
        f"{k_paint * 1000:.0f} ms",
        "",
        f"{k_paint / b_paint:.2f}× bare ({b_paint * 1000:.0f} ms)",
    )
    if shutil.which("less"):
        less = [
            run_in_pty(
                ["less", "-PsLESS-PAINTED", str(SAMPLE)],
                pty_env(LESSCHARSET="utf-8"),
                marker=b"LESS-PAINTED",
                kill_at_marker=True,
            )
            for _ in range(3)
        ]
        less_s = med(r.seconds for r in less)
        row(
            "  reference: less on the same file (exec → its prompt)",
            f"{less_s * 1000:.1f} ms",
            "",
            f"kreader's paint = {k_paint / less_s:.0f}× less",
        )


def enrichment_ready_sample() -> None:
    # Polls the app's document (not wait_for_complete): ready = keywords and labelled figures shown.
    code = r"""
import asyncio, time, sys
from reader.load import load_document
from widgets.app import KreaderApp
async def main():
    painted = []
    class Timed(KreaderApp):
        def on_article_view_first_paint(self):
            painted.append(time.perf_counter())
    app = Timed(load_document(sys.argv[1]))
    async with app.run_test(size=(120, 36)) as pilot:
        while not painted:
            await asyncio.sleep(0.001)
        while time.perf_counter() - painted[0] < 30:
            doc = app.document
            if doc.keywords and doc.figures and any(f.label for f in doc.figures):
                break
            await asyncio.sleep(0.002)
        print(time.perf_counter() - painted[0], len(doc.figures), len(doc.keywords))
asyncio.run(main())
"""
    times = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True, cwd=ROOT, timeout=120
        )
        if out.returncode != 0:
            row("keywords + labelled figures shown, sample", "failed", "≤ 1.0 s", out.stderr.strip()[-200:])
            return
        seconds, n_fig, n_kw = out.stdout.split()
        times.append(float(seconds))
    row(
        "keywords + labelled figures shown after first paint, sample",
        f"{statistics.median(times):.2f} s",
        "≤ 1.0 s",
        f"{n_fig} figures, {n_kw} keywords (first run in a process: jieba loads)",
    )


def big_first_paint(corpus: Path) -> None:
    from reader.load import document_from_text

    raw = corpus.read_text(encoding="utf-8")
    marker = first_words(document_from_text(raw[:4000]).text)
    runs = alternate(
        {
            "kreader": ([*KREADER, str(corpus)], pty_env(KREADER_EXIT_AFTER_PAINT="1"), marker),
            "bare": ([*BARE, str(corpus)], pty_env(), first_words(raw, 4)),
        },
        3,
    )
    k_exit, b_exit = med(r.seconds for r in runs["kreader"]), med(r.seconds for r in runs["bare"])
    k_paint = med(r.marker_seconds for r in runs["kreader"])
    row(
        "first paint, 10 MB text (exec → painted, exits)",
        f"{k_exit:.2f} s",
        "≤ 1.0 s",
        f"{k_exit / b_exit:.2f}× bare ({b_exit:.2f} s); to the first words {k_paint:.2f} s",
    )
    opened = [run_in_pty([*KREADER, str(corpus)], pty_env(KREADER_EXIT_AFTER_OPEN="1"), timeout=120) for _ in range(2)]
    row(
        "  whole 10 MB article cleaned, parsed and shown (preview meanwhile)",
        f"{med(r.seconds for r in opened):.2f} s",
        "",
        "the cleaning runs in a child process",
    )
    sampled = [
        run_in_pty([*KREADER, str(corpus)], pty_env(KREADER_EXIT_AFTER_OPEN="1"), timeout=120, sample_rss=True)
        for _ in range(2)
    ]
    painted = [
        run_in_pty([*KREADER, str(corpus)], pty_env(KREADER_EXIT_AFTER_PAINT="1"), sample_rss=True) for _ in range(2)
    ]
    bare = [run_in_pty([*BARE, str(corpus)], pty_env(), sample_rss=True) for _ in range(2)]
    rss = max(r.max_rss_mb for r in sampled)
    row(
        "peak RSS, 10 MB text, whole article open (process tree)",
        f"{rss:.0f} MB",
        "≤ 250 MB",
        f"reader + its cleaning child, sampled; bare app {max(r.max_rss_mb for r in bare):.0f} MB; "
        f"to first paint {max(r.max_rss_mb for r in painted):.0f} MB",
    )


async def log_paging(corpus: Path, presses: int = 100) -> float:
    """Mean key → frame of page down in Textual's Log widget on the corpus (the paging peer)."""
    from bare_app import LogApp
    from frames import FrameClock

    app = LogApp(corpus.read_text(encoding="utf-8").splitlines())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        clock = FrameClock(app)
        first = [(await clock.key("pagedown"))[0] for _ in range(presses)]
    return statistics.mean(first)


def interactive_big(corpus: Path) -> None:
    """Paging, script toggle and search on the 10 MB text, headless, in this process."""
    from frames import FrameClock, StallMeter

    from reader.load import load_document
    from widgets.app import KreaderApp

    doc = load_document(corpus)

    async def main() -> None:
        app = KreaderApp(doc, enrich=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = app.article
            clock = FrameClock(app)
            presses = [await clock.key("pagedown") for _ in range(100)]
            first = [p[0] for p in presses]
            last = [p[1] for p in presses]
            peer = await log_paging(corpus)
            mean = statistics.mean(first)
            row(
                "page down ×100 on 10 MB: key → text on screen (mean, headless)",
                f"{mean * 1000:.1f} ms",
                "≤ 16 ms",
                f"p90 {sorted(first)[89] * 1000:.0f} ms; status line and panels: {statistics.mean(last) * 1000:.0f} ms",
            )
            row(
                "    peer: Textual's Log widget paging the same lines, full screen",
                f"{peer * 1000:.1f} ms",
                "",
                f"kreader = {mean / peer:.2f}× (the Log neither wraps nor styles)",
            )
            crop = view.size.region
            t0 = time.perf_counter()
            for _ in range(50):
                view.action_page(1)
                view.post_moved()
                view.render_lines(crop)
            own = (time.perf_counter() - t0) / 50
            pilot_presses = []
            for _ in range(20):
                t0 = time.perf_counter()
                await pilot.press("pagedown")
                await pilot.pause()
                pilot_presses.append(time.perf_counter() - t0)
            row(
                "  the view's own cost per page (scroll + wrap + render a screen)",
                f"{own * 1000:.1f} ms",
                "",
                f"under Pilot (press + pause, ≥ 60 ms of sleeps): {statistics.mean(pilot_presses) * 1000:.0f} ms",
            )
            toggles = [await clock.key("t") for _ in range(8)]
            row(
                "script toggle on 10 MB (visible part converted, repainted)",
                f"{statistics.mean(t[0] for t in toggles) * 1000:.1f} ms",
                "≤ 30 ms",
                f"max {max(t[0] for t in toggles) * 1000:.0f} ms; header: {statistics.mean(t[1] for t in toggles) * 1000:.0f} ms",
            )
            for query, note in (
                ("服务商", "finds 服務商 too"),
                ("操盘手", "a rarer word, in the other script"),
                ("海外市場", "absent: every chunk searched"),
            ):
                await search(app, view, query, note)

        # The same with the enrichment done: 58,872 figures in the panel, keywords highlighted.
        from reader.enrich import enrich

        t0 = time.perf_counter()
        enriched = enrich(doc)
        seconds = time.perf_counter() - t0
        app = KreaderApp(enriched, enrich=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            clock = FrameClock(app)
            presses = [await clock.key("pagedown") for _ in range(100)]
            row(
                "  page down ×100 once enriched (figures panel, keywords)",
                f"{statistics.mean(p[0] for p in presses) * 1000:.1f} ms",
                "≤ 16 ms",
                f"p90 {sorted(p[0] for p in presses)[89] * 1000:.0f} ms; {len(enriched.figures)} figures, "
                f"enrichment took {seconds:.1f} s",
            )
            # The figures panel's own share: the figures arriving in it (ordered, sized, painted), then
            # their labels, on the UI thread; what it keeps (tracemalloc, a second run).
            import gc
            import tracemalloc
            from dataclasses import replace

            panel = app.figures
            bare = replace(enriched, figures=())
            unlabelled = replace(enriched, figures=tuple(replace(f, label="") for f in enriched.figures))
            gc.freeze()  # as the app's set_document does: a full collection's pause is not the panel's
            arrivals, relabels = [], []
            for _ in range(RUNS):
                panel.update_document(bare)
                await pilot.pause()
                t0 = time.perf_counter()
                panel.update_document(unlabelled)
                await pilot.pause()
                arrivals.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                panel.update_document(enriched)
                await pilot.pause()
                relabels.append(time.perf_counter() - t0)
            arrive, labels = statistics.median(arrivals), statistics.median(relabels)
            panel.update_document(bare)
            await pilot.pause()
            tracemalloc.start()
            panel.update_document(enriched)
            await pilot.pause()
            kept = tracemalloc.get_traced_memory()[0]
            tracemalloc.stop()
            row(
                f"  figures panel: {len(enriched.figures):,} figures arrive (ordered, sized, painted)",
                f"{arrive * 1000:.0f} ms",
                "≤ 100 ms",
                f"median of {RUNS}, max {max(arrivals) * 1000:.0f} ms; labels arriving: {labels * 1000:.0f} ms; "
                f"the panel keeps {kept / 1e6:.1f} MB",
            )

    async def search(app, view, query: str, note: str) -> None:
        with StallMeter() as stall:
            t0 = time.perf_counter()
            app.start_search(query)  # the search bar's Changed message sets the view's query
            first = None
            while time.perf_counter() - t0 < 10:
                if first is None and view.search.current >= 0:
                    first = time.perf_counter() - t0
                if view.search_query == query and not view.searching:
                    break
                await asyncio.sleep(0.0005)
            done = time.perf_counter() - t0
        hits = len(view.search.hits)
        app.article.search_query = ""
        if first is None:
            row(f"search {query} on 10 MB ({note})", "no hit", "", f"said after {done * 1000:.0f} ms")
        else:
            row(
                f"search {query} on 10 MB: first hit shown{' (' + note + ')' if note else ''}",
                f"{first * 1000:.0f} ms",
                "≤ 50 ms",
                f"{hits} hits",
            )
        row(
            f"  all hits for {query}",
            f"{done * 1000:.0f} ms",
            "≤ 1 s",
            f"UI not blocked: longest event-loop stall {stall.longest * 1000:.0f} ms",
        )

    asyncio.run(main())


def enriched_memory(corpus: Path) -> None:
    """A whole session's memory: the article opened, figures, labels and keywords shown (headless)."""
    code = r"""
import asyncio, resource, sys, time
from widgets.app import KreaderApp
from reader.pipeline import open_document
sys.path.insert(0, sys.argv[2])
from ptyrun import tree_rss_mb
import os
async def main():
    app = KreaderApp(open_document(sys.argv[1]))
    peak = 0.0
    async with app.run_test(size=(100, 30)):
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 300:
            peak = max(peak, tree_rss_mb(os.getpid()))
            await asyncio.sleep(0.05)
            doc = app.document
            if app.opening.done() and not app.enrichment and doc.keywords and any(f.label for f in doc.figures):
                break
        print(time.perf_counter() - t0, peak)
asyncio.run(main())
"""
    out = subprocess.run(
        [sys.executable, "-c", code, str(corpus), str(HERE)], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    if out.returncode != 0:
        row("peak RSS, 10 MB, once enriched", "failed", "≤ 250 MB", out.stderr.strip()[-200:])
        return
    seconds, peak = (float(x) for x in out.stdout.split()[-2:])
    row(
        "  peak RSS once enriched (58,872 figures in the panel; headless)",
        f"{peak:.0f} MB",
        "≤ 250 MB",
        f"opened and enriched in {seconds:.1f} s",
    )


def figures_throughput(corpus: Path) -> None:
    size_mb = corpus.stat().st_size / 1e6
    argv = [sys.executable, "-m", "reader.cli", "--figures", "--format", "json", str(corpus)]
    timed: dict[int, tuple[float, float, bytes]] = {}
    cores = os.cpu_count() or 1
    for jobs in sorted({1, cores}):
        t0 = time.perf_counter()
        cpu0 = os.times()
        proc = subprocess.run(
            argv, capture_output=True, cwd=ROOT, timeout=900, env={**os.environ, "KREADER_JOBS": str(jobs)}
        )
        cpu1 = os.times()
        seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            row("kreader --figures --format json, 10 MB", "failed", "≥ 5 MB/s", proc.stderr.decode()[-200:])
            return
        cpu = (cpu1.children_user - cpu0.children_user) + (cpu1.children_system - cpu0.children_system)
        timed[jobs] = (seconds, cpu, proc.stdout)
    seconds, cpu, out = timed[cores]
    one = timed[1][0]
    same = "identical output" if timed[1][2] == out else "OUTPUT DIFFERS"
    figures = out.count(b'"text"')
    row(
        "kreader --figures --format json, 10 MB",
        f"{size_mb / seconds:.1f} MB/s",
        "≥ 5 MB/s",
        f"{seconds:.1f} s, {figures} figures, {cores} worker processes; "
        f"in one process {size_mb / one:.1f} MB/s ({one / seconds:.2f}× the time, {same})",
    )
    row(
        "  its limit: CPU time per MB, all processes",
        f"{cpu / size_mb:.2f} s",
        "",
        f"{cpu:.1f} s of CPU: pure-Python grammar and solver, {size_mb / cpu:.1f} MB/s per core",
    )
    clean_rate(corpus, argv, figures)
    code = r"""
import sys, time
from reader.load import load_path, document_from_cleaned
from reader.clean.passes import clean
from reader.text.script import detect_script
from reader.figures.extract import extract_figures, label_figures, figure_to_json
from reader.output.figures_json import _ITEM, _load_labeller
decoded = load_path(sys.argv[1])
mark = [("start", time.perf_counter())]
cleaned = clean(decoded.text, progress=lambda name: mark.append((name, time.perf_counter())))
mark.append(("parse", time.perf_counter()))
doc = document_from_cleaned(cleaned, sys.argv[1], decoded.encoding, 0, detect_script)
mark.append(("segmenter", time.perf_counter()))
_load_labeller(2)
mark.append(("extract", time.perf_counter()))
figs = extract_figures(doc)
mark.append(("label", time.perf_counter()))
figs = label_figures(doc, figs)
mark.append(("JSON", time.perf_counter()))
",".join(_ITEM.encode(figure_to_json(f, doc)) for f in figs)
mark.append(("", time.perf_counter()))
print(" / ".join(f"{name} {b - a:.2f}" for (name, a), (_n, b) in zip(mark, mark[1:]) if name != "start"))
"""
    out = subprocess.run(
        [sys.executable, "-c", code, str(corpus)], capture_output=True, text=True, cwd=ROOT, timeout=900
    )
    if out.returncode == 0:
        row("  one process's stages (s)", "", "", out.stdout.strip())


def clean_rate(corpus: Path, argv: list[str], figures: int) -> None:
    """The same figures from the corpus's clean text (``--dump``: nothing left to repair), so
    the row above splits into what cleaning costs and what the figures themselves cost."""
    clean_copy = corpus.with_name(corpus.stem + "-clean.txt")  # made anew: it is this version's cleaning
    dumped = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--dump", str(corpus)],
        capture_output=True,
        cwd=ROOT,
        timeout=900,
        check=True,
    )
    clean_copy.write_bytes(dumped.stdout)
    size_mb = clean_copy.stat().st_size / 1e6
    t0 = time.perf_counter()
    cpu0 = os.times()
    proc = subprocess.run([*argv[:-1], str(clean_copy)], capture_output=True, cwd=ROOT, timeout=900)
    cpu1 = os.times()
    seconds = time.perf_counter() - t0
    cpu = (cpu1.children_user - cpu0.children_user) + (cpu1.children_system - cpu0.children_system)
    found = proc.stdout.count(b'"text"')
    same = "the same figures" if found == figures else f"{found} figures, NOT {figures}"
    row(
        f"  the same on its clean text ({size_mb:.1f} MB, no repairs)",
        f"{size_mb / seconds:.1f} MB/s",
        "",
        f"{seconds:.1f} s, {same}; {cpu / size_mb:.2f} s of CPU per MB",
    )


# Lines without a full stop, the shapes that made every figure carry the whole line
# (issue 13, item 9): the output and the memory must grow linearly with the line.
LONG_LINES = (
    ("1元，", (64 * 1024, 1 << 20, 5 << 20)),  # a figure per clause
    ("1元", (64 * 1024, 1 << 20)),  # no clause mark at all (5 MB: the labeller takes a quarter hour)
    ("銷售額增長了3.5%，", (1 << 20,)),
)


def long_lines() -> None:
    """``--figures --format json`` on one long line, in one process: output size and peak RSS."""
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / "kreader-bench-lines"
    folder.mkdir(exist_ok=True)
    for unit, sizes in LONG_LINES:
        for size in sizes:
            path = folder / f"{len(unit)}-{size}.txt"
            path.write_text("標題\n" + unit * (size // len(unit.encode())) + "\n", encoding="utf-8")
            argv = [sys.executable, "-m", "reader.cli", "--figures", "--format", "json", str(path)]
            t0 = time.perf_counter()
            with subprocess.Popen(argv, stdout=subprocess.PIPE, cwd=ROOT, env={**os.environ, "KREADER_JOBS": "1"}) as p:
                out = sum(len(chunk) for chunk in iter(lambda: p.stdout.read(1 << 20), b""))  # type: ignore[union-attr]
                _pid, status, usage = os.wait4(p.pid, 0)
                p.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.perf_counter() - t0
            what = f"--figures json, one {size / 1e6:.2f} MB line of {unit!r}"
            if p.returncode:
                row(what, "failed", "linear", f"exit {p.returncode}")
                continue
            row(
                what,
                f"{usage.ru_maxrss / 1024:.0f} MB",
                "linear",
                f"peak RSS; output {out / 1e6:.1f} MB ({out / size:.0f}× the input) in {seconds:.0f} s",
            )


def dump_rates(corpus: Path) -> None:
    """``--dump`` on the 10 MB corpus and on a 10 MB corpus with devset2's wild damage (mojibake
    families, lost bytes, tags, entities, page furniture), in MB/s: cleaning stays linear."""
    from corpus import make_wild_corpus

    for name, path in (("10 MB", corpus), ("10 MB wild (make_wild's damage)", make_wild_corpus(10.0))):
        if path is None:
            row(f"kreader --dump, {name}", "skipped", "", "../shared/devset2/make_wild.py is missing")
            continue
        size_mb = path.stat().st_size / 1e6
        t0 = time.perf_counter()
        proc = subprocess.run([*KREADER, "--dump", str(path)], capture_output=True, cwd=ROOT, timeout=900)
        seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            row(f"kreader --dump, {name}", "failed", "", proc.stderr.decode()[-200:])
            continue
        row(f"kreader --dump, {name}", f"{size_mb / seconds:.1f} MB/s", "", f"{seconds:.1f} s for {size_mb:.1f} MB")


def calibration_ms() -> float:
    """A fixed pure-Python workload (dicts, strings, a regex, sorting), best of three: how fast
    this machine is right now.  The machines this runs on differ by 1.5× from day to day (and
    drift within a run), so absolute figures are only comparable next to this one."""
    words = [f"{i * 7919 % 10007:05d}服務商{i % 97}" for i in range(60_000)]
    pattern = re.compile(r"(\d+)服務商(\d+)")
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        counts: dict[str, int] = {}
        for w in words:
            m = pattern.match(w)
            key = m.group(2) if m else w
            counts[key] = counts.get(key, 0) + len(w)
        sorted(words, key=lambda w: w[::-1])
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def main() -> None:
    print(
        f"kreader benchmarks ({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, "
        f"{RUNS} runs per median; machine speed: a fixed Python workload takes {calibration_ms():.0f} ms)"
    )
    corpus = make_corpus(10.0)
    first_paint_sample()
    enrichment_ready_sample()
    big_first_paint(corpus)
    enriched_memory(corpus)
    interactive_big(corpus)
    figures_throughput(corpus)
    long_lines()

    dump_rates(corpus)
    print(f"  (the fixed Python workload now takes {calibration_ms():.0f} ms)")


if __name__ == "__main__":
    main()
