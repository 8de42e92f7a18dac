"""The peer for first-paint timing: a bare Textual app showing one Static, then exiting.

It reads the same file and shows its first screenful as plain text, and
exits right after its first frame is written, like kreader with
KREADER_EXIT_AFTER_PAINT=1.
"""

from __future__ import annotations

import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(Text(self.text))

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        BareApp(f.read(4000)).run()
