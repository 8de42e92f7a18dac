"""The chart's data, pure: series of money and count figures, buckets, ticks and labels.

For the chart of the article's money and count figures (textual-plotext), under the figures panel.

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

import importlib.util
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reader.document import Document
from reader.review.model import Verdict

# The reader works without its chart; the package is looked for, not imported (see FiguresChart).
PLOTEXT = importlib.util.find_spec("textual_plotext") is not None
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
