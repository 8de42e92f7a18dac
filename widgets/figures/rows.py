"""The figures panel's table without the widget: which figures show in which order,
how wide each column is, and what each cell says (Rich ``Text``, never markup).

The panel keeps one index array per order (``array('I')``, four bytes a row), not
a row object per figure: a book has tens of thousands of figures.

>>> format_value(2230000.0, None, "元", "money", "")
'223萬'
>>> format_value(15.0, 20.0, "%", "percent", "approx")
'15–20%'
>>> format_value("--09-10", None, "", "date", "")
'09-10'
"""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from rich.cells import cell_len
from rich.text import Text

from reader.figures.shown import KIND_CODE_WIDTH, qualifier_mark, value_shown

SORTS = ("order", "value", "kind")
FILTERS = ("all", "unreviewed", "flagged")
FILTER_NAMES = {"all": "all", "unreviewed": "unreviewed", "flagged": "doubtful+wrong"}
SYMBOLS = {"verified": "✓", "doubtful": "?", "wrong": "✗", "note": "✎"}
# The Linux console's fonts have no check marks or pencils: ASCII there.
ASCII_SYMBOLS = {"verified": "+", "doubtful": "?", "wrong": "x", "note": "*"}
MARK = 3  # cells of the verdict mark before each figure: symbol, note sign, space
KIND_COLUMN = max(KIND_CODE_WIDTH, 4)  # the codes, and the header "Kind"


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


def format_value(value, value_max, unit: str, kind: str, qualifier: str, simplified: bool = False) -> str:
    """The value column: compact (reader.figures.shown), never cut; the qualifier has its own column."""
    return value_shown(SimpleNamespace(value=value, value_max=value_max, unit=unit, kind=kind), simplified)


def figure_value(figure, simplified: bool = False) -> str:
    return value_shown(figure, simplified)


def figure_marker(figure) -> str:
    """The marker column: approximate, bound, vague (reader.figures.shown.qualifier_mark)."""
    return qualifier_mark(figure.qualifier, getattr(figure, "vague", False))


# ------------------------------------------------------------ the figure as written

# A figure as written too wide for its column is shown in a shorter form that keeps every digit
# (the exact value is in the value column and the preview line), never cut: Latin scale words
# abbreviated, the qualifier words around the number left to the marker column (≈ > <), then
# the unit after a magnitude left out.
_LATIN_SCALES = {"trillion": "T", "billion": "B", "million": "M", "thousand": "K", "bn": "B", "mn": "M"}
_LATIN_SCALE = re.compile(r"(\d)\s*(trillion|billion|million|thousand|bn|mn)\b", re.IGNORECASE)
_NUMERAL = "0-9０-９零〇一二兩两三四五六七八九十百千萬万億亿"
_LEADING_WORDS = re.compile(rf"^[^{_NUMERAL}$€£¥￥+\-−.]+(?=[{_NUMERAL}$€£¥￥])")
_TRAILING_WORDS = re.compile(r"(?<=\S)(左右|以上|以下|之多|上下|有餘|有余|多)$")
_UNIT_AFTER_MAGNITUDE = re.compile(rf"^(.*[{_NUMERAL}](?:萬億|万亿|億|亿|萬|万|T|B|M|K))\D+$")


def written_forms(text: str) -> tuple[str, ...]:
    """``text`` (a figure as written) and its shorter forms, longest first, every digit kept.

    >>> written_forms("$81.8 billion")
    ('$81.8 billion', '$81.8B')
    >>> written_forms("不高於35154萬元")
    ('不高於35154萬元', '35154萬元', '35154萬')
    >>> written_forms("約有300人左右"), written_forms("163.89億千瓦時")[-1], written_forms("15%")
    (('約有300人左右', '300人'), '163.89億', ('15%',))
    """
    forms = [text, _LATIN_SCALE.sub(lambda m: m.group(1) + _LATIN_SCALES[m.group(2).lower()], text)]
    bare = _TRAILING_WORDS.sub("", _LEADING_WORDS.sub("", forms[-1]))
    forms.append(bare or forms[-1])
    forms.append(_UNIT_AFTER_MAGNITUDE.sub(r"\1", forms[-1]))
    return tuple(dict.fromkeys(forms))


def written_fitted(text: Text, cells: int) -> Text:
    """The first of ``text``'s :func:`written_forms` that fits ``cells`` (its styles kept), or its
    shortest form (the column is made wide enough for it where the panel allows).

    >>> written_fitted(Text("$81.8 billion"), 8).plain, written_fitted(Text("不足2800億元"), 10).plain
    ('$81.8B', '2800億元')
    """
    if text.cell_len <= cells:
        return text
    forms = written_forms(text.plain)
    form = next((f for f in forms if cell_len(f) <= cells), forms[-1])
    styles = {span.style for span in text.spans} | ({text.style} if text.style else set())
    return Text(form, style=" ".join(str(style) for style in styles))


def written_width(figures: Sequence) -> int:
    """Cells of the widest shortest form among ``figures`` (the figure column's floor).

    The longest texts are shortened first: a form is never longer than its text, nor wider than
    twice its characters, so once the rest cannot beat the widest found they are not shortened.

    >>> from types import SimpleNamespace as F
    >>> written_width([F(text="約有300人左右"), F(text="$81.8 billion"), F(text="3人")]), written_width([])
    (6, 4)
    """
    widest = -1
    for text in sorted({f.text for f in figures}, key=len, reverse=True):
        if 2 * len(text) <= widest:
            break
        widest = max(widest, cell_len(written_forms(text)[-1]))
    return widest if widest >= 0 else 4


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


def value_width(figures: Sequence, simplified: bool = False) -> int:
    """Cells of the widest value shown (the value column's width: a value is never cut).

    A book repeats its values (years, small counts): each distinct one is formatted once (the kind
    does not change how a value is shown).

    >>> from types import SimpleNamespace as F
    >>> value_width([F(value=15.0, value_max=20.0, unit="%", kind="percent"), F(value=3.0, value_max=None, unit="", kind="count")])
    6
    """
    distinct = {(f.value, f.value_max, f.unit) for f in figures}
    return max((cell_len(format_value(v, top, unit, "", "", simplified)) for v, top, unit in distinct), default=5)


def marker_width(figures: Sequence) -> int:
    """Cells of the widest marker (0: no figure is approximate, a bound or vague).

    A book's figures have a handful of (qualifier, vague) pairs: each is measured once.

    >>> from types import SimpleNamespace as F
    >>> marker_width([F(qualifier="approx", vague=False)] * 3 + [F(qualifier="over", vague=True)]), marker_width([])
    (2, 0)
    """
    pairs = {(f.qualifier, getattr(f, "vague", False)) for f in figures}
    return max((cell_len(qualifier_mark(q, vague)) for q, vague in pairs), default=0)


# --------------------------------------------------------------- columns


@dataclass(frozen=True)
class Columns:
    """Cells of each column (the figure column after its verdict mark); 0: not shown."""

    figure: int
    marker: int
    value: int
    label: int
    kind: int

    @property
    def total(self) -> int:
        """Cells of a row: a leading space, the mark, the columns and one space between."""
        shown = [w for w in (self.value, self.label, self.kind) if w]
        return 1 + MARK + self.figure + self.marker + sum(shown) + len(shown)


# When the panel is narrow, columns give up cells in this order, down to each floor; the value
# never does (it is compact instead).  The kind goes before the label shrinks far (what a figure
# measures matters more than its kind), then the figure as written.
_SHRINK = (
    ("label", 6),
    ("figure", 8),
    ("kind", 0),
    ("figure", 6),
    ("label", 4),
    ("figure", 4),
)
FIGURE_FLOOR_MOST = 20  # a figure wider than this even in its shortest form is cut (none in the dev data)
_GROW = (("label", 12), ("figure", 14), ("label", 20))  # where spare cells go


@functools.lru_cache(maxsize=32)
def fit_columns(width: int, widest_value: int, marker: int = 0, figure_floor: int = 4) -> Columns:
    """Column widths for a panel ``width`` cells wide; the value column is ``widest_value``,
    the marker column (right-aligned with the value) ``marker``; the figure column gives up
    cells down to ``figure_floor`` only (its widest shortest form: :func:`written_width`).

    >>> fit_columns(60, 9)
    Columns(figure=14, marker=0, value=9, label=20, kind=4)
    >>> fit_columns(40, 8, 2)
    Columns(figure=10, marker=2, value=8, label=9, kind=4)
    >>> fit_columns(30, 8, 2)
    Columns(figure=8, marker=2, value=8, label=6, kind=0)
    >>> fit_columns(20, 8)  # at the floors: the panel crops what is left over (its CSS keeps it wider)
    Columns(figure=4, marker=0, value=8, label=4, kind=0)
    >>> fit_columns(30, 8, 2, figure_floor=10)  # the label gives up more
    Columns(figure=10, marker=2, value=8, label=4, kind=0)
    """
    figure_floor = min(figure_floor, FIGURE_FLOOR_MOST)
    cols = {
        "figure": max(10, figure_floor),
        "marker": marker,
        "value": max(5, widest_value),
        "label": 8,
        "kind": KIND_COLUMN,
    }
    total = lambda: Columns(**cols).total  # noqa: E731
    for name, floor in _SHRINK:
        if name == "figure":
            floor = max(floor, figure_floor)
        over = total() - width
        if over <= 0:
            break
        cols[name] = max(floor, cols[name] - over)
        if name == "kind" and cols["kind"] < KIND_COLUMN:
            cols["kind"] = 0  # a cut code says nothing: no kind column at all
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


def assemble_row(
    columns: Columns,
    mark: Text,
    figure: Text,
    value: Text,
    label: Text,
    kind: Text,
    style="",
    marker: Text | None = None,
) -> Text:
    """One row (or the header): the cells fitted to their columns, one space between; the
    qualifier ``marker`` stands just left of the value.

    >>> cols = Columns(figure=6, marker=1, value=5, label=4, kind=3)
    >>> assemble_row(cols, Text("✓  "), Text("223萬元"), Text("223萬"), Text("銷售額"), Text("mon"), marker=Text("≈")).plain
    ' ✓  223萬… ≈223萬 銷… mon'
    """
    parts = [Text(" "), fit(mark, MARK), fit(figure, columns.figure)]
    if columns.value:  # the marker reads with the value it qualifies: ≈15%, >~1萬
        parts += [Text(" "), fit(Text.assemble(marker or "", value), columns.marker + columns.value, right=True)]
    for cell, cells in ((label, columns.label), (kind, columns.kind)):
        if cells:
            parts += [Text(" "), fit(cell, cells)]
    return Text.assemble(*parts, style=style, no_wrap=True, end="")
