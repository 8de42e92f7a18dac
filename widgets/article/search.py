"""Search in pieces, from the reader's position on, in a worker.

A 10 MB article is searched in line-aligned chunks, the one at the reader's
position first and small, so the first hit shows at once while a worker goes
on through the rest; every chunk is matched in both scripts like
:func:`reader.text.script.find_all` (the Simplified forms of text and query are
compared, and the query as typed), without converting the whole text at once.  :class:`ArticleSearch` (the
article view's ``search``) runs it in a thread worker and merges the hits as
they come; the helpers above it are pure.

>>> text = "服務商\\n甲\\n服务商\\n乙\\n"
>>> list(chunks_from(text, 6, first=1, size=4))
[(6, 10), (10, 12), (0, 4), (4, 6)]
>>> find_in(text, "服务商", 0, len(text))
[(0, 3), (6, 9)]
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from widgets.article.marks import SpanSet
from widgets.messages import Searched

if TYPE_CHECKING:
    from reader.document import Document
    from widgets.article.view import ArticleView

FIRST_CHUNK = 16_000  # characters searched first, around the reader's position
CHUNK = 128_000  # then this many at a time (a few ms each: the interface stays responsive)


def _line_end(text: str, at: int) -> int:
    """The offset just after the line holding ``at`` (or the end of the text)."""
    if at >= len(text):
        return len(text)
    end = text.find("\n", at)
    return len(text) if end < 0 else end + 1


def chunks_from(text: str, origin: int, first: int = FIRST_CHUNK, size: int = CHUNK) -> Iterator[tuple[int, int]]:
    """Line-aligned ``(start, end)`` pieces covering ``text``: from the line of ``origin``
    to the end, then from the start up to there; the first piece is ``first`` long."""
    origin = max(0, min(origin, len(text)))
    begin = text.rfind("\n", 0, origin) + 1
    start, length = begin, first
    while start < len(text):
        end = _line_end(text, min(len(text), start + length) - 1) if length else start
        yield start, end
        start, length = end, size
    start = 0
    while start < begin:
        end = min(begin, _line_end(text, min(begin, start + size) - 1))
        yield start, end
        start = end


def pattern_error(query: str) -> str:
    """Why ``query`` is not a regular expression ("" when it is one).

    >>> pattern_error(r"\\d+萬"), pattern_error("(")
    ('', 'missing ), unterminated subpattern')
    """
    try:
        re.compile(query)
    except re.error as err:
        return str(err.msg)
    return ""


def find_in(
    text: str, query: str, start: int, end: int, ignore_case: bool = True, regex: bool = False
) -> list[tuple[int, int]]:
    """Matches of ``query`` in ``text[start:end]`` in either script, as offsets in ``text``;
    with ``regex`` the query is a regular expression (within a line; empty matches skipped).

    >>> find_in("GMV、gmv 過去", "Gmv", 0, 10), find_in("GMV、gmv 過去", "过去", 4, 10)
    ([(0, 3), (4, 7)], [(8, 10)])
    >>> find_in("賣出223萬元，2.8萬", r"[\\d.]+萬", 0, 13, regex=True), find_in("ab", "(", 0, 2, regex=True)
    ([(2, 6), (8, 12)], [])
    """
    if not query or (regex and pattern_error(query)):
        return []
    from reader.text.script import to_simplified

    flags = re.IGNORECASE if ignore_case else 0
    piece = text[start:end]
    simple = to_simplified(piece)  # OpenCC t2s keeps the length: offsets stay the same
    quote = (lambda q: q) if regex else re.escape
    hits = {m.span() for m in re.finditer(quote(to_simplified(query)), simple, flags)}
    hits.update(m.span() for m in re.finditer(quote(query), piece, flags))
    return sorted((start + s, start + e) for s, e in hits if e > s)


def shown_lines(doc) -> tuple[list[int], list[int]]:
    """The starts and ends of the lines the article shows (headings and paragraphs as the
    view paints them: a Markdown heading's hashes and a line's indentation are not shown)."""
    paragraphs = doc.paragraphs
    return [p.start for p in paragraphs], [p.end for p in paragraphs]


def on_screen_only(hits: list[tuple[int, int]], starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    """The ``hits`` that lie inside one shown line (search matches what is shown).

    >>> on_screen_only([(0, 1), (3, 5), (4, 9)], [3], [8])
    [(3, 5)]
    """
    kept = []
    for s, e in hits:
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and e <= ends[k]:
            kept.append((s, e))
    return kept


class ArticleSearch:
    """The search of the article view (its ``search``): the hits so far and the one shown.

    The query is the view's ``search_query`` reactive; setting it restarts the
    search from the reader's position (see :meth:`begin`).
    """

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.hits: list[tuple[int, int]] = []  # document spans, in order
        self.spans = SpanSet()  # the hits, for painting
        self.current = -1  # index in hits of the hit shown, -1 for none yet
        self.searching = False  # a worker is still going through the article
        self.origin = 0  # the document offset the search starts from
        self.regex = False  # the query is a regular expression (ctrl+r in the search line)
        self._generation = 0
        self._spans_made = 0.0

    def begin(self) -> None:
        """The next search starts at the reader's position."""
        self.origin = self.view.top_offset

    def current_start(self) -> int:
        """The document offset of the hit shown (-1 for none)."""
        return self.hits[self.current][0] if 0 <= self.current < len(self.hits) else -1

    def restart(self) -> None:
        view = self.view
        self._generation += 1
        self.hits = []
        self.spans = SpanSet()
        self.current = -1
        self.searching = bool(view.search_query)
        if self.searching:
            doc, query, origin, generation = view.document, view.search_query, self.origin, self._generation
            regex = self.regex
            # Given a description: Textual would otherwise repr() the arguments (the whole
            # text) on the UI thread, 40 ms on 10 MB before the first chunk is searched.
            view.run_worker(
                lambda: self._search(doc, query, origin, generation, regex),
                thread=True,
                exclusive=True,
                group="search",
                exit_on_error=False,
                description="search the article",
            )
        else:
            view.app.post_message(Searched("", True))
        view.refresh()

    def _search(self, doc: Document, query: str, origin: int, generation: int, regex: bool = False) -> None:
        worker = get_current_worker()
        app = self.view.app
        text, lines = doc.text, None
        for start, end in chunks_from(text, origin):
            if worker.is_cancelled or generation != self._generation:
                return
            spans = find_in(text, query, start, end, regex=regex)
            if spans:
                lines = lines or shown_lines(doc)  # only once something is found: the first hit at once
                spans = on_screen_only(spans, *lines)
            if spans:
                app.call_from_thread(self._found, generation, start, spans, False)
        if not worker.is_cancelled:
            app.call_from_thread(self._found, generation, 0, [], True)

    def _found(self, generation: int, start: int, spans: list[tuple[int, int]], done: bool) -> None:
        if generation != self._generation:
            return  # hits for an older query
        if spans:
            at = bisect.bisect_left(self.hits, (start, -1))  # a chunk is one contiguous stretch
            current = self.hits[self.current] if self.current >= 0 else None
            self.hits[at:at] = spans
            if current is not None:
                self.current = bisect.bisect_left(self.hits, current)
        now = time.monotonic()
        if done or (spans and (not self.spans or now - self._spans_made > 0.2)):
            # the highlighting set is remade from all hits: at most five times a second
            self.spans = SpanSet((s, e, None) for s, e in self.hits)
            self._spans_made = now
        if done:
            self.searching = False
        if self.current < 0 and self.hits:
            # the first hit at or after the reader's position, once the search has got there
            k = bisect.bisect_left(self.hits, (self.origin, -1))
            if k < len(self.hits):
                self.go_to(k)
            elif done:
                self.go_to(0)
        self.view.refresh()
        self.view.app.post_message(Searched(self.view.search_query, done))

    def go_to(self, k: int) -> None:
        """Show hit ``k`` a third of the way down the view."""
        self.current = k
        self.view.scroll_to_offset(self.hits[k][0], third=True)
        self.view.refresh()

    def next_hit(self, direction: int = 1) -> bool:
        """Go to the next (or previous) match; False when there is none (yet)."""
        if not self.hits:
            return False
        if self.current < 0:
            k = bisect.bisect_left(self.hits, (self.view.top_offset, -1))
            k = k if direction > 0 else k - 1
        else:
            k = self.current + direction
        self.go_to(k % len(self.hits))
        return True
