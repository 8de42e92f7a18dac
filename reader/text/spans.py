"""An immutable sequence of ``(start, end)`` pairs kept in one machine-integer array.

A book's top keywords occur 100,000s of times: as a tuple of tuples their
spans take ~110 bytes each, here 16.

>>> spans = Spans([(0, 2), (5, 7)])
>>> list(spans), spans[1], len(spans), spans == ((0, 2), (5, 7)), Spans() == ()
([(0, 2), (5, 7)], (5, 7), 2, True, True)
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence


class Spans(Sequence):
    __slots__ = ("_flat",)

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        flat = array("q")
        for start, end in pairs:
            flat.append(start)
            flat.append(end)
        self._flat = flat

    def __len__(self) -> int:
        return len(self._flat) // 2

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self))))
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("span index out of range")
        return self._flat[2 * i], self._flat[2 * i + 1]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        flat = self._flat
        return zip(flat[::2], flat[1::2], strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return self._flat == other._flat
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(tuple(a) == b for a, b in zip(other, self, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(bytes(self._flat))

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"

    def __reduce__(self):
        return (_from_flat, (self._flat,))


def _from_flat(flat: array) -> Spans:
    spans = Spans()
    spans._flat = flat
    return spans
