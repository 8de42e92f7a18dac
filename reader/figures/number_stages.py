"""Stages reading the number itself: its shape (fraction, race time, dimensions), its
multiplier (萬, 億, 千 after digits), a range and an order of magnitude (億級).

Each stage takes the :class:`~reader.figures.draft.Draft` and returns ``None`` to go on, a
finished :class:`~reader.figures.draft.Quantity`, or ``False`` when the number is no
quantity; :data:`reader.figures.quantity.STAGES` runs them in order.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reader.figures.draft import CUE, RANGE_SEP, Draft, Outcome, Quantity, is_change, is_year, times, unit_at
from reader.figures.numbers import Num, read_number
from reader.text.numerals import MULTIPLIER_PATTERN, MULTIPLIERS

_MULTIPLIER = re.compile(rf"(?:[個个](?=[萬万億亿]))?(?:{MULTIPLIER_PATTERN})")
_BIG_MULTIPLIER = re.compile("萬億|万亿|[萬万億亿]")
_SLASH_DENOMINATOR = re.compile(r"/(\d{1,4})(?![\d.])")
# Race and split times (D5): 1分53.92秒, 1分56秒48, 52秒70, 52.27秒.
_RACE_TIME = re.compile(r"(?:(\d{1,2})分)?(\d{1,2}(?:\.\d{1,3})?)秒(?:(\d{2})(?![\d.]))?")
# A height in metres and centimetres: 1米85 is 1.85 m, 1米7 is 1.7 m.
_METRES_AND = re.compile(r"([1-2])米(\d{1,2})(?![\d.])")
# Dimensions (D9): "138.4 x 67.3 x 7.3 mm" are three quantities in the last one's unit.
_DIMENSION = re.compile(r"(?:\s?[x×X*]\s?\d+(?:\.\d+)?){1,3}\s?")  # bounded: no rescans of a long chain
SLASH_MARKS = frozenset("/")
METRE_MARKS = frozenset("米")
# A few items of one size (a relay's 4×100米): one figure, the size.
TIMES_MARKS = frozenset("x×X* ")
RACE_MARKS = frozenset("分秒.")  # what may follow the first number of a race time
_ITEMS_OF = re.compile(r"[1-9][×xX*](?=\d)")
_UNIT_LIKE_MULTIPLIER = set("千百")
_MORE = set("多餘余")
# multiplier reads a blank, 兆, a multiplier (個 before one) or 多/餘 at the draft's position, nothing else.
MULTIPLIER_MARKS = frozenset(" 兆個个" + "".join(m[0] for m in MULTIPLIERS)) | _MORE
# 千/百 after digits is a multiplier (5千, 2千多億) unless it starts one of these words.
_SMALL_MULTIPLIER_BREAKERS = set("度貨货姓強强分家")
GRADE_MARKS = frozenset("級级量")
_TAIWAN_CURRENCY = ("新台幣", "新臺幣", "新台币", "台幣", "臺幣", "台币")
# 11萬8249, 2萬9千, 4億2千萬, 1億5000萬: the lower digits written after a big multiplier.
_LOWER_ORDER = re.compile(rf"(\d,\d{{3}}|\d{{1,4}})({MULTIPLIER_PATTERN})?(?![\d.,])")  # 8249 or 8,249
_NOT_AFTER_LOWER = set("年月日號号-/%％")
_TEN_THOUSAND = set("萬万")
# A ratio or score (5.2:1, 3：1) is no quantity (policy: ratios are optional).
_RATIO = re.compile(r"[:：]\d")
# A Chinese range that shares the magnitude of its second end: 三到五百元 is 300..500.
_SHARED_MAGNITUDE = re.compile("[一二兩两三四五六七八九]([十百千])$")


def slash_fraction(d: Draft) -> Outcome:
    """ "1/4" is a fraction; any other slash after digits ends the reading.

    >>> from reader.figures.quantity import draft
    >>> slash_fraction(draft("1/4的用戶")).value, slash_fraction(draft("3/2"))
    (0.25, False)
    """
    if d.text[d.pos : d.pos + 1] not in SLASH_MARKS or not d.arabic or d.num.decimal:
        return None
    m = _SLASH_DENOMINATOR.match(d.text[d.pos : d.pos + 6])
    if m and 0 < d.value < int(m.group(1)):
        return Quantity(d.pos + m.end(), d.value / int(m.group(1)), None, "", "fraction")
    return False


def half_of(d: Draft) -> Outcome:
    """ "一半" is the fraction 0.5.

    >>> from reader.figures.quantity import draft
    >>> half_of(draft("一半的人")).value
    0.5
    """
    return Quantity(d.pos, 0.5, None, "", "fraction") if d.num.text == "一半" else None


def race_time(d: Draft) -> Outcome:
    """A race or split time in seconds (D5): minutes with seconds, or hundredths after 秒.

    >>> from reader.figures.quantity import draft
    >>> [race_time(draft(t)).value for t in ("1分53.92秒", "1分56秒48", "52秒70的")]
    [113.92, 116.48, 52.7]
    >>> race_time(draft("52.27秒")).kind, race_time(draft("30秒")), race_time(draft("5秒10米"))
    ('time', None, None)
    """
    if d.text[d.pos : d.pos + 1] not in RACE_MARKS or not d.arabic:
        return None
    m = _RACE_TIME.match(d.text, d.start)
    if not m:
        return None
    minutes, seconds, hundredths = m.groups()
    end = m.end()
    if hundredths and unit_at(d.text, end) is not None:
        hundredths, end = None, m.start(3)
    if hundredths and "." in seconds or (minutes and float(seconds) >= 60):
        return None
    if not (minutes or hundredths or "." in seconds):
        return None  # 30秒: a plain duration
    value = Decimal(minutes or 0) * 60 + Decimal(seconds) + Decimal(hundredths or 0) / 100
    return Quantity(end, float(value), None, "秒", "time")


def metres_and_centimetres(d: Draft) -> Outcome:
    """A height written 1米85 (1.85 m), like a split time: one figure.

    >>> from reader.figures.quantity import trial
    >>> [trial(t).value for t in ("1米85，", "1米7的個子")], type(trial("1米高", 0, metres_and_centimetres)).__name__
    ([1.85, 1.7], 'Draft')
    """
    if d.text[d.pos : d.pos + 1] not in METRE_MARKS or not d.arabic:
        return None
    m = _METRES_AND.match(d.text, d.start)
    if not m or unit_at(d.text, m.end()) is not None:
        return None
    cm = m.group(2)
    value = Decimal(m.group(1)) + Decimal(cm) / (10 if len(cm) == 1 else 100)
    return Quantity(m.end(), float(value), None, "米", "quantity")


def dimensions(d: Draft) -> Outcome:
    """The first numbers of "a x b x c mm" take the unit of the last (D9).

    >>> from reader.figures.quantity import draft
    >>> q = dimensions(draft("138.4x 67.3x 7.3mm")); (q.end, q.value, q.unit, q.kind)
    (5, 138.4, 'mm', 'quantity')
    >>> dimensions(draft("3x3矩陣")), dimensions(draft("40x市盈率")), dimensions(draft("4×100米")).value
    (False, None, 100.0)
    """
    if d.text[d.pos : d.pos + 1] not in TIMES_MARKS or not d.arabic:
        return None
    if _ITEMS_OF.match(d.text, d.start) and d.pos == d.start + 1 and not d.depth:
        size = d.read(d.text, d.pos + 1, "", d.depth + 1)  # 4×100米: the size, with its count
        return Quantity(size.end, size.value, None, size.unit, size.kind) if size and size.unit else False
    m = _DIMENSION.match(d.text, d.pos)
    if not m:
        return None
    found = unit_at(d.text, m.end())
    if found is None or found[1] != "quantity":
        return None
    return Quantity(d.pos, d.value, None, found[0], "quantity")


def multiplier(d: Draft) -> Outcome:
    """萬/億 (and 千/百 after digits) scale the number: 2.8萬, 5千, 2千多億, 1000多萬.

    >>> from reader.figures.quantity import trial
    >>> [(x.value, x.scale, x.pos, x.over) for x in (trial(t, 0, multiplier) for t in ("2.8萬人", "5千,", "2千多億", "4千米"))]
    [(2.8, 10000.0, 4, False), (5.0, 1000.0, 2, False), (2.0, 100000000000.0, 4, True), (4.0, 1.0, 1, False)]
    """
    num = d.num
    if not (d.arabic or (not num.scaled and not num.magnitude_only and num.value_max is None)):
        return None
    gap = 1 if d.arabic and d.text[d.pos : d.pos + 1] == " " else 0
    if d.text[d.pos : d.pos + 1] in _UNIT_LIKE_MULTIPLIER and unit_at(d.text, d.pos) is not None:
        return None  # 4千米, 2千克: the unit, not a multiplier
    if trillion_at(d.text, d.pos + gap, d.start):
        d.scale, d.pos = 1e12, d.pos + gap + 1
        _more(d)
        return None
    m = _MULTIPLIER.match(d.text, d.pos + gap)
    # 兩萬 already holds its multiplier; after Chinese only 二十多萬 / 一個億 take one
    if not m or not (d.arabic or num.over or m.group().startswith(("個", "个"))):
        _more(d)
        return None
    mult = MULTIPLIERS[m.group().lstrip("個个")]
    tail = m.end()
    small_ok = d.arabic and d.text[tail : tail + 1] not in _SMALL_MULTIPLIER_BREAKERS
    if not (mult >= 1e4 or unit_at(d.text, tail) or d.text.startswith(("多", "餘", "余"), tail) or small_ok):
        _more(d)
        return None
    d.scale, d.pos = mult, tail
    lower = lower_order(d.text, tail, mult) if d.arabic and not d.num.decimal and mult >= 1e4 else None
    if lower is not None:
        d.value, d.pos = float(Decimal(repr(d.value)) + Decimal(repr(lower[0])) / Decimal(repr(mult))), lower[1]
        if any(c in _MORE for c in d.text[tail : lower[1]]):
            d.over = True  # 4億2千多萬
        _more(d)  # 2萬6千餘例: over the whole number, then its unit
        return None
    _more(d)
    if d.over and mult < 1e4:  # 2千多億: the big multiplier after 多
        big = _BIG_MULTIPLIER.match(d.text, d.pos)
        if big:
            d.scale, d.pos = mult * MULTIPLIERS[big.group()], big.end()
    return None


def trillion_at(text: str, pos: int, start: int) -> bool:
    """兆 is a trillion (Taiwan) before a currency or after a Taiwan one (新台幣2.88兆元);
    elsewhere it is mega in a unit (兆瓦, 兆赫) or a word (徵兆).

    >>> trillion_at("2.88兆元", 4, 0), trillion_at("新台幣3兆，", 4, 3), trillion_at("5兆瓦", 1, 0)
    (True, True, False)
    """
    if text[pos : pos + 1] != "兆":
        return False
    after = pos + 1 + (text[pos + 1 : pos + 2] in _MORE)
    found = unit_at(text, after)
    return (found is not None and found[1] == "money") or text[max(0, start - 4) : start].endswith(_TAIWAN_CURRENCY)


def lower_order(text: str, pos: int, mult: float) -> tuple[float, int] | None:
    """The lower part of a number written across its multiplier, and where it ends: the
    8249 of 11萬8249, the 9千 of 2萬9千, the 2千萬 of 4億2千萬 (four digits when bare).

    >>> lower_order("8249人次", 0, 1e4), lower_order("2千萬元", 0, 1e8), lower_order("9千宗", 0, 1e4)
    ((8249.0, 4), (20000000.0, 3), (9000.0, 2))
    >>> lower_order("8,249人次", 0, 1e4), lower_order("2千多萬元", 0, 1e8)
    ((8249.0, 5), (20000000.0, 4))
    >>> lower_order("5萬", 0, 1e4), lower_order("2021年", 0, 1e4), lower_order("82人", 0, 1e4)
    (None, None, None)
    >>> from reader.figures.grammar import scan
    >>> [f.value for f in scan("人次為11萬8249人次，約2萬9千宗，新台幣4億2千萬元")]
    [118249.0, 29000.0, 420000000.0]
    """
    m = _LOWER_ORDER.match(text, pos)
    if m is None or text[m.end() : m.end() + 1] in _NOT_AFTER_LOWER:
        return None
    digits, word = m.group(1).replace(",", ""), m.group(2)
    if word is None and len(digits) != 4:
        return None  # 1萬2 (colloquial 12000) and 11萬82 are not read
    value, end = float(digits) * (MULTIPLIERS[word] if word else 1), m.end()
    if word and text[end : end + 1] in _MORE and text[end + 1 : end + 2] in _TEN_THOUSAND:
        value, end = value * 1e4, end + 2  # 4億2千多萬: 2千萬 and more, not 2千
    return (value, end) if 0 < value < mult else None


def ratio(d: Draft) -> Outcome:
    """A number opening a ratio or score (5.2:1, 3：1) is no quantity.

    >>> from reader.figures.quantity import draft
    >>> ratio(draft("5.2:1")), ratio(draft("5.2，"))
    (False, None)
    """
    return False if _RATIO.match(d.text, d.pos) else None


def _more(d: Draft) -> None:
    """多/餘 after a scaled number: "over" it (2萬餘人)."""
    if not d.over and d.text[d.pos : d.pos + 1] in _MORE and (d.scale > 1 or d.num.scaled):
        d.over, d.pos = True, d.pos + 1


def number_range(d: Draft) -> Outcome:
    """ "1000-1500元", "4-6條", "7000億-8000億元", "三至五年": the first shares the second's unit.

    >>> from reader.figures.quantity import trial
    >>> q = number_range(trial("4-6條推廣", 0, multiplier)); (q.value, q.value_max, q.unit)
    (4.0, 6.0, '條')
    """
    num = d.num
    if d.depth or d.over or d.value_max is not None or num.vague or num.magnitude_only:
        return None
    return _range_tail(d, num, d.pos, d.scale, d.start)


def _range_tail(d: Draft, num: Num, pos: int, scale: float, start: int) -> Quantity | None:
    text = d.text
    m = RANGE_SEP.match(text, pos)
    if not m or unit_at(text, pos) is not None:
        return None
    second = read_number(text, m.end())
    if second is None or second.script != num.script or second.vague or second.magnitude_only:
        return None
    q = d.read(text, m.end(), "", 1)
    if q is None or not (q.unit or q.scale > 1) or isinstance(q.value, str) or q.value_max is not None:
        return None
    if (scale > 1 or num.scaled) and m.group() in "至到" and is_change(text, start, q.end):
        return None
    if q.kind in ("fraction",) or (q.kind == "percent" and not q.unit):
        return None
    if q.unit == "年" and is_year(num.value) and is_year(q.value):
        return Quantity(q.end, str(int(num.value)), str(int(q.value)), "年", "year")  # 2019-2021年
    factor = scale if (scale > 1 or num.scaled) else q.scale
    if factor == 1 and q.unit != "成":
        factor = shared_magnitude(num, second)
    low = times(num.value, factor * (10 if q.unit == "成" else 1))
    if not low < q.value:
        return None
    return Quantity(q.end, low, q.value, q.unit, q.kind, q.qualifier, q.vague, "", q.scale)


def shared_magnitude(first: Num, second: Num) -> float:
    """What the first end of a Chinese range is counted in when only the second names it:
    三到五百元 is 300..500 (五百's hundreds), 一到十 stays 1..10.

    >>> from reader.figures.numbers import read_number
    >>> [shared_magnitude(read_number(a, 0), read_number(b, 0)) for a, b in (("三", "五百"), ("一", "十"), ("3", "5百"))]
    [100.0, 1.0, 1.0]
    """
    m = _SHARED_MAGNITUDE.search(second.text)
    if first.script != "cn" or second.script != "cn" or m is None or len(first.text) != 1:
        return 1.0
    size = float(MULTIPLIERS[m.group(1)]) if m.group(1) in MULTIPLIERS else 10.0
    return size if first.value < second.value / size else 1.0


def apply_scale(d: Draft) -> Outcome:
    """The multiplier times the number, without binary noise.

    >>> from reader.figures.quantity import trial
    >>> d = trial("85.65億", 0, multiplier); apply_scale(d); d.value
    8565000000.0
    """
    d.value = times(d.value, d.scale)
    d.value_max = times(d.value_max, d.scale) if d.value_max is not None else None
    return None


def grade(d: Draft) -> Outcome:
    """ "億級", "千億級流量": an order of magnitude, vague; its kind from the noun after it.

    >>> from reader.figures.quantity import draft
    >>> q = grade(draft("千億級流量")); (q.value, q.vague, q.kind)
    (100000000000.0, True, 'number')
    >>> grade(draft("億級資金")).kind
    'money'
    """
    if d.text[d.pos : d.pos + 1] not in GRADE_MARKS or not (d.num.magnitude_only or d.scaled):
        return None
    if not d.at("級", "级", "量級", "量级"):
        return None
    pos = d.pos + (2 if d.at("量") else 1)
    m = CUE.match(d.text[pos : pos + 4])
    kind = m.lastgroup if m and m.lastgroup else "number"
    return Quantity(pos, d.value, None, "級", kind, vague=True, scale=d.scale)
