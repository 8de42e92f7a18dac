"""A quantity read at a number: a short list of named stages over one draft.

:func:`quantity` reads the number at ``text[i]`` and passes a :class:`Draft`
through :data:`STAGES` in order.  A stage returns ``None`` to go on, a
finished :class:`Quantity`, or ``False`` when the number is no quantity.

>>> q = quantity("超過400位服務商", 2, "lower"); (q.end, q.value, q.unit, q.kind)
(6, 400.0, '位', 'count')
>>> q = quantity("游出1分53.92秒,", 2, ""); (q.value, q.kind)
(113.92, 'time')
>>> quantity("一款手機", 0, "") is None, quantity("只有一顆攝像頭", 2, "").value
(True, 1.0)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from reader.figures.numbers import Num, read_number
from reader.figures.units import (
    COUNT_CUES,
    MAGNITUDE_PREFIXES,
    MEDALS,
    MONEY_CUES,
    POST_QUALIFIER_WORDS,
    POST_QUALIFIERS,
    SCALED_ONLY_UNITS,
    UNIT_BREAKERS,
    longest_unit,
)
from reader.text.numerals import CN_DIGITS, CN_NUMERAL_CHARS, MULTIPLIER_PATTERN, MULTIPLIERS

_RANGE_SEP = re.compile(r"[-~～—–至到]")
_MULTIPLIER = re.compile(rf"(?:[個个](?=[萬万億亿]))?(?:{MULTIPLIER_PATTERN})")
_BIG_MULTIPLIER = re.compile("萬億|万亿|[萬万億亿]")
_CLAUSE_BREAK = "，,。！？!?；;：:\n"
_LIST_SEP = "、和與与及或跟"
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
# Bare integers are quantities only right after these ("指數升至105,").
_BARE_INT_VERBS: tuple[str, ...] = ("降至", "升至", "增至", "減至", "减至", "收於", "收于", "錄得", "录得")
_BARE_INT_VERBS += ("為", "为", "達", "达", "至", "到", "是")
_PUNCT_AFTER = "，,。；;、！？!?）)」”』\n"
_CHENG_BREAKERS = set("為为立功本員员長长交就果績绩熟型效分群不是會会要年人都品")
_QUARTER_LABEL = re.compile(r"[上下]$")  # 上半年/下半年 are period labels
_SLASH_DENOMINATOR = re.compile(r"/(\d{1,4})(?![\d.])")
_DOT_DIGIT = re.compile(r"\.\d")
_FRACTION = re.compile(
    rf"(\d+|[{CN_NUMERAL_CHARS}]+)分之(\d+(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+(?:[點点][{CN_DIGITS}]+)?)"
)
# Race and split times (D5): 1分53.92秒, 1分56秒48, 52秒70, 52.27秒.
_RACE_TIME = re.compile(r"(?:(\d{1,2})分)?(\d{1,2}(?:\.\d{1,3})?)秒(?:(\d{2})(?![\d.]))?")
# A height in metres and centimetres: 1米85 is 1.85 m, 1米7 is 1.7 m.
_METRES_AND = re.compile(r"([1-2])米(\d{1,2})(?![\d.])")
# Dimensions (D9): "138.4 x 67.3 x 7.3 mm" are three quantities in the last one's unit.
_DIMENSION = re.compile(r"(?:\s?[x×X*]\s?\d+(?:\.\d+)?){1,3}\s?")  # bounded: no rescans of a long chain
# A few items of one size (a relay's 4×100米): one figure, the size.
_TIMES_MARKS = set("x×X* ")
_RACE_MARKS = set("分秒.")
_ITEMS_OF = re.compile(r"[1-9][×xX*](?=\d)")
# 從/由 a few characters before: a change from one figure to another (從50萬到74萬), not a range.
_CHANGE_FROM = re.compile("[從从由](?![事於于此而])")
# Durations written with a half between measure word and unit: 7個半月 is 7.5 months.
_AND_A_HALF = {"個半月": "個月", "个半月": "个月", "個半小時": "個小時", "个半小时": "个小时", "個半鐘頭": "個鐘頭"}
_UNIT_LIKE_MULTIPLIER = set("千百")
# 千/百 after digits is a multiplier (5千, 2千多億) unless it starts one of these words.
_SMALL_MULTIPLIER_BREAKERS = set("度貨货姓強强分家")
# 一X is an indefinite article unless restricted (只有一顆, 一天內) or contrasted (一金兩銀).
_ONE_RESTRICTORS = ("只有", "只", "僅有", "仅有", "僅", "仅", "唯有", "才", "單單", "单单", "一共", "總共", "总共")
_WITHIN = ("內", "内")
_HALF_UNITS = ("年", "個月", "个月", "小時", "小时")
_HALF_MARKS = set("個个")
_MORE = set("多餘余")
_GRADE = set("級级量")
_OTHER_DIGITS = set(CN_DIGITS) - {"一"}
_MEDAL_COUNT = re.compile(rf"(?:\d+|[{CN_DIGITS}]+)[金銀银銅铜]")
_POINT = set("點点")


@dataclass(frozen=True)
class Quantity:
    end: int
    value: float | str
    value_max: float | str | None
    unit: str
    kind: str
    qualifier: str = ""
    vague: bool = False
    prefix_word: str = ""  # 上/過/破 written before a bare magnitude
    scale: float = 1.0


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


def draft(text: str, i: int = 0, pre_q: str = "", depth: int = 0) -> Draft | None:
    """The draft of the number at ``text[i]`` before any stage (None: no number)."""
    num = read_number(text, i)
    if num is None:
        return None
    return Draft(
        text,
        i,
        pre_q,
        depth,
        num,
        num.end,
        num.value,
        num.value_max,
        num.over,
        num.vague,
        arabic=num.script == "arabic",
    )


def quantity(text: str, i: int, pre_q: str, depth: int = 0) -> Quantity | None:
    """The quantity whose number starts at ``text[i]``, or None."""
    frac = fraction(text, i)
    if frac is not None:
        return frac
    d = draft(text, i, pre_q, depth)
    if d is None:
        return None
    for stage in STAGES:
        out = stage(d)
        if out is not None:
            return out or None
    return d.done()


# ------------------------------------------------------------------ stages


def slash_fraction(d: Draft) -> Outcome:
    """ "1/4" is a fraction; any other slash after digits ends the reading.

    >>> slash_fraction(draft("1/4的用戶")).value, slash_fraction(draft("3/2"))
    (0.25, False)
    """
    if d.text[d.pos : d.pos + 1] != "/" or not d.arabic or d.num.decimal:
        return None
    m = _SLASH_DENOMINATOR.match(d.text[d.pos : d.pos + 6])
    if m and 0 < d.value < int(m.group(1)):
        return Quantity(d.pos + m.end(), d.value / int(m.group(1)), None, "", "fraction")
    return False


def half_of(d: Draft) -> Outcome:
    """ "一半" is the fraction 0.5.

    >>> half_of(draft("一半的人")).value
    0.5
    """
    return Quantity(d.pos, 0.5, None, "", "fraction") if d.num.text == "一半" else None


def race_time(d: Draft) -> Outcome:
    """A race or split time in seconds (D5): minutes with seconds, or hundredths after 秒.

    >>> [race_time(draft(t)).value for t in ("1分53.92秒", "1分56秒48", "52秒70的")]
    [113.92, 116.48, 52.7]
    >>> race_time(draft("52.27秒")).kind, race_time(draft("30秒")), race_time(draft("5秒10米"))
    ('time', None, None)
    """
    if d.text[d.pos : d.pos + 1] not in _RACE_MARKS or not d.arabic:
        return None
    m = _RACE_TIME.match(d.text, d.start)
    if not m:
        return None
    minutes, seconds, hundredths = m.groups()
    end = m.end()
    if hundredths and _unit_at(d.text, end) is not None:
        hundredths, end = None, m.start(3)
    if hundredths and "." in seconds or (minutes and float(seconds) >= 60):
        return None
    if not (minutes or hundredths or "." in seconds):
        return None  # 30秒: a plain duration
    value = Decimal(minutes or 0) * 60 + Decimal(seconds) + Decimal(hundredths or 0) / 100
    return Quantity(end, float(value), None, "秒", "time")


def metres_and_centimetres(d: Draft) -> Outcome:
    """A height written 1米85 (1.85 m), like a split time: one figure.

    >>> [trial(t).value for t in ("1米85，", "1米7的個子")], type(trial("1米高", 0, metres_and_centimetres)).__name__
    ([1.85, 1.7], 'Draft')
    """
    if d.text[d.pos : d.pos + 1] != "米" or not d.arabic:
        return None
    m = _METRES_AND.match(d.text, d.start)
    if not m or _unit_at(d.text, m.end()) is not None:
        return None
    cm = m.group(2)
    value = Decimal(m.group(1)) + Decimal(cm) / (10 if len(cm) == 1 else 100)
    return Quantity(m.end(), float(value), None, "米", "quantity")


def dimensions(d: Draft) -> Outcome:
    """The first numbers of "a x b x c mm" take the unit of the last (D9).

    >>> q = dimensions(draft("138.4x 67.3x 7.3mm")); (q.end, q.value, q.unit, q.kind)
    (5, 138.4, 'mm', 'quantity')
    >>> dimensions(draft("3x3矩陣")), dimensions(draft("40x市盈率")), dimensions(draft("4×100米")).value
    (False, None, 100.0)
    """
    if d.text[d.pos : d.pos + 1] not in _TIMES_MARKS or not d.arabic:
        return None
    if _ITEMS_OF.match(d.text, d.start) and d.pos == d.start + 1 and not d.depth:
        size = quantity(d.text, d.pos + 1, "", d.depth + 1)  # 4×100米: the size, with its count
        return Quantity(size.end, size.value, None, size.unit, size.kind) if size and size.unit else False
    m = _DIMENSION.match(d.text, d.pos)
    if not m:
        return None
    found = _unit_at(d.text, m.end())
    if found is None or found[1] != "quantity":
        return None
    return Quantity(d.pos, d.value, None, found[0], "quantity")


def multiplier(d: Draft) -> Outcome:
    """萬/億 (and 千/百 after digits) scale the number: 2.8萬, 5千, 2千多億, 1000多萬.

    >>> [(x.value, x.scale, x.pos, x.over) for x in map(_after_multiplier, ("2.8萬人", "5千,", "2千多億", "4千米"))]
    [(2.8, 10000.0, 4, False), (5.0, 1000.0, 2, False), (2.0, 100000000000.0, 4, True), (4.0, 1.0, 1, False)]
    """
    num = d.num
    if not (d.arabic or (not num.scaled and not num.magnitude_only and num.value_max is None)):
        return None
    gap = 1 if d.arabic and d.text[d.pos : d.pos + 1] == " " else 0
    if d.text[d.pos : d.pos + 1] in _UNIT_LIKE_MULTIPLIER and _unit_at(d.text, d.pos) is not None:
        return None  # 4千米, 2千克: the unit, not a multiplier
    m = _MULTIPLIER.match(d.text, d.pos + gap)
    # 兩萬 already holds its multiplier; after Chinese only 二十多萬 / 一個億 take one
    if not m or not (d.arabic or num.over or m.group().startswith(("個", "个"))):
        _more(d)
        return None
    mult = MULTIPLIERS[m.group().lstrip("個个")]
    tail = m.end()
    small_ok = d.arabic and d.text[tail : tail + 1] not in _SMALL_MULTIPLIER_BREAKERS
    if not (mult >= 1e4 or _unit_at(d.text, tail) or d.text.startswith(("多", "餘", "余"), tail) or small_ok):
        _more(d)
        return None
    d.scale, d.pos = mult, tail
    _more(d)
    if d.over and mult < 1e4:  # 2千多億: the big multiplier after 多
        big = _BIG_MULTIPLIER.match(d.text, d.pos)
        if big:
            d.scale, d.pos = mult * MULTIPLIERS[big.group()], big.end()
    return None


def _more(d: Draft) -> None:
    """多/餘 after a scaled number: "over" it (2萬餘人)."""
    if not d.over and d.text[d.pos : d.pos + 1] in _MORE and (d.scale > 1 or d.num.scaled):
        d.over, d.pos = True, d.pos + 1


def trial(text: str, i: int = 0, last: Stage | None = None) -> Draft | Outcome:
    """The stages up to ``last`` on the number at ``text[i]``: their outcome, else the draft."""
    d = draft(text, i)
    if d is None:
        return None
    for stage in STAGES:
        out = stage(d)
        if out is not None:
            return out
        if stage is last:
            break
    return d


def _after_multiplier(text: str) -> Draft:
    d = trial(text, 0, multiplier)
    assert isinstance(d, Draft)
    return d


def number_range(d: Draft) -> Outcome:
    """ "1000-1500元", "4-6條", "7000億-8000億元", "三至五年": the first shares the second's unit.

    >>> q = number_range(_after_multiplier("4-6條推廣")); (q.value, q.value_max, q.unit)
    (4.0, 6.0, '條')
    """
    num = d.num
    if d.depth or d.over or d.value_max is not None or num.vague or num.magnitude_only:
        return None
    return _range_tail(d.text, num, d.pos, d.scale, d.start)


def apply_scale(d: Draft) -> Outcome:
    """The multiplier times the number, without binary noise.

    >>> d = _after_multiplier("85.65億"); apply_scale(d); d.value
    8565000000.0
    """
    d.value = times(d.value, d.scale)
    d.value_max = times(d.value_max, d.scale) if d.value_max is not None else None
    return None


def grade(d: Draft) -> Outcome:
    """ "億級", "千億級流量": an order of magnitude, vague; its kind from the noun after it.

    >>> q = grade(draft("千億級流量")); (q.value, q.vague, q.kind)
    (100000000000.0, True, 'number')
    >>> grade(draft("億級資金")).kind
    'money'
    """
    if d.text[d.pos : d.pos + 1] not in _GRADE or not (d.num.magnitude_only or d.scaled):
        return None
    if not d.at("級", "级", "量級", "量级"):
        return None
    pos = d.pos + (2 if d.at("量") else 1)
    m = _CUE.match(d.text[pos : pos + 4])
    kind = m.lastgroup if m and m.lastgroup else "number"
    return Quantity(pos, d.value, None, "級", kind, vague=True, scale=d.scale)


def unit(d: Draft) -> Outcome:
    """The unit after the number: a listed unit, X成 (tenths), index 點, 三點建議.

    >>> [(x.unit, x.kind, x.value) for x in map(_unit_of, ("7個半月內", "3成", "3516.3點", "23歲的"))]
    [('個月', 'duration', 7.5), ('成', 'percent', 30.0), ('點', 'number', 3516.3), ('歲', 'age', 23.0)]
    """
    text, pos, value = d.text, d.pos, d.value
    nxt = text[pos : pos + 1]
    gap = 1 if nxt == " " and d.arabic else 0
    half = next((w for w in _AND_A_HALF if text.startswith(w, pos)), None) if nxt in _HALF_MARKS else None
    found = _unit_at(text, pos + gap) if half is None else None
    if half is not None:
        d.unit, d.kind, d.pos, d.value = _AND_A_HALF[half], "duration", pos + len(half), value + 0.5
    elif found is not None:
        d.unit, d.kind = found
        d.pos = pos + gap + len(d.unit)
        if d.kind == "duration" and d.at("半") and d.unit in _HALF_UNITS:
            d.value, d.pos = value + 0.5, d.pos + 1
    elif d.scaled and d.text[pos : pos + 1] in SCALED_ONLY_UNITS:
        d.unit, d.kind, d.pos = text[pos], SCALED_ONLY_UNITS[text[pos]], pos + 1
    elif nxt == "成" and not d.scaled and value <= 10 and text[pos + 1 : pos + 2] not in _CHENG_BREAKERS:
        d.unit, d.kind, d.pos = "成", "percent", pos + 1
        d.value, d.value_max = value * 10, d.value_max * 10 if d.value_max is not None else None
    elif nxt in _POINT and d.arabic and not d.scaled and (d.num.decimal or value > 24):
        d.unit, d.kind, d.pos = text[pos], "number", pos + 1  # index points; 12點 is a clock time
    elif nxt in _POINT and not d.arabic and value <= 10 and text[pos + 1 : pos + 2] not in set("鐘钟半多左"):
        d.unit, d.kind, d.pos = text[pos], "count", pos + 1  # 三點建議
    if d.unit in MEDALS and not _medal_beside(text, d.start, d.pos):
        return False  # 五金, 三金: not a medal tally
    if d.unit == "大" and d.arabic and value > 20:
        return False  # 618大促: a festival name, not "the N big ..."
    if d.num.text.startswith("半") and not d.arabic:
        before = text[max(0, d.start - 1) : d.start]
        if d.kind != "duration" or _QUARTER_LABEL.search(before) or d.at("報", "报"):
            return False
    return None


def _unit_of(text: str) -> Draft:
    d = trial(text, 0, unit)
    assert isinstance(d, Draft)
    return d


def unit_range(d: Draft) -> Outcome:
    """ "300人至500人": a range written with its unit on both ends.

    >>> q = trial("300人至500人，", 0, unit_range); (q.value, q.value_max, q.end)
    (300.0, 500.0, 9)
    >>> [type(trial(t, 1, unit_range)).__name__ for t in ("從300人增至500人", "有5人到3人")]
    ['Draft', 'Draft']
    """
    m = _RANGE_SEP.match(d.text, d.pos)
    if d.depth or not d.unit or not m or d.value_max is not None or d.over or isinstance(d.value, str):
        return None
    if _change_from(d.text, d.start):
        return None
    second = read_number(d.text, m.end())
    if second is None or second.script != d.num.script:
        return None
    q = quantity(d.text, m.end(), "", depth=1)
    if q is None or q.unit != d.unit or q.value_max is not None or isinstance(q.value, str) or not d.value < q.value:
        return None
    return Quantity(q.end, d.value, q.value, d.unit, d.kind, q.qualifier)


def post_qualifier(d: Draft) -> Outcome:
    """以上, 左右, 不止, 多 (after 倍 and durations) after the figure.

    >>> d = _unit_of("8000元左右"); post_qualifier(d); (d.qualifier, d.pos)
    ('approx', 7)
    """
    d.qualifier = "lower" if d.over else ""
    for word in _POST_BY_FIRST.get(d.text[d.pos : d.pos + 1], ()):
        if d.text.startswith(word, d.pos):
            if word in ("多", "餘", "余") and (d.over or d.kind not in ("multiple", "duration")):
                continue
            if word == "上下" and d.text[d.pos + 2 : d.pos + 3] not in _PUNCT_AFTER:
                continue
            if word in ("前後", "前后") and d.kind not in ("duration", "count"):
                continue
            d.qualifier, d.pos = POST_QUALIFIERS[word], d.pos + len(word)
            break
    return None


def bare_magnitude(d: Draft) -> Outcome:
    """萬, 百萬 written alone: vague, and a figure only after a qualifier or prefix or before a unit.

    >>> d = trial("上萬名", 1, bare_magnitude); (d.vague, d.prefix_word, d.qualifier)
    (True, '上', 'lower')
    >>> trial("三萬", 1, bare_magnitude)
    False
    """
    if not d.num.magnitude_only:
        return None
    text, i, pos = d.text, d.start, d.pos
    prefix = text[i - 1] if i > 0 else ""
    if prefix.isdigit() or prefix in CN_NUMERAL_CHARS + "多餘余幾几數数":
        return False
    if d.pre_q:
        d.vague = True
    elif prefix in MAGNITUDE_PREFIXES and not (i > 1 and text[i - 2] in "最以之向往北南馬马"):
        d.vague, d.prefix_word, d.qualifier = True, prefix, d.qualifier or MAGNITUDE_PREFIXES[prefix]
    elif (
        d.kind in ("count", "money", "people") and len(d.num.text) == 1 and text[pos : pos + 1] not in CN_NUMERAL_CHARS
    ):
        d.vague = True
    elif len(d.num.text) >= 2 and d.kind not in ("duration",) and text[pos : pos + 1] not in "不別别要莫勿記记小注":
        d.vague = True
    else:
        return False
    return None


def unitless_kind(d: Draft) -> Outcome:
    """A number without a unit: scaled amounts take a kind from their context, a bare
    integer in a list the unit of the list, after 為/達/至 a plain number; names are none.

    >>> d = trial("30、40和50萬元", 0, unitless_kind); (d.unit, d.kind, d.value)
    ('元', 'money', 300000.0)
    >>> trial("3C數碼", 0, unitless_kind), trial("升級到2.0版", 3, unitless_kind)
    (False, False)
    """
    if d.kind:
        return None
    num, text, pos = d.num, d.text, d.pos
    if d.scaled or num.decimal or (num.vague and d.value >= 1e4):
        d.kind = "number" if num.decimal and not d.scaled else cue_kind(text, num.start, pos)
    elif d.arabic and d.depth < 4:
        inherited = _list_unit(text, num, pos, d.depth)
        if inherited is None:
            if not _bare_int_ok(text, num, pos):
                return False
            d.kind = "number"
        else:
            d.unit, d.kind, d.scale = inherited
            d.value = times(d.value, d.scale)
    else:
        return False
    if d.arabic and not d.scaled and _ASCII_LETTER.match(text[pos : pos + 1]):
        return False  # 3C, 5G, 116BigDay: names
    if num.decimal and not d.scaled and (d.at("時代", "时代", "版") or _DOT_DIGIT.match(text[pos : pos + 2])):
        return False
    return None


def indefinite_one(d: Draft) -> Outcome:
    """一X is an indefinite article (optional, not listed) unless it is a genuine count (D11):
    restricted (只有一顆, 一天內, 近一年) or contrasted with the next count (一金兩銀); 二X is ordinal-like.

    >>> [trial(t) for t in ("一款手機", "二次")]
    [False, False]
    >>> [trial(t).value for t in ("一天內", "一金兩銀")]
    [1.0, 1.0]
    """
    if d.arabic or d.num.text not in ("一", "二", "半") or d.kind not in ("count", "duration"):
        return None
    if d.num.text == "二":
        return False
    if d.num.text == "半" or d.pre_q or d.qualifier == "lower" or d.text.startswith("半", d.pos - 1):
        return None
    before = d.text[max(0, d.start - 2) : d.start]
    if before.endswith(_ONE_RESTRICTORS) or d.at(*_WITHIN) or _count_follows(d.text, d.pos):
        return None
    return False


def _medal_beside(text: str, start: int, end: int) -> bool:
    """A medal count right before or after this one: 一金「兩銀」, 「一金」兩銀, 38金「32銀」.

    >>> _medal_beside("一金兩銀", 0, 2), _medal_beside("一金兩銀", 2, 4), _medal_beside("五金店", 0, 2)
    (True, True, False)
    >>> _medal_beside("38金32銀", 0, 3), _medal_beside("38金32銀", 3, 6)
    (True, True)
    """
    if _MEDAL_COUNT.match(text, end):
        return True
    return start >= 2 and text[start - 1] in MEDALS and _is_digit(text[start - 2])


def _is_digit(c: str) -> bool:
    return c.isdigit() or c in CN_DIGITS


def _count_follows(text: str, pos: int) -> bool:
    """Another Chinese count starts right here: 一金「兩銀」 (一年「一度」 is a set phrase)."""
    if text[pos : pos + 1] not in _OTHER_DIGITS:
        return False
    found = _unit_at(text, pos + 1)
    return found is not None and found[1] == "count"


STAGES: tuple[Stage, ...] = (
    slash_fraction,
    half_of,
    race_time,
    metres_and_centimetres,
    dimensions,
    multiplier,
    number_range,
    apply_scale,
    grade,
    unit,
    unit_range,
    post_qualifier,
    bare_magnitude,
    unitless_kind,
    indefinite_one,
)


# ------------------------------------------------------------------ helpers


def _by_first(words) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    return groups


_POST_BY_FIRST = _by_first(POST_QUALIFIER_WORDS)


def is_year(value: float) -> bool:
    return float(value).is_integer() and 1000 <= value <= 2199


def times(value: float, factor: float) -> float:
    """``value * factor`` without binary noise: 85.65 * 1e8 is 8565000000.0."""
    if factor == 1:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def _unit_at(text: str, pos: int) -> tuple[str, str] | None:
    found = longest_unit(text[pos : pos + 6])
    if found is None:
        return None
    unit, _kind = found
    follower = text[pos + len(unit) : pos + len(unit) + 1]
    if follower and follower in UNIT_BREAKERS.get(unit, ""):
        return None
    if unit == "月" and follower == "份":
        return None  # 13月份 is no month and no duration either
    if unit[-1].isascii() and unit[-1].isalpha() and _ASCII_ALNUM.match(follower):
        return None  # 5 GBps is not GB, 65Watt is a word
    return found


def _change_from(text: str, start: int) -> bool:
    """從/由 shortly before ``start``: "從50萬到74萬" is a change, not a range (從事 is not).

    >>> _change_from("從50萬到", 1), _change_from("從事紅木交易的有300人", 8)
    (True, False)
    """
    return _CHANGE_FROM.search(text, max(0, start - 8), start) is not None


def _range_tail(text: str, num: Num, pos: int, scale: float, start: int) -> Quantity | None:
    m = _RANGE_SEP.match(text, pos)
    if not m or _unit_at(text, pos) is not None:
        return None
    if (scale > 1 or num.scaled) and m.group() in "至到" and _change_from(text, start):
        return None
    second = read_number(text, m.end())
    if second is None or second.script != num.script or second.vague or second.magnitude_only:
        return None
    q = quantity(text, m.end(), "", depth=1)
    if q is None or not (q.unit or q.scale > 1) or isinstance(q.value, str) or q.value_max is not None:
        return None
    if q.kind in ("fraction",) or (q.kind == "percent" and not q.unit):
        return None
    if q.unit == "年" and is_year(num.value) and is_year(q.value):
        return Quantity(q.end, str(int(num.value)), str(int(q.value)), "年", "year")  # 2019-2021年
    factor = scale if (scale > 1 or num.scaled) else q.scale
    low = times(num.value, factor * (10 if q.unit == "成" else 1))
    if not low < q.value:
        return None
    return Quantity(q.end, low, q.value, q.unit, q.kind, q.qualifier, q.vague, "", q.scale)


def _list_unit(text: str, num: Num, pos: int, depth: int) -> tuple[str, str, float] | None:
    """ "30、40和50萬元": a bare number in a list takes the unit of the last item."""
    if text[pos : pos + 1] not in _LIST_SEP or not text[pos + 1 : pos + 2].isdigit():
        return None
    nxt = quantity(text, pos + 1, "", depth + 1)
    if nxt is None or not (nxt.unit or nxt.scale > 1) or isinstance(nxt.value, str):
        return None
    if nxt.kind in ("duration",) and nxt.unit in ("年",):
        return None
    return nxt.unit, nxt.kind, nxt.scale


def _bare_int_ok(text: str, num: Num, pos: int) -> bool:
    before = text[max(0, num.start - 3) : num.start].rstrip("了")
    after = text[pos : pos + 1]
    return before.endswith(_BARE_INT_VERBS) and (after == "" or after in _PUNCT_AFTER or after in "和與与及")


def fraction(text: str, i: int) -> Quantity | None:
    """ "四分之一" -> 0.25; "百分之三十" -> 30 percent; "千分之五" -> 0.5 percent."""
    if text.find("分之", i, i + 24) < 0:
        return None
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
        return Quantity(end, num.value, num.value_max, "%", "percent")
    if den.value == 1000:
        return Quantity(end, num.value / 10, None, "‰", "percent")
    if num.value_max is not None:
        return None
    return Quantity(end, num.value / den.value, None, "", "fraction")


def cue_kind(text: str, start: int, end: int) -> str:
    """Money or count for a unit-less amount, from the words around it: a cue right after
    it, else the cue starting nearest before it in its clause (money first on a tie).

    >>> cue_kind("融資超過萬", 4, 5), cue_kind("粉絲達到萬", 4, 5), cue_kind("萬級", 0, 1)
    ('money', 'count', 'number')
    """
    left = start
    while left > 0 and start - left < 24 and text[left - 1] not in _CLAUSE_BREAK:
        left -= 1
    m = _CUE.match(text[end : end + 4])
    if m and m.lastgroup:
        return m.lastgroup
    before = text[left:start]
    for k in range(len(before) - 1, -1, -1):
        m = _CUE.match(before, k)
        if m and m.lastgroup:
            return m.lastgroup
    return "number"


# One search for every cue, money's first (the order cue_kind breaks ties in).
_CUE = re.compile(
    "(?P<money>" + "|".join(map(re.escape, MONEY_CUES)) + ")|(?P<count>" + "|".join(map(re.escape, COUNT_CUES)) + ")"
)
