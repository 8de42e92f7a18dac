"""The saved side of the review: loading the review of the article (a thread worker,
at start), saving every change (serialised, coalesced thread workers through
:class:`~reader.review.store.ReviewStore`, which merges with what another kreader
saved), and the reading position (saved once the reader has stopped moving for a
moment, and when the app exits).

:class:`ReviewSaving` is held by :class:`~widgets.review.reviewing.Reviewing`
(``app.review.saving``); the app calls it from its own ``on_mount``,
``on_unmount`` and ``on_article_view_moved``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, cast

from textual.app import App
from textual.css.query import NoMatches
from textual.timer import Timer

from reader.document import Document
from reader.review.model import Position, Review, merge, relocate
from reader.review.store import ReviewStore
from reader.text.visible import shown_name
from widgets.article.view import ArticleView
from widgets.review.host import ReviewHost

POSITION_SAVE_DELAY = 1.5  # seconds without movement before the reading position is saved


@dataclass(frozen=True)
class Parked:
    """The review of an article the reader switched away from, as it was left: taken up again
    as it is when they come back (a save still on its way to the disk is not waited for)."""

    text: str
    store: ReviewStore | None
    review: Review
    saved_position: Position | None
    dirty: bool
    undo: tuple[Any, ...] = ()  # the verdicts ``u`` undoes, last last (widgets/review/reviewing.py)


class ReviewSaving:
    """Holds the :class:`~reader.review.model.Review` of the article and keeps it on disk."""

    def __init__(self, app: App[Any], persist: bool, changed: Callable[[], None]) -> None:
        self.app = app
        self.host = cast(ReviewHost, app)  # the app holds this review: it cannot be imported here
        self.persist = persist  # load and save (tests and embedders opt in)
        self.review = Review()
        self.error = ""  # a save that failed as the app exited (run_app prints it)
        self._changed = changed  # the review shown must follow
        self._store: ReviewStore | None = None
        self._lock = threading.Lock()  # guards the pending job
        self._save_lock = threading.Lock()  # one save at a time
        self._pending: dict[Path, tuple[ReviewStore, Review]] = {}  # by file: several articles' at once
        self._expected: Parked | None = None  # the review of the article about to be shown again
        self._text = self.host.document.text
        self._loading = False
        self._mounted = False
        self._range = (0, 0)
        self._timer: Timer | None = None
        self._saved_position: Position | None = None
        self._dirty = False
        self._anchor: tuple[int, Position] | None = None
        self._view: ArticleView | None = None

    @property
    def store(self) -> ReviewStore | None:
        return self._store

    @property
    def review_text(self) -> str:
        """The text the review belongs to."""
        return self._text

    # ---------------------------------------------------------- life cycle

    def mount(self) -> None:
        self._mounted = True
        self._view = self.host.article
        if self.persist:
            self._start_loading(self.host.document)

    def unmount(self) -> None:
        """Save what is not saved yet, synchronously: nothing the user did is lost."""
        try:
            # Moved comes once per paragraph: take the exact line now.  The view has left
            # the DOM by now, but still holds its layout.
            self._track_position(self._view)
        except Exception:  # noqa: BLE001 - exiting must never fail; the last tracked position stands
            pass
        store = self._store
        with self._lock:
            jobs = dict(self._pending)  # other articles' reviews not written yet
            self._pending.clear()
        if store is not None and (self._dirty or self._position_unsaved()):
            jobs[store.path] = (store, self.review)
        elif store is None and self._dirty and (preview := self._preview_store()) is not None:
            jobs[preview.path] = (preview, self.review)  # the whole article never came
        if not jobs:
            return
        if not self._save_lock.acquire(timeout=10):  # a save stuck on a dead disk
            path = next(iter(jobs.values()))[0].path
            self.error = f"the review could not be saved to {shown_name(path)}: the disk did not answer"
            return
        try:
            for job_store, review in jobs.values():
                try:
                    job_store.save(review)
                except OSError as err:
                    self.error = f"the review could not be saved to {shown_name(job_store.path)}: {err.strerror or err}"
        finally:
            self._save_lock.release()

    def carry_to(self, text: str) -> None:
        """The whole article replaces its preview: what the reader did on the preview (a verdict, a
        bookmark, a note) belongs to it too, re-keyed to its text (an early preview's mojibake is
        repaired in it: offsets move), and is merged with the review saved for it once that is read."""
        if text != self._text:
            self.review = relocate(self.review, text)
        self._text = text

    def follow(self, doc: Document) -> None:
        """The app shows a new version of the document (more figures, or another text)."""
        if not self._mounted:
            return
        if doc.text != self._text:
            # another text (reloaded, or another article): its own review
            self._flush_position()
            self._text = doc.text
            expected, self._expected = self._expected, None
            if expected is not None and expected.text == doc.text:
                self._take_up(expected, doc)
                return
            self._store = None
            self.review = Review()
            self._saved_position = None
            if self.persist:
                self._start_loading(doc)
        elif self.persist and self._store is None and not self._loading:
            self._start_loading(doc)  # persistence was turned on after the mount

    def park(self) -> Parked:
        """The review as the reader leaves the article for another; its place is saved."""
        try:
            self._track_position()
        except Exception:  # noqa: BLE001 - no layout: the last tracked position stands
            pass
        self._flush_position()
        return Parked(self._text, self._store, self.review, self._saved_position, self._dirty)

    def expect(self, parked: Parked | None) -> None:
        """The next text shown is ``parked``'s article again: take its review up as it was left."""
        self._expected = parked

    def _take_up(self, parked: Parked, doc: Document) -> None:
        self._store, self.review = parked.store, parked.review
        self._saved_position, self._dirty = parked.saved_position, parked.dirty
        self._loading = False
        if self.persist and self._store is None:
            self._start_loading(doc)  # left before its saved review was read: read it now
        else:
            self.app.call_after_refresh(self._restore, self.review.position)

    # --------------------------------------------------------------- load

    def _start_loading(self, doc: Document) -> None:
        self._loading = True
        self.app.run_worker(
            partial(self._load, doc),
            thread=True,
            group="review-load",
            exclusive=True,
            exit_on_error=False,
            description="load the saved review",
        )

    def _load(self, doc: Document) -> None:
        try:
            store = ReviewStore(doc.source, doc.text, [(f.start, f.end) for f in doc.figures])
            if not doc.figures and not store.has_saved() and store.previous_version() is not None:
                # the article changed: re-attaching verdicts needs this text's figures now
                from reader.figures.extract import extract_figures

                store.figure_spans = [(f.start, f.end) for f in extract_figures(doc)]
            result = store.load()
        except OSError as err:
            self.call(self._unavailable, err)
            return
        self.call(self._loaded, doc.text, store, result)

    def _unavailable(self, err: OSError) -> None:
        self._loading = False
        self.persist = False
        self.app.notify(
            f"Reviews cannot be saved ({err.strerror or err}); this session's review stays in memory.",
            severity="error",
            timeout=10,
            markup=False,
        )

    def _loaded(self, text: str, store: ReviewStore, result: Any) -> None:
        if text != self.host.document.text:
            return  # the article was reloaded meanwhile
        self._loading = False
        self._store = store
        saved = result.review
        moved = self._has_moved()
        review = merge(self.review, saved) if self.review != Review() else saved
        if not moved:
            review = review.with_position(saved.position)
        self.review = review
        self._saved_position = saved.position
        for notice in result.notices:
            self.app.notify(notice, severity="warning", timeout=12, markup=False)
        self._changed()
        if not moved:
            self.app.call_after_refresh(self._restore, saved.position)
        if self._dirty or store.absorbed:  # what was given on a preview is now in the article's review
            self.save()

    def _has_moved(self) -> bool:
        """Has the reader scrolled before the review was read? Then their place wins."""
        try:
            return self.host.article.scroll_y > 0
        except Exception:  # noqa: BLE001 - no layout yet
            return False

    def _restore(self, position: Position) -> None:
        offset = min(position.offset, max(0, len(self.host.document.text) - 1))
        article = self.host.article
        if offset > 0:
            article.scroll_to_offset(offset)
        # the top row now starts at or before the saved offset: until the reader moves,
        # the saved position stands (re-saving the row start would creep back a row per width)
        self._anchor = (article.top_offset, position)

    # --------------------------------------------------------------- save

    def change(self, review: Review) -> None:
        """Adopt a changed review and save it."""
        self.review = review
        self._changed()
        self.save()

    def save(self) -> None:
        if self._store is None:
            self._dirty = True  # saved as soon as the review is loaded
            preview = self._preview_store()
            if preview is not None:  # and meanwhile where the next session finds it if this one ends first
                with self._lock:
                    self._pending[preview.path] = (preview, self.review)
                self._start_save()
            return
        with self._lock:
            self._pending[self._store.path] = (self._store, self.review)
        self._dirty = True
        self._start_save()

    def _start_save(self) -> None:
        self.app.run_worker(
            self._save_worker, thread=True, group="review-save", exit_on_error=False, description="save the review"
        )

    def _preview_store(self) -> ReviewStore | None:
        """Where the review given on a preview is kept (None: no persistence, or no path to
        find it by), until the whole article is open and its own review read."""
        source = self.host.document.source
        if self.persist or not self.host.persist_when_opened or source.startswith("<"):
            return None
        return ReviewStore.for_preview(source, self._text)

    def _save_worker(self) -> None:
        done: list[tuple[ReviewStore, Review, Review | None, OSError | None, list[str]]] = []
        with self._save_lock:
            with self._lock:
                jobs = list(self._pending.values())  # empty when a worker before this one saved them
                self._pending.clear()
            for store, review in jobs:
                try:
                    done.append((store, review, store.save(review), None, list(store.save_notices)))
                except OSError as err:
                    done.append((store, review, None, err, []))
        # Only now call the app (and wait for it): unmount, on the app's thread, may be
        # waiting for the lock to save the last changes.
        for store, review, merged, error, notices in done:
            if error is not None or merged is None:
                self.call(self._save_failed, store, error)
            else:
                self.call(self._saved, store, review, merged, notices)

    def call(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Call ``callback`` on the app's thread from a worker's (nothing once the app has exited)."""
        try:
            self.app.call_from_thread(callback, *args, **kwargs)
        except RuntimeError:  # the app has exited: unmount saved or reported
            pass

    def _saved(self, store: ReviewStore, sent: Review, merged: Review, notices: list[str]) -> None:
        for notice in notices:
            self.app.notify(notice, severity="warning", timeout=12, markup=False)
        if store is not self._store:
            return
        if self.review is sent:
            self._dirty = False
        self._saved_position = sent.position
        combined = merge(self.review, merged)  # another kreader's verdicts come in; ours stay
        if combined.verdicts != self.review.verdicts or combined.bookmarks != self.review.bookmarks:
            self.review = combined
            self._changed()

    def _save_failed(self, store: ReviewStore, err: OSError) -> None:
        self.app.notify(
            f"The review could not be saved to {shown_name(store.path)}: {err.strerror or err}. "
            "It is kept in memory; the next change tries again.",
            severity="error",
            timeout=10,
            markup=False,
        )

    # ----------------------------------------------------------- position

    def moved(self, start: int, end: int) -> None:
        """The article moved: [start, end) is on screen."""
        self._range = (start, end)
        if not self._mounted or self._loading:
            return
        try:
            self._track_position()
        except NoMatches:  # a last message while the app shuts down
            return
        if self._store is not None and self._position_unsaved():
            if self._timer is not None:
                self._timer.stop()
            self._timer = self.app.set_timer(POSITION_SAVE_DELAY, self._flush_position)

    def _track_position(self, view: ArticleView | None = None) -> None:
        if self._loading:
            return
        view = view or self.host.article
        offset = view.top_offset
        block, _ = reading_at(view, self._range)
        if block is not None and block.paragraph.start > offset:
            offset = block.paragraph.start  # the top row is the gap after a paragraph: the next one is read
        anchor = self._anchor
        if anchor is not None and anchor[0] == offset:
            position = anchor[1]
        else:
            doc = self.host.document
            section = doc.section_at(offset).index if doc.sections else 0
            position = Position(section, offset)
        if position != self.review.position:
            self.review = self.review.with_position(position)

    def _position_unsaved(self) -> bool:
        saved = self._saved_position or Position()
        return self.review.position != saved

    def _flush_position(self) -> None:
        if self._store is not None and self._position_unsaved():
            self.save()

    def reading_at(self) -> tuple[Any, tuple[int, int]]:
        return reading_at(self.host.article, self._range)


def reading_at(view: ArticleView, last_range: tuple[int, int]) -> tuple[Any, tuple[int, int]]:
    """(current block, first and end offsets on screen), from the scroll position itself:
    the view's Moved message comes after the next paint, and keys typed fast (or a
    key repeating) arrive before it; ``last_range`` is the last Moved message's."""
    if not view.blocks:
        return None, (0, 0)
    try:
        return view.current_paragraph(), view.visible_range()
    except Exception:  # noqa: BLE001 - fall back on the last Moved message
        current = view.blocks[min(view.current_block, len(view.blocks) - 1)]
        return current, last_range
