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


class LogApp(App[None]):
    """The peer for paging: Textual's own Line-API ``Log`` widget over the same lines, full screen.

    It neither wraps nor styles (kreader does both), so it is the floor a Textual
    view repainting a screenful of text costs.
    """

    CSS = "Log { height: 1fr; }"

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        from textual.widgets import Log

        log = Log(auto_scroll=False)
        log.write_lines(self.lines)
        yield log
