"""A long article: blocks are wrapped lazily, and the view stays consistent."""

from __future__ import annotations

from pilot import sync

from reader.document import parse
from widgets.app import KreaderApp
from widgets.article.view import EAGER_BLOCKS


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
        assert not all(view.rows.measured)  # lazily wrapped
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


@sync
async def test_the_next_screenful_is_rendered_ahead_in_the_direction_of_travel(monkeypatch):
    from widgets.article import paint as article_paint

    app = KreaderApp(long_doc(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        height = view.scrollable_content_region.height
        for key, ahead in (("pagedown", 1), ("pagedown", 1), ("pageup", -1)):
            await pilot.press(key)
            await pilot.pause()
            y = round(view.scroll_y)
            rows = range(y + height, y + 2 * height) if ahead > 0 else range(max(0, y - height), y)
            frame = view.screen_lines.frame()

            def rendered_now(*_args):
                raise AssertionError("a line of the next page was not rendered ahead")

            with monkeypatch.context() as m:
                m.setattr(article_paint.BlockStrips, "_render", rendered_now)
                m.setattr(view.painter, "build_strips", rendered_now)
                lines = [view.screen_lines.line(row, frame) for row in rows]
            assert any(line.text.strip() for line in lines)
        # and what comes from the cache is what rendering now would give
        await pilot.press("pagedown")
        await pilot.pause()
        cached = screen(view)
        view.screen_lines.forget()
        assert screen(view) == cached


@sync
async def test_the_article_given_is_kept_off_the_cycle_collector():
    # A book is over a million objects: a full collection walking them all stalls a frame.
    import gc

    gc.unfreeze()
    app = KreaderApp(long_doc(sections=2), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.get_freeze_count() > 0
        assert gc.is_tracked(app.document.sections) and not any(
            app.document.sections is o for o in gc.get_objects(generation=2)
        )


@sync
async def test_the_reader_collects_cycles_less_often_and_restores_the_thresholds():
    import gc

    from widgets.app import INTERACTIVE_GC_THRESHOLDS

    before = gc.get_threshold()
    app = KreaderApp(long_doc(sections=2), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.get_threshold() == INTERACTIVE_GC_THRESHOLDS != before
    assert gc.get_threshold() == before
