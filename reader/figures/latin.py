"""Figures written the English way: ``$81.8 billion``, ``US$5m``, ``€3.2bn``, ``3 million people``.

The Chinese grammar (reader.figures.quantity) reads numbers before Chinese units;
an amount written in English has its currency before the number and its
magnitude as a word after it.  :func:`latin_figure_at` reads one at the number
that :func:`reader.figures.grammar.scan` is at, on the folded view (where
``81.8 billion`` is ``81.8billion``), so the tables below are the whole grammar.

>>> f = latin_figure_at("revenue of $81.8billion in", 12); (f.text, f.value, f.unit, f.kind)
('$81.8billion', 81800000000.0, '$', 'money')
>>> f = latin_figure_at("售價港幣$1,000", 5); (f.text, f.value, f.unit)
('港幣$1,000', 1000.0, 'HKD')
>>> f = latin_figure_at("about 3million people", 6); (f.text, f.value, f.unit, f.kind, f.qualifier)
('about 3million', 3000000.0, '', 'count', 'approx')
>>> latin_figure_at("5G手機", 0) is None, latin_figure_at("長5m", 1) is None
(True, True)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Currency signs and codes written before the amount: unit as an ISO code where the sign
# names one currency.  $ is the US, Hong Kong, Taiwan or Singapore dollar (a Hong Kong
# article's $1,000 is HKD), ¥ yuan or yen: they stay signs unless a name says which.
CURRENCY_BEFORE = {
    "US$": "USD",
    "HK$": "HKD",
    "NT$": "TWD",
    "A$": "AUD",
    "C$": "CAD",
    "S$": "SGD",
    "$": "$",
    "€": "EUR",
    "£": "GBP",
    "¥": "¥",
    "￥": "¥",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "CNY": "CNY",
    "RMB": "CNY",
    "HKD": "HKD",
    "JPY": "JPY",
}
# Chinese currency names written before a sign (港幣$1,000): they say which dollar.
NAMED_BEFORE_SIGN = {
    "港幣": "HKD",
    "港币": "HKD",
    "港元": "HKD",
    "新台幣": "TWD",
    "新台币": "TWD",
    "台幣": "TWD",
    "台币": "TWD",
    "美元": "USD",
    "美金": "USD",
    "澳幣": "AUD",
    "澳币": "AUD",
    "加幣": "CAD",
    "加币": "CAD",
    "新幣": "SGD",
    "新币": "SGD",
    "人民幣": "CNY",
    "人民币": "CNY",
    "日圓": "JPY",
    "日元": "JPY",
}
# Currency names written after the amount.
CURRENCY_AFTER = {
    "US dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yuan": "CNY",
    "RMB": "CNY",
    "USD": "USD",
    "EUR": "EUR",
    "CNY": "CNY",
    "HKD": "HKD",
    "yen": "JPY",
}
MAGNITUDE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6}
# Short magnitudes are read only after a currency sign: alone, 5m is five metres.
SHORT_MAGNITUDES = {"m": 1e6, "k": 1e3, "b": 1e9}
QUALIFIER_WORDS = {
    "approx": ("about", "around", "approximately", "roughly", "nearly", "almost", "some"),
    "lower": ("more than", "over", "above", "at least"),
    "upper": ("less than", "fewer than", "under", "below", "up to"),
}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_BEFORE = re.compile(rf"(?:^|(?<=[^A-Za-z0-9]))(?:{_alternation(CURRENCY_BEFORE)})\s?$")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?")
_MAGNITUDE = re.compile(rf"\s?({_alternation(MAGNITUDE_WORDS | SHORT_MAGNITUDES)})(?![A-Za-z])")
_AFTER = re.compile(rf"\s?({_alternation(CURRENCY_AFTER)})(?![A-Za-z])")
# After a sign, a multiplier or a Chinese money unit is the Chinese grammar's to read ($5億, ￥5000元).
_CHINESE_AFTER_SIGN = set("萬万億亿千百兆元圓圆塊块")
_SIGNS_ONLY = ("$", "¥")
_NAMED = re.compile(f"(?:{_alternation(NAMED_BEFORE_SIGN)})$")
_QUALIFIER = {w: q for q, words in QUALIFIER_WORDS.items() for w in words}
_QUALIFIER_BEFORE = re.compile(rf"(?:^|(?<=[^A-Za-z]))({_alternation(_QUALIFIER)})\s?$", re.IGNORECASE)


def may_be_latin(text: str, i: int, end: int) -> bool:
    """A cheap test before :func:`latin_figure_at` for the number ``text[i:end]``: a sign
    or blank before it, or a Latin letter, blank or comma after it.

    >>> may_be_latin("$5", 1, 2), may_be_latin("5million", 0, 1), may_be_latin("5萬元", 0, 1)
    (True, True, False)
    """
    before, after = text[i - 1 : i], text[end : end + 1]
    return (before != "" and before in _SIGNS_OR_BLANK) or (after.isascii() and (after.isalpha() or after in " ,"))


_SIGNS_OR_BLANK = "$€£¥￥ "


# "revenue of $81.8 billion", "sales reached 3 million": the noun before a linking word.
_NOUN_LINKED = re.compile(
    r"([A-Za-z][A-Za-z-]+)\s+(?:of|at|was|were|is|are|reached|totaled|totalled|hit|rose to|fell to)\s*$"
)


def latin_label(text: str, start: int, is_content) -> str:
    """The English noun an amount is linked to right before it (``revenue of $81.8 billion``),
    when ``is_content`` says it is a content word; else "".

    >>> latin_label("reported revenue of $81.8billion", 20, lambda w: w != "the")
    'revenue'
    >>> latin_label("rose 5%", 5, lambda w: True), latin_label("the is $5", 7, lambda w: w != "the")
    ('', '')
    """
    m = _NOUN_LINKED.search(text, max(0, start - 40), start)
    return m.group(1) if m and is_content(m.group(1)) else ""


@dataclass(frozen=True)
class LatinFigure:
    start: int
    end: int
    text: str
    value: float
    unit: str
    kind: str
    qualifier: str


def latin_figure_at(text: str, i: int) -> LatinFigure | None:
    """The English-written amount whose number starts at ``text[i]``, or None when there is
    no currency sign before it nor a magnitude or currency word after it."""
    number = _NUMBER.match(text, i)
    if number is None or (i > 0 and text[i - 1].isascii() and text[i - 1].isalnum()):
        return None
    if i > 1 and text[i - 1] in ".," and text[i - 2].isdigit():
        return None  # inside a number
    before = _BEFORE.search(text, max(0, i - 4), i)
    unit = CURRENCY_BEFORE[before.group().strip()] if before else ""
    end, value = number.end(), float(number.group().replace(",", ""))
    magnitude = _MAGNITUDE.match(text, end)
    word = magnitude.group(1) if magnitude else ""
    scaled = magnitude is not None and (word in MAGNITUDE_WORDS or before is not None)
    if magnitude is not None and scaled:
        value *= MAGNITUDE_WORDS.get(word) or SHORT_MAGNITUDES[word]
        end = magnitude.end()
    after = _AFTER.match(text, end)
    if after and not before:
        unit, end = CURRENCY_AFTER[after.group(1)], after.end()
    if (
        not math.isfinite(value)
        or not (before or scaled or after)
        or (not scaled and text[end : end + 1] in _CHINESE_AFTER_SIGN)
    ):
        return None  # a plain number, or $5億: the Chinese grammar reads the multiplier
    start = before.start() if before else i
    if before and unit in _SIGNS_ONLY:
        name = _NAMED.search(text, max(0, start - 3), start)
        if name:
            start, unit = name.start(), NAMED_BEFORE_SIGN[name.group()]
    qualifier = _QUALIFIER_BEFORE.search(text, max(0, start - 16), start)
    if qualifier:
        start = qualifier.start()
    named = _QUALIFIER[qualifier.group(1).lower()] if qualifier else ""
    return LatinFigure(start, end, text[start:end], value, unit, "money" if unit else "count", named)
