"""The bench's pure helpers (tests/perf is not collected: it measures, it does not assert)."""

from __future__ import annotations

import doctest
import importlib
import math
import sys
from pathlib import Path

import pytest

PERF = Path(__file__).resolve().parent / "perf"


@pytest.fixture
def perf_module(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(PERF))

    def load(name: str):
        sys.modules.pop(name, None)
        return importlib.import_module(name)

    return load


@pytest.mark.parametrize("name", ["paired", "corpus"])
def test_bench_helper_doctests(perf_module, name: str) -> None:
    failed, tried = doctest.testmod(perf_module(name))
    assert tried > 0 and failed == 0


def test_pair_ratios_are_taken_pair_by_pair_not_from_medians(perf_module) -> None:
    paired = perf_module("paired")
    a, b = [1.0, 10.0, 10.0], [1.0, 5.0, 20.0]  # medians 10 and 5, but the pairs: 1, 2, 0.5
    assert paired.pair_ratios(a, b).median == 1.0
    assert paired.compare(a, b).ratio == paired.Spread(1.0, 0.5, 2.0)


def test_a_failed_run_is_left_out_not_counted_as_zero(perf_module) -> None:
    paired = perf_module("paired")
    assert paired.spread([None, 2.0, 4.0]).median == 3.0
    assert math.isnan(paired.pair_ratios([None], [1.0]).median)


def test_variants_alternate_at_least_the_minimum_pairs(perf_module) -> None:
    paired = perf_module("paired")
    order: list[str] = []
    paired.alternate_calls({"a": lambda: order.append("a"), "b": lambda: order.append("b")}, paired.MIN_PAIRS)
    assert order == ["a", "b"] * paired.MIN_PAIRS and paired.MIN_PAIRS >= 5


def test_wild_corpus_has_varied_damage(perf_module, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    corpus = perf_module("corpus")
    if corpus._make_wild() is None:
        pytest.skip("../shared/devset2/make_wild.py is not here")
    monkeypatch.setattr(corpus, "CORPUS_DIR", tmp_path)
    text = corpus.make_wild_corpus(0.2).read_text(encoding="utf-8")
    paragraphs = [line for line in text.splitlines() if len(line) > 20]
    assert len(set(paragraphs)) > 0.8 * len(paragraphs)


def test_cpu_rows_compare_with_a_baseline_only_when_it_is_a_checkout(perf_module, monkeypatch, tmp_path) -> None:
    cpu_rows = perf_module("cpu_rows")
    monkeypatch.delenv("BENCH_BASELINE", raising=False)
    assert cpu_rows.baseline() is None
    monkeypatch.setenv("BENCH_BASELINE", str(tmp_path))
    assert cpu_rows.baseline() is None  # no kreader there
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "cli.py").write_text("def main(): return 0\n")
    assert cpu_rows.baseline() == tmp_path
    argv = cpu_rows._old_kreader(tmp_path)
    assert argv[0] == sys.executable and repr(str(tmp_path)) in argv[-1]


def test_timed_runs_do_not_compile_every_module_anew(perf_module, monkeypatch: pytest.MonkeyPatch) -> None:
    # PYTHONDONTWRITEBYTECODE would charge a newer, larger checkout more than an older one
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    figures_rows = perf_module("figures_rows")
    probe = "import os, sys; sys.exit('PYTHONDONTWRITEBYTECODE' in os.environ)"
    assert figures_rows.timed([sys.executable, "-c", probe]) is not None
