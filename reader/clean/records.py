"""The records a cleaning leaves: a :class:`Repair` per change, the characters it
:class:`Inferred`, and the :class:`OffsetMap` that carries offsets through a later pass
(:mod:`reader.clean.edits` makes them; :mod:`reader.clean.repair_log` stores them compactly).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Inferred:
    """A character the cleaner could not read from the bytes and chose from evidence.

    ``offset`` is in the text the repair's offsets refer to; ``candidates``
    lists every character the evidence allowed, best first (``char`` is
    ``candidates[0]``); ``evidence`` says why it was picked.
    """

    offset: int
    char: str
    candidates: tuple[str, ...]
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Repair:
    """One change the cleaner made, as the user may review it.

    ``offset`` is where ``after`` starts in the final clean text; ``before``
    is what the input had there.
    """

    kind: str
    offset: int
    before: str
    after: str
    note: str = ""
    inferred: tuple[Inferred, ...] = ()
    # (offset in the clean text, pinyin reading) for readings this repair removed.
    readings: tuple[tuple[int, str], ...] = ()

    @property
    def end(self) -> int:
        return self.offset + len(self.after)


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets of a pass's input to its output (sorted edit spans, as sequences of ints)."""

    starts: Sequence[int] = ()
    ends: Sequence[int] = ()
    new_starts: Sequence[int] = ()
    new_lens: Sequence[int] = ()

    def swallows(self, start: int, end: int) -> bool:
        """True when an edit replaced all of ``[start, end)`` (a point strictly inside, if empty).

        A repair whose result a later pass replaced is subsumed by that later repair.
        """
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0 or self.starts[i] == self.ends[i]:
            return False
        s, e = self.starts[i], self.ends[i]
        return s < start < e if start == end else (s <= start and end <= e)

    @staticmethod
    def joined(maps: list[tuple[OffsetMap, int, int]]) -> OffsetMap:
        """The map of a pass done piece by piece: each piece's map with the offsets where
        the piece starts in the input and in the output."""
        starts, ends, new_starts, new_lens = array("q"), array("q"), array("q"), array("q")
        for omap, at, out_at in maps:
            starts.extend(s + at for s in omap.starts)
            ends.extend(e + at for e in omap.ends)
            new_starts.extend(s + out_at for s in omap.new_starts)
            new_lens.extend(omap.new_lens)
        return OffsetMap(starts, ends, new_starts, new_lens)

    def forward(self, offset: int) -> int:
        """Output offset of input ``offset``; inside an edit, its start."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return offset
        if offset < self.ends[i]:
            return self.new_starts[i]
        return self.new_starts[i] + self.new_lens[i] + (offset - self.ends[i])


def carry(repair: Repair, omap: OffsetMap) -> Repair:
    """Move ``repair``'s offsets through a later pass's ``omap``."""
    return replace(
        repair,
        offset=omap.forward(repair.offset),
        inferred=tuple(replace(x, offset=omap.forward(x.offset)) for x in repair.inferred),
        readings=tuple((omap.forward(k), r) for k, r in repair.readings),
    )
