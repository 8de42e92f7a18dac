"""CPU seconds of ``--figures`` and ``--dump`` in one worker, on the bundled sample, the 2 MB wild corpus, the 2 MB
sample-like corpus (pinyin notes, GBK-misaligned runs) and the 10 MB corpus's clean text,
against a bare Python regex scan of the same text and, when ``BENCH_BASELINE`` names a
checkout of an earlier commit (``git worktree add /tmp/old d0846d1``), against that commit's
kreader: every variant alternated pair by pair (issue 16's "within 10% of the release
before", issue 19's "within 10x of a regex scan").  CPU time, not wall time: the machine is
shared, and a process's own CPU seconds drift far less with the load.

``python tests/perf/bench.py cpu`` runs these rows alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from common import KREADER, ROOT, RUNS, row
from corpus import make_corpus, make_wild_corpus
from figures_rows import REGEX_SCAN, timed
from paired import MIN_PAIRS, alternate_calls, pair_ratios, spread

VIEWS = (("--figures", ["--figures", "--format", "json"]), ("--dump", ["--dump"]))


def baseline() -> Path | None:
    """The earlier commit's checkout to compare with (``BENCH_BASELINE``), if it holds kreader."""
    folder = os.environ.get("BENCH_BASELINE")
    if not folder or not (Path(folder) / "reader" / "cli.py").is_file():
        return None
    return Path(folder)


def _old_kreader(tree: Path) -> list[str]:
    # An old checkout may have no reader/__main__.py: its CLI is called the way its `kreader` command
    # calls it (entry() where it has one: that exit skips the teardown's collections, main() alone would
    # not), its folder first on the path (the current directory, this checkout, would come first otherwise).
    code = (
        f"import sys; sys.path.insert(0, {str(tree)!r}); sys.argv[0] = 'kreader'; import reader.cli as cli; "
        "sys.exit(cli.entry() if hasattr(cli, 'entry') else cli.main())"
    )
    return [sys.executable, "-c", code]


def clean_text(corpus: Path) -> Path:
    """The corpus's clean text (this version's ``--dump``): figures with nothing left to repair."""
    path = corpus.with_name(corpus.stem + "-clean.txt")
    dumped = subprocess.run([*KREADER, "--dump", str(corpus)], capture_output=True, cwd=ROOT, timeout=900, check=True)
    path.write_bytes(dumped.stdout)
    return path


def _cpu(argv: list[str], env: dict[str, str] | None = None):
    def run() -> float | None:
        got = timed(argv, 1, env)
        return got.cpu if got else None

    return run


def cpu_rows(corpora: list[tuple[str, Path]]) -> None:
    """One row per corpus and view: kreader's CPU seconds, MB/s, its ratio to the scan and to the baseline."""
    old = baseline()
    for label, path in corpora:
        size_mb = path.stat().st_size / 1e6
        for view, args in VIEWS:
            variants = {"now": _cpu([*KREADER, *args, str(path)])}
            variants["scan"] = _cpu([sys.executable, "-c", REGEX_SCAN, str(path)])
            if old is not None:
                variants["old"] = _cpu([*_old_kreader(old), *args, str(path)])
            got = alternate_calls(variants, max(RUNS, MIN_PAIRS))
            now = spread(got["now"])
            notes = [f"{size_mb / now.median:.2f} MB/s", f"/ regex scan {pair_ratios(got['now'], got['scan']).times()}"]
            if old is not None:
                notes.append(f"/ {old.name} {pair_ratios(got['now'], got['old']).times()} ({spread(got['old']).s()})")
            goal = "≤ 1.10× old" if old is not None else ("≤ 10× scan" if view == "--figures" else "")
            row(f"{view} CPU, 1 worker, {label}", now.s(), goal, "; ".join(notes) + f"; {len(got['now'])} pairs")


# Real articles, each read once: what a reader or a script pays per article.  The corpora repeat
# their sources' sentences hundreds of times, which flatters every cache keyed by text.
SHARED = ROOT.parent / "shared"
ARTICLE_GROUPS = (("dev-set articles, seed damage", False), ("dev-set articles, wild damage", True))


def article_group(wild: bool) -> list[Path]:
    """The dev sets' articles with the seed's damage, or with wild damage (``*.wild.txt``)."""
    return sorted(p for p in SHARED.glob("devset*/*.txt") if (".wild." in p.name) == wild)


def _all_cpu(argvs: list[list[str]]):
    """A run of every command in turn: their CPU seconds summed (None if one failed)."""

    def run() -> float | None:
        times = [_cpu(argv)() for argv in argvs]
        return None if None in times else sum(t for t in times if t is not None)

    return run


def article_rows() -> None:
    """``--figures`` CPU per real article, one process each, kreader and the baseline alternated
    article by article; the ratio is of each round's sums (``bench.py cpu``)."""
    old = baseline()
    args = ["--figures", "--format", "json"]
    for label, wild in ARTICLE_GROUPS:
        paths = article_group(wild)
        if not paths:
            continue
        variants = {"now": _all_cpu([[*KREADER, *args, str(p)] for p in paths])}
        if old is not None:
            variants["old"] = _all_cpu([[*_old_kreader(old), *args, str(p)] for p in paths])
        got = alternate_calls(variants, max(RUNS, MIN_PAIRS))
        per_article = spread([t / len(paths) if t is not None else None for t in got["now"]])
        notes = [f"{len(paths)} articles, each once"]
        if old is not None:
            notes.append(f"/ {old.name} {pair_ratios(got['now'], got['old']).times()}")
        row(f"--figures CPU per article, {label}", per_article.s(), "≤ 1.10× old" if old else "", "; ".join(notes))


def cpu_only() -> None:
    """The rows on the bundled sample (20 KB: its fixed costs, start-up and exit), the 2 MB wild and
    sample-like corpora and the 10 MB corpus's clean text (``bench.py cpu``)."""
    corpora = [("2 MB sample-like", make_corpus(2.0)), ("10 MB clean text", clean_text(make_corpus(10.0)))]
    corpora.insert(0, ("bundled sample (fixed costs)", ROOT / "assets" / "sample-article.txt"))
    wild = make_wild_corpus(2.0)
    if wild is not None:
        corpora.insert(0, ("2 MB wild", wild))
    cpu_rows(corpora)
    article_rows()
