"""A one-line prompt for a highlight term (from the command palette)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input


class TermPrompt(ModalScreen[str]):
    """Ask for a word or phrase to highlight; dismisses with it ("" when cancelled)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="term.cancel")]

    def compose(self) -> ComposeResult:
        field = Input(placeholder="Term to highlight (either script), Enter adds it", id="term-input")
        field.border_title = "Add highlight term"
        yield field

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss("")
