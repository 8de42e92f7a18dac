"""The plain layout of the article: each block wrapped in the script shown, a row a line.

:class:`PlainLayout` is the strategy the article view holds in ``view.text_layout``
while pinyin is off (:class:`~widgets.article.ruby.RubyLayout` while it is on):
it answers what a block's lines, rows and strips are.  Blocks are wrapped by
:mod:`reader.layout.wrap` in the script shown, cached in the view's ``wrapped``
cache under (block, script, width, figures version); figures are kept whole.
The rows of the whole article (which block is where) are the view's
:class:`~widgets.article.rows.ArticleRows`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console

from reader.layout.wrap import line_of, wrap
from widgets.article.layout import Conversion, convert
from widgets.article.paint import GUTTER, BlockStrips, Part

if TYPE_CHECKING:
    from widgets.article.paint import Painter
    from widgets.article.view import ArticleView

MAX_MEASURE = 90  # widest line, in cells: long lines of CJK text are hard to follow
EAGER_BLOCKS = 400  # documents with at most this many blocks are wrapped at once

__all__ = ["EAGER_BLOCKS", "GUTTER", "MAX_MEASURE", "PlainLayout", "Spans"]

Spans = tuple[tuple[int, int], ...]


class PlainLayout:
    """Lines of a block in the shown script, one row each (the layout with pinyin off)."""

    mode = ""  # "" (plain), "ruby" (readings over the text) or "inline" (readings after words)
    rows_per_line = 1

    def __init__(self, view: ArticleView) -> None:
        self.view = view

    @property
    def key(self) -> tuple[object, ...]:
        """What sets this layout apart in the strip cache's keys (nothing: the plain one)."""
        return ()

    def conversion(self, i: int, script: str | None = None) -> Conversion:
        """Block ``i``'s text in ``script`` (the one shown by default), with its offset maps."""
        view = self.view
        script = script or view.script
        key = (i, script)
        conv = view.converted.get(key)
        if conv is None:
            conv, ok = convert(view.blocks[i].paragraph.text, script)
            if not ok:
                view.tell_once_no_script()
            view.converted[key] = conv
        return conv

    def figures_kept(self, i: int, conv: Conversion) -> list[tuple[int, int]]:
        """The spans of the figures of block ``i`` in its converted text (never broken)."""
        para = self.view.blocks[i].paragraph
        return [
            conv.span_to_converted(s - para.start, e - para.start)
            for s, e, _k in self.view.figure_spans.within(para.start, para.end)
        ]

    def lines(self, i: int) -> Spans:
        """Wrapped line spans of block ``i`` in the shown script (figures kept whole)."""
        view = self.view
        key = (i, view.script, view.text_width, view.fig_version)
        lines = view.wrapped.get(key)
        if lines is None:
            conv = self.conversion(i)
            lines = view.wrapped[key] = wrap(conv.text, view.text_width, self.figures_kept(i, conv))
        return lines

    def cached_lines(self, i: int, width: int, script: str, fig_version: int) -> Spans | None:
        """Block ``i``'s lines if it was wrapped with these settings (None: not yet)."""
        return self.view.wrapped.get((i, script, width, fig_version))

    def original_lines(self, i: int) -> Spans:
        """Block ``i`` wrapped as written, for the comparison line under its conversion."""
        view = self.view
        key = (i, "original-comparison", view.text_width)
        lines = view.wrapped.get(key)
        if lines is None:
            lines = view.wrapped[key] = wrap(view.blocks[i].paragraph.text, view.text_width)
        return lines

    def height(self, i: int) -> int:
        """Rows block ``i`` takes: gaps, text lines, comparison lines."""
        b = self.view.blocks[i]
        extra = len(self.original_lines(i)) if self.view.shows_original(i) else 0
        return b.top_gap + self.rows_per_line * len(self.lines(i)) + extra + b.bottom_gap

    def row_of_local(self, i: int, local: int) -> int:
        """Row within block ``i`` of the first row of the line holding converted offset ``local``."""
        return self.view.blocks[i].top_gap + self.rows_per_line * line_of(self.lines(i), local)

    def gutter_row(self, i: int, r: int) -> int:
        """The row of the plain layout whose gutter row ``r`` of block ``i`` shows."""
        return r

    # ------------------------------------------------------------- words

    def column_of(self, i: int, j: int, local: int) -> int:
        """The cell of line ``j`` of block ``i`` at which converted offset ``local`` starts."""
        return cell_len(self.conversion(i).text[self.lines(i)[j][0] : local])

    def local_at_column(self, i: int, j: int, column: int) -> int:
        """The converted offset of the character of line ``j`` of block ``i`` at ``column``."""
        text = self.conversion(i).text
        local, end = self.lines(i)[j]
        cells = 0
        while local + 1 < end and cells + cell_len(text[local]) <= column:
            cells += cell_len(text[local])
            local += 1
        return local

    # ---------------------------------------------------------- painting

    def shown_lines(self, i: int) -> Sequence[object]:
        """The lines the strips of block ``i`` are painted from (spans; ruby lines with pinyin)."""
        return self.lines(i)

    def strips(self, console: Console, top: int, parts: list[Part], bottom: int, painter: Painter) -> BlockStrips:
        return BlockStrips(console, top, parts, bottom)
