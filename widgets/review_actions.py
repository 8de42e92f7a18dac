"""The review keys, mixed into the app: verdicts and notes on figures, bookmarks,
the figures chart and the report export (the saving is in widgets/review_persist.py).

A review key acts on the figure under the cursor when the figures panel has the
focus, else on the figure at the reading position (see ``_review_target``).
"""

from __future__ import annotations

import bisect
import os
from pathlib import Path

from textual import work
from textual.binding import Binding

from reader.review.model import Bookmark, FigureKey, Review, text_hash
from widgets.article.layout import terminal_safe
from widgets.figures.chart import FiguresChart
from widgets.figures.panel import FiguresPanel
from widgets.figures.series import CHART_MODES
from widgets.review_persist import ReviewPersistence
from widgets.screens.bookmarks import BookmarksScreen
from widgets.screens.note import NotePrompt

EXCERPT = 30  # characters of a paragraph shown for its bookmark
VERDICT_WORDS = {"verified": "verified", "doubtful": "doubtful", "wrong": "wrong", None: "cleared"}

REVIEW_BINDINGS = [
    Binding(
        "v",
        "review_verdict('verified')",
        "Verified",
        id="review.verified",
        tooltip="the figure under the cursor in the panel, else the one at the reading position",
    ),
    Binding("d", "review_verdict('doubtful')", "Doubtful", id="review.doubtful"),
    Binding("x", "review_verdict('wrong')", "Wrong", id="review.wrong"),
    Binding("u", "review_verdict(None)", "Clear verdict", show=False, id="review.clear"),
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


class ReviewActions(ReviewPersistence):
    """Mixed into :class:`~widgets.app.KreaderApp` before ``App``: the review keys."""

    # ------------------------------------------------------- the figure

    def on_figures_panel_chart_requested(self, message: FiguresPanel.ChartRequested) -> None:
        self._chart_mode = CHART_MODES[(CHART_MODES.index(self._chart_mode) + 1) % len(CHART_MODES)]
        chart = self.query_one(FiguresChart)
        chart.show(self.document, self._review_marks, self._chart_mode)
        if self._chart_mode != "off" and not self.document.figures:
            self.notify("No figures to chart yet.", timeout=3)

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
        return min(
            range(lo, hi),
            key=lambda k: (0 if para.start <= starts[k] < para.end else 1, abs(starts[k] - para.start), k),
        )

    def _review_target_or_tell(self) -> int | None:
        k = self._review_target()
        if k is None:
            if not self.document.figures:
                self.notify("No figures yet." if self.enrichment else "This article has no figures.", timeout=3)
            else:
                self.notify("No figure on screen: scroll to one, or choose it in the figures panel (f).", timeout=4)
        return k

    def _figure_key(self, k: int) -> FigureKey:
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
            self.notify(f"{figure}: {word} ({done}/{len(self.document.figures)} reviewed)", timeout=2, markup=False)

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
        self.notify(
            f"Bookmarked “{excerpt[:12]}…” ({n} bookmark{'s' if n != 1 else ''}; ' lists them).",
            timeout=3,
            markup=False,
        )

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

    @work(thread=True, group="review-export", exit_on_error=False, description="export the review")
    def _review_export(self, doc, review: Review, labelling: bool) -> None:
        from reader.review.report import render
        from reader.review.store import atomic_write, state_dir

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
            self._review_call(
                self.notify,
                f"The review could not be exported: {err.strerror or err}",
                severity="error",
                timeout=8,
                markup=False,
            )
            return
        self._review_call(self.notify, f"Review written to {path}", timeout=8, markup=False)
        self._vocabulary_export(doc, path)

    def _vocabulary_export(self, doc, review_path: Path) -> None:
        """The article's vocabulary next to the review (after it: the dictionary takes a moment)."""
        from reader.review.store import atomic_write
        from reader.vocabulary import render_vocabulary, vocabulary

        path = review_path.with_name(review_path.name.removesuffix(".review.md") + ".vocabulary.md")
        try:
            atomic_write(path, render_vocabulary(vocabulary(doc), "md", Path(doc.source).name).encode("utf-8"))
        except Exception as err:  # noqa: BLE001 - the review, which was asked for, is written
            self._review_call(
                self.notify,
                f"The vocabulary could not be written ({type(err).__name__}).",
                severity="warning",
                markup=False,
            )
            return
        self._review_call(self.notify, f"Vocabulary written to {path}", timeout=8, markup=False)
