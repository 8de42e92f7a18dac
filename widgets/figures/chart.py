"""A chart of the article's money and count figures (textual-plotext), under the figures panel.

What is plotted is computed in :mod:`widgets.figures.series`; the plot itself lives in
:mod:`widgets.figures.plot` and is imported the first time the chart is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Static

from reader.document import Document
from reader.review.model import Verdict
from widgets.figures.series import PLOTEXT

if TYPE_CHECKING:  # imported when the chart is first shown (plotext is slow to import)
    from widgets.figures.plot import FiguresPlot


class FiguresChart(Widget):
    """Where the chart goes; ``show(doc, marks, mode)`` redraws it.  The plot itself
    (widgets.figures.plot, textual-plotext) is made the first time the chart is shown:
    importing plotext costs ~30 ms, a twentieth of the reader's start-up."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.mode = "off"
        self.plot: FiguresPlot | Static | None = None

    def show(self, doc: Document, marks: dict[int, Verdict], mode: str) -> None:
        self.mode = mode
        self.set_class(mode != "off", "-shown")  # the stylesheet shows it (not in a closed overlay)
        if mode == "off":
            return
        if self.plot is None:
            self.plot = self._new_plot()
            self.mount(self.plot)
        if not isinstance(self.plot, Static):  # the plot, not the note that plotext is missing
            self.plot.draw(doc, marks, mode)

    @staticmethod
    def _new_plot() -> FiguresPlot | Static:
        if not PLOTEXT:
            from reader.about import missing_extra

            return Static(
                missing_extra("The chart", "textual-plotext", "chart").removeprefix("kreader: "), markup=False
            )
        from widgets.figures.plot import FiguresPlot

        return FiguresPlot()
