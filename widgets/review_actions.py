"""The review workflow, mixed into the app: verdicts and notes on figures, bookmarks,
the reading position, the figures chart and the report export.

The app owns one :class:`~reader.review.Review`; every change replaces it and is
saved at once by a thread worker through :class:`~reader.state.ReviewStore`
(which merges with what another kreader saved).  Saves are serialised and
coalesced: a worker always writes the newest review.  The reading position is
saved after the reader has stopped moving for a moment, and when the app exits.

Textual calls the message handlers of every class of the app's MRO, so the
``on_mount``, ``on_unmount`` and ``on_article_view_moved`` below run after the
app's own.
"""

from __future__ import annotations

import bisect
import os
import threading
from pathlib import Path

from textual import work
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.timer import Timer

from reader.review import Bookmark, Position, Review, merge, text_hash, verdicts_by_figure
from widgets.article_layout import terminal_safe
from widgets.bookmarks_screen import BookmarksScreen
from widgets.figures_chart import CHART_MODES, FiguresChart
from widgets.figures_panel import FiguresPanel
from widgets.header_bar import HeaderBar
from widgets.note_prompt import NotePrompt

POSITION_SAVE_DELAY = 1.5  # seconds without movement before the reading position is saved
EXCERPT = 30  # characters of a paragraph shown for its bookmark
VERDICT_WORDS = {"verified": "verified", "doubtful": "doubtful", "wrong": "wrong", None: "cleared"}

REVIEW_BINDINGS = [
    Binding("v", "review_verdict('verified')", "Verified", id="review.verified",
            tooltip="the figure under the cursor in the panel, else the one at the reading position"),
    Binding("d", "review_verdict('doubtful')", "Doubtful", id="review.doubtful"),
    Binding("x", "review_verdict('wrong')", "Wrong", id="review.wrong"),
    Binding("u", "review_verdict(None)", "Clear verdict", show=False, id="review.clear"),
    Binding("e", "review_note", "Note", id="review.note", tooltip="add or edit the figure's note"),
    Binding("m", "review_bookmark", "Bookmark", show=False, id="review.bookmark",
            tooltip="bookmark the current paragraph"),
    Binding("apostrophe", "review_bookmarks", "Bookmarks", show=False, id="review.bookmarks",
            tooltip="list the bookmarks: Enter jumps, d deletes"),
    Binding("E", "review_export", "Export review", show=False, id="review.export",
            tooltip="write the review as Markdown to the current directory"),
]


def report_name(source: str, clean_text: str) -> str:
    """The export's file name: the article's name, or the text's hash for standard input.

    >>> report_name("/data/a b.txt", "x"), report_name("<stdin>", "x")[:14]
    ('a b.review.md', 'stdin-2d711642')
    """
    if source.startswith("<"):
        return f"stdin-{text_hash(clean_text)[:8]}.review.md"
    return f"{Path(source).stem}.review.md"


def report_dir(source: str, cwd: Path, fallback: Path) -> Path:
    """Where the export goes: the current directory, unless it is the article's own
    folder (never written into without asking) or not writable; then ``fallback``."""
    if not source.startswith("<"):
        try:
            if Path(source).resolve().parent == cwd.resolve():
                return fallback
        except OSError:
            return fallback
    return cwd if os.access(cwd, os.W_OK) else fallback


class ReviewActions:
    """Mixed into :class:`~reader.app.KreaderApp` before ``App``."""

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
        with self._review_save_lock:
            try:
                store.save(self.review)
            except OSError as err:
                self.review_error = f"the review could not be saved to {store.path}: {err.strerror or err}"

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

    @work(thread=True, group="review-load", exclusive=True, exit_on_error=False)
    def _review_load(self, doc) -> None:
        from reader.state import ReviewStore

        try:
            store = ReviewStore(doc.source, doc.text, [(f.start, f.end) for f in doc.figures])
            if not doc.figures and not store.has_saved() and store.previous_version() is not None:
                # the article changed: re-attaching verdicts needs this text's figures now
                from reader.figures import extract_figures

                store.figure_spans = [(f.start, f.end) for f in extract_figures(doc)]
            result = store.load()
        except OSError as err:
            self.call_from_thread(self._review_unavailable, err)
            return
        self.call_from_thread(self._review_loaded, doc.text, store, result)

    def _review_unavailable(self, err: OSError) -> None:
        self._review_loading = False
        self.persist_review = False
        self.notify(f"Reviews cannot be saved ({err.strerror or err}); this session's review stays in memory.",
                    severity="error", timeout=10, markup=False)

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

    @work(thread=True, group="review-save", exit_on_error=False)
    def _review_save_worker(self) -> None:
        with self._review_save_lock:
            with self._review_lock:
                job, self._review_pending = self._review_pending, None
            if job is None:
                return  # a worker before this one saved the newest review already
            store, review = job
            try:
                merged = store.save(review)
            except OSError as err:
                self._review_call(self._review_save_failed, store, err)
                return
            self._review_call(self._review_saved, store, review, merged, list(store.save_notices))

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
        self.notify(f"The review could not be saved to {store.path}: {err.strerror or err}. "
                    "It is kept in memory; the next change tries again.", severity="error", timeout=10,
                    markup=False)

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
        self._review_marks = verdicts_by_figure(self.review, doc.text, doc.figures)
        reviewed = sum(1 for v in self._review_marks.values() if v.verdict is not None)
        try:
            self.figures.set_marks(self._review_marks)
            self.query_one(HeaderBar).show_progress(reviewed, len(doc.figures))
            if self._chart_mode != "off":
                self.query_one(FiguresChart).show(doc, self._review_marks, self._chart_mode)
        except Exception:  # noqa: BLE001 - NoMatches while the app shuts down
            pass

    def on_figures_panel_chart_requested(self, message: FiguresPanel.ChartRequested) -> None:
        self._chart_mode = CHART_MODES[(CHART_MODES.index(self._chart_mode) + 1) % len(CHART_MODES)]
        chart = self.query_one(FiguresChart)
        chart.show(self.document, self._review_marks, self._chart_mode)
        if self._chart_mode != "off" and not self.document.figures:
            self.notify("No figures to chart yet.", timeout=3)

    # ------------------------------------------------------- the figure

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

    def _review_target(self) -> int | None:
        """The figure a review key acts on: the panel's row when the panel has the focus,
        else the figure selected in the article if on screen, else the one nearest the
        current paragraph among those on screen."""
        figures = self.document.figures
        if not figures:
            return None
        if self.figures.has_focus:
            return self.figures.figure_at_cursor()
        view = self.article
        block, (start, end) = self._reading_at()
        if block is None:
            return None
        para = block.paragraph
        start, end = min(start, para.start), max(end, para.end)
        selected = view.selected_figure
        if 0 <= selected < len(figures) and start <= figures[selected].start < end:
            return selected
        starts = [f.start for f in figures]
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if lo >= hi:
            return None
        return min(range(lo, hi), key=lambda k: (0 if para.start <= starts[k] < para.end else 1,
                                                  abs(starts[k] - para.start), k))

    def _review_target_or_tell(self) -> int | None:
        k = self._review_target()
        if k is None:
            if not self.document.figures:
                self.notify("No figures yet." if self.enrichment else "This article has no figures.", timeout=3)
            else:
                self.notify("No figure on screen: scroll to one, or choose it in the figures panel (f).",
                            timeout=4)
        return k

    def _figure_key(self, k: int):
        from reader.review import FigureKey

        f = self.document.figures[k]
        return FigureKey.at(self.document.text, f.start, f.end)

    # ------------------------------------------------------------ actions

    def action_review_verdict(self, verdict: str | None) -> None:
        k = self._review_target_or_tell()
        if k is None:
            return
        key = self._figure_key(k)
        entry = self.review.entry_for(key)
        if verdict is None and (entry is None or entry.verdict is None):
            return  # nothing to clear
        self._review_change(self.review.with_verdict(key, verdict))
        if not self.figures.has_focus:
            self.article.selected_figure = k  # show which figure got the verdict
            word = VERDICT_WORDS[verdict]
            figure = terminal_safe(self.document.figures[k].text)
            done = sum(1 for v in self._review_marks.values() if v.verdict is not None)
            self.notify(f"{figure}: {word} ({done}/{len(self.document.figures)} reviewed)",
                        timeout=2, markup=False)

    def action_review_note(self) -> None:
        k = self._review_target_or_tell()
        if k is None:
            return
        key = self._figure_key(k)
        entry = self.review.entry_for(key)
        old = entry.note if entry else ""

        def noted(note: str | None) -> None:
            if note is not None and note != old:
                self._review_change(self.review.with_note(key, note))

        if not self.figures.has_focus:
            self.article.selected_figure = k
        self.push_screen(NotePrompt(terminal_safe(key.text), old), noted)

    def action_review_bookmark(self) -> None:
        block, _ = self._reading_at()
        if block is None:
            return
        para = block.paragraph
        if any(b.offset == para.start for b in self.review.bookmarks):
            self.notify("This paragraph is bookmarked already (' lists the bookmarks).", timeout=3)
            return
        excerpt = terminal_safe(" ".join(para.text.split()))[:EXCERPT]
        self._review_change(self.review.with_bookmark(Bookmark(para.start, block.section, excerpt)))
        n = len(self.review.bookmarks)
        self.notify(f"Bookmarked “{excerpt[:12]}…” ({n} bookmark{'s' if n != 1 else ''}; ' lists them).",
                    timeout=3, markup=False)

    def action_review_bookmarks(self) -> None:
        def delete(offset: int):
            self._review_change(self.review.without_bookmark(offset))
            return self.review.bookmarks

        def jump(offset: int | None) -> None:
            if offset is not None:
                self.action_focus_article()
                self.article.scroll_to_offset(offset)

        self.push_screen(BookmarksScreen(self.document, self.review.bookmarks, delete), jump)

    def action_review_export(self) -> None:
        labelling = any(w.group == "enrich" and w.is_running for w in self.workers)
        self._review_export(self.document, self.review, labelling)

    @work(thread=True, group="review-export", exit_on_error=False)
    def _review_export(self, doc, review: Review, labelling: bool) -> None:
        from reader.report import render
        from reader.state import atomic_write, state_dir

        try:
            if labelling:
                from reader.enrich import with_figures

                doc = with_figures(doc)  # labels are still coming: the report has them all
            fallback = state_dir() / "reports"
            folder = report_dir(doc.source, Path.cwd(), fallback)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / report_name(doc.source, doc.text)
            atomic_write(path, render(doc, review, "md").encode("utf-8"))
        except OSError as err:
            self._review_call(self.notify, f"The review could not be exported: {err.strerror or err}",
                              severity="error", timeout=8, markup=False)
            return
        self._review_call(self.notify, f"Review written to {path}", timeout=8, markup=False)
