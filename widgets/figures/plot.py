"""The chart's plot (textual-plotext): imported when the chart is first shown.

Drawn from the figures with the pure helpers of widgets.figures.series.
"""

from __future__ import annotations

import math

from textual_plotext import PlotextPlot

from reader.document import Document
from reader.review.model import Verdict
from widgets.figures.series import (
    CHARTED_KINDS,
    MARKERS,
    MAX_BARS,
    MAX_SECTIONS,
    MAX_TICKS,
    VERDICT_COLOURS,
    bucketed,
    decades,
    human,
    per_section,
    section_name,
    section_starts,
    series,
)


class FiguresPlot(PlotextPlot):
    """Money and count figures by order of appearance (one log scale) or per section."""

    def draw(self, doc: Document, marks: dict[int, Verdict], mode: str) -> None:
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
                    plt.bar(
                        [p.number for p in group],
                        [math.log10(p.value) - low + 0.3 for p in group],
                        color=colour,
                        marker=MARKERS[kind],
                        width=0.4,
                        minimum=0,
                    )
        ticks = list(range(0, high - low + 1))
        plt.yticks([t + 0.3 for t in ticks], [human(10 ** (low + t)) for t in ticks])
        plt.ylim(0, high - low + 0.6)
        plt.xlim(0.5, math.ceil(len(doc.figures) / size) + 0.5)
        starts = section_starts(doc)
        if len(starts) > MAX_TICKS:  # label every so many sections
            starts = starts[:: math.ceil(len(starts) / MAX_TICKS)]
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
            counts = [[sum(c[i : i + size]) for i in range(0, len(c), size)] for c in counts]
        markers = [MARKERS[k] for k in CHARTED_KINDS]
        # plotext takes a colour and a marker per series; its annotations allow only one
        plt.multiple_bar(names, counts, color=["green", "blue"], marker=markers)  # type: ignore[arg-type]
        top = max(max(c) for c in counts)
        step = max(1, math.ceil(top / 5))
        plt.yticks(list(range(0, top + 1, step)))
