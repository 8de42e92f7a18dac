"""Reading aids half of the article view: pinyin over each word, tone colours (a mixin).

With pinyin on (``p``) every line of text takes two rows, the readings row
above (:func:`reader.layout.ruby.ruby_wrap` places each reading over the first
cell of its character); on a terminal shorter than :data:`SHORT_TERMINAL`
rows the readings follow each word on the text row instead
(:func:`reader.layout.ruby_inline.inline_wrap`).  Lines are the same spans of the
shown text as without pinyin, so anchors, search and figures work as they
do; only the rows per line change.  With pinyin off every method here hands
over to the plain layout at once: it costs nothing.

pypinyin and jieba load in a worker the first time ``p`` is pressed.
"""

from __future__ import annotations

import threading

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.strip import Strip

from reader.layout.ruby import RubyLine, ruby_wrap
from reader.layout.ruby_inline import inline_wrap
from reader.layout.wrap import line_of
from widgets.article.layout import terminal_safe
from widgets.article.lines import EAGER_BLOCKS
from widgets.article.paint import BlockStrips, _overlapping

WARM_BLOCKS = 60  # paragraphs read in the worker on each side of the view of a long article
SHORT_TERMINAL = 20  # rows: below this, readings follow each word instead of standing above it

PINYIN_BINDINGS = [
    Binding(
        "p",
        "toggle_pinyin",
        "Pinyin",
        show=False,
        id="article.pinyin",
        tooltip="pinyin over each word (after it on a short terminal); works in every script",
    ),
    Binding("P", "toggle_tones", "Tone colours", show=False, id="article.tones", tooltip="colour the pinyin by tone"),
]

PINYIN_COMPONENT_CLASSES = {
    "article-view--reading",
    "article-view--reading-source",
    *(f"article-view--tone-{k}" for k in range(1, 6)),
}

PINYIN_CSS = """
ArticleView {
    & > .article-view--reading { color: $text-muted; }
    & > .article-view--reading-source { text-style: italic underline; }
    & > .article-view--tone-1 { color: $error; }
    & > .article-view--tone-2 { color: $success; }
    & > .article-view--tone-3 { color: $primary-lighten-2; }
    & > .article-view--tone-4 { color: $warning; }
    & > .article-view--tone-5 { color: $text-muted; }
}
"""

_warmed: set[int] = set()  # ids of document texts whose readings were computed in a worker
_warm_lock = threading.Lock()


class ArticleRuby:
    """Mixed into :class:`~widgets.article.view.ArticleView` before the layout and paint mixins."""

    pinyin = False  # the reader asked for pinyin
    tones = False
    _ruby_mode = ""  # the layout in force: "" (none), "ruby" (over the text) or "inline" (after words)

    # ------------------------------------------------------------ switching

    def action_toggle_pinyin(self) -> None:
        if self.pinyin:
            self.set_pinyin(False)
        elif id(self.document.text) in _warmed:
            self.set_pinyin(True)
        else:
            self.post_message(self.Notice("Loading pinyin…"))
            # a short article is laid out whole when pinyin comes on; a long one around the view
            if len(self.blocks) > EAGER_BLOCKS:
                first = self._current()
                shown = self.blocks[max(0, first - WARM_BLOCKS) : first + WARM_BLOCKS]
            else:
                shown = self.blocks
            texts, doc_text = [b.paragraph.text for b in shown], self.document.text
            self.run_worker(
                lambda: self._warm_pinyin(doc_text, texts),
                thread=True,
                group="pinyin",
                exclusive=True,
                exit_on_error=False,
            )

    def _warm_pinyin(self, text: str, paragraphs: list[str]) -> None:
        """Load pypinyin and jieba, and read the paragraphs about to be shown, off the UI thread."""
        from reader.text.readings import paragraph_readings

        with _warm_lock:
            paragraph_readings("預熱")
            for paragraph in paragraphs:
                paragraph_readings(paragraph)  # cached per text: the view's own call is then quick
            _warmed.add(id(text))
        self.app.call_from_thread(self.set_pinyin, True)

    def action_toggle_tones(self) -> None:
        self.tones = not self.tones
        if not self.pinyin:
            self.post_message(self.Notice("Tone colours show with pinyin (p)."))
        self.refresh()

    def set_pinyin(self, on: bool) -> None:
        self.pinyin = on
        self._switch_ruby_mode()

    def _wanted_ruby_mode(self) -> str:
        if not self.pinyin:
            return ""
        return "ruby" if self.scrollable_content_region.height >= SHORT_TERMINAL else "inline"

    def _switch_ruby_mode(self) -> None:
        mode = self._wanted_ruby_mode()
        if mode == self._ruby_mode:
            return
        anchor = self._anchor() if self._index.total else None  # in the old layout
        if anchor is not None and 0 < anchor[2] < self._rows_per_line():
            anchor = (anchor[0], anchor[1], 0)  # on a line's text row: that line, whatever its rows now
        self._ruby_mode = mode
        self._layout_key = None
        self._relayout(anchor, keep_heights=True)
        self._last_moved = None

    def _ensure_layout(self) -> None:
        if self._ruby_mode != self._wanted_ruby_mode():  # the terminal got shorter or taller
            self._switch_ruby_mode()
        super()._ensure_layout()

    # --------------------------------------------------------------- layout

    def _rows_per_line(self) -> int:
        return 2 if self._ruby_mode == "ruby" else 1

    def shown_readings(self, i: int, script: str | None = None):
        """Reading over each character of block ``i`` as shown (see reader.text.readings.shown_readings)."""
        from reader.text.readings import shown_readings

        script = script or self.script
        key = ("readings", i, script)
        readings = self._converted.get(key)
        if readings is None:
            para = self.blocks[i].paragraph
            source = self.document.readings
            if source:
                source = {o: r for o in range(para.start, para.end) if (r := source.get(o))}
            readings = self._converted[key] = shown_readings(para.text, para.start, script, source)
        return readings

    def _ruby_lines(self, i: int, width: int | None = None) -> tuple[RubyLine, ...]:
        width = width or self.text_width
        key = ("ruby", i, self.script, width, self._fig_version, self._ruby_mode)
        lines = self._wrapped.get(key)
        if lines is None:
            conv = self._conversion(i)
            para = self.blocks[i].paragraph
            keep = [
                conv.span_to_converted(s - para.start, e - para.start)
                for s, e, _k in self._figures.within(para.start, para.end)
            ]
            lay_out = ruby_wrap if self._ruby_mode == "ruby" else inline_wrap
            lines = self._wrapped[key] = lay_out(terminal_safe(conv.text), self.shown_readings(i), width, keep)
        return lines

    def _lines(self, i: int) -> tuple[tuple[int, int], ...]:
        if not self._ruby_mode:
            return super()._lines(i)
        key = ("ruby-spans", i, self.script, self.text_width, self._fig_version, self._ruby_mode)
        spans = self._wrapped.get(key)
        if spans is None:
            spans = self._wrapped[key] = tuple((x.start, x.end) for x in self._ruby_lines(i))
        return spans

    def _height(self, i: int) -> int:
        if not self._ruby_mode:
            return super()._height(i)
        b = self.blocks[i]
        extra = len(self._original_lines(i)) if self._shows_original(i) else 0
        return b.top_gap + self._rows_per_line() * len(self._lines(i)) + extra + b.bottom_gap

    def _row_of_offset(self, i: int, offset: int) -> int:
        """Row within block ``i`` of document ``offset`` (its line's first row)."""
        if not self._ruby_mode:
            return super()._row_of_offset(i, offset)
        if not self._measured[i]:
            self._measure(i)
        local = self._conversion(i).to_converted(max(0, offset - self.blocks[i].paragraph.start))
        return self.blocks[i].top_gap + self._rows_per_line() * line_of(self._lines(i), local)

    def _anchor(self) -> tuple[int, int, int]:
        if not self._ruby_mode or not self._layout_key or not len(self._index):
            return super()._anchor()
        i, r = self._index.find(round(self.scroll_y))
        b = self.blocks[i]
        width, script, fig = self._layout_key
        lines = self._wrapped.get(("ruby-spans", i, script, width, fig, self._ruby_mode))
        if not lines or r < b.top_gap:
            return i, b.paragraph.start, r - b.top_gap
        rows = self._rows_per_line()
        k = min((r - b.top_gap) // rows, len(lines) - 1)
        conv = self._conversion(i, script)
        return i, b.paragraph.start + conv.to_original(lines[k][0]), r - b.top_gap - rows * k

    # ------------------------------------------------------------- painting

    def _gutter(self, i: int, r: int) -> Strip:
        if not self._ruby_mode:
            return super()._gutter(i, r)
        b = self.blocks[i]
        lines = len(self._lines(i))
        n = self._rows_per_line() * lines
        # the plain gutter of the same place: the bar on the text's rows, 原 on the comparison's first
        if b.top_gap <= r < b.top_gap + n:
            return super()._gutter(i, b.top_gap)
        if r >= b.top_gap + n:
            return super()._gutter(i, r - n + lines)
        return super()._gutter(i, r)

    def _block_key(self, i: int) -> tuple:
        key = super()._block_key(i)
        if self._ruby_mode:
            key += (self._ruby_mode, self.tones)
        return key

    def _build_strips(self, i: int, key: tuple):
        if not self._ruby_mode:
            return super()._build_strips(i, key)
        b = self.blocks[i]
        base = self._style("base")
        conv = self._conversion(i)
        text_style = base + self._style("article-view--heading") if b.heading else base
        marks = [(s, e, style) for s, e, style in self._marks(i, conv, key[7], key[8]) if e > s]
        reading = base + self._style("article-view--reading")
        source = self._style("article-view--reading-source")
        tones = {k: self._style(f"article-view--tone-{k}") for k in range(1, 6)} if self.tones else {}
        rows = [(terminal_safe(conv.text), text_style, marks, self._ruby_lines(i))]
        if self._shows_original(i):
            rows.append(
                (
                    terminal_safe(b.paragraph.text),
                    base + self._style("article-view--original"),
                    [],
                    self._original_lines(i),
                )
            )
        return RubyStrips(
            self.app.console,
            b.top_gap,
            rows,
            b.bottom_gap,
            self._rows_per_line(),
            ReadingStyles(reading, source, tones),
        )


class ReadingStyles:
    """The style of a reading: muted, by tone when tones are on, marked when the article gave it."""

    __slots__ = ("reading", "source", "tones")

    def __init__(self, reading: Style, source: Style, tones: dict[int, Style]) -> None:
        self.reading, self.source, self.tones = reading, source, tones

    def of(self, tone: int, source: bool) -> Style:
        style = self.reading + self.tones[tone] if tone in self.tones else self.reading
        return style + self.source if source else style


class RubyStrips(BlockStrips):
    """A block's strips with readings: ``rows`` rows per :class:`~reader.layout.ruby.RubyLine`.

    Parts whose lines are plain spans (the original-script comparison) take
    one row per line, painted as :class:`BlockStrips` paints them.
    """

    __slots__ = ("rows", "styles")

    def __init__(self, console, top: int, parts: list, bottom: int, rows: int, styles: ReadingStyles) -> None:
        super().__init__(console, top, parts, bottom)
        self.rows, self.styles = rows, styles
        self.size = (
            top
            + bottom
            + sum(len(lines) * (rows if lines and isinstance(lines[0], RubyLine) else 1) for _t, _s, _m, lines in parts)
        )

    def _render(self, r: int) -> Strip:
        k = r - self.top
        if k < 0:
            return Strip.blank(0)
        for text, style, marks, lines in self.parts:
            if not lines or not isinstance(lines[0], RubyLine):
                if k < len(lines):
                    return BlockStrips(self.console, 0, [(text, style, marks, lines)], 0)._render(k)
                k -= len(lines)
                continue
            if k < len(lines) * self.rows:
                line = lines[k // self.rows]
                if self.rows == 2 and k % 2 == 0:
                    return self._readings_row(line, style)
                return self._text_row(text, line, style, marks, inline=self.rows == 1)
            k -= len(lines) * self.rows
        return Strip.blank(0)

    def _readings_row(self, line: RubyLine, style: Style) -> Strip:
        row = Text(no_wrap=True, end="")
        cells = 0
        for ruby in line.rubies:
            row.append(" " * (ruby.column - cells), style)
            row.append(ruby.text, self.styles.of(ruby.tone, ruby.source))
            cells = ruby.column + cell_len(ruby.text)
        return Strip(row.render(self.console), row.cell_len)

    def _text_row(self, text: str, line: RubyLine, style: Style, marks: list, *, inline: bool) -> Strip:
        """The characters at their columns (blank cells between), readings too when ``inline``."""
        pieces: list[str] = []
        at: list[int] = []  # index in the row string of each character of the line
        rubies = sorted(line.rubies, key=lambda x: x.column) if inline else []
        ruby_at: list[tuple[int, int, Style]] = []
        cells = length = 0
        ri = 0

        def put(piece: str, column: int) -> int:
            nonlocal cells, length
            if column > cells:
                pieces.append(" " * (column - cells))
                length += column - cells
                cells = column
            pieces.append(piece)
            start = length
            length += len(piece)
            cells += cell_len(piece)
            return start

        for k, column in zip(range(line.start, line.end), line.columns):
            while ri < len(rubies) and rubies[ri].column < column:
                x = rubies[ri]
                s = put(x.text, x.column)
                ruby_at.append((s, s + len(x.text), self.styles.of(x.tone, x.source)))
                ri += 1
            at.append(put(text[k], column))
        for x in rubies[ri:]:
            s = put(x.text, x.column)
            ruby_at.append((s, s + len(x.text), self.styles.of(x.tone, x.source)))
        row = Text("".join(pieces), no_wrap=True, end="")
        row.stylize(style)
        s, e = line.start, line.end
        for ms, me, mark in _overlapping(marks, s, e):
            a, b = max(ms, s) - s, min(me, e) - s
            if a < b:
                row.stylize(mark, at[a], at[b - 1] + len(text[s + b - 1]))
        for a, b, reading in ruby_at:
            row.stylize(reading, a, b)
        return Strip(row.render(self.console), row.cell_len)
