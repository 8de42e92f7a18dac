"""Pinyin after each word, on the text row itself (pure): for terminals too short for ruby.

Where two rows per line (:mod:`reader.layout.ruby`) would halve what a short
terminal shows, each word is followed by its readings (``銀行yínháng 去qù``):
one row per line, the same :class:`~reader.layout.ruby.RubyLine` as the ruby layout
(``columns`` of the characters, ``rubies`` on the same row), so one painter
serves both.  The readings of a word's characters are kept apart (one
:class:`~reader.layout.ruby.Ruby` per syllable, written together) so that tone
colours still apply per syllable.  A word and its readings are never split
between lines (unless wider than a whole line); a blank cell separates a
reading from a following word, never from punctuation.

>>> from reader.text.readings import shown_readings
>>> text = "去銀行。GMV"
>>> line, = inline_wrap(text, shown_readings(text, 0, "original"), 40)
>>> print(render_inline(text, line))
去qù 銀行yínháng。GMV
>>> [print(render_inline(text, x)) for x in inline_wrap(text, shown_readings(text, 0, "original"), 14)]
去qù
銀行yínháng。
GMV
[None, None, None]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len

from reader.layout.ruby import Ruby, RubyLine
from reader.layout.wrap import units
from reader.text.readings import Reading


def _by_index(readings) -> Mapping[int, Reading]:
    if isinstance(readings, Mapping):
        return {k: r for k, r in readings.items() if r is not None}
    return {k: r for k, r in enumerate(readings) if r is not None}


def _word_ends(readings: Mapping[int, Reading]) -> tuple[dict[int, list[tuple[int, Reading]]], list[tuple[int, int]]]:
    """Readings to write after each word's last character, and the words' spans (displayed indices)."""
    after: dict[int, list[tuple[int, Reading]]] = {}
    spans: list[tuple[int, int]] = []
    group: list[tuple[int, Reading]] = []
    for k in sorted(readings):
        r = readings[k]
        if (
            group
            and (group[-1][1].word_start, group[-1][1].word_end) == (r.word_start, r.word_end)
            and group[-1][0] == k - 1
        ):
            group.append((k, r))
            continue
        if group:
            after[group[-1][0]] = group
            spans.append((group[0][0], group[-1][0] + 1))
        group = [(k, r)]
    if group:
        after[group[-1][0]] = group
        spans.append((group[0][0], group[-1][0] + 1))
    return after, spans


class _Placer:
    __slots__ = ("text", "after", "col", "gap", "columns", "rubies")

    def __init__(self, text: str, after: dict) -> None:
        self.text, self.after = text, after
        self.col = 0
        self.gap = False  # a reading was just written: a following word keeps a cell away
        self.columns: list[int] = []
        self.rubies: list[Ruby] = []

    def place(self, k: int) -> None:
        char = self.text[k]
        if self.gap and char.isalnum():
            self.col += 1
        self.gap = False
        self.columns.append(self.col)
        self.col += cell_len(char)
        for index, r in self.after.get(k, ()):
            self.rubies.append(Ruby(self.col, r.pinyin, r.tone, index, r.source, bool(r.disputed)))
            self.col += cell_len(r.pinyin)
            self.gap = True

    def trial(self, s: int, e: int) -> int:
        saved = (self.col, self.gap, len(self.columns), len(self.rubies))
        for k in range(s, e):
            self.place(k)
        width = self.col
        self.col, self.gap = saved[:2]
        del self.columns[saved[2] :], self.rubies[saved[3] :]
        return width


def inline_wrap(
    text: str,
    readings: Mapping[int, Reading | None] | Sequence[Reading | None],
    width: int,
    keep: Sequence[tuple[int, int]] = (),
) -> tuple[RubyLine, ...]:
    """``text`` wrapped to ``width`` cells with each word's readings after it.

    Break rules are :func:`reader.layout.wrap.wrap`'s, a word with readings kept
    whole like ``keep``'s spans; a unit wider than a line is cut between
    characters.  ``readings`` as for :func:`reader.layout.ruby.ruby_wrap`.
    """
    width = max(1, width)
    after, words = _word_ends(_by_index(readings))
    lines: list[RubyLine] = []
    placer: _Placer | None = None
    line_start = end = 0
    pending: int | None = None  # start of the spaces since the last unit

    def close(at: int) -> None:
        assert placer is not None  # a line is closed only after its first unit was placed
        lines.append(RubyLine(line_start, at, tuple(placer.columns), tuple(placer.rubies), placer.col))

    for s, e in units(text, [*keep, *words]):
        if text[s:e].isspace():
            if placer is not None and pending is None:
                pending = s
            continue
        if placer is not None:
            first = s if pending is None else pending
            if placer.trial(first, e) <= width:
                for k in range(first, e):
                    placer.place(k)
                end, pending = e, None
                continue
            close(end)
        pending = None
        placer, line_start = _Placer(text, after), s
        for k in range(s, e):
            if placer.columns and placer.trial(k, k + 1) > width:  # last resort: cut the unit
                close(k)
                placer, line_start = _Placer(text, after), k
            placer.place(k)
        end = e
    if placer is not None:
        close(end)
    return tuple(lines) or (RubyLine(0, 0, (), (), 0),)


def render_inline(text: str, line: RubyLine) -> str:
    """``line`` as plain text (characters and readings on one row); for tests and dumps."""
    cells = [" "] * line.width
    for k, col in zip(range(line.start, line.end), line.columns):
        cells[col] = text[k]
        for extra in range(col + 1, col + cell_len(text[k])):
            cells[extra] = ""
    for ruby in line.rubies:
        for k, c in enumerate(ruby.text):
            cells[ruby.column + k] = c
    return "".join(cells).rstrip()
