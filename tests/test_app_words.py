"""Pilot tests for word mode: `W` puts a cursor on a word, ←/→ move by word over mixed
Han/Latin/digits, ↑/↓ by line, Enter shows the dictionary popup, Esc leaves."""

from __future__ import annotations

from pilot import sync
from rich.cells import cell_len

from reader.clean.passes import clean
from reader.document import parse
from widgets.app import KreaderApp
from widgets.screens.word_popup import WordPopup

FIRST = "我們提供服務，品牌直播帶貨。GMV達2.8萬，iPhone 15 Pro增長60%。"
TEXT = (
    FIRST
    + "\n\n"
    + "快手電商服務商在過去近兩個月持續迭代成長，在賦能主播、品牌，踐行平臺極致信任方面發揮著積極作用。" * 3
    + "\n"
)


def document(text: str = TEXT):
    cleaned = clean(text)
    return parse(cleaned.text, repairs=cleaned.repairs, readings=cleaned.readings)


async def word_mode(app, pilot) -> None:
    await pilot.press("W")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.article.word_cursor is not None


def cursor_word(view) -> str:
    s, e = view.word_cursor
    return view.document.text[s:e]


def painted_word(view) -> str:
    """The text painted in the word cursor's style on screen."""
    style = view.painter.style("article-view--word")
    found = []
    for y in range(view.scrollable_content_region.height):
        for seg in view.render_line(y):
            if seg.style and seg.style.reverse and seg.style.bold == style.bold and seg.text.strip():
                found.append(seg.text.strip())
    return "".join(found)


def line_and_column(view) -> tuple[int, int, int]:
    s, _e = view.word_cursor
    i = max(b.index for b in view.blocks if b.paragraph.start <= s)
    return (i, *view.words.line_and_column(s))


@sync
async def test_arrows_move_by_word_over_mixed_text():
    app = KreaderApp(document(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        await word_mode(app, pilot)
        seen = [cursor_word(view)]
        for _ in range(13):
            await pilot.press("right")
            seen.append(cursor_word(view))
        assert seen == [
            "我們",
            "提供",
            "服務",
            "品牌",
            "直播",
            "帶貨",
            "GMV",
            "達",
            "2.8萬",
            "iPhone",
            "15",
            "Pro",
            "增長",
            "60%",
        ]
        await pilot.pause()
        assert painted_word(view) == "60%"
        for _ in range(3):
            await pilot.press("left")
        assert cursor_word(view) == "15"
        for _ in range(4):
            await pilot.press("right")
        assert cursor_word(view) == "快手" and view.word_cursor[0] > len(FIRST)  # the next paragraph's first


@sync
async def test_arrows_follow_the_script_shown():
    app = KreaderApp(document(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        await pilot.press("t")  # Simplified
        await word_mode(app, pilot)
        await pilot.press("right", "right")
        await pilot.pause()
        assert cursor_word(view) == "服務" and view.words.shown_word() == "服务"
        assert painted_word(view) == "服务"


@sync
async def test_up_and_down_move_by_line():
    app = KreaderApp(document(), enrich=False)
    async with app.run_test(size=(80, 30)) as pilot:
        view = app.article
        view.scroll_to_offset(len(FIRST) + 2)
        await pilot.pause()
        await word_mode(app, pilot)
        for _ in range(5):
            await pilot.press("right")
        i, line, column = line_and_column(view)
        assert len(view.text_layout.lines(i)) > 2, "the paragraph wraps"
        await pilot.press("down")
        i2, line2, column2 = line_and_column(view)
        assert (i2, line2) == (i, line + 1)
        s, e = view.word_cursor
        assert column2 <= column < column2 + cell_len(view.document.text[s:e]) + 2
        await pilot.press("up")
        assert line_and_column(view)[:2] == (i, line)
        await pilot.press("up")  # to the last line of the paragraph above
        i3, line3, _ = line_and_column(view)
        assert i3 < i or line3 == line - 1
        # and in the pinyin view, where lines have two rows
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        i, line, column = line_and_column(view)
        await pilot.press("down")
        assert line_and_column(view)[:2] in ((i, line + 1), (i + 1, 0))


@sync
async def test_cursor_stays_visible():
    app = KreaderApp(document(), enrich=False)
    async with app.run_test(size=(80, 12)) as pilot:
        view = app.article
        await word_mode(app, pilot)
        for _ in range(12):
            await pilot.press("down")
        await pilot.pause()
        s, _e = view.word_cursor
        row = view.rows.row_of(s)
        assert view.scroll_y <= row < view.scroll_y + view.scrollable_content_region.height
        assert painted_word(view)


@sync
async def test_enter_shows_the_dictionary_and_escape_leaves():
    app = KreaderApp(document(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        await word_mode(app, pilot)
        expected = {"服務": ("fúwù", "to serve"), "品牌": ("pǐnpái", "brand name"), "直播": ("zhíbō", "live broadcast")}
        await pilot.press("right", "right")
        for word, (pinyin, definition) in expected.items():
            assert cursor_word(view) == word
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, WordPopup)
            shown = str(app.screen.query_one("#word-text").render())
            assert word in shown and pinyin in shown and definition in shown
            await pilot.press("escape")  # closes the popup, not word mode
            await pilot.pause()
            assert not isinstance(app.screen, WordPopup) and view.word_cursor is not None
            await pilot.press("right")
        await pilot.press("escape")
        await pilot.pause()
        assert view.word_cursor is None and painted_word(view) == ""
        top = view.scroll_y
        await pilot.press("down")  # the arrows scroll again
        await pilot.pause()
        assert view.scroll_y == top + 1


@sync
async def test_export_writes_the_vocabulary_next_to_the_review(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = KreaderApp(document(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        messages = []
        app.notify = lambda message, **kw: messages.append(message)
        await pilot.press("E")
        await app.workers.wait_for_complete()
        await pilot.pause()
    (review,) = tmp_path.glob("*.review.md")
    vocabulary = review.with_name(review.name.replace(".review.md", ".vocabulary.md"))
    text = vocabulary.read_text(encoding="utf-8")
    assert "| 服務 |" in text and "fúwù" in text and "to serve" in text and "GMV" not in text
    assert any(str(vocabulary) in m for m in messages)


@sync
async def test_help_lists_the_reading_aid_keys():
    from widgets.screens.help import binding_rows

    app = KreaderApp(document(), enrich=False)
    async with app.run_test(size=(100, 30)):
        rows = {ident: keys for keys, _text, ident in binding_rows(app.article)}
        assert rows["article.pinyin"] == "p" and rows["article.tones"] == "P" and rows["article.words"] == "W"
        assert {"words.next", "words.previous", "words.up", "words.down", "words.lookup", "words.leave"} <= set(rows)


@sync
async def test_the_popup_of_a_word_the_article_misreads_shows_both_readings():
    app = KreaderApp(document("經濟增長(cháng)較快。\n"), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        await word_mode(app, pilot)
        await pilot.press("right")
        assert cursor_word(view) == "增長"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, WordPopup)
        shown = str(app.screen.query_one("#word-text").render())
        assert "zēngzhǎng" in shown and "disputed: the article reads it zēngcháng" in shown
