"""Painting half of the article view: styled strips of a block (a mixin).

A block's strips are cached under a key holding everything that changes
them, so that no state change has to invalidate the cache.  Article text
is never markup: it goes into ``rich.text.Text`` as plain text, control
characters shown as symbols.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from widgets.article_layout import terminal_safe
from widgets.article_lines import GUTTER


class ArticlePaint:
    """Mixed into :class:`~widgets.article_view.ArticleView` (which holds the state)."""

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
        has_hit = bool(self._hit_spans.within(lo, hi))
        current = self.hits[self.current_hit][0] if 0 <= self.current_hit < len(self.hits) else -1
        fig = self.selected_figure
        fig_here = 0 <= fig < len(self.document.figures) and lo <= self.document.figures[fig].start < hi
        return (
            i, self.script, self.text_width, self._fig_version, self._kw_version, self.highlight,
            self.search_query if has_hit else "", current if lo <= current < hi else -1,
            fig if fig_here else -1, self._shows_original(i),
        )

    def _block_strips(self, i: int) -> list[Strip]:
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

    def _build_strips(self, i: int, key: tuple) -> list[Strip]:
        b = self.blocks[i]
        base = self._style("base")
        console = self.app.console
        conv = self._conversion(i)
        text_style = base + self._style("article-view--heading") if b.heading else base
        # Text.render drops a Text's own style when it has no spans: use a span.
        text = Text(terminal_safe(conv.text), no_wrap=True, end="")
        text.stylize(text_style)
        for s, e, style in self._marks(i, conv, key[7], key[8]):
            if e > s:
                text.stylize(style, s, e)
        blank = Strip.blank(0)
        strips = [blank] * b.top_gap
        strips += _line_strips(text, self._lines(i), console)
        if self._shows_original(i):
            orig_style = base + self._style("article-view--original")
            orig = Text(terminal_safe(b.paragraph.text), no_wrap=True, end="")
            orig.stylize(orig_style)
            strips += _line_strips(orig, self._original_lines(i), console)
        strips.extend([blank] * b.bottom_gap)
        return strips


def _line_strips(text: Text, lines, console) -> list[Strip]:
    """One strip per (start, end) line, from a single Text.divide: slicing the Text once per
    line copies the whole paragraph each time (minutes for a 1 MB paragraph)."""
    offsets = sorted({o for line in lines for o in line})
    pieces = text.divide(offsets)
    starts, at = {}, 0
    for k, piece in enumerate(pieces):
        starts[at] = k  # the last piece starting here: divide() may put an empty one first
        at += len(piece)
    out = []
    for s, e in lines:
        line = pieces[starts[s]] if e > s else Text("")
        out.append(Strip(line.render(console), line.cell_len))
    return out
