"""The draft a quantity is read into, and the look-ups every stage shares.

:class:`Draft` is the state the stages of :mod:`reader.figures.quantity` move through;
:class:`Quantity` is what they finish with.  The stages live in
:mod:`reader.figures.number_stages` (the number and its multiplier) and
:mod:`reader.figures.unit_stages` (what follows it: unit, qualifier, kind).  A stage that
must read a second number (a range's end, a list's last item) calls ``Draft.read``, which
is :func:`reader.figures.quantity.quantity`: passed in, so that no stage module imports
the runner that imports it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, NamedTuple

from reader.figures.numbers import Num
from reader.figures.units import COUNT_CUES, MONEY_CUES, MONEY_KIND_CUES, UNIT_BREAKERS, longest_unit

RANGE_MARKS = frozenset("-~～—–至到")  # between the two ends of a range
RANGE_SEP = re.compile("[" + re.escape("".join(sorted(RANGE_MARKS))) + "]")
_CLAUSE_BREAK = "，,。！？!?；;：:\n"
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
# 從/由 a few characters before: a change from one figure to another (從50萬到74萬), not a range.
_CHANGE_FROM = re.compile("[從从由](?![事於于此而])")
SPREAD_WORDS = ("不等", "之間", "之间", "不一")


class Quantity(NamedTuple):  # a tuple, as reader.figures.numbers.Num: one per candidate
    end: int
    value: float | str
    value_max: float | str | None
    unit: str
    kind: str
    qualifier: str = ""
    vague: bool = False
    prefix_word: str = ""  # 上/過/破 written before a bare magnitude
    scale: float = 1.0


Reader = Callable[[str, int, str, int], "Quantity | None"]


@dataclass(slots=True)
class Draft:
    """A quantity being read: every stage may move ``pos`` and fill the fields."""

    text: str
    start: int
    pre_q: str
    depth: int
    num: Num
    pos: int
    value: float
    value_max: float | None
    over: bool
    vague: bool
    read: Reader  # the whole reading, for a second number (a range's end, a list's last item)
    scale: float = 1.0
    prefix_word: str = ""
    unit: str = ""
    kind: str = ""
    qualifier: str = ""

    arabic: bool = True  # the number is written in Arabic digits

    @property
    def scaled(self) -> bool:
        return self.num.scaled or self.scale > 1

    def at(self, *words: str) -> bool:
        return self.text.startswith(words, self.pos)

    def done(self) -> Quantity:
        return Quantity(
            self.pos,
            self.value,
            self.value_max,
            self.unit,
            self.kind,
            self.qualifier,
            self.vague,
            self.prefix_word,
            self.scale,
        )


Outcome = Quantity | Literal[False] | None
Stage = Callable[[Draft], Outcome]


def is_year(value: float) -> bool:
    return float(value).is_integer() and 1000 <= value <= 2199


def times(value: float, factor: float) -> float:
    """``value * factor`` without binary noise: 85.65 * 1e8 is 8565000000.0."""
    if factor == 1:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def unit_at(text: str, pos: int) -> tuple[str, str] | None:
    found = longest_unit(text, pos)
    if found is None:
        return None
    unit = found[0]
    end = pos + len(unit)
    follower = text[end : end + 1]
    if follower and follower in UNIT_BREAKERS.get(unit, ""):
        return None
    if unit == "月" and follower == "份":
        return None  # 13月份 is no month and no duration either
    if unit[-1].isascii() and unit[-1].isalpha() and _ASCII_ALNUM.match(follower):
        return None  # 5 GBps is not GB, 65Watt is a word
    return found


def is_change(text: str, start: int, end: int) -> bool:
    """從X到Y read from ``start`` to ``end`` is a change, unless a word after it makes it a
    spread of values: 從3000元到3萬元不等, 由5萬至8萬元之間 are ranges.

    >>> is_change("從50萬到74萬", 1, 9), is_change("從3000元到3萬元不等", 1, 10)
    (True, False)
    """
    return change_from(text, start) and not text.startswith(SPREAD_WORDS, end)


def change_from(text: str, start: int) -> bool:
    """從/由 shortly before ``start``: "從50萬到74萬" is a change, not a range (從事 is not).

    >>> change_from("從50萬到", 1), change_from("從事紅木交易的有300人", 8)
    (True, False)
    """
    return _CHANGE_FROM.search(text, max(0, start - 8), start) is not None


def cue_kind(text: str, start: int, end: int) -> str:
    """Money or count for a unit-less amount, from the words around it: a cue right after
    it, else the cue starting nearest before it in its clause (money first on a tie).

    >>> cue_kind("融資超過萬", 4, 5), cue_kind("粉絲達到萬", 4, 5), cue_kind("萬級", 0, 1)
    ('money', 'count', 'number')
    >>> cue_kind("可創造二千億經濟效益", 3, 6), cue_kind("二千億，經濟效益", 0, 3)
    ('money', 'number')
    """
    lo = max(0, start - _CUE_REACH)
    opened = _LAST_BREAK.match(text, lo, start)  # the clause's start, within reach
    left = opened.end() if opened else lo
    closed = _FIRST_BREAK.search(text, end, end + 4)
    # the noun right after, or the noun its modifier opens (二千億經濟效益), else the nearest before
    m = _CUE_AT.search(text, end, closed.start() if closed else end + 4) or _LAST_CUE.match(text, left, start)
    return (m.lastgroup or "number") if m else "number"


# One search for every cue, money's first (the order cue_kind breaks ties in).
_CUES = (
    "(?P<money>"
    + "|".join(map(re.escape, MONEY_CUES + MONEY_KIND_CUES))
    + ")|(?P<count>"
    + "|".join(map(re.escape, COUNT_CUES))
    + ")"
)
CUE = re.compile(_CUES)
_CUE_AT = re.compile(f"(?=(?:{_CUES}))")  # the first place a cue starts, found in C
_LAST_CUE = re.compile(f"(?s).*(?=(?:{_CUES}))")  # greedy: the last place a cue starts
_CUE_REACH = 24  # characters before an amount searched for its cue, within its clause
_LAST_BREAK = re.compile("(?s).*[" + re.escape(_CLAUSE_BREAK) + "]")  # greedy: the last break
_FIRST_BREAK = re.compile("[" + re.escape(_CLAUSE_BREAK) + "]")
