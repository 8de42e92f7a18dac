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

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.document import Document
from widgets.article.layout import LineIndex, block_at, blocks_of
from widgets.article.lines import EAGER_BLOCKS, GUTTER, MAX_MEASURE, ArticleLayout
from widgets.article.marks import SpanSet, figure_spans, inferred_spans, keyword_spans
from widgets.article.paint import ArticlePaint
from widgets.article.ruby import PINYIN_BINDINGS, PINYIN_COMPONENT_CLASSES, PINYIN_CSS, ArticleRuby
from widgets.article.search import ArticleSearch
from widgets.article.words import WORD_BINDINGS, WORD_COMPONENT_CLASSES, WORD_CSS, ArticleWords

__all__ = ["ArticleView", "EAGER_BLOCKS", "GUTTER", "MAX_MEASURE"]


class ArticleView(
    ArticleWords,
    ArticleRuby,
    ArticleLayout,
    ArticlePaint,
    ArticleSearch,
    ScrollView,
    can_focus=True,
    inherit_bindings=False,
):
    """The article text, wrapped, highlighted, in any script."""

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

    DEFAULT_CSS = PINYIN_CSS + WORD_CSS

    COMPONENT_CLASSES = {
        "article-view--heading",
        "article-view--keyword",
        "article-view--user-keyword",
        "article-view--figure",
        "article-view--figure-selected",
        "article-view--search",
        "article-view--search-current",
        "article-view--inferred",
        "article-view--original",
        "article-view--cursor",
        "article-view--label",
        *PINYIN_COMPONENT_CLASSES,
        *WORD_COMPONENT_CLASSES,
    }

    script: reactive[str] = reactive("original", init=False)
    highlight: reactive[bool] = reactive(True, init=False)
    search_query: reactive[str] = reactive("", init=False)
    selected_figure: reactive[int] = reactive(-1, init=False)

    class Moved(Message):
        """The paragraph at the top of the view or the visible range changed."""

        def __init__(self, block: int, section: int, start: int, end: int) -> None:
            super().__init__()
            self.block = block  # index of the current block
            self.section = section
            self.start = start  # document offsets of the visible text
            self.end = end

    class FirstPaint(Message):
        """The article has been painted once."""

    class Notice(Message):
        """Something the user should be told (plain text, never markup)."""

        def __init__(self, text: str, severity: str = "information") -> None:
            super().__init__()
            self.text = text
            self.severity = severity

    def __init__(self, document: Document, *, name=None, id=None, classes=None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._converted: LRUCache = LRUCache(4096)
        self._wrapped: LRUCache = LRUCache(4096)
        self._strips: LRUCache = LRUCache(2048)
        self._screen_lines: LRUCache = LRUCache(1024)
        self._frame: tuple | None = None  # while a frame renders: see _new_frame
        self._originals: set[int] = set()
        self._layout_key: tuple | None = None
        self._index = LineIndex([])
        self._measured = bytearray()
        self._painted = False
        self._told_no_script = False
        self._last_moved: tuple | None = None
        self._travel = 1  # the direction of the last scroll (lines are rendered ahead that way)
        self.current_block = 0
        self.hits: list[tuple[int, int]] = []
        self._hit_spans = SpanSet()
        self.current_hit = -1
        self._search_origin = 0
        self._fig_version = 0
        self._kw_version = 0
        self._styles: dict[str, Style] = {}
        self._size_pending = False
        self._size_timer = None
        self.document = document
        self._set_document(document)

    # ------------------------------------------------------------ the model

    def _set_document(self, doc: Document) -> None:
        old = getattr(self, "document", None)
        self.document = doc
        if old is None or doc.sections is not old.sections or not hasattr(self, "blocks"):
            self.blocks = blocks_of(doc)
            self._starts = [b.paragraph.start for b in self.blocks]
            self._lengths = [len(b.paragraph.text) for b in self.blocks]
            self._gaps = [b.top_gap + b.bottom_gap for b in self.blocks]
        if old is None or doc.keywords is not old.keywords or not hasattr(self, "_keywords"):
            self._keywords = keyword_spans(doc)
        if old is None or doc.figures is not old.figures or not hasattr(self, "_figures"):
            self._figures = figure_spans(doc)
        if old is None or doc.repairs is not old.repairs or not hasattr(self, "_inferred"):
            self._inferred = inferred_spans(doc)

    def update_document(self, doc: Document) -> None:
        """Take a new version of the same article (figures, keywords added) in place."""
        old = self.document
        same_text = old.text == doc.text and old.sections == doc.sections
        anchor = self._anchor() if self._index.total else None
        self._set_document(doc)
        if old.figures != doc.figures:
            self._fig_version += 1  # figures are kept whole when wrapping
        if old.keywords != doc.keywords:
            self._kw_version += 1
        if not same_text:
            self._converted.clear()
            self._wrapped.clear()
            self._strips.clear()
            self._screen_lines.clear()
            self._originals.clear()
        self._layout_key = None
        self._relayout(anchor, keep_heights=same_text)
        if not same_text and self.search_query:
            self._restart_search()  # the hits were offsets into the old text

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._screen_lines.clear()

    # ------------------------------------------------------------ rendering

    def render_lines(self, crop: Region) -> list[Strip]:
        self._styles = {"base": self.rich_style}
        if self.blocks:
            self._prepare()
        self._frame = self._new_frame()
        try:
            lines = super().render_lines(crop)
        finally:
            self._frame = None
        # Rendering runs in the screen's context: a message created here would
        # stop bubbling at the screen, so post from the view's own queue.
        if not self._painted and self.blocks and self.size.height:
            self._painted = True
            self.call_next(self._post, self.FirstPaint)
        self.call_next(self._post_moved)
        return lines

    def _new_frame(self) -> tuple[int, Style, dict[int, tuple]]:
        """What every line of a frame shares, worked out once: the width (a chain of
        style lookups), the base style, and each block's key as it is first needed."""
        return self.scrollable_content_region.width, self._styles.get("base") or self.rich_style, {}

    def render_line(self, y: int) -> Strip:
        return self._screen_line(round(self.scroll_y) + y, self._frame or self._new_frame())

    def _screen_line(self, row: int, frame: tuple[int, Style, dict[int, tuple]]) -> Strip:
        width, base, block_keys = frame
        if not self.blocks:
            if row == 0:
                return Strip([Segment("  (this article has no text)", base)]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        if row >= self._index.total:
            return Strip.blank(width, base)
        i, r = self._index.find(row)
        key = block_keys.get(i)
        if key is None:
            key = block_keys[i] = self._block_key(i)
        # A screen line is its block's strip behind the gutter, cropped to the view:
        # cached under everything that changes it, like the block strips.
        line_key = (key, r, width, base, i == self.current_block)
        line = self._screen_lines.get(line_key)
        if line is None:
            strips = self._block_strips(i, key)
            body = strips[r] if r < len(strips) else Strip.blank(0)
            line = self._screen_lines[line_key] = Strip.join([self._gutter(i, r), body]).crop_extend(0, width, base)
        return line

    # ------------------------------------------------------------- position

    def _current(self) -> int:
        if not self.blocks:
            return 0
        i, r = self._index.find(round(self.scroll_y))
        b = self.blocks[i]
        if r >= self._index.height(i) - b.bottom_gap and i + 1 < len(self.blocks):
            return i + 1
        return i

    def _post(self, message_class: type[Message], *args) -> None:
        """Create and post a message from the view's own queue (so it bubbles to the app)."""
        self.post_message(message_class(*args))

    def _post_moved(self) -> None:
        if not self.blocks or not len(self._index):
            return
        # Wrap around the new position first, so that the block under the top row
        # is final: the app's panels then update in the same frame as the text.
        self._prepare()
        current = self._current()
        y = round(self.scroll_y)
        last, _ = self._index.find(y + max(1, self.scrollable_content_region.height) - 1)
        state = (current, last)
        if state != self._last_moved:
            if current != self.current_block:
                self.current_block = current
                self.refresh()
            self._last_moved = state
            self.call_after_refresh(self._render_ahead)
            b = self.blocks[current]
            # Straight to the app (its only reader): bubbling takes a hop per container, and
            # the status line would then miss the frame that shows the new text.
            self.app.post_message(self.Moved(current, b.section, b.paragraph.start, self.blocks[last].paragraph.end))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._travel = -1 if new < old else 1
        self.call_next(self._post_moved)

    def _render_ahead(self) -> None:
        """Render the next screenful in the direction of travel once a frame is out, while
        the reader reads it: the next page then comes from the line cache (the wrapping,
        styling and joining of new lines is 4 ms of a page-down's 15 on a 40-column view)."""
        if not self.blocks or "base" not in self._styles or not len(self._index):
            return
        height = max(1, self.scrollable_content_region.height)
        y = round(self.scroll_y)
        start = y + height if self._travel > 0 else max(0, y - height)
        frame = self._new_frame()
        for row in range(start, min(start + height, self._index.total)):
            self._screen_line(row, frame)

    def inferred_in(self, i: int) -> list:
        """The inferred characters (reader.clean.edits.Inferred) of block ``i``."""
        para = self.blocks[i].paragraph
        return [x for _s, _e, x in self._inferred.within(para.start, para.end)]

    @property
    def top_offset(self) -> int:
        """Document offset of the text at the top of the view."""
        return self._anchor()[1] if self.blocks else 0

    # ------------------------------------------------------------- movement

    def scroll_to_offset(self, offset: int, *, third: bool = False) -> None:
        """Bring document ``offset`` to the top (or to a third of the way down)."""
        if not self.blocks:
            return
        self._ensure_layout()
        i = block_at(self._starts, offset)
        row = self._index.top(i) + self._row_of_offset(i, offset)
        if third:
            row -= max(1, self.scrollable_content_region.height) // 3
        self._scroll_to_row(row)

    def go_to_block(self, i: int) -> None:
        if self.blocks:
            self._ensure_layout()
            i = max(0, min(i, len(self.blocks) - 1))
            self._scroll_to_row(self._index.top(i) + self.blocks[i].top_gap)

    def go_to_section(self, section: int) -> None:
        for b in self.blocks:
            if b.section >= section:
                self.go_to_block(b.index)
                return

    def step_section(self, direction: int) -> None:
        if not self.blocks:
            return
        current = self.blocks[self._current()]
        firsts = {}
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

    def action_line(self, n: int) -> None:
        self._scroll_to_row(round(self.scroll_y) + n, relative=True)

    def action_page(self, n: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self._scroll_to_row(round(self.scroll_y) + n * page, relative=True)

    def action_home(self) -> None:
        self._scroll_to_row(0)

    @property
    def end_row(self) -> int:
        """The scroll position that shows the last line at the bottom."""
        return max(0, self._index.total - self.scrollable_content_region.height)

    def action_end(self) -> None:
        self._scroll_to_row(self.end_row)

    def action_toggle_original(self) -> None:
        if self.script == "original":
            self.post_message(self.Notice("The article is shown in its original script already (t changes it)."))
            return
        if not self.blocks:
            return  # nothing to compare
        i = self._current()
        self._originals.symmetric_difference_update({i})
        self._measure(i)
        self._update_virtual_size()
        self.refresh()

    # ------------------------------------------------------------- watchers

    def watch_script(self) -> None:
        anchor = self._anchor() if self._index.total else None  # still in the old layout
        self._layout_key = None
        self._relayout(anchor, keep_heights=True)
        self._last_moved = None

    def watch_highlight(self) -> None:
        self.refresh()

    def watch_selected_figure(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._ensure_layout()
