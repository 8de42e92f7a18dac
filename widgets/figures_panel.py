"""The figures panel: every figure of the article in a table, sortable, Enter jumps.

The first column shows the reviewer's verdict on each figure as a symbol
(readable without colour), coloured by the ``figures-panel--*`` component
classes; the panel can be filtered by verdict.  The panel only shows the
review: the app owns it and is told of every request by a message.

>>> format_value(2230000.0, None, "元", "money", "")
'2,230,000'
>>> format_value(15.0, 20.0, "%", "percent", "approx")
'≈15–20%'
>>> format_value("2018", None, "", "year", "")
'2018'
"""

from __future__ import annotations

import bisect
import os

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from reader.document import Document
from reader.review import Verdict

QUALIFIERS = {"approx": "≈", "over": ">", "under": "<"}
SORTS = ("order", "value", "kind")
FILTERS = ("all", "unreviewed", "flagged")
FILTER_NAMES = {"all": "all", "unreviewed": "unreviewed", "flagged": "doubtful+wrong"}
SYMBOLS = {"verified": "✓", "doubtful": "?", "wrong": "✗", "note": "✎"}
# The Linux console's fonts have no check marks or pencils: ASCII there.
ASCII_SYMBOLS = {"verified": "+", "doubtful": "?", "wrong": "x", "note": "*"}


def verdict_mark(verdict: str | None, note: str, plain: bool = False) -> str:
    """Three cells: the verdict's symbol, a note sign, a space.

    >>> verdict_mark("verified", ""), verdict_mark(None, "查一下"), verdict_mark("wrong", "x", plain=True)
    ('✓  ', ' ✎ ', 'x* ')
    """
    symbols = ASCII_SYMBOLS if plain else SYMBOLS
    return symbols.get(verdict or "", " ") + (symbols["note"] if note else " ") + " "


def passes(filter_name: str, verdict: str | None) -> bool:
    """Does a figure with ``verdict`` show under the filter?

    >>> [passes(f, v) for f in FILTERS for v in (None, "verified", "wrong")]
    [True, True, True, True, False, False, False, False, True]
    """
    if filter_name == "unreviewed":
        return verdict is None
    if filter_name == "flagged":
        return verdict in ("doubtful", "wrong")
    return True


def plain_terminal() -> bool:
    return os.environ.get("TERM") == "linux"


def _number(v: float | str | None) -> str:
    if isinstance(v, float | int) and not isinstance(v, bool):
        if float(v).is_integer():
            return f"{int(v):,}"
        return f"{v:,.4f}".rstrip("0").rstrip(".")
    return "" if v is None else str(v)


def format_value(value, value_max, unit: str, kind: str, qualifier: str) -> str:
    """The normalized value for a person: thousands separators, range, unit."""
    text = _number(value)
    if value_max is not None and value_max != value:
        text += "–" + _number(value_max)
    text = QUALIFIERS.get(qualifier, "") + text
    if unit and unit in "%％‰" and isinstance(value, float | int):
        text += unit  # other units stand in the figure's own text, one column left
    return text


def _sort_key(sort: str, k: int, figure) -> tuple:
    if sort == "value":
        v = figure.value
        return (0, -float(v), k) if isinstance(v, float | int) else (1, str(v), k)
    if sort == "kind":
        return (figure.kind, k)
    return (k,)


def _short(text: str, cells: int) -> Text:
    """Plain Text (never markup) cut to ``cells`` cells with an ellipsis."""
    out = Text(text or "", no_wrap=True, overflow="ellipsis")
    out.truncate(cells, overflow="ellipsis")
    return out


class FiguresPanel(DataTable):
    """Figures in document order (or by value or kind); Enter shows one in the article."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next", show=False, id="figures.down"),
        Binding("k", "cursor_up", "Previous", show=False, id="figures.up"),
        Binding("s", "cycle_sort", "Sort", id="figures.sort",
                tooltip="Sort by document order, value or kind"),
        Binding("f", "cycle_filter", "Filter", id="review.filter",
                tooltip="show all figures, the unreviewed, or the doubtful and wrong"),
        Binding("c", "chart", "Chart", id="review.chart",
                tooltip="chart of the money and count figures: by order, per section, off"),
        Binding("escape", "leave", "Back to article", show=False, id="figures.leave"),
    ]

    COMPONENT_CLASSES = {
        "figures-panel--verified",
        "figures-panel--doubtful",
        "figures-panel--wrong",
        "figures-panel--note",
    }

    class Chosen(Message):
        """The user chose a figure (index into Document.figures)."""

        def __init__(self, figure: int) -> None:
            super().__init__()
            self.figure = figure

    class ChartRequested(Message):
        """The user pressed the chart key in the panel."""

    def __init__(self, document: Document, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.document = document
        self._starts = [f.start for f in document.figures]
        self.sort = "order"
        self.filter = "all"
        self.marks: dict[int, Verdict] = {}  # figure index -> its verdict and note
        self._plain = plain_terminal()
        self._visible: set[int] = set()

    def on_mount(self) -> None:
        self.add_column("   Figure", key="text")
        self.add_column("Value", key="value")
        # what a figure measures matters more than its kind: keep it visible in a narrow panel
        self.add_column("Label", key="label")
        self.add_column("Kind", key="kind")
        self._fill()

    def _title(self) -> str:
        n = len(self.document.figures)
        if not n:
            return "Figures"
        title = f"Figures {n} · by {self.sort}"
        if self.filter != "all":
            title += f" · {FILTER_NAMES[self.filter]} {self.row_count}"
        return title

    def _shown(self, k: int) -> bool:
        mark = self.marks.get(k)
        return passes(self.filter, mark.verdict if mark else None)

    def _fill(self) -> None:
        cursor = self._figure_at_cursor()
        cursor_row = self.cursor_row
        self.clear()
        figures = self.document.figures
        order = sorted(range(len(figures)), key=lambda k: _sort_key(self.sort, k, figures[k]))
        for k in order:
            if not self._shown(k):
                continue
            f = figures[k]
            value = format_value(f.value, f.value_max, f.unit, f.kind, f.qualifier)
            self.add_row(
                self._figure_text(k), Text(value, justify="right"),
                _short(f.label, 8), Text(f.kind, style="dim"), key=str(k),
            )
        self.border_title = self._title()
        if cursor is not None and str(cursor) in self.rows:
            self.move_cursor(row=self.get_row_index(str(cursor)), animate=False)
        elif self.row_count:
            # the figure under the cursor left the filter: stay at the same height (the next one)
            self.move_cursor(row=min(cursor_row, self.row_count - 1), animate=False)
        self._show_note()

    def _mark_text(self, k: int) -> Text:
        mark = self.marks.get(k)
        if mark is None:
            return Text("   ")
        text = Text(verdict_mark(mark.verdict, mark.note, self._plain), no_wrap=True)
        if mark.verdict:
            text.stylize(self.get_component_rich_style(f"figures-panel--{mark.verdict}", partial=True), 0, 1)
        if mark.note:
            text.stylize(self.get_component_rich_style("figures-panel--note", partial=True), 1, 2)
        return text

    def _show_note(self) -> None:
        """The note of the figure under the cursor, under the panel (plain text)."""
        k = self._figure_at_cursor()
        mark = self.marks.get(k) if k is not None else None
        note = mark.note if mark is not None else ""
        subtitle = Text(("✎ " if not self._plain else "* ") + note, no_wrap=True) if note else ""
        if subtitle:
            subtitle.truncate(max(8, self.size.width - 6), overflow="ellipsis")
        self.border_subtitle = subtitle

    def _figure_text(self, k: int) -> Text:
        """The verdict mark, then the figure as written (bold and underlined while it is
        on screen in the article)."""
        text = _short(self.document.figures[k].text, 10)
        if k in self._visible:
            text.stylize("bold underline")
        return Text.assemble(self._mark_text(k), text, no_wrap=True, overflow="ellipsis")

    def figure_at_cursor(self) -> int | None:
        """Index into Document.figures of the row under the cursor, if any."""
        return self._figure_at_cursor()

    def _figure_at_cursor(self) -> int | None:
        if not self.row_count:
            return None
        try:
            return int(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
        except Exception:  # noqa: BLE001 - an empty or just-cleared table
            return None

    def update_document(self, doc: Document) -> None:
        changed = doc.figures != self.document.figures
        self.document = doc
        self._starts = [f.start for f in doc.figures]
        if changed:
            self._fill()

    def mark_visible(self, start: int, end: int) -> None:
        """Mark the figures inside the visible part of the article [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        visible = set(range(lo, hi))  # figures are in document order
        if visible == self._visible:
            return
        changed = visible ^ self._visible
        self._visible = visible
        for k in changed:
            if str(k) in self.rows:
                self.update_cell(str(k), "text", self._figure_text(k))
        listed = [k for k in visible if str(k) in self.rows]  # the filter may hide some
        if listed and not self.has_focus:
            first = min(listed, key=lambda k: self.get_row_index(str(k)))
            self.move_cursor(row=self.get_row_index(str(first)), animate=False)

    def set_marks(self, marks: dict[int, Verdict]) -> None:
        """Show the review: figure index -> its verdict record (verdict and/or note)."""
        changed = {k for k in marks.keys() | self.marks.keys() if marks.get(k) != self.marks.get(k)}
        if not changed:
            return
        old = {k: self._shown(k) for k in changed}
        self.marks = dict(marks)
        if any(self._shown(k) != was for k, was in old.items()):
            self._fill()  # a row joins or leaves the filter
            return
        for k in changed:
            if str(k) in self.rows:
                self.update_cell(str(k), "text", self._figure_text(k))
        self._show_note()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self.marks:
            for k in self.marks:
                if str(k) in self.rows:
                    self.update_cell(str(k), "text", self._figure_text(k))

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._fill()

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self._fill()
        if not self.row_count and self.document.figures:
            self.notify(f"No {FILTER_NAMES[self.filter]} figures (f shows the next filter).", timeout=3)

    def action_chart(self) -> None:
        self.post_message(self.ChartRequested())

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_note()

    # The chart under the panel shows in the narrow overlay only while the panel is in use:
    # the stylesheet reads this class of the panel's container.
    def on_focus(self) -> None:
        if self.parent is not None:
            self.parent.add_class("-panel-focus")

    def on_blur(self) -> None:
        if self.parent is not None:
            self.parent.remove_class("-panel-focus")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(int(event.row_key.value)))

    def action_leave(self) -> None:
        self.app.action_focus_article()
