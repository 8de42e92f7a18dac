"""The review, held by the app as ``app.review``: verdicts and notes on figures,
undo, bookmarks, the figures chart and the report export; the saving is its
collaborator :class:`~widgets.review.saving.ReviewSaving` (``app.review.saving``).

A review key acts on the figure under the cursor when the figures panel has the
focus, else on the figure at the reading position (see :meth:`Reviewing.target`).
In the panel a verdict moves the cursor on to the next unreviewed figure (the
review loop: one key a figure), unless ``advance`` is off.
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, replace
from typing import Any, cast

from textual.app import App
from textual.binding import Binding

from reader.document import Document
from reader.review.model import Bookmark, FigureKey, Review, Verdict, relocate_key, verdicts_by_figure
from reader.text.script import in_script
from widgets.article.layout import terminal_safe
from widgets.figures.chart import FiguresChart
from widgets.figures.rows import FILTER_NAMES
from widgets.figures.series import CHART_MODES
from widgets.header_bar import HeaderBar
from widgets.review.export import start_export
from widgets.review.host import ReviewHost
from widgets.review.saving import Parked, ReviewSaving
from widgets.screens.bookmarks import BookmarksScreen
from widgets.screens.note import NotePrompt

EXCERPT = 30  # characters of a paragraph shown for its bookmark
VERDICT_WORDS = {"verified": "verified", "doubtful": "doubtful", "wrong": "wrong", None: "cleared"}
ADVANCE_SETTING = "KREADER_REVIEW_ADVANCE"  # "0": a verdict leaves the panel's cursor where it is

REVIEW_BINDINGS = [
    Binding(
        "v",
        "review_verdict('verified')",
        "Verified",
        id="review.verified",
        tooltip="the figure under the cursor in the panel (then the next unreviewed), else the one being read",
    ),
    Binding("d", "review_verdict('doubtful')", "Doubtful", id="review.doubtful"),
    Binding("x", "review_verdict('wrong')", "Wrong", id="review.wrong"),
    Binding("u", "review_undo", "Undo verdict", show=False, id="review.undo", tooltip="undo the last verdict given"),
    Binding("e", "review_note", "Note", id="review.note", tooltip="add or edit the figure's note"),
    Binding(
        "m", "review_bookmark", "Bookmark", show=False, id="review.bookmark", tooltip="bookmark the current paragraph"
    ),
    Binding(
        "apostrophe",
        "review_bookmarks",
        "Bookmarks",
        show=False,
        id="review.bookmarks",
        tooltip="list the bookmarks: Enter jumps, d deletes",
    ),
    Binding(
        "E",
        "review_export",
        "Export review",
        show=False,
        id="review.export",
        tooltip="write the review as Markdown to the current directory",
    ),
]


def advance_default() -> bool:
    """Does a verdict move on to the next unreviewed figure? (``KREADER_REVIEW_ADVANCE=0``: no.)"""
    return os.environ.get(ADVANCE_SETTING, "1").strip().lower() not in ("0", "no", "false", "off")


@dataclass(frozen=True)
class Undo:
    """A verdict given: the figure, and its record before (None: it had none)."""

    figure: int
    key: FigureKey
    before: Verdict | None


class Reviewing:
    """The review of the article the app shows, and what the review keys do with it."""

    def __init__(self, app: App[Any], persist: bool) -> None:
        self.app = app
        self.host = cast(ReviewHost, app)  # the app holds this review: it cannot be imported here
        self.saving = ReviewSaving(app, persist, self.refresh)
        self.marks: dict[int, Verdict] = {}  # figure index -> its verdict record
        self.chart_mode = "off"
        self.advance = advance_default()
        self._undo: list[Undo] = []
        self._undo_text = ""  # the text the keys of ``_undo`` belong to
        self._expected: Parked | None = None  # the article about to be shown again, as it was left
        self._starts: tuple = (None, [])  # (the figures, their start offsets), kept for bisection

    @property
    def current(self) -> Review:
        """The review as it stands (verdicts, notes, bookmarks, position)."""
        return self.saving.review

    @property
    def error(self) -> str:
        return self.saving.error

    def reviewed(self) -> int:
        return sum(1 for v in self.marks.values() if v.verdict is not None)

    # ------------------------------------------------------------- life cycle

    def mount(self) -> None:
        self.refresh()
        self.saving.mount()

    def follow(self, doc: Document) -> None:
        """The app shows a new version of the document (more figures, or another text)."""
        if doc.text != self.saving.review_text:
            # another text: its figures are other figures, and an article shown again has its own
            back = self._expected is not None and self._expected.text == doc.text
            self._undo = list(self._expected.undo) if back and self._expected is not None else []
            self._expected = None
        elif self._undo and self._undo_text != doc.text:
            # the whole article replaced its preview (the same review, re-keyed): so are the verdicts u undoes
            self._undo = [replace(u, key=relocate_key(u.key, doc.text)) for u in self._undo]
        self._undo_text = doc.text
        self.saving.follow(doc)
        self.refresh()

    def park(self) -> Parked:
        """The review as the reader leaves the article for another, with what ``u`` undoes there."""
        return replace(self.saving.park(), undo=tuple(self._undo))

    def expect(self, parked: Parked | None) -> None:
        """The next text shown is ``parked``'s article again: its review and undo come back."""
        self._expected = parked
        self.saving.expect(parked)

    def refresh(self) -> None:
        """Show the review: the panel's marks, the header's progress, the chart."""
        doc = self.host.document
        if self._starts[0] is not doc.figures:
            self._starts = (doc.figures, [f.start for f in doc.figures])
        self.marks = verdicts_by_figure(self.current, doc.text, doc.figures, self._starts[1])
        try:
            self.host.figures.set_marks(self.marks)
            self.app.query_one(HeaderBar).show_progress(self.reviewed(), len(doc.figures))
            if self.chart_mode != "off":
                self.app.query_one(FiguresChart).show(doc, self.marks, self.chart_mode)
        except Exception:  # noqa: BLE001 - NoMatches while the app shuts down
            pass

    # ---------------------------------------------------------------- target

    def target(self) -> int | None:
        """The figure a review key acts on: the panel's row when the panel has the focus,
        else the figure selected in the article if on screen, else the one nearest the
        current paragraph among those on screen."""
        app = self.host
        figures = app.document.figures
        if not figures:
            return None
        if app.figures.has_focus:
            return app.figures.figure_at_cursor()
        block, (start, end) = self.saving.reading_at()
        if block is None:
            return None
        para = block.paragraph
        start, end = min(start, para.start), max(end, para.end)
        selected = app.article.selected_figure
        if 0 <= selected < len(figures) and start <= figures[selected].start < end:
            return selected
        starts = [f.start for f in figures]
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if lo >= hi:
            return None
        return min(
            range(lo, hi),
            key=lambda k: (0 if para.start <= starts[k] < para.end else 1, abs(starts[k] - para.start), k),
        )

    def target_or_tell(self) -> int | None:
        k = self.target()
        if k is None:
            panel = self.host.figures
            if not self.host.document.figures:
                self.app.notify(
                    "No figures yet." if self.host.enrichment else "This article has no figures.", timeout=3
                )
            elif panel.has_focus:  # the filter lists none: the article's figures are not what is meant
                name = FILTER_NAMES[panel.filter]
                self.app.notify(f"No {name} figures listed (F shows the next filter).", timeout=4, markup=False)
            else:
                self.app.notify("No figure on screen: scroll to one, or choose it in the figures panel (f).", timeout=4)
        return k

    def shown(self, text: str) -> str:
        """Article text quoted in a notice or a title, in the script the article is shown in."""
        return terminal_safe(in_script(text, self.host.article.script))

    def figure_key(self, k: int) -> FigureKey:
        doc = self.host.document
        f = doc.figures[k]
        return FigureKey.at(doc.text, f.start, f.end)

    # --------------------------------------------------------------- verdicts

    def verdict(self, verdict: str | None) -> None:
        k = self.target_or_tell()
        if k is None:
            return
        key = self.figure_key(k)
        entry = self.current.entry_for(key)
        if verdict is None and (entry is None or entry.verdict is None):
            return  # nothing to clear
        in_panel = self.host.figures.has_focus
        # chosen before the change: under the unreviewed filter the row leaves at once
        following = self.host.figures.next_unreviewed(1, skip=k) if in_panel and self.advance else None
        self._undo.append(Undo(k, key, entry))
        self.saving.change(self.current.with_verdict(key, verdict))
        if in_panel:
            if following is not None:
                self.host.figures.select_figure(following)
            elif verdict is not None and self.advance:
                self._tell_progress(k, verdict, all_done=True)
            return
        self.host.article.selected_figure = k  # show which figure got the verdict
        self._tell_progress(k, verdict)

    def _tell_progress(self, k: int, verdict: str | None, all_done: bool = False) -> None:
        n = len(self.host.document.figures)
        done = self.reviewed()
        if all_done and done == n:
            self.app.notify(f"All {n} figures reviewed.", timeout=4)
            return
        figure = self.shown(self.host.document.figures[k].text)
        tail = " (none unreviewed left in this view)" if all_done else ""
        self.app.notify(f"{figure}: {VERDICT_WORDS[verdict]} ({done}/{n} reviewed){tail}", timeout=2, markup=False)

    def undo(self) -> None:
        """Give the last verdict's figure back the record it had before."""
        if not self._undo:
            self.app.notify("No verdict to undo.", timeout=2)
            return
        last = self._undo.pop()
        before = last.before.verdict if last.before is not None else None
        self.saving.change(self.current.with_verdict(last.key, before))
        figures = self.host.document.figures
        if not (0 <= last.figure < len(figures)):
            return
        if self.host.figures.has_focus:
            self.host.figures.select_figure(last.figure)
        else:
            self.host.article.selected_figure = last.figure
        word = VERDICT_WORDS[before] if before else "unreviewed"
        self.app.notify(f"Undone: {self.shown(figures[last.figure].text)} is {word} again.", timeout=2, markup=False)

    # ------------------------------------------------------------ notes, marks

    def note(self) -> None:
        k = self.target_or_tell()
        if k is None:
            return
        key = self.figure_key(k)
        entry = self.current.entry_for(key)
        old = entry.note if entry else ""

        def noted(note: str | None) -> None:
            if note is not None and note != old:
                self.saving.change(self.current.with_note(key, note))

        if not self.host.figures.has_focus:
            self.host.article.selected_figure = k
        self.app.push_screen(NotePrompt(self.shown(key.text), old), noted)

    def bookmark(self) -> None:
        block, _ = self.saving.reading_at()
        if block is None:
            return
        para = block.paragraph
        if any(b.offset == para.start for b in self.current.bookmarks):
            self.app.notify("This paragraph is bookmarked already (' lists the bookmarks).", timeout=3)
            return
        excerpt = terminal_safe(" ".join(para.text.split()))[:EXCERPT]
        self.saving.change(self.current.with_bookmark(Bookmark(para.start, block.section, excerpt)))
        n = len(self.current.bookmarks)
        self.app.notify(
            f"Bookmarked “{self.shown(excerpt[:12])}…” ({n} bookmark{'s' if n != 1 else ''}; ' lists them).",
            timeout=3,
            markup=False,
        )

    def bookmarks(self) -> None:
        def delete(offset: int) -> tuple[Bookmark, ...]:
            self.saving.change(self.current.without_bookmark(offset))
            return self.current.bookmarks

        def jump(offset: int | None) -> None:
            if offset is not None:
                self.host.places.jumping()
                self.host.action_focus_article()
                self.host.article.scroll_to_offset(offset)

        screen = BookmarksScreen(self.host.document, self.current.bookmarks, delete, self.host.article.script)
        self.app.push_screen(screen, jump)

    # ---------------------------------------------------------- chart, export

    def cycle_chart(self) -> None:
        self.chart_mode = CHART_MODES[(CHART_MODES.index(self.chart_mode) + 1) % len(CHART_MODES)]
        doc = self.host.document
        self.app.query_one(FiguresChart).show(doc, self.marks, self.chart_mode)
        if self.chart_mode != "off" and not doc.figures:
            self.app.notify("No figures to chart yet.", timeout=3)

    def export(self) -> None:
        labelling = any(w.group == "enrich" and w.is_running for w in self.app.workers)
        listed = self.host.articles.list.paths
        start_export(self.app, self.host.document, self.current, labelling, self.saving.call, listed)
