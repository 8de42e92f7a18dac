"""The first paint waits for neither the word list's build (first run) nor the mojibake passes:
an early preview cleaned without them is shown, the whole article replaces it (issue 19)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

from pilot import sync, until
from test_progressive import HeldOpening

import reader.pipeline as pipeline
import reader.text.lexicon as lexicon_module
from reader.clean.passes import clean
from widgets.app import KreaderApp
from widgets.loading import EARLY_NOTICE

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def test_the_early_passes_never_open_the_word_list(monkeypatch, sample_text, sample_doc):
    def refuse(directory):
        raise AssertionError("the word list was opened")

    monkeypatch.setattr(lexicon_module, "_instance", None)
    monkeypatch.setattr(lexicon_module, "open_lexicon", refuse)
    early = clean(sample_text, pipeline.without_word_list())
    assert "<b>" not in early.text and "(guò)" not in early.text  # HTML and pinyin notes are done
    assert early.text != sample_doc.text  # the mojibake is left for the whole article


def _sent_preview(monkeypatch, text: str, head: str | None, cores: int, built: bool, held=None) -> tuple[list, list]:
    """What ``_preview`` sends, and the niceness it asks for, with the cores and the word list given
    (``held``: a list the waits for the reader's first frame go to, with what was sent by then)."""
    import reader.runtime.parallel as parallel

    sent, niced = [], []
    monkeypatch.setattr(parallel, "available_cores", lambda: cores)
    monkeypatch.setattr(lexicon_module, "lexicon_built", lambda directory=None: built)
    monkeypatch.setattr(lexicon_module, "lexicon", lambda: sent.append(("built", None)))
    monkeypatch.setattr(os, "nice", lambda n: (niced.append(n), sent.append(("nice", n))))

    def hold(limit: float) -> bool:
        (held if held is not None else []).append((limit, list(sent), list(niced)))
        return True

    pipeline._preview(text, head, lambda kind, payload: sent.append((kind, payload)), hold)
    return sent, niced


def test_on_one_core_the_child_waits_for_the_first_frame_before_the_rest(monkeypatch, sample_text):
    """The whole article and the first run's word list would take the only core from Textual's
    start-up: after the preview the child waits for the reader's first frame (issue 19)."""
    held: list = []
    sent, _niced = _sent_preview(monkeypatch, sample_text, None, cores=1, built=False, held=held)
    (limit, sent_by_then, niced_by_then), *more = held
    assert not more and limit == pipeline.HOLD_LIMIT
    assert [kind for kind, _ in sent_by_then] == ["preview"]  # the preview first, then the wait
    assert ("built", None) in sent  # the word list only after it
    held.clear()
    _sent_preview(monkeypatch, sample_text, None, cores=2, built=False, held=held)
    assert held == []  # two cores: the child has its own


def test_a_gate_lets_a_forked_child_go_when_opened_or_when_its_opener_is_gone():
    """reader.runtime.gate across a real fork, in a fresh interpreter (no threads there)."""
    code = (
        "import os, sys\n"
        "from reader.runtime.gate import Gate\n"
        "def child(gate, opener_goes):\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        gate.in_child(); os._exit(0 if gate.wait(120) else 3)\n"
        "    gate.in_parent()\n"
        "    if opener_goes: gate._close_write()  # as the parent's exit would\n"
        "    else: gate.open()\n"
        "    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])\n"
        "print(child(Gate(), False), child(Gate(), True))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=200)
    assert out.stdout.split() == ["0", "0"], out.stderr[-2000:]


def test_a_short_article_is_previewed_early_and_the_child_then_yields(monkeypatch, sample_text):
    sent, niced = _sent_preview(monkeypatch, sample_text, None, cores=1, built=True)
    (kind, (text, _repairs, _readings, early, building)), *_ = sent
    assert kind == "preview" and early and not building
    assert text == clean(sample_text, pipeline.without_word_list()).text
    assert niced == [pipeline.CHILD_NICENESS]
    sent, niced = _sent_preview(monkeypatch, sample_text, None, cores=2, built=True)
    assert sent[0][1][3] and niced == [pipeline.CHILD_NICENESS]  # on two cores too


def _previews(sent: list) -> list[tuple[str, bool]]:
    return [(payload[0], payload[3]) for kind, payload in sent if kind == "preview"]


def test_a_long_articles_head_is_previewed_early_then_cleaned_whole(monkeypatch, sample_text):
    """On two cores as on one: the early head paints first, then the child yields to the interface
    and the head cleaned whole (its mojibake repaired) follows as the next preview."""
    head = sample_text[:2000]
    for cores in (2, 1):
        held: list = []
        sent, niced = _sent_preview(monkeypatch, sample_text, head, cores=cores, built=True, held=held)
        assert _previews(sent) == [(clean(head, pipeline.without_word_list()).text, True), (clean(head).text, False)]
        assert [kind for kind, _ in sent] == ["preview", "nice", "preview"]  # the child yields before the head
        if cores == 1:  # the whole head only after the reader's first frame
            assert [len(_previews(sent_by_then)) for _limit, sent_by_then, _n in held] == [1]


def test_a_head_without_mojibake_is_sent_once(monkeypatch, sample_text):
    """Nothing for the reader to swap when the mojibake passes change nothing in the head."""
    head = "".join(line for line in sample_text.splitlines(keepends=True)[:40] if "(" not in line and "?" not in line)
    head = clean(head).text  # already clean: every pass leaves it as it is
    sent, niced = _sent_preview(monkeypatch, head + sample_text, head, cores=2, built=True)
    assert _previews(sent) == [(head, True)] and niced == [pipeline.CHILD_NICENESS]


def test_before_the_word_list_is_built_the_preview_says_so_and_the_child_builds_it(monkeypatch, sample_text):
    sent, niced = _sent_preview(monkeypatch, sample_text, None, cores=2, built=False)
    assert sent[0][1][3:] == (True, True)
    assert ("stage", "building the word list, once") in sent
    assert niced == [pipeline.CHILD_NICENESS]
    head = sample_text[:2000]  # a long article's head cleaned whole waits for the word list
    sent, niced = _sent_preview(monkeypatch, sample_text, head, cores=2, built=False)
    kinds = [kind if kind != "stage" else payload for kind, payload in sent]
    assert kinds == ["preview", "nice", "building the word list, once", "built", "preview"]
    assert _previews(sent)[1] == (clean(head).text, False)


def test_the_first_run_opens_early_then_whole_in_a_child(tmp_path):
    """With an empty cache the forked child sends the early preview before building the word list;
    the whole article is exactly the full load's."""
    code = (
        "from reader.pipeline import open_document; from reader.load import load_document\n"
        "from reader.text.lexicon import lexicon_built\n"
        f"SAMPLE = {str(ROOT / 'assets' / 'sample-article.txt')!r}\n"
        "assert not lexicon_built()\n"
        "o = open_document(SAMPLE); p = o.preview()\n"
        "assert o._pid and o.early and o.building_word_list and not o.done()\n"
        "d = o.result(120)\n"
        "assert d == load_document(SAMPLE) and d.text != p.text and lexicon_built()\n"
        "print('same')\n"
    )
    env = {**os.environ, "KREADER_CACHE_DIR": str(tmp_path / "empty"), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=180)
    assert out.stdout.strip() == "same", out.stderr[-2000:]


@sync
async def test_the_reader_says_the_word_list_is_being_built(sample_doc):
    whole = replace(sample_doc)  # another object: its arrival can be waited for
    held = HeldOpening(sample_doc, whole)
    held.early = held.building_word_list = True
    app = KreaderApp(held, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        # conditions, with room for a loaded machine (the notice stays 10 s: it is seen well before)
        notice = lambda: any(n.message == EARLY_NOTICE for n in app._notifications)  # noqa: E731
        await until(pilot, notice, timeout=60, what="the notice")
        held.released.set()
        await until(pilot, lambda: app.document is whole, timeout=60, what="the whole article")


@sync
async def test_the_first_frame_lets_the_cleaning_child_go_on(sample_doc):
    whole = replace(sample_doc)
    held = HeldOpening(sample_doc, whole)
    held.early = True
    app = KreaderApp(held, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.article.painted, what="the first frame")
        await until(pilot, lambda: held.painted_once, what="the child let go")
        held.released.set()
        await until(pilot, lambda: app.document is whole, what="the whole article")


@sync
async def test_no_notice_when_the_word_list_is_there(sample_doc):
    whole = replace(sample_doc)
    held = HeldOpening(sample_doc, whole)
    held.early = True
    app = KreaderApp(held, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        held.released.set()
        await until(pilot, lambda: app.document is whole, what="the whole article")
        assert not any(n.message == EARLY_NOTICE for n in app._notifications)


def test_the_readers_start_builds_no_help_text():
    """Every start builds the argument parser: its epilog (this machine's folders) and the
    distributions' metadata are read only when help or versions are printed."""
    code = (
        "import sys; from reader.arguments import build_parser; p = build_parser()\n"
        "assert 'reader.about' not in sys.modules and 'importlib.metadata' not in sys.modules\n"
        "assert 'environment variables:' in p.format_help()\n"
        "print('lazy')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.strip() == "lazy", out.stderr[-2000:]


@sync
async def test_a_bookmark_made_on_the_early_preview_is_kept(sample_doc):
    """The whole article (its mojibake repaired: another text) replaces the preview: the review made
    on the preview is the article's, not another article's to drop."""
    preview = replace(sample_doc, text=sample_doc.text.replace("快手", "快手 ", 1))
    held = HeldOpening(preview, sample_doc)
    held.early = True
    app = KreaderApp(held, enrich=False, persist=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await until(pilot, lambda: len(app.review.current.bookmarks) == 1, what="the bookmark")
        held.released.set()
        await until(pilot, lambda: app.document is sample_doc, what="the whole article")
        await until(pilot, lambda: app.review.saving._store is not None, what="the review loaded")
        assert len(app.review.current.bookmarks) == 1


@sync
async def test_the_whole_article_or_its_figures_arriving_as_the_reader_quits_are_dropped(sample_doc):
    """The cleaning and enrichment workers' last messages can be handled after the screen's widgets
    are gone (Textual closes the screens before the app): no lookup of a widget then, no crash."""
    from widgets.messages import Enriched, Opened

    whole = replace(sample_doc)
    held = HeldOpening(sample_doc, whole)
    app = KreaderApp(held, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.article.painted, what="the first frame")
        view = app.article
        await app.screen.query_children().remove()  # what the app's shutdown does first
        view.screen_lines.render_ahead()  # as one asked for before and run after (seen under load): no styles to ask
        app.loading.on_opened(Opened(whole, opening=held))
        app.loading.on_enriched(Enriched(figures=(), status="", done=True))  # neither raises


def test_figures_first_run_builds_the_word_list_only_for_text_with_damage_to_repair(tmp_path):
    """The word list scores the readings of a garbled run (reader.clean.mojibake.solve): a first
    `--figures` of clean text needs none and builds none; the sample's mojibake needs it."""
    from tests.conftest import run_cli

    clean_text = tmp_path / "clean.txt"
    clean_text.write_text("第一季度營收為3.5億元，同比增長12%。\n公司員工共有一千二百人。\n", encoding="utf-8")
    for path, built in ((clean_text, False), (ROOT / "assets" / "sample-article.txt", True)):
        cache = tmp_path / f"cache-{built}"
        out = run_cli("--figures", str(path), env={"KREADER_CACHE_DIR": str(cache), "KREADER_JOBS": "1"})
        assert out.returncode == 0 and "%" in out.stdout.decode(), out.stderr.decode()[-2000:]
        assert any(cache.glob("lexicon-*")) is built


@sync
async def test_the_cycle_collector_held_by_the_start_up_runs_again_after_the_first_frame(sample_doc):
    import gc

    from reader.runtime.collector import hold_collections, resume_collections

    hold_collections()  # as reader/cli.py does before Textual is imported
    try:
        assert not gc.isenabled()
        app = KreaderApp(sample_doc, enrich=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: app.article.painted, what="the first frame")
            await until(pilot, gc.isenabled, what="the collector running again")
    finally:
        resume_collections()


def test_a_gate_opened_from_two_threads_at_once_closes_its_end_once(monkeypatch):
    # painted() comes from the first frame, from a wait for the whole article and from the quit:
    # two at once could both close the same descriptor, the second time whatever file had been
    # given its number meanwhile (seen as EBADF on another gate under load).
    import threading

    from reader.runtime import gate as gate_module

    closed: list[int] = []
    both_closing = threading.Barrier(2)
    real_close = os.close

    def slow_close(fd: int) -> None:
        closed.append(fd)
        try:
            both_closing.wait(timeout=0.5)  # a second thread gets here only if it took the same end
        except threading.BrokenBarrierError:
            pass
        real_close(fd)

    gate = gate_module.Gate()
    monkeypatch.setattr(gate_module.os, "close", slow_close)
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            gate.open()
        except BaseException as err:  # noqa: BLE001 - what the thread met is the test's finding
            errors.append(err)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    monkeypatch.setattr(gate_module.os, "close", real_close)
    assert not errors and len(closed) == 1
    assert gate.wait(0.1)  # opened: its reading end sees the go-ahead
