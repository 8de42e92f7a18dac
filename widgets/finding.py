"""The search line, held by the app as ``app.finding``: ``/`` opens it, each key
searches the article as typed, Enter or Esc closes it, ``n``/``N`` go from hit to hit.

The article view's ``search`` collaborator finds the hits; this one wires the
search bar to it and keeps the status line told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from widgets.app import KreaderApp

FINDING_BINDINGS = [
    Binding("slash", "search", "Search", priority=True, id="app.search"),  # see TYPED_AHEAD
    Binding("n", "next_match(1)", "Next match", show=False, id="app.next-match"),
    Binding("N", "next_match(-1)", "Previous match", show=False, id="app.previous-match"),
    Binding("escape", "clear_search", "Clear the search", show=False, id="app.clear-search"),
]


class Finding:
    """The search bar and the article's search, together: the app's ``finding``."""

    def __init__(self, app: KreaderApp) -> None:
        self.app = app

    def changed(self, value: str) -> None:
        """The query as typed so far: the article searches it."""
        self.app.article.search_query = value
        self.app._show_status()

    def regex_toggled(self, regex: bool) -> None:
        search = self.app.article.search
        search.regex = regex
        search.restart()
        self.app._show_status()

    def clear(self) -> None:
        """Esc: the search is over; its highlights and its status go."""
        self.app.article.search_query = ""
        self.app._show_status()

    def close(self) -> None:
        """The search line goes, the article has the focus again."""
        app = self.app
        app.query_one(SearchBar).remove_class("-active")
        app.action_focus_article()
        app._show_status()

    def next_match(self, direction: int) -> None:
        app = self.app
        if not app.article.search_query:
            app.notify("No search yet: / starts one.", timeout=3)
            return
        app.places.jumping()
        if not app.article.next_hit(direction):
            app.bell()
        app._show_status()

    def open(self) -> None:
        """``/``: the search line opens with the focus."""
        app = self.app
        bar = app.query_one(SearchBar)
        app.article.begin_search()
        bar.add_class("-active")
        app.screen.set_focus(bar)  # now, not after the keys already typed (focus() waits its turn)

    def start(self, query: str) -> None:
        """Search ``query`` without the search line (the command palette, the tests)."""
        self.app.article.begin_search()
        self.app.query_one(SearchBar).value = query  # Changed runs the search
