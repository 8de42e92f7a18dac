"""Work spread over processes (reader.runtime.parallel) gives exactly what one process gives."""

from __future__ import annotations

import io
import os
import threading

import pytest

from reader.clean.passes import clean
from reader.load import document_from_text
from reader.output.figures_json import all_figure_items, write_figures_json
from reader.runtime import parallel
from reader.runtime.parallel import fork_map, line_pieces, pieces_for
from tests.conftest import DEVSET, SAMPLE, run_cli


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of a few thousand characters, so a test-sized text is cut into many."""
    monkeypatch.setattr(parallel, "MIN_PIECE", 3000)


def _long_text() -> str:
    """The sample and a dev-set article, several times over: mojibake runs, pinyin notes,
    figures and sections in every piece."""
    texts = [SAMPLE.read_text(encoding="utf-8"), (DEVSET / "d1.txt").read_text(encoding="utf-8")]
    return "\n".join(texts * 3)


def _pid(_shared, _item) -> int:
    return os.getpid()


def test_line_pieces_cover_the_text_and_end_at_line_breaks():
    text = "一二三\n四五\n\n六七八九\n十"
    spans = line_pieces(text, 2)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(text[end - 1] == "\n" for _start, end in spans[:-1])


def test_pieces_for_one_job_is_the_whole_text(small_pieces):
    text = _long_text()
    assert pieces_for(text, 1) == [(0, len(text))]
    assert len(pieces_for(text, 2)) > 2


def test_fork_map_uses_other_processes():
    pids = fork_map(_pid, None, list(range(4)), jobs=2)
    assert os.getpid() not in pids


def test_fork_map_stays_in_process_when_threads_run():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert fork_map(_pid, None, list(range(4)), jobs=2) == [os.getpid()] * 4
    finally:
        stop.set()
        thread.join()


def test_parallel_cleaning_is_the_same_as_serial(small_pieces):
    text = _long_text()
    one, two = clean(text, jobs=1), clean(text, jobs=2)
    assert two.text == one.text
    assert list(two.repairs) == list(one.repairs)
    assert dict(two.readings) == dict(one.readings)
    assert any(r.kind == "mojibake" for r in one.repairs) and any(r.kind == "pinyin" for r in one.repairs)


@pytest.mark.parametrize("script", ["original", "simp"])
def test_parallel_figures_json_is_byte_identical(small_pieces, script):
    doc = document_from_text(_long_text(), "long.txt")
    one, two = io.StringIO(), io.StringIO()
    write_figures_json(doc, script, one, jobs=1)
    write_figures_json(doc, script, two, jobs=2)
    assert two.getvalue() == one.getvalue()
    assert one.getvalue().count('"text"') > 100
    assert all_figure_items(doc, script, 2) == all_figure_items(doc, script, 1)


def test_figures_json_of_a_document_without_figures():
    out = io.StringIO()
    write_figures_json(document_from_text("沒有數字的文章。"), "original", out, jobs=2)
    assert out.getvalue().endswith('"figures": []\n}\n')


@pytest.mark.parametrize("jobs", [1, 2])
def test_cleaning_without_a_repair_log_gives_the_same_text(small_pieces, monkeypatch, jobs):
    from reader.clean import passes as clean_module

    text = _long_text()
    monkeypatch.setattr(clean_module, "_PIECE", 4000)  # one process, still piece by piece
    full = clean(text, jobs=jobs)
    _no_explaining(monkeypatch)
    bare = clean(text, jobs=jobs, record=False)
    assert len(full.repairs) > 100 and len(full.readings) > 50
    assert bare.text == full.text
    assert len(bare.repairs) == 0 and len(bare.readings) == 0


def test_a_short_text_cleaned_without_a_repair_log_gives_the_same_text(monkeypatch):
    text = SAMPLE.read_text(encoding="utf-8")  # one piece: the passes run on the whole text
    full = clean(text)
    _no_explaining(monkeypatch)
    assert clean(text, record=False).text == full.text
    assert any(r.kind == "mojibake" for r in full.repairs)


def _no_explaining(monkeypatch) -> None:
    """Cleaning that keeps no log must not work out what a log would show (the lost
    characters' alternatives, the notes): that is a sixth of the mojibake solver's time."""
    from reader.clean.mojibake import solve as mojibake_solve

    def explaining(*_args):
        raise AssertionError("a repair was explained, but nothing keeps the explanation")

    monkeypatch.setattr(mojibake_solve, "_alternatives", explaining)
    monkeypatch.setattr(mojibake_solve, "_edit", explaining)


def test_figures_cli_output_is_the_same_without_the_repair_log():
    # --figures cleans without recording repairs; what it prints is what a full load gives
    import json

    out = run_cli("--figures", "--format", "json", str(SAMPLE))
    doc = document_from_text(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))
    buf = io.StringIO()
    write_figures_json(doc, "original", buf, jobs=1)
    assert json.loads(out.stdout)["figures"] == json.loads(buf.getvalue())["figures"]
