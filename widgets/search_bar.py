"""The incremental search line (`/`): every keystroke searches, in both scripts."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An Input that says when the search is kept (Enter) or dropped (Escape)."""

    BINDINGS = [
        Binding("escape", "cancel", "Clear search", show=False, id="search.cancel"),
        Binding(
            "ctrl+r",
            "toggle_regex",
            "Regular expression",
            show=False,
            id="search.regex",
            tooltip="the query is a regular expression (again: plain text, the default)",
        ),
    ]

    PLAIN = "Search (either script): Enter keeps it, n/N move, Esc clears, ctrl+r regex"
    REGEX = "Regular expression (either script, within a line): Enter keeps it, ctrl+r plain text"

    class RegexToggled(Message):
        """The user switched between plain text and regular expressions."""

        def __init__(self, regex: bool) -> None:
            super().__init__()
            self.regex = regex

    class Cancelled(Message):
        """The user dropped the search."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=self.PLAIN, id=id)
        self.regex = False

    def action_toggle_regex(self) -> None:
        self.regex = not self.regex
        self.placeholder = self.REGEX if self.regex else self.PLAIN
        self.border_title = "regex" if self.regex else ""
        self.post_message(self.RegexToggled(self.regex))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
