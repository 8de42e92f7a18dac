"""Reading one number at a position: Arabic or Chinese, ranges, vague magnitudes.

>>> n = read_number("七八個", 0); (n.value, n.value_max, n.end)
(7.0, 8.0, 2)
>>> n = read_number("上萬名", 1); (n.value, n.magnitude_only)
(10000.0, True)
>>> n = read_number("1000多萬", 0); (n.value, n.over, n.end)
(1000.0, True, 5)
>>> n = read_number("幾千年", 0); (n.value, n.vague)
(1000.0, True)
>>> read_number("1.2.3", 0) is None, read_number("數據", 0) is None
(True, True)
>>> read_number("以1,206.9億元", 1).value, read_number("3,313.06點", 0).value
(1206.9, 3313.06)
>>> n = read_number("十萬元", 0); (n.value, n.magnitude_only, n.vague)
(100000.0, False, False)
>>> n = read_number("十幾萬人", 0); (n.value, n.vague, n.over, n.end)
(100000.0, True, True, 3)
>>> read_number("零點零零一", 0).value, read_number("壹佰壹拾壹元", 0).value, read_number("參股", 0)
(0.001, 111.0, None)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from reader.text.numerals import (
    CAPITAL_CHARS,
    CAPITALS,
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    arabic,
    cn_decimal,
    cn_number,
    cn_range,
    magnitude,
)

_DOT_DIGIT = re.compile(r"\.\d")

# Thousands separators, with a decimal part too (1,206.9億元, 3,313.06點).
_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?")
_CN_RUN = re.compile(rf"[{CN_NUMERAL_CHARS}幾几數数半]+")
_VAGUE_MAGNITUDE = re.compile(r"^[幾几數数]([十百千萬万億亿]+)$")  # 數萬, 幾千, 幾十萬
_TENS_AND_SOME = re.compile(r"^((?:[一二三四五六七八九])?十)[幾几]$")  # 十幾, 二十幾
_TENS_AND_SOME_SCALED = re.compile(r"^((?:[一二三四五六七八九])?十)[幾几]([萬万億亿]+)$")  # 十幾萬, 二十幾億
_MORE = ("多", "餘", "余")
# 零點一, 三點五: a Chinese decimal; 一點一點 (bit by bit) and 八點一刻 (a clock time) are none.
_CN_DECIMAL = re.compile(rf"[點点]([{CN_DIGITS}]+)(?![點点刻分時时鐘钟])")
_MONEY_AFTER_CAPITAL = ("元", "圓", "圆", "整", "角")
_CAPITALS = frozenset(CAPITAL_CHARS)
_POINT = frozenset("點点")


class Num(NamedTuple):
    """A number read at ``start``; ``end`` is past it (and past 多/餘 if any).  Immutable like a
    frozen dataclass, but a tuple: one is built for every candidate numeral of a text, and a
    frozen dataclass sets each field through ``object.__setattr__``."""

    start: int
    end: int
    text: str  # the numeral itself, without 多/餘
    value: float
    value_max: float | None = None
    script: str = "arabic"  # "arabic" or "cn"
    decimal: bool = False
    magnitude_only: bool = False  # 萬, 百萬, 千億: only a size
    vague: bool = False  # 數萬, 十幾
    over: bool = False  # 30多, 十餘
    scaled: bool = False  # the numeral holds 萬/億 itself (兩萬)

    @property
    def plain(self) -> bool:
        """A bare exact number, fit to open a range ("1000-1500元")."""
        return not (self.vague or self.magnitude_only or self.scaled or self.over or self.value_max is not None)


def read_number(text: str, i: int) -> Num | None:
    """The number written at ``text[i:]``, or None."""
    if i >= len(text):
        return None
    if text[i].isdigit():
        return _read_arabic(text, i)
    m = _CN_RUN.match(text, i)
    if not m:
        return None
    return _read_chinese(text, i, m.group())


def _read_arabic(text: str, i: int) -> Num | None:
    m = _ARABIC.match(text, i)
    if not m:
        return None
    written, end = m.group(), m.end()
    if text[end : end + 1] == "." and _DOT_DIGIT.match(text, end):
        return None  # 1.2.3 is a version, not a number
    value = arabic(written)
    if value is None:
        return None
    decimal = "." in written
    over = not decimal and value >= 10 and text.startswith(_MORE, end)
    # start, end, text, value, value_max, script, decimal, magnitude_only, vague, over (past 多/餘)
    return Num(i, end + over, written, value, None, "arabic", decimal, False, False, over)


def _read_chinese(text: str, i: int, run: str) -> Num | None:
    end = i + len(run)
    if not _CAPITALS.isdisjoint(run):
        if len(run) < 2 and not text.startswith(_MONEY_AFTER_CAPITAL, end):
            return None  # 參股, 大陸, 收拾: a capital alone is a word, not a number
        run = run.translate(CAPITALS)
    dec = _CN_DECIMAL.match(text, end) if text[end : end + 1] in _POINT else None
    if dec and cn_number(run) is not None:
        value = cn_decimal(run + "點" + dec.group(1))
        if value is not None:
            return Num(i, dec.end(), text[i : dec.end()], value, script="cn", decimal=True)
    if run in _SOME and text[end : end + 1] in ("個", "个") and text[end + 1 : end + 2] in ("萬", "万", "億", "亿"):
        size = magnitude(text[end + 1])  # 幾個億: some hundred millions
        return Num(i, end + 2, text[i : end + 2], size or 1e8, script="cn", vague=True, scaled=True)
    reading = _alone(run)
    if reading is None:
        return None
    num, more = reading
    if more is not None and text.startswith(_MORE, end):
        num = more
    return Num(i, i + num.end, *num[2:])


_SOME = ("幾", "几", "數", "数")


@lru_cache(maxsize=4096)  # a text has few distinct numerals: 一, 三, 兩, 數, 十 ...
def _alone(run: str) -> tuple[Num, Num | None] | None:
    """The Chinese numeral ``run`` (capitals read) read at offset 0 from itself alone, and
    the reading when 多/餘 follows it where that changes it (百餘家, 二十多); None: no number.

    >>> _alone("七八")[0][3:5], _alone("百")[0].magnitude_only, _alone("百")[1].over, _alone("數")
    ((7.0, 8.0), True, True, None)
    """
    end = len(run)
    m = _VAGUE_MAGNITUDE.match(run)
    if m:
        size = 10.0 if m.group(1) == "十" else magnitude(m.group(1))
        if size is None:
            return None
        return Num(0, end, run, size, script="cn", vague=True, scaled=size >= 1e4), None
    m = _TENS_AND_SOME.match(run)
    if m:
        return Num(0, end, run, cn_number(m.group(1)) or 10.0, script="cn", vague=True, over=True), None
    if "半" in run:
        return (Num(0, end, run, 0.5, script="cn"), None) if run in ("半", "一半") else None
    m = _TENS_AND_SOME_SCALED.match(run)
    if m:
        size = magnitude(m.group(2))
        if size is None:
            return None
        tens = cn_number(m.group(1)) or 10.0
        return Num(0, end, run, tens * size, script="cn", vague=True, over=True, scaled=True), None
    if any(c in run for c in _SOME):
        return None
    rng = cn_range(run)
    if rng is not None:
        return Num(0, end, run, rng[0], rng[1], script="cn", scaled=run[-1] in "萬万億亿"), None
    size = magnitude(run)
    if size is not None and run[0] == "十":  # 十萬元 is ten times 萬, exact (萬元 alone is a size)
        return Num(0, end, run, size, script="cn", scaled=size >= 1e4), None
    if size is not None:  # 百餘家, 千多人: "over a hundred", an amount
        over = Num(0, end + 1, run, size, script="cn", over=True, scaled=size >= 1e4)
        return Num(0, end, run, size, script="cn", magnitude_only=True, scaled=size >= 1e4), over
    value = cn_number(run)
    if value is None:
        return None
    scaled = run[-1] in "萬万億亿"
    more = Num(0, end + 1, run, value, script="cn", over=True, scaled=scaled) if run[-1] in "十百千萬万億亿" else None
    return Num(0, end, run, value, script="cn", scaled=scaled), more
