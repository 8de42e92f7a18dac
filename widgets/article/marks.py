"""Spans to style in the article, looked up per paragraph (pure; no Textual).

Every offset is into ``Document.text``; a :class:`SpanSet` answers "which of
these spans start inside ``[lo, hi)``" by bisection, so styling a paragraph
costs the same in a 10 MB document as in a short one.

>>> spans = SpanSet([(5, 7, "a"), (1, 2, "b"), (12, 14, "c")])
>>> spans.within(0, 10)
[(1, 2, 'b'), (5, 7, 'a')]
>>> spans.index_at_or_after(6), spans.index_at_or_after(99)
(2, 3)
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable
from typing import Any

from reader.document import Document


class SpanSet:
    """Sorted ``(start, end, tag)`` spans, kept as arrays (a book's keywords have 100,000s)."""

    __slots__ = ("starts", "ends", "tags")

    def __init__(self, spans: Iterable[tuple[int, int, Any]] = ()) -> None:
        ordered = sorted(spans, key=lambda x: (x[0], x[1]))
        self.starts = array("q", [s for s, _e, _t in ordered])
        self.ends = array("q", [e for _s, e, _t in ordered])
        tags = [t for _s, _e, t in ordered]
        # one shared tag (keywords' user flag, search hits' None) is not stored per span
        self.tags: list[Any] | Any = tags if len(set(map(id, tags))) > 1 else _Same(tags[0] if tags else None)

    def __len__(self) -> int:
        return len(self.starts)

    def within(self, lo: int, hi: int) -> list[tuple[int, int, Any]]:
        """Spans starting in ``[lo, hi)``."""
        a, b = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [(self.starts[k], self.ends[k], self.tags[k]) for k in range(a, b)]

    def any_within(self, lo: int, hi: int) -> bool:
        """Whether a span starts in ``[lo, hi)``."""
        k = bisect.bisect_left(self.starts, lo)
        return k < len(self.starts) and self.starts[k] < hi

    def index_at_or_after(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)


class _Same:
    """A sequence whose every item is one value."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __getitem__(self, _k: int) -> Any:
        return self.value


def keyword_spans(doc: Document) -> SpanSet:
    """Every occurrence of every keyword, tagged with whether the user added it."""
    return SpanSet((s, e, kw.user) for kw in doc.keywords for s, e in kw.spans if e > s)


def figure_spans(doc: Document) -> SpanSet:
    """Every figure, tagged with its index in ``doc.figures``."""
    return SpanSet((f.start, f.end, k) for k, f in enumerate(doc.figures) if f.end > f.start)


def inferred_spans(doc: Document) -> SpanSet:
    """Characters chosen from evidence while repairing mojibake, tagged with the record."""
    return SpanSet((x.offset, x.offset + len(x.char or " "), x) for x in doc.inferred)


def flagged_spans(doc: Document) -> SpanSet:
    """Kept page furniture, lost characters, damaged and suspected passages, tagged with the kind."""
    return SpanSet(doc.flagged())
