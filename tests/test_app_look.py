"""What the screen shows and how it reads: the footer's last cell, the header at any width, the
navigator's counts, the original-script marker, the colour legend and the styles of the marks in
truecolor, 16 colours and NO_COLOR."""

from __future__ import annotations

import functools

import pytest
from pilot import sync
from rich.cells import cell_len
from rich.color import ColorSystem

from reader.enrich import with_figures
from reader.load import load_document
from reader.locations import sample_article
from widgets.app import KreaderApp


@functools.cache
def sample():
    return with_figures(load_document(sample_article()), labels=False)


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KREADER_STATE_DIR", str(tmp_path / "state"))


def segment_style(app, text: str):
    """The style of the first segment on screen that reads ``text``."""
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            if segment.text == text:
                return segment.style
    raise AssertionError(f"{text} is not on screen")


def screen_lines(app) -> list[str]:
    """The screen as the terminal shows it, one string a row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
@sync
async def test_the_footer_ends_with_the_palette_hint_when_the_keys_overflow(size):
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        footer = screen_lines(app)[-1]
        # the hint is docked right over the keys that do not fit: no cell of them may show after it
        assert footer.rstrip().endswith("^p palette"), footer
        # and the keys before it are whole: none is cut by the hint (`v▏`, `Ke▏`)
        shown = footer.split("▏")[0].split()
        assert shown[-1] in ("Original", "Help", "Search", "Script", "Keywords", "Figures", "Sections"), footer
        await pilot.press("f")  # other keys (the panel's): fitted again
        await pilot.pause()
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert footer.split("▏")[0].split()[-1] in ("Sort", "Filter", "Chart", "Help", "Search", "Figures"), footer


HEADERS = {
    120: "sample-article.txt  ·  0/73 reviewed  ·  original (繁)  ·  332 repairs: 325 pinyin · 6 mojibake · 1 html  ·  utf-8",
    80: "sample-article.txt  ·  0/73 reviewed  ·  original (繁)  ·  332 repairs",
    40: "sample-article.txt · 0/73 · orig 繁",
}


@sync
async def test_the_header_fits_the_terminal_and_follows_a_resize():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        for width in (120, 80, 40, 120):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            await pilot.pause()
            assert screen_lines(app)[0].strip() == HEADERS[width]
        await pilot.resize_terminal(40, 12)
        await pilot.press("t")
        await pilot.pause()
        assert screen_lines(app)[0].strip() == "sample-article.txt · 0/73 · 简"


def test_every_section_shows_its_figure_count_in_one_column_zero_included():
    from widgets.section_nav import section_prompts

    doc = sample()
    rows = [p.plain for p in section_prompts(doc)]
    assert [r.split()[-1] for r in rows] == ["20", "27", "26", "0"], rows
    assert len({cell_len(r) for r in rows}) == 1  # the counts end in one column


@sync
async def test_the_navigator_names_its_count_column():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        nav = [line[:20] for line in lines[1:8]]
        assert nav[4].rstrip("│ ").endswith("03              0"), nav
        bottom = next(line for line in lines if line.startswith("╰"))[:20]
        assert bottom.endswith("figures ─╯"), bottom


@sync
async def test_o_marks_the_original_lines_outside_the_text_with_a_badge_and_a_rule():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("t", "o")
        await pilot.pause()
        view = app.article
        block = view.current_block
        lines = screen_lines(app)
        original = view.blocks[block].paragraph.text[:4]
        rows = [k for k, line in enumerate(lines) if original in line[:8]]
        assert rows, "\n".join(lines)
        first = rows[0]
        assert lines[first].startswith("原" + original), lines[first]  # the gutter's two cells: the badge
        assert lines[first + 1].startswith("┆ "), lines[first + 1]
        badge = view.get_component_rich_style("article-view--label")
        assert badge.reverse, "the badge is drawn reversed, not as a character of the text"


def mode_app(mode: str) -> KreaderApp:
    app = KreaderApp(sample(), enrich=False)
    app.remove_class("-color", "-ansi16", "-mono")
    app.add_class(f"-{mode}")
    return app


@sync
async def test_on_16_colours_keywords_are_yellow_and_user_terms_differ_from_figures():
    app = mode_app("ansi16")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        style = app.article.get_component_rich_style

        def ansi(name: str) -> int:
            return style(f"article-view--{name}").color.downgrade(ColorSystem.STANDARD).number

        assert ansi("keyword") == 11 and style("article-view--keyword").bold
        assert ansi("figure") == 10 and ansi("user-keyword") == 13
        assert ansi("damaged") in (1, 9)


@sync
async def test_with_no_color_marks_keep_the_texts_colour_and_differ_by_text_style(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = KreaderApp(sample(), enrich=False)
    assert app.has_class("-mono")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.article
        text = view.rich_style.color
        for name in ("keyword", "user-keyword", "figure", "search", "inferred", "boilerplate"):
            style = view.get_component_rich_style(f"article-view--{name}")
            assert style.color == text, name  # not a darker grey
        figure = view.get_component_rich_style("article-view--figure")
        keyword = view.get_component_rich_style("article-view--keyword")
        assert figure.underline and keyword.bold and not keyword.underline


@pytest.mark.parametrize("mode", ["color", "ansi16", "mono"])
@sync
async def test_the_legend_opens_on_its_key_and_shows_each_mark_in_its_live_style(mode):
    from widgets.screens.legend import LegendScreen
    from widgets.styles import MARKS

    app = mode_app(mode)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LegendScreen)
        plain = "\n".join(screen_lines(app))
        for mark in MARKS:
            assert mark.meaning[:30] in plain, mark.name
        keyword = app.article.get_component_rich_style("article-view--keyword")
        drawn = segment_style(app, "快手")
        assert drawn.bold == keyword.bold and drawn.color == keyword.color, (drawn, keyword)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LegendScreen)


@sync
async def test_help_shows_the_legend_too():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        plain = str(app.screen.query_one("#help-text").render())
        assert "Colours and marks" in plain and "your own highlight term" in plain
        assert "Legend" in plain and "app.legend" in plain
        from widgets.commands import binding_commands

        assert "Legend" in [name for name, _run, _help in binding_commands(app)]  # and in the palette
