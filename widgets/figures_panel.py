"""The figures panel: every figure of the article in a table, sortable, Enter jumps.

>>> format_value(2230000.0, None, "元", "money", "")
'2,230,000'
>>> format_value(15.0, 20.0, "%", "percent", "approx")
'≈15–20%'
>>> format_value("2018", None, "", "year", "")
'2018'
"""

from __future__ import annotations

import bisect

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from reader.document import Document

QUALIFIERS = {"approx": "≈", "over": ">", "under": "<"}
SORTS = ("order", "value", "kind")


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
        Binding("escape", "leave", "Back to article", show=False, id="figures.leave"),
    ]

    class Chosen(Message):
        """The user chose a figure (index into Document.figures)."""

        def __init__(self, figure: int) -> None:
            super().__init__()
            self.figure = figure

    def __init__(self, document: Document, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.document = document
        self._starts = [f.start for f in document.figures]
        self.sort = "order"
        self._visible: set[int] = set()

    def on_mount(self) -> None:
        self.add_column("Figure", key="text")
        self.add_column("Value", key="value")
        self.add_column("Kind", key="kind")
        self.add_column("Label", key="label")
        self._fill()

    def _title(self) -> str:
        n = len(self.document.figures)
        return f"Figures {n} · by {self.sort}" if n else "Figures"

    def _fill(self) -> None:
        cursor = self._figure_at_cursor()
        self.clear()
        figures = self.document.figures
        order = sorted(range(len(figures)), key=lambda k: _sort_key(self.sort, k, figures[k]))
        for k in order:
            f = figures[k]
            value = format_value(f.value, f.value_max, f.unit, f.kind, f.qualifier)
            self.add_row(
                self._figure_text(k), Text(value, justify="right"), Text(f.kind, style="dim"),
                _short(f.label, 8), key=str(k),
            )
        self.border_title = self._title()
        if cursor is not None and str(cursor) in self.rows:
            self.move_cursor(row=self.get_row_index(str(cursor)), animate=False)

    def _figure_text(self, k: int) -> Text:
        """The figure as written; bold and underlined while it is on screen in the article."""
        text = _short(self.document.figures[k].text, 10)
        if k in self._visible:
            text.stylize("bold underline")
        return text

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
        if visible and not self.has_focus:
            first = min(visible, key=lambda k: self.get_row_index(str(k)))
            self.move_cursor(row=self.get_row_index(str(first)), animate=False)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._fill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(int(event.row_key.value)))

    def action_leave(self) -> None:
        self.app.action_focus_article()
