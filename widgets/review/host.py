"""What the review needs of the app it serves, besides Textual's ``App``
(:class:`widgets.app.KreaderApp` is one; the review does not import it: the app holds the review)."""

from __future__ import annotations

from typing import Protocol

from reader.document import Document
from widgets.article.view import ArticleView
from widgets.figures.panel import FiguresPanel
from widgets.navigation import Places


class _Paths(Protocol):
    @property
    def paths(self) -> tuple[str, ...]: ...


class _Articles(Protocol):
    @property
    def list(self) -> _Paths: ...


class ReviewHost(Protocol):
    document: Document  # the version shown
    enrichment: str  # what enrichment is doing ("" when done)
    places: Places  # where a jump started
    articles: _Articles  # the articles of the session (an export is never written among them)
    persist_when_opened: bool  # the review is saved once the whole article (not its preview) is open

    @property
    def article(self) -> ArticleView: ...

    @property
    def figures(self) -> FiguresPanel: ...

    def action_focus_article(self) -> None: ...
