"""The app's side of a document arriving (the app's ``loading``): a long article's head
cleaned whole after its early preview, the whole article after that, then its enrichment
(figures, keywords, labels), each step computed in a thread worker and handed to the app as
a message (:mod:`widgets.messages`).

The workers are given descriptions: Textual would otherwise ``repr()`` their
arguments, a whole Document, on the UI thread.
"""

from __future__ import annotations

import os
import time
from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.css.query import NoMatches

from reader.document import Document
from reader.pipeline import Opening
from reader.runtime.collector import resume_collections
from reader.runtime.heap import give_back
from reader.text.script import SCRIPTS
from reader.text.visible import shown_name
from widgets.messages import Enriched, Opened

if TYPE_CHECKING:
    from widgets.app import KreaderApp


# Shown while the first run builds the word list: the article on screen is not yet repaired.
EARLY_NOTICE = (
    "Building the word list the mojibake repairs need (once, a few seconds). "
    "Garbled passages are repaired when it is ready."
)


class DocumentLoading:
    """Opens the whole article behind its preview and enriches each version shown."""

    def __init__(self, app: KreaderApp, opening: Opening | None, *, enrich: bool) -> None:
        self.app = app
        self.opening = opening  # reader/pipeline.py: the article being cleaned behind its preview
        self.enrich_on_open = enrich
        self.exit_after_paint = os.environ.get("KREADER_EXIT_AFTER_PAINT") == "1"
        self.exit_after_open = os.environ.get("KREADER_EXIT_AFTER_OPEN") == "1"  # for `make bench`
        self.stopped = False  # the app quit or showed another article: the workers stop telling
        self.shown_preview: Document | None = None  # the opening's preview the app shows (start())

    @property
    def opened(self) -> bool:
        """Whether the article shown is the whole article (not a preview of it)."""
        return self.opening is None or self.opening.done()

    @property
    def closing(self) -> bool:
        """Whether the app quits (or has): a worker's last message then finds no widgets to show it."""
        return self.stopped or not self.app.is_running

    @property
    def exits_on_first_paint(self) -> bool:
        return self.exit_after_paint and not self.exit_after_open

    def start(self) -> None:
        """On mount: wait for the whole article, or enrich the one given after the first paint."""
        self.app.call_after_refresh(resume_collections)  # held by the start-up (reader/cli.py)
        if self.opening is not None and self.opening.building_word_list and not self.opened:
            self.app.call_after_refresh(self._say_early)
        if self.opening is not None:
            self.shown_preview = self.app.document
            self._show_preview(self.opening.latest_preview())  # one that came while Textual started
        if self.opening is not None and not self.exits_on_first_paint:
            opening = self.opening
            self.app.run_worker(
                lambda: self._await_opening(opening),
                thread=True,
                exclusive=True,
                group="open",
                exit_on_error=False,
                description="open the whole article",
            )
        elif self.enrich_on_open and not self.exit_after_paint:
            # after the first paint: the article shows before jieba loads
            self.app.call_after_refresh(self.enrich, self.app.document)

    def first_paint(self) -> None:
        """The article is on screen: the cleaning child may have the core (reader/pipeline.py)."""
        if self.opening is not None:
            self.opening.painted()
        if self.exits_on_first_paint:
            self.app.exit(0)

    def _say_early(self) -> None:
        self.app.notify(EARLY_NOTICE, title="First run", timeout=10, markup=False)

    def stop(self) -> None:
        self.stopped = True
        if self.opening is not None:
            self.opening.cancel()  # the reader quit (or switched article) before the article was cleaned

    def _await_opening(self, opening: Opening) -> None:
        """Wait for the whole article, passing on a newer preview meanwhile; say how it goes when
        that takes more than a moment."""
        shown, quiet_until = "", time.monotonic() + 0.3
        post, sent = self.app.post_message, self.shown_preview
        while not opening.wait(0.05):
            if self.stopped:
                return
            latest = opening.latest_preview()
            if latest is not None and latest is not sent:
                sent = latest
                post(Opened(latest, opening=opening, whole=False))
            if time.monotonic() >= quiet_until and opening.stage != shown:
                shown = opening.stage
                post(Enriched(status=f"opening the whole article… ({shown})"))
        try:
            post(Opened(opening.result(), opening=opening))
        except Exception as error:  # noqa: BLE001 - the preview stays readable
            why = f"{type(error).__name__}: {shown_name(str(error))}"
            post(Opened(error=f"only the beginning could be opened ({why})", opening=opening))

    def on_opened(self, message: Opened) -> None:
        if not self.closing:  # Textual closes the screens first: a last message finds no widgets
            with suppress(NoMatches):
                self._opened(message)

    def _opened(self, message: Opened) -> None:
        app = self.app
        if message.opening is not None and message.opening is not self.opening:
            return  # an article switched away from before it was whole
        if not message.whole:
            self._show_preview(message.document)
            return
        app.enrichment = ""
        if message.document is None:
            app.notify(message.error, severity="error", timeout=15, markup=False)
            app._show_status()
            return
        app.persist_review = app.persist_review or app.persist_when_opened
        if message.document is not app.document:
            app.review.saving.carry_to(message.document.text)  # not another article: the same review
            app.set_document(message.document)  # the article view keeps the reader's place
        app._show_header()
        app._show_status()
        if self.exit_after_open:
            app.call_after_refresh(app.exit, 0)
        elif self.enrich_on_open and not self.exit_after_paint:
            app.call_after_refresh(self.enrich, app.document)

    def _show_preview(self, doc: Document | None) -> None:
        """A newer preview (a long article's head cleaned whole: its mojibake repaired) replaces the
        one shown, in place; what the reader did on that one is carried over, as to the whole article."""
        app = self.app
        if self.opened or doc is None or doc is self.shown_preview:
            return  # the whole article is here, or on its way after this
        self.shown_preview = doc
        app.review.saving.carry_to(doc.text)
        app.set_document(doc)
        app._show_header()

    # ---------------------------------------------------------- enrichment

    def enrich(self, doc: Document) -> None:
        """Find the figures, keywords and labels of ``doc`` in a worker, each sent when found."""
        self.app.run_worker(
            lambda: self._enrich(doc),
            thread=True,
            exclusive=True,
            group="enrich",
            exit_on_error=False,
            description="enrich the document",
        )

    def _enrich(self, doc: Document) -> None:
        from reader import keywords as keywords_module
        from reader.figures import extract as figures_module
        from reader.text import script as script_module

        def post(message: Enriched) -> None:
            message.text = doc.text
            self.app.post_message(message)

        try:  # Simplified now (keywords need it anyway), so that the first `t` is instant
            script_module.load(SCRIPTS[1])
        except Exception:  # noqa: BLE001 - the view says so when it converts
            pass

        figures = doc.figures
        if not figures:
            post(Enriched(status="finding figures…"))
            try:
                figures = figures_module.extract_figures(doc)
                give_back()  # each step's transient lists and strings go back before the next one grows
                post(Enriched(figures=figures))
            except Exception as error:  # noqa: BLE001 - the reader works without figures
                post(Enriched(error=f"figures unavailable ({type(error).__name__})"))
                figures = ()
        post(Enriched(status="keywords…"))
        try:
            keywords = keywords_module.extract_keywords(doc)
            give_back()
            post(Enriched(keywords=keywords))
        except Exception as error:  # noqa: BLE001
            post(Enriched(error=f"keywords unavailable ({type(error).__name__})"))
        if figures:
            try:
                labelled = figures_module.label_figures(replace(doc, figures=tuple(figures)), figures)
                give_back()
                post(Enriched(figures=labelled))
            except Exception as error:  # noqa: BLE001
                post(Enriched(error=f"figure labels unavailable ({type(error).__name__})"))
        post(Enriched(status="", done=True))

    def on_enriched(self, message: Enriched) -> None:
        if not self.closing:
            with suppress(NoMatches):
                self._enriched(message)

    def _enriched(self, message: Enriched) -> None:
        app = self.app
        doc = app.document
        if message.text is not None and message.text is not doc.text and message.text != doc.text:
            return  # a step for an article switched away from (or reloaded since)
        if message.figures is not None:
            doc = replace(doc, figures=tuple(message.figures))
        if message.keywords is not None:
            users = tuple(k for k in doc.keywords if k.user)
            doc = replace(doc, keywords=tuple(message.keywords) + users)
        if message.error:
            app.notify(message.error, severity="warning", markup=False)
        elif not (message.figures or message.keywords):
            app.enrichment = message.status
        app.set_document(doc)
        if message.done:  # the reading aids' turn: their first use is then instant
            app.article.warmup.warm()

    def warm_scripts(self) -> None:
        """Load the other scripts' converters once the reader starts switching: the
        Traditional ones share 28 MB of OpenCC dictionaries that a reader who never
        switches does not pay for, and the next `t` finds them loaded."""
        self.app.run_worker(
            self._warm_scripts,
            thread=True,
            exclusive=True,
            group="scripts",
            exit_on_error=False,
            description="load the script converters",
        )

    @staticmethod
    def _warm_scripts() -> None:
        from reader.text import script as script_module

        for script in SCRIPTS[1:]:
            try:
                script_module.load(script)
            except Exception:  # noqa: BLE001 - the view says so when it converts
                pass
