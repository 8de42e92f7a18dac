"""The `--figures` and `--dump` rows: throughput against a bare regex scan, memory per MB, long lines."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from common import KREADER, ROOT, RUNS, row
from paired import MIN_PAIRS, pair_ratios, spread, steps_per_mb

# The floor of any Python pass over the text: read it, decode it, find every digit run and
# Chinese numeral run with one compiled regex (a whole process, as kreader's runs are).
REGEX_SCAN = r"""
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(sum(1 for _ in re.finditer(r"[0-9０-９]+(?:[.．][0-9]+)?|[零〇一二三四五六七八九十百千萬万億亿兩两]+", text)))
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float
    out: bytes


def timed(argv: list[str], jobs: int = 1, extra_env: dict[str, str] | None = None) -> Run | None:
    """One process: wall time, CPU time (wait4), its stdout; None if it failed (its peak RSS: :func:`peak_of`)."""
    # Without PYTHONDONTWRITEBYTECODE (see common.py): every run would compile kreader's modules
    # anew, which costs a newer, larger checkout more than an older one it is compared with.
    env = {**os.environ, "KREADER_JOBS": str(jobs), **(extra_env or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env=env) as p:
        out = p.stdout.read()  # type: ignore[union-attr]
        _pid, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    if p.returncode:
        return None
    return Run(seconds, usage.ru_utime + usage.ru_stime, out)


# A process forked from the bench starts with the bench's peak RSS (Linux keeps the larger of the
# two across exec), and the bench holds a whole 10 MB document by the memory rows: the command
# measured is started by this small launcher, whose own RSS is all it inherits, and the
# command's peak comes back on a pipe.
_PEAK_LAUNCHER = r"""
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_pid, status, usage = os.wait4(pid, 0)
os.write(int(sys.argv[1]), str(usage.ru_maxrss).encode())
sys.exit(os.waitstatus_to_exitcode(status))
"""


@dataclass(frozen=True)
class Peak:
    rss_mb: float
    out_bytes: int
    seconds: float


def peak_of(argv: list[str], jobs: int = 1) -> Peak | None:
    """``argv``'s peak RSS (its own, not the bench's), the size of its stdout (read as it comes,
    never held) and its wall time; None if it failed."""
    env = {**os.environ, "KREADER_JOBS": str(jobs)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    report, report_w = os.pipe()
    t0 = time.perf_counter()
    try:
        launcher = [sys.executable, "-c", _PEAK_LAUNCHER, str(report_w), *argv]
        with subprocess.Popen(launcher, stdout=subprocess.PIPE, cwd=ROOT, env=env, pass_fds=(report_w,)) as p:
            os.close(report_w)
            report_w = -1
            out = _drained(p.stdout)  # type: ignore[arg-type]
            failed = p.wait()
        kb = os.read(report, 64)
    finally:
        os.close(report)
        if report_w >= 0:
            os.close(report_w)
    if failed or not kb:
        return None
    return Peak(int(kb) / 1024, out, time.perf_counter() - t0)


def _drained(stream: BinaryIO) -> int:
    """The bytes read from ``stream`` to its end, a MB at a time (a book's JSON is never held)."""
    size = 0
    while chunk := stream.read(1 << 20):
        size += len(chunk)
    return size


def figures_argv(path: Path) -> list[str]:
    return [*KREADER, "--figures", "--format", "json", str(path)]


def figures_throughput(corpus: Path, label: str = "10 MB") -> None:
    """One worker, all workers and the regex scan, alternated pair by pair on the same file."""
    size_mb = corpus.stat().st_size / 1e6
    argv = figures_argv(corpus)
    cores = os.cpu_count() or 1
    runs: dict[str, list[Run | None]] = {"one": [], "all": [], "regex": []}
    for _ in range(max(RUNS, MIN_PAIRS)):
        runs["one"].append(timed(argv, 1))
        runs["all"].append(timed(argv, cores))
        runs["regex"].append(timed([sys.executable, "-c", REGEX_SCAN, str(corpus)]))
    if any(r is None for rs in runs.values() for r in rs):
        row(f"kreader --figures --format json, {label}", "failed", "≥ 5 MB/s", "a run failed")
        return
    secs = {k: [r.seconds for r in rs if r] for k, rs in runs.items()}
    outs = {r.out for r in runs["one"] + runs["all"] if r}
    same = "identical output" if len(outs) == 1 else "OUTPUTS DIFFER"
    first = runs["all"][0]
    assert first is not None
    figures = first.out.count(b'"text"')
    rate = spread([size_mb / s for s in secs["all"]])
    row(
        f"kreader --figures --format json, {label}",
        f"{rate.median:.1f} MB/s",
        "≥ 5 MB/s",
        f"{rate.low:.1f}–{rate.high:.1f}; {figures} figures, {cores} workers; {same} across "
        f"{len(secs['all'])} alternated pairs; 1 worker / {cores}: {pair_ratios(secs['one'], secs['all']).times()}",
    )
    row(
        "  --figures (1 worker) / a bare Python regex scan, same text",
        pair_ratios(secs["one"], secs["regex"]).times(),
        "≤ 10×",
        f"pair by pair; kreader {spread(secs['one']).s()}, scan {spread(secs['regex']).s()} (whole processes)",
    )
    cpu = statistics.median(r.cpu for r in runs["one"] if r)
    row(
        "  its limit: CPU time per MB, one process",
        f"{cpu / size_mb:.2f} s",
        "",
        f"pure-Python grammar and solver, {size_mb / cpu:.1f} MB/s per core",
    )
    if label != "10 MB":
        return
    clean_rate(corpus, argv, figures)
    code = r"""
import sys, time
from dataclasses import replace
from reader.load import load_path, document_from_cleaned
from reader.clean.passes import clean
from reader.text.script import detect_script
from reader.figures.extract import extract_figures, label_figures
from reader.output.figures_json import _json_of, _load_labeller
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
_json_of((replace(doc, figures=figs), "original"), None)  # as --format json writes them
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
            what = f"--figures json, one {size / 1e6:.2f} MB line of {unit!r}"
            peak = peak_of(argv)
            if peak is None:
                row(what, "failed", "linear", "a run failed")
                continue
            row(
                what,
                f"{peak.rss_mb:.0f} MB",
                "linear",
                f"peak RSS; output {peak.out_bytes / 1e6:.1f} MB ({peak.out_bytes / size:.0f}× the input) "
                f"in {peak.seconds:.0f} s",
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


MEMORY_SIZES = (1.0, 2.0, 5.0, 10.0)


def figures_memory(corpus_of: Callable[[float], Path]) -> None:
    """Peak RSS of one-worker ``--figures`` at 1, 2, 5 and 10 MB: what each further MB costs,
    step by step (equal steps: linear)."""
    peaks: dict[float, list[float | None]] = {mb: [] for mb in MEMORY_SIZES}
    for _ in range(3):
        for mb in peaks:
            peak = peak_of(figures_argv(corpus_of(mb)))
            peaks[mb].append(peak.rss_mb if peak else None)
    medians = [spread(peaks[mb]).median for mb in MEMORY_SIZES]
    steps = steps_per_mb(MEMORY_SIZES, medians)
    first, last = MEMORY_SIZES[0], MEMORY_SIZES[-1]
    row(
        f"--figures memory per MB (peak RSS, {first:g} → {last:g} MB, 1 worker)",
        f"{(medians[-1] - medians[0]) / (last - first):.1f} MB",
        "linear",
        "peaks "
        + ", ".join(f"{mb:g} MB: {m:.0f}" for mb, m in zip(MEMORY_SIZES, medians, strict=True))
        + " MB; per further MB, step by step: "
        + " / ".join(f"{s:.1f}" for s in steps)
        + f"; {_growth(steps)}",
    )


def _growth(steps: list[float]) -> str:
    """The last step against the first: how a cost grows (a first step of nothing, the start-up's
    peak still above the text's, says nothing of it).

    >>> _growth([17.5, 16.0]), _growth([0.0, 16.0])
    ('last step / first 0.91× (≤ 1.5×: linear)', 'first step 0.0 MB (the start-up peak dominates)')
    """
    if steps[0] <= 0:
        return f"first step {steps[0]:.1f} MB (the start-up peak dominates)"
    return f"last step / first {steps[-1] / steps[0]:.2f}× (≤ 1.5×: linear)"
