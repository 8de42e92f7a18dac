"""The legend: every mark the reader draws, shown as it renders on this terminal (``L``, and in help).

The samples are styled with the live widgets' styles, so the legend shows what the article and the
figures panel show in the current mode (colour, 16 colours, NO_COLOR) and theme.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style as RichStyle
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Static

from widgets.styles import ASCII_SAMPLES, MARKS, Mark, plain_terminal

SAMPLE_CELLS = 14  # the samples' column


def legend_lines(style_of: Callable[[Mark], RichStyle], ascii_signs: bool = False) -> list[Content]:
    """A line per mark: its sample in its style, then what it means (plus the navigator's column).

    >>> lines = legend_lines(lambda mark: RichStyle(bold=True))
    >>> lines[0].plain.split()
    ['快手', 'keyword', '(h', 'hides', 'them)']
    >>> [line.plain.split()[0] for line in legend_lines(lambda m: RichStyle(), ascii_signs=True)][-5:-1]
    ['+', '?', 'x', '*']
    """
    lines = []
    for mark in MARKS:
        sample = ASCII_SAMPLES.get(mark.name, mark.sample) if ascii_signs else mark.sample
        shown = Content.styled(sample, Style.from_rich_style(style_of(mark)))
        pad = " " * max(1, SAMPLE_CELLS - shown.cell_length)
        lines.append(Content.assemble("  ", shown, pad, mark.meaning))
    lines.append(Content.assemble("  ", ("01", "bold"), " " * 3, ("27", "$text-muted"), " " * 7, NAVIGATOR))
    return lines


NAVIGATOR = 'sections panel: a section and its number of figures (the column named "figures")'


def live_style(article: Widget, figures: Widget) -> Callable[[Mark], RichStyle]:
    """A mark's style as its widget draws it (on the widget's own style)."""

    def style_of(mark: Mark) -> RichStyle:
        widget = article if mark.widget == "ArticleView" else figures
        return widget.rich_style + widget.get_component_rich_style(mark.component, partial=mark.widget != "ArticleView")

    return style_of


def marks_legend(app: App) -> Content:
    """The legend of ``app``'s article and figures panel, titled."""
    style_of = live_style(app.query_one("#article"), app.query_one("#figures"))
    title = Content.styled("Colours and marks", "bold $accent")
    return Content("\n").join([title, *legend_lines(style_of, ascii_signs=plain_terminal())])


class LegendScreen(ModalScreen[None]):
    """What each colour and mark means, drawn as the reader draws it."""

    BINDINGS = [Binding("escape,q,L", "close", "Close the legend", id="legend.close")]

    def __init__(self, content: Content) -> None:
        super().__init__()
        self._content = content

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="legend-body") as body:
            body.border_title = "Legend"
            body.border_subtitle = "Esc closes"
            yield Static(self._content, id="legend-text")

    def action_close(self) -> None:
        self.dismiss(None)
