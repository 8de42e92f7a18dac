"""The reading aids' slow first loads, done once and off the UI thread (the view's ``warmup``).

The first ``p`` and the first word lookup load pypinyin and read the paragraphs with
jieba (seconds on a busy machine, more with an empty cache), and the first lookup opens
CC-CEDICT's index. The app warms both once enrichment is done, in a thread of low
priority; a ``p`` pressed before that starts the same build (never a second one) and the
status line says "preparing pinyin…" until the readings arrive.

The thread is a daemon: quitting while it builds a cache never waits for it (the caches
are written whole or not at all).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from widgets.article.lines import EAGER_BLOCKS
from widgets.messages import Notice, Preparing

if TYPE_CHECKING:
    from textual.app import App

    from widgets.article.view import ArticleView

WARM_BLOCKS = 60  # paragraphs read on each side of the view of a long article
PREPARING = "preparing pinyin…"
NICENESS = 10  # the warm-up yields the cores to the reader and to enrichment

_warmed: set[int] = set()  # ids of document texts whose readings were computed
_lock = threading.Lock()


def lower_priority() -> None:
    """Lower the calling thread's CPU priority where the system allows it (Linux: per thread)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)
    except (AttributeError, OSError):  # not Linux, or not allowed: the warm-up still runs
        pass


def read_ahead(texts: list[str], doc_text: str) -> None:
    """Load pypinyin and jieba, and read ``texts`` (cached per text: the view's own calls are then quick)."""
    from reader.text.readings import paragraph_readings

    with _lock:
        paragraph_readings("預熱")
        for paragraph in texts:
            paragraph_readings(paragraph)
        _warmed.add(id(doc_text))


def open_dictionary() -> None:
    """Open CC-CEDICT's index (built into the cache the first time)."""
    from reader.text import dictionary

    try:
        dictionary.dictionary()
    except Exception:  # noqa: BLE001 - a lookup says why the dictionary is missing
        pass


class ReadingsWarmup:
    """Builds the readings of the article shown once; ``turn_on`` shows pinyin when they are ready."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.building = False  # a build is running
        self.wanted = False  # pinyin was asked for: it comes on when the build is done
        self.builds = 0  # builds started (a test counts them)

    def ready(self) -> bool:
        return id(self.view.document.text) in _warmed

    def turn_on(self) -> None:
        """Pinyin on now if the readings are ready, else once they are (saying so meanwhile)."""
        if self.ready():
            self.view.pinyin = True
            return
        self.wanted = True
        self.view.post_message(Preparing("pinyin", PREPARING))
        if not self.building:  # a second press while it builds waits for the same build
            self._start(dictionary=False)

    def warm(self) -> None:
        """Prepare pinyin and the dictionary before they are asked for (after enrichment)."""
        if not self.building and not self.ready():
            self._start(dictionary=True)

    def _start(self, dictionary: bool) -> None:
        view = self.view
        # a short article is laid out whole when pinyin comes on; a long one around the view
        if len(view.blocks) > EAGER_BLOCKS:
            first = view.rows.current()
            shown = view.blocks[max(0, first - WARM_BLOCKS) : first + WARM_BLOCKS]
        else:
            shown = view.blocks
        texts, doc_text = [b.paragraph.text for b in shown], view.document.text
        self.building = True
        self.builds += 1
        steps: list[Callable[[], None]] = [lambda: read_ahead(texts, doc_text)]
        if dictionary:
            steps.append(open_dictionary)
        app = view.app  # looked up here: a thread has no active app
        threading.Thread(target=self._build, args=(app, steps), name="kreader warm-up", daemon=True).start()

    def _build(self, app: App, steps: list[Callable[[], None]]) -> None:
        lower_priority()
        error = ""
        try:
            steps[0]()
        except Exception as err:  # noqa: BLE001 - said when pinyin was asked for
            error = type(err).__name__
        try:
            app.call_from_thread(self._done, error)
        except RuntimeError:  # the reader quit meanwhile
            return
        for step in steps[1:]:
            step()

    def _done(self, error: str) -> None:
        self.building = False
        if not self.wanted:
            return
        self.wanted = False
        view = self.view
        view.post_message(Preparing("pinyin", ""))
        if error:
            view.post_message(Notice(f"Pinyin is not available ({error}).", "warning"))
        elif self.ready():
            view.pinyin = True
        else:  # another article came meanwhile (a reload): read it too
            self.turn_on()
