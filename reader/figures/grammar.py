"""The figure grammar: numerals with multipliers, units, qualifiers, ranges, dates.

:func:`scan` reads plain text (no jieba, no document) and returns every
quantity as a :class:`RawFigure`, in order, never overlapping.

>>> [(f.text, f.value, f.kind, f.qualifier) for f in scan("新增粉絲2.8萬,超過400位服務商,約15%的商家", )]
[('2.8萬', 28000.0, 'count', ''), ('超過400位', 400.0, 'count', 'lower'), ('約15%', 15.0, 'percent', 'approx')]
>>> [(f.text, f.value, f.value_max) for f in scan("七八個工人,今年5月至8月,9月10日,116商家大會")]
[('七八個', 7.0, 8.0), ('5月至8月', '--05', '--08'), ('9月10日', '--09-10', None)]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from reader.figures.dates import parse_date
from reader.figures.quantity import Quantity, quantity
from reader.figures.units import PRE_QUALIFIER_WORDS
from reader.text.numerals import CN_NUMERAL_CHARS


@dataclass(frozen=True)
class RawFigure:
    """A figure found in plain text: span, normalized value, unit, kind, qualifier."""

    start: int
    end: int
    text: str
    value: float | str
    value_max: float | str | None
    unit: str
    kind: str
    qualifier: str = ""
    vague: bool = False


# A candidate starts at a run of digits or Chinese numeral characters.
_RUN = re.compile(rf"\d+(?:\.\d+)*|[{CN_NUMERAL_CHARS}幾几數数半]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# Numeral idioms that are not quantities.
_IDIOMS = re.compile(
    "三天兩頭|三天两头|三天打魚|三天打鱼|兩天曬網|两天晒网|十萬火急|十万火急|三年五載|三年五载|"
    "千家萬戶|千家万户|百家爭鳴|百家争鸣|一五一十|三番五次|三番兩次|三番两次|九牛一毛|十拿九穩|十拿九稳|"
    "五花八門|五花八门|三頭六臂|三头六臂|一年半載|一年半载|成千上萬|成千上万|成百上千|千篇一律"
)
# 週五, 星期六: weekdays are names, not counts (D18)
_WEEKDAY_BEFORE = ("週", "周", "星期", "禮拜", "礼拜")
_WEEKDAY_NUMERALS = "一二三四五六日"
# 提前3天, 之前, 以前, 3年前: here 前 is part of a word, not "the first N"
_BEFORE_QIAN_WORDS = "提之以目當当空眼此從从往向事生年天日月週周"


def scan(text: str, start: int = 0, end: int | None = None) -> list[RawFigure]:
    """Every figure starting in ``text[start:end]``, in order, non-overlapping (a figure
    never spans a line, so line-aligned spans can be scanned apart)."""
    end = len(text) if end is None else end
    idioms = [(m.start(), m.end()) for m in _IDIOMS.finditer(text, start, end)]
    out: list[RawFigure] = []
    taken = start
    for m in _RUN.finditer(text, start, end):
        if m.start() < taken:
            continue
        fig = _figure_at(text, m.start(), taken)
        if fig is None or any(s < fig.end and fig.start < e for s, e in idioms):
            continue
        out.append(fig)
        taken = fig.end
    return out


def _figure_at(text: str, i: int, floor: int) -> RawFigure | None:
    if i > 0 and text[i - 1] == "第":
        return None  # ordinals
    if text[i] in _WEEKDAY_NUMERALS and text[max(0, i - 2) : i].endswith(_WEEKDAY_BEFORE):
        if text[i + 1 : i + 2] not in _WEEKDAY_NUMERALS + "十":
            return None  # 週五晚: Friday evening
    if i > 1 and text[i - 1] == "前" and text[i - 2] not in _BEFORE_QIAN_WORDS and not text[i].isdigit():
        return None  # 前兩次, 前三季度: "the first N", a ranking rather than a quantity
    if text[i].isdigit() and i > 0 and (_ASCII_LETTER.match(text[i - 1]) or text[i - 1] in ".-_/"):
        if not (text[i - 1] == "-" and not (i > 1 and _ASCII_LETTER.match(text[i - 2]))):
            return None  # part of a name or code: A3, COVID-19, v1.2
    pre_word, pre_q = _pre_qualifier(text, i, floor)
    date = parse_date(text, i, has_qualifier=bool(pre_q))
    if date is not None:
        end, value, value_max, kind = date
        return RawFigure(i, end, text[i:end], value, value_max, "年" if kind == "year" else "", kind)
    q = quantity(text, i, pre_q)
    if q is None or not all(v is None or isinstance(v, str) or math.isfinite(v) for v in (q.value, q.value_max)):
        return None  # 1e300萬 overflows: not an amount anyone wrote
    start = i - len(q.prefix_word or pre_word)
    qualifier = q.qualifier or pre_q
    value = q.value
    if _signed(text, i, start, q):
        start, value = i - 1, -value  # 同比-4%: the sign is part of the figure
    return RawFigure(start, q.end, text[start : q.end], value, q.value_max, q.unit, q.kind, qualifier, q.vague)


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
