"""The incremental search line (`/`): every keystroke searches, in both scripts."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An Input that says when the search is kept (Enter) or dropped (Escape)."""

    BINDINGS = [
        Binding("escape", "cancel", "Clear search", show=False, id="search.cancel"),
    ]

    class Cancelled(Message):
        """The user dropped the search."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search (either script): Enter keeps it, n/N move, Esc clears", id=id)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
