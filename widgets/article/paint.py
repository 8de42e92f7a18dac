"""Painting half of the article view: styled strips of a block (a mixin).

A block's strips are cached under a key holding everything that changes
them, so that no state change has to invalidate the cache.  Article text
is never markup: it goes into ``rich.text.Text`` as plain text, control
characters shown as symbols.
"""

from __future__ import annotations

import bisect

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from widgets.article.layout import terminal_safe
from widgets.article.lines import GUTTER


class ArticlePaint:
    """Mixed into :class:`~widgets.article.view.ArticleView` (which holds the state)."""

    def _style(self, name: str) -> Style:
        """A component style, looked up once per frame (the lookup is not cheap)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def _gutter(self, i: int, r: int) -> Strip:
        b = self.blocks[i]
        n = len(self._lines(i))
        base = self._style("base")
        if b.top_gap <= r < b.top_gap + n and i == self.current_block:
            return Strip([Segment("▌", base + self._style("article-view--cursor")), Segment(" ", base)], GUTTER)
        if self._shows_original(i) and r == b.top_gap + n:
            return Strip([Segment("原", base + self._style("article-view--label"))], GUTTER)
        return Strip.blank(GUTTER, base)

    def _block_key(self, i: int) -> tuple:
        para = self.blocks[i].paragraph
        lo, hi = para.start, para.end
        has_hit = self._hit_spans.any_within(lo, hi)
        current = self.hits[self.current_hit][0] if 0 <= self.current_hit < len(self.hits) else -1
        fig = self.selected_figure
        fig_here = 0 <= fig < len(self.document.figures) and lo <= self.document.figures[fig].start < hi
        return (
            i,
            self.script,
            self.text_width,
            self._fig_version,
            self._kw_version,
            self.highlight,
            self.search_query if has_hit else "",
            current if lo <= current < hi else -1,
            fig if fig_here else -1,
            self._shows_original(i),
        )

    def _block_strips(self, i: int, key: tuple | None = None) -> list[Strip]:
        if key is None:
            key = self._block_key(i)
        strips = self._strips.get(key)
        if strips is None:
            strips = self._build_strips(i, key)
            self._strips[key] = strips
        return strips

    def _marks(self, i: int, conv, current_hit: int, selected: int) -> list[tuple[int, int, Style]]:
        """Styles over the converted paragraph text, weakest first."""
        para = self.blocks[i].paragraph
        lo, hi = para.start, para.end
        style = self._style
        marks: list[tuple[int, int, Style]] = []

        def add(s: int, e: int, name: str) -> None:
            cs, ce = conv.span_to_converted(s - lo, min(e, hi) - lo)
            marks.append((cs, ce, style(name)))

        for s, e, k in self._figures.within(lo, hi):
            if k != selected:
                add(s, e, "article-view--figure")
        if self.highlight:
            for s, e, user in self._keywords.within(lo, hi):
                add(s, e, "article-view--user-keyword" if user else "article-view--keyword")
        for s, e, _x in self._inferred.within(lo, hi):
            add(s, e, "article-view--inferred")
        for s, e, _t in self._hit_spans.within(lo, hi):
            add(s, e, "article-view--search-current" if s == current_hit else "article-view--search")
        for s, e, k in self._figures.within(lo, hi):
            if k == selected:
                add(s, e, "article-view--figure-selected")
        return marks

    def _build_strips(self, i: int, key: tuple) -> BlockStrips:
        b = self.blocks[i]
        base = self._style("base")
        conv = self._conversion(i)
        text_style = base + self._style("article-view--heading") if b.heading else base
        marks = [(s, e, style) for s, e, style in self._marks(i, conv, key[7], key[8]) if e > s]
        if len(marks) > 64:
            marks = _Marks(marks)
        rows = [(terminal_safe(conv.text), text_style, marks, self._lines(i))]
        if self._shows_original(i):
            orig_style = base + self._style("article-view--original")
            rows.append((terminal_safe(b.paragraph.text), orig_style, [], self._original_lines(i)))
        return BlockStrips(self.app.console, b.top_gap, rows, b.bottom_gap)


class _Marks(list):
    """A block's marks (weakest first) with an index by start, for blocks with many."""

    def __init__(self, marks: list) -> None:
        super().__init__(marks)
        order = sorted(range(len(marks)), key=lambda k: marks[k][0])
        self.order = order
        self.starts = [marks[k][0] for k in order]
        self.longest = max((e - s for s, e, _m in marks), default=0)


def _overlapping(marks: list, s: int, e: int) -> list:
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

    def __init__(self, console, top: int, parts: list, bottom: int) -> None:
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
                for ms, me, mark in _overlapping(marks, s, e):  # weakest first, as listed
                    line.stylize(mark, max(ms, s) - s, min(me, e) - s)
                return Strip(line.render(self.console), line.cell_len)
            k -= len(lines)
        return Strip.blank(0)
