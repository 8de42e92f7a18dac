"""The figures panel read as a table by the tests, through its public API (``shown``,
``row_of``, ``cells``): rows are figure indices, columns ``text`` (the verdict mark then
the figure), ``value``, ``label`` and ``kind``."""

from __future__ import annotations

from rich.text import Text

from widgets.figures.panel import FiguresPanel

COLUMNS = ("text", "value", "label", "kind")


def cell(panel: FiguresPanel, k: int | str, column: str) -> Text:
    """What the cell of figure ``k`` in ``column`` shows, uncut (the figure must be listed)."""
    k = int(k)
    assert panel.row_of(k) >= 0, f"figure {k} is not listed"
    mark, figure, value, label, kind = panel.cells(k)
    return {"text": Text.assemble(mark, figure), "value": value, "label": label, "kind": kind}[column]


def listed(panel: FiguresPanel, k: int | str) -> bool:
    """Whether figure ``k`` has a row (the filter may hide it)."""
    return panel.row_of(int(k)) >= 0


def row_of(panel: FiguresPanel, k: int | str) -> int:
    """The row of figure ``k`` (it must be listed)."""
    row = panel.row_of(int(k))
    assert row >= 0, f"figure {k} is not listed"
    return row
