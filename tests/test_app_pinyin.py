"""Pilot tests for the pinyin view: `p` toggles readings over the words, each reading
starts over its character's cell on screen, in every script, the place is kept,
`P` colours the tones, and a short terminal gets the readings after each word."""

from __future__ import annotations

import functools

from pilot import sync
from rich.cells import cell_len

from reader.clean.passes import clean
from reader.document import parse
from reader.load import load_document
from reader.locations import sample_article
from reader.text.script import SCRIPTS
from widgets.app import KreaderApp
from widgets.article.lines import GUTTER

TEXT = "重慶的銀行\n\n他去銀行取錢，行走了2.8公里。GMV達30萬，品牌直播。\n\n第二段：長大以後，他在重慶的銀行工作。\n"


def document(text: str = TEXT):
    cleaned = clean(text)
    return parse(cleaned.text, repairs=cleaned.repairs, readings=cleaned.readings)


@functools.cache
def sample():
    return load_document(sample_article())


async def pinyin_on(app, pilot) -> None:
    await pilot.press("p")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.article.pinyin


def cells(line: str) -> dict[int, str]:
    """Character starting at each cell of a rendered row (wide characters take two cells)."""
    out, at = {}, 0
    for c in line:
        out[at] = c
        at += cell_len(c)
    return out


def screen_rows(view) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def check_alignment(view) -> int:
    """Each reading on screen starts over the cell of its character, and is that character's
    reading in the script shown; returns how many readings were checked."""
    checked = 0
    top = round(view.scroll_y)
    for y in range(view.scrollable_content_region.height):
        i, r = view.rows.index.find(top + y)
        b = view.blocks[i]
        k = r - b.top_gap
        if not 0 <= k < 2 * len(view.text_layout.lines(i)) or k % 2:
            continue
        line = view.text_layout.ruby_lines(i)[k // 2]
        shown = view.text_layout.conversion(i).text
        readings = view.text_layout.shown_readings(i)
        above = view.render_line(y).text
        below = cells(view.render_line(y + 1).text)
        for ruby in line.rubies:
            col = GUTTER + ruby.column
            assert above[col : col + len(ruby.text)] == ruby.text, (above, ruby)
            assert below.get(col) == shown[ruby.index], (view.render_line(y + 1).text, ruby)
            assert readings[ruby.index].pinyin == ruby.text
            checked += 1
        # every Han character of the line has its reading above it
        assert len(line.rubies) == sum(1 for x in range(line.start, line.end) if readings[x] is not None)
    return checked


@sync
async def test_p_shows_readings_over_each_character():
    app = KreaderApp(document(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        plain = screen_rows(view)
        await pinyin_on(app, pilot)
        rows = screen_rows(view)
        assert check_alignment(view) > 20
        # 銀 is read yín, 行 háng in 銀行; 行走's 行 is xíng
        text_row = next(k for k, row in enumerate(rows) if "他去銀" in row.replace(" ", ""))
        above, below = rows[text_row - 1], cells(rows[text_row])
        at = {c: col for col, c in below.items()}
        assert above[at["銀"] :].startswith("yínháng")
        assert above[at["走"] - 5 : at["走"]].strip().endswith("xíng")
        await pilot.press("p")
        await pilot.pause()
        assert not view.pinyin and screen_rows(view) == plain


@sync
async def test_alignment_is_exact_in_every_script_and_on_the_sample():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pinyin_on(app, pilot)
        view = app.article
        seen = set()
        for _ in SCRIPTS:
            assert check_alignment(view) > 20, view.script
            seen.add(view.script)
            await pilot.press("space")
            await pilot.pause()
            assert check_alignment(view) > 20, view.script
            await pilot.press("t")
            await pilot.pause()
        assert seen == set(SCRIPTS)


@sync
async def test_the_article_own_readings_are_shown_and_marked():
    doc = sample()
    offset, given = next(iter(sorted(doc.readings.items())))
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pinyin_on(app, pilot)
        view = app.article
        view.scroll_to_offset(offset)
        await pilot.pause()
        i = view.rows.current()
        index = view.text_layout.conversion(i).to_converted(offset - view.blocks[i].paragraph.start)
        ruby = next(x for line in view.text_layout.ruby_lines(i) for x in line.rubies if x.index == index)
        assert ruby.source and ruby.text == given
        style = view.painter.style("article-view--reading-source")
        assert style.italic or style.underline


@sync
async def test_pinyin_keeps_the_reading_position():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        target = doc.text.index("在大會現場")
        view.scroll_to_offset(target)
        await pilot.pause()
        before_text = view.render_line(0).text
        i, offset, _ = view.rows.anchor()
        await pinyin_on(app, pilot)
        assert view.rows.anchor()[:2] == (i, offset)
        assert "在" in view.render_line(1).text and "zài" in view.render_line(0).text
        await pilot.press("space")  # page on, then back: still in step
        await pilot.press("b")
        await pilot.pause()
        assert view.rows.anchor()[:2] == (i, offset)
        await pilot.press("down")  # onto the text row of a line: toggling keeps that line
        await pilot.press("p")
        await pilot.pause()
        assert view.render_line(0).text == before_text


@sync
async def test_tone_colours():
    app = KreaderApp(document(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pinyin_on(app, pilot)
        view = app.article
        await pilot.press("P")
        await pilot.pause()
        assert view.tones
        colours = {}
        for y in range(view.scrollable_content_region.height):
            for seg in view.render_line(y):
                if seg.text.strip() in ("yín", "háng", "qù", "qǔ"):
                    colours[seg.text.strip()] = seg.style.color
        assert colours["yín"] == colours["háng"] != colours["qù"]  # tone 2, 2, 4
        assert colours["qǔ"] not in (colours["qù"], colours["yín"])  # tone 3


@sync
async def test_short_terminal_puts_readings_after_each_word():
    app = KreaderApp(document(), enrich=False)
    async with app.run_test(size=(80, 16)) as pilot:
        await pinyin_on(app, pilot)
        view = app.article
        assert view.text_layout.mode == "inline"
        text = "\n".join(screen_rows(view))
        assert "銀行yínháng" in text and "重慶chóngqìng" in text and "GMV" in text
        assert (
            len(view.text_layout.lines(1))
            == view.rows.index.height(1) - view.blocks[1].bottom_gap - view.blocks[1].top_gap
        )


@sync
async def test_a_disputed_source_reading_gives_way_to_the_words_and_is_flagged():
    doc = document("經濟增長(cháng)較快，他看著(zhù)市場。\n")
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pinyin_on(app, pilot)
        view = app.article
        rows = "\n".join(screen_rows(view))
        assert "zēngzhǎng" in rows and "kànzhe" in rows and "cháng" not in rows and "zhù" not in rows
        rubies = [x for line in view.text_layout.ruby_lines(0) for x in line.rubies]
        assert [x.text for x in rubies if x.disputed] == ["zhǎng", "zhe"]
        assert view.painter.style("article-view--reading-disputed").reverse
        assert not any(x.source for x in rubies)
