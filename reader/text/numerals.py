"""Chinese and Arabic numerals: what a numeral string is worth.

Positional Chinese numerals (``兩千三百萬``) go through cn2an; the forms
cn2an misreads are handled first: adjacent digits are a range (``七八`` is
7..8, not 78), a bare magnitude (``百``, ``千萬``) is only a magnitude, and
digit-by-digit years (``二〇二一``) are read digit by digit.

>>> cn_number("兩千三百萬"), cn_number("十"), cn_number("兩")
(23000000.0, 10.0, 2.0)
>>> cn_range("七八"), cn_range("三四十"), cn_range("兩三萬")
((7.0, 8.0), (30.0, 40.0), (20000.0, 30000.0))
>>> magnitude("千億"), magnitude("萬億"), magnitude("十")
(100000000000.0, 1000000000000.0, None)
>>> arabic("1,000"), arabic("2.8"), arabic("１２")
(1000.0, 2.8, 12.0)
>>> cn_number("壹佰壹拾壹"), cn_number("拾"), cn_number("參佰"), cn_decimal("零點零零一"), cn_decimal("三點五")
(111.0, 10.0, 300.0, 0.001, 3.5)
"""

from __future__ import annotations

import math
import re

CN_DIGIT_VALUES = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# Financial capitals (大寫數字), as written on cheques and contracts: read as the ordinary ones.
CAPITALS = str.maketrans(
    {
        "壹": "一",
        "貳": "二",
        "贰": "二",
        "貮": "二",
        "參": "三",
        "叁": "三",
        "叄": "三",
        "肆": "四",
        "伍": "五",
        "陸": "六",
        "陆": "六",
        "柒": "七",
        "捌": "八",
        "玖": "九",
        "拾": "十",
        "佰": "百",
        "仟": "千",
    }
)
CAPITAL_CHARS = "壹貳贰貮參叁叄肆伍陸陆柒捌玖拾佰仟"
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"萬": 1e4, "万": 1e4, "億": 1e8, "亿": 1e8}
CN_DIGITS = "".join(CN_DIGIT_VALUES)
CN_UNITS = "十百千萬万億亿"
CN_NUMERAL_CHARS = CN_DIGITS + CN_UNITS + CAPITAL_CHARS

# Multipliers written after a number: "2.8萬", "4.86萬億", "1個億".
MULTIPLIERS = {
    "萬億": 1e12,
    "万亿": 1e12,
    "千億": 1e11,
    "千亿": 1e11,
    "百億": 1e10,
    "百亿": 1e10,
    "十億": 1e9,
    "十亿": 1e9,
    "億": 1e8,
    "亿": 1e8,
    "千萬": 1e7,
    "千万": 1e7,
    "百萬": 1e6,
    "百万": 1e6,
    "十萬": 1e5,
    "十万": 1e5,
    "萬": 1e4,
    "万": 1e4,
    "千": 1e3,
    "百": 1e2,
}
MULTIPLIER_PATTERN = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))

# Digit pairs that read as "this or the next": 七八 = 7..8, 三五 = 3..5, 一兩 = 1..2.
_RANGE_PAIRS = {(a, a + 1) for a in range(1, 9)} | {(3, 5)}
_TENS = re.compile(r"^([一二三四五六七八九]?)十([一二三四五六七八九]?)$")
_ADJACENT = re.compile(rf"^(十?)([{CN_DIGITS}])([{CN_DIGITS}])([十百千萬万億亿]*)$")


def arabic(text: str) -> float | None:
    """An Arabic numeral (thousands commas and full-width digits allowed)."""
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def magnitude(text: str) -> float | None:
    """A numeral made of unit characters only (``萬``, ``百萬``, ``千億``): its size.

    ``十`` alone is a number (ten), not a magnitude.
    """
    if not text or text == "十" or any(c not in CN_UNITS for c in text):
        return None
    value = 1.0
    for c in text:
        value *= CN_SMALL_UNITS.get(c) or CN_BIG_UNITS[c]
    # 萬億 / 千萬 / 百萬 / 千億 read as products; 萬千 or 億萬 are not numerals
    return value if _is_descending_product(text) else None


def _is_descending_product(text: str) -> bool:
    order = [CN_SMALL_UNITS.get(c) or CN_BIG_UNITS[c] for c in text]
    small = [u for u in order if u < 1e4]
    big = [u for u in order if u >= 1e4]
    return len(small) <= 1 and order == small + big and big == sorted(big)


def cn_range(text: str) -> tuple[float, float] | None:
    """Adjacent digits as a range: ``七八`` 7..8, ``三四十`` 30..40, ``十七八`` 17..18."""
    m = _ADJACENT.match(text)
    if not m:
        return None
    ten, a, b, units = m.groups()
    lo, hi = CN_DIGIT_VALUES[a], CN_DIGIT_VALUES[b]
    if (lo, hi) not in _RANGE_PAIRS:
        return None
    if ten and units:
        return None
    scale = 1.0
    if units:
        unit_scale = magnitude(units) if len(units) > 1 else (CN_SMALL_UNITS.get(units) or CN_BIG_UNITS[units])
        if unit_scale is None:
            return None
        scale = unit_scale
    base = 10.0 if ten else 0.0
    return (base + lo) * scale, (base + hi) * scale


def cn_digit_string(text: str) -> str | None:
    """Digit-by-digit numerals (``二〇二一`` -> "2021"); None if any unit character."""
    if not text or any(c not in CN_DIGIT_VALUES for c in text):
        return None
    return "".join(str(CN_DIGIT_VALUES[c]) for c in text)


def cn_number(text: str) -> float | None:
    """The value of a positional Chinese numeral, or None when it is not one.

    Adjacent-digit strings (``七八``, ``三一``) are not positional numerals
    (cn2an would read them as 78 and 31): use :func:`cn_range`.

    >>> cn_number("一萬零五"), cn_number("七八"), cn_number("萬一")
    (10005.0, None, None)
    """
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        return None
    text = text.translate(CAPITALS)
    if len(text) == 1:
        if text in CN_DIGIT_VALUES:
            return float(CN_DIGIT_VALUES[text])
        return 10.0 if text == "十" else None
    if not any(c in CN_UNITS for c in text) or text[0] in "百千萬万億亿":
        return None  # digit runs and bare magnitudes are read elsewhere
    if re.search(rf"[{CN_DIGITS}][{CN_DIGITS}]", text.replace("零", "").replace("〇", "")):
        return None  # two digits side by side: a range or a name, not positional
    tens = _TENS.match(text)
    if tens:  # 十二, 二十, 三十五: common enough to spare the cn2an import
        high, low = tens.groups()
        return float(CN_DIGIT_VALUES.get(high, 1) * 10 + CN_DIGIT_VALUES.get(low, 0))
    return _cn2an(text)


def cn_decimal(text: str) -> float | None:
    """A Chinese decimal (``三點五``, ``零點零零一``) through cn2an, which reads them right."""
    whole, _, frac = text.replace("点", "點").partition("點")
    if not frac or cn_digit_string(frac) is None or (whole and cn_number(whole) is None):
        return None
    return _cn2an(text.translate(CAPITALS))


def _cn2an(text: str) -> float | None:
    import cn2an  # ~0.1 s to import; only long positional numerals need it

    try:
        value = float(cn2an.cn2an(text.replace("两", "二").replace("兩", "二"), "normal"))
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return value if math.isfinite(value) else None
