"""The figure grammar: numerals with multipliers, units, qualifiers, ranges, dates.

:func:`scan` reads plain text (no jieba, no document) and returns every
quantity as a :class:`RawFigure`, in order, never overlapping.

>>> [(f.text, f.value, f.kind, f.qualifier) for f in scan("新增粉絲2.8萬,超過400位服務商,約15%的商家", )]
[('2.8萬', 28000.0, 'count', ''), ('超過400位', 400.0, 'count', 'over'), ('約15%', 15.0, 'percent', 'approx')]
>>> [(f.text, f.value, f.value_max) for f in scan("七八個工人,今年5月至8月,9月10日,116商家大會")]
[('七八個', 7.0, 8.0), ('5月至8月', '--05', '--08'), ('9月10日', '--09-10', None)]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from reader.figures.dates import parse_date
from reader.figures.numbers import Num, read_number
from reader.figures.units import (
    COUNT_CUES,
    MAGNITUDE_PREFIXES,
    MONEY_CUES,
    POST_QUALIFIER_WORDS,
    POST_QUALIFIERS,
    PRE_QUALIFIER_WORDS,
    UNIT_BREAKERS,
    longest_unit,
)
from reader.text.numerals import CN_NUMERAL_CHARS, MULTIPLIER_PATTERN, MULTIPLIERS


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
_RANGE_SEP = re.compile(r"[-~～—–至到]")
_MULTIPLIER = re.compile(rf"(?:[個个](?=[萬万億亿]))?(?:{MULTIPLIER_PATTERN})")
_CLAUSE_BREAK = "，,。！？!?；;：:\n"
_LIST_SEP = "、和與与及或跟"
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# Bare integers are quantities only right after these ("指數升至105,").
_BARE_INT_VERBS = (
    "降至",
    "升至",
    "增至",
    "減至",
    "减至",
    "收於",
    "收于",
    "錄得",
    "录得",
    "為",
    "为",
    "達",
    "达",
    "至",
    "到",
    "是",
)
_PUNCT_AFTER = "，,。；;、！？!?）)」”』\n"
_CHENG_BREAKERS = "為为立功本員员長长交就果績绩熟型效分群不是會会要年人都品"
# Numeral idioms that are not quantities.
_IDIOMS = re.compile(
    "三天兩頭|三天两头|三天打魚|三天打鱼|兩天曬網|两天晒网|十萬火急|十万火急|三年五載|三年五载|"
    "千家萬戶|千家万户|百家爭鳴|百家争鸣|一五一十|三番五次|三番兩次|三番两次|九牛一毛|十拿九穩|十拿九稳|"
    "五花八門|五花八门|三頭六臂|三头六臂|一年半載|一年半载|成千上萬|成千上万|成百上千|千篇一律"
)
# 提前3天, 之前, 以前, 3年前: here 前 is part of a word, not "the first N"
_BEFORE_QIAN_WORDS = "提之以目當当空眼此從从往向事生年天日月週周"
_QUARTER_LABEL = re.compile(r"[上下]$")  # 上半年/下半年 are period labels
_SLASH_DENOMINATOR = re.compile(r"/(\d{1,4})(?![\d.])")
_DOT_DIGIT = re.compile(r"\.\d")
_FRACTION = re.compile(rf"(\d+|[{CN_NUMERAL_CHARS}]+)分之(\d+(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+)")


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
    q = _quantity(text, i, pre_q, depth=0)
    if q is None or not all(v is None or isinstance(v, str) or math.isfinite(v) for v in (q.value, q.value_max)):
        return None  # 1e300萬 overflows: not an amount anyone wrote
    start = i - len(q.prefix_word or pre_word)
    qualifier = q.qualifier or pre_q
    value = q.value
    if _signed(text, i, start, q):
        start, value = i - 1, -value  # 同比-4%: the sign is part of the figure
    return RawFigure(start, q.end, text[start : q.end], value, q.value_max, q.unit, q.kind, qualifier, q.vague)


_MINUS = "-−－"


def _signed(text: str, i: int, start: int, q: _Quantity) -> bool:
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
_POST_BY_FIRST = _by_char(POST_QUALIFIER_WORDS, lambda w: w[0])


def _pre_qualifier(text: str, i: int, floor: int) -> tuple[str, str]:
    before = text[max(floor, i - 4) : i]
    for word, qualifier in _PRE_BY_LAST.get(before[-1:], ()):
        if before.endswith(word):
            j = i - len(word)
            if word in ("近", "超") and j > 0 and text[j - 1] in "最附靠鄰邻親亲貼贴趕赶將将接":
                return "", ""
            return word, qualifier
    return "", ""


@dataclass
class _Quantity:
    end: int
    value: float | str
    value_max: float | str | None
    unit: str
    kind: str
    qualifier: str = ""
    vague: bool = False
    prefix_word: str = ""  # 上/過/破 written before a bare magnitude
    scale: float = 1.0


def _quantity(text: str, i: int, pre_q: str, depth: int) -> _Quantity | None:
    frac = _fraction(text, i)
    if frac is not None:
        return frac
    num = read_number(text, i)
    if num is None:
        return None
    pos = num.end
    value, value_max = num.value, num.value_max
    over, vague = num.over, num.vague
    scale = 1.0
    prefix_word = ""
    unit, kind = "", ""

    if num.script == "arabic" and not num.decimal and text.startswith("/", pos):
        m = _SLASH_DENOMINATOR.match(text[pos : pos + 6])
        if m and 0 < value < int(m.group(1)):
            return _Quantity(pos + m.end(), value / int(m.group(1)), None, "", "fraction")
        return None

    if num.text == "一半":
        return _Quantity(pos, 0.5, None, "", "fraction")

    may_scale = num.script == "arabic" or (not num.scaled and not num.magnitude_only and num.value_max is None)
    if may_scale:
        gap = 1 if num.script == "arabic" and text.startswith(" ", pos) else 0
        m = _MULTIPLIER.match(text, pos + gap)
        # 兩萬 already holds its multiplier; after Chinese only 二十多萬 / 一個億 take one
        if m and (num.script == "arabic" or num.over or m.group().startswith(("個", "个"))):
            mult = MULTIPLIERS[m.group().lstrip("個个")]
            tail = m.end()
            if mult >= 1e4 or _unit_at(text, tail) or text.startswith(("多", "餘", "余"), tail):
                scale, pos = mult, tail
    if not over and text.startswith(("多", "餘", "余"), pos) and (scale > 1 or num.scaled):
        over, pos = True, pos + 1

    # "1000-1500元", "4-6條", "7000億-8000億元", "三至五年": the first number shares the second's unit
    if depth == 0 and not over and value_max is None and not num.vague and not num.magnitude_only:
        rng = _range_tail(text, num, pos, scale, i)
        if rng is not None:
            return rng

    value = _times(value, scale)
    value_max = _times(value_max, scale) if value_max is not None else None
    scaled = num.scaled or scale > 1

    if num.magnitude_only or scaled:
        if text.startswith(("級", "级", "量級", "量级"), pos):
            pos += 2 if text.startswith("量", pos) else 1
            return _Quantity(pos, value, None, "級", _cue_kind(text, num.start, pos), vague=True, scale=scale)

    gap = 1 if num.script == "arabic" and text.startswith(" ", pos) else 0
    found = _unit_at(text, pos + gap)
    if found is not None:
        unit, kind = found
        pos += gap + len(unit)
        if kind in ("duration",) and text.startswith("半", pos) and unit in ("年", "個月", "个月", "小時", "小时"):
            value, pos = value + 0.5, pos + 1
    elif (
        text.startswith("成", pos)
        and not scaled
        and value <= 10
        and text[pos + 1 : pos + 2] not in set(_CHENG_BREAKERS)
    ):
        unit, kind, pos = "成", "percent", pos + 1
        value, value_max = value * 10, value_max * 10 if value_max is not None else None
    elif text.startswith(("點", "点"), pos) and num.script == "arabic" and not scaled and (num.decimal or value > 24):
        unit, kind, pos = text[pos], "number", pos + 1  # index points; 12點 is a clock time
    elif (
        text.startswith(("點", "点"), pos)
        and num.script == "cn"
        and value <= 10
        and text[pos + 1 : pos + 2] not in ("鐘", "钟", "半", "多", "左")
    ):
        unit, kind, pos = text[pos], "count", pos + 1  # 三點建議
    if unit == "大" and num.script == "arabic" and value > 20:
        return None  # 618大促: a festival name, not "the N big ..."

    if num.text.startswith("半") and num.script == "cn":
        if kind != "duration" or _QUARTER_LABEL.search(text[max(0, i - 1) : i]) or text.startswith(("報", "报"), pos):
            return None

    # post qualifiers: 以上, 左右, 不止, 多 (after 倍 and durations)
    qualifier = "over" if over else ""
    for word in _POST_BY_FIRST.get(text[pos : pos + 1], ()):
        if text.startswith(word, pos):
            if word in ("多", "餘", "余") and (over or kind not in ("multiple", "duration")):
                continue
            if word == "上下" and text[pos + 2 : pos + 3] not in _PUNCT_AFTER:
                continue
            if word in ("前後", "前后") and kind not in ("duration", "count"):
                continue
            qualifier, pos = POST_QUALIFIERS[word], pos + len(word)
            break

    if num.magnitude_only:
        prefix = text[i - 1] if i > 0 else ""
        if prefix.isdigit() or prefix in CN_NUMERAL_CHARS + "多餘余幾几數数":
            return None
        if pre_q:
            vague = True
        elif prefix in MAGNITUDE_PREFIXES and not (i > 1 and text[i - 2] in "最以之向往北南馬马"):
            vague, prefix_word, qualifier = True, prefix, qualifier or MAGNITUDE_PREFIXES[prefix]
        elif kind in ("count", "money") and len(num.text) == 1 and text[pos : pos + 1] not in CN_NUMERAL_CHARS:
            vague = True
        elif len(num.text) >= 2 and kind not in ("duration",) and text[pos : pos + 1] not in "不別别要莫勿記记小注":
            vague = True
        else:
            return None

    if not kind:
        if scaled or num.decimal or (num.vague and value >= 1e4):
            kind = "number" if num.decimal and not scaled else _cue_kind(text, num.start, pos)
        elif num.script == "arabic" and depth < 4:
            inherited = _list_unit(text, num, pos, depth)
            if inherited is None:
                if not _bare_int_ok(text, num, pos):
                    return None
                kind = "number"
            if inherited is not None:
                unit, kind, scale = inherited
                value = _times(value, scale)
        else:
            return None
        if num.script == "arabic" and not scaled and _ASCII_LETTER.match(text[pos : pos + 1]):
            return None  # 3C, 5G, 116BigDay: names
        if (
            num.decimal
            and not scaled
            and (text.startswith(("時代", "时代", "版"), pos) or _DOT_DIGIT.match(text[pos : pos + 2]))
        ):
            return None

    if num.script == "cn" and num.text in ("一", "二", "半") and kind in ("count", "duration"):
        lone_one = not pre_q and qualifier not in ("over",) and not text.startswith("半", pos - 1)
        if num.text == "二" or (num.text == "一" and lone_one):
            return None  # 一X is an indefinite article, 二次/二手 are ordinal-like
    return _Quantity(pos, value, value_max, unit, kind, qualifier, vague, prefix_word, scale)


def _is_year(value: float) -> bool:
    return float(value).is_integer() and 1000 <= value <= 2199


def _times(value: float, factor: float) -> float:
    """``value * factor`` without binary noise: 85.65 * 1e8 is 8565000000.0."""
    if factor == 1:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def _unit_at(text: str, pos: int) -> tuple[str, str] | None:
    found = longest_unit(text[pos : pos + 6])
    if found is None:
        return None
    unit, kind = found
    follower = text[pos + len(unit) : pos + len(unit) + 1]
    if follower and follower in UNIT_BREAKERS.get(unit, ""):
        return None
    if unit == "月" and follower == "份":
        return None  # 13月份 is no month and no duration either
    return found


def _range_tail(text: str, num: Num, pos: int, scale: float, start: int) -> _Quantity | None:
    m = _RANGE_SEP.match(text, pos)
    if not m or _unit_at(text, pos) is not None:
        return None
    if (scale > 1 or num.scaled) and m.group() in "至到" and re.search("[從从由]", text[max(0, start - 8) : start]):
        return None  # 從50萬到74萬: a change between two figures, not a range
    second = read_number(text, m.end())
    if second is None or second.script != num.script or second.vague or second.magnitude_only:
        return None
    q = _quantity(text, m.end(), "", depth=1)
    if q is None or not (q.unit or q.scale > 1) or isinstance(q.value, str) or q.value_max is not None:
        return None
    if q.kind in ("fraction",) or (q.kind == "percent" and not q.unit):
        return None
    if q.unit == "年" and _is_year(num.value) and _is_year(q.value):
        return _Quantity(q.end, str(int(num.value)), str(int(q.value)), "年", "year")  # 2019-2021年
    factor = scale if (scale > 1 or num.scaled) else q.scale
    low = _times(num.value, factor * (10 if q.unit == "成" else 1))
    if not low < q.value:
        return None
    return _Quantity(q.end, low, q.value, q.unit, q.kind, q.qualifier, q.vague, "", q.scale)


def _list_unit(text: str, num: Num, pos: int, depth: int) -> tuple[str, str, float] | None:
    """ "30、40和50萬元": a bare number in a list takes the unit of the last item."""
    if text[pos : pos + 1] not in _LIST_SEP or not text[pos + 1 : pos + 2].isdigit():
        return None
    nxt = _quantity(text, pos + 1, "", depth + 1)
    if nxt is None or not (nxt.unit or nxt.scale > 1) or isinstance(nxt.value, str):
        return None
    if nxt.kind in ("duration",) and nxt.unit in ("年",):
        return None
    return nxt.unit, nxt.kind, nxt.scale


def _bare_int_ok(text: str, num: Num, pos: int) -> bool:
    before = text[max(0, num.start - 3) : num.start].rstrip("了")
    after = text[pos : pos + 1]
    return before.endswith(_BARE_INT_VERBS) and (after == "" or after in _PUNCT_AFTER or after in "和與与及")


def _fraction(text: str, i: int) -> _Quantity | None:
    """ "四分之一" -> 0.25; "百分之三十" -> 30 percent; "千分之五" -> 0.5 percent."""
    m = _FRACTION.match(text[i : i + 48])
    if not m:
        return None
    den = read_number(m.group(1), 0)
    num = read_number(m.group(2), 0)
    if den is None or num is None or den.end != len(m.group(1)) or num.end != len(m.group(2)):
        return None
    if den.value_max is not None or den.value <= 0:
        return None
    end = i + m.end()
    if den.value == 100:
        return _Quantity(end, num.value, num.value_max, "%", "percent")
    if den.value == 1000:
        return _Quantity(end, num.value / 10, None, "‰", "percent")
    if num.value_max is not None:
        return None
    return _Quantity(end, num.value / den.value, None, "", "fraction")


def _cue_kind(text: str, start: int, end: int) -> str:
    """Money or count for a unit-less amount, from the words around it: a cue right after
    it, else the cue starting nearest before it in its clause (money first on a tie).

    >>> _cue_kind("融資超過萬", 4, 5), _cue_kind("粉絲達到萬", 4, 5), _cue_kind("萬級", 0, 1)
    ('money', 'count', 'number')
    """
    left = start
    while left > 0 and start - left < 24 and text[left - 1] not in _CLAUSE_BREAK:
        left -= 1
    m = _CUE.match(text[end : end + 4])
    if m:
        return m.lastgroup
    before = text[left:start]
    for k in range(len(before) - 1, -1, -1):
        m = _CUE.match(before, k)
        if m:
            return m.lastgroup
    return "number"


# One search for every cue, money's first (the order _cue_kind breaks ties in).
_CUE = re.compile(
    "(?P<money>" + "|".join(map(re.escape, MONEY_CUES)) + ")|(?P<count>" + "|".join(map(re.escape, COUNT_CUES)) + ")"
)
