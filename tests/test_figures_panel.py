"""Pilot tests of the figures panel alone (widgets/figures/panel.py) and in the reader:
columns, sort, filter, cursor keys, Enter and clicks, notes, marks, focus, plain
terminals, markup safety, key map; and a book's worth of figures (memory, labels
arriving in place)."""

from __future__ import annotations

import functools
import tracemalloc
from dataclasses import replace

import pytest
from figures_table import cell, listed
from pilot import sync
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input

from reader.enrich import with_figures
from reader.figures.extract import Figure
from reader.load import load_document
from reader.locations import asset, sample_article
from reader.review.model import FigureKey, Verdict
from widgets.app import KreaderApp
from widgets.figures.panel import FiguresPanel

KINDS = ("money", "count", "percent", "year")


@functools.cache
def sample():
    """The sample with its real figures (the grammar only: no jieba, fast)."""
    return with_figures(load_document(sample_article()), labels=False)


def synthetic(n: int, label: str = ""):
    """A document with ``n`` made-up figures in document order (a book has about 60,000)."""
    figures = tuple(
        Figure(
            f"{k % 997}萬元", float((k * 7919) % 100003), None, "元", KINDS[k % 4], "", label, "", 0, 3 * k, 3 * k + 2
        )
        for k in range(n)
    )
    return replace(sample(), figures=figures)


def verdict(doc, k: int, what: str | None, note: str = "") -> Verdict:
    f = doc.figures[k]
    return Verdict(FigureKey.at(doc.text, f.start, f.end), what, note)


class Host(App):
    """The panel beside an input (something else to focus), styled as in the reader."""

    CSS_PATH = str(asset("kreader.tcss"))
    CSS = "#side { width: 48; } #other { width: 1fr; }"

    def __init__(self, doc, *, panel: bool = True) -> None:
        super().__init__()
        self.doc, self.panel = doc, panel
        self.chosen: list[int] = []
        self.charts = 0

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Input(id="other")
            with Vertical(id="side"):
                if self.panel:
                    yield FiguresPanel(self.doc, id="figures")

    def on_figures_panel_chosen(self, message: FiguresPanel.Chosen) -> None:
        self.chosen.append(message.figure)

    def on_figures_panel_chart_requested(self) -> None:
        self.charts += 1

    def action_focus_article(self) -> None:
        self.query_one("#other").focus()


def lines(panel: FiguresPanel) -> list[str]:
    """What the panel shows, line by line (the header first)."""
    return [panel.render_line(y).text for y in range(panel.scrollable_content_region.height)]


def order(panel: FiguresPanel) -> list[int]:
    return list(panel.shown)


async def focused(pilot) -> FiguresPanel:
    panel = pilot.app.query_one(FiguresPanel)
    panel.focus()
    await pilot.pause()
    return panel


@sync
async def test_columns_header_and_rows_fit_the_panel():
    doc = sample()
    labelled = replace(doc, figures=tuple(replace(f, label="銷售額") for f in doc.figures))
    async with Host(labelled).run_test(size=(100, 30)) as pilot:
        panel = await focused(pilot)
        header, first = lines(panel)[:2]
        assert [header.index(name) for name in ("Figure", "Value", "Label", "Kind")] == sorted(
            header.index(name) for name in ("Figure", "Value", "Label", "Kind")
        )  # the label before the kind
        f = doc.figures[0]
        assert f.text in first and "銷售額" in first
        width = panel.scrollable_content_region.width
        assert all(panel.render_line(y).cell_length == width for y in range(10))
        assert panel.border_title == f"Figures {len(doc.figures)} · by order"
        assert str(cell(panel, 6, "value")) == "223萬" and str(cell(panel, 6, "kind")) == "mon"


@sync
async def test_cursor_keys_move_and_keep_the_cursor_in_view():
    doc = sample()
    n = len(doc.figures)
    async with Host(doc).run_test(size=(100, 20)) as pilot:
        panel = await focused(pilot)
        body = panel.scrollable_content_region.height - 1

        def in_view() -> bool:
            return panel.scroll_offset.y <= panel.cursor_row < panel.scroll_offset.y + body

        await pilot.press("down", "j", "j")
        assert panel.figure_at_cursor() == 3
        await pilot.press("k", "up")
        assert panel.figure_at_cursor() == 1
        await pilot.press("pagedown")
        assert panel.cursor_row == 1 + body and in_view()
        await pilot.press("pageup")
        assert panel.cursor_row == 1 and in_view()
        await pilot.press("end")
        assert panel.figure_at_cursor() == n - 1 and in_view()
        assert doc.figures[n - 1].text in lines(panel)[-1]
        await pilot.press("home")
        assert panel.cursor_row == 0 and panel.scroll_offset.y == 0
        await pilot.press("up")  # stays on the first row
        assert panel.cursor_row == 0


@sync
async def test_enter_and_clicks_choose_a_figure_and_c_asks_for_the_chart():
    async with Host(sample()).run_test(size=(100, 30)) as pilot:
        panel = await focused(pilot)
        await pilot.press("j", "j", "enter")
        assert pilot.app.chosen == [2]
        # the panel's border is line 0, its header line 1: line 5 is the fourth row
        await pilot.click(FiguresPanel, offset=(10, 5))
        assert panel.cursor_row == 3 and pilot.app.chosen == [2]
        await pilot.click(FiguresPanel, offset=(10, 5))  # again on the cursor's row: chosen
        assert pilot.app.chosen == [2, 3]
        await pilot.click(FiguresPanel, offset=(10, 1))  # the header sorts
        assert panel.sort == "value"
        await pilot.press("C")
        assert pilot.app.charts == 1


@sync
async def test_sort_cycles_order_value_kind_and_keeps_the_cursor_on_its_figure():
    doc = synthetic(40)
    async with Host(doc).run_test(size=(100, 30)) as pilot:
        panel = await focused(pilot)
        await pilot.press("j", "j", "j")
        await pilot.press("s")
        values = [doc.figures[k].value for k in order(panel)]
        assert values == sorted(values, reverse=True) and "by value" in panel.border_title
        assert panel.figure_at_cursor() == 3
        await pilot.press("s")
        kinds = [doc.figures[k].kind for k in order(panel)]
        assert kinds == sorted(kinds) and panel.figure_at_cursor() == 3
        same_kind = [k for k in order(panel) if doc.figures[k].kind == "count"]
        assert same_kind == sorted(same_kind)  # ties in document order
        await pilot.press("s")
        assert order(panel) == list(range(40)) and panel.figure_at_cursor() == 3


@sync
async def test_verdicts_notes_and_the_filter():
    doc = sample()
    n = len(doc.figures)
    async with Host(doc).run_test(size=(100, 30)) as pilot:
        panel = await focused(pilot)
        panel.set_marks(
            {
                0: verdict(doc, 0, "verified"),
                1: verdict(doc, 1, "doubtful"),
                2: verdict(doc, 2, "wrong"),
                3: verdict(doc, 3, None, "對過財報"),
            }
        )
        rows = lines(panel)[1:6]
        assert [row[1:4] for row in rows] == ["✓  ", "?  ", "✗  ", " ✎ ", "   "]
        mark = next(s for s in list(panel.render_line(3)) if s.text.startswith("✗"))
        assert mark.style.bold  # coloured and bold by the stylesheet's figures-panel--wrong
        # the note of the figure under the cursor shows under the panel
        assert not panel.border_subtitle
        await pilot.press("j", "j", "j")
        assert "對過財報" in str(panel.border_subtitle)
        await pilot.press("j")
        assert not panel.border_subtitle
        await pilot.press("F")
        assert panel.filter == "unreviewed" and panel.row_count == n - 3
        assert f"{n - 3}/{n} unreviewed" in panel.border_title and not listed(panel, 0) and listed(panel, 3)
        # a verdict on the figure under the cursor takes it out: the cursor stays at its height
        panel.move_cursor(row=0)
        panel.set_marks({**panel.marks, 3: verdict(doc, 3, "verified", "對過財報")})
        assert not listed(panel, 3) and panel.figure_at_cursor() == 4
        await pilot.press("F")
        assert panel.filter == "flagged" and order(panel) == [1, 2]
        await pilot.press("F")
        assert panel.filter == "all" and panel.row_count == n


@sync
async def test_an_empty_filter_says_so():
    async with Host(sample()).run_test(size=(100, 30)) as pilot:
        panel = await focused(pilot)
        said = []
        panel.notify = lambda message, **kw: said.append(message)
        await pilot.press("F", "F")
        assert panel.row_count == 0 and panel.figure_at_cursor() is None
        assert any("No doubtful+wrong figures" in m for m in said)
        await pilot.press("enter", "down", "end")  # nothing to choose, nowhere to go
        assert pilot.app.chosen == [] and lines(panel)[1].strip() == ""


@sync
async def test_figures_in_view_are_marked_and_followed_while_the_panel_is_not_in_use():
    doc = synthetic(500)
    async with Host(doc).run_test(size=(100, 20)) as pilot:
        panel = pilot.app.query_one(FiguresPanel)
        start, end = doc.figures[300].start, doc.figures[305].end
        panel.mark_visible(start, end)
        await pilot.pause()
        assert panel.on_screen == set(range(300, 306))
        assert panel.figure_at_cursor() == 300 and panel.scroll_offset.y == 300  # on top, the others under it
        text = next(s for s in list(panel.render_line(1)) if doc.figures[300].text in s.text)
        assert text.style.bold and text.style.underline
        plain = next(s for s in list(panel.render_line(8)) if doc.figures[307].text in s.text)
        assert not plain.style.underline
        # in use, the panel's cursor stays where the reader put it
        panel.focus()
        await pilot.pause()
        panel.mark_visible(doc.figures[10].start, doc.figures[12].start)
        assert panel.on_screen == {10, 11} and panel.figure_at_cursor() == 300


@sync
async def test_focus_and_blur_tell_the_container_and_escape_leaves():
    async with Host(sample()).run_test(size=(100, 30)) as pilot:
        side = pilot.app.query_one("#side")
        panel = await focused(pilot)
        assert side.has_class("-panel-focus")
        cursor = list(panel.render_line(1))[0].style
        await pilot.press("escape")
        assert pilot.app.focused.id == "other" and not side.has_class("-panel-focus")
        assert list(panel.render_line(1))[0].style != cursor  # the blurred cursor is another colour


@sync
async def test_a_new_theme_repaints_the_cached_rows():
    async with Host(sample()).run_test(size=(100, 30)) as pilot:
        panel = await focused(pilot)
        before = [s.style for s in panel.render_line(2)]
        pilot.app.theme = "textual-light"
        await pilot.pause()
        assert [s.style for s in panel.render_line(2)] != before


@sync
async def test_documents_arrive_figures_then_labels_updated_in_place():
    doc = sample()
    async with Host(replace(doc, figures=())).run_test(size=(100, 30)) as pilot:
        panel = await focused(pilot)
        assert panel.row_count == 0 and panel.border_title == "Figures"
        panel.update_document(doc)
        await pilot.pause()
        assert panel.row_count == len(doc.figures) and doc.figures[0].text in lines(panel)[1]
        rows = panel.shown
        panel.update_document(replace(doc, figures=tuple(replace(f, label="粉絲數") for f in doc.figures)))
        await pilot.pause()
        assert panel.shown is rows and "粉絲數" in lines(panel)[1]
        assert str(cell(panel, 0, "label")) == "粉絲數"


@sync
async def test_text_from_the_article_is_never_markup():
    doc = sample()
    figures = (replace(doc.figures[0], text="[bold]3[/]萬", label="[red]x"),) + doc.figures[1:]
    async with Host(replace(doc, figures=figures)).run_test(size=(100, 30)) as pilot:
        panel = await focused(pilot)
        row = lines(panel)[1]
        assert "[bold]3" in row and "[red]x" in row


@sync
async def test_plain_terminals_get_ascii_marks(monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    doc = sample()
    async with Host(doc).run_test(size=(100, 30)) as pilot:
        panel = await focused(pilot)
        panel.set_marks({0: verdict(doc, 0, "verified", "x"), 1: verdict(doc, 1, "wrong")})
        assert [row[1:4] for row in lines(panel)[1:3]] == ["+* ", "x  "]
        assert str(panel.border_subtitle).startswith("* ")


@sync
async def test_every_binding_has_an_id_and_the_user_key_map_applies():
    assert all(b.id for b in FiguresPanel.BINDINGS)
    host = Host(sample())
    async with host.run_test(size=(100, 30)) as pilot:
        host.set_keymap({"figures.down": "n", "figures.sort": "o"})
        panel = await focused(pilot)
        await pilot.press("n", "n")
        assert panel.cursor_row == 2
        await pilot.press("o")
        assert panel.sort == "value"


@sync
async def test_narrow_overlay_fits_its_rows_and_enter_jumps_in_the_reader():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        panel = app.figures
        assert panel.has_focus and panel.display and panel.scrollable_content_region.width > 40
        width = panel.scrollable_content_region.width
        assert all(panel.render_line(y).cell_length == width for y in range(5))
        assert "Kind" in lines(panel)[0]
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.article.selected_figure == len(doc.figures) - 1 and app.article.has_focus


def _traced_mount_bytes(doc) -> int:
    """Bytes the panel keeps after mounting with ``doc`` (tracemalloc: everything allocated
    while it mounts and paints once, still alive afterwards)."""
    result = {}

    async def run() -> None:
        host = Host(doc, panel=False)
        async with host.run_test(size=(100, 30)) as pilot:
            tracemalloc.start()
            try:
                await host.query_one("#side").mount(FiguresPanel(doc, id="figures"))
                await pilot.pause()
                result["bytes"] = tracemalloc.get_traced_memory()[0]
            finally:
                tracemalloc.stop()
            result["panel"] = host.query_one(FiguresPanel)

    import asyncio

    asyncio.run(run())
    return result["bytes"]


@pytest.fixture(scope="module")
def book():
    return synthetic(60_000)


def test_a_book_of_figures_mounts_light(book):
    # The DataTable version kept ~120 MB for a book's 58,872 figures (two Text objects and a
    # dict entry per cell); the index arrays are a few hundred kilobytes.
    assert _traced_mount_bytes(book) < 25_000_000


@sync
async def test_a_book_of_figures_gets_its_labels_without_a_refill(book):
    async with Host(book).run_test(size=(100, 30)) as pilot:
        panel = await focused(pilot)
        await pilot.press("end")
        rows, drawn = panel.shown, []
        draw = panel.painter.row_strip
        panel.painter.row_strip = lambda *args: drawn.append(args[1]) or draw(*args)
        panel.update_document(replace(book, figures=tuple(replace(f, label="營收") for f in book.figures)))
        await pilot.pause()
        assert panel.shown is rows  # no new order, no new rows: the rows on screen repaint
        assert 0 < len(drawn) <= panel.scrollable_content_region.height
        assert "營收" in lines(panel)[-1] and panel.figure_at_cursor() == len(book.figures) - 1
        await pilot.press("s")  # a sort of the whole book is one index array
        assert panel.row_count == len(book.figures) and panel.figure_at_cursor() == len(book.figures) - 1


def test_the_panels_column_widths_are_the_widest_of_every_figure(sample_doc):
    """Measured once per distinct value and marker (a book's 59,000 figures have a few thousand
    values and a handful of markers), the widths are still those of the widest figure."""
    from reader.enrich import with_figures
    from widgets.figures.rows import figure_marker, figure_value, marker_width, value_width

    figures = with_figures(sample_doc).figures
    assert value_width(figures) == max(cell_len(figure_value(f)) for f in figures)
    assert marker_width(figures) == max(cell_len(figure_marker(f)) for f in figures) > 0


def test_the_figure_columns_floor_is_the_widest_shortest_form_of_any_figure(sample_doc):
    """written_width shortens the longest texts first and stops when the rest cannot be wider:
    the same floor as shortening every one (the sample's figures, and wide forms among short texts)."""
    from types import SimpleNamespace

    from widgets.figures.rows import written_forms, written_width

    texts = [f.text for f in with_figures(sample_doc, labels=False).figures]
    texts += ["約有300人左右", "$81.8 billion", "ABCDEFGHIJKL", "１２３４５６７８", "不高於35154萬元", "3人", "ＡＢＣ"]
    for k in range(len(texts)):
        figures = [SimpleNamespace(text=t) for t in texts[k:]]
        assert written_width(figures) == max(cell_len(written_forms(t)[-1]) for t in texts[k:])
