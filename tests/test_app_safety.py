"""Untrusted article text: markup and escape sequences show literally and do nothing."""

from __future__ import annotations

from dataclasses import replace

from pilot import sync

from reader.clean.edits import Inferred, Repair
from reader.clean.passes import clean
from reader.document import parse
from widgets.app import KreaderApp
from widgets.article.view import ArticleView

MARKUP = [
    "[bold]粗體[/bold]",
    "[/]",
    "[link=https://example.com]連結[/link]",
    "[@click=app.quit]退出[/]",
    "[red on blue]色[/]",
    "[b]",
]
CRAFTED = (
    "導語 [bold]粗體[/bold] 與 [/] 結尾。\n"
    "# [/] [@click=app.quit]標題\n"
    "正文 [link=https://example.com]連結[/link] 和 [@click=app.quit]退出[/] 還有 [red on blue]色[/] [b]。\n"
    "轉義 \x1b[31m紅\x1b[0m 與 \x1b]52;c;SGVsbG8=\x07 剪貼簿 \x9b2J 清屏。\n"
)


def cleaned_doc():
    c = clean(CRAFTED)
    return parse(c.text, source="dir/[b]evil[@click=app.quit].txt", repairs=c.repairs, readings=c.readings)


def screen_text(view: ArticleView) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


@sync
async def test_markup_in_the_article_shows_literally():
    app = KreaderApp(cleaned_doc(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = "".join(screen_text(app.article).split())  # lines joined, gutter and spaces dropped
        for snippet in MARKUP:
            assert "".join(snippet.split()) in text, snippet
        assert "[@click=app.quit]標題" in text  # the heading too
        # navigator, header and status: plain text, no crash
        assert str(app.sections.get_option_at_index(1).prompt).startswith("[/] [@click=a")
        assert "[b]evil[@click=app.quit].txt" in str(app.query_one("#header").render())
        # searching and highlighting such text works and says so without markup
        await pilot.press("slash", *"[/]", "enter")
        assert len(app.article.search.hits) == app.document.text.count("[/]") == 4
        assert "[/]" in str(app.query_one("#status").render())
        app.add_highlight_term("[@click=app.quit]")
        await pilot.press("ctrl+p", *"Go to section")
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running  # nothing quit the app
        await pilot.click("#article", offset=(10, 2))  # clicking text with [@click=...] does nothing
        assert app.is_running


@sync
async def test_escape_sequences_never_reach_the_terminal():
    # Uncleaned text (a caller that skipped the cleaner): controls show as symbols.
    raw = parse(CRAFTED)
    app = KreaderApp(raw, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = screen_text(app.article)
        assert "␛[31m紅␛[0m" in text
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in text.replace("\n", ""))
    # Cleaned text: the cleaner removed them and the reader counts the repairs.
    doc = cleaned_doc()
    assert "\x1b" not in doc.text and "紅" in doc.text
    assert doc.repairs


@sync
async def test_inferred_characters_are_marked_and_their_candidates_shown():
    c = clean("第一段。\n服務商入駐快手電商。\n")
    doc = parse(c.text)
    at = doc.text.index("駐")
    inferred = Inferred(at, "駐", ("駐", "住"), "GBK realignment")
    doc = replace(doc, repairs=(Repair("mojibake", at, "x", "駐", inferred=(inferred,)),))
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 20)) as pilot:
        view = app.article
        line = view.render_line(2)
        col = line.text.index("駐")
        seen = 0
        for seg in line:
            if seen <= col < seen + len(seg.text):
                assert seg.style.underline
                break
            seen += len(seg.text)
        status = str(app.query_one("#status").render())
        assert "inferred" not in status  # the first paragraph has none
        await pilot.press("j", "j")
        await pilot.pause()
        status = str(app.query_one("#status").render())
        assert "inferred 駐 (or 住) GBK realignment" in status
