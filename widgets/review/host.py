"""What the review needs of the app it serves, besides Textual's ``App``
(:class:`widgets.app.KreaderApp` is one; the review does not import it: the app holds the review)."""

from __future__ import annotations

from typing import Protocol

from reader.document import Document
from widgets.article.view import ArticleView
from widgets.figures.panel import FiguresPanel
from widgets.navigation import Places


class ReviewHost(Protocol):
    document: Document  # the version shown
    enrichment: str  # what enrichment is doing ("" when done)
    places: Places  # where a jump started

    @property
    def article(self) -> ArticleView: ...

    @property
    def figures(self) -> FiguresPanel: ...

    def action_focus_article(self) -> None: ...
