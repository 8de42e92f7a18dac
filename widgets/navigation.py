"""Where the reader has been, and what it copies: held by the app as ``app.places``.

* ``ctrl+o`` goes back to where the last jump started (a section, a figure chosen in
  the panel, a bookmark, a search hit), as ``''`` does in ``less``: going back is itself
  a jump, so the key again returns.
* ``R`` lists the cleaner's repairs by kind; Enter jumps to one.
* ``y`` copies the current paragraph, or in the figures panel the figure under the
  cursor with its sentence, to the clipboard (Textual's OSC 52 ``copy_to_clipboard``).
"""

from __future__ import annotations

from typing import Any, Protocol, cast

from textual.app import App
from textual.binding import Binding

from reader.document import Document
from reader.text.script import in_script
from widgets.article.view import ArticleView
from widgets.figures.panel import FiguresPanel

PLACES_BINDINGS = [
    Binding(
        "ctrl+o", "jump_back", "Back", show=False, id="app.jump-back", tooltip="back to where the last jump started"
    ),
    Binding(
        "y",
        "copy",
        "Copy",
        show=False,
        id="app.copy",
        tooltip="copy the current paragraph (in the figures panel: the figure and its sentence)",
    ),
]
PLACES_BINDINGS.append(
    Binding(
        "R", "repairs", "Repairs", show=False, id="app.repairs", tooltip="the cleaner's repairs by kind: Enter jumps"
    )
)
EXCERPT = 16  # characters of the copied text shown in the notice


class PlacesHost(Protocol):
    document: Document

    @property
    def article(self) -> ArticleView: ...

    @property
    def figures(self) -> FiguresPanel: ...

    def action_focus_article(self) -> None: ...


def figure_copy(doc: Document, k: int) -> str:
    """What ``y`` copies for figure ``k``: the figure, its value and its sentence.

    >>> from reader.document import parse
    >>> from reader.figures.extract import extract_figures
    >>> from dataclasses import replace
    >>> doc = parse("營收223萬元，增長60%。"); doc = replace(doc, figures=extract_figures(doc))
    >>> figure_copy(doc, 0)
    '223萬元 (2230000 元): 營收223萬元，增長60%。'
    """
    f = doc.figures[k]
    value = f"{f.value:g}" if isinstance(f.value, float) else str(f.value)
    if isinstance(f.value, float) and f.value.is_integer():
        value = str(int(f.value))
    unit = f" {f.unit}" if f.unit else ""
    return f"{f.text} ({value}{unit}): {f.sentence}"


class Places:
    """The jump to go back to, and the clipboard keys."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.host = cast(PlacesHost, app)
        self._back: int | None = None  # offset where the last jump started

    def jumping(self) -> None:
        """Call before a jump: where the reader is now is where ``back`` returns."""
        try:
            self._back = self.host.article.top_offset
        except Exception:  # noqa: BLE001 - no layout yet: nothing to come back to
            self._back = None

    def forget(self) -> None:
        """Another article is shown: the place a jump started from was in the one left."""
        self._back = None

    def back(self) -> None:
        if self._back is None:
            self.app.notify("No jump to go back from yet.", timeout=2)
            return
        target = self._back
        self.jumping()
        self.host.article.scroll_to_offset(target)

    def repairs(self) -> None:
        """List the cleaner's repairs; Enter jumps to the one chosen."""
        from widgets.screens.repairs import RepairsScreen

        def jump(offset: int | None) -> None:
            if offset is not None:
                self.jumping()
                self.host.action_focus_article()
                self.host.article.scroll_to_offset(offset, third=True)

        self.app.push_screen(RepairsScreen(self.host.document.repairs), jump)

    def copy(self) -> None:
        panel, view = self.host.figures, self.host.article
        if panel.has_focus and panel.figure_at_cursor() is not None:
            text = figure_copy(self.host.document, panel.figure_at_cursor() or 0)
        elif view.blocks:
            text = view.blocks[min(view.current_block, len(view.blocks) - 1)].paragraph.text
        else:
            return
        text = in_script(text, view.script)  # what the reader sees is what is copied
        self.app.copy_to_clipboard(text)
        shown = " ".join(text.split())
        shown = shown if len(shown) <= EXCERPT else shown[:EXCERPT] + "…"
        self.app.notify(f"Copied “{shown}” ({len(text)} characters).", timeout=2, markup=False)
