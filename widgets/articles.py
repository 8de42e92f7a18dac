"""Several articles in one session (the app's ``articles``): ``:n``/``:p`` (less's keys),
``}``/``{``, and the picker switch the article shown.

Each article is its own :class:`~reader.document.Document`, opened by the progressive
pipeline (reader/pipeline.py: a preview at once, the whole article behind it) and shown by
swapping the model the widgets show, as a reload does.  The article left keeps its review
(verdicts, notes, bookmarks, reading position: taken up again as it was left, and saved in the
review store as always) and, for the last few, its enriched Document (no second cleaning).
The script chosen with ``t`` is the reader's, not an article's: it stays when switching.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widgets import Input

from reader.articles import ArticleList
from reader.document import Document
from reader.runtime.watch import FileStamp, stamp
from reader.text.visible import shown_name
from widgets.figures.preview import FigurePreview
from widgets.header_bar import HeaderBar
from widgets.loading import DocumentLoading
from widgets.messages import Switched
from widgets.review.saving import Parked
from widgets.screens.colon import ColonPrompt

if TYPE_CHECKING:
    from reader.pipeline import Opening
    from widgets.app import KreaderApp

KEPT_DOCUMENTS = 8  # enriched Documents kept for switching back without cleaning again
# Keys that move the focus or open a line to type in: priority bindings, run as the app reads
# them, so that the keys typed right after (`/word`, `fv`, `:n`) reach the new focus and not the
# old one (Textual hands a key to the focused widget's queue before the previous one is handled).
TYPED_AHEAD = frozenset({"article_command", "search", "focus_figures", "focus_sections"})
COLON_COMMANDS = {"n": "next", "p": "previous", "x": "first", "l": "list"}  # less's :n :p :x, and the picker

ARTICLES_BINDINGS = [
    Binding(
        "colon",
        "article_command",
        "Article command",
        show=False,
        priority=True,  # handled before the next key is read: `:n` typed fast reaches the prompt whole
        id="articles.command",
        tooltip=":n next article, :p previous, :x first, :l the list",
    ),
    Binding("right_curly_bracket", "step_article(1)", "Next article", show=False, id="articles.next"),
    Binding("left_curly_bracket", "step_article(-1)", "Previous article", show=False, id="articles.previous"),
    Binding("a", "pick_article", "Open article…", show=False, id="articles.pick", tooltip="pick one of the list"),
]


@dataclass(frozen=True)
class Kept:
    """An article switched away from: its Document as shown, and the version of its file."""

    document: Document
    stamp: FileStamp | None
    keep_boilerplate: bool


def picker_line(articles: ArticleList, index: int, unreadable: Mapping[int, str]) -> str:
    """How the picker lists an article: its place, its name made safe, what it is now.

    >>> picker_line(ArticleList(("a.txt", "b\\x1b.txt")), 1, {1: "binary"})
    '2/2  b\\\\x1b.txt  (cannot be read)'
    """
    state = "  (shown)" if index == articles.current else "  (cannot be read)" if index in unreadable else ""
    return f"{index + 1}/{len(articles.paths)}  {shown_name(articles.paths[index])}{state}"


class Articles:
    """The list of articles the app was given and the switching between them."""

    def __init__(self, app: KreaderApp, articles: ArticleList | None, unreadable: Mapping[int, str] | None) -> None:
        self.app = app
        self.list = articles or ArticleList((app.document.source,))
        self.unreadable: dict[int, str] = dict(unreadable or {})  # index -> why it cannot be opened
        self.parked: dict[int, Parked] = {}  # the review of each article left
        self.kept: OrderedDict[int, Kept] = OrderedDict()  # the last few articles left, shown again at once
        self.wanted: int | None = None  # the article being opened to be shown next
        self._direction = 0  # the way the list is being stepped (0: an article picked)

    @property
    def label(self) -> str:
        """``2/7`` in the header ("" for one article)."""
        return self.list.label

    def mount(self) -> None:
        self.app.query_one(HeaderBar).show_position(self.label)
        if self.unreadable:
            names = ", ".join(shown_name(self.list.paths[k]) for k in sorted(self.unreadable))
            n = len(self.unreadable)
            self.app.notify(
                f"{n} article{'s' if n > 1 else ''} cannot be read and {'are' if n > 1 else 'is'} skipped: {names}",
                severity="warning",
                timeout=10,
                markup=False,
            )

    # ------------------------------------------------------------ commands

    def allows(self, action: str) -> bool:
        """May ``action`` run now? The keys of :data:`TYPED_AHEAD` act over the article only,
        not in a line being typed (search, note) nor over another screen."""
        if action not in TYPED_AHEAD:
            return True
        return self.app.screen is self.app.screen_stack[0] and not isinstance(self.app.focused, Input)

    def command(self) -> None:
        """``:`` then a letter, as in less."""

        def chosen(letter: str | None) -> None:
            what = COLON_COMMANDS.get(letter or "")
            if what == "next" or what == "previous":
                self.step(1 if what == "next" else -1)
            elif what == "first":
                self.go(0)
            elif what == "list":
                self.pick()
            elif letter:
                self.app.notify(
                    f":{shown_name(letter)} is not a command here: :n next article, :p previous, :x first, :l the list",
                    markup=False,
                    timeout=4,
                )

        self.app.push_screen(ColonPrompt(), chosen)

    def step(self, direction: int) -> None:
        if not self.list.several:
            self.app.notify("Only one article is open (kreader a.txt b.txt … or a folder opens several).", timeout=4)
            return
        self._step_from(self.list.current if self.wanted is None else self.wanted, direction)

    def _step_from(self, index: int, direction: int) -> None:
        target = self.list.at(index).step(direction, skip=self.unreadable)
        if target is None:
            end = "last" if direction > 0 else "first"
            self.app.notify(f"This is the {end} article ({self.label}).", timeout=3, markup=False)
            return
        self.go(target.current, direction)

    def pick(self) -> None:
        self.app.push_screen(CommandPalette(providers=[ArticlePicker], placeholder="Open article…"))

    # ----------------------------------------------------------- switching

    def go(self, index: int, direction: int = 0) -> None:
        """Show the article at ``index`` of the list: at once if it was shown before, else once
        its preview is ready (a thread worker reads and opens it; the article shown stays
        meanwhile).  One that cannot be opened is told and, when stepping (``direction``),
        stepped over."""
        if index == self.list.current and self.wanted is None:
            return
        if index in self.kept:
            self.wanted = None
            kept = self.kept[index]
            self._show(index, kept.document, None, kept)
            return
        self.wanted, self._direction = index, direction
        path = self.list.paths[index]
        self.app.enrichment = f"opening {shown_name(path)}…"
        self.app.run_worker(
            partial(self._open, index, path),
            thread=True,
            exclusive=True,
            group="switch",
            exit_on_error=False,
            description="open another article",
        )

    def _open(self, index: int, path: str) -> None:
        """In a thread: read the file (a large one takes a moment), start cleaning it, and
        send its preview (the whole article when it is short)."""
        from reader.load import LoadError
        from reader.pipeline import open_document

        opening = None
        try:
            shown = stamp(path)  # before reading: a change while reading is offered
            opening = open_document(path)
            message = Switched(index, opening.preview(), opening, stamp=shown)
        except LoadError as error:
            message = Switched(index, error=str(error), refused=True)
        except Exception as error:  # noqa: BLE001 - told in the app; the article shown stays
            message = Switched(index, opening=opening, error=f"{type(error).__name__}: {error}")
        try:
            self.app.post_message(message)
        except RuntimeError:  # the app quit meanwhile
            if opening is not None:
                opening.cancel()

    def on_switched(self, message: Switched) -> None:
        opening = message.opening
        if message.index != self.wanted:  # another article was asked for meanwhile
            if opening is not None:
                opening.cancel()  # type: ignore[attr-defined]
            return
        self.wanted = None
        self.app.enrichment = ""
        if message.document is None:
            self.unreadable[message.index] = message.error
            if message.refused:  # kreader does not open it (binary, missing…): the list goes on
                self.app.notify(f"{shown_name(message.error)}: skipped", severity="warning", timeout=8, markup=False)
                if self._direction:
                    self._step_from(message.index, self._direction)
            else:
                why = shown_name(message.error)
                self.app.notify(f"Could not open the article: {why}", severity="error", markup=False)
            return
        self._show(message.index, message.document, opening, None, message.stamp)  # type: ignore[arg-type]

    def _park(self) -> None:
        """Keep what the article left was, to show it again as it is."""
        app, index = self.app, self.list.current
        self.parked[index] = app.review.park()
        if app.loading.opened:
            self.kept[index] = Kept(app.document, app.file_watch.shown, app.file_watch.keep_boilerplate)
            self.kept.move_to_end(index)
            while len(self.kept) > KEPT_DOCUMENTS:
                self.kept.popitem(last=False)

    def _show(
        self, index: int, doc: Document, opening: Opening | None, kept: Kept | None, shown: FileStamp | None = None
    ) -> None:
        """Swap the article shown for ``doc``, as at start: the review belongs to the whole text."""
        app = self.app
        self._park()
        app.loading.stop()
        whole = opening is None or opening.done()
        persist = app.persist_review or app.persist_when_opened
        app.persist_when_opened, app.persist_review = persist and not whole, persist and whole
        app.review.expect(self.parked.get(index))
        enrich = app.loading.enrich_on_open and (kept is None or not doc.keywords)  # an article left half-enriched
        app.loading = DocumentLoading(app, opening, enrich=enrich)
        app.places.forget()  # a jump back would land in the article left
        self.list = self.list.at(index)
        stamp_shown = kept.stamp if kept else shown
        app.file_watch.follow(doc.source, stamp_shown, keep_boilerplate=kept.keep_boilerplate if kept else False)
        app.enrichment = ""
        app.article.scroll_to(y=0, animate=False, immediate=True)  # the saved place is restored after
        app.set_document(doc)
        app.query_one(HeaderBar).show_position(self.label)
        app._show_header()
        app.query_one(FigurePreview).show(doc, None)
        app.loading.start()


class ArticlePicker(Provider):
    """The command palette's list of the articles (``a``, ``:l``, "Open article…")."""

    def _items(self) -> list[tuple[str, int]]:
        articles: Articles = self.app.articles  # type: ignore[attr-defined]
        return [(picker_line(articles.list, k, articles.unreadable), k) for k in range(len(articles.list.paths))]

    def _open(self, index: int) -> None:
        self.app.articles.go(index)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for line, index in self._items():
            yield DiscoveryHit(Content(line), partial(self._open, index), text=line)

    async def search(self, query: str) -> Hits:
        from widgets.commands import highlighted

        matcher = self.matcher(query)
        for line, index in self._items():
            score = matcher.match(line)
            if score > 0:
                yield Hit(score, highlighted(matcher, line), partial(self._open, index), text=line)
