"""Pilot tests: every key of the reader does what the issue says."""

from __future__ import annotations

import asyncio
import functools
from dataclasses import replace

import pytest
from pilot import sync, until

from reader.figures.extract import Figure
from reader.keywords import Keyword
from reader.load import load_document
from reader.locations import sample_article
from widgets.app import KreaderApp
from widgets.article.view import ArticleView
from widgets.screens.help import HelpScreen


@functools.cache
def sample():
    return load_document(sample_article())


def with_figures(doc, texts=("223萬元", "2.8萬", "15%", "400位", "10倍", "55萬")):
    """The sample with a few hand-placed figures (the UI contract, not extraction)."""
    figures = []
    for t in texts:
        start = doc.text.index(t)
        figures.append(
            Figure(t, 1.0, None, "", "number", "", "", "", doc.section_at(start).index, start, start + len(t))
        )
    figures.sort(key=lambda f: f.start)
    return replace(doc, figures=tuple(figures))


def view_lines(view: ArticleView) -> list[str]:
    """The text on screen, without the gutter (current-paragraph bar, 原 label)."""
    return [
        view.render_line(y).text[2:].rstrip()
        if not view.render_line(y).text.startswith("原")
        else view.render_line(y).text[1:].rstrip()
        for y in range(view.scrollable_content_region.height)
    ]


def top_text(view: ArticleView) -> str:
    return view_lines(view)[0]


def visible(view: ArticleView, offset: int) -> bool:
    """Is document ``offset`` inside the rows on screen?"""
    row = view.rows.row_of(offset)
    y = round(view.scroll_y)
    return y <= row < y + view.scrollable_content_region.height


@sync
async def test_line_and_page_keys_scroll():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.article
        assert view.has_focus
        await pilot.press("j", "j", "down")
        assert view.scroll_y == 3
        await pilot.press("k", "up")
        assert view.scroll_y == 1
        page = view.scrollable_content_region.height - 1
        await pilot.press("space")
        assert view.scroll_y == 1 + page
        await pilot.press("pagedown", "b")
        assert view.scroll_y == 1 + page
        await pilot.press("pageup")
        assert view.scroll_y == 1
        await pilot.press("G")
        assert view.scroll_y == view.end_row > 0
        assert view_lines(view)[-1] == ""  # the blank line after the last paragraph
        assert view_lines(view)[-2] != ""
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("end")
        assert view.scroll_y == view.end_row
        await pilot.press("home")
        assert view.scroll_y == 0


@sync
async def test_section_keys_jump_to_the_heading():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.article
        for k in (1, 2, 3):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert view.blocks[view.current_block].section == k
            assert view.blocks[view.current_block].heading
            assert top_text(view) == doc.sections[k].heading[0].text
            assert app.sections.highlighted == k
        await pilot.press("j", "j", "j")  # inside section 3: [ goes back to its start
        await pilot.press("left_square_bracket")
        assert top_text(view) == doc.sections[3].heading[0].text
        await pilot.press("left_square_bracket")
        assert top_text(view) == doc.sections[2].heading[0].text


@sync
async def test_section_navigator_enter_jumps():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c")
        assert app.sections.has_focus
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert top_text(app.article) == doc.sections[2].heading[0].text


@sync
async def test_script_toggle_cycles_and_keeps_position():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.article
        await pilot.press("right_square_bracket", "right_square_bracket")
        for _ in range(5):
            await pilot.press("j")
        await pilot.pause()
        block, offset, extra = view.rows.anchor()
        assert offset > view.blocks[block].paragraph.start  # mid-paragraph
        shown = []
        for _ in range(5):
            await pilot.press("t")
            await pilot.pause()
            shown.append(view.script)
            assert view.rows.anchor() == (block, offset, extra)
        assert shown == ["simp", "trad", "tw", "hk", "original"]
        await pilot.press("t")
        await pilot.pause()
        text = "\n".join(view_lines(view))
        assert "过" in text or "这" in text or "们" in text  # Simplified forms on screen
        assert "Simplified" in str(app.query_one("#header").render())


@sync
async def test_original_comparison_under_the_current_paragraph():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.article
        first = doc.sections[0].paragraphs[0].text
        await pilot.press("o")  # original script already: nothing to compare
        assert view.rows.index.height(0) == len(view.text_layout.lines(0)) + 1
        await pilot.press("t", "o")
        await pilot.pause()
        lines = view_lines(view)
        n = len(view.text_layout.lines(0))
        assert "".join(lines[n : n + len(view.text_layout.original_lines(0))]) == first
        assert view.render_line(n).text.startswith("原")
        await pilot.press("o")
        await pilot.pause()
        assert view.rows.index.height(0) == n + 1


@sync
async def test_search_matches_both_scripts_and_n_moves():
    doc = sample()
    positions = [k for k in range(len(doc.text)) if doc.text.startswith("過去", k)]
    assert len(positions) >= 2
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.article
        await pilot.press("slash")
        assert app.query_one("#search").has_focus
        await pilot.press(*"过去")  # Simplified query, Traditional article
        await pilot.pause()
        assert [s for s, _e in view.search.hits] == positions
        await pilot.press("enter")
        assert view.has_focus
        first = view.search.current
        await pilot.press("n")
        assert view.search.current == (first + 1) % len(positions)
        assert visible(view, positions[view.search.current])
        await pilot.press("N")
        assert view.search.current == first
        await pilot.press("slash", "escape")
        assert view.search_query == "" and view.search.hits == []


@sync
async def test_figure_enter_scrolls_to_the_figure_and_marks_it():
    doc = with_figures(sample())
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.article
        await pilot.press("f")
        assert app.figures.has_focus
        last = len(doc.figures) - 1
        for _ in range(last):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert view.selected_figure == last
        assert visible(view, doc.figures[last].start)
        assert view.scroll_y > 0
        # the panel marks the figures on screen
        await pilot.press("escape", "g")
        await pilot.pause()
        assert 0 in app.figures.on_screen and last not in app.figures.on_screen


@sync
async def test_highlight_toggle_styles_keywords():
    doc = sample()
    start = doc.text.index("服務商")
    keyword = Keyword("服务商", 1.0, ((start, start + 3),))
    app = KreaderApp(replace(doc, keywords=(keyword,)), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.article

        def keyword_style():
            for y in range(5):
                line = view.render_line(y)
                at = line.text.find("服務商")
                if at >= 0:
                    for seg in line:
                        if at < len(seg.text):
                            return seg.style
                        at -= len(seg.text)
            raise AssertionError("keyword not on screen")

        assert view.highlight and keyword_style().bold
        await pilot.press("h")
        assert not view.highlight and not keyword_style().bold
        await pilot.press("h")
        assert keyword_style().bold


@sync
async def test_help_screen_is_generated_from_the_bindings():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        app.set_keymap({"app.script": "z"})
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for binding in [*KreaderApp.BINDINGS, *ArticleView.BINDINGS]:
            assert binding.description in text
        assert any(line.strip().startswith("z ") and "Script" in line for line in text.splitlines())
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("z")  # the remapped key works
        assert app.article.script == "simp"


@sync
async def test_tab_cycles_focus_between_panels():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        order = []
        for _ in range(3):
            await pilot.press("tab")
            order.append(app.focused.id)
        assert order == ["figures", "sections", "article"]


@pytest.mark.parametrize("size", [(80, 24), (99, 30)])
@sync
async def test_narrow_terminal_collapses_side_panels(size):
    app = KreaderApp(with_figures(sample()), enrich=False)
    async with app.run_test(size=size) as pilot:
        assert app.screen.has_class("-narrow")
        assert not app.sections.display and not app.figures.display
        assert app.article.size.width >= size[0] - 1
        await pilot.press("f")
        assert app.figures.display and app.figures.has_focus
        await pilot.press("escape")
        assert not app.figures.display and app.article.has_focus
        await pilot.press("c")
        assert app.sections.display and not app.figures.display
        await pilot.press("enter")  # jumping closes the overlay
        await pilot.pause()
        assert not app.sections.display and app.article.has_focus
        await pilot.press("tab")
        assert app.figures.display


@sync
async def test_wide_terminal_shows_side_panels():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(100, 30)):
        assert not app.screen.has_class("-narrow")
        assert app.sections.display and app.figures.display


@sync
async def test_command_palette_sets_script_and_goes_to_section():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Set script: Taiwan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.article.script == "tw"
        await pilot.press("ctrl+p")
        await pilot.press(*"Go to section: 02")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.article.blocks[app.article.current_block].section == 2
        await pilot.press("ctrl+p")
        await pilot.press(*"search 姚福包")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.article.search_query == "姚福包" and app.article.search.hits


@sync
async def test_figures_sort_by_value_and_kind():
    doc = with_figures(sample())
    values = [50.0, 7.0, 900.0, 3.0, 1.0, 20.0]
    kinds = ["count", "money", "count", "percent", "money", "count"]
    doc = replace(doc, figures=tuple(replace(f, value=v, kind=k) for f, v, k in zip(doc.figures, values, kinds)))
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.figures

        def order():
            return list(panel.shown)

        assert order() == list(range(len(values)))
        await pilot.press("f", "s")
        assert order() == sorted(range(len(values)), key=lambda k: -values[k])
        assert "by value" in panel.border_title
        await pilot.press("s")
        assert [kinds[k] for k in order()] == sorted(kinds)
        await pilot.press("s")
        assert order() == list(range(len(values)))


async def palette_hits(pilot, at_least: int, timeout: float = 10.0) -> None:
    """Wait until the command palette lists ``at_least`` hits (its search runs in a worker)."""
    from textual.command import CommandList

    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        lists = pilot.app.screen.query(CommandList)
        if lists and lists.first().option_count >= at_least:
            await pilot.pause()
            return
        await pilot.pause(0.05)
    raise AssertionError("the command palette never listed its hits")


@sync
async def test_palette_adds_a_highlight_term_in_either_script():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p", *"add 姚福包")
        await palette_hits(pilot, 2)
        await pilot.press("down", "enter")  # the second hit: "Add highlight term …"
        await pilot.pause()
        users = [k for k in app.document.keywords if k.user]
        assert len(users) == 1 and len(users[0].spans) == doc.text.count("姚福包")
        await pilot.press("ctrl+p", *"Add highlight term")
        await palette_hits(pilot, 1)
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "TermPrompt")
        await pilot.press(*"过去", "enter")  # the prompt; Simplified term, Traditional text
        await pilot.pause()
        users = [k for k in app.document.keywords if k.user]
        assert len(users) == 2 and len(users[1].spans) == doc.text.count("過去")


@sync
async def test_shrinking_the_terminal_keeps_a_focused_panel_as_an_overlay():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.has_class("-narrow") and app.figures.display and app.figures.has_focus
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert not app.screen.has_class("-narrow") and app.sections.display


@sync
async def test_markdown_headings_show_without_hashes_in_the_article_and_navigator():
    from reader.document import parse

    doc = parse("導語一段。\n## 營收概況\n正文一段。\n### 未來展望\n正文二段。\n")
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert top_text(app.article) == "營收概況"
        assert not any("#" in line for line in view_lines(app.article))
        labels = [str(app.sections.get_option_at_index(k).prompt) for k in range(app.sections.option_count)]
        assert [label.rsplit(None, 1)[0] for label in labels[1:]] == ["營收概況", "未來展望"]  # then its count
