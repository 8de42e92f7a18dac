"""Repairs and pinyin readings stored compactly, column by column.

A book-length article carries hundreds of thousands of pinyin notes; one
:class:`~reader.clean.edits.Repair` object per note (with its readings tuple and
``before`` string) costs about 250 bytes, a quarter of a gigabyte for 10 MB
of text.  :class:`Repairs` keeps one offset and one small record number per
repair (records are shared: every ``過(guò)`` note has the same kind, before,
after and note) and makes the ``Repair`` objects only when asked; repairs
that do not fit a shared record (mojibake repairs, with inferred characters)
are kept whole.  :class:`Readings` is the read-only ``offset -> reading``
mapping built from them.  Both pickle to a few arrays.

>>> from reader.clean.edits import Repair
>>> log = Repairs.of([Repair("pinyin", 1, "(guò)", "", "guò", readings=((0, "guò"),)),
...                   Repair("pinyin", 4, "(guò)", "", "guò", readings=((3, "guò"),))])
>>> len(log), log[1].offset, log[1].readings, log == tuple(log)
(2, 4, ((3, 'guò'),), True)
>>> dict(log.readings())
{0: 'guò', 3: 'guò'}
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from reader.clean.records import OffsetMap, Repair, carry

# Shapes of a shared record's readings: none, or the note read for the character before the repair.
_NO_READING, _READING_BEFORE = 0, 1


def _shape(repair: Repair) -> int | None:
    """The shared-record shape of ``repair``'s readings, or None when it must be kept whole."""
    if repair.inferred:
        return None
    if not repair.readings:
        return _NO_READING
    if len(repair.readings) == 1 and repair.readings[0] == (repair.offset - 1, repair.note):
        return _READING_BEFORE
    return None


class RepairsBuilder:
    """Collects repairs in order into the columns of a :class:`Repairs`."""

    __slots__ = ("offsets", "codes", "table", "index")

    def __init__(self) -> None:
        self.offsets = array("q")
        self.codes = array("I")
        self.table: list = []  # (kind, before, after, note, shape) records, or whole Repair objects
        self.index: dict[tuple, int] = {}

    def add_record(self, offset: int, record: tuple) -> None:
        code = self.index.get(record)
        if code is None:
            code = self.index[record] = len(self.table)
            self.table.append(record)
        self.offsets.append(offset)
        self.codes.append(code)

    def add(self, repair: Repair) -> None:
        shape = _shape(repair)
        if shape is None:
            self.offsets.append(repair.offset)
            self.codes.append(len(self.table))
            self.table.append(repair)
        else:
            self.add_record(repair.offset, (repair.kind, repair.before, repair.after, repair.note, shape))

    def finish(self) -> Repairs:
        return Repairs(self.offsets, self.codes, self.table)


class Repairs(Sequence):
    """An immutable sequence of :class:`~reader.clean.edits.Repair` in offset order, stored compactly."""

    __slots__ = ("_offsets", "_codes", "_table", "_kinds")

    def __init__(self, offsets: array | None = None, codes: array | None = None, table: list | None = None) -> None:
        self._offsets = offsets if offsets is not None else array("q")
        self._codes = codes if codes is not None else array("I")
        self._table = table if table is not None else []
        self._kinds: dict[str, int] | None = None  # counted once: the header asks on every repaint

    @classmethod
    def of(cls, repairs: Iterable[Repair]) -> Repairs:
        """Repairs from ``Repair`` objects (sorted by offset, stable)."""
        builder = RepairsBuilder()
        for r in sorted(repairs, key=lambda r: r.offset):
            builder.add(r)
        return builder.finish()

    # -------------------------------------------------------------- sequence

    def __len__(self) -> int:
        return len(self._offsets)

    def _make(self, i: int) -> Repair:
        record = self._table[self._codes[i]]
        if not isinstance(record, tuple):
            return record
        kind, before, after, note, shape = record
        offset = self._offsets[i]
        return Repair(kind, offset, before, after, note, (), ((offset - 1, note),) if shape == _READING_BEFORE else ())

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self._make(k) for k in range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("repair index out of range")
        return self._make(i)

    def __iter__(self) -> Iterator[Repair]:
        for i in range(len(self._offsets)):
            yield self._make(i)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Repairs):
            if self._offsets != other._offsets:
                return False
            mine, theirs = self._table, other._table
            return all(mine[a] == theirs[b] for a, b in zip(self._codes, other._codes))
        if isinstance(other, tuple | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # unhashable, like the mapping next to it in a Document

    def __repr__(self) -> str:
        return f"Repairs({len(self)} repairs)"

    # ------------------------------------------------------------- queries

    def kinds(self) -> dict[str, int]:
        """How many repairs of each kind (without making Repair objects).

        >>> from reader.clean.edits import Repair
        >>> log = Repairs.of([Repair("html", 0, "<b>", ""), Repair("pinyin", 1, "(a)", ""), Repair("html", 2, "<i>", "")])
        >>> log.kinds()
        {'html': 2, 'pinyin': 1}
        >>> log.kinds()["html"] = 0; log.kinds()  # counted once; what it returns is the caller's
        {'html': 2, 'pinyin': 1}
        """
        if self._kinds is None:
            out: dict[str, int] = {}
            for code, n in sorted(Counter(self._codes).items()):  # counted in C, listed in table order
                record = self._table[code]
                kind = record[0] if isinstance(record, tuple) else record.kind
                out[kind] = out.get(kind, 0) + n
            self._kinds = out
        return dict(self._kinds)

    def distinct(self, kind: str) -> list[tuple[str, str, str]]:
        """``(note, before, after)`` of each distinct repair of ``kind``, in first-seen order
        (without a Repair object per repair: a book has hundreds of thousands).

        >>> from reader.clean.edits import Repair
        >>> Repairs.of([Repair("html", 0, "<b>", ""), Repair("html", 2, "<b>", "")]).distinct("html")
        [('', '<b>', '')]
        """
        out = []
        for record in self._table:
            if isinstance(record, tuple):
                if record[0] == kind:
                    out.append((record[3], record[1], record[2]))
            elif record.kind == kind:
                out.append((record.note, record.before, record.after))
        return list(dict.fromkeys(out))

    def spans_of(self, kinds: Iterable[str]) -> list[tuple[int, int, str]]:
        """``(start, end, kind)`` in the clean text of the repairs of ``kinds`` that left text there.

        >>> from reader.clean.edits import Repair
        >>> Repairs.of([Repair("lost", 2, "韬�", "□"), Repair("html", 4, "<b>", "")]).spans_of(["lost"])
        [(2, 3, 'lost')]
        """
        wanted = set(kinds)
        out = []
        for offset, code in zip(self._offsets, self._codes):
            record = self._table[code]
            kind, after = (record[0], record[2]) if isinstance(record, tuple) else (record.kind, record.after)
            if kind in wanted and after:
                out.append((offset, offset + len(after), kind))
        return out

    def whole(self) -> list[Repair]:
        """The repairs kept whole (those with inferred characters among them), in order."""
        return [r for r in self._table if not isinstance(r, tuple)]

    def readings(self) -> Readings:
        """``offset -> pinyin reading`` over every repair (a later repair's reading wins)."""
        keys, values = array("q"), []  # in repair order; no tuple per reading (a book has 100,000s)
        for offset, code in zip(self._offsets, self._codes):
            record = self._table[code]
            if isinstance(record, tuple):
                if record[4] == _READING_BEFORE:
                    keys.append(offset - 1)
                    values.append(record[3])
            else:
                for k, r in record.readings:
                    keys.append(k)
                    values.append(r)
        if any(a > b for a, b in zip(keys, keys[1:])):
            order = sorted(range(len(keys)), key=keys.__getitem__)  # stable: later repairs stay later
            keys = array("q", (keys[k] for k in order))
            values = [values[k] for k in order]
        return Readings.of_sorted_arrays(keys, values)

    # ----------------------------------------------------------- building

    def carried(self, omap: OffsetMap, new_text: str | None = None) -> Repairs:
        """These repairs moved through a later pass's ``omap`` (swallowed ones dropped).

        With ``new_text`` (the pass's output), a repair whose result a later pass edited
        inside (a pinyin note within a mojibake run) says what its result became, so its
        span stays within the text.
        """
        builder = RepairsBuilder()
        table = self._table
        forward, swallows = omap.forward, omap.swallows
        for offset, code in zip(self._offsets, self._codes):
            record = table[code]
            if isinstance(record, tuple):
                end = offset + len(record[2])
                if swallows(offset, end):
                    continue
                start = forward(offset)
                if new_text is not None and end - offset > 1 and forward(end) - start != end - offset:
                    record = (*record[:2], new_text[start : forward(end)], *record[3:])
                builder.add_record(start, record)
            else:
                if swallows(record.offset, record.end):
                    continue
                moved = carry(record, omap)
                if new_text is not None and forward(record.end) - moved.offset != len(record.after):
                    moved = replace(moved, after=new_text[moved.offset : forward(record.end)])
                builder.add(moved)
        return builder.finish()

    @staticmethod
    def joined(parts: list[tuple[Repairs, int]]) -> Repairs:
        """Repairs of consecutive pieces of a text, each moved by its piece's offset."""
        builder = RepairsBuilder()
        for part, delta in parts:
            for offset, code in zip(part._offsets, part._codes):
                record = part._table[code]
                if isinstance(record, tuple):
                    builder.add_record(offset + delta, record)
                else:
                    builder.add(
                        replace(
                            record,
                            offset=record.offset + delta,
                            inferred=tuple(replace(x, offset=x.offset + delta) for x in record.inferred),
                            readings=tuple((k + delta, r) for k, r in record.readings),
                        )
                    )
        return builder.finish()

    def merged(self, other: Repairs) -> Repairs:
        """Both sequences in offset order; on equal offsets, this one's repairs first."""
        builder = RepairsBuilder()
        a_off, b_off = self._offsets, other._offsets
        i = j = 0
        while i < len(a_off) or j < len(b_off):
            if j >= len(b_off) or (i < len(a_off) and a_off[i] <= b_off[j]):
                self._copy(builder, i)
                i += 1
            else:
                other._copy(builder, j)
                j += 1
        return builder.finish()

    def _copy(self, builder: RepairsBuilder, i: int) -> None:
        record = self._table[self._codes[i]]
        if isinstance(record, tuple):
            builder.add_record(self._offsets[i], record)
        else:
            builder.add(record)


class Readings(Mapping):
    """A read-only ``offset -> reading`` mapping over sorted arrays (shared reading strings).

    >>> r = Readings.of_sorted([(3, 0, "guò"), (9, 1, "huì")])
    >>> r[9], 4 in r, len(r), list(r)
    ('huì', False, 2, [3, 9])
    """

    __slots__ = ("_offsets", "_codes", "_values")

    def __init__(self, offsets: array | None = None, codes: array | None = None, values: list[str] | None = None):
        self._offsets = offsets if offsets is not None else array("q")
        self._codes = codes if codes is not None else array("I")
        self._values = values if values is not None else []

    @classmethod
    def of_sorted(cls, pairs: Sequence[tuple[int, int, str]]) -> Readings:
        """From ``(offset, order, reading)`` sorted by offset then order; the last per offset wins."""
        offsets, codes = array("q"), array("I")
        values: list[str] = []
        index: dict[str, int] = {}
        for k, (offset, _order, reading) in enumerate(pairs):
            if k + 1 < len(pairs) and pairs[k + 1][0] == offset:
                continue
            code = index.get(reading)
            if code is None:
                code = index[reading] = len(values)
                values.append(reading)
            offsets.append(offset)
            codes.append(code)
        return cls(offsets, codes, values)

    @classmethod
    def of_sorted_arrays(cls, keys: array, values: list[str]) -> Readings:
        """From offsets in order and their readings; the last per offset wins."""
        offsets, codes = array("q"), array("I")
        table: list[str] = []
        index: dict[str, int] = {}
        n = len(keys)
        for k in range(n):
            if k + 1 < n and keys[k + 1] == keys[k]:
                continue
            reading = values[k]
            code = index.get(reading)
            if code is None:
                code = index[reading] = len(table)
                table.append(reading)
            offsets.append(keys[k])
            codes.append(code)
        return cls(offsets, codes, table)

    @classmethod
    def of(cls, mapping: Mapping[int, str]) -> Readings:
        return cls.of_sorted([(k, 0, v) for k, v in sorted(mapping.items())])

    def __getitem__(self, offset: int) -> str:
        i = bisect.bisect_left(self._offsets, offset) if isinstance(offset, int) else len(self._offsets)
        if i < len(self._offsets) and self._offsets[i] == offset:
            return self._values[self._codes[i]]
        raise KeyError(offset)

    def __iter__(self) -> Iterator[int]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)

    def __repr__(self) -> str:
        return f"Readings({len(self)} readings)"

    def within(self, start: int, end: int) -> list[tuple[int, str]]:
        """``(offset, reading)`` for the offsets in ``[start, end)``, in order."""
        lo, hi = bisect.bisect_left(self._offsets, start), bisect.bisect_left(self._offsets, end)
        return [(self._offsets[i], self._values[self._codes[i]]) for i in range(lo, hi)]
