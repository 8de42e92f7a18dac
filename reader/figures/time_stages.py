"""Stages reading a time written in two parts: a time of day (上午9時30分, 晚上8點, 17時)
and a duration in two units (3小時20分, 6年8個月).

A time of day is one figure, the ISO 8601 time "Thh:mm" on the 24-hour clock (kind
``clock``): the word before it (上午, 晚上 ...) is part of its text and says which half of
the day it is.  A duration in two units is read in the smaller one, as D5 reads a race
time in seconds (1分53.92秒 -> 113.92): 3小時20分 is 200 minutes, 6年8個月 80 months.

Each stage takes the :class:`~reader.figures.draft.Draft` and returns ``None`` to go on or
a finished :class:`~reader.figures.draft.Quantity`; :data:`reader.figures.quantity.STAGES`
runs them in order.
"""

from __future__ import annotations

import re

from reader.figures.draft import Draft, Outcome, Quantity
from reader.figures.number_stages import RACE_MARKS, race_time, ratio
from reader.text.numerals import cn_number

# The words that place an hour in the day, with the hours added to read it on a 24-hour
# clock: 晚上8點 is 20:00.  凌晨/深夜 keep small hours as they are (深夜2點 is 02:00).
DAY_PARTS: dict[str, int] = {
    **dict.fromkeys("凌晨 清晨 早晨 早上 上午 今晨 今早 晨間 晨间 早間 早间".split(), 0),
    **dict.fromkeys("下午 午後 午后 傍晚 晚上 晚間 晚间 今晚 當晚 当晚 黃昏 黄昏 夜間 夜间".split(), 12),
    **dict.fromkeys("深夜 半夜 午夜".split(), -1),  # 深夜11點 is 23:00, 深夜2點 02:00
    "中午": -2,  # 中午12點 is 12:00, 中午1點 13:00
}
_DAY_PART_WORDS = sorted(DAY_PARTS, key=len, reverse=True)
# A time of day placed by its word, earlier in the sentence: a later bare time reads on it
# (清晨5點至8點, 上午9:00開始，11:30結束).
_PLACED_CLOCK = re.compile("(" + "|".join(_DAY_PART_WORDS) + r")(\d{1,2}|[一二三四五六七八九十]{1,3})[時时點点:：]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_PLACED_REACH = 32  # characters searched back for it
_RANGE_BEFORE = set("至到-~～—–")
_HOUR_MARKS = set("時时點点")
# After the hour: its minutes (30分), a half hour (半) or the full hour (整).
_MINUTES = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})分(?![鐘钟之])|[半整]")
# Characters after 時 that make it another word: 時代, 時期, 時間, 時候 ...
_NOT_HOUR_AFTER = set("代期間间候刻段速薪長长效")
_ABOUT = set("許许")
_CLOCK = set("鐘钟")
_COLONS = set(":：")
_COLON_MINUTES = re.compile(r"[:：](\d{2})(?![\d.:])")  # 5時許: about five o'clock
# Duration pairs: the larger unit, the units of the smaller one, and how many of it make one.
_TWO_UNITS: tuple[tuple[tuple[str, ...], tuple[str, ...], int], ...] = (
    (("年",), ("個月", "个月"), 12),
    (("小時", "小时", "個小時", "个小时"), ("分鐘", "分钟", "分"), 60),
    (("天", "日"), ("小時", "小时", "個小時", "个小时"), 24),
)
_RACE_MARKS = RACE_MARKS
_BIG_UNITS = tuple(u for big, _small, _per in _TWO_UNITS for u in big)
_BIG_FIRST = frozenset(u[0] for u in _BIG_UNITS)
_NOT_MINUTES_AFTER = set("之數数")
TIME_MARKS = frozenset(_RACE_MARKS | _HOUR_MARKS | _COLONS | _BIG_FIRST)  # time_shape reads nothing else
_SMALL_NUMBER = re.compile(r"\d{1,2}(?![\d.])")
_SMALL_CN_NUMBER = re.compile("[一二兩两三四五六七八九十]{1,3}")


def time_shape(d: Draft) -> Outcome:
    """One stage for the shapes of a time, chosen by the mark after the number (most numbers
    have none of these marks, so this is a single look-up for them): a race time (D5), a
    time of day, a ratio or score (no quantity), a duration in two units.

    >>> from reader.figures.quantity import draft
    >>> time_shape(draft("晚上8點", 2)).value, time_shape(draft("5.2:1")), time_shape(draft("6年8個月")).value
    ('T20:00', False, 80.0)
    """
    mark = d.text[d.pos : d.pos + 1]
    if mark in _RACE_MARKS:
        return race_time(d)
    if mark in _HOUR_MARKS:
        return clock_time(d)
    if mark in _COLONS:
        return clock_time(d) or ratio(d)
    if mark in _BIG_FIRST:
        return two_unit_duration(d)
    return None


def day_part_before(text: str, i: int) -> str:
    """The word that places the hour at ``text[i]`` in the day (上午, 晚上), else "".

    >>> day_part_before("今天上午9時", 4), day_part_before("記者9時", 2)
    ('上午', '')
    """
    for word in _DAY_PART_WORDS:
        if text.startswith(word, i - len(word)):
            return word
    return ""


def placed_earlier(text: str, i: int, hour: float) -> str:
    """The word placing the last time of day before ``text[i]`` in its sentence, when ``hour``
    comes after that time, else "": a bare time after it is read in the same half of the day
    (a score after a time, 上午10點，比分3:15, is no time).

    >>> placed_earlier("上午9:00開始，11:30", 11, 11), placed_earlier("下午2時至5", 6, 5)
    ('上午', '下午')
    >>> placed_earlier("上午9時。11", 6, 11), placed_earlier("上午10點，比分3", 10, 3)
    ('', '')
    """
    window = text[max(0, i - _PLACED_REACH) : i]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    last = None
    for found in _PLACED_CLOCK.finditer(window, ends[-1] if ends else 0):
        last = found
    if last is None or _whole(last.group(2)) > hour:
        return ""
    return last.group(1)


def on_24_hours(hour: int, part: str) -> int:
    """The hour on a 24-hour clock, after the word that places it in the day.

    >>> [on_24_hours(h, p) for h, p in ((8, "晚上"), (9, "上午"), (2, "深夜"), (11, "深夜"), (12, "中午"), (1, "中午"))]
    [20, 9, 2, 23, 12, 13]
    """
    shift = DAY_PARTS.get(part, 0)
    if shift == 12 or (shift == -1 and hour >= 6) or (shift == -2 and hour < 6):
        return hour + 12 if hour < 12 else hour
    return hour


def clock_time(d: Draft) -> Outcome:
    """A time of day "Thh:mm": after a word that places it in the day (晚上8點, 上午9時30分,
    晚上八點), or Arabic hours with 時 (17時), or with their minutes (9點30分).

    >>> from reader.figures.quantity import draft
    >>> [(q.value, q.prefix_word) for q in (clock_time(draft(t, 2)) for t in ("上午9時30分發布", "晚上8點前後", "晚上八點"))]
    [('T09:30', '上午'), ('T20:00', '晚上'), ('T20:00', '晚上')]
    >>> clock_time(draft("截至17時，", 2)).value, clock_time(draft("9點30分開始")).value, clock_time(draft("9點半")).value
    ('T17:00', 'T09:30', 'T09:30')
    >>> clock_time(draft("8點建議")), clock_time(draft("三點建議")), clock_time(draft("17時代"))
    (None, None, None)
    >>> q = clock_time(draft("凌晨5時許，", 2)); (q.value, q.qualifier, q.end)
    ('T05:00', 'approx', 5)
    """
    mark = d.text[d.pos : d.pos + 1]
    if mark in _COLONS:
        return _colon_time(d)
    if mark not in _HOUR_MARKS or d.num.decimal or d.value_max is not None or not 0 <= d.value <= 24:
        return None
    if d.text[d.pos + 1 : d.pos + 2] in _NOT_HOUR_AFTER:
        return None
    own = part = day_part_before(d.text, d.start)
    if not part and d.text[d.start - 1 : d.start] in _RANGE_BEFORE:
        part = placed_earlier(d.text, d.start - 1, d.value)  # the end of a range of times: 清晨5點至8點
    minutes = _MINUTES.match(d.text, d.pos + 1)
    sure = part or (d.arabic and (mark in "時时" or minutes is not None))
    if not sure or not float(d.value).is_integer():
        return None
    minute, end = 0, d.pos + 1
    if minutes is None and d.text[end : end + 1] in _CLOCK:
        end += 1  # 三點鐘
    elif minutes is not None:
        minute = 30 if minutes.group() == "半" else _whole(minutes.group(1))
        end = minutes.end()
    if minute >= 60:
        return None
    about = d.text[end : end + 1] in _ABOUT
    hour = on_24_hours(int(d.value), part) % 24
    qualifier = "approx" if about else ""
    return Quantity(end + about, f"T{hour:02d}:{minute:02d}", None, "", "clock", qualifier, prefix_word=own)


def _colon_time(d: Draft) -> Outcome:
    """上午8:30, 下午2:00: an hour and minutes with a colon, after a word placing it in the day
    (without one, 3:1 is a score or ratio).

    >>> from reader.figures.quantity import draft
    >>> clock_time(draft("下午2:00開始", 2)).value, clock_time(draft("3:1")), clock_time(draft("上午8:3", 2))
    ('T14:00', None, None)
    """
    own = day_part_before(d.text, d.start)
    part = own or placed_earlier(d.text, d.start, d.value)  # 上午9:00開始，11:30結束
    m = _COLON_MINUTES.match(d.text, d.pos)
    if not part or m is None or not d.arabic or d.num.decimal or not 0 <= d.value <= 24 or int(m.group(1)) >= 60:
        return None
    hour = on_24_hours(int(d.value), part) % 24
    return Quantity(m.end(), f"T{hour:02d}:{m.group(1)}", None, "", "clock", prefix_word=own)


def _whole(numeral: str | None) -> int:
    """An Arabic or Chinese whole number (minutes, months), 0 when there is none.

    >>> _whole("30"), _whole("三十"), _whole(None), _whole("十五")
    (30, 30, 0, 15)
    """
    if not numeral:
        return 0
    return int(numeral) if numeral.isdigit() else int(cn_number(numeral) or 0)


def two_unit_duration(d: Draft) -> Outcome:
    """A duration in two units, in the smaller one: 6年8個月 -> 80 months, 3小時20分 -> 200,
    三年六個月 and 一年零六個月 (a 零 between) in Chinese numerals.

    >>> from reader.figures.quantity import draft
    >>> [(q.value, q.unit) for q in (two_unit_duration(draft(t)) for t in ("6年8個月", "3小時20分，", "2天5小時"))]
    [(80.0, '個月'), (200.0, '分'), (53.0, '小時')]
    >>> [two_unit_duration(draft(t)).value for t in ("三年六個月", "一年零六個月", "兩小時三十分鐘")]
    [42.0, 18.0, 150.0]
    >>> two_unit_duration(draft("3年15個月")), two_unit_duration(draft("2021年3月")), two_unit_duration(draft("5年"))
    (None, None, None)
    """
    if d.text[d.pos : d.pos + 1] not in _BIG_FIRST or d.num.decimal or d.value_max is not None or d.over:
        return None  # checked first: most numbers are followed by no duration unit at all
    if not float(d.value).is_integer() or not d.text.startswith(_BIG_UNITS, d.pos):
        return None  # 3個人: 個 opens no larger unit
    for big_units, small_units, per in _TWO_UNITS:
        big = next((u for u in big_units if d.at(u)), None)
        if big is None:
            continue
        at = d.pos + len(big)
        small = (_SMALL_NUMBER if d.arabic else _SMALL_CN_NUMBER).match(d.text, at + (d.text[at : at + 1] == "零"))
        if small is None:
            return None
        unit = next((u for u in small_units if d.text.startswith(u, small.end())), None)
        count = _whole(small.group())
        if unit is None or not 0 < count < per:
            return None
        end = small.end() + len(unit)
        if d.text[end : end + 1] in _NOT_MINUTES_AFTER:
            return None  # 3小時20分之一 is no duration
        return Quantity(end, d.value * per + count, None, unit, "duration")
    return None
