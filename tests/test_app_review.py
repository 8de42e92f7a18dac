"""Pilot tests for the review keys: verdicts, notes, filters, chart, bookmarks, export, help."""

from __future__ import annotations

import functools
import os
from dataclasses import replace
from pathlib import Path

import pytest
from figures_table import cell, listed, row_of
from pilot import sync
from textual.widgets import Input

from reader.enrich import with_figures
from reader.load import load_document
from reader.locations import sample_article
from widgets.app import KreaderApp
from widgets.figures.chart import FiguresChart
from widgets.figures.rows import ASCII_SYMBOLS, SYMBOLS, verdict_mark
from widgets.figures.series import PLOTEXT
from widgets.screens.bookmarks import BookmarksScreen
from widgets.screens.help import HelpScreen
from widgets.screens.note import NotePrompt


@functools.cache
def sample():
    """The sample with its real figures (the grammar only: no jieba, fast)."""
    return with_figures(load_document(sample_article()), labels=False)


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KREADER_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


def header(app) -> str:
    return str(app.query_one("#header").render())


def mark_of(app, k: int) -> str:
    return str(cell(app.figures, k, "text"))[:3]


async def open_panel(pilot, rows_down: int = 0):
    await pilot.press("f", *(["j"] * rows_down))
    assert pilot.app.figures.has_focus


@sync
async def test_verdict_keys_in_the_panel_mark_the_row_and_count_progress():
    doc = sample()
    n = len(doc.figures)
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        assert f"0/{n} reviewed" in header(app)
        await open_panel(pilot)
        await pilot.press("v", "d", "x")  # each verdict moves on to the next unreviewed figure
        assert [mark_of(app, k) for k in range(4)] == ["✓  ", "?  ", "✗  ", "   "]
        assert app.figures.cursor_row == 3 and f"3/{n} reviewed" in header(app)
        await pilot.press("u")  # undoes the last verdict, and the cursor goes back to its figure
        assert mark_of(app, 2) == "   " and app.figures.cursor_row == 2 and f"2/{n} reviewed" in header(app)
        await pilot.press("k", "x")  # a new verdict replaces the old one
        assert mark_of(app, 1) == "✗  " and f"2/{n} reviewed" in header(app)
        assert app.figures.cursor_row == 2  # the next unreviewed after it
        assert app.review.current.reviewed_count() == 2


@sync
async def test_verdict_keys_in_the_article_mark_the_figure_at_the_reading_position():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.article
        k = next(i for i, f in enumerate(doc.figures) if f.text == "223萬元")
        view.scroll_to_offset(doc.figures[k].start)
        await pilot.pause()
        para = view.blocks[view.current_block].paragraph
        first_here = next(i for i, f in enumerate(doc.figures) if para.start <= f.start < para.end)
        await pilot.press("v")
        assert view.has_focus and view.selected_figure == first_here
        assert mark_of(app, first_here) == "✓  "
        # Enter on a panel row selects that figure: the article's keys then act on it
        await open_panel(pilot)  # its cursor followed the article: on the first figure on screen
        app.figures.move_cursor(row=row_of(app.figures, k))
        await pilot.press("enter", "escape")
        assert view.selected_figure == k
        await pilot.press("x")
        assert mark_of(app, k) == "✗  "


@sync
async def test_a_figureless_screen_says_so_instead_of_marking_something_far_away():
    doc = sample()
    doc = replace(doc, figures=doc.figures[:3])  # figures in the lede only
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        messages = []
        app.notify = lambda message, **kw: messages.append(message)
        await pilot.press("end")
        await pilot.pause()
        await pilot.press("v")
        assert app.review.current.reviewed_count() == 0 and any("No figure on screen" in m for m in messages)
        await pilot.press("home")
        await pilot.pause()
        await pilot.press("v")
        assert app.review.current.reviewed_count() == 1


@sync
async def test_note_prompt_takes_chinese_and_shows_it_under_the_panel():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_panel(pilot, rows_down=3)
        k = app.figures.figure_at_cursor()
        await pilot.press("e")
        assert isinstance(app.screen, NotePrompt)
        await pilot.press(*"對過財報")
        field = app.screen.query_one(Input)
        field.insert_text_at_cursor("，無誤")  # what an input method sends: a run of text
        assert field.value == "對過財報，無誤"
        assert field.cursor_position == 7
        await pilot.press("enter")
        assert not isinstance(app.screen, NotePrompt)
        assert mark_of(app, k) == " ✎ "
        assert "對過財報，無誤" in str(app.figures.border_subtitle)
        # Esc keeps the note; an empty note clears it
        await pilot.press("e", "x", "escape")
        entry = app.review.current.entry_for(app.review.figure_key(k))
        assert entry.note == "對過財報，無誤"
        await pilot.press("e")
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        assert mark_of(app, k) == "   " and not app.figures.border_subtitle


@sync
async def test_note_prompt_shows_wide_characters_in_full():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_panel(pilot)
        await pilot.press("e", *"直播帶貨223萬元")
        await pilot.pause()
        field = app.screen.query_one(Input)
        line = field.render_line(0).text
        assert "直播帶貨223萬元" in line  # each Chinese character two cells, none cut or doubled


@sync
async def test_filter_cycles_all_unreviewed_and_doubtful_or_wrong():
    doc = sample()
    n = len(doc.figures)
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_panel(pilot)
        await pilot.press("v", "d", "x", "e", *"查", "enter")
        panel = app.figures
        assert panel.row_count == n and panel.filter == "all"
        await pilot.press("F")
        assert panel.filter == "unreviewed" and panel.row_count == n - 3
        assert "unreviewed" in panel.border_title
        assert not listed(panel, 0) and listed(panel, 3)  # a note alone is not a verdict
        # marking a figure under this filter takes it out; the cursor moves on to the next
        panel.move_cursor(row=0)
        first = panel.figure_at_cursor()
        await pilot.press("v")
        assert not listed(panel, first) and panel.row_count == n - 4
        assert panel.figure_at_cursor() != first
        await pilot.press("F")
        assert panel.filter == "flagged" and sorted(panel.shown) == [1, 2]
        await pilot.press("F")
        assert panel.filter == "all" and panel.row_count == n


needs_plotext = pytest.mark.skipif(
    not PLOTEXT, reason="textual-plotext is not installed (the chart extra: kreader[chart])"
)


@needs_plotext
@sync
async def test_chart_key_in_the_panel_cycles_order_section_off():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        chart = app.query_one(FiguresChart)
        assert not chart.display or chart.size.height == 0
        await open_panel(pilot)
        await pilot.press("C")
        await pilot.pause()
        assert chart.mode == "order" and chart.display and chart.size.height >= 10
        text = str(chart.plot.render())
        assert "money" in text and "count" in text and "in order" in text
        await pilot.press("C")
        await pilot.pause()
        assert chart.mode == "section" and "per section" in str(chart.plot.render())
        await pilot.press("C")
        await pilot.pause()
        assert chart.mode == "off" and chart.size.height == 0
        # c means one thing everywhere: it focuses the sections, from the panel too
        await pilot.press("f", "c")
        assert app.sections.has_focus and chart.mode == "off"


@needs_plotext
@sync
async def test_chart_shows_in_the_narrow_overlay_only_while_the_panel_is_open():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(FiguresChart)
        await pilot.press("f", "C")
        await pilot.pause()
        assert chart.mode == "order" and chart.size.height > 0 and chart.size.width > 40
        await pilot.press("escape")
        await pilot.pause()
        assert chart.size.width == 0 or chart.size.height == 0
        assert app.article.size.width >= 79  # the closed overlay takes no room


@sync
async def test_bookmarks_add_list_jump_and_delete():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.article
        await pilot.press("m")
        first = view.blocks[view.current_block].paragraph.start
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        await pilot.press("m", "m")  # twice on one paragraph: one bookmark
        second = view.blocks[view.current_block].paragraph.start
        assert [b.offset for b in app.review.current.bookmarks] == sorted({first, second})
        await pilot.press("g", "apostrophe")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, BookmarksScreen)
        assert view.blocks[view.current_block].paragraph.start == second and view.has_focus
        await pilot.press("apostrophe", "d")
        assert isinstance(app.screen, BookmarksScreen)
        assert [b.offset for b in app.review.current.bookmarks] == [second]
        await pilot.press("escape")
        assert not isinstance(app.screen, BookmarksScreen)


@sync
async def test_export_key_writes_markdown_to_the_current_directory(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        messages = []
        app.notify = lambda message, **kw: messages.append(message)
        await open_panel(pilot)
        await pilot.press("x", "e", *"應為2.6萬", "enter", "E")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (written,) = work.glob("sample-article-*.review.md")  # the stem and a hash of the article's path
        assert any(str(written) in m for m in messages)
        text = written.read_text(encoding="utf-8")
        assert text.startswith("# Review of") and "✘ wrong" in text and "應為2.6萬" in text


@sync
async def test_export_never_writes_into_the_articles_folder(tmp_path, monkeypatch, state_dir):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_bytes(Path(sample_article()).read_bytes())
    monkeypatch.chdir(folder)
    app = KreaderApp(with_figures(load_document(article), labels=False), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("E")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]
    assert len(list((state_dir / "reports").glob("a-*.review.md"))) == 1


@sync
async def test_help_lists_every_review_key_with_its_id():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for ident in (
            "review.verified",
            "review.doubtful",
            "review.wrong",
            "review.undo",
            "review.note",
            "review.bookmark",
            "review.bookmarks",
            "review.export",
            "review.filter",
            "review.chart",
        ):
            assert ident in text


def test_verdicts_read_without_colour():
    assert len({SYMBOLS[v] for v in ("verified", "doubtful", "wrong")}) == 3
    assert len({ASCII_SYMBOLS[v] for v in ("verified", "doubtful", "wrong")}) == 3
    assert all(ord(c) < 128 for c in ASCII_SYMBOLS.values())
    assert verdict_mark("doubtful", "note", plain=True) == "?* "


@sync
async def test_linux_console_gets_ascii_marks(monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_panel(pilot)
        await pilot.press("v", "x")
        assert [mark_of(app, 0), mark_of(app, 1)] == ["+  ", "x  "]


@sync
async def test_no_worker_describes_itself_with_the_article(tmp_path, monkeypatch):
    # Textual names a @work call after repr() of its arguments unless given a description:
    # on a book that formats the whole text (or Document, 7 MB of repr) on the UI thread
    # before the worker even starts (40 ms before a search's first chunk on 10 MB).
    from textual.worker import Worker

    described: list[str] = []
    original = Worker.__init__

    def recording(self, *args, **kwargs):
        described.append(kwargs.get("description", ""))
        original(self, *args, **kwargs)

    monkeypatch.setattr(Worker, "__init__", recording)
    monkeypatch.chdir(tmp_path)
    app = KreaderApp(load_document(sample_article()))  # enrichment and the saved review load in workers
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        app.start_search("服務商")  # the search worker
        await open_panel(pilot)
        await pilot.press("v", "E")  # the review's save and export workers
        await app.workers.wait_for_complete()
        await pilot.press("t")  # the script converters' worker
        await app.workers.wait_for_complete()
    assert len(described) >= 4, described
    fragment = app.document.paragraphs[1].text[:6]
    assert all(len(d) < 80 and fragment not in d for d in described), described


def test_the_reader_starts_without_importing_the_chart_library():
    # plotext costs ~30 ms to import: it is imported when the chart is first shown.
    import subprocess
    import sys

    code = (
        "import sys, widgets.app\n"
        "eager = [m for m in ('plotext', 'textual_plotext', 'widgets.figures.plot') if m in sys.modules]\n"
        "assert not eager, eager\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, cwd=Path(__file__).resolve().parent.parent)


@sync
async def test_exports_of_two_articles_with_one_name_are_both_kept(tmp_path, monkeypatch):
    """Issue 13, item 13: /a/index.txt and /b/index.txt export beside each other, and a
    name of 246 bytes or more is shortened instead of failing."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    long_name = "長" * 81 + ".txt"  # 247 bytes: its export's name (and temporary file) would pass 255
    articles = [tmp_path / "a" / "index.txt", tmp_path / "b" / "index.txt", tmp_path / "c" / long_name]
    for k, article in enumerate(articles):
        article.parent.mkdir()
        article.write_text(f"導語\n01\n第{k}篇賣出{k + 2}萬元。\n", encoding="utf-8")
        app = KreaderApp(with_figures(load_document(article), labels=False), enrich=False)
        async with app.run_test(size=(100, 30)) as pilot:
            messages: list[str] = []
            app.notify = lambda message, said=messages, **kw: said.append(message)
            await pilot.press("E")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert any(m.startswith("Review written to") for m in messages), messages
    reviews = sorted(work.glob("*.review.md"))
    assert len(reviews) == 3
    assert {r.read_text(encoding="utf-8").splitlines()[0] for r in reviews} == {f"# Review of {a}" for a in articles}
    assert all(len(os.fsencode(r.name)) <= 255 for r in reviews)
