"""Word mode of the article view: a word cursor and dictionary lookups (a mixin).

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

import bisect

from rich.cells import cell_len
from textual.binding import Binding

from reader.layout.wrap import line_of
from widgets.article.layout import block_at

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
_WORD_ACTIONS = {"word_step", "word_line", "word_lookup", "word_leave"}

WORD_COMPONENT_CLASSES = {"article-view--word"}

WORD_CSS = """
ArticleView {
    & > .article-view--word { text-style: reverse bold; }
}
"""


class ArticleWords:
    """Mixed into :class:`~widgets.article.view.ArticleView`, first (it adds to the marks and key)."""

    word_cursor: tuple[int, int] | None = None  # the word under the cursor, offsets into Document.text
    _word_index = None  # reader.text.words.WordIndex of the document shown, built in a worker
    _word_index_text: str | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Outside word mode the arrows, Enter and Esc fall through to the view's other bindings.
        if action in _WORD_ACTIONS:
            return self.word_cursor is not None
        return super().check_action(action, parameters)

    def update_document(self, doc) -> None:
        if doc.text != self.document.text:  # offsets into the old text mean nothing now
            self.word_cursor = None
            self._word_index = None
        super().update_document(doc)

    # ------------------------------------------------------------ entering

    def action_word_mode(self) -> None:
        if self.word_cursor is not None:
            self.action_word_leave()
        elif self._word_index is not None and self._word_index_text is self.document.text:
            self._enter_word_mode(self._word_index, self.document.text)
        elif self.blocks:
            self.run_worker(self._build_word_index, thread=True, group="words", exclusive=True, exit_on_error=False)

    def _build_word_index(self) -> None:
        from reader.text.words import WordIndex

        doc = self.document
        index = WordIndex.of(doc)
        index.word_at(self.top_offset)  # jieba loads and cuts the paragraph at the top here, not on the UI thread
        self.app.call_from_thread(self._enter_word_mode, index, doc.text)

    def _enter_word_mode(self, index, text: str) -> None:
        if text is not self.document.text:
            return  # the article changed meanwhile
        self._word_index, self._word_index_text = index, text
        word = index.word_at(self.top_offset)
        if word is None:
            self.post_message(self.Notice("No words to look up here."))
            return
        self._set_word(word)
        self.post_message(self.Notice("Word mode: ←/→ words, ↑/↓ lines, Enter looks up, Esc leaves."))
        self.refresh_bindings()

    def action_word_leave(self) -> None:
        self.word_cursor = None
        self.refresh()
        self.refresh_bindings()

    # -------------------------------------------------------------- moving

    def _set_word(self, word: tuple[int, int]) -> None:
        self.word_cursor = word
        self._keep_word_visible()
        self.refresh()

    def action_word_step(self, direction: int) -> None:
        s, _e = self.word_cursor
        index = self._word_index
        word = index.next_word(s) if direction > 0 else index.previous_word(s)
        if word is None:
            self.app.bell()
        else:
            self._set_word(word)

    def action_word_line(self, direction: int) -> None:
        """The word at the same column of the next line up or down (the nearest one on that line)."""
        s, _e = self.word_cursor
        self._ensure_layout()
        i = block_at(self._starts, s)
        j, column = self._line_and_column(i, s)
        j += direction
        if not 0 <= j < len(self._lines(i)):
            i += direction
            if not 0 <= i < len(self.blocks):
                self.app.bell()
                return
            j = 0 if direction > 0 else len(self._lines(i)) - 1
        line_start, line_end, offset = self._line_offsets(i, j, column)
        index = self._word_index
        word = index.word_at(offset)
        if word is None or word[0] >= line_end:  # past the line's last word: take that one
            before = index.previous_word(line_end)
            if before is not None and before[1] > line_start:
                word = before
        if word is None:
            self.app.bell()
        else:
            self._set_word(word)

    def _line_and_column(self, i: int, offset: int) -> tuple[int, int]:
        """Line of block ``i`` holding document ``offset`` and the cell it starts at."""
        conv = self._conversion(i)
        local = conv.to_converted(offset - self.blocks[i].paragraph.start)
        lines = self._lines(i)
        j = line_of(lines, local)
        if self._ruby_mode:
            return j, self._ruby_lines(i)[j].column_of(local)
        return j, cell_len(conv.text[lines[j][0] : local])

    def _line_offsets(self, i: int, j: int, column: int) -> tuple[int, int, int]:
        """Document offsets of line ``j`` of block ``i``: its start, end, and the character at ``column``."""
        conv = self._conversion(i)
        start = self.blocks[i].paragraph.start
        s, e = self._lines(i)[j]
        if self._ruby_mode:
            columns = self._ruby_lines(i)[j].columns
            local = s + max(0, bisect.bisect_right(columns, column) - 1)
        else:
            local, cells = s, 0
            while local + 1 < e and cells + cell_len(conv.text[local]) <= column:
                cells += cell_len(conv.text[local])
                local += 1
        return start + conv.to_original(s), start + conv.to_original(e), start + conv.to_original(local)

    def _keep_word_visible(self) -> None:
        s, _e = self.word_cursor
        self._ensure_layout()
        i = block_at(self._starts, s)
        row = self._index.top(i) + self._row_of_offset(i, s)
        rows = self._rows_per_line()
        top, height = round(self.scroll_y), max(1, self.scrollable_content_region.height)
        if row < top:
            self._scroll_to_row(row)
        elif row + rows > top + height:
            self._scroll_to_row(row + rows - height)

    # ------------------------------------------------------------- lookup

    def shown_word(self) -> str:
        """The word under the cursor as shown (in the script on screen)."""
        s, e = self.word_cursor
        i = block_at(self._starts, s)
        start = self.blocks[i].paragraph.start
        conv = self._conversion(i)
        cs, ce = conv.span_to_converted(s - start, e - start)
        return conv.text[cs:ce]

    def action_word_lookup(self) -> None:
        from reader.text import dictionary

        if not dictionary.is_loaded():
            self.post_message(self.Notice("Loading the dictionary…"))
        s, e = self.word_cursor
        i = block_at(self._starts, s)
        para = self.blocks[i].paragraph
        shown = self._conversion(i).span_to_converted(s - para.start, e - para.start)
        word, script = self.shown_word(), self.script
        self.run_worker(
            lambda: self._look_up(word, para, shown, script),
            thread=True,
            group="word-lookup",
            exclusive=True,
            exit_on_error=False,
        )

    def _look_up(self, word: str, para, shown: tuple[int, int], script: str) -> None:
        """Read the word where it stands and look it up (a worker: pypinyin and CC-CEDICT load here)."""
        from reader.text.dictionary import lookup
        from reader.text.readings import shown_readings
        from widgets.screens.word_popup import WordPopup

        source = self.document.readings
        if source:
            source = {o: r for o in range(para.start, para.end) if (r := source.get(o))}
        try:
            readings = shown_readings(para.text, para.start, script, source)
            reading = "".join(r.pinyin for r in readings[shown[0] : shown[1]] if r is not None)
            found = lookup(word, reading)
        except Exception as error:  # noqa: BLE001 - the reader goes on without the dictionary
            self.app.call_from_thread(
                self.post_message, self.Notice(f"The dictionary is not available ({type(error).__name__}).", "warning")
            )
            return
        self.app.call_from_thread(self.app.push_screen, WordPopup(found, reading))

    # ------------------------------------------------------------ painting

    def _block_key(self, i: int) -> tuple:
        key = super()._block_key(i)
        if self.word_cursor is not None:
            para = self.blocks[i].paragraph
            if para.start <= self.word_cursor[0] < para.end:
                key += (("word",) + self.word_cursor,)
        return key

    def _marks(self, i: int, conv, current_hit: int, selected: int) -> list:
        marks = super()._marks(i, conv, current_hit, selected)
        if self.word_cursor is not None:
            s, e = self.word_cursor
            para = self.blocks[i].paragraph
            if para.start <= s < para.end:
                cs, ce = conv.span_to_converted(s - para.start, min(e, para.end) - para.start)
                marks.append((cs, ce, self._style("article-view--word")))
        return marks
