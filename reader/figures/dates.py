"""Dates and years: "2021年10月8日" -> "2021-10-08", "9月10日" -> "--09-10", "5月至8月".

>>> parse_date("2021年10月8日與", 0, has_qualifier=False)
(10, '2021-10-08', None, 'date')
>>> parse_date("1-8月,", 0, has_qualifier=False)
(4, '--01', '--08', 'date')
>>> parse_date("8月末", 0, has_qualifier=False), parse_date("2018年", 0, has_qualifier=True)
((3, '--08', None, 'date'), None)
>>> parse_date("2018年", 0, has_qualifier=False), parse_date("2022年1-2月", 0, has_qualifier=False)
((5, '2018', None, 'year'), (9, '2022-01', '2022-02', 'date'))
>>> parse_date("2009年三四月起", 0, has_qualifier=False), parse_date("週五（30日）", 3, has_qualifier=False)
((8, '2009-03', '2009-04', 'date'), (6, '---30', None, 'date'))
"""

from __future__ import annotations

import re

from reader.text.numerals import CN_DIGITS, cn_digit_string, cn_number, cn_range

_YEAR_ARABIC = re.compile(r"(1[0-9]|20|21)\d\d(?!\d)")
_YEAR_CN = re.compile(rf"[{CN_DIGITS}]{{4}}(?=年)")
_MONTH = re.compile(
    r"(1[0-2]|0?[1-9])(?!\d)|十[一二]?(?![一二三四五六七八九十])|[一二三四五六七八九](?![一二三四五六七八九十])"
)
_DAY = re.compile(r"(3[01]|[12]\d|0?[1-9])(?!\d)|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]")
_ISO = re.compile(r"((?:1[5-9]|20|21)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])")
_RANGE_SEP = "至到-~～—–"
_MONTH_SUFFIXES = ("上旬", "中旬", "下旬", "份", "初", "末", "底")
_MONTH_BREAKERS = "薪活租供息度均費费"
# Two adjacent Chinese month numerals: 三四月 is March to April (D8).
_CN_MONTH_PAIR = re.compile(r"(十?[一二三四五六七八九])([一二三四五六七八九十])月")
# A day of the month alone (D4): 30日, （9日）, 7日溫和走升, 25日前後 (about the 25th; 3日前 counts days) ...
_DAY_ALONE = re.compile(
    r"(3[01]|[12]\d|0?[1-9])日(?!元|圓|圆|幣|币|均|線|线|內|内|以|之|間|间|後|后|前(?![後后])|起|來|来)"
)
# ... unless it counts days: 一連7日, 連續3日, 為期5日.
_DAYS_COUNTED_AFTER = (
    "連",
    "连",
    "續",
    "续",
    "期",
    "近",
    "過去",
    "过去",
    "未來",
    "未来",
    "每",
    "共",
    "約",
    "约",
    "前",
    "頭",
    "头",
)
# ... and is a day of the month whatever follows after a month named by a word: 下月10日起, 本月3日前.
_MONTH_WORDS = ("下月", "本月", "上月", "次月", "同月", "當月", "当月", "該月", "该月", "每月", "翌月")
_DAY_OF_MONTH = re.compile(r"(3[01]|[12]\d|0?[1-9])日(?!元|圓|圆|幣|币)")
_YEAR_BREAKERS = "代級级"
# 民國112年 is 2023: Taiwan counts years from 1912.
_ROC = ("民國", "民国")
_ROC_YEAR = re.compile(r"\d{1,3}(?=年)")
_ROC_OFFSET = 1911
# The end of a range of days within one month: 3日「至6日」, 11月24日「至30日」.
_DAY_RANGE_END = re.compile(r"[至到\-~～—–](3[01]|[12]\d|0?[1-9])日")
# Taiwan news dates the report by its day alone, in brackets: 今（2）日, 昨(30)日.
_BRACKETED_DAY = re.compile(r"(3[01]|[12]\d|0?[1-9])[）)]日")
_BRACKETED_DAY_BEFORE = ("今（", "昨（", "明（", "今(", "昨(", "明(")

DateHit = tuple[int, str, "str | None", str]  # end, value, value_max, kind


def parse_date(text: str, i: int, *, has_qualifier: bool) -> DateHit | None:
    """A date or year written at ``text[i:]``: (end, value, value_max, "date" or "year")."""
    iso = _ISO.match(text, i)
    if iso:
        y, _, mo, d = iso.groups()
        if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            return iso.end(), f"{y}-{int(mo):02d}-{int(d):02d}", None, "date"
    year = _year_at(text, i)
    if year is not None:
        if has_qualifier:
            return None  # 近2000年: a duration
        end, y = year
        within = _month_part(text, end)
        if within is None:
            return end, y, None, "year"
        end, value, value_max = within
        return end, f"{y}{value[1:]}", f"{y}{value_max[1:]}" if value_max else None, "date"
    within = _month_part(text, i)
    if within is None:
        return _day_alone(text, i)
    end, value, value_max = within
    return end, value, value_max, "date"


def _day_alone(text: str, i: int) -> DateHit | None:
    """ "30日" without its month: the ISO day-only date "---30", unless days are counted.

    >>> _day_alone("一連7日的", 2), _day_alone("30日元", 0), _day_alone("A股7日溫和", 2)
    (None, None, (4, '---07', None, 'date'))
    >>> _day_alone("下月10日起", 2), _day_alone("10日起", 0)
    ((5, '---10', None, 'date'), None)
    >>> _day_alone("將在25日前後漲至", 2), _day_alone("3日前", 0)
    ((5, '---25', None, 'date'), None)
    """
    before = text[max(0, i - 2) : i]
    if before in _BRACKETED_DAY_BEFORE:
        m = _BRACKETED_DAY.match(text, i) or _DAY_ALONE.match(text, i)  # 今（2）日, 今（9日）
    elif before in _MONTH_WORDS:
        m = _DAY_OF_MONTH.match(text, i)
    else:
        m = _DAY_ALONE.match(text, i)
        if m and before.endswith(_DAYS_COUNTED_AFTER):
            return None
    if not m:
        return None
    day = int(m.group(1))
    last = day_range_end(text, m.end(), day)
    if last is not None:
        return last[0], f"---{day:02d}", f"---{last[1]:02d}", "date"
    return m.end(), f"---{day:02d}", None, "date"


def day_range_end(text: str, end: int, day: int) -> tuple[int, int] | None:
    """A later day of the same month after a range mark: "3日至6日" is one date range.

    >>> day_range_end("3日至6日，", 2, 3), day_range_end("6日至3日", 2, 6), day_range_end("3日至6個月", 2, 3)
    ((5, 6), None, None)
    >>> parse_date("今（9日）推出", 2, has_qualifier=False)
    (4, '---09', None, 'date')
    >>> parse_date("11月24日至30日", 0, has_qualifier=False), parse_date("今（2）日表示", 2, has_qualifier=False)
    ((10, '--11-24', '--11-30', 'date'), (5, '---02', None, 'date'))
    """
    m = _DAY_RANGE_END.match(text, end)
    if m is None or int(m.group(1)) <= day:
        return None
    return m.end(), int(m.group(1))


def _month_part(text: str, i: int) -> tuple[int, str, str | None] | None:
    """ "9月10日", "8月末", "1-8月", "5月至8月", "三四月" at ``i`` as "--MM[-DD]" (and an upper month)."""
    pair = _CN_MONTH_PAIR.match(text, i)
    months = cn_range(pair.group(1) + pair.group(2)) if pair else None
    if pair and months and months[1] <= 12:
        return pair.end(), f"--{int(months[0]):02d}", f"--{int(months[1]):02d}"
    # "1-8月": a bare month opening a range of months
    first = _MONTH.match(text, i)
    if first and text[first.end() : first.end() + 1] in _RANGE_SEP:
        second = _month_day(text, first.end() + 1)
        if second is not None and second[2] is None and _month_value(first.group()) < int(second[1]):
            return second[0], f"--{_month_value(first.group()):02d}", f"--{second[1]}"
    md = _month_day(text, i)
    if md is None:
        return None
    end, mm, dd = md
    if dd is not None:
        last = day_range_end(text, end, int(dd))
        return (last[0], f"--{mm}-{dd}", f"--{mm}-{last[1]:02d}") if last else (end, f"--{mm}-{dd}", None)
    # "5月至8月": a range of months within one year
    if text[end : end + 1] in _RANGE_SEP:
        second = _month_day(text, end + 1)
        if second is not None and second[2] is None and int(mm) < int(second[1]):
            return second[0], f"--{mm}", f"--{second[1]}"
    return end, f"--{mm}", None


def _year_at(text: str, i: int) -> tuple[int, str] | None:
    """A year at ``text[i]``: four digits, four Chinese digits, or a Minguo (Taiwan) year.

    >>> _year_at("民國112年3月", 2), _year_at("112年", 0), _year_at("二〇二三年", 0)
    ((6, '2023'), None, (5, '2023'))
    """
    roc = _ROC_YEAR.match(text, i) if text[max(0, i - 2) : i] in _ROC else None
    m = _YEAR_ARABIC.match(text, i)
    if roc:
        digits, end = str(int(roc.group()) + _ROC_OFFSET), roc.end()
    elif m:
        digits, end = m.group(), m.end()
    else:
        run = _YEAR_CN.match(text[i : i + 5])
        cn_digits = cn_digit_string(run.group()) if run else None
        if cn_digits is None or not cn_digits.startswith(("1", "2")):
            return None
        digits, end = cn_digits, i + 4
    if text[end : end + 1] != "年" or text[end + 1 : end + 2] in set(_YEAR_BREAKERS):
        return None
    return end + 1, digits


def _month_value(numeral: str) -> int:
    if numeral[0].isdigit():
        return int(numeral)
    return int(cn_number(numeral) or 0)


def _month_day(text: str, i: int) -> tuple[int, str, str | None] | None:
    """ "9月10日" / "8月末" / "6月份" at ``i``: (end, "MM", "DD" or None)."""
    m = _MONTH.match(text, i)
    if not m or text[m.end() : m.end() + 1] != "月":
        return None
    month = _month_value(m.group())
    if not 1 <= month <= 12:
        return None
    end = m.end() + 1
    if text[end : end + 1] and text[end] in _MONTH_BREAKERS:
        return None
    d = _DAY.match(text, end)
    if d and text[d.end() : d.end() + 1] in ("日", "號", "号"):
        day = int(d.group()) if d.group()[0].isdigit() else int(cn_number(d.group()) or 0)
        if 1 <= day <= 31:
            return d.end() + 1, f"{month:02d}", f"{day:02d}"
    for suffix in _MONTH_SUFFIXES:
        if text.startswith(suffix, end):
            end += len(suffix)
            break
    return end, f"{month:02d}", None
