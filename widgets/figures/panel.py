"""The figures panel: every figure of the article in a table, sortable, Enter jumps.

The first column shows the reviewer's verdict on each figure as a symbol
(readable without colour), coloured by the ``figures-panel--*`` component
classes; the panel can be filtered by verdict.  The panel only shows the
review: the app owns it and is told of every request by a message.

A book has tens of thousands of figures, so the panel is a Line-API
``ScrollView`` (as toolong's log view): it keeps one index array per order
(widgets/figures/rows.py) and renders only the rows on screen, each into a
Strip drawn and cached by its ``painter`` (widgets/figures/painter.py).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.document import Document
from reader.review.model import Verdict
from widgets.figures.painter import COMPONENT_CLASSES, TABLE_CSS, Cells, RowPainter
from widgets.figures.rows import FILTER_NAMES, FILTERS, SORTS, figure_order, keep_only, passes, rows_of, same_rows
from widgets.host import panel_host
from widgets.styles import marks_css


class FiguresPanel(ScrollView, can_focus=True, inherit_bindings=False):
    """Figures in document order (or by value or kind); Enter shows one in the article."""

    ALLOW_SELECT = False

    BINDINGS = [
        Binding("down", "cursor_down", "Next figure", show=False, id="figures.cursor-down"),
        Binding("up", "cursor_up", "Previous figure", show=False, id="figures.cursor-up"),
        Binding("j", "cursor_down", "Next", show=False, id="figures.down"),
        Binding("k", "cursor_up", "Previous", show=False, id="figures.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="figures.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="figures.page-up"),
        Binding("home,ctrl+home", "first", "First figure", show=False, id="figures.first"),
        Binding("end,ctrl+end", "last", "Last figure", show=False, id="figures.last"),
        Binding("enter", "select", "Go to the article", show=False, id="figures.select"),
        Binding("n", "next_unreviewed(1)", "Next unreviewed", show=False, id="figures.next-unreviewed"),
        Binding("N", "next_unreviewed(-1)", "Previous unreviewed", show=False, id="figures.previous-unreviewed"),
        Binding("s", "cycle_sort", "Sort", id="figures.sort", tooltip="Sort by document order, value or kind"),
        Binding(
            "F",
            "cycle_filter",
            "Filter",
            id="review.filter",
            tooltip="show all figures, the unreviewed, or the doubtful and wrong",
        ),
        Binding(
            "C",
            "chart",
            "Chart",
            id="review.chart",
            tooltip="chart of the money and count figures: by order, per section, off",
        ),
        Binding("escape", "leave", "Back to article", show=False, id="figures.leave"),
    ]

    COMPONENT_CLASSES = COMPONENT_CLASSES
    DEFAULT_CSS = TABLE_CSS + marks_css("FiguresPanel")  # the verdicts in each display mode: widgets/styles.py
    SCOPED_CSS = False  # the mode is a class of the app, above this widget

    class Chosen(Message):
        """The user chose a figure (index into Document.figures)."""

        def __init__(self, figure: int) -> None:
            super().__init__()
            self.figure = figure

    class ChartRequested(Message):
        """The user pressed the chart key in the panel."""

    class Highlighted(Message):
        """The cursor moved to another figure (index into Document.figures)."""

        def __init__(self, figure: int) -> None:
            super().__init__()
            self.figure = figure

    def __init__(self, document: Document, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.document = document
        self.sort = "order"
        self.filter = "all"
        self.marks: dict[int, Verdict] = {}  # figure index -> its verdict and note
        self.cursor_row = 0  # into the rows shown (the current order)
        self.in_view: set[int] = set()  # figures on screen in the article
        self._starts = array("I", [f.start for f in document.figures])
        self._sorted: array | None = None  # every figure in the sort's order
        self._order = array("I")  # the rows shown: figure indices, sorted then filtered
        self._rows: array | None = None  # figure -> its row in _order (-1: filtered out), made when asked
        self.script = "original"  # the figures, labels and magnitudes follow the article's script
        self.painter = RowPainter(self)

    def on_mount(self) -> None:
        self._reorder()

    # ---------------------------------------------------------------- rows

    @property
    def row_count(self) -> int:
        return len(self._order)

    def _title(self) -> str:
        n = len(self.document.figures)
        if not n:
            return "Figures"
        if self.filter == "all":
            return f"Figures {n} · by {self.sort}"
        # the count first: a narrow panel cuts the end of its title
        return f"Figures {self.row_count}/{n} {FILTER_NAMES[self.filter]} · by {self.sort}"

    def _shown(self, k: int) -> bool:
        mark = self.marks.get(k)
        return passes(self.filter, mark.verdict if mark else None)

    @property
    def shown(self) -> Sequence[int]:
        """The figures listed, in row order (indices into ``Document.figures``)."""
        return self._order

    @property
    def on_screen(self) -> frozenset[int]:
        """The figures on screen in the article (shown in bold)."""
        return frozenset(self.in_view)

    def row_of(self, k: int) -> int:
        """The row showing figure ``k``, -1 when the filter hides it."""
        return self._row_of(k)

    def cells(self, k: int) -> Cells:
        """What the row of figure ``k`` shows, uncut: its mark, the figure, value, label, kind."""
        return self.painter.cells(k)

    def _row_of(self, k: int) -> int:
        """The row showing figure ``k``, -1 when the filter hides it."""
        if self._rows is None:
            self._rows = rows_of(self._order, len(self.document.figures))
        return self._rows[k] if 0 <= k < len(self._rows) else -1

    def _reorder(self) -> None:
        """Sort (when the sort or the figures changed) and filter; the cursor stays on its figure."""
        cursor, cursor_row = self.figure_at_cursor(), self.cursor_row
        if self._sorted is None:
            self._sorted = figure_order(self.document.figures, self.sort)
        self._order = self._sorted if self.filter == "all" else keep_only(self._sorted, self._shown)
        self._rows = None
        self.virtual_size = Size(0, len(self._order) + 1)  # the header, then one line a row
        self.border_title = self._title()
        row = self._row_of(cursor) if cursor is not None else -1
        # the figure under the cursor left the filter: stay at the same height (the next one)
        self.cursor_row = row if row >= 0 else max(0, min(cursor_row, len(self._order) - 1))
        self._scroll_to_cursor()
        self._show_note()
        self.refresh()

    def update_document(self, doc: Document) -> None:
        old = self.document.figures
        self.document = doc
        if doc.figures is old:
            return
        self.painter.figures_generation += 1
        if same_rows(old, doc.figures):
            self.refresh()  # labels arrived: every order, row and width stays; rows on screen repaint
            return
        self._starts = array("I", [f.start for f in doc.figures])
        self.painter.measure(doc.figures)
        self._sorted = None
        self._reorder()
        self.in_view = set()
        self.mark_visible(*self._article_range)  # the figures that just arrived may be on screen

    _article_range = (0, 0)  # what the article shows, from its last mark_visible

    def mark_visible(self, start: int, end: int) -> None:
        """Mark the figures inside the visible part of the article [start, end)."""
        self._article_range = (start, end)
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        visible = set(range(lo, hi))  # figures are in document order
        if visible == self.in_view:
            return
        self.in_view = visible
        self.refresh()  # the rows on screen repaint; those that did not change come from the cache
        rows = [row for row in map(self._row_of, visible) if row >= 0]  # the filter may hide some
        if rows and not self.has_focus:
            self.move_cursor(row=min(rows), scroll=False)
            self._scroll_to_cursor(on_top=True)  # and the other figures in view under it

    def set_marks(self, marks: dict[int, Verdict]) -> None:
        """Show the review: figure index -> its verdict record (verdict and/or note)."""
        changed = {k for k in marks.keys() | self.marks.keys() if marks.get(k) != self.marks.get(k)}
        if not changed:
            return
        old = {k: self._shown(k) for k in changed}
        self.marks = dict(marks)
        if any(self._shown(k) != was for k, was in old.items()):
            self._reorder()  # a row joins or leaves the filter
            return
        self.refresh()
        self._show_note()

    def set_script(self, script: str) -> None:
        """Show the figures and their labels in ``script`` (the article's)."""
        if script == self.script:
            return
        before, self.script = self.script, script
        self.painter.figures_generation += 1  # every cached row was drawn in the old script
        # Only the rows on screen that read otherwise are drawn again: figures in Arabic digits,
        # and most rows between the Traditional scripts, read the same (none with no rows yet).
        top = self.scroll_offset.y
        for row in range(top, min(top + self.scrollable_content_region.height - 1, len(self.shown))):
            k = self.shown[row]
            if self.painter.reads(k, before) != self.painter.reads(k, script):
                self.refresh_line(row + 1)  # virtual line row + 1: the header is line 0

    def figure_at_cursor(self) -> int | None:
        """Index into Document.figures of the row under the cursor, if any."""
        if 0 <= self.cursor_row < len(self._order):
            return self._order[self.cursor_row]
        return None

    def select_figure(self, k: int) -> bool:
        """Put the cursor on figure ``k``'s row; False when the filter hides it."""
        row = self._row_of(k)
        if row < 0:
            return False
        self.move_cursor(row=row)
        return True

    def next_unreviewed(self, direction: int = 1, skip: int | None = None) -> int | None:
        """The first figure without a verdict after the cursor's row in the panel's
        order (before it when ``direction`` is -1), round the end; ``skip``: a figure
        to pass over (the one just given a verdict)."""
        n = len(self._order)
        for step in range(1, n + 1):
            k = self._order[(self.cursor_row + direction * step) % n]
            mark = self.marks.get(k)
            if k != skip and (mark is None or mark.verdict is None):
                return k
        return None

    # -------------------------------------------------------------- cursor

    def move_cursor(
        self, *, row: int | None = None, column: int | None = None, animate: bool = False, scroll: bool = True
    ) -> None:
        """Put the cursor on ``row`` (clamped), scrolled into view (DataTable's signature)."""
        if row is None:
            return
        row = max(0, min(row, len(self._order) - 1))
        if row != self.cursor_row:
            for y in (self.cursor_row, row):
                self.refresh_line(y + 1)  # virtual line y + 1: the header is line 0
            self.cursor_row = row
            self._show_note()
            if self.has_focus:  # the reader moved it (unfocused, it follows the article)
                self.post_message(self.Highlighted(self._order[row]))
        if scroll:
            self._scroll_to_cursor()

    def _scroll_to_cursor(self, on_top: bool = False) -> None:
        """Scroll as little as shows the cursor's row, or (``on_top``) to make it the first row."""
        body = self.scrollable_content_region.height - 1  # under the header
        if body <= 0:
            self._on_top_when_shown = on_top  # hidden or not laid out yet: on_resize comes back
            return
        top = self.scroll_offset.y
        if self.cursor_row < top or (on_top and self.cursor_row >= top + body):
            self.scroll_to(y=self.cursor_row, animate=False, force=True)
        elif self.cursor_row >= top + body:
            self.scroll_to(y=self.cursor_row - body + 1, animate=False, force=True)

    _on_top_when_shown = False

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_to_cursor(self._on_top_when_shown)
        self._on_top_when_shown = False
        self._show_note()

    def _show_note(self) -> None:
        """The note of the figure under the cursor, under the panel (plain text)."""
        k = self.figure_at_cursor()
        mark = self.marks.get(k) if k is not None else None
        note = mark.note if mark is not None else ""
        if note:
            subtitle = Text(("✎ " if not self.painter.plain else "* ") + note, no_wrap=True)
            subtitle.truncate(max(8, self.scrollable_content_region.width - 4), overflow="ellipsis")
            self.border_subtitle = subtitle
        else:
            self.border_subtitle = ""

    # ----------------------------------------------------------- rendering

    # ----------------------------------------------------------- rendering

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.painter.style_generation += 1  # every cached strip was drawn with the old styles

    def render_line(self, y: int) -> Strip:
        return self.painter.line(y)

    # ------------------------------------------------------------- actions

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_page_down(self) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_offset.y + page, animate=False, force=True)
        self.move_cursor(row=self.cursor_row + page)

    def action_page_up(self) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_offset.y - page, animate=False, force=True)
        self.move_cursor(row=self.cursor_row - page)

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=len(self._order) - 1)

    def action_select(self) -> None:
        k = self.figure_at_cursor()
        if k is not None:
            self.post_message(self.Chosen(k))

    def on_click(self, event: events.Click) -> None:
        """A click on a row puts the cursor there, a second one chooses it; on the header, sorts."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        event.stop()
        if offset.y == 0:
            self.action_cycle_sort()
            return
        row = self.scroll_offset.y + offset.y - 1
        if row < len(self._order):
            if row == self.cursor_row:
                self.action_select()
            else:
                self.move_cursor(row=row)

    def action_next_unreviewed(self, direction: int) -> None:
        k = self.next_unreviewed(direction)
        if k is None:
            self.notify("No unreviewed figure left in this view.", timeout=3)
        else:
            self.select_figure(k)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._sorted = None
        self._reorder()

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self._reorder()
        if not self.row_count and self.document.figures:
            self.notify(f"No {FILTER_NAMES[self.filter]} figures (F shows the next filter).", timeout=3)

    def action_chart(self) -> None:
        self.post_message(self.ChartRequested())

    # The chart under the panel shows in the narrow overlay only while the panel is in use:
    # the stylesheet reads this class of the panel's container.
    def on_focus(self) -> None:
        if self.parent is not None:
            self.parent.add_class("-panel-focus")
        self.screen.add_class("-reviewing")  # the preview line shows
        k = self.figure_at_cursor()
        if k is not None:
            self.post_message(self.Highlighted(k))

    def on_blur(self) -> None:
        if self.parent is not None:
            self.parent.remove_class("-panel-focus")
        self.screen.remove_class("-reviewing")

    def action_leave(self) -> None:
        panel_host(self.app).action_focus_article()
