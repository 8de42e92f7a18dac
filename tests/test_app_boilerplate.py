"""The reader shows the page furniture the cleaner removed, dimmed and in place, on a key; the header
shows the byline and the repairs by kind."""

from __future__ import annotations

from pilot import sync

from reader.load import load_document
from widgets.app import KreaderApp
from widgets.header_bar import header_content

ARTICLE = "来源：新华网　作者：李华\n第一段有100元。\n图片来源：视觉中国\n第二段。\n分享到：微信 微博\n"


async def _settle(app, pilot) -> None:
    for _ in range(60):
        await pilot.pause(0.05)
        if not app.file_watch.reloading:
            break
    await pilot.pause()


def test_header_shows_the_byline_and_repairs_by_kind(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    plain = header_content(load_document(path), "original").plain
    assert "source 新华网 · by 李华" in plain
    assert "3 repairs: 3 boilerplate" in plain


@sync
async def test_B_shows_the_removed_furniture_dimmed_in_place_and_hides_it_again(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = KreaderApp(load_document(path), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "图片来源" not in app.document.text
        await pilot.press("B")
        await _settle(app, pilot)
        text = app.document.text
        assert "图片来源：视觉中国" in text and text.index("第一段") < text.index("图片来源") < text.index("第二段")
        dimmed = [(s, e) for s, e, kind in app.article.flagged_spans.within(0, len(text)) if kind == "boilerplate"]
        assert len(dimmed) == 3 and text[dimmed[1][0] : dimmed[1][1]].startswith("图片来源")
        style = app.article.get_component_rich_style("article-view--boilerplate")
        assert style.italic
        await pilot.press("B")
        await _settle(app, pilot)
        assert "图片来源" not in app.document.text
