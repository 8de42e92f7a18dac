"""``:`` and one letter, as in less (``:n`` the next article, ``:p`` the previous one…): a
one-line prompt at the foot of the screen that takes the letter typed after the colon."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static


class ColonPrompt(ModalScreen[str]):
    """Shows ``:`` and what it can be followed by; dismisses with the next character typed
    ("" for Escape or a key that types nothing)."""

    def compose(self) -> ComposeResult:
        yield Static(":  n next article · p previous · x first · l the list · Esc cancels", id="colon-line")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss("" if event.key == "escape" else (event.character or "") if event.is_printable else "")
