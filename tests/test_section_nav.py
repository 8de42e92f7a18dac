"""The section navigator on a book: a line per section with its count, redrawn in place by `t`."""

from __future__ import annotations

from pilot import sync
from rich.cells import cell_len

from reader.document import parse
from reader.text.script import in_script
from widgets.app import KreaderApp


def book(sections=80):
    """Enough sections for the navigator's scroll bar, each named with Traditional characters."""
    lines = []
    for s in range(1, sections + 1):
        name = "軟件市場" if s % 3 == 0 else "過去的市場觀察"  # 軟件 reads 軟體 in Taiwan, 過去 the same
        lines += [f"第{s}章 {name}", f"第{s}章第一段。過去近兩個月,快手服務商持續成長。"]
    return parse("\n".join(lines) + "\n")


def rows(nav) -> list[str]:
    """The navigator's lines as the terminal shows them (what was drawn, not what would be)."""
    area = nav.scrollable_content_region
    strips = nav.app.screen._compositor.render_strips()[area.y : area.bottom]
    return [strip.crop(area.x, area.right).text for strip in strips]


@sync
async def test_a_books_navigator_shows_each_section_on_one_line_with_its_count():
    doc = book()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        nav = app.sections
        assert nav.show_vertical_scrollbar  # the scroll bar takes cells from the labels, not the counts
        shown = rows(nav)
        assert len(shown) > 20
        for row, section in zip(shown, doc.sections):
            label, count = row.rsplit(maxsplit=1)
            assert count == "0" and section.label.startswith(label.rstrip("…")), (row, section.label)
            assert cell_len(row) == nav.scrollable_content_region.width


@sync
async def test_t_redraws_the_navigators_labels_keeping_its_place_and_highlight():
    doc = book()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        nav = app.sections
        for section in (60, 40):  # reading backwards: the highlighted section is at the top of the list
            app.go_to_section(section)
            await pilot.pause()
        place = (nav.scroll_y, nav.highlighted)
        assert place[1] == 40 and place[0] > 40 - nav.scrollable_content_region.height + 1  # not at the bottom
        before = rows(nav)
        for _ in range(5):  # every script, back to the original
            await pilot.press("t")
            await pilot.pause()
            assert (nav.scroll_y, nav.highlighted) == place
            top = rows(nav)[0].split("…")[0].rstrip()  # the first label on screen, cut
            assert len(top) > 4 and in_script(doc.sections[int(place[0])].label, app.article.script).startswith(top)
            shown = "".join(rows(nav))
            assert ("过去" in shown) == (app.article.script == "simp") != ("過去" in shown)
            assert ("軟體" in shown) == (app.article.script == "tw") != ("軟件" in shown or "软件" in shown)
        assert rows(nav) == before
        await pilot.press("c", "j", "enter")  # keys and Jump as before
        await pilot.pause()
        assert doc.sections[41].heading[0].text in app.article.render_line(0).text
