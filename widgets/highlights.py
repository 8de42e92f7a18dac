"""Keyword highlighting, held by the app as ``app.highlights``: ``h`` turns it on and
off, ``+`` highlights a term of the reader's own (with the keywords found)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from widgets.article.layout import find_all
from widgets.screens.term import TermPrompt

if TYPE_CHECKING:
    from widgets.app import KreaderApp


class Highlights:
    """The article's keyword highlights: the app's ``highlights``."""

    def __init__(self, app: KreaderApp) -> None:
        self.app = app

    def toggle(self) -> None:
        app = self.app
        view = app.article
        view.highlight = not view.highlight
        if view.highlight and not app.document.keywords:
            app.notify("No keywords yet." if app.enrichment else "No keywords for this article.")

    def prompt(self) -> None:
        """Ask for a term, then highlight it."""

        def added(term: str | None) -> None:
            if term:
                self.add(term)

        self.app.push_screen(TermPrompt(), added)

    def add(self, term: str) -> None:
        """Highlight ``term`` (in both scripts) as a keyword of the reader's own."""
        from reader import keywords as keywords_module

        app = self.app
        doc = app.document
        try:
            keyword = keywords_module.user_keyword(doc, term)
        except Exception:  # noqa: BLE001 - fall back to a plain two-script search
            keyword = keywords_module.Keyword(term, 1.0, tuple(find_all(doc.text, term)), True)
        others = tuple(k for k in doc.keywords if not (k.user and k.word == keyword.word))
        app.set_document(replace(doc, keywords=others + (keyword,)))
        app.article.highlight = True
        n = len(keyword.spans)
        app.notify(f"Highlighting “{term}”: {n} occurrence{'s' if n != 1 else ''}.", markup=False)
