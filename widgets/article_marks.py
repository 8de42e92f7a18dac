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
from collections.abc import Iterable
from typing import Any

from reader.document import Document


class SpanSet:
    """Sorted ``(start, end, tag)`` spans."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: Iterable[tuple[int, int, Any]] = ()) -> None:
        self.spans = sorted(spans, key=lambda x: (x[0], x[1]))
        self.starts = [s for s, _e, _t in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def within(self, lo: int, hi: int) -> list[tuple[int, int, Any]]:
        """Spans starting in ``[lo, hi)``."""
        return self.spans[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def index_at_or_after(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)


def keyword_spans(doc: Document) -> SpanSet:
    """Every occurrence of every keyword, tagged with whether the user added it."""
    return SpanSet((s, e, kw.user) for kw in doc.keywords for s, e in kw.spans if e > s)


def figure_spans(doc: Document) -> SpanSet:
    """Every figure, tagged with its index in ``doc.figures``."""
    return SpanSet((f.start, f.end, k) for k, f in enumerate(doc.figures) if f.end > f.start)


def inferred_spans(doc: Document) -> SpanSet:
    """Characters chosen from evidence while repairing mojibake, tagged with the record."""
    whole = getattr(doc.repairs, "whole", None)  # compact repairs: only those kept whole can have any
    inferred = [x for r in whole() for x in r.inferred] if whole else doc.inferred
    return SpanSet((x.offset, x.offset + len(x.char or " "), x) for x in inferred)
