"""The Textual app: composes the widgets, holds the Document, runs enrichment.

Data flows one way: the app owns the :class:`~reader.document.Document`
and hands each new version (figures, keywords, user terms) to the widgets;
the widgets answer with messages.  Figures, labels and keywords are
computed in a thread worker after the first paint, so the article shows
before jieba has loaded.
"""

from __future__ import annotations

import gc

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from reader.articles import ArticleList
from reader.document import Document
from reader.figures.shown import legend as figures_legend
from reader.locations import asset
from reader.pipeline import Opening
from reader.text.script import SCRIPTS
from widgets.article.view import ArticleView
from widgets.articles import ARTICLES_BINDINGS, Articles
from widgets.binding_ids import apply_user_keymap
from widgets.commands import ReaderCommands
from widgets.figures.chart import FiguresChart
from widgets.figures.panel import FiguresPanel
from widgets.figures.preview import FigurePreview
from widgets.file_watch import FILE_WATCH_BINDINGS, FileWatch
from widgets.finding import FINDING_BINDINGS, Finding
from widgets.footer import FittedFooter
from widgets.header_bar import HeaderBar
from widgets.highlights import Highlights
from widgets.loading import DocumentLoading
from widgets.messages import Enriched, FirstPaint, Moved, Notice, Opened, Preparing, Reloaded, Switched
from widgets.navigation import PLACES_BINDINGS, Places
from widgets.panes import Panes
from widgets.review.reviewing import REVIEW_BINDINGS, Reviewing
from widgets.screens.help import HelpScreen
from widgets.screens.legend import LegendScreen, marks_legend
from widgets.search_bar import SearchBar
from widgets.section_nav import SectionNav
from widgets.status_bar import StatusBar
from widgets.styles import display_mode

INTERACTIVE_GC_THRESHOLDS = (10_000, 50, 100)  # Python's own: (700, 10, 10)


class ReaderScreen(Screen):
    """The main screen: focus starts on the article, not on the first focusable
    widget (the sections list), which would open its overlay on a narrow terminal.
    Modal screens keep Textual's default (their first input)."""

    AUTO_FOCUS = "#article"


class KreaderApp(App[int]):
    """Review one article with the keyboard.

    It holds its collaborators: ``loading`` (the whole article, then its
    enrichment), ``file_watch`` (the file on disk, the exit signals),
    ``review`` (verdicts, notes, bookmarks, their saving), ``places`` (jumps
    back, copies), ``articles`` (several articles), ``panes`` (focus and
    overlays), ``finding`` (the search line), ``highlights`` (keywords shown).
    """

    CSS_PATH = str(asset("kreader.tcss"))
    TITLE = "kreader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", show=False, id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("L", "legend", "Legend", show=False, id="app.legend", tooltip="what each colour and mark means"),
        *FINDING_BINDINGS,
        Binding("t", "cycle_script", "Script", id="app.script", tooltip="original → 简 → 繁 → 臺 → 港, in place"),
        Binding("h", "toggle_highlight", "Keywords", id="app.highlight", tooltip="toggle keyword highlighting"),
        Binding(
            "B",
            "toggle_boilerplate",
            "Furniture",
            show=False,
            id="app.boilerplate",
            tooltip="show the page furniture the cleaner removed (bylines, share bars, captions…) dimmed, in place",
        ),
        Binding("f", "focus_figures", "Figures", priority=True, id="app.figures"),
        Binding("c", "focus_sections", "Sections", priority=True, id="app.sections"),
        Binding("left_square_bracket", "step_section(-1)", "Previous section", show=False, id="app.previous-section"),
        Binding("right_square_bracket", "step_section(1)", "Next section", show=False, id="app.next-section"),
        Binding("tab", "cycle_focus(1)", "Next panel", show=False, priority=True, id="app.focus-next"),
        Binding("shift+tab", "cycle_focus(-1)", "Previous panel", show=False, priority=True, id="app.focus-previous"),
        *REVIEW_BINDINGS,
        *PLACES_BINDINGS,
        *FILE_WATCH_BINDINGS,
        *ARTICLES_BINDINGS,
    ]

    enrichment: reactive[str] = reactive("", init=False)  # what enrichment is doing ("" when idle)

    def __init__(
        self,
        document: Document | Opening,
        *,
        enrich: bool = True,
        persist: bool = False,
        articles: ArticleList | None = None,  # several articles: the list, ``document`` its current one
        unreadable: dict[int, str] | None = None,  # those of the list that could not be opened
    ) -> None:
        super().__init__()
        self.add_class(f"-{display_mode(self.no_color, self.console.color_system)}")  # see widgets/styles.py
        # An Opening (reader/pipeline.py) shows its preview until the whole article is ready.
        opening = None if isinstance(document, Document) else document
        self.document: Document = document if isinstance(document, Document) else document.preview()
        self.loading = DocumentLoading(self, opening, enrich=enrich)
        self.file_watch = FileWatch(self)
        opened = self.loading.opened
        self.persist_when_opened = persist and not opened  # the review belongs to the whole text
        self.places = Places(self)  # jump back, copy
        self.review = Reviewing(self, persist=persist and opened)  # verdicts, notes, bookmarks, their saving
        self.articles = Articles(self, articles, unreadable)  # :n, :p, the picker
        self.panes = Panes(self)  # focus, overlays on a narrow terminal, the figures panel following
        self.finding = Finding(self)  # the search line
        self.highlights = Highlights(self)  # keywords shown, the reader's own terms
        self._gc_thresholds = gc.get_threshold()

    # ------------------------------------------------------------- layout

    def get_default_screen(self) -> Screen:
        return ReaderScreen(id="_default")

    def compose(self) -> ComposeResult:
        doc = self.document
        yield HeaderBar(id="header")
        with Horizontal(id="body"):
            yield SectionNav(doc, id="sections")
            with Vertical(id="centre"):
                yield ArticleView(doc, id="article")
                yield SearchBar(id="search")
            with Vertical(id="figures-side"):
                yield FiguresPanel(doc, id="figures")
                yield FiguresChart(id="figures-chart")
        yield FigurePreview(id="preview")
        yield StatusBar(id="status")
        yield FittedFooter(compact=True)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def sections(self) -> SectionNav:
        return self.query_one(SectionNav)

    @property
    def figures(self) -> FiguresPanel:
        return self.query_one(FiguresPanel)

    def on_mount(self) -> None:
        apply_user_keymap(self)
        self.panes.resized(self.size.width)
        self.article.focus()
        self._show_header()
        gc.freeze()  # the article given lives as long as the reader (see set_document)
        # Each frame allocates thousands of short-lived strips and caches: with Python's default
        # thresholds the cycle collector ran several times a frame and now and then walked every
        # cached strip (page down on 10 MB, enriched: 14.6 → 11.8 ms).  Most of it is freed by
        # reference counting anyway; cycles are still collected, less often.
        gc.set_threshold(*INTERACTIVE_GC_THRESHOLDS)
        self.loading.start()
        self.review.mount()
        self.file_watch.start()
        self.articles.mount()

    def on_unmount(self) -> None:
        gc.set_threshold(*self._gc_thresholds)
        self.loading.stop()
        self.file_watch.stop()
        self.review.saving.unmount()

    @property
    def persist_review(self) -> bool:
        """Is the review loaded and saved? (Tests and embedders opt in.)"""
        return self.review.saving.persist

    @persist_review.setter
    def persist_review(self, persist: bool) -> None:
        self.review.saving.persist = persist

    def on_resize(self, event) -> None:
        self.panes.resized(event.size.width)

    def _show_header(self) -> None:
        self.query_one(HeaderBar).show(self.document, self.article.script)

    def _show_status(self) -> None:
        self.query_one(StatusBar).show_reading(self.document, self.article, self.enrichment)

    def set_document(self, doc: Document) -> None:
        """Show a new version of the article (same text, more enrichment)."""
        if doc is not self.document:
            self.document = doc
            self.article.update_document(doc)
            self.sections.update_document(doc)
            self.figures.update_document(doc)
            # What was just built lives as long as the article: keep the cycle collector off
            # it (a book is over a million objects, and each full collection walked them all,
            # half a second every few pages).
            gc.freeze()
        self.review.follow(doc)
        self._show_status()

    # ------------------------------------------------------------ messages

    def watch_enrichment(self) -> None:
        try:
            self._show_status()
        except NoMatches:  # a worker's last word while the app shuts down
            pass

    def on_opened(self, message: Opened) -> None:
        self.loading.on_opened(message)

    def on_enriched(self, message: Enriched) -> None:
        self.loading.on_enriched(message)

    def on_reloaded(self, message: Reloaded) -> None:
        self.file_watch.on_reloaded(message)

    def on_switched(self, message: Switched) -> None:
        self.articles.on_switched(message)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.articles.allows(action)

    def action_article_command(self) -> None:
        self.articles.command()

    def action_step_article(self, direction: int) -> None:
        self.articles.step(direction)

    def action_pick_article(self) -> None:
        self.articles.pick()

    def action_reload(self) -> None:
        self.file_watch.reload()

    def action_toggle_boilerplate(self) -> None:
        self.file_watch.toggle_boilerplate()

    def on_article_view_moved(self, message: Moved) -> None:
        self.review.saving.moved(message.start, message.end)
        try:
            self.sections.follow(message.section)
            self.panes.follow(message.start, message.end)
            self._show_status()
        except NoMatches:  # a last message while the app shuts down
            pass

    def on_article_view_searched(self) -> None:
        self._show_status()  # hits arrive while the worker searches

    def on_article_view_first_paint(self, _message: FirstPaint) -> None:
        # Posted while the first frame with the article is composed; handled after it is written.
        self.loading.first_paint()

    def on_article_view_notice(self, message: Notice) -> None:
        self.notify(message.text, severity=message.severity, markup=False)

    def on_article_view_preparing(self, message: Preparing) -> None:
        for bar in self.query(StatusBar):  # none while the app shuts down
            bar.preparing(message.what, message.text)

    def on_section_nav_jump(self, message: SectionNav.Jump) -> None:
        self.panes.section_chosen(message.section)

    def on_figures_panel_highlighted(self, message: FiguresPanel.Highlighted) -> None:
        self.panes.figure_highlighted(message.figure)

    def on_figures_panel_chosen(self, message: FiguresPanel.Chosen) -> None:
        self.panes.figure_chosen(message.figure)

    @on(SearchBar.Changed, "#search")
    def _search_changed(self, event: SearchBar.Changed) -> None:
        self.finding.changed(event.value)

    @on(SearchBar.RegexToggled)
    def _search_regex(self, event: SearchBar.RegexToggled) -> None:
        self.finding.regex_toggled(event.regex)

    @on(SearchBar.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.finding.close()

    @on(SearchBar.Cancelled)
    def _search_cancelled(self) -> None:
        self.finding.clear()
        self.finding.close()

    def action_clear_search(self) -> None:
        self.finding.clear()

    # ------------------------------------------------------------- actions

    def go_to_section(self, section: int) -> None:
        self.places.jumping()
        self.article.go_to_section(section)

    def set_script(self, script: str) -> None:
        """Show the article and everything about it (figures, labels, sections, preview) in ``script``."""
        self.article.script = script
        self.figures.set_script(script)
        self.sections.set_script(script)
        self._show_header()
        self._show_status()
        if self.figures.has_focus:
            self.query_one(FigurePreview).show(self.document, self.figures.figure_at_cursor(), script)
        if script != "original":
            # Once this script is on screen: loading a dictionary holds the interpreter (tens of ms).
            self.call_after_refresh(self.loading.warm_scripts)

    def action_cycle_script(self) -> None:
        current = self.article.script
        self.set_script(SCRIPTS[(SCRIPTS.index(current) + 1) % len(SCRIPTS)])

    def action_toggle_highlight(self) -> None:
        self.highlights.toggle()

    def action_step_section(self, direction: int) -> None:
        self.places.jumping()
        self.article.step_section(direction)

    def action_jump_back(self) -> None:
        self.places.back()

    def action_copy(self) -> None:
        self.places.copy()

    def action_repairs(self) -> None:
        self.places.repairs()

    def action_next_match(self, direction: int) -> None:
        self.finding.next_match(direction)

    def action_search(self) -> None:
        self.finding.open()

    def start_search(self, query: str) -> None:
        self.finding.start(query)

    def action_prompt_term(self) -> None:
        self.highlights.prompt()

    def add_highlight_term(self, term: str) -> None:
        self.highlights.add(term)

    def binding_groups(self) -> list[tuple[str, Widget | App[int]]]:
        """Where kreader's keys live, by pane (the help and the command palette list them)."""
        return [
            ("Anywhere", self),
            ("Article", self.article),
            ("Sections panel", self.sections),
            ("Figures panel", self.figures),
            ("Search line", self.query_one(SearchBar)),
        ]

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.binding_groups(), legend=figures_legend(), marks=marks_legend(self)))

    def action_legend(self) -> None:
        self.push_screen(LegendScreen(marks_legend(self)))

    # -------------------------------------------------------------- review

    def action_review_verdict(self, verdict: str | None) -> None:
        self.review.verdict(verdict)

    def action_review_undo(self) -> None:
        self.review.undo()

    def action_review_note(self) -> None:
        self.review.note()

    def action_review_bookmark(self) -> None:
        self.review.bookmark()

    def action_review_bookmarks(self) -> None:
        self.review.bookmarks()

    def action_review_export(self) -> None:
        self.review.export()

    def on_figures_panel_chart_requested(self) -> None:
        self.review.cycle_chart()

    # --------------------------------------------------------------- focus

    def action_focus_article(self) -> None:
        self.panes.focus(self.article)

    def action_focus_figures(self) -> None:
        self.panes.focus(self.figures)

    def action_focus_sections(self) -> None:
        self.panes.focus(self.sections)

    def action_cycle_focus(self, direction: int) -> None:
        self.panes.cycle(direction)


def run_app(
    document: Document | Opening, articles: ArticleList | None = None, unreadable: dict[int, str] | None = None
) -> int:
    """Run the reader on ``document`` (or on an article being opened, see reader/pipeline.py),
    the current one of ``articles`` if several are open; the exit code (0 unless something failed)."""
    app = KreaderApp(document, persist=True, articles=articles, unreadable=unreadable)
    app.run()
    gc.freeze()  # the interpreter's last collection would walk every object of a book: seconds, for nothing
    if app.review.error:
        import sys

        print(f"kreader: {app.review.error}", file=sys.stderr)
        return app.return_code or 1
    return app.return_code or 0
