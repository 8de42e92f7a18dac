"""The three panes (sections, article, figures), held by the app as ``app.panes``:
which one has the focus, the side panels as overlays on a narrow terminal, the
figures panel following what the article shows, and the article showing what is
chosen in a side panel (a section, a figure).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widget import Widget

from widgets.figures.panel import FiguresPanel
from widgets.figures.preview import FigurePreview
from widgets.review.saving import reading_at

if TYPE_CHECKING:
    from widgets.app import KreaderApp

NARROW = 100  # columns under which the side panels collapse into overlays
MANY_FIGURES = 2000  # above this, the figures panel follows the reading position after a pause


class Panes:
    """Focus and layout of the app's panes: the app's ``panes``."""

    def __init__(self, app: KreaderApp) -> None:
        self.app = app
        self._mark_timer: Timer | None = None
        self._visible_range = (0, 0)

    def resized(self, width: int) -> None:
        """The side panels collapse into overlays under ``NARROW`` columns."""
        narrow = width < NARROW
        app = self.app
        app.screen.set_class(narrow, "-narrow")
        for panel in (app.sections, app.figures):
            # a panel that has the focus when the terminal shrinks stays, as an overlay
            panel.set_class(narrow and panel.has_focus, "-open")

    def follow(self, start: int, end: int) -> None:
        """The article shows [start, end): the figures panel marks (and follows) its figures."""
        app = self.app
        if len(app.document.figures) <= MANY_FIGURES:
            app.figures.mark_visible(start, end)
            return
        # A table of tens of thousands of rows redraws in O(rows): mark the figures in
        # view once the reader pauses, not on every page (a book pages at 70 ms otherwise).
        self._visible_range = (start, end)
        if self._mark_timer is None:
            self._mark_timer = app.set_timer(0.25, self._mark_visible_figures, name="mark figures")
        else:
            self._mark_timer.reset()

    def _mark_visible_figures(self) -> None:
        self._mark_timer = None
        try:
            self.app.figures.mark_visible(*self._visible_range)
        except NoMatches:
            pass

    def section_chosen(self, section: int) -> None:
        """A section chosen in its panel: the article goes there (the overlay closes)."""
        app = self.app
        app.go_to_section(section)
        if app.screen.has_class("-narrow"):
            app.action_focus_article()

    def figure_highlighted(self, k: int) -> None:
        """The panel's cursor drives the article: the figure is shown and marked there,
        and previewed under it; the focus stays in the panel.  A move that arrives as the
        reader quits (the panel already gone) is dropped."""
        app = self.app
        panels = app.query(FiguresPanel)
        if panels and panels.first().has_focus:
            app.article.show_figure(k)
            app.query_one(FigurePreview).show(app.document, k, app.article.script)

    def figure_chosen(self, k: int) -> None:
        """Enter on a figure: the article shows it (the overlay closes)."""
        app = self.app
        app.places.jumping()
        app.article.show_figure(k)
        if app.screen.has_class("-narrow"):
            app.action_focus_article()

    def panes(self) -> list[Widget]:
        app = self.app
        return [app.sections, app.article, app.figures]

    def focus(self, pane: Widget) -> None:
        """Give ``pane`` the focus (on a narrow terminal a side panel opens as an overlay)."""
        app = self.app
        if pane is app.figures and not pane.has_focus:
            # the panel's cursor starts on what is read now (Moved may not have come yet):
            # once focused, it drives the article
            _block, on_screen = reading_at(app.article, (0, 0))
            app.figures.mark_visible(*on_screen)
        narrow = app.screen.has_class("-narrow")
        for side in (app.sections, app.figures):
            side.set_class(narrow and side is pane, "-open")
        app.screen.set_focus(pane)  # now: a verdict typed right after `f` is the panel's

    def cycle(self, direction: int) -> None:
        """Tab, shift+Tab: the next (previous) pane, round the end."""
        panes = self.panes()
        focused = self.app.focused
        at = next(
            (k for k, p in enumerate(panes) if focused is not None and (focused is p or p in focused.ancestors)), 1
        )
        self.focus(panes[(at + direction) % len(panes)])
