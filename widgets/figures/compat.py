"""The DataTable calls the figures panel still answers (it was one; the app's tests read
rows and cells this way): row keys are figure indices as strings, columns are
``text`` (verdict mark and figure), ``value``, ``label`` and ``kind``.

Everything is answered from the panel's index array: nothing here stores a row.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets.data_table import CellDoesNotExist, CellKey, ColumnKey, RowDoesNotExist, RowKey

COLUMN_KEYS = ("text", "value", "label", "kind")


def _figure(key) -> int | None:
    """The figure index a row key names (``"3"`` or ``RowKey("3")``), None for anything else.

    >>> _figure("3"), _figure(RowKey("12")), _figure("x"), _figure(None)
    (3, 12, None, None)
    """
    value = key.value if isinstance(key, RowKey) else key
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class RowKeys:
    """The keys of the rows shown, in order: ``"3" in panel.rows``, ``for key in panel.rows``."""

    def __init__(self, panel) -> None:
        self._panel = panel

    def __len__(self) -> int:
        return len(self._panel._order)

    def __iter__(self) -> Iterator[RowKey]:
        return (RowKey(str(k)) for k in self._panel._order)

    def __contains__(self, key) -> bool:
        k = _figure(key)
        return k is not None and self._panel._row_of(k) >= 0


class TableCompat:
    """Mixed into :class:`~widgets.figures.panel.FiguresPanel`."""

    @property
    def rows(self) -> RowKeys:
        return RowKeys(self)

    @property
    def cursor_coordinate(self) -> Coordinate:
        return Coordinate(self.cursor_row, 0)

    def get_row_index(self, row_key) -> int:
        k = _figure(row_key)
        row = self._row_of(k) if k is not None else -1
        if row < 0:
            raise RowDoesNotExist(f"no row {row_key!r} in the figures panel")
        return row

    def coordinate_to_cell_key(self, coordinate: Coordinate) -> CellKey:
        row, column = coordinate
        if not (0 <= row < len(self._order) and 0 <= column < len(COLUMN_KEYS)):
            raise CellDoesNotExist(f"no cell at {coordinate} in the figures panel")
        return CellKey(RowKey(str(self._order[row])), ColumnKey(COLUMN_KEYS[column]))

    def get_cell(self, row_key, column_key) -> Text:
        """What the cell shows, uncut: ``text`` is the verdict mark then the figure."""
        column = column_key.value if isinstance(column_key, ColumnKey) else column_key
        k = _figure(row_key)
        if k is None or self._row_of(k) < 0 or column not in COLUMN_KEYS:
            raise CellDoesNotExist(f"no cell {row_key!r}, {column_key!r} in the figures panel")
        mark, figure, value, label, kind = self._cells(k)
        return {"text": Text.assemble(mark, figure), "value": value, "label": label, "kind": kind}[column]
