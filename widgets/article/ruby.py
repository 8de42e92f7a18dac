"""Reading aids of the article view: pinyin over each word, tone colours (the ruby layout).

With pinyin on (``p``) every line of text takes two rows, the readings row
above (:func:`reader.layout.ruby.ruby_wrap` places each reading over the first
cell of its character); on a terminal shorter than :data:`SHORT_TERMINAL`
rows the readings follow each word on the text row instead
(:func:`reader.layout.ruby_inline.inline_wrap`).  Lines are the same spans of the
shown text as without pinyin, so anchors, search and figures work as they
do; only the rows per line change.  With pinyin on the view holds a
:class:`RubyLayout` as its layout strategy; with pinyin off, the plain one.

pypinyin and jieba load in a worker the first time ``p`` is pressed.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.strip import Strip

from reader.layout.ruby import RubyLine, ruby_wrap
from reader.layout.ruby_inline import inline_wrap
from widgets.article.layout import terminal_safe
from widgets.article.lines import PlainLayout, Spans
from widgets.article.paint import BlockStrips, Mark, Part, overlapping

if TYPE_CHECKING:
    from reader.text.readings import Reading
    from widgets.article.paint import Painter
    from widgets.article.view import ArticleView

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
    "article-view--reading-disputed",
    *(f"article-view--tone-{k}" for k in range(1, 6)),
}

PINYIN_CSS = """
ArticleView {
    & > .article-view--reading { color: $text-muted; }
    & > .article-view--tone-1 { color: $error; }
    & > .article-view--tone-2 { color: $success; }
    & > .article-view--tone-3 { color: $primary-lighten-2; }
    & > .article-view--tone-4 { color: $warning; }
    & > .article-view--tone-5 { color: $text-muted; }
}
"""

RubyMode = Literal["ruby", "inline"]


def wanted_mode(height: int) -> RubyMode:
    """Readings over the text, or after each word on a short terminal.

    >>> wanted_mode(30), wanted_mode(12)
    ('ruby', 'inline')
    """
    return "ruby" if height >= SHORT_TERMINAL else "inline"


class RubyLayout(PlainLayout):
    """The layout with pinyin: ``rows_per_line`` rows per line of the plain layout's spans."""

    def __init__(self, view: ArticleView, mode: RubyMode) -> None:
        super().__init__(view)
        self.mode = mode
        self.rows_per_line = 2 if mode == "ruby" else 1

    @property
    def key(self) -> tuple[object, ...]:
        return self.mode, self.view.tones

    def shown_readings(self, i: int, script: str | None = None) -> tuple[Reading | None, ...]:
        """Reading over each character of block ``i`` as shown (see reader.text.readings.shown_readings)."""
        from reader.text.readings import shown_readings

        view = self.view
        script = script or view.script
        key = ("readings", i, script)
        readings = view.converted.get(key)
        if readings is None:
            para = view.blocks[i].paragraph
            source: Mapping[int, str] = view.document.readings
            if source:
                source = {o: r for o in range(para.start, para.end) if (r := source.get(o))}
            readings = view.converted[key] = shown_readings(para.text, para.start, script, source)
        return readings

    def ruby_lines(self, i: int) -> tuple[RubyLine, ...]:
        """Block ``i``'s lines with the readings placed over (or after) its characters."""
        view = self.view
        width = view.text_width
        key = ("ruby", i, view.script, width, view.fig_version, self.mode)
        lines = view.wrapped.get(key)
        if lines is None:
            conv = self.conversion(i)
            lay_out = ruby_wrap if self.mode == "ruby" else inline_wrap
            lines = lay_out(terminal_safe(conv.text), self.shown_readings(i), width, self.figures_kept(i, conv))
            view.wrapped[key] = lines
        return lines

    def lines(self, i: int) -> Spans:
        view = self.view
        key = ("ruby-spans", i, view.script, view.text_width, view.fig_version, self.mode)
        spans = view.wrapped.get(key)
        if spans is None:
            spans = view.wrapped[key] = tuple((x.start, x.end) for x in self.ruby_lines(i))
        return spans

    def cached_lines(self, i: int, width: int, script: str, fig_version: int) -> Spans | None:
        return self.view.wrapped.get(("ruby-spans", i, script, width, fig_version, self.mode))

    def gutter_row(self, i: int, r: int) -> int:
        # the plain gutter of the same place: the bar on the text's rows, 原 on the comparison's first
        top = self.view.blocks[i].top_gap
        lines = len(self.lines(i))
        n = self.rows_per_line * lines
        if top <= r < top + n:
            return top
        if r >= top + n:
            return r - n + lines
        return r

    def column_of(self, i: int, j: int, local: int) -> int:
        return self.ruby_lines(i)[j].column_of(local)

    def local_at_column(self, i: int, j: int, column: int) -> int:
        s, _e = self.lines(i)[j]
        columns = self.ruby_lines(i)[j].columns
        return s + max(0, bisect.bisect_right(columns, column) - 1)

    def shown_lines(self, i: int) -> tuple[RubyLine, ...]:
        return self.ruby_lines(i)

    def strips(self, console: Console, top: int, parts: list[Part], bottom: int, painter: Painter) -> BlockStrips:
        style = painter.style
        reading = style("base") + style("article-view--reading")
        tones = {k: style(f"article-view--tone-{k}") for k in range(1, 6)} if self.view.tones else {}
        styles = ReadingStyles(
            reading, style("article-view--reading-source"), tones, style("article-view--reading-disputed")
        )
        return RubyStrips(console, top, parts, bottom, self.rows_per_line, styles)


class ReadingStyles:
    """The style of a reading: muted, by tone when tones are on, marked when the article gave it,
    flagged when it overrules the article's own (disputed)."""

    __slots__ = ("reading", "source", "tones", "disputed")

    def __init__(self, reading: Style, source: Style, tones: dict[int, Style], disputed: Style | None = None) -> None:
        self.reading, self.source, self.tones = reading, source, tones
        self.disputed = disputed or Style(reverse=True)

    def of(self, tone: int, source: bool, disputed: bool = False) -> Style:
        style = self.reading + self.tones[tone] if tone in self.tones else self.reading
        if disputed:
            return style + self.disputed
        return style + self.source if source else style


class RubyStrips(BlockStrips):
    """A block's strips with readings: ``rows`` rows per :class:`~reader.layout.ruby.RubyLine`.

    Parts whose lines are plain spans (the original-script comparison) take
    one row per line, painted as :class:`BlockStrips` paints them.
    """

    __slots__ = ("rows", "styles")

    def __init__(
        self, console: Console, top: int, parts: list[Part], bottom: int, rows: int, styles: ReadingStyles
    ) -> None:
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
            row.append(ruby.text, self.styles.of(ruby.tone, ruby.source, ruby.disputed))
            cells = ruby.column + cell_len(ruby.text)
        return Strip(row.render(self.console), row.cell_len)

    def _text_row(self, text: str, line: RubyLine, style: Style, marks: list[Mark], *, inline: bool) -> Strip:
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
                ruby_at.append((s, s + len(x.text), self.styles.of(x.tone, x.source, x.disputed)))
                ri += 1
            at.append(put(text[k], column))
        for x in rubies[ri:]:
            s = put(x.text, x.column)
            ruby_at.append((s, s + len(x.text), self.styles.of(x.tone, x.source, x.disputed)))
        row = Text("".join(pieces), no_wrap=True, end="")
        row.stylize(style)
        s, e = line.start, line.end
        for ms, me, mark in overlapping(marks, s, e):
            a, b = max(ms, s) - s, min(me, e) - s
            if a < b:
                row.stylize(mark, at[a], at[b - 1] + len(text[s + b - 1]))
        for a, b, reading in ruby_at:
            row.stylize(reading, a, b)
        return Strip(row.render(self.console), row.cell_len)
