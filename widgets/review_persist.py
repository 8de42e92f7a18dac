"""The saved side of the review, mixed into the app: loading the review of the
article (a thread worker, at start), saving every change (serialised, coalesced
thread workers through :class:`~reader.review.store.ReviewStore`, which merges with what
another kreader saved), and the reading position (saved once the reader has
stopped moving for a moment, and when the app exits).

Textual calls the message handlers of every class of the app's MRO, so the
``on_mount``, ``on_unmount`` and ``on_article_view_moved`` below run after the
app's own.
"""

from __future__ import annotations

import threading

from textual import work
from textual.css.query import NoMatches
from textual.timer import Timer

from reader.review.model import Position, Review, merge, verdicts_by_figure
from widgets.figures.chart import FiguresChart
from widgets.header_bar import HeaderBar

POSITION_SAVE_DELAY = 1.5  # seconds without movement before the reading position is saved


class ReviewPersistence:
    """Holds ``review`` (a :class:`~reader.review.model.Review`) for the app and keeps it on disk."""

    persist_review = False  # the app turns it on: tests and embedders opt in
    review: Review = Review()
    review_error = ""  # a save that failed as the app exited (run_app prints it)
    _review_store = None
    _review_marks: dict = {}
    _review_range = (0, 0)
    _review_timer: Timer | None = None
    _review_saved_position: Position | None = None
    _review_dirty = False
    _review_anchor: tuple[int, Position] | None = None
    _review_starts: tuple = (None, [])  # (the figures, their start offsets), kept for bisection
    _chart_mode = "off"

    def _review_setup(self) -> None:
        self._review_lock = threading.Lock()  # guards the pending job
        self._review_save_lock = threading.Lock()  # one save at a time
        self._review_pending = None
        self._review_text = self.document.text
        self._review_loading = False

    # ---------------------------------------------------------- life cycle

    def on_mount(self) -> None:
        self._review_setup()
        self._review_view = self.article
        self._review_refresh()
        if self.persist_review:
            self._review_loading = True
            self._review_load(self.document)

    def on_unmount(self) -> None:
        """Save what is not saved yet, synchronously: nothing the user did is lost."""
        try:
            # Moved comes once per paragraph: take the exact line now.  The view has left
            # the DOM by now, but still holds its layout.
            self._review_track_position(self._review_view)
        except Exception:  # noqa: BLE001 - exiting must never fail; the last tracked position stands
            pass
        store = self._review_store
        if store is None or not (self._review_dirty or self._position_unsaved()):
            return
        if not self._review_save_lock.acquire(timeout=10):  # a save stuck on a dead disk
            self.review_error = f"the review could not be saved to {store.path}: the disk did not answer"
            return
        try:
            store.save(self.review)
        except OSError as err:
            self.review_error = f"the review could not be saved to {store.path}: {err.strerror or err}"
        finally:
            self._review_save_lock.release()

    def review_follow(self, doc) -> None:
        """The app shows a new version of the document (more figures, or another text)."""
        if not hasattr(self, "_review_lock"):
            return  # not mounted yet
        if doc.text != self._review_text:
            # another text (reloaded): its own review
            self._review_flush_position()
            self._review_text = doc.text
            self._review_store = None
            self.review = Review()
            self._review_saved_position = None
            if self.persist_review:
                self._review_loading = True
                self._review_load(doc)
        elif self.persist_review and self._review_store is None and not self._review_loading:
            self._review_loading = True  # persistence was turned on after the mount
            self._review_load(doc)
        self._review_refresh()

    # --------------------------------------------------------------- load

    @work(thread=True, group="review-load", exclusive=True, exit_on_error=False, description="load the saved review")
    def _review_load(self, doc) -> None:
        from reader.review.store import ReviewStore

        try:
            store = ReviewStore(doc.source, doc.text, [(f.start, f.end) for f in doc.figures])
            if not doc.figures and not store.has_saved() and store.previous_version() is not None:
                # the article changed: re-attaching verdicts needs this text's figures now
                from reader.figures.extract import extract_figures

                store.figure_spans = [(f.start, f.end) for f in extract_figures(doc)]
            result = store.load()
        except OSError as err:
            self._review_call(self._review_unavailable, err)
            return
        self._review_call(self._review_loaded, doc.text, store, result)

    def _review_unavailable(self, err: OSError) -> None:
        self._review_loading = False
        self.persist_review = False
        self.notify(
            f"Reviews cannot be saved ({err.strerror or err}); this session's review stays in memory.",
            severity="error",
            timeout=10,
            markup=False,
        )

    def _review_loaded(self, text: str, store, result) -> None:
        if text != self.document.text:
            return  # the article was reloaded meanwhile
        self._review_loading = False
        self._review_store = store
        saved = result.review
        moved = self._review_has_moved()
        review = merge(self.review, saved) if self.review != Review() else saved
        if not moved:
            review = review.with_position(saved.position)
        self.review = review
        self._review_saved_position = saved.position
        for notice in result.notices:
            self.notify(notice, severity="warning", timeout=12, markup=False)
        self._review_refresh()
        if not moved:
            self.call_after_refresh(self._review_restore, saved.position)
        if self._review_dirty:
            self._review_save()

    def _review_has_moved(self) -> bool:
        """Has the reader scrolled before the review was read? Then their place wins."""
        try:
            return self.article.scroll_y > 0
        except Exception:  # noqa: BLE001 - no layout yet
            return False

    def _review_restore(self, position: Position) -> None:
        offset = min(position.offset, max(0, len(self.document.text) - 1))
        if offset > 0:
            self.article.scroll_to_offset(offset)
        # the top row now starts at or before the saved offset: until the reader moves,
        # the saved position stands (re-saving the row start would creep back a row per width)
        self._review_anchor = (self.article.top_offset, position)

    # --------------------------------------------------------------- save

    def _review_change(self, review: Review) -> None:
        """Adopt a changed review and save it."""
        self.review = review
        self._review_refresh()
        self._review_save()

    def _review_save(self) -> None:
        if self._review_store is None:
            self._review_dirty = True  # saved as soon as the review is loaded
            return
        with self._review_lock:
            self._review_pending = (self._review_store, self.review)
        self._review_dirty = True
        self._review_save_worker()

    @work(thread=True, group="review-save", exit_on_error=False, description="save the review")
    def _review_save_worker(self) -> None:
        with self._review_save_lock:
            with self._review_lock:
                job, self._review_pending = self._review_pending, None
            if job is None:
                return  # a worker before this one saved the newest review already
            store, review = job
            try:
                merged, error, notices = store.save(review), None, list(store.save_notices)
            except OSError as err:
                merged, error, notices = None, err, []
        # Only now call the app (and wait for it): on_unmount, on the app's thread, may be
        # waiting for the lock to save the last changes.
        if error is not None:
            self._review_call(self._review_save_failed, store, error)
        else:
            self._review_call(self._review_saved, store, review, merged, notices)

    def _review_call(self, callback, *args, **kwargs) -> None:
        try:
            self.call_from_thread(callback, *args, **kwargs)
        except RuntimeError:  # the app has exited: on_unmount saved or reported
            pass

    def _review_saved(self, store, sent: Review, merged: Review, notices: list[str]) -> None:
        for notice in notices:
            self.notify(notice, severity="warning", timeout=12, markup=False)
        if store is not self._review_store:
            return
        if self.review is sent:
            self._review_dirty = False
        self._review_saved_position = sent.position
        combined = merge(self.review, merged)  # another kreader's verdicts come in; ours stay
        if combined.verdicts != self.review.verdicts or combined.bookmarks != self.review.bookmarks:
            self.review = combined
            self._review_refresh()

    def _review_save_failed(self, store, err: OSError) -> None:
        self.notify(
            f"The review could not be saved to {store.path}: {err.strerror or err}. "
            "It is kept in memory; the next change tries again.",
            severity="error",
            timeout=10,
            markup=False,
        )

    # ----------------------------------------------------------- position

    def on_article_view_moved(self, message) -> None:
        self._review_range = (message.start, message.end)
        if not hasattr(self, "_review_lock") or self._review_loading:
            return
        try:
            self._review_track_position()
        except NoMatches:  # a last message while the app shuts down
            return
        if self._review_store is not None and self._position_unsaved():
            if self._review_timer is not None:
                self._review_timer.stop()
            self._review_timer = self.set_timer(POSITION_SAVE_DELAY, self._review_flush_position)

    def _review_track_position(self, view=None) -> None:
        if self._review_loading:
            return
        view = view or self.article
        offset = view.top_offset
        block, _ = self._reading_at(view)
        if block is not None and block.paragraph.start > offset:
            offset = block.paragraph.start  # the top row is the gap after a paragraph: the next one is read
        anchor = self._review_anchor
        if anchor is not None and anchor[0] == offset:
            position = anchor[1]
        else:
            section = self.document.section_at(offset).index if self.document.sections else 0
            position = Position(section, offset)
        if position != self.review.position:
            self.review = self.review.with_position(position)

    def _position_unsaved(self) -> bool:
        saved = self._review_saved_position or Position()
        return self.review.position != saved

    def _review_flush_position(self) -> None:
        if self._review_store is not None and self._position_unsaved():
            self._review_save()

    # ------------------------------------------------------------ display

    def _review_refresh(self) -> None:
        doc = self.document
        if self._review_starts[0] is not doc.figures:
            self._review_starts = (doc.figures, [f.start for f in doc.figures])
        self._review_marks = verdicts_by_figure(self.review, doc.text, doc.figures, self._review_starts[1])
        reviewed = sum(1 for v in self._review_marks.values() if v.verdict is not None)
        try:
            self.figures.set_marks(self._review_marks)
            self.query_one(HeaderBar).show_progress(reviewed, len(doc.figures))
            if self._chart_mode != "off":
                self.query_one(FiguresChart).show(doc, self._review_marks, self._chart_mode)
        except Exception:  # noqa: BLE001 - NoMatches while the app shuts down
            pass

    def _reading_at(self, view=None):
        """(current block, first and end offsets on screen), from the scroll position itself:
        the view's Moved message comes after the next paint, and keys typed fast (or a
        key repeating) arrive before it."""
        view = view or self.article
        if not view.blocks:
            return None, (0, 0)
        try:  # ArticleView has no public API for these yet
            current = view.blocks[view._current()]
            y = round(view.scroll_y)
            last, _ = view._index.find(y + max(1, view.scrollable_content_region.height) - 1)
            return current, (current.paragraph.start, view.blocks[last].paragraph.end)
        except Exception:  # noqa: BLE001 - fall back on the last Moved message
            current = view.blocks[min(view.current_block, len(view.blocks) - 1)]
            return current, self._review_range
