"""The review loop: the figures panel's cursor drives the article and the preview line,
a verdict moves on to the next unreviewed figure, ``u`` undoes, ``n``/``N`` skip to
the unreviewed; reviewing the whole sample takes about one key a figure."""

from __future__ import annotations

import functools

import pytest
from pilot import sync

from reader.enrich import with_figures
from reader.load import load_document
from reader.locations import sample_article
from widgets.app import KreaderApp
from widgets.figures.preview import FigurePreview, preview, value_in_words
from widgets.review.saving import reading_at


@functools.cache
def sample():
    return with_figures(load_document(sample_article()), labels=False)


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KREADER_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("KREADER_REVIEW_ADVANCE", raising=False)


def preview_text(app) -> str:
    return str(app.query_one(FigurePreview).render())


def on_screen(app, k: int) -> bool:
    figure = app.document.figures[k]
    _block, (start, end) = reading_at(app.article, (0, 0))
    return start <= figure.start < end


class Keys:
    """Presses keys and counts them."""

    def __init__(self, pilot) -> None:
        self.pilot, self.count = pilot, 0

    async def press(self, *keys: str) -> None:
        self.count += len(keys)
        await self.pilot.press(*keys)
        await self.pilot.pause()


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
@sync
async def test_reviewing_the_whole_sample_takes_at_most_1_2_keys_a_figure(size):
    doc = sample()
    n = len(doc.figures)
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=size) as pilot:
        keys = Keys(pilot)
        await keys.press("f")
        panel = app.figures
        for step in range(n):
            k = panel.figure_at_cursor()
            assert k == step  # document order, each figure once
            # the article shows the figure under the cursor, marked; the panel keeps the focus
            assert panel.has_focus and app.article.selected_figure == k and on_screen(app, k)
            assert doc.figures[k].text in preview_text(app)
            await keys.press("vdx"[step % 3])
        assert app.review.reviewed() == n and f"{n}/{n} reviewed" in str(app.query_one("#header").render())
        assert keys.count / n <= 1.2, f"{keys.count} keys for {n} figures"


@sync
async def test_n_and_shift_n_in_the_panel_skip_to_the_unreviewed():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f", "v", "v", "k", "k")  # figures 0 and 1 reviewed, cursor back on 0
        assert app.figures.figure_at_cursor() == 0
        await pilot.press("n")
        assert app.figures.figure_at_cursor() == 2
        await pilot.press("N")  # round the start: the last figure
        assert app.figures.figure_at_cursor() == len(app.document.figures) - 1


@sync
async def test_advance_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("KREADER_REVIEW_ADVANCE", "0")
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f", "v")
        assert app.review.reviewed() == 1 and app.figures.figure_at_cursor() == 0


@sync
async def test_undo_in_the_article_gives_the_figure_its_old_verdict_back():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f", "d", "escape")  # figure 0 doubtful, back in the article
        app.article.selected_figure = 0
        await pilot.press("v")  # now verified
        assert app.review.marks[0].verdict == "verified"
        await pilot.press("u")
        assert app.review.marks[0].verdict == "doubtful"
        await pilot.press("u")
        assert 0 not in app.review.marks or app.review.marks[0].verdict is None
        messages = []
        app.notify = lambda message, **kw: messages.append(message)
        await pilot.press("u")
        assert messages == ["No verdict to undo."]


@sync
async def test_the_preview_shows_only_while_the_panel_has_the_focus():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        assert not app.query_one(FigurePreview).display
        await pilot.press("f", "j")
        assert app.query_one(FigurePreview).display and "9月10日" in preview_text(app)
        await pilot.press("escape")
        assert not app.query_one(FigurePreview).display


def test_the_preview_keeps_the_value_whole_and_the_figure_in_view():
    doc = sample()
    k = next(i for i, f in enumerate(doc.figures) if f.text == "223萬元")
    line = preview(doc, k, 40, "導語").plain
    assert line.startswith("2,230,000 元 (2.23 million)") and "223萬元" in line
    assert len(line) <= 40
    assert value_in_words(doc.figures[1]) == "September 10"


@sync
async def test_focusing_the_panel_starts_on_the_figures_being_read_not_where_it_was():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_step_section(1)
        app.action_focus_figures()  # at once, as keys typed fast: before the article's Moved message
        k = app.figures.figure_at_cursor()
        assert doc.figures[k].section == 1
        await pilot.pause()
        assert doc.figures[k].section == 1 and app.article.selected_figure == k and on_screen(app, k)
