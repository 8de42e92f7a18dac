"""The figures panel's table without the widget: which figures show in which order,
how wide each column is, and what each cell says (Rich ``Text``, never markup).

The panel keeps one index array per order (``array('I')``, four bytes a row), not
a row object per figure: a book has tens of thousands of figures.

>>> format_value(2230000.0, None, "元", "money", "")
'2,230,000'
>>> format_value(15.0, 20.0, "%", "percent", "approx")
'≈15–20%'
>>> format_value("2018", None, "", "year", "")
'2018'
"""

from __future__ import annotations

import functools
import os
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

QUALIFIERS = {"approx": "≈", "over": ">", "under": "<"}
SORTS = ("order", "value", "kind")
FILTERS = ("all", "unreviewed", "flagged")
FILTER_NAMES = {"all": "all", "unreviewed": "unreviewed", "flagged": "doubtful+wrong"}
SYMBOLS = {"verified": "✓", "doubtful": "?", "wrong": "✗", "note": "✎"}
# The Linux console's fonts have no check marks or pencils: ASCII there.
ASCII_SYMBOLS = {"verified": "+", "doubtful": "?", "wrong": "x", "note": "*"}
MARK = 3  # cells of the verdict mark before each figure: symbol, note sign, space
KIND_WIDTH = 8  # the longest kind ("duration")


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


def figure_value(figure) -> str:
    return format_value(figure.value, figure.value_max, figure.unit, figure.kind, figure.qualifier)


# ------------------------------------------------------------------ rows


def _by_value(figure) -> tuple:
    v = figure.value
    return (0, -float(v)) if isinstance(v, float | int) else (1, str(v))


def figure_order(figures: Sequence, sort: str) -> array:
    """Indices of ``figures`` in the sort's order; ties keep document order (a stable sort).

    Numbers come first by value, largest first, then the other values (dates, years) as text.

    >>> from types import SimpleNamespace as F
    >>> figs = [F(value=3.0, kind="money"), F(value="2018", kind="year"), F(value=9.0, kind="count")]
    >>> list(figure_order(figs, "order")), list(figure_order(figs, "value")), list(figure_order(figs, "kind"))
    ([0, 1, 2], [2, 0, 1], [2, 0, 1])
    """
    n = len(figures)
    if sort == "value":
        return array("I", sorted(range(n), key=lambda k: _by_value(figures[k])))
    if sort == "kind":
        return array("I", sorted(range(n), key=lambda k: figures[k].kind))
    return array("I", range(n))


def keep_only(order: array, shown: Callable[[int], bool]) -> array:
    """The rows of ``order`` that ``shown`` keeps, in the same order.

    >>> list(keep_only(array("I", [4, 1, 3]), lambda k: k != 1))
    [4, 3]
    """
    return array("I", [k for k in order if shown(k)])


def rows_of(order: array, n: int) -> array:
    """For each of ``n`` figures its row in ``order``, -1 where it is not shown.

    >>> list(rows_of(array("I", [2, 0]), 3))
    [1, -1, 0]
    """
    rows = array("i", [-1]) * n
    for row, k in enumerate(order):
        rows[k] = row
    return rows


def same_rows(old: Sequence, new: Sequence) -> bool:
    """Do two versions of the figures list the same figures with the same values, so that
    every order and column width stays (what labelling a document changes is the labels)?"""
    if old is new:
        return True
    return len(old) == len(new) and all(
        a.start == b.start
        and a.end == b.end
        and a.text == b.text
        and a.value == b.value
        and a.value_max == b.value_max
        and a.unit == b.unit
        and a.kind == b.kind
        and a.qualifier == b.qualifier
        for a, b in zip(old, new)
    )


def value_width(figures: Sequence) -> int:
    """Cells of the widest normalized value (the value column's natural width).

    A book repeats its values (years, small counts): each distinct one is formatted once.
    """
    distinct = {(f.value, f.value_max, f.unit, f.qualifier) for f in figures}
    return max((cell_len(format_value(v, top, unit, "", q)) for v, top, unit, q in distinct), default=5)


# --------------------------------------------------------------- columns


@dataclass(frozen=True)
class Columns:
    """Cells of each column (the figure column after its verdict mark); 0: not shown."""

    figure: int
    value: int
    label: int
    kind: int

    @property
    def total(self) -> int:
        """Cells of a row: a leading space, the mark, the columns and one space between."""
        shown = [w for w in (self.value, self.label, self.kind) if w]
        return 1 + MARK + self.figure + sum(shown) + len(shown)


# When the panel is narrow, columns give up cells in this order, down to each floor: the rare
# values over 15 cells get cut (the figure as written stays beside them), then the kind goes
# (what a figure measures matters more than its kind), longer values, the label, the figure.
_SHRINK = (
    ("value", 15),
    ("kind", 0),
    ("value", 12),
    ("label", 6),
    ("figure", 6),
    ("value", 8),
    ("label", 4),
    ("figure", 4),
)
_GROW = (("label", 12), ("figure", 14))  # where spare cells go


@functools.lru_cache(maxsize=32)
def fit_columns(width: int, widest_value: int) -> Columns:
    """Column widths for a panel ``width`` cells wide.

    >>> fit_columns(60, 9)
    Columns(figure=14, value=9, label=12, kind=8)
    >>> fit_columns(45, 15)
    Columns(figure=10, value=15, label=8, kind=5)
    >>> fit_columns(45, 18)
    Columns(figure=10, value=15, label=8, kind=5)
    >>> fit_columns(36, 18)
    Columns(figure=10, value=12, label=8, kind=0)
    >>> fit_columns(20, 18)  # at the floors: the panel crops what is left over (its CSS keeps it wider)
    Columns(figure=4, value=8, label=4, kind=0)
    """
    cols = {"figure": 10, "value": max(5, widest_value), "label": 8, "kind": KIND_WIDTH}
    total = lambda: Columns(**cols).total  # noqa: E731
    for name, floor in _SHRINK:
        over = total() - width
        if over <= 0:
            break
        cols[name] = max(floor, cols[name] - over)
        if name == "kind" and cols["kind"] < 4:
            cols["kind"] = 0  # "co…" says nothing: no kind column at all
    for name, most in _GROW:
        spare = width - total()
        if spare > 0 and cols[name] < most:
            cols[name] = min(most, cols[name] + spare)
    return Columns(**cols)


def fit(text: Text, cells: int, right: bool = False) -> Text:
    """``text`` cut to ``cells`` (with an ellipsis) and padded to exactly that width.

    >>> fit(Text("直播帶貨"), 5).plain, fit(Text("直播帶貨"), 6).plain, fit(Text("12"), 4, right=True).plain
    ('直播…', '直播… ', '  12')
    """
    if text.cell_len > cells:
        # cut before the character that would not fit whole (Rich would leave half a wide one as a space)
        used = end = 0
        for char in text.plain:
            used += cell_len(char)
            if used > cells - 1:
                break
            end += 1
        text = text[:end]
        text.append("…")
    else:
        text = text.copy()
    gap = cells - text.cell_len
    if gap > 0:
        if right:
            text.pad_left(gap)
        else:
            text.pad_right(gap)
    return text


def assemble_row(columns: Columns, mark: Text, figure: Text, value: Text, label: Text, kind: Text, style="") -> Text:
    """One row (or the header): the cells fitted to their columns, one space between.

    >>> cols = Columns(figure=6, value=9, label=4, kind=0)
    >>> assemble_row(cols, Text("✓  "), Text("223萬元"), Text("2,230,000"), Text("銷售額"), Text("money")).plain
    ' ✓  223萬… 2,230,000 銷… '
    """
    parts = [Text(" "), fit(mark, MARK), fit(figure, columns.figure)]
    for cell, cells, right in (
        (value, columns.value, True),
        (label, columns.label, False),
        (kind, columns.kind, False),
    ):
        if cells:
            parts += [Text(" "), fit(cell, cells, right)]
    return Text.assemble(*parts, style=style, no_wrap=True, end="")
