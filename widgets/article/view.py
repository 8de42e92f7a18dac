"""The article: a Line API scroll view over the document's blocks.

Like toolong's log view, nothing is rendered ahead: ``render_line`` looks the
row up in a :class:`~widgets.article.layout.LineIndex`, and the strips of a
block are cached under a key holding everything that changes them (block,
width, script, highlight state, search query, selected figure...), so a
state change never has to invalidate anything.  Blocks are wrapped lazily
(heights start as estimates) and the top of the view is kept steady while
estimates above it are corrected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.clean.edits import Inferred
from reader.document import Document
from widgets.article.layout import Block, block_at, blocks_of
from widgets.article.lines import EAGER_BLOCKS, GUTTER, MAX_MEASURE, PlainLayout
from widgets.article.marks import figure_spans, flagged_spans, inferred_spans, keyword_spans
from widgets.article.paint import BlockKey, BlockStrips, Painter
from widgets.article.rows import ArticleRows
from widgets.article.ruby import (
    PINYIN_BINDINGS,
    PINYIN_COMPONENT_CLASSES,
    PINYIN_CSS,
    RubyLayout,
    wanted_mode,
)
from widgets.article.screen_lines import Frame, ScreenLines
from widgets.article.search import ArticleSearch
from widgets.article.warmup import ReadingsWarmup
from widgets.article.words import WORD_ACTIONS, WORD_BINDINGS, WORD_COMPONENT_CLASSES, ArticleWords
from widgets.messages import FirstPaint, Moved, Notice
from widgets.styles import marks_css

__all__ = ["ArticleView", "EAGER_BLOCKS", "GUTTER", "MAX_MEASURE"]

Word = tuple[int, int]


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article text, wrapped, highlighted, in any script.

    It holds its collaborators: ``text_layout`` (the plain or the ruby strategy),
    ``rows`` (where each block is), ``painter``, ``screen_lines`` (rows as shown,
    what is on screen), ``search``, ``words`` and ``warmup``.
    """

    BINDINGS = [
        *WORD_BINDINGS,  # first: in word mode the arrows move the word cursor
        Binding("j,down", "line(1)", "Down", show=False, id="article.down"),
        Binding("k,up", "line(-1)", "Up", show=False, id="article.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="article.page-down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="article.page-up"),
        Binding("g,home", "home", "Top", show=False, id="article.home"),
        Binding("G,end", "end", "End", show=False, id="article.end"),
        Binding(
            "o",
            "toggle_original",
            "Original",
            id="article.original",
            tooltip="Show the current paragraph in its original script below it",
        ),
        *PINYIN_BINDINGS,
    ]

    DEFAULT_CSS = PINYIN_CSS + marks_css("ArticleView")  # the marks in each display mode: widgets/styles.py
    SCOPED_CSS = False  # the mode is a class of the app, above this widget

    COMPONENT_CLASSES = {
        "article-view--heading",
        "article-view--keyword",
        "article-view--user-keyword",
        "article-view--figure",
        "article-view--figure-selected",
        "article-view--search",
        "article-view--search-current",
        "article-view--inferred",
        "article-view--boilerplate",
        "article-view--damaged",
        "article-view--original",
        "article-view--cursor",
        "article-view--label",
        "article-view--original-rule",
        *PINYIN_COMPONENT_CLASSES,
        *WORD_COMPONENT_CLASSES,
    }

    script: reactive[str] = reactive("original", init=False)
    highlight: reactive[bool] = reactive(True, init=False)
    search_query: reactive[str] = reactive("", init=False)
    selected_figure: reactive[int] = reactive(-1, init=False)
    current_block: reactive[int] = reactive(0, init=False)  # the paragraph the reader is at (the bar)
    pinyin: reactive[bool] = reactive(False, init=False)  # readings shown (over the text or after words)
    tones: reactive[bool] = reactive(False, init=False)  # readings coloured by tone
    word_cursor: reactive[Word | None] = reactive(None, init=False)  # word mode's word, offsets into the text

    Moved = Moved
    FirstPaint = FirstPaint
    Notice = Notice

    def __init__(
        self, document: Document, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.converted: LRUCache[tuple[Any, ...], Any] = LRUCache(4096)  # conversions and readings of blocks
        self.wrapped: LRUCache[tuple[Any, ...], Any] = LRUCache(4096)  # lines of blocks
        self.strips: LRUCache[BlockKey, BlockStrips] = LRUCache(2048)
        self._frame: Frame | None = None  # while a frame renders: see ScreenLines.frame
        self.originals: set[int] = set()  # blocks shown with their original-script comparison
        self.painted = False  # the article has been painted once (FirstPaint was posted)
        self._told_no_script = False
        self.fig_version = 0
        self.kw_version = 0
        self.text_layout: PlainLayout = PlainLayout(self)  # the plain or the ruby strategy
        self.rows = ArticleRows(self)
        self.painter = Painter(self)
        self.screen_lines = ScreenLines(self)  # rows as shown, cached; Moved told
        self.search = ArticleSearch(self)
        self.words = ArticleWords(self)
        self.warmup = ReadingsWarmup(self)  # pypinyin, jieba and the dictionary, loaded once
        self.document = document
        self._set_document(document, None)

    # ------------------------------------------------------------ the model

    def _set_document(self, doc: Document, old: Document | None) -> None:
        self.document = doc
        if old is None or doc.sections is not old.sections:
            self.blocks: tuple[Block, ...] = blocks_of(doc)
            self.starts = [b.paragraph.start for b in self.blocks]
            self.lengths = [len(b.paragraph.text) for b in self.blocks]
            self.gaps = [b.top_gap + b.bottom_gap for b in self.blocks]
        if old is None or doc.keywords is not old.keywords:
            self.keyword_spans = keyword_spans(doc)
        if old is None or doc.figures is not old.figures:
            self.figure_spans = figure_spans(doc)
        if old is None or doc.repairs is not old.repairs:
            self.inferred_spans = inferred_spans(doc)
            self.flagged_spans = flagged_spans(doc)

    def update_document(self, doc: Document) -> None:
        """Take a new version of the same article (figures, keywords added) in place."""
        old = self.document
        if doc.text != old.text:
            self.words.forget()
        same_text = old.text == doc.text and old.sections == doc.sections
        anchor = self.rows.anchor() if self.rows.total else None
        self._set_document(doc, old)
        if old.figures != doc.figures:
            self.fig_version += 1  # figures are kept whole when wrapping
        if old.keywords != doc.keywords:
            self.kw_version += 1
        if not same_text:
            self.converted.clear()
            self.wrapped.clear()
            self.strips.clear()
            self.screen_lines.forget()
            self.originals.clear()
        self.rows.relayout(anchor, keep_heights=same_text)
        if not same_text and self.search_query:
            self.search.restart()  # the hits were offsets into the old text

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.strips.clear()
        self.screen_lines.forget()

    def on_mount(self) -> None:
        # The scroll bar's column is kept whether or not the bar shows, so that the text
        # width does not change when the first layout finds the article taller than the
        # view (every block would be wrapped twice before the first paint).
        self.styles.scrollbar_gutter = "stable"

    @property
    def text_width(self) -> int:
        return max(4, min(MAX_MEASURE, self.scrollable_content_region.width - GUTTER - 1))

    def shows_original(self, i: int) -> bool:
        """Whether block ``i`` is shown with its original-script comparison under it."""
        return i in self.originals and self.script != "original"

    def block_at(self, offset: int) -> int:
        """The block holding document ``offset``."""
        return block_at(self.starts, offset)

    def tell_once_no_script(self) -> None:
        if not self._told_no_script:
            self._told_no_script = True
            self.call_next(self._post, Notice, "Script conversion is not available; showing the original.", "warning")

    # ------------------------------------------------------------ rendering

    def render_lines(self, crop: Region) -> list[Strip]:
        self.painter.new_frame(self.rich_style)
        if self.blocks:
            self.rows.prepare()
        self._frame = self.screen_lines.frame()
        try:
            lines = super().render_lines(crop)
        finally:
            self._frame = None
        # Rendering runs in the screen's context: a message created here would
        # stop bubbling at the screen, so post from the view's own queue.
        if not self.painted and self.blocks and self.size.height:
            self.painted = True
            self.call_next(self._post, FirstPaint)
        self.call_next(self.post_moved)
        return lines

    def render_line(self, y: int) -> Strip:
        return self.screen_lines.line(round(self.scroll_y) + y, self._frame)

    # ------------------------------------------------------------- position

    def _post(self, message_class: Callable[..., Message], *args: Any) -> None:
        """Create and post a message from the view's own queue (so it bubbles to the app)."""
        self.post_message(message_class(*args))

    def post_moved(self) -> None:
        self.screen_lines.post_moved()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.screen_lines.travel = -1 if new < old else 1
        self.call_next(self.post_moved)

    def inferred_in(self, i: int) -> list[Inferred]:
        """The inferred characters (reader.clean.edits.Inferred) of block ``i``."""
        para = self.blocks[i].paragraph
        return [x for _s, _e, x in self.inferred_spans.within(para.start, para.end)]

    @property
    def top_offset(self) -> int:
        """Document offset of the text at the top of the view."""
        return self.rows.anchor()[1] if self.blocks else 0

    def current_paragraph(self) -> Block:
        """The block the reader is at, from the scroll position itself (the view must have text)."""
        return self.blocks[self.rows.current()]

    def visible_range(self) -> tuple[int, int]:
        """Document offsets of the text on screen, by whole paragraphs ((0, 0) without text)."""
        return self.screen_lines.visible_range()

    def fit_layout(self) -> None:
        """Hold the layout the pinyin switch and the terminal's height call for."""
        mode = wanted_mode(self.scrollable_content_region.height) if self.pinyin else ""
        if mode == self.text_layout.mode:
            return
        anchor = self.rows.anchor() if self.rows.total else None  # in the old layout
        if anchor is not None and 0 < anchor[2] < self.text_layout.rows_per_line:
            anchor = (anchor[0], anchor[1], 0)  # on a line's text row: that line, whatever its rows now
        self.text_layout = RubyLayout(self, mode) if mode else PlainLayout(self)
        self.rows.relayout(anchor, keep_heights=True)
        self.screen_lines.last_moved = None

    # ------------------------------------------------------------- movement

    def scroll_to_offset(self, offset: int, *, third: bool = False) -> None:
        """Bring document ``offset`` to the top (or to a third of the way down)."""
        if not self.blocks:
            return
        row = self.rows.row_of(offset)
        if third:  # a jump to a thing (a hit, a figure): its paragraph is the reader's place
            row -= max(1, self.scrollable_content_region.height) // 3
        self.rows.scroll_to_row(row)
        if third:
            self.rows.pin(self.block_at(offset))
            self.call_next(self.post_moved)

    def go_to_block(self, i: int) -> None:
        if self.blocks:
            self.rows.ensure()
            i = max(0, min(i, len(self.blocks) - 1))
            self.rows.scroll_to_row(self.rows.index.top(i) + self.blocks[i].top_gap)

    def go_to_section(self, section: int) -> None:
        for b in self.blocks:
            if b.section >= section:
                self.go_to_block(b.index)
                return

    def step_section(self, direction: int) -> None:
        if not self.blocks:
            return
        current = self.blocks[self.rows.current()]
        firsts: dict[int, int] = {}
        for b in self.blocks:
            firsts.setdefault(b.section, b.index)
        order = sorted(firsts)
        at = order.index(current.section)
        if direction < 0 and firsts[current.section] < current.index:
            target = current.section  # back to the start of this section first
        else:
            target = order[max(0, min(len(order) - 1, at + direction))]
        self.go_to_block(firsts[target])

    def show_figure(self, k: int) -> None:
        if 0 <= k < len(self.document.figures):
            self.selected_figure = k
            self.scroll_to_offset(self.document.figures[k].start, third=True)

    def begin_search(self) -> None:
        self.search.begin()

    def next_hit(self, direction: int = 1) -> bool:
        """Go to the next (or previous) match; False when there is none (yet)."""
        return self.search.next_hit(direction)

    def action_line(self, n: int) -> None:
        self.rows.scroll_to_row(round(self.scroll_y) + n, relative=True)

    def action_page(self, n: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.rows.scroll_to_row(round(self.scroll_y) + n * page, relative=True)

    def action_home(self) -> None:
        self.rows.scroll_to_row(0)

    @property
    def end_row(self) -> int:
        """The scroll position that shows the last line at the bottom."""
        return max(0, self.rows.total - self.scrollable_content_region.height)

    def action_end(self) -> None:
        self.rows.scroll_to_row(self.end_row)

    def action_toggle_original(self) -> None:
        if self.script == "original":
            self.post_message(Notice("The article is shown in its original script already (t changes it)."))
            return
        if not self.blocks:
            return  # nothing to compare
        i = self.rows.current()
        self.originals.symmetric_difference_update({i})
        self.rows.measure(i)
        self.rows.update_virtual_size()
        self.refresh()

    def action_toggle_pinyin(self) -> None:
        if self.pinyin:
            self.pinyin = False
        else:
            self.warmup.turn_on()

    def action_toggle_tones(self) -> None:
        self.tones = not self.tones
        if not self.pinyin:
            self.post_message(Notice("Tone colours show with pinyin (p)."))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Outside word mode the arrows, Enter and Esc fall through to the view's other bindings.
        if action in WORD_ACTIONS:
            return self.word_cursor is not None
        return super().check_action(action, parameters)

    def action_word_mode(self) -> None:
        self.words.toggle()

    def action_word_leave(self) -> None:
        self.word_cursor = None

    def action_word_step(self, direction: int) -> None:
        self.words.step(direction)

    def action_word_line(self, direction: int) -> None:
        self.words.line(direction)

    def action_word_lookup(self) -> None:
        self.words.look_up()

    # ------------------------------------------------------------- watchers

    def watch_script(self) -> None:
        anchor = self.rows.anchor() if self.rows.total else None  # still in the old layout
        self.rows.relayout(anchor, keep_heights=True, same_rows=True)
        self.screen_lines.last_moved = None

    def watch_pinyin(self) -> None:
        self.fit_layout()

    def watch_search_query(self) -> None:
        self.search.restart()

    def watch_word_cursor(self, word: Word | None) -> None:
        if word is not None:
            self.words.keep_visible(word)
        self.refresh()
        self.refresh_bindings()

    def on_resize(self) -> None:
        self.rows.ensure()
