"""The app's side of a document arriving: the whole article after its preview, then
its enrichment (figures, keywords, labels), each step computed in a thread worker
and handed to the app as a message (a mixin of :class:`widgets.app.KreaderApp`).

The workers are given descriptions: Textual would otherwise ``repr()`` their
arguments, a whole Document, on the UI thread.
"""

from __future__ import annotations

from dataclasses import replace

from textual import work
from textual.message import Message

from reader.document import Document
from reader.pipeline import Opening
from reader.runtime.heap import give_back
from reader.text.script import SCRIPTS


class Enriched(Message):
    """A worker finished one enrichment step (figures, keywords or labels)."""

    def __init__(self, *, figures=None, keywords=None, status: str = "", error: str = "") -> None:
        super().__init__()
        self.figures = figures
        self.keywords = keywords
        self.status = status
        self.error = error


class Opened(Message):
    """The whole article is ready: it replaces the preview shown while it was being cleaned."""

    def __init__(self, document: Document | None = None, error: str = "") -> None:
        super().__init__()
        self.document = document
        self.error = error


class DocumentLoading:
    """Mixed into the app, which holds ``document``, ``opening``, ``enrichment`` and
    ``set_document``."""

    @work(thread=True, exclusive=True, group="open", exit_on_error=False, description="open the whole article")
    def _await_opening(self, opening: Opening) -> None:
        """Wait for the whole article; say how it goes when that takes more than a moment."""
        import time

        shown, quiet_until = "", time.monotonic() + 0.3
        while not opening.wait(0.05):
            if time.monotonic() >= quiet_until and opening.stage != shown:
                shown = opening.stage
                self.post_message(Enriched(status=f"opening the whole article… ({shown})"))
        try:
            self.post_message(Opened(opening.result()))
        except Exception as error:  # noqa: BLE001 - the preview stays readable
            self.post_message(Opened(error=f"only the beginning could be opened ({type(error).__name__}: {error})"))

    def on_unmount(self) -> None:
        if self.opening is not None:
            self.opening.cancel()  # the reader quit before the article was cleaned

    def on_opened(self, message: Opened) -> None:
        self.enrichment = ""
        if message.document is None:
            self.notify(message.error, severity="error", timeout=15, markup=False)
            self._show_status()
            return
        self.persist_review = self.persist_review or self._persist_when_opened
        if message.document is not self.document:
            self.set_document(message.document)  # the article view keeps the reader's place
        self._show_header()
        self._show_status()
        if self._exit_after_open:
            self.call_after_refresh(self.exit, 0)
        elif self._enrich_on_mount and not self._exit_after_paint:
            self.call_after_refresh(self._enrich, self.document)

    # ---------------------------------------------------------- enrichment

    @work(thread=True, exclusive=True, group="enrich", exit_on_error=False, description="enrich the document")
    def _enrich(self, doc: Document) -> None:
        from reader import keywords as keywords_module
        from reader.figures import extract as figures_module
        from reader.text import script as script_module

        try:  # Simplified now (keywords need it anyway), so that the first `t` is instant
            script_module.load(SCRIPTS[1])
        except Exception:  # noqa: BLE001 - the view says so when it converts
            pass

        figures = doc.figures
        if not figures:
            self.post_message(Enriched(status="finding figures…"))
            try:
                figures = figures_module.extract_figures(doc)
                give_back()  # each step's transient lists and strings go back before the next one grows
                self.post_message(Enriched(figures=figures))
            except Exception as error:  # noqa: BLE001 - the reader works without figures
                self.post_message(Enriched(error=f"figures unavailable ({type(error).__name__})"))
                figures = ()
        self.post_message(Enriched(status="keywords…"))
        try:
            keywords = keywords_module.extract_keywords(doc)
            give_back()
            self.post_message(Enriched(keywords=keywords))
        except Exception as error:  # noqa: BLE001
            self.post_message(Enriched(error=f"keywords unavailable ({type(error).__name__})"))
        if figures:
            try:
                labelled = figures_module.label_figures(replace(doc, figures=figures), figures)
                give_back()
                self.post_message(Enriched(figures=labelled))
            except Exception as error:  # noqa: BLE001
                self.post_message(Enriched(error=f"figure labels unavailable ({type(error).__name__})"))
        self.post_message(Enriched(status=""))

    def on_enriched(self, message: Enriched) -> None:
        doc = self.document
        if message.figures is not None:
            doc = replace(doc, figures=tuple(message.figures))
        if message.keywords is not None:
            users = tuple(k for k in doc.keywords if k.user)
            doc = replace(doc, keywords=tuple(message.keywords) + users)
        if message.error:
            self.notify(message.error, severity="warning", markup=False)
        elif not (message.figures or message.keywords):
            self.enrichment = message.status
        self.set_document(doc)
