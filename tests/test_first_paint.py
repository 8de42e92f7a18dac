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


def _sent_preview(monkeypatch, text: str, head: str | None, cores: int, built: bool) -> tuple[list, list]:
    """What ``_preview`` sends, and the niceness it asks for, with the cores and the word list given."""
    import reader.runtime.parallel as parallel

    sent, niced = [], []
    monkeypatch.setattr(parallel, "available_cores", lambda: cores)
    monkeypatch.setattr(lexicon_module, "lexicon_built", lambda directory=None: built)
    monkeypatch.setattr(lexicon_module, "lexicon", lambda: None)  # the build itself is tested elsewhere
    monkeypatch.setattr(os, "nice", lambda n: niced.append(n))
    pipeline._preview(text, head, lambda kind, payload: sent.append((kind, payload)))
    return sent, niced


def test_a_short_article_is_previewed_early_and_the_child_then_yields(monkeypatch, sample_text):
    sent, niced = _sent_preview(monkeypatch, sample_text, None, cores=1, built=True)
    (kind, (text, _repairs, _readings, early, building)), *_ = sent
    assert kind == "preview" and early and not building
    assert text == clean(sample_text, pipeline.without_word_list()).text
    assert niced == [pipeline.CHILD_NICENESS]
    sent, niced = _sent_preview(monkeypatch, sample_text, None, cores=2, built=True)
    assert sent[0][1][3] and niced == [pipeline.CHILD_NICENESS]  # on two cores too


def test_a_long_articles_head_is_cleaned_whole_on_two_cores_only(monkeypatch, sample_text):
    head = sample_text[:2000]
    sent, niced = _sent_preview(monkeypatch, sample_text, head, cores=2, built=True)
    assert not sent[0][1][3] and sent[0][1][0] == clean(head).text and niced == []
    sent, niced = _sent_preview(monkeypatch, sample_text, head, cores=1, built=True)
    assert sent[0][1][3] and niced == [pipeline.CHILD_NICENESS]


def test_before_the_word_list_is_built_the_preview_says_so_and_the_child_builds_it(monkeypatch, sample_text):
    sent, niced = _sent_preview(monkeypatch, sample_text, None, cores=2, built=False)
    assert sent[0][1][3:] == (True, True)
    assert ("stage", "building the word list, once") in sent
    assert niced == [pipeline.CHILD_NICENESS]


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
        await until(pilot, lambda: any(n.message == EARLY_NOTICE for n in app._notifications), what="the notice")
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
        "import sys; from reader.cli import build_parser; p = build_parser()\n"
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
