"""Painting the article view: styled strips of a block (the view's ``painter``).

A block's strips are cached under a key holding everything that changes
them, so that no state change has to invalidate the cache.  Article text
is never markup: it goes into ``rich.text.Text`` as plain text, control
characters shown as symbols.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from widgets.article.layout import Conversion, terminal_safe

if TYPE_CHECKING:
    from widgets.article.view import ArticleView

GUTTER = 2  # cells left of the text: the current-paragraph bar, or the marks of a comparison
ORIGINAL_BADGE = "原"  # first row of a paragraph's original-script comparison (o), reversed: a badge
ORIGINAL_RULE = "┆ "  # its other rows

Mark = tuple[int, int, Style]  # a style over a span of the converted text
BlockKey = tuple[Any, ...]  # block, script, width, versions, states... (see Painter.block_key)
# a run of rows: its text, style, marks (weakest first) and line spans (or ruby lines)
Part = tuple[str, Style, "list[Mark]", Sequence[Any]]


class Painter:
    """Paints the article view's blocks: the view's ``painter``."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.styles: dict[str, Style] = {}  # component styles of the frame being rendered

    def new_frame(self, base: Style) -> None:
        """Forget the last frame's styles (the theme or the focus may have changed them)."""
        self.styles = {"base": base}

    def style(self, name: str) -> Style:
        """A component style, looked up once per frame (the lookup is not cheap)."""
        style = self.styles.get(name)
        if style is None:
            style = self.styles[name] = self.view.get_component_rich_style(name)
        return style

    def gutter(self, i: int, r: int) -> Strip:
        """Left of row ``r`` of block ``i``: the bar on the current paragraph's text, 原 and ┆ on a comparison."""
        view = self.view
        b = view.blocks[i]
        r = view.text_layout.gutter_row(i, r)
        n = len(view.text_layout.lines(i))
        base = self.style("base")
        if b.top_gap <= r < b.top_gap + n and i == view.current_block:
            return Strip([Segment("▌", base + self.style("article-view--cursor")), Segment(" ", base)], GUTTER)
        if view.shows_original(i) and r >= b.top_gap + n:
            # outside the text flow: a badge on the comparison's first row, a rule beside the rest
            k = r - b.top_gap - n
            if k == 0:
                return Strip([Segment(ORIGINAL_BADGE, base + self.style("article-view--label"))], GUTTER)
            if k < len(view.text_layout.original_lines(i)):
                return Strip([Segment(ORIGINAL_RULE, base + self.style("article-view--original-rule"))], GUTTER)
        return Strip.blank(GUTTER, base)

    def block_key(self, i: int) -> BlockKey:
        """Everything that changes the strips of block ``i`` (their cache key)."""
        view = self.view
        para = view.blocks[i].paragraph
        lo, hi = para.start, para.end
        search = view.search
        has_hit = search.spans.any_within(lo, hi)
        current = search.current_start()
        fig = view.selected_figure
        fig_here = 0 <= fig < len(view.document.figures) and lo <= view.document.figures[fig].start < hi
        key: BlockKey = (
            i,
            view.script,
            view.text_width,
            view.fig_version,
            view.kw_version,
            view.highlight,
            view.search_query if has_hit else "",
            current if lo <= current < hi else -1,
            fig if fig_here else -1,
            view.shows_original(i),
            *view.text_layout.key,
        )
        word = view.word_cursor
        if word is not None and lo <= word[0] < hi:
            key += (("word", *word),)
        return key

    def block_strips(self, i: int, key: BlockKey | None = None) -> BlockStrips:
        if key is None:
            key = self.block_key(i)
        strips = self.view.strips.get(key)
        if strips is None:
            strips = self.view.strips[key] = self.build_strips(i, key)
        return strips

    def marks(self, i: int, conv: Conversion, current_hit: int, selected: int) -> list[Mark]:
        """Styles over the converted paragraph text, weakest first."""
        view = self.view
        para = view.blocks[i].paragraph
        lo, hi = para.start, para.end
        style = self.style
        marks: list[Mark] = []

        def add(s: int, e: int, name: str) -> None:
            cs, ce = conv.span_to_converted(s - lo, min(e, hi) - lo)
            marks.append((cs, ce, style(name)))

        for s, e, k in view.figure_spans.within(lo, hi):
            if k != selected:
                add(s, e, "article-view--figure")
        if view.highlight:
            for s, e, user in view.keyword_spans.within(lo, hi):
                add(s, e, "article-view--user-keyword" if user else "article-view--keyword")
        for s, e, kind in view.flagged_spans.within(lo, hi):
            add(s, e, "article-view--boilerplate" if kind == "boilerplate" else "article-view--damaged")
        for s, e, _x in view.inferred_spans.within(lo, hi):
            add(s, e, "article-view--inferred")
        for s, e, _t in view.search.spans.within(lo, hi):
            add(s, e, "article-view--search-current" if s == current_hit else "article-view--search")
        for s, e, k in view.figure_spans.within(lo, hi):
            if k == selected:
                add(s, e, "article-view--figure-selected")
        word = view.word_cursor
        if word is not None and lo <= word[0] < hi:
            add(word[0], word[1], "article-view--word")
        return marks

    def build_strips(self, i: int, key: BlockKey) -> BlockStrips:
        view = self.view
        layout = view.text_layout
        b = view.blocks[i]
        base = self.style("base")
        conv = layout.conversion(i)
        text_style = base + self.style("article-view--heading") if b.heading else base
        current_hit, selected = key[7], key[8]
        assert isinstance(current_hit, int) and isinstance(selected, int)
        found = [(s, e, style) for s, e, style in self.marks(i, conv, current_hit, selected) if e > s]
        marks = _Marks(found) if len(found) > 64 else found
        parts: list[Part] = [(terminal_safe(conv.text), text_style, marks, layout.shown_lines(i))]
        if view.shows_original(i):
            orig_style = base + self.style("article-view--original")
            parts.append((terminal_safe(b.paragraph.text), orig_style, [], layout.original_lines(i)))
        return layout.strips(view.app.console, b.top_gap, parts, b.bottom_gap, self)


class _Marks(list[Mark]):
    """A block's marks (weakest first) with an index by start, for blocks with many."""

    def __init__(self, marks: list[Mark]) -> None:
        super().__init__(marks)
        order = sorted(range(len(marks)), key=lambda k: marks[k][0])
        self.order = order
        self.starts = [marks[k][0] for k in order]
        self.longest = max((e - s for s, e, _m in marks), default=0)


def overlapping(marks: list[Mark], s: int, e: int) -> list[Mark]:
    """The marks over ``[s, e)``, in their order."""
    if not isinstance(marks, _Marks):
        return [m for m in marks if m[0] < e and m[1] > s]
    lo = bisect.bisect_left(marks.starts, s - marks.longest)
    hi = bisect.bisect_left(marks.starts, e)
    found = sorted(k for k in marks.order[lo:hi] if marks[k][1] > s)
    return [marks[k] for k in found]


class BlockStrips:
    """The strips of one block, each line rendered when first asked for.

    A paragraph is styled line by line (its marks clipped to the line), so a
    paragraph of a million characters costs what its visible lines cost, not
    a re-slicing of the whole styled text per line.
    """

    __slots__ = ("console", "top", "parts", "bottom", "size", "cache")

    def __init__(self, console: Console, top: int, parts: list[Part], bottom: int) -> None:
        self.console = console
        self.top, self.parts, self.bottom = top, parts, bottom
        self.size = top + sum(len(lines) for _t, _s, _m, lines in parts) + bottom
        self.cache: dict[int, Strip] = {}

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, r: int) -> Strip:
        strip = self.cache.get(r)
        if strip is None:
            strip = self.cache[r] = self._render(r)
        return strip

    def _render(self, r: int) -> Strip:
        k = r - self.top
        if k < 0:
            return Strip.blank(0)
        for text, style, marks, lines in self.parts:
            if k < len(lines):
                s, e = lines[k]
                line = Text(text[s:e], no_wrap=True, end="")
                # Text.render drops a Text's own style when it has no spans: use a span.
                line.stylize(style)
                for ms, me, mark in overlapping(marks, s, e):  # weakest first, as listed
                    line.stylize(mark, max(ms, s) - s, min(me, e) - s)
                return Strip(line.render(self.console), line.cell_len)
            k -= len(lines)
        return Strip.blank(0)
