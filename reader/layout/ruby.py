"""Cell layout of pinyin readings over a line of displayed text (ruby), pure.

Two rows per line: the readings row above, the text row below.  The rule:

* every reading starts exactly over the first cell of its character;
* the readings of one word are written without spaces (``yínháng``, as
  pinyin is spelled), the readings of two words with at least one blank cell
  between them, so no reading ever touches or overlaps the next;
* to make room, a character with a reading moves right (blank cells are
  put before it on the text row); nothing is ever truncated.  Characters
  without readings (Latin, digits, punctuation) never move on their own:
  they follow the character before them.

So ``銀行`` (4 cells) is laid out as ``銀 行`` under ``yínháng``: the text
row gets wider, never the readings row.  :func:`ruby_wrap` wraps a
paragraph with those widths (same break rules as :func:`reader.layout.wrap.wrap`,
whose units it reuses); :func:`ruby_line` lays out one line for painting.

>>> from reader.text.readings import Reading
>>> r = {0: Reading(0, "yín", 2, False, 0, 2), 1: Reading(1, "háng", 2, False, 0, 2)}
>>> line = ruby_line("銀行A", 0, 3, r)
>>> line.columns, [(x.column, x.text) for x in line.rubies], line.width
((0, 3, 5), [(0, 'yín'), (3, 'háng')], 7)
>>> print(render_rows("銀行A", line))
yínháng
銀 行A
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from reader.layout.wrap import units
from reader.text.readings import Reading


@dataclass(frozen=True, slots=True)
class Ruby:
    """One reading placed on the readings row."""

    column: int  # first cell, the same as its character's on the text row
    text: str  # the pinyin
    tone: int  # 1-4, 5 neutral, 0 unknown (for tone colours)
    index: int  # the character's index in the displayed paragraph text
    source: bool  # the article's own reading
    disputed: bool = False  # the word's reading, shown over the article's own that disagrees


@dataclass(frozen=True, slots=True)
class RubyLine:
    """One wrapped line of a paragraph: ``text[start:end]`` with its readings."""

    start: int
    end: int
    columns: tuple[int, ...]  # first cell of each character text[start:end] on the text row
    rubies: tuple[Ruby, ...]
    width: int  # cells of the wider of the two rows

    def column_of(self, index: int) -> int:
        """Text-row cell of displayed character ``index`` (clamped to the line)."""
        if not self.columns:
            return 0
        return self.columns[min(max(index - self.start, 0), len(self.columns) - 1)]


class _Placer:
    """Places characters left to right, keeping the rule above."""

    __slots__ = ("text", "readings", "col", "free", "word", "columns", "rubies")

    def __init__(self, text: str, readings: Mapping[int, Reading | None]) -> None:
        self.text = text
        self.readings = readings
        self.col = 0  # next free cell on the text row
        self.free = 0  # first cell after the last reading
        self.word: tuple[int, int] | None = None  # word of the last reading
        self.columns: list[int] = []
        self.rubies: list[Ruby] = []

    def place(self, index: int) -> None:
        char = self.text[index]
        reading = self.readings.get(index)
        if reading is not None:
            word = (reading.word_start, reading.word_end)
            gap = 0 if self.word == word or not self.rubies else 1
            self.col = max(self.col, self.free + gap)
            self.rubies.append(
                Ruby(self.col, reading.pinyin, reading.tone, index, reading.source, bool(reading.disputed))
            )
            self.free = self.col + cell_len(reading.pinyin)
            self.word = word
        self.columns.append(self.col)
        self.col += cell_len(char)

    @property
    def width(self) -> int:
        return max(self.col, self.free)

    def trial(self, s: int, e: int) -> int:
        """Width of the line if ``text[s:e]`` were placed next (nothing placed)."""
        saved = (self.col, self.free, self.word, len(self.columns), len(self.rubies))
        for k in range(s, e):
            self.place(k)
        width = self.width
        self.col, self.free, self.word = saved[:3]
        del self.columns[saved[3] :], self.rubies[saved[4] :]
        return width


def _as_mapping(readings) -> Mapping[int, Reading | None]:
    if isinstance(readings, Mapping):
        return readings
    return {k: r for k, r in enumerate(readings) if r is not None}


def ruby_line(
    text: str, start: int, end: int, readings: Mapping[int, Reading | None] | Sequence[Reading | None]
) -> RubyLine:
    """The layout of ``text[start:end]``; ``readings`` by displayed index (see
    :func:`reader.text.readings.shown_readings`, whose tuple may be passed as is)."""
    placer = _Placer(text, _as_mapping(readings))
    for k in range(start, end):
        placer.place(k)
    return RubyLine(start, end, tuple(placer.columns), tuple(placer.rubies), placer.width)


def ruby_wrap(
    text: str,
    readings: Mapping[int, Reading | None] | Sequence[Reading | None],
    width: int,
    keep: Sequence[tuple[int, int]] = (),
) -> tuple[RubyLine, ...]:
    """``text`` wrapped to ``width`` cells with its readings laid out.

    The break rules are :func:`reader.layout.wrap.wrap`'s (its units, ``keep`` for
    figures); widths count the blank cells the readings need.  A unit wider
    than a whole line is cut between characters.

    >>> from reader.text.readings import Reading
    >>> r = {k: Reading(k, "háng", 2, False, k, k + 1) for k in range(4)}
    >>> [(x.start, x.end, x.width) for x in ruby_wrap("行行行行", r, 10)]
    [(0, 2, 9), (2, 4, 9)]
    """
    width = max(1, width)
    mapping = _as_mapping(readings)
    lines: list[RubyLine] = []
    placer: _Placer | None = None
    line_start = 0

    def close(end: int) -> None:
        assert placer is not None
        lines.append(RubyLine(line_start, end, tuple(placer.columns), tuple(placer.rubies), placer.width))

    pending_spaces: tuple[int, int] | None = None
    end = 0
    for s, e in units(text, keep):
        if text[s:e].isspace():
            if placer is not None:
                pending_spaces = (s, e)
            continue
        if placer is not None:
            first = pending_spaces[0] if pending_spaces else s
            if placer.trial(first, e) <= width:
                for k in range(first, e):
                    placer.place(k)
                end, pending_spaces = e, None
                continue
            close(end)
        pending_spaces = None
        placer, line_start = _Placer(text, mapping), s
        for k in range(s, e):
            if placer.columns and placer.trial(k, k + 1) > width:  # last resort: cut the unit
                close(k)
                placer, line_start = _Placer(text, mapping), k
            placer.place(k)
        end = e
    if placer is not None:
        close(end)
    return tuple(lines) or (RubyLine(0, 0, (), (), 0),)


def word_readings(
    readings: Mapping[int, Reading | None] | Sequence[Reading | None],
) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, pinyin)`` per word of displayed text: its readings joined.

    For showing readings *after* each word (``銀行 yínháng``) where two rows
    per line do not fit; ``start``/``end`` index the displayed text.

    >>> from reader.text.readings import shown_readings
    >>> word_readings(shown_readings("去銀行。", 0, "original"))
    ((0, 1, 'qù'), (1, 3, 'yínháng'))
    """
    out: list[tuple[int, int, str]] = []
    word = None
    for k, reading in sorted(_as_mapping(readings).items()):
        if reading is None:
            continue
        key = (reading.word_start, reading.word_end)
        if out and key == word and out[-1][1] == k:
            s, _e, pinyin = out[-1]
            out[-1] = (s, k + 1, pinyin + reading.pinyin)
        else:
            out.append((k, k + 1, reading.pinyin))
        word = key
    return tuple(out)


def render_rows(text: str, line: RubyLine) -> str:
    """The two rows of ``line`` as plain text (readings, then text); for tests and dumps."""
    top = [" "] * line.width
    for ruby in line.rubies:
        for k, c in enumerate(ruby.text):
            top[ruby.column + k] = c
    bottom: list[str] = []
    for k, col in zip(range(line.start, line.end), line.columns):
        bottom.append(" " * (col - cell_len("".join(bottom))) + text[k])
    return "".join(top).rstrip() + "\n" + "".join(bottom)
