"""The status line: its parts fit the width (the least important shortened or dropped
first, whole words only, a message that does not fit told in a notification), Esc ends
a search and its status, and after n the current-paragraph mark is the hit's paragraph."""

from __future__ import annotations

import functools

import pytest
from pilot import sync, until
from rich.cells import cell_len
from textual.content import Content

from reader.enrich import with_figures
from reader.load import load_document
from reader.locations import sample_article
from widgets.app import KreaderApp
from widgets.status_bar import Part, fit, search_part


@functools.cache
def sample():
    return with_figures(load_document(sample_article()), labels=False)


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KREADER_STATE_DIR", str(tmp_path / "state"))


def status(app) -> str:
    return str(app.query_one("#status").render())


async def search(pilot, app, query: str) -> None:
    await pilot.press("slash", *query)
    await until(pilot, lambda: app.article.search.hits and not app.article.search.searching, what="search done")
    await pilot.press("enter")
    await pilot.pause()


def test_the_least_important_part_is_shortened_then_dropped_and_never_cut():
    where = Part((Content("§ 導語  ¶ 3/45  5%"), Content("¶ 3/45  5%"), Content("5%")), 4)
    progress = Part((Content("finding figures…"),), 1, optional=True)
    hits = search_part("服務商生態", 22, 3, False, None)
    for width in range(0, 70):
        line = str(fit([where, hits, progress], width).line)
        assert cell_len(line) <= width or line == ""
        for piece in filter(None, line.split("·")):  # every piece shown is one of its part's forms, whole
            assert piece.strip() in {str(f) for p in (where, hits, progress) for f in p.forms}
    assert "finding" not in str(fit([where, hits, progress], 40).line)  # progress goes first
    assert "4/22" in str(fit([where, hits, progress], 12).line)  # the search stays longest


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (40, 12)])
@sync
async def test_the_status_line_fits_and_a_long_message_becomes_a_notification(size):
    app = KreaderApp(sample(), enrich=False)
    said = []
    async with app.run_test(size=size) as pilot:
        app.notify = lambda message, **kw: said.append(message)
        await pilot.press("slash", "ctrl+r", *"(GMV|服務商)生態(")  # a regular expression with an error
        await pilot.pause()
        text = status(app)
        assert cell_len(text.rstrip()) <= size[0]
        whole = "regex “(GMV|服務商)生態(”: missing ), unterminated subpattern"
        if size[0] >= 80:
            assert whole in text and not said
        else:
            assert whole not in text and "regex" in text  # shortened, never cut mid-word
            await until(pilot, lambda: whole in said, what="the whole error told")
            assert said.count(whole) == 1


@sync
async def test_escape_ends_the_search_and_its_status():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "GMV")
        assert "“GMV”" in status(app) and app.article.search.hits
        await pilot.press("escape")
        await pilot.pause()
        assert "GMV" not in status(app) and not app.article.search.hits and not app.article.search_query


@sync
async def test_after_n_the_current_paragraph_is_the_hits_paragraph():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "GMV")
        view = app.article
        for _ in range(3):
            await pilot.press("n")
            await pilot.pause()
            hit = view.search.hits[view.search.current][0]
            block = view.block_at(hit)
            assert view.current_block == block
            assert f"¶ {block + 1}/" in status(app)
        await pilot.press("j")  # a move of the reader's own: the mark is at the top again
        await pilot.pause()
        assert view.current_block != block or view.block_at(view.top_offset) == block


@sync
async def test_the_same_place_told_again_is_not_drawn_again(monkeypatch):
    # A toggle tells the reader's place twice (the action, then the view once repainted): the
    # second, the same line, must not cost a frame of its own.
    from widgets.status_bar import StatusBar

    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        bar = app.query_one(StatusBar)
        drawn: list[str] = []
        update = bar.update
        monkeypatch.setattr(bar, "update", lambda content, **kw: (drawn.append(str(content)), update(content, **kw)))
        for percent in (5, 5, 6):
            bar.show(doc, 1, 3, 10, "", [], percent=percent)
        assert len(drawn) == 2 and "5%" in drawn[0] and "6%" in drawn[1]
        await pilot.press("G")  # the reader moves: the line says so
        await pilot.pause()
        assert len(drawn) == 3 and status(app) == drawn[-1] and "100%" in drawn[-1]
