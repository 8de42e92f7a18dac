"""The figure grammar: numerals with multipliers, units, qualifiers, ranges, dates.

:func:`scan` reads plain text (no jieba, no document) and returns every
quantity as a :class:`RawFigure`, in order, never overlapping.

>>> [(f.text, f.value, f.kind, f.qualifier) for f in scan("新增粉絲2.8萬,超過400位服務商,約15%的商家", )]
[('2.8萬', 28000.0, 'count', ''), ('超過400位', 400.0, 'count', 'lower'), ('約15%', 15.0, 'percent', 'approx')]
>>> [(f.text, f.value, f.value_max) for f in scan("七八個工人,今年5月至8月,9月10日,116商家大會")]
[('七八個', 7.0, 8.0), ('5月至8月', '--05', '--08'), ('9月10日', '--09-10', None)]
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from reader.figures.dates import parse_date
from reader.figures.latin import latin_figure_at, may_be_latin
from reader.figures.quantity import Quantity, quantity
from reader.figures.units import POST_QUALIFIER_WORDS, PRE_QUALIFIER_WORDS, UNITS
from reader.text.numerals import CAPITAL_CHARS, CN_DIGITS, CN_NUMERAL_CHARS, MULTIPLIERS


class RawFigure(NamedTuple):
    """A figure found in plain text: span, normalized value, unit, kind, qualifier (a tuple,
    as reader.figures.numbers.Num: one per figure of a book)."""

    start: int
    end: int
    text: str
    value: float | str
    value_max: float | str | None
    unit: str
    kind: str
    qualifier: str = ""
    vague: bool = False


# Numeral idioms that are not quantities.
_IDIOMS = re.compile(
    "三天兩頭|三天两头|三天打魚|三天打鱼|兩天曬網|两天晒网|十萬火急|十万火急|三年五載|三年五载|"
    "千家萬戶|千家万户|百家爭鳴|百家争鸣|一五一十|三番五次|三番兩次|三番两次|九牛一毛|十拿九穩|十拿九稳|"
    "五花八門|五花八门|三頭六臂|三头六臂|一年半載|一年半载|成千上萬|成千上万|成百上千|千篇一律|"
    "四面八方|四面楚歌|八面玲瓏|八面玲珑|五金"
)
# 週五, 星期六: weekdays are names, not counts (D18)
_WEEKDAY_BEFORE = ("週", "周", "星期", "禮拜", "礼拜")
_WEEKDAY_NUMERALS = "一二三四五六日"
_WEEKDAY_GOES_ON = frozenset(_WEEKDAY_NUMERALS + "十")  # 週五十 is no weekday
# 提前3天, 之前, 以前, 3年前: here 前 is part of a word, not "the first N"
_BEFORE_QIAN_WORDS = "提之以目當当空眼此從从往向事生年天日月週周"


# Chinese digits alone (一, 七八, 陸) are a figure only before one of these: a unit, a multiplier,
# 成/點/分之/半/多, a range or list separator, a date part.  Checked first, because 一 is everywhere.
_PLAIN_DIGITS = frozenset(CN_DIGITS + CAPITAL_CHARS) - frozenset("拾佰仟")
_FOLLOWERS = frozenset(
    [u[0] for u in UNITS]
    + [m[0] for m in MULTIPLIERS]
    + [w[0] for w in POST_QUALIFIER_WORDS]
    + list("成點点分之半多餘余個个級级量-~～—–至到年月日號号/、和與与及或跟元圓圆整角時时")
)


_RUN_CHARS = CN_NUMERAL_CHARS + "幾几數数半"


def _class(chars: Iterable[str]) -> str:
    return "[" + "".join(sorted(map(re.escape, chars))) + "]"


# A candidate starts at a run of digits or Chinese numeral characters, unless the run is
# Chinese digits alone followed by none of the followers: the engine passes those by in C.
# (Written to open with one class of every first character, the branch then told by a
# look-behind at it: the engine skips in C to such a character.)
_PLAIN, _OTHER = _class(_PLAIN_DIGITS), _class(set(_RUN_CHARS) - _PLAIN_DIGITS)
_CN, _GOES_ON = _class(_RUN_CHARS), _class(set(_RUN_CHARS) | _FOLLOWERS)
_RUN = re.compile(
    rf"[\d{_RUN_CHARS}]"
    rf"(?:(?<=\d)\d*(?:\.\d+)*"  # Arabic digits and decimals
    rf"|(?<={_PLAIN})(?!{_PLAIN}*(?!{_GOES_ON})){_CN}*"  # Chinese digits, not alone before what cannot follow
    rf"|(?<={_OTHER}){_CN}*)"  # the other numerals: 十, 百, 萬, 數, 半
)


def candidates(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The runs a figure may start at: digits, or Chinese numerals except Chinese digits
    alone followed by nothing a figure can go on with ("一些", "統一", "大陸").

    >>> [m.group() for m in candidates("一些，統一，大陸，一款，十些，三十，5些")]
    ['一', '十', '三十', '5']
    """
    return _RUN.finditer(text, start, len(text) if end is None else end)


def scan(text: str, start: int = 0, end: int | None = None) -> list[RawFigure]:
    """Every figure starting in ``text[start:end]``, in order, non-overlapping (a figure
    never spans a line, so line-aligned spans can be scanned apart)."""
    end = len(text) if end is None else end
    idioms = Idioms(text, start, end) or None  # most texts have none
    out: list[RawFigure] = []
    taken = start
    for m in candidates(text, start, end):
        i, j = m.span()
        if i < taken:
            continue
        run, after = m.group(), text[j : j + 1]
        fig = may_be_latin(text, i, j) and _latin_at(text, i, taken) or None
        fig = fig or _figure_at(text, i, taken, _may_be_date(run, after))
        if fig is None or (idioms is not None and idioms.overlap(fig.start, fig.end)):
            continue
        out.append(fig)
        taken = fig.end
    return out


class Idioms:
    """The numeral idioms of ``text[start:end]`` (三天兩頭, 成千上萬): no figure overlaps one.

    >>> t = "三天兩頭有3人，成千上萬"; found = Idioms(t, 0, len(t))
    >>> found.overlap(1, 3), found.overlap(5, 7), found.overlap(11, 13), found.overlap(12, 20)
    (True, False, True, False)
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.spans = list(map(re.Match.span, _IDIOMS.finditer(text, start, end)))
        self.starts = [s for s, _e in self.spans]  # in order and apart: their ends are in order too

    def __bool__(self) -> bool:
        return bool(self.spans)  # most texts have none

    def overlap(self, start: int, end: int) -> bool:
        """An idiom overlaps ``text[start:end]``: the last one starting before ``end`` ends after ``start``."""
        k = bisect.bisect_left(self.starts, end) - 1
        return k >= 0 and self.spans[k][1] > start


def _latin_at(text: str, i: int, floor: int) -> RawFigure | None:
    """An amount written in English (reader.figures.latin) at ``text[i]``; a Chinese
    qualifier before it counts too (約$5 million).

    >>> _latin_at("約$81.8billion的", 2, 0)
    RawFigure(start=0, end=13, text='約$81.8billion', value=81800000000.0, value_max=None, unit='$', kind='money', qualifier='approx', vague=False)
    """
    fig = latin_figure_at(text, i)
    if fig is None or fig.start < floor:
        return None
    start, qualifier = fig.start, fig.qualifier
    if not qualifier:
        word, qualifier = _pre_qualifier(text, start, floor)
        start -= len(word)
    return RawFigure(start, fig.end, text[start : fig.end], fig.value, None, fig.unit, fig.kind, qualifier)


def _may_be_date(run: str, after: str) -> bool:
    """Only a numeral followed by a date part or separator can start a date (saves the date
    grammar on every other number).

    >>> _may_be_date("2021", "年"), _may_be_date("1", "-"), _may_be_date("2.8", "萬"), _may_be_date("2021.10.8", "")
    (True, True, False, True)
    """
    return after in _DATE_NEXT or run.count(".") == 2


_DATE_NEXT = frozenset("年月日-/~～—–至到）)")  # ）: 今（2）日


def _figure_at(text: str, i: int, floor: int, may_be_date: bool = True) -> RawFigure | None:
    first, before = text[i], text[i - 1] if i > 0 else ""
    if before == "第":
        return None  # ordinals
    if first in _WEEKDAY_NUMERALS and text[max(0, i - 2) : i].endswith(_WEEKDAY_BEFORE):
        if text[i + 1 : i + 2] not in _WEEKDAY_GOES_ON:
            return None  # 週五晚: Friday evening
    if before == "前" and i > 1 and text[i - 2] not in _BEFORE_QIAN_WORDS and not first.isdigit():
        return None  # 前兩次, 前三季度: "the first N", a ranking rather than a quantity
    if before.isascii() and before and (before.isalpha() or before in ".-_/") and first.isdigit():  # A3, -19
        if not (before == "-" and not (i > 1 and _ascii_letter(text[i - 2]))):
            return None  # part of a name or code: A3, COVID-19, v1.2
    pre_word, pre_q = _pre_qualifier(text, i, floor)
    date = parse_date(text, i, has_qualifier=bool(pre_q)) if may_be_date else None
    if date is not None:
        end, day, day_max, kind = date
        return RawFigure(i, end, text[i:end], day, day_max, "年" if kind == "year" else "", kind)
    q = quantity(text, i, pre_q)
    if q is None or not (_finite(q.value) and _finite(q.value_max)):
        return None  # 1e300萬 overflows: not an amount anyone wrote
    start = i - len(q.prefix_word or pre_word)
    qualifier = q.qualifier or pre_q
    value, value_max = q.value, q.value_max
    if _signed(text, i, start, q) and isinstance(value, float):
        start, value = i - 1, -value  # 同比-4%: the sign is part of the figure
    elif below_zero(text, start, q.kind) and isinstance(value, float) and not isinstance(value_max, str):
        low, high = value, value_max  # 零下8至10℃: from -10 up to -8
        start, value, value_max = start - len(BELOW_ZERO), -(high or low), -low if high else None
    return RawFigure(start, q.end, text[start : q.end], value, value_max, q.unit, q.kind, qualifier, q.vague)


def _ascii_letter(c: str) -> bool:
    """A-Z or a-z (the ASCII letters are exactly the ASCII characters that are alphabetic)."""
    return c.isascii() and c.isalpha()


def _finite(value: float | str | None) -> bool:
    """Not an overflowed float (1e300萬): None, a date string or a finite number."""
    return not isinstance(value, float) or math.isfinite(value)


BELOW_ZERO = "零下"


def below_zero(text: str, start: int, kind: str) -> bool:
    """零下 before a temperature is its sign, written in words: 零下5度 is -5, and
    零下8至10℃ is -10..-8 (a value never has the wrong sign).

    >>> below_zero("氣溫零下5度", 4, "temperature"), below_zero("零下5人", 2, "people")
    (True, False)
    >>> [(f.text, f.value, f.value_max) for f in scan("跌破零下40℃，零下8至10℃")]
    [('零下40℃', -40.0, None), ('零下8至10℃', -10.0, -8.0)]
    """
    return kind == "temperature" and text.startswith(BELOW_ZERO, start - len(BELOW_ZERO))


_MINUS = "-−－"


def _signed(text: str, i: int, start: int, q: Quantity) -> bool:
    """A minus written directly before the digits, not after a digit or letter (a range, a code)."""
    return (
        start == i
        and i > 0
        and text[i - 1] in _MINUS
        and text[i].isdigit()
        and isinstance(q.value, float)
        and q.value_max is None
        and not (i > 1 and (text[i - 2].isalnum() and text[i - 2].isascii() or text[i - 2] in ".-_/"))
    )


def _by_char(words, char_of) -> dict[str, list]:
    """``words`` grouped by one of their characters, each group in the original order."""
    groups: dict[str, list] = {}
    for w in words:
        groups.setdefault(char_of(w), []).append(w)
    return groups


# Only words ending with the character before a figure can end there (same order as the list).
_PRE_BY_LAST = _by_char(PRE_QUALIFIER_WORDS, lambda wq: wq[0][-1])


def _pre_qualifier(text: str, i: int, floor: int) -> tuple[str, str]:
    before = text[max(floor, i - 4) : i]
    for word, qualifier in _PRE_BY_LAST.get(before[-1:], ()):
        if before.endswith(word):
            j = i - len(word)
            if word in ("近", "超") and j > 0 and text[j - 1] in "最附靠鄰邻親亲貼贴趕赶將将接":
                return "", ""
            return word, qualifier
    return "", ""
