"""Spans: a compact, immutable sequence of (start, end) pairs (keywords' occurrences)."""

from __future__ import annotations

import pickle
import tracemalloc

from hypothesis import given
from hypothesis import strategies as st

from reader.text.spans import Spans

pairs = st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 10**9)), max_size=50)


@given(pairs)
def test_behaves_as_the_tuple_of_its_pairs(items):
    spans = Spans(items)
    assert spans == tuple(items) and list(spans) == items and len(spans) == len(items)
    assert spans[-1:] == tuple(items[-1:]) and pickle.loads(pickle.dumps(spans)) == spans
    assert hash(Spans(items)) == hash(spans)
    if items:
        assert spans[0] == items[0] and spans[-1] == items[-1]


def test_a_book_of_spans_is_small():
    items = [(k * 10, k * 10 + 2) for k in range(150_000)]
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    spans = Spans(iter(items))
    size = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert len(spans) == 150_000 and size < 150_000 * 20  # a tuple of tuples: ~110 bytes a span
