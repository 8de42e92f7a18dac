"""Where every block of the article is on screen: heights, anchors, lazy wrapping.

:class:`ArticleRows` (the view's ``rows``) keeps the heights of the blocks in
a :class:`~widgets.article.layout.LineIndex`, asking the view's layout
strategy for each.  Small documents are wrapped at once; long ones lazily
around the viewport, keeping the top row's text in place while estimates
above it are corrected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Size
from textual.timer import Timer

from widgets.article.layout import LineIndex
from widgets.article.lines import EAGER_BLOCKS

if TYPE_CHECKING:
    from widgets.article.view import ArticleView

Anchor = tuple[int, int, int]  # block, document offset, rows below that text's line
LayoutKey = tuple[int, str, int, str]  # width, script, figures version, layout mode


class ArticleRows:
    """The line index of the article view and everything that moves rows."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.index = LineIndex([])
        self.measured = bytearray()  # 1 where a block's height is real, not an estimate
        self.key: LayoutKey | None = None  # what the index was built for
        self._size_pending = False
        self._size_timer: Timer | None = None
        self.pinned: int | None = None  # the block a jump landed in (see pin)

    @property
    def total(self) -> int:
        return self.index.total

    def current_key(self) -> LayoutKey:
        view = self.view
        return view.text_width, view.script, view.fig_version, view.text_layout.mode

    def measure(self, i: int) -> int:
        """Wrap block ``i`` for real; returns the change of its height."""
        self.measured[i] = 1
        return self.index.set(i, self.view.text_layout.height(i))

    def relayout(self, anchor: Anchor | None = None, *, keep_heights: bool = False, same_rows: bool = False) -> None:
        """Rebuild the line index for the current width/script/layout, keeping ``anchor`` on top.

        ``keep_heights``: the same blocks at the same width (another script,
        more figures): the heights they have now are the best estimates, so a
        long article is not estimated again, only re-wrapped where it is shown.
        ``same_rows``: each line still takes as many rows (another script), so the corrections of
        the scroll area still pending from paging wait as they did.
        """
        view = self.view
        self.key = self.current_key()
        n = len(view.blocks)
        if n <= EAGER_BLOCKS:
            self.measured = bytearray(b"\x01" * n)
            self.index = LineIndex(view.text_layout.height(i) for i in range(n))
        elif keep_heights and len(self.index) == n:
            self.measured = bytearray(n)
        else:
            self.measured = bytearray(n)
            width = view.text_width
            self.index = LineIndex(
                [gaps + max(1, -(-2 * length // width)) for gaps, length in zip(view.gaps, view.lengths)]
            )  # estimate_rows() for every block, inlined: a book has tens of thousands
        # A new scroll area lays the whole screen out again, a frame of its own.
        self.update_virtual_size(now=not same_rows)
        if anchor is not None:
            self.restore(anchor, relative=same_rows)
        view.refresh()

    def update_virtual_size(self, *, now: bool = True) -> None:
        """Size the scroll area; corrections of estimates (``now=False``) wait until scrolling pauses.

        Each change of the virtual size lays the whole screen out again (a frame
        of its own), so while the reader pages through a long article the
        corrections are collected and applied once, half a second after the
        last move, unless the scroll area is too short for the move.
        """
        view = self.view
        region = view.scrollable_content_region
        # Room below the last line, so that any heading or figure can come to the top.
        tail = max(0, region.height - 1)
        size = Size(region.width, self.index.total + tail)
        if size == view.virtual_size:
            self._size_pending = False
            return
        if now or view.virtual_size.width != size.width or view.virtual_size.height < tail:
            self._size_pending = False
            view.virtual_size = size
        else:
            self._size_pending = True
            if self._size_timer is None:
                self._size_timer = view.set_timer(0.5, self._apply_pending_size, name="virtual size")
            else:
                self._size_timer.reset()

    def _apply_pending_size(self) -> None:
        self._size_timer = None
        if self._size_pending:
            self.update_virtual_size()

    def ensure(self) -> None:
        """Lay the article out again if the width, script, figures or layout changed."""
        self.view.fit_layout()  # pinyin over the text or after each word: the terminal's height decides
        if self.key != self.current_key():
            self.relayout(self.anchor() if self.index.total else None)

    def row_of_offset(self, i: int, offset: int) -> int:
        """Row within block ``i`` of document ``offset`` (its line's first row)."""
        if not self.measured[i]:
            self.measure(i)
        layout = self.view.text_layout
        local = layout.conversion(i).to_converted(max(0, offset - self.view.blocks[i].paragraph.start))
        return layout.row_of_local(i, local)

    def row_of(self, offset: int) -> int:
        """The row of the article at which the line holding document ``offset`` starts."""
        self.ensure()
        i = self.view.block_at(offset)
        return self.index.top(i) + self.row_of_offset(i, offset)

    def anchor(self) -> Anchor:
        """(block, document offset, rows below that text's line) at the top row.

        The last part is non-zero on gap rows and comparison lines, which
        belong to no line of the shown text.
        """
        if not len(self.index):
            return 0, 0, 0
        view = self.view
        i, r = self.index.find(round(view.scroll_y))
        b = view.blocks[i]
        lines = view.text_layout.cached_lines(i, *self.key[:3]) if self.key else None
        if not lines or r < b.top_gap or self.key is None:
            return i, b.paragraph.start, r - b.top_gap
        rows = view.text_layout.rows_per_line
        k = min((r - b.top_gap) // rows, len(lines) - 1)
        conv = view.text_layout.conversion(i, self.key[1])
        return i, b.paragraph.start + conv.to_original(lines[k][0]), r - b.top_gap - rows * k

    def restore(self, anchor: Anchor, *, relative: bool = False) -> None:
        i, offset, extra = anchor
        if i >= len(self.view.blocks):
            return
        row = self.row_of_offset(i, offset) + extra
        self.scroll_to_row(self.index.top(i) + max(0, min(row, self.index.height(i) - 1)), relative=relative)

    def scroll_to_row(self, y: int, *, relative: bool = False) -> None:
        """Scroll so that row ``y`` is at the top; a ``relative`` move (a line, a page)
        leaves pending corrections of the scroll area for later when it fits."""
        view = self.view
        self.pinned = None  # a move of its own: the reader is at the top again
        height = max(1, view.scrollable_content_region.height)
        if not relative or y + height > view.virtual_size.height or y > self.index.total:
            self.update_virtual_size()
        view.scroll_to(y=max(0, y), animate=False, immediate=True)

    def prepare(self) -> None:
        """Wrap the blocks around the viewport; keep the top row's text in place."""
        self.ensure()
        view = self.view
        index, height = self.index, max(1, view.scrollable_content_region.height)
        y = round(view.scroll_y)
        top_block, _ = index.find(y)
        i, _ = index.find(max(0, y - height))
        shift = 0
        while i < len(index) and index.top(i) <= y + shift + 2 * height:
            if not self.measured[i]:
                delta = self.measure(i)
                if i < top_block:
                    shift += delta
            i += 1
        self.update_virtual_size(now=False)
        if shift:
            view.set_scroll(None, y + shift)
            view.scroll_target_y = view.scroll_y

    def top(self) -> int:
        """The first block on screen: the one under the top row, or the next one on its gap."""
        view = self.view
        if not view.blocks:
            return 0
        i, r = self.index.find(round(view.scroll_y))
        b = view.blocks[i]
        if r >= self.index.height(i) - b.bottom_gap and i + 1 < len(view.blocks):
            return i + 1
        return i

    def current(self) -> int:
        """The block the reader is at: the one a jump landed in while it is on screen, else the top one."""
        i = self.top()
        if self.pinned is not None and self.view.blocks:
            view = self.view
            last, _ = self.index.find(round(view.scroll_y) + max(1, view.scrollable_content_region.height) - 1)
            if i <= self.pinned <= last:
                return self.pinned
            self.pinned = None  # scrolled away (the mouse wheel)
        return i

    def pin(self, i: int) -> None:
        """Make block ``i`` the reader's place while it is on screen: a jump to a search hit
        or a figure marks the paragraph it landed in, not the one at the top."""
        self.pinned = i
