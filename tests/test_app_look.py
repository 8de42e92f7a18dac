"""What the screen shows and how it reads: the footer's last cell, the header at any width, the
navigator's counts, the original-script marker, the colour legend and the styles of the marks in
truecolor, 16 colours and NO_COLOR."""

from __future__ import annotations

import functools

import pytest
from pilot import sync
from rich.cells import cell_len

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
