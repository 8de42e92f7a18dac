"""The article view's layout, kept free of Textual: blocks, script forms, line index.

A *block* is one heading line or paragraph of the document, in reading
order.  Its height on screen is a top gap, its wrapped lines, the lines of
an inline original-script comparison when shown, and a bottom gap.
:class:`LineIndex` (a Fenwick tree over the heights) maps a screen row to a
block in O(log n), so heights can start as estimates and be corrected as
blocks get wrapped, which keeps very long documents responsive.

>>> idx = LineIndex([3, 2, 4])
>>> idx.total, idx.top(2), idx.find(4), idx.find(99)
(9, 5, (1, 1), (2, 3))
>>> idx.set(0, 1)
-2
>>> idx.total, idx.find(1)
(7, (1, 0))
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.document import Document, Paragraph

# Characters that must never reach the terminal: every C0 control but none
# (tabs become a space), DEL and C1.  Each maps to one visible character so
# offsets do not move.
_CONTROL_PICTURES = {c: chr(0x2400 + c) for c in range(32)}
_CONTROL_PICTURES[ord("\t")] = " "
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_SAFE = str.maketrans(_CONTROL_PICTURES)


def terminal_safe(text: str) -> str:
    """``text`` with control characters shown as symbols (same length).

    >>> terminal_safe("a\\x1b[31mb\\tc")
    'a␛[31mb c'
    """
    return text.translate(_SAFE)


@dataclass(frozen=True)
class Block:
    index: int  # position in reading order
    section: int  # index into Document.sections
    paragraph: Paragraph
    heading: bool
    top_gap: int  # blank rows above (before a section heading)
    bottom_gap: int  # blank rows below


def blocks_of(doc: Document) -> tuple[Block, ...]:
    """Every heading line and paragraph of ``doc`` as a block, in reading order."""
    blocks: list[Block] = []
    for section in doc.sections:
        for k, line in enumerate(section.heading):
            top = 1 if k == 0 and blocks else 0
            bottom = 1 if k == len(section.heading) - 1 else 0
            blocks.append(Block(len(blocks), section.index, line, True, top, bottom))
        for para in section.paragraphs:
            blocks.append(Block(len(blocks), section.index, para, False, 0, 1))
    return tuple(blocks)


def block_at(starts: Sequence[int], offset: int) -> int:
    """Index of the block holding document ``offset``, given the blocks' start offsets.

    >>> block_at([0, 10, 20], 15), block_at([0, 10, 20], 3), block_at([5, 10], 0)
    (1, 0, 0)
    """
    return max(0, bisect.bisect_right(starts, offset) - 1)


class Conversion(Protocol):
    """A text in another script with maps between its offsets and the original's
    (reader.text.script.Converted, or the identity)."""

    @property
    def text(self) -> str: ...

    def to_converted(self, offset: int) -> int: ...

    def to_original(self, offset: int) -> int: ...

    def span_to_converted(self, start: int, end: int) -> tuple[int, int]: ...

    def span_to_original(self, start: int, end: int) -> tuple[int, int]: ...


class _Identity:
    """The conversion of a text to itself (the original script, or no OpenCC)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def to_converted(self, offset: int) -> int:
        return offset

    def to_original(self, offset: int) -> int:
        return offset

    def span_to_converted(self, start: int, end: int) -> tuple[int, int]:
        return start, end

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return start, end


def convert(text: str, script: str) -> tuple[Conversion, bool]:
    """``reader.text.script.convert`` with a fallback to the text itself.

    Returns ``(converted, ok)``; ``ok`` is False when the script module could
    not convert (not implemented yet, OpenCC missing), so the caller can say so.
    """
    if script == "original":
        return _Identity(text), True
    try:
        from reader.text import script as script_module

        return script_module.convert(text, script), True
    except Exception:  # noqa: BLE001 - the reader stays usable without conversion
        return _Identity(text), False


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Spans of ``query`` in ``text`` in either script; plain search as a fallback.

    >>> find_all("ab AB", "b")
    [(1, 2), (4, 5)]
    """
    if not query:
        return []
    try:
        from reader.text import script as script_module

        return sorted(script_module.find_all(text, query))
    except Exception:  # noqa: BLE001
        spans, low, q = [], text.casefold(), query.casefold()
        at = low.find(q)
        while at >= 0 and q:
            spans.append((at, at + len(q)))
            at = low.find(q, at + 1)
        return spans


def estimate_rows(text: str, width: int) -> int:
    """Rows a paragraph will likely take: every character counted as two cells."""
    return max(1, -(-2 * len(text) // max(1, width)))


class LineIndex:
    """Prefix sums of block heights (Fenwick tree): row <-> block in O(log n)."""

    def __init__(self, heights: Iterable[int]) -> None:
        self._heights = list(heights)
        n = len(self._heights)
        # tree[i] holds the sum of the lowbit(i) heights ending at i: prefix sums make it in one pass
        prefix = [0, *itertools.accumulate(self._heights)]
        self._tree = [0] + [prefix[i] - prefix[i - (i & -i)] for i in range(1, n + 1)]
        self.total = prefix[-1]

    def __len__(self) -> int:
        return len(self._heights)

    def height(self, i: int) -> int:
        return self._heights[i]

    def set(self, i: int, height: int) -> int:
        """Change block ``i``'s height; returns the change."""
        delta = height - self._heights[i]
        if delta:
            self._heights[i] = height
            self.total += delta
            k = i + 1
            while k < len(self._tree):
                self._tree[k] += delta
                k += k & -k
        return delta

    def top(self, i: int) -> int:
        """First row of block ``i`` (the sum of the heights before it)."""
        total, k = 0, min(i, len(self._heights))
        while k > 0:
            total += self._tree[k]
            k -= k & -k
        return total

    def find(self, row: int) -> tuple[int, int]:
        """``(block, row within it)`` for a row, clamped to the last block."""
        n = len(self._heights)
        if n == 0:
            return 0, 0
        if row >= self.total:
            return n - 1, max(0, self._heights[n - 1] - 1)
        pos, rest = 0, max(0, row)
        step = 1 << n.bit_length()
        while step:
            nxt = pos + step
            if nxt <= n and self._tree[nxt] <= rest:
                pos, rest = nxt, rest - self._tree[nxt]
            step >>= 1
        return pos, rest
