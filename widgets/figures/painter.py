"""Painting the figures panel: its header and rows as Strips (the panel's ``painter``).

Each strip is cached under everything that changes it (row, figure, width,
verdict and note, cursor, focus, figures and style generations), so a change
only has to say which generation it starts.  Figures and labels are article
text: they go into ``rich.text.Text`` as plain text, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.strip import Strip

from reader.figures.shown import kind_code
from reader.text.script import in_script, shows_simplified
from widgets.article.layout import terminal_safe
from widgets.figures.rows import (
    Columns,
    assemble_row,
    figure_marker,
    figure_value,
    fit_columns,
    marker_width,
    value_width,
    verdict_mark,
    written_fitted,
    written_width,
)
from widgets.styles import plain_terminal

if TYPE_CHECKING:
    from reader.figures.extract import Figure
    from widgets.figures.panel import FiguresPanel

COMPONENT_CLASSES = {
    "figures-panel--header",
    "figures-panel--cursor",
    "figures-panel--even-row",
    "figures-panel--verified",
    "figures-panel--doubtful",
    "figures-panel--wrong",
    "figures-panel--note",
}

# The table's own look (as Textual's DataTable); the app's stylesheet adds the border and verdicts.
TABLE_CSS = """
FiguresPanel {
    background: $surface;
    color: $foreground;
    overflow-x: hidden;
    overflow-y: auto;
    &:focus {
        background-tint: $foreground 5%;
        & > .figures-panel--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .figures-panel--header { background-tint: $foreground 5%; }
    }
    &:dark > .figures-panel--even-row { background: $surface-darken-1 40%; }
    & > .figures-panel--even-row { background: $surface-lighten-1 50%; }
    & > .figures-panel--header { text-style: bold; background: $panel; color: $foreground; }
    &:ansi > .figures-panel--header { background: ansi_bright_blue; color: ansi_default; }
    & > .figures-panel--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
}
"""

Cells = tuple[Text, Text, Text, Text, Text]  # mark, figure as written, value, label, kind


class RowPainter:
    """Draws the figures panel's header and rows: the panel's ``painter``."""

    def __init__(self, panel: FiguresPanel) -> None:
        self.panel = panel
        self.plain = plain_terminal()
        self.figures_generation = 0  # a new figures list (labels arrived), or another script
        self.style_generation = 0  # a new stylesheet, theme or pseudo-class
        self._strips: LRUCache[tuple, Strip] = LRUCache(256)
        self.measure(panel.document.figures)

    def measure(self, figures: Sequence[Figure]) -> None:
        """The widths every row's columns are fitted to: the widest value and marker, the figures' floor."""
        self._widest_value = value_width(figures)
        self._figure_floor = written_width(figures)
        self._marker_width = marker_width(figures)

    def columns(self, width: int) -> Columns:
        return fit_columns(width, self._widest_value, self._marker_width, self._figure_floor)

    def line(self, y: int) -> Strip:
        """Line ``y`` of the panel on screen: the header, then the rows from the scroll offset."""
        panel = self.panel
        width = panel.scrollable_content_region.width  # without the scroll bar
        columns = self.columns(width)
        if y == 0:
            return self._cached(("header", width, columns, self.style_generation), self.header_strip, width)
        row = panel.scroll_offset.y + y - 1
        if row >= len(panel.shown):
            return Strip.blank(width, panel.rich_style)
        k = panel.shown[row]
        mark = panel.marks.get(k)
        key = (
            row,
            k,
            width,
            columns,
            (mark.verdict, mark.note) if mark else None,
            row == panel.cursor_row,
            panel.has_focus,
            k in panel.in_view,
            self.figures_generation,
            self.style_generation,
        )
        return self._cached(key, self.row_strip, row, k, width)

    def _cached(self, key: tuple, draw: Callable[..., Strip], *args: int) -> Strip:
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = draw(*args)
        return strip

    def header_strip(self, width: int) -> Strip:
        style = self.panel.get_component_rich_style("figures-panel--header")
        text = assemble_row(
            self.columns(width), Text(""), Text("Figure"), Text("Value"), Text("Label"), Text("Kind"), style=style
        )
        return self._strip(text, width, style)

    def row_strip(self, row: int, k: int, width: int) -> Strip:
        panel = self.panel
        base = panel.rich_style
        if row == panel.cursor_row:
            style = base + panel.get_component_rich_style("figures-panel--cursor")
        elif row % 2 == 0:
            style = base + panel.get_component_rich_style("figures-panel--even-row")
        else:
            style = base
        marker = Text(figure_marker(panel.document.figures[k]), style="bold")
        columns = self.columns(width)
        mark, figure, value, label, kind = self.cells(k)
        figure = written_fitted(figure, columns.figure)  # a shorter form, never a cut number
        text = assemble_row(columns, mark, figure, value, label, kind, style=style, marker=marker)
        return self._strip(text, width, style)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        # Text.render leaves out the text's own style when it has no spans: the row's style goes under all
        return Strip(Segment.apply_style(text.render(self.panel.app.console), style)).crop_extend(0, width, style)

    def reads(self, k: int, script: str) -> tuple[str, str, str]:
        """Figure ``k``'s row's words in ``script``: the figure as written, its value, its label."""
        figure = self.panel.document.figures[k]
        simplified = shows_simplified(script, self.panel.document.script)
        return in_script(figure.text, script), figure_value(figure, simplified), in_script(figure.label, script)

    def cells(self, k: int) -> Cells:
        """The mark, the figure as written (bold and underlined while it is on screen in the
        article), its value, label and kind: plain text, never markup."""
        panel = self.panel
        script = panel.script
        figure = panel.document.figures[k]
        text = Text(terminal_safe(in_script(figure.text, script)))
        if k in panel.in_view:
            text.stylize("bold underline")
        return (
            self._mark_text(k),
            text,
            Text(figure_value(figure, shows_simplified(script, panel.document.script))),
            Text(terminal_safe(in_script(figure.label, script))),
            Text(kind_code(figure.kind), style="dim"),
        )

    def _mark_text(self, k: int) -> Text:
        panel = self.panel
        mark = panel.marks.get(k)
        if mark is None:
            return Text("   ")
        text = Text(verdict_mark(mark.verdict, mark.note, self.plain), no_wrap=True)
        if mark.verdict:
            text.stylize(panel.get_component_rich_style(f"figures-panel--{mark.verdict}", partial=True), 0, 1)
        if mark.note:
            text.stylize(panel.get_component_rich_style("figures-panel--note", partial=True), 1, 2)
        return text
