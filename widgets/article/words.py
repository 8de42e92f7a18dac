"""Word mode of the article view: a word cursor and dictionary lookups (the view's ``words``).

``W`` puts a cursor on the first word at the top of the view (jieba's words,
:class:`reader.text.words.WordIndex`, the same in every script); ←/→ move it by
word, ↑/↓ to the word at the same column of the line above or below, Enter
opens :class:`~widgets.screens.word_popup.WordPopup` with the word's CC-CEDICT
entries, Esc leaves.  jieba and the dictionary load in workers the first
time.  The cursor is a span of ``Document.text``, painted like any other
mark (in the strip cache key only for the block that holds it), so it
follows script changes and the pinyin view.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.binding import Binding

from reader.document import Paragraph
from reader.layout.wrap import line_of
from widgets.messages import Notice

if TYPE_CHECKING:
    from reader.text.words import WordIndex
    from widgets.article.view import ArticleView

WORD_BINDINGS = [
    Binding(
        "W",
        "word_mode",
        "Words",
        show=False,
        id="article.words",
        tooltip="word cursor: ←/→ by word, ↑/↓ by line, Enter looks the word up, Esc leaves",
    ),
    Binding("right", "word_step(1)", "Next word", show=False, id="words.next"),
    Binding("left", "word_step(-1)", "Previous word", show=False, id="words.previous"),
    Binding("down", "word_line(1)", "Word below", show=False, id="words.down"),
    Binding("up", "word_line(-1)", "Word above", show=False, id="words.up"),
    Binding("enter", "word_lookup", "Look the word up", show=False, id="words.lookup"),
    Binding("escape", "word_leave", "Leave word mode", show=False, id="words.leave"),
]
WORD_ACTIONS = {"word_step", "word_line", "word_lookup", "word_leave"}

WORD_COMPONENT_CLASSES = {"article-view--word"}


class ArticleWords:
    """Word mode of the article view (its ``words``); the cursor is the view's ``word_cursor``."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.index: WordIndex | None = None  # the words of the document shown, built in a worker
        self._index_text: str | None = None

    def forget(self) -> None:
        """The text changed: offsets into the old one mean nothing now."""
        self.view.word_cursor = None
        self.index = None

    # ------------------------------------------------------------ entering

    def toggle(self) -> None:
        view = self.view
        if view.word_cursor is not None:
            view.word_cursor = None
        elif self.index is not None and self._index_text is view.document.text:
            self._enter(self.index, view.document.text)
        elif view.blocks:
            view.run_worker(self._build_index, thread=True, group="words", exclusive=True, exit_on_error=False)

    def _build_index(self) -> None:
        from reader.text.words import WordIndex

        view = self.view
        doc = view.document
        index = WordIndex.of(doc)
        index.word_at(view.top_offset)  # jieba loads and cuts the paragraph at the top here, not on the UI thread
        view.app.call_from_thread(self._enter, index, doc.text)

    def _enter(self, index: WordIndex, text: str) -> None:
        view = self.view
        if text is not view.document.text:
            return  # the article changed meanwhile
        self.index, self._index_text = index, text
        word = index.word_at(view.top_offset)
        if word is None:
            view.post_message(Notice("No words to look up here."))
            return
        view.word_cursor = word
        view.post_message(Notice("Word mode: ←/→ words, ↑/↓ lines, Enter looks up, Esc leaves."))

    # -------------------------------------------------------------- moving

    def step(self, direction: int) -> None:
        view = self.view
        if view.word_cursor is None or self.index is None:
            return
        s, _e = view.word_cursor
        word = self.index.next_word(s) if direction > 0 else self.index.previous_word(s)
        if word is None:
            view.app.bell()
        else:
            view.word_cursor = word

    def line(self, direction: int) -> None:
        """The word at the same column of the next line up or down (the nearest one on that line)."""
        view = self.view
        if view.word_cursor is None or self.index is None:
            return
        s, _e = view.word_cursor
        view.rows.ensure()
        i = view.block_at(s)
        j, column = self.line_and_column(s)
        j += direction
        if not 0 <= j < len(view.text_layout.lines(i)):
            i += direction
            if not 0 <= i < len(view.blocks):
                view.app.bell()
                return
            j = 0 if direction > 0 else len(view.text_layout.lines(i)) - 1
        line_start, line_end, offset = self._line_offsets(i, j, column)
        word = self.index.word_at(offset)
        if word is None or word[0] >= line_end:  # past the line's last word: take that one
            before = self.index.previous_word(line_end)
            if before is not None and before[1] > line_start:
                word = before
        if word is None:
            view.app.bell()
        else:
            view.word_cursor = word

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """The line (of its block) holding document ``offset`` and the cell it starts at."""
        view = self.view
        i = view.block_at(offset)
        layout = view.text_layout
        local = layout.conversion(i).to_converted(offset - view.blocks[i].paragraph.start)
        j = line_of(layout.lines(i), local)
        return j, layout.column_of(i, j, local)

    def _line_offsets(self, i: int, j: int, column: int) -> tuple[int, int, int]:
        """Document offsets of line ``j`` of block ``i``: its start, end, and the character at ``column``."""
        layout = self.view.text_layout
        conv = layout.conversion(i)
        start = self.view.blocks[i].paragraph.start
        s, e = layout.lines(i)[j]
        local = layout.local_at_column(i, j, column)
        return start + conv.to_original(s), start + conv.to_original(e), start + conv.to_original(local)

    def keep_visible(self, word: tuple[int, int]) -> None:
        view = self.view
        row = view.rows.row_of(word[0])
        rows = view.text_layout.rows_per_line
        top, height = round(view.scroll_y), max(1, view.scrollable_content_region.height)
        if row < top:
            view.rows.scroll_to_row(row)
        elif row + rows > top + height:
            view.rows.scroll_to_row(row + rows - height)

    # ------------------------------------------------------------- lookup

    def shown_word(self) -> str:
        """The word under the cursor as shown (in the script on screen)."""
        view = self.view
        if view.word_cursor is None:
            return ""
        s, e = view.word_cursor
        i = view.block_at(s)
        start = view.blocks[i].paragraph.start
        conv = view.text_layout.conversion(i)
        cs, ce = conv.span_to_converted(s - start, e - start)
        return conv.text[cs:ce]

    def look_up(self) -> None:
        from reader.text import dictionary

        view = self.view
        if view.word_cursor is None:
            return
        if not dictionary.is_loaded():
            view.post_message(Notice("Loading the dictionary…"))
        s, e = view.word_cursor
        i = view.block_at(s)
        para = view.blocks[i].paragraph
        shown = view.text_layout.conversion(i).span_to_converted(s - para.start, e - para.start)
        word, script = self.shown_word(), view.script
        view.run_worker(
            lambda: self._look_up(word, para, shown, script),
            thread=True,
            group="word-lookup",
            exclusive=True,
            exit_on_error=False,
        )

    def _look_up(self, word: str, para: Paragraph, shown: tuple[int, int], script: str) -> None:
        """Read the word where it stands and look it up (a worker: pypinyin and CC-CEDICT load here)."""
        from reader.text.dictionary import lookup
        from reader.text.readings import shown_readings
        from widgets.screens.word_popup import WordPopup

        view = self.view
        source: Mapping[int, str] = view.document.readings
        if source:
            source = {o: r for o in range(para.start, para.end) if (r := source.get(o))}
        try:
            readings = shown_readings(para.text, para.start, script, source)
            here = [r for r in readings[shown[0] : shown[1]] if r is not None]
            reading = "".join(r.pinyin for r in here)
            disputed = "".join(r.disputed or r.pinyin for r in here) if any(r.disputed for r in here) else ""
            found = lookup(word, reading)
        except Exception as error:  # noqa: BLE001 - the reader goes on without the dictionary
            notice = Notice(f"The dictionary is not available ({type(error).__name__}).", "warning")
            view.app.call_from_thread(view.post_message, notice)
            return
        view.app.call_from_thread(view.app.push_screen, WordPopup(found, reading, disputed))
