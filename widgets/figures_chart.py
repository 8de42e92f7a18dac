"""A chart of the article's money and count figures (textual-plotext), under the figures panel.

Two modes: *order* plots each money figure and each count figure by order of
appearance on one log scale (figures in one article span 10 to 10⁹), bars
coloured by verdict; *section* counts the money and count figures of each
section.  Money bars are solid and count bars shaded, so the chart reads
without colour.  Labels are ASCII: plotext measures text in characters, so Chinese
would break its alignment.

>>> human(2230000), human(15), human(1.2e9), human(45000)
('2.2M', '15', '1.2B', '45k')
>>> decades([15, 2230000])
(1, 7)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

try:
    from textual_plotext import PlotextPlot as _ChartBase

    PLOTEXT = True
except ImportError:  # the reader works without its chart
    from textual.widgets import Static as _ChartBase

    PLOTEXT = False

from reader.document import Document
from reader.review import Verdict

CHART_MODES = ("off", "order", "section")
CHARTED_KINDS = ("money", "count")
MARKERS = {"money": "█", "count": "░"}
MAX_BARS = 240  # figures per chart before neighbours share a bar
MAX_SECTIONS = 24
MAX_TICKS = 8  # readable without colour (NO_COLOR, TERM=linux)
VERDICT_COLOURS = {None: "blue", "verified": "green", "doubtful": "orange", "wrong": "red"}


def human(value: float) -> str:
    """A short ASCII label for a positive number."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            text = f"{value / size:.1f}".removesuffix(".0")
            return text + suffix
    return f"{value:g}"


def decades(values: Sequence[float]) -> tuple[int, int]:
    """The powers of ten that bound ``values`` (all positive)."""
    low = math.floor(math.log10(min(values)))
    high = math.ceil(math.log10(max(values)))
    return low, max(high, low + 1)


@dataclass(frozen=True)
class Point:
    number: int  # 1-based position of the figure in document order (as in the panel's default sort)
    value: float
    verdict: str | None


def series(doc: Document, marks: dict[int, Verdict], kind: str) -> list[Point]:
    """The positive numeric figures of ``kind`` in document order.

    >>> from types import SimpleNamespace as F
    >>> doc = F(figures=[F(kind="money", value=2.0e6), F(kind="count", value=9.0), F(kind="money", value="?")])
    >>> [(p.number, p.value) for p in series(doc, {}, "money")]
    [(1, 2000000.0)]
    """
    points = []
    for k, f in enumerate(doc.figures):
        if f.kind != kind or isinstance(f.value, str) or isinstance(f.value, bool) or not f.value or f.value <= 0:
            continue
        mark = marks.get(k)
        points.append(Point(k + 1, float(f.value), mark.verdict if mark else None))
    return points


SEVERITY = {None: 0, "verified": 1, "doubtful": 2, "wrong": 3}


def bucketed(points: list[Point], size: int) -> list[Point]:
    """Points of ``size`` consecutive figures merged into one bar: the largest value and the
    most severe verdict, numbered by bucket.  A long article has tens of thousands of
    figures; a panel has room for a few dozen bars, and plotext slows with each one.

    >>> pts = [Point(1, 5.0, None), Point(2, 9.0, "verified"), Point(4, 1.0, "wrong")]
    >>> [(p.number, p.value, p.verdict) for p in bucketed(pts, 2)]
    [(1, 9.0, 'verified'), (2, 1.0, 'wrong')]
    """
    if size <= 1:
        return points
    merged: dict[int, Point] = {}
    for p in points:
        b = (p.number - 1) // size + 1
        old = merged.get(b)
        if old is None:
            merged[b] = Point(b, p.value, p.verdict)
        else:
            verdict = max(old.verdict, p.verdict, key=lambda v: SEVERITY[v])
            merged[b] = Point(b, max(old.value, p.value), verdict)
    return [merged[b] for b in sorted(merged)]


def per_section(doc: Document, kind: str) -> list[int]:
    """How many figures of ``kind`` each section quotes."""
    counts = [0] * len(doc.sections)
    for f in doc.figures:
        if f.kind == kind and 0 <= f.section < len(counts):
            counts[f.section] += 1
    return counts


class FiguresChart(_ChartBase):
    """The chart; ``show(doc, marks, mode)`` redraws it."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.mode = "off"

    def show(self, doc: Document, marks: dict[int, Verdict], mode: str) -> None:
        self.mode = mode
        self.set_class(mode != "off", "-shown")  # the stylesheet shows it (not in a closed overlay)
        if mode == "off":
            return
        if not PLOTEXT:
            self.update("The chart needs the textual-plotext package (pip install textual-plotext).")
            return
        plt = self.plt
        plt.clear_figure()
        if mode == "order":
            self._by_order(doc, marks)
        else:
            self._by_section(doc)
        self.refresh()

    def _by_order(self, doc: Document, marks: dict[int, Verdict]) -> None:
        """One plot (two would leave a narrow overlay a couple of rows each): money and
        counts share the log axis, told apart by their bars' pattern."""
        plt = self.plt
        size = math.ceil(len(doc.figures) / MAX_BARS) if len(doc.figures) > MAX_BARS else 1
        points = {kind: bucketed(series(doc, marks, kind), size) for kind in CHARTED_KINDS}
        values = [p.value for kind in CHARTED_KINDS for p in points[kind]]
        if not values:
            plt.title("no money or count figures")
            return
        low, high = decades(values)
        plt.title("money █  count ░  in order, log")  # plotext drops a title wider than the plot
        for kind in CHARTED_KINDS:
            for verdict, colour in VERDICT_COLOURS.items():
                group = [p for p in points[kind] if p.verdict == verdict]
                if group:
                    # bars grow from the lowest decade, so their heights compare on the log scale
                    plt.bar([p.number for p in group], [math.log10(p.value) - low + 0.3 for p in group],
                            color=colour, marker=MARKERS[kind], width=0.4, minimum=0)
        ticks = list(range(0, high - low + 1))
        plt.yticks([t + 0.3 for t in ticks], [human(10 ** (low + t)) for t in ticks])
        plt.ylim(0, high - low + 0.6)
        plt.xlim(0.5, math.ceil(len(doc.figures) / size) + 0.5)
        starts = section_starts(doc)
        if len(starts) > MAX_TICKS:  # label every so many sections
            starts = starts[::math.ceil(len(starts) / MAX_TICKS)]
        plt.xticks([(n - 1) // size + 1 for n, _ in starts], [name for _, name in starts])

    def _by_section(self, doc: Document) -> None:
        plt = self.plt
        counts = [per_section(doc, kind) for kind in CHARTED_KINDS]
        if not any(any(c) for c in counts):
            plt.title("no money or count figures")
            return
        plt.title("per section: money █  count ░")
        names = [section_name(s.index) for s in doc.sections]
        if len(names) > MAX_SECTIONS:  # groups of consecutive sections, named by their first
            size = math.ceil(len(names) / MAX_SECTIONS)
            names = [f"{names[i]}+" for i in range(0, len(names), size)]
            counts = [[sum(c[i:i + size]) for i in range(0, len(c), size)] for c in counts]
        plt.multiple_bar(names, counts, color=["green", "blue"], marker=[MARKERS[k] for k in CHARTED_KINDS])
        top = max(max(c) for c in counts)
        step = max(1, math.ceil(top / 5))
        plt.yticks(list(range(0, top + 1, step)))


def section_name(index: int) -> str:
    return "lede" if index == 0 else str(index)


def section_starts(doc: Document) -> list[tuple[int, str]]:
    """(number of the section's first figure, section name) for each section that has figures.

    >>> from types import SimpleNamespace as F
    >>> section_starts(F(figures=[F(section=0), F(section=2), F(section=2)]))
    [(1, 'lede'), (2, '2')]
    """
    out: list[tuple[int, str]] = []
    seen: set[int] = set()
    for k, f in enumerate(doc.figures):
        if f.section not in seen:
            seen.add(f.section)
            out.append((k + 1, section_name(f.section)))
    return out
