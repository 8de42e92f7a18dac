"""Search in pieces, from the reader's position on, in a worker.

A 10 MB article is searched in line-aligned chunks, the one at the reader's
position first and small, so the first hit shows at once while a worker goes
on through the rest; every chunk is matched in both scripts like
:func:`reader.text.script.find_all` (the Simplified forms of text and query are
compared, and the query as typed), without converting the whole text at once.  :class:`ArticleSearch` (mixed
into the article view) runs it in a thread worker and merges the hits as
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

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from widgets.article.marks import SpanSet

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


def find_in(text: str, query: str, start: int, end: int, ignore_case: bool = True) -> list[tuple[int, int]]:
    """Matches of ``query`` in ``text[start:end]`` in either script, as offsets in ``text``.

    >>> find_in("GMV、gmv 過去", "Gmv", 0, 10), find_in("GMV、gmv 過去", "过去", 4, 10)
    ([(0, 3), (4, 7)], [(8, 10)])
    """
    if not query:
        return []
    from reader.text.script import to_simplified

    flags = re.IGNORECASE if ignore_case else 0
    piece = text[start:end]
    simple = to_simplified(piece)  # OpenCC t2s keeps the length: offsets stay the same
    hits = {m.span() for m in re.finditer(re.escape(to_simplified(query)), simple, flags)}
    hits.update(m.span() for m in re.finditer(re.escape(query), piece, flags))
    return sorted((start + s, start + e) for s, e in hits)


class ArticleSearch:
    """Mixed into :class:`~widgets.article.view.ArticleView` (which holds the state)."""

    class Searched(Message):
        """Hits were found (``done``: the whole article has been searched)."""

        def __init__(self, query: str, done: bool) -> None:
            super().__init__()
            self.query = query
            self.done = done

    searching = False  # a worker is still going through the article
    _search_generation = 0
    _spans_made = 0.0

    def begin_search(self) -> None:
        self._search_origin = self.top_offset

    def watch_search_query(self, query: str) -> None:
        self._restart_search()

    def _restart_search(self) -> None:
        self._search_generation += 1
        self.hits = []
        self._hit_spans = SpanSet()
        self.current_hit = -1
        self.searching = bool(self.search_query)
        if self.searching:
            self._search(self.document.text, self.search_query, self._search_origin, self._search_generation)
        else:
            self.app.post_message(self.Searched("", True))
        self.refresh()

    # Every worker here is given a description: Textual would otherwise repr() its arguments
    # (the whole text) on the UI thread, 40 ms on 10 MB before the first chunk is searched.
    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="search the article")
    def _search(self, text: str, query: str, origin: int, generation: int) -> None:
        worker = get_current_worker()
        for start, end in chunks_from(text, origin):
            if worker.is_cancelled or generation != self._search_generation:
                return
            spans = find_in(text, query, start, end)
            if spans:
                self.app.call_from_thread(self._found, generation, start, spans, False)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._found, generation, 0, [], True)

    def _found(self, generation: int, start: int, spans: list[tuple[int, int]], done: bool) -> None:
        if generation != self._search_generation:
            return  # hits for an older query
        if spans:
            at = bisect.bisect_left(self.hits, (start, -1))  # a chunk is one contiguous stretch
            current = self.hits[self.current_hit] if self.current_hit >= 0 else None
            self.hits[at:at] = spans
            if current is not None:
                self.current_hit = bisect.bisect_left(self.hits, current)
        now = time.monotonic()
        if done or (spans and (not self._hit_spans or now - self._spans_made > 0.2)):
            # the highlighting set is remade from all hits: at most five times a second
            self._hit_spans = SpanSet((s, e, None) for s, e in self.hits)
            self._spans_made = now
        if done:
            self.searching = False
        if self.current_hit < 0 and self.hits:
            # the first hit at or after the reader's position, once the search has got there
            k = bisect.bisect_left(self.hits, (self._search_origin, -1))
            if k < len(self.hits):
                self._go_to_hit(k)
            elif done:
                self._go_to_hit(0)
        self.refresh()
        self.app.post_message(self.Searched(self.search_query, done))

    def _go_to_hit(self, k: int) -> None:
        self.current_hit = k
        self.scroll_to_offset(self.hits[k][0], third=True)
        self.refresh()

    def next_hit(self, direction: int = 1) -> bool:
        """Go to the next (or previous) match; False when there is none (yet)."""
        if not self.hits:
            return False
        if self.current_hit < 0:
            k = bisect.bisect_left(self.hits, (self.top_offset, -1))
            k = k if direction > 0 else k - 1
        else:
            k = self.current_hit + direction
        self._go_to_hit(k % len(self.hits))
        return True
