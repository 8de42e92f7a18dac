"""The word popup (Pilot): both scripts, pinyin, definitions; Esc closes; no markup parsed."""

from __future__ import annotations

import pytest
from pilot import sync
from textual.app import App
from textual.widgets import Static

from reader.text.dictionary import Dictionary, Entry, dictionary
from widgets.screens.word_popup import WordPopup, popup_content


class PopupApp(App[None]):
    def __init__(self, popup: WordPopup) -> None:
        super().__init__()
        self.popup = popup

    def on_mount(self) -> None:
        self.push_screen(self.popup)


async def _shown(popup: WordPopup, size=(80, 30)) -> tuple[str, PopupApp]:
    app = PopupApp(popup)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen is popup
        text = str(popup.query_one("#word-text", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not popup
    return text, app


@pytest.fixture(scope="module")
def cedict():
    return dictionary()


@pytest.mark.parametrize(
    "word, other, pinyin, meaning",
    [
        ("服務", "服务", "fúwù", "service"),
        ("品牌", None, "pǐnpái", "brand name"),
        ("直播", None, "zhíbō", "live broadcast"),
        ("服务", "服務", "fúwù", "to serve"),
    ],
)
@sync
async def test_popup_shows_the_word_in_both_scripts_with_pinyin_and_definitions(cedict, word, other, pinyin, meaning):
    text, _app = await _shown(WordPopup(cedict.lookup(word)))
    lines = text.splitlines()
    assert lines[0].split() == [word, other] if other else lines[0].split() == [word]
    assert lines[1] == pinyin
    assert meaning in text


@sync
async def test_unknown_word_shows_its_characters(cedict):
    text, _app = await _shown(WordPopup(cedict.lookup("姚福包")))
    assert "Not in the dictionary as a word" in text
    for char in "姚福包":
        assert any(line.startswith(char + "  ") for line in text.splitlines())
    assert "good fortune" in text


@sync
async def test_dictionary_brackets_are_not_markup():
    lexicon = Dictionary([Entry("個", "个", "ge4", ("[bold]x[/bold]", "CL:個|个[ge4]"))])
    text, _app = await _shown(WordPopup(lexicon.lookup("個")))
    assert "[bold]x[/bold]" in text and "CL:個|个[ge4]" in text


def test_context_reading_is_shown():
    lexicon = Dictionary([Entry("行", "行", "xing2", ("to walk",)), Entry("行", "行", "hang2", ("row",))])
    content = popup_content(lexicon.lookup("行", "háng"), "háng")
    assert content.plain.splitlines()[1] == "háng"
    assert content.plain.index("row") < content.plain.index("to walk")


@sync
async def test_popup_on_a_small_terminal_scrolls_instead_of_overflowing(cedict):
    popup = WordPopup(cedict.lookup("行"))
    app = PopupApp(popup)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        body = popup.query_one("#word-body")
        assert body.region.height <= 12 and body.region.width <= 40
        assert body.max_scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not popup


@sync
async def test_popup_names_cc_cedict_and_its_licence(cedict):
    popup = WordPopup(cedict.lookup("銀行"))
    app = PopupApp(popup)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        subtitle = str(popup.query_one("#word-body").border_subtitle)
    assert "CC-CEDICT" in subtitle and "CC BY-SA 4.0" in subtitle


@sync
async def test_popup_names_the_articles_disputed_reading(cedict):
    text, _app = await _shown(WordPopup(cedict.lookup("增長"), "zēngzhǎng", "zēngcháng"))
    lines = text.splitlines()
    assert lines[1] == "zēngzhǎng" and lines[2] == "disputed: the article reads it zēngcháng"
