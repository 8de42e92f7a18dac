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

from array import array
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import accumulate

from reader.clean.records import Inferred, OffsetMap, Repair, carry
from reader.clean.repair_log import Repairs, RepairsBuilder

__all__ = ["Edit", "Inferred", "OffsetMap", "Repair", "apply_edits", "carry", "edited_text", "inside_any"]


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
    log = RepairsBuilder()
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


def inside_any(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test whether an offset falls in one of ``spans`` (``start <= offset < end``), in
    logarithmic time: a pass that checks every match against every earlier edit is quadratic,
    and a scraped page has thousands of tags and entities.

    >>> inside = inside_any([(5, 8), (0, 2), (6, 12)])
    >>> [i for i in range(14) if inside(i)]
    [0, 1, 5, 6, 7, 8, 9, 10, 11]
    >>> inside_any([])(3)
    False
    """
    ordered = sorted(spans)
    starts = [a for a, _b in ordered]
    reach = list(accumulate((b for _a, b in ordered), max))  # the furthest end so far

    def inside(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and reach[i] > offset

    return inside
