"""The messages the reader's widgets and workers send, as typed dataclasses (as toolong's).

The article view's messages keep the ``article_view`` namespace, so the app's
handlers are ``on_article_view_moved`` and so on, as when they were nested in
the view.  ``Moved`` and ``Searched`` say where things are now: a newer one
replaces an older one still in the queue (``can_replace``), so a burst of
scrolling or of search hits is handled once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from textual.message import Message

from reader.document import Document
from reader.runtime.watch import FileStamp

if TYPE_CHECKING:  # imported when enrichment runs, not at start-up
    from reader.figures.extract import Figure
    from reader.keywords import Keyword

Severity = Literal["information", "warning", "error"]


@dataclass
class Moved(Message, namespace="article_view"):
    """The paragraph at the top of the view or the visible range changed."""

    block: int  # index of the current block
    section: int
    start: int  # document offsets of the visible text
    end: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Moved)


@dataclass
class Searched(Message, namespace="article_view"):
    """Search hits were found (``done``: the whole article has been searched)."""

    query: str
    done: bool

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Searched)


@dataclass
class FirstPaint(Message, namespace="article_view"):
    """The article has been painted once."""


@dataclass
class Notice(Message, namespace="article_view"):
    """Something the user should be told (plain text, never markup)."""

    text: str
    severity: Severity = "information"


@dataclass
class Preparing(Message, namespace="article_view"):
    """Something the reader asked for is being prepared (``text``, "" once it is ready):
    the status line says so meanwhile."""

    what: str
    text: str


@dataclass
class Enriched(Message):
    """A worker finished one enrichment step (figures, keywords or labels), or says how it goes."""

    figures: Sequence[Figure] | None = None
    keywords: Sequence[Keyword] | None = None
    status: str = ""
    error: str = ""
    text: str | None = None  # the text enriched: a step for another article (switched away from) is dropped
    done: bool = False  # the last step: enrichment is over


@dataclass
class Opened(Message):
    """The whole article is ready: it replaces the preview shown while it was being cleaned
    (``whole`` False: a better preview, a long article's head cleaned whole, is)."""

    document: Document | None = None
    error: str = ""
    opening: object = None  # the Opening it comes from: one for an article switched away from is dropped
    whole: bool = True


@dataclass
class Reloaded(Message):
    """The article file was read again (or could not be)."""

    document: Document | None = None
    stamp: FileStamp | None = None
    error: str = ""
    source: str = ""  # the file read: a reload of an article switched away from is dropped


@dataclass
class Switched(Message):
    """Another article of the list is ready to be shown (its preview, or all of it), or could
    not be opened (``error``)."""

    index: int
    document: Document | None = None
    opening: object = None  # reader.pipeline.Opening, still cleaning the whole text when the preview came
    error: str = ""
    refused: bool = False  # the error is kreader's refusal (binary, missing, too large…)
    stamp: FileStamp | None = None  # the version of the file read
