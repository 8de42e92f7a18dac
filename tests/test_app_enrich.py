"""Enrichment arrives after the first paint and updates the view in place."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import threading

from figures_table import cell
from pilot import sync, until

from reader import keywords as keywords_module
from reader.figures import extract as figures_module
from reader.figures.extract import Figure
from reader.keywords import Keyword
from reader.load import load_document
from reader.locations import sample_article
from reader.text import script as script_module
from widgets.app import KreaderApp


@functools.cache
def sample():
    return load_document(sample_article())


def fake_figures(doc):
    start = doc.text.index("223萬元")
    return (Figure("223萬元", 2230000.0, None, "元", "money", "", "", "", 0, start, start + 5),)


@sync
async def test_article_paints_before_keywords_arrive_then_updates_in_place(monkeypatch):
    release = threading.Event()
    started = threading.Event()

    def slow_keywords(doc, top=20):
        started.set()
        release.wait(10)
        start = doc.text.index("服務商")
        return (Keyword("服务商", 1.0, ((start, start + 3),)),)

    def labelled(doc, figs):
        return tuple(dataclasses.replace(f, label="銷售額") for f in figs)

    monkeypatch.setattr(keywords_module, "extract_keywords", slow_keywords)
    monkeypatch.setattr(figures_module, "extract_figures", fake_figures)
    monkeypatch.setattr(figures_module, "label_figures", labelled)
    app = KreaderApp(sample())
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(50):
            await pilot.pause(0.02)
            if started.is_set():
                break
        await pilot.pause()
        view = app.article
        assert started.is_set() and not app.document.keywords
        assert view.painted and "過去近兩個月" in view.render_line(0).text
        assert "keywords" in str(app.query_one("#status").render())
        assert app.figures.row_count == 1  # figures came first, before keywords
        view.scroll_to(y=3, animate=False)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [k.word for k in app.document.keywords] == ["服务商"]
        assert app.document.figures[0].label == "銷售額"
        assert str(cell(app.figures, 0, "label")) == "銷售額"
        assert str(cell(app.figures, 0, "value")) == "223萬"
        assert view.scroll_y == 3  # updated in place
        assert "keywords" not in str(app.query_one("#status").render())


@sync
async def test_unfinished_enrichment_modules_leave_the_reader_working(monkeypatch):
    def missing(*args, **kwargs):
        raise NotImplementedError

    monkeypatch.setattr(keywords_module, "extract_keywords", missing)
    monkeypatch.setattr(figures_module, "extract_figures", missing)
    app = KreaderApp(sample())
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("figures unavailable" in m for m in messages)
        assert any("keywords unavailable" in m for m in messages)
        await pilot.press("j", "t", "h")
        assert app.is_running and app.article.script == "simp"


@sync
async def test_user_highlight_terms_survive_keyword_arrival(monkeypatch):
    release = threading.Event()

    def slow_keywords(doc, top=20):
        release.wait(10)
        return ()

    monkeypatch.setattr(keywords_module, "extract_keywords", slow_keywords)
    monkeypatch.setattr(figures_module, "extract_figures", lambda doc: ())
    app = KreaderApp(sample())
    async with app.run_test(size=(120, 36)) as pilot:
        app.add_highlight_term("过去")  # Simplified term, Traditional text
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        users = [k for k in app.document.keywords if k.user]
        assert len(users) == 1 and len(users[0].spans) == sample().text.count("過去")


def test_exit_after_first_paint(monkeypatch):
    monkeypatch.setenv("KREADER_EXIT_AFTER_PAINT", "1")
    app = KreaderApp(sample(), enrich=False)

    async def run():
        await asyncio.wait_for(app.run_async(headless=True, size=(100, 30)), timeout=20)

    asyncio.run(run())  # without the switch this would time out
    assert app.return_code == 0


@sync
async def test_traditional_converters_load_only_once_the_reader_switches_scripts(monkeypatch):
    """s2t's dictionaries (28 MB) are not loaded for a reader who never switches; the first
    `t` loads them in the background so the next one finds them ready."""
    doc = sample()  # cleaned first: repairing its mojibake may load s2t, which is the cleaner's, not the reader's
    monkeypatch.setattr(script_module, "_converters", {})
    app = KreaderApp(doc)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: app.document.keywords and not app.enrichment, timeout=60, what="enriched")
        assert "t2s" in script_module._converters and "s2t" not in script_module._converters
        await pilot.press("t")
        assert app.article.script == "simp"
        await until(
            pilot,
            lambda: {"s2t", "t2twp", "t2hk"} <= set(script_module._converters),
            timeout=60,
            what="Traditional converters loaded",
        )


@sync
async def test_a_latin_user_term_is_highlighted_only_as_a_whole_word():
    from reader.document import parse
    from widgets.article.marks import keyword_spans

    doc = parse("Trading in Asia rose; trading volume in 交易 grew.\n")
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.add_highlight_term("in")
        await pilot.pause()
        marked = [doc.text[s:e] + "@" + str(s) for s, e, _user in keyword_spans(app.document).within(0, len(doc.text))]
        assert marked == ["in@8", "in@37"]


@sync
async def test_r_on_an_unchanged_file_keeps_the_figures_their_labels_and_the_keywords(tmp_path):
    # The reloaded Document is a new, bare one; with the same text its figures and keywords are the
    # same, so they must stay on screen (they used to vanish until another reload changed the text).
    path = tmp_path / "article.txt"
    path.write_bytes(sample_article().read_bytes())
    app = KreaderApp(load_document(path))
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: not app.enrichment and any(f.label for f in app.document.figures), 30, "labels")
        await until(pilot, lambda: bool(app.document.keywords), 30, "keywords")
        figures, keywords = app.document.figures, app.document.keywords
        header = str(app.query_one("#header").render())
        assert f"0/{len(figures)} reviewed" in header
        await pilot.press("r")
        await until(pilot, lambda: not app.file_watch.reloading, 30, "the reload")
        await pilot.pause()
        assert app.document.figures == figures and app.document.keywords == keywords
        assert app.figures.row_count == len(figures)
        assert f"0/{len(figures)} reviewed" in str(app.query_one("#header").render())
