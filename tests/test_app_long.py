"""A long article: blocks are wrapped lazily, and the view stays consistent."""

from __future__ import annotations


from pilot import sync
from reader.app import KreaderApp
from reader.document import parse
from widgets.article_view import EAGER_BLOCKS


def long_doc(sections=60, paragraphs=20):
    lines = []
    for s in range(1, sections + 1):
        lines.append(f"{s:02d}")
        for p in range(paragraphs):
            # paragraphs of different lengths, so that estimates are wrong both ways
            lines.append(f"第{s}節第{p}段。" + "過去近兩個月,快手服務商持續成長。" * (1 + (p * 7) % 9))
    return parse("\n".join(lines) + "\n")


def screen(view):
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


@sync
async def test_lazy_layout_keeps_the_view_consistent():
    doc = long_doc()
    assert len(doc.paragraphs) > EAGER_BLOCKS
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        assert not all(view._measured)  # lazily wrapped
        await pilot.press("G")
        await pilot.pause()
        lines = [line.strip() for line in screen(view)]
        assert lines[-1] == "" and lines[-2]  # the last paragraph ends the page
        assert view.blocks[-1].paragraph.text.endswith(lines[-2].lstrip("▌ "))
        for section in (45, 3):
            view.go_to_section(section)
            await pilot.pause()
            assert screen(view)[0].strip() == f"▌ {section:02d}"
        # line by line upwards: the page moves by exactly one row, estimates or not
        for _ in range(40):
            before = screen(view)
            await pilot.press("k")
            after = screen(view)
            if view.scroll_y == 0:
                break
            assert [a.lstrip("▌ ") for a in after[1:]] == [b.lstrip("▌ ") for b in before[:-1]]
        await pilot.press("t")  # script toggle keeps the position in a long article too
        await pilot.pause()
        assert "过去" in "".join(screen(view)) or view.scroll_y == 0
