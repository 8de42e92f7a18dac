"""Layout half of the article view: wrapping, heights, anchors (a mixin).

Blocks are wrapped by :mod:`reader.layout.wrap` in the script shown, cached under
(block, script, width, figures version); the heights live in a
:class:`~widgets.article.layout.LineIndex`.  Small documents are wrapped at
once; long ones lazily around the viewport, keeping the top row's text in
place while estimates above it are corrected.
"""

from __future__ import annotations

from textual.geometry import Size

from reader.layout.wrap import line_of, wrap
from widgets.article.layout import LineIndex, convert

GUTTER = 2  # cells left of the text: the current-paragraph bar, or 原 on comparison lines
MAX_MEASURE = 90  # widest line, in cells: long lines of CJK text are hard to follow
EAGER_BLOCKS = 400  # documents with at most this many blocks are wrapped at once


class ArticleLayout:
    """Mixed into :class:`~widgets.article.view.ArticleView` (which holds the state)."""

    def on_mount(self) -> None:
        # The scroll bar's column is kept whether or not the bar shows, so that the text
        # width does not change when the first layout finds the article taller than the
        # view (every block would be wrapped twice before the first paint).
        self.styles.scrollbar_gutter = "stable"

    @property
    def text_width(self) -> int:
        return max(4, min(MAX_MEASURE, self.scrollable_content_region.width - GUTTER - 1))

    def _conversion(self, i: int, script: str | None = None):
        script = script or self.script
        key = (i, script)
        conv = self._converted.get(key)
        if conv is None:
            conv, ok = convert(self.blocks[i].paragraph.text, script)
            if not ok and not self._told_no_script:
                self._told_no_script = True
                self.call_next(
                    self._post, self.Notice, "Script conversion is not available; showing the original.", "warning"
                )
            self._converted[key] = conv
        return conv

    def _lines(self, i: int) -> tuple[tuple[int, int], ...]:
        """Wrapped line spans of block ``i`` in the shown script (figures kept whole)."""
        width = self.text_width
        key = (i, self.script, width, self._fig_version)
        lines = self._wrapped.get(key)
        if lines is None:
            conv = self._conversion(i)
            para = self.blocks[i].paragraph
            keep = [
                conv.span_to_converted(s - para.start, e - para.start)
                for s, e, _k in self._figures.within(para.start, para.end)
            ]
            lines = wrap(conv.text, width, keep)
            self._wrapped[key] = lines
        return lines

    def _original_lines(self, i: int) -> tuple[tuple[int, int], ...]:
        width = self.text_width
        key = (i, "original-comparison", width)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = wrap(self.blocks[i].paragraph.text, width)
            self._wrapped[key] = lines
        return lines

    def _shows_original(self, i: int) -> bool:
        return i in self._originals and self.script != "original"

    def _height(self, i: int) -> int:
        b = self.blocks[i]
        extra = len(self._original_lines(i)) if self._shows_original(i) else 0
        return b.top_gap + len(self._lines(i)) + extra + b.bottom_gap

    def _measure(self, i: int) -> int:
        """Wrap block ``i`` for real; returns the change of its height."""
        self._measured[i] = 1
        return self._index.set(i, self._height(i))

    def _relayout(self, anchor: tuple[int, int, int] | None = None, *, keep_heights: bool = False) -> None:
        """Rebuild the line index for the current width/script, keeping ``anchor`` on top.

        ``keep_heights``: the same blocks at the same width (another script,
        more figures): the heights they have now are the best estimates, so a
        long article is not estimated again, only re-wrapped where it is shown.
        """
        width = self.text_width
        self._layout_key = (width, self.script, self._fig_version)
        n = len(self.blocks)
        if n <= EAGER_BLOCKS:
            self._measured = bytearray(b"\x01" * n)
            self._index = LineIndex(self._height(i) for i in range(n))
        elif keep_heights and len(self._index) == n:
            self._measured = bytearray(n)
        else:
            self._measured = bytearray(n)
            self._index = LineIndex(
                [gaps + max(1, -(-2 * length // width)) for gaps, length in zip(self._gaps, self._lengths)]
            )  # estimate_rows() for every block, inlined: a book has tens of thousands
        self._update_virtual_size()
        if anchor is not None:
            self._restore(anchor)
        self.refresh()

    def _update_virtual_size(self, *, now: bool = True) -> None:
        """Size the scroll area; corrections of estimates (``now=False``) wait until scrolling pauses.

        Each change of the virtual size lays the whole screen out again (a frame
        of its own), so while the reader pages through a long article the
        corrections are collected and applied once, half a second after the
        last move, unless the scroll area is too short for the move.
        """
        # Room below the last line, so that any heading or figure can come to the top.
        tail = max(0, self.scrollable_content_region.height - 1)
        size = Size(self.scrollable_content_region.width, self._index.total + tail)
        if size == self.virtual_size:
            self._size_pending = False
            return
        if now or self.virtual_size.width != size.width or self.virtual_size.height < tail:
            self._size_pending = False
            self.virtual_size = size
        else:
            self._size_pending = True
            if self._size_timer is None:
                self._size_timer = self.set_timer(0.5, self._apply_pending_size, name="virtual size")
            else:
                self._size_timer.reset()

    def _apply_pending_size(self) -> None:
        self._size_timer = None
        if self._size_pending:
            self._update_virtual_size()

    def _ensure_layout(self) -> None:
        if self._layout_key != (self.text_width, self.script, self._fig_version):
            self._relayout(self._anchor() if self._index.total else None)

    def _row_of_offset(self, i: int, offset: int) -> int:
        """Row within block ``i`` of document ``offset`` (shown script)."""
        if not self._measured[i]:
            self._measure(i)
        conv = self._conversion(i)
        local = conv.to_converted(max(0, offset - self.blocks[i].paragraph.start))
        return self.blocks[i].top_gap + line_of(self._lines(i), local)

    def _anchor(self) -> tuple[int, int, int]:
        """(block, document offset, rows below that text's line) at the top row.

        The last part is non-zero on gap rows and comparison lines, which
        belong to no line of the shown text.
        """
        if not len(self._index):
            return 0, 0, 0
        i, r = self._index.find(round(self.scroll_y))
        b = self.blocks[i]
        lines = (
            self._wrapped.get((i, self._layout_key[1], self._layout_key[0], self._layout_key[2]))
            if self._layout_key
            else None
        )
        if not lines or r < b.top_gap:
            return i, b.paragraph.start, r - b.top_gap
        k = min(r - b.top_gap, len(lines) - 1)
        conv = self._conversion(i, self._layout_key[1])
        return i, b.paragraph.start + conv.to_original(lines[k][0]), r - b.top_gap - k

    def _restore(self, anchor: tuple[int, int, int]) -> None:
        i, offset, extra = anchor
        if i >= len(self.blocks):
            return
        row = self._row_of_offset(i, offset) + extra
        self._scroll_to_row(self._index.top(i) + max(0, min(row, self._index.height(i) - 1)))

    def _scroll_to_row(self, y: int, *, relative: bool = False) -> None:
        """Scroll so that row ``y`` is at the top; a ``relative`` move (a line, a page)
        leaves pending corrections of the scroll area for later when it fits."""
        height = max(1, self.scrollable_content_region.height)
        if not relative or y + height > self.virtual_size.height or y > self._index.total:
            self._update_virtual_size()
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    def _prepare(self) -> None:
        """Wrap the blocks around the viewport; keep the top row's text in place."""
        self._ensure_layout()
        index, height = self._index, max(1, self.scrollable_content_region.height)
        y = round(self.scroll_y)
        top_block, _ = index.find(y)
        i, _ = index.find(max(0, y - height))
        shift = 0
        while i < len(index) and index.top(i) <= y + shift + 2 * height:
            if not self._measured[i]:
                delta = self._measure(i)
                if i < top_block:
                    shift += delta
            i += 1
        self._update_virtual_size(now=False)
        if shift:
            self.set_scroll(None, y + shift)
            self.scroll_target_y = self.scroll_y
