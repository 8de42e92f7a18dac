"""Edits: how a cleaning pass describes what it changes.

A pass looks at a text and returns :class:`Edit` objects (non-overlapping
spans of the *input* text and what replaces them).  :func:`apply_edits` turns
them into the new text plus :class:`Repair` records whose offsets are in the
*output* text, and an :class:`OffsetMap` so that later passes can carry those
offsets forward.  Passes therefore stay pure and small: they never do offset
arithmetic themselves.

>>> new, repairs, omap = apply_edits("ab<i>c", [Edit(2, 5, "", "html")])
>>> new, repairs[0].offset, repairs[0].before
('abc', 2, '<i>')
>>> omap.forward(5)
2
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.clean.repair_log import Repairs, _Builder


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
class Edit:
    """Replace ``text[start:end]`` with ``new``; ``kind`` names the pass."""

    start: int
    end: int
    new: str
    kind: str
    note: str = ""
    # Inferred characters, with offsets relative to the start of ``new``.
    inferred: tuple[Inferred, ...] = ()
    # Pinyin readings this edit removed from the text, as (offset relative to
    # the start of ``new``, reading): -1 is the character just before the edit.
    readings: tuple[tuple[int, str], ...] = ()


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


def apply_edits(text: str, edits: list[Edit], span: tuple[int, int] | None = None) -> tuple[str, Repairs, OffsetMap]:
    """Apply non-overlapping ``edits`` to ``text`` (or to ``text[span[0]:span[1]]``, the
    edits' offsets still counted in ``text``; everything returned is relative to the span).

    Returns the new text, one :class:`Repair` per edit (offsets in the new
    text, inferred offsets made absolute; stored compactly as
    :class:`~reader.clean.repair_log.Repairs`) and the :class:`OffsetMap`.
    Overlapping edits are a programming error and raise ``ValueError``.
    """
    if any(a.start > b.start or (a.start == b.start and a.end > b.end) for a, b in zip(edits, edits[1:])):
        edits = sorted(edits, key=lambda e: (e.start, e.end))  # passes nearly always give them in order
    pieces: list[str] = []
    log = _Builder()
    # machine integers, not int objects: a book has hundreds of thousands of edits
    starts, ends, new_starts, new_lens = array("q"), array("q"), array("q"), array("q")
    last, size = span if span is not None else (0, len(text))
    base = last
    out_len = 0
    for e in edits:
        start, end, new = e.start, e.end, e.new
        if start < last or end < start or end > size:
            raise ValueError(f"bad or overlapping edit {e!r}")
        pieces.append(text[last:start])
        out_len += start - last
        readings = e.readings
        if not e.inferred and (not readings or (len(readings) == 1 and readings[0] == (-1, e.note))):
            # the common case (a pinyin note, a tag, an entity): a shared record, no object
            log.add_record(out_len, (e.kind, text[start:end], new, e.note, 1 if readings else 0))
        else:
            log.add(
                Repair(
                    kind=e.kind,
                    offset=out_len,
                    before=text[start:end],
                    after=new,
                    note=e.note,
                    inferred=tuple(replace(x, offset=out_len + x.offset) for x in e.inferred),
                    readings=tuple((out_len + k, r) for k, r in readings),
                )
            )
        starts.append(start - base)
        ends.append(end - base)
        new_starts.append(out_len)
        new_lens.append(len(new))
        pieces.append(new)
        out_len += len(new)
        last = end
    pieces.append(text[last:size])
    omap = OffsetMap(starts, ends, new_starts, new_lens)
    return "".join(pieces), log.finish(), omap


def edited_text(text: str, edits: list[Edit], span: tuple[int, int] | None = None) -> str:
    """Only the new text of :func:`apply_edits` (same arguments): what a caller that keeps
    no repair log needs, without one record per edit.

    >>> edited_text("ab<i>c", [Edit(2, 5, "", "html")]), edited_text("ab<i>c", [Edit(2, 5, "", "html")], (1, 6))
    ('abc', 'bc')
    """
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    last, size = span if span is not None else (0, len(text))
    pieces: list[str] = []
    for e in edits:
        if e.start < last or e.end < e.start or e.end > size:
            raise ValueError(f"bad or overlapping edit {e!r}")
        pieces += (text[last : e.start], e.new)
        last = e.end
    pieces.append(text[last:size])
    return "".join(pieces)


def carry(repair: Repair, omap: OffsetMap) -> Repair:
    """Move ``repair``'s offsets through a later pass's ``omap``."""
    return replace(
        repair,
        offset=omap.forward(repair.offset),
        inferred=tuple(replace(x, offset=omap.forward(x.offset)) for x in repair.inferred),
        readings=tuple((omap.forward(k), r) for k, r in repair.readings),
    )
