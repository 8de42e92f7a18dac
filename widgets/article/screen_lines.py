"""The article view's lines on screen (the view's ``screen_lines``): each row of the
article as shown, cached; the next screenful rendered ahead in the direction of
travel; and ``Moved`` told to the app when the paragraphs on screen change.

A screen line is its block's strip (the ``painter``'s) behind the gutter, cropped
to the view, cached under everything that changes it, like the block strips.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.strip import Strip

from widgets.article.paint import BlockKey
from widgets.messages import Moved

if TYPE_CHECKING:
    from widgets.article.view import ArticleView

Frame = tuple[int, Style, dict[int, BlockKey]]  # what every line of a frame shares: see ScreenLines.frame


class ScreenLines:
    """Rows of the article as shown, and what is on screen: the view's ``screen_lines``."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self._lines: LRUCache[tuple[Any, ...], Strip] = LRUCache(1024)
        self.last_moved: tuple[int, int, int] | None = None  # (top, current, last) blocks last told
        self.travel = 1  # the direction of the last scroll (lines are rendered ahead that way)

    def forget(self) -> None:
        """Drop every cached line (a new text, new styles, a benchmark's cold start)."""
        self._lines.clear()

    def frame(self) -> Frame:
        """What every line of a frame shares, worked out once: the width (a chain of
        style lookups), the base style, and each block's key as it is first needed."""
        view = self.view
        return view.scrollable_content_region.width, view.painter.styles.get("base") or view.rich_style, {}

    def line(self, row: int, frame: Frame | None = None) -> Strip:
        """Row ``row`` of the whole article as shown (cached)."""
        view = self.view
        width, base, block_keys = frame or self.frame()
        if not view.blocks:
            if row == 0:
                return Strip([Segment("  (this article has no text)", base)]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        if row >= view.rows.total:
            return Strip.blank(width, base)
        i, r = view.rows.index.find(row)
        key = block_keys.get(i)
        if key is None:
            key = block_keys[i] = view.painter.block_key(i)
        line_key = (key, r, width, base, i == view.current_block)
        line = self._lines.get(line_key)
        if line is None:
            strips = view.painter.block_strips(i, key)
            body = strips[r] if r < len(strips) else Strip.blank(0)
            gutter = view.painter.gutter(i, r)
            line = self._lines[line_key] = Strip.join([gutter, body]).crop_extend(0, width, base)
        return line

    def render_ahead(self) -> None:
        """Render the next screenful in the direction of travel once a frame is out, while
        the reader reads it: the next page then comes from the line cache."""
        view = self.view
        if not view.blocks or "base" not in view.painter.styles or not len(view.rows.index):
            return
        if not view.is_attached:  # removed meanwhile (the app quits): its component styles are gone
            return
        height = max(1, view.scrollable_content_region.height)
        y = round(view.scroll_y)
        start = y + height if self.travel > 0 else max(0, y - height)
        frame = self.frame()
        for row in range(start, min(start + height, view.rows.total)):
            self.line(row, frame)

    def _last_shown(self) -> int:
        """The block of the last row on screen."""
        view = self.view
        y = round(view.scroll_y)
        last, _ = view.rows.index.find(y + max(1, view.scrollable_content_region.height) - 1)
        return last

    def post_moved(self) -> None:
        """Tell the app the paragraphs on screen (``Moved``) when they changed."""
        view = self.view
        if not view.blocks or not len(view.rows.index):
            return
        # Wrap around the new position first, so that the block under the top row
        # is final: the app's panels then update in the same frame as the text.
        view.rows.prepare()
        current, top = view.rows.current(), view.rows.top()
        last = self._last_shown()
        state = (top, current, last)
        if state != self.last_moved:
            view.current_block = current
            self.last_moved = state
            view.call_after_refresh(self.render_ahead)
            b = view.blocks[current]
            # Straight to the app (its only reader): bubbling takes a hop per container, and
            # the status line would then miss the frame that shows the new text.
            view.app.post_message(
                Moved(current, b.section, view.blocks[top].paragraph.start, view.blocks[last].paragraph.end)
            )

    def visible_range(self) -> tuple[int, int]:
        """Document offsets of the text on screen, by whole paragraphs: from the start of the
        first one shown to the end of the last one shown ((0, 0) without text)."""
        view = self.view
        if not view.blocks or not len(view.rows.index):
            return 0, 0
        return view.blocks[view.rows.top()].paragraph.start, view.blocks[self._last_shown()].paragraph.end
