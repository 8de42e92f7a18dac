"""A one-line prompt for a note on a figure (Chinese input works: Textual's Input
measures characters in cells, and the terminal's input method sends text)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input

NOTE_MAX = 2000  # characters: a note, not an essay (the report keeps it whole)


class NotePrompt(ModalScreen[str | None]):
    """Edit the note on one figure; dismisses with the new note ("" clears it) or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, figure_text: str, note: str = "") -> None:
        super().__init__()
        self._figure_text = figure_text
        self._note = note

    def compose(self) -> ComposeResult:
        field = Input(
            value=self._note,
            placeholder="Note (Enter keeps it, empty clears, Esc cancels)",
            max_length=NOTE_MAX,
            id="note-input",
        )
        # the figure's text comes from the article: plain Content, never markup
        field.border_title = Content.assemble("Note on ", (self._figure_text, "bold"))
        field.border_subtitle = "Enter keeps · Esc cancels"
        yield field

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
