"""Keys typed faster than the screen follows (a paste, a fast typist, a slow machine) reach
the widget they were meant for; search matches only what the article shows (issue 17)."""

from __future__ import annotations

from pilot import sync, until
from textual import events

from reader.document import parse
from widgets.app import KreaderApp
from widgets.search_bar import SearchBar

TEXT = "導語一段，增長15%。\n## 營收概況\n正文一段 #3 號，營收223萬元。\n### 未來展望 ###\n正文二段，粉絲2.8萬。\n"


def typed_at_once(app, keys: str) -> None:
    """Queue ``keys`` as one read from the terminal does: all before the first is handled."""
    for char in keys:
        key = {"/": "slash", ":": "colon"}.get(char, char)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


@sync
async def test_a_word_typed_at_once_after_the_slash_goes_to_the_search_line():
    app = KreaderApp(parse(TEXT), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()  # the article has the focus
        typed_at_once(app, "/營收ab")
        bar = app.query_one(SearchBar)
        await until(pilot, lambda: app.article.search_query == "營收ab", what="the query typed and searched")
        assert bar.value == "營收ab" and bar.has_focus
        assert len(app.screen_stack) == 1  # `a` did not open the article picker, `b` no bookmark
        assert app.review.current.bookmarks == ()


@sync
async def test_a_verdict_typed_at_once_after_f_goes_to_the_panel_row():
    from dataclasses import replace

    from reader.figures.extract import Figure

    doc = parse(TEXT)
    figures = []
    for t in ("15%", "223萬元", "2.8萬"):
        start = doc.text.index(t)
        figures.append(Figure(t, 1.0, None, "", "number", "", "", "", doc.section_at(start).index, start, start + 3))
    doc = replace(doc, figures=tuple(figures))
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("G")  # the article's own target would be the last figure
        typed_at_once(app, "fv")
        await until(pilot, lambda: app.review.reviewed() == 1, what="the verdict given")
        assert app.figures.has_focus
        (verdict,) = app.review.current.verdicts
        assert verdict.key.text == "15%"  # the panel's first row on screen, not the article's last figure


async def searched(pilot, query: str) -> list[tuple[int, int]]:
    app = pilot.app
    app.start_search(query)
    view = app.article
    await until(pilot, lambda: view.search_query == query and not view.search.searching, what="the search done")
    return view.search.hits


@sync
async def test_search_does_not_match_the_hidden_hashes_of_a_heading():
    doc = parse(TEXT)
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        at = doc.text.index("#3")
        assert await searched(pilot, "#") == [(at, at + 1)]  # not the five hashes of the headings
        assert await searched(pilot, "# 營收") == []
        assert await searched(pilot, "營收概況") == [(15, 19)]


@sync
async def test_the_keys_that_move_the_focus_are_text_in_a_line_being_typed():
    app = KreaderApp(parse(TEXT), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"f/c:")
        bar = app.query_one(SearchBar)
        assert bar.value == "f/c:" and bar.has_focus


@sync
async def test_a_verdict_in_the_panel_with_nothing_listed_says_the_filter_lists_none():
    from dataclasses import replace

    from reader.figures.extract import Figure

    doc = parse(TEXT)
    at = doc.text.index("15%")
    doc = replace(doc, figures=(Figure("15%", 15.0, None, "%", "percent", "", "", "", 0, at, at + 3),))
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        told = []
        app.notify = lambda message, **kw: told.append(message)
        await pilot.press("f", "F", "F", "v")  # the doubtful+wrong filter lists none
        assert app.figures.has_focus and app.review.reviewed() == 0
        assert told[-1] == "No doubtful+wrong figures listed (F shows the next filter).", told


@sync
async def test_a_panel_move_arriving_after_the_panel_is_gone_is_dropped():
    """A verdict moves the panel's cursor; the move's message can arrive as the reader quits,
    after the panel is unmounted: it is dropped, never a crash on the way out (seen in CI)."""
    from widgets.figures.panel import FiguresPanel

    app = KreaderApp(parse(TEXT), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.figures.remove()
        app.post_message(FiguresPanel.Highlighted(0))
        await pilot.pause()
        assert not app.query(FiguresPanel)
