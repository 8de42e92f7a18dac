"""A figure's value as a reviewer reads it in a narrow column: compact, never cut.

Large numbers in the article's own magnitudes (萬, 億, 萬億 — 万, 亿, 万亿 in Simplified),
dates as dates, kinds as short codes with a legend, and the qualifier and vagueness
as a marker of their own (the exact value is in the TUI's preview and in JSON).

>>> compact_number(6.2e12), compact_number(2.685e11), compact_number(2230000.0), compact_number(2000.0)
('6.2萬億', '2685億', '223萬', '2,000')
>>> compact_number(2.8e4, simplified=True), compact_number(0.25), compact_number(1234567.0)
('2.8万', '0.25', '123.4567萬')
>>> date_shown("--09-10"), date_shown("--07"), date_shown("2018-07"), date_shown("2018"), date_shown("---30")
('09-10', '07', '2018-07', '2018', '30日')
"""

from __future__ import annotations

from typing import Any

# magnitudes, largest first: (value, Traditional, Simplified)
MAGNITUDES = ((1e12, "萬億", "万亿"), (1e8, "億", "亿"), (1e4, "萬", "万"))
SIGNIFICANT = 7  # digits kept of a compact number (the exact value is in the preview and JSON)

# kind -> (code, what the legend says); kinds not listed show their first three letters
KIND_CODES: dict[str, tuple[str, str]] = {
    "money": ("mon", "money"),
    "count": ("cnt", "count"),
    "people": ("ppl", "count of people"),
    "percent": ("pct", "percent"),
    "multiple": ("mul", "multiple"),
    "fraction": ("frc", "fraction"),
    "date": ("dat", "date"),
    "year": ("yr", "year"),
    "duration": ("dur", "duration"),
    "age": ("age", "age"),
    "quantity": ("qty", "physical quantity"),
    "temperature": ("tmp", "temperature"),
    "time": ("tim", "race time"),
    "clock": ("clk", "time of day"),
    "number": ("num", "number"),
}
KIND_CODE_WIDTH = 3

# qualifier -> marker: the grammar's words (old and new vocabularies both)
QUALIFIER_MARKS = {"approx": "≈", "over": ">", "lower": ">", "under": "<", "upper": "<"}
VAGUE_MARK = "~"
DAY = "日"  # a day of the month shown alone (the same character in both scripts)
MARK_LEGEND = (("≈", "approximate"), (">", "lower bound (over, at least)"), ("<", "upper bound"), ("~", "vague"))


def _plain(v: float) -> str:
    """A number without exponent or trailing zeros, at most SIGNIFICANT digits.

    >>> _plain(6.2), _plain(2685.0), _plain(123.45671)
    ('6.2', '2685', '123.4567')
    """
    digits = max(0, SIGNIFICANT - len(str(int(abs(v)))))
    text = f"{v:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{v:.0f}"
    return text or "0"


def compact_number(v: float, simplified: bool = False) -> str:
    """``v`` in the largest Chinese magnitude it reaches, else with thousands separators."""
    for size, trad, simp in MAGNITUDES:
        if abs(v) >= size:
            return _plain(v / size) + (simp if simplified else trad)
    if float(v).is_integer():
        return f"{int(v):,}"
    return _plain(v)


def date_shown(v: str) -> str:
    """An ISO date value as a date: the ``--`` of a date without a year goes; a day of the
    month alone (ISO ``---30``) is written ``30日``, since ``-30`` would read as minus thirty."""
    if v.startswith("---"):
        return v[3:] + DAY
    return v[2:] if v.startswith("--") else v


def one_value(v: Any, simplified: bool = False) -> str:
    if isinstance(v, bool) or v is None:
        return ""
    if isinstance(v, float | int):
        return compact_number(float(v), simplified)
    return date_shown(str(v))


def range_end(start: str, end: str) -> str:
    """The end of a range of dates without the year they share: ``2022-04–06``, not
    ``2022-04–2022-06`` (the same year twice takes the width a narrow column lacks).

    >>> range_end("2022-04", "2022-06"), range_end("2021-12", "2022-01"), range_end("300", "500")
    ('06', '2022-01', '500')
    """
    year = start[:5]
    if len(start) > 5 and len(end) > 5 and year == end[:5] and year[:4].isdigit() and year[4] == "-":
        return end[5:]
    return end


def _suffix(shown: str) -> str:
    """The magnitude (or the day's ``日``) a shown value ends with, the longest first."""
    return next((m for _size, *words in MAGNITUDES for m in (*words, DAY) if shown.endswith(m)), "")


def range_start(start: str, end: str) -> str:
    """The start of a range without the magnitude it shares with the end: ``7000–8000億``, ``03–06日``.

    >>> range_start("7000億", "8000億"), range_start("6萬億", "8億"), range_start("2萬", "3"), range_start("03日", "06日")
    ('7000', '6萬億', '2萬', '03')
    """
    suffix = _suffix(start)
    return start[: -len(suffix)] if suffix and suffix == _suffix(end) else start


def value_shown(figure: Any, simplified: bool = False) -> str:
    """The value column: compact, a range with an en dash, ``%``/``‰`` kept.

    >>> from types import SimpleNamespace as F
    >>> value_shown(F(value="--05", value_max="--08", unit="", kind="date"))
    '05–08'
    >>> value_shown(F(value=15.0, value_max=20.0, unit="%", kind="percent"))
    '15–20%'
    >>> value_shown(F(value="2022-01", value_max="2022-02", unit="", kind="date"))
    '2022-01–02'
    >>> value_shown(F(value="---03", value_max="---06", unit="", kind="date"))
    '03–06日'
    """
    text = one_value(figure.value, simplified)
    if figure.value_max is not None and figure.value_max != figure.value:
        end = range_end(text, one_value(figure.value_max, simplified))
        text = range_start(text, end) + "–" + end
    if figure.unit and figure.unit in "%％‰" and isinstance(figure.value, float | int):
        text += figure.unit
    return text


def kind_code(kind: str) -> str:
    """The kind in at most three cells.

    >>> kind_code("duration"), kind_code("money"), kind_code("distance")
    ('dur', 'mon', 'dis')
    """
    return KIND_CODES.get(str(kind), (str(kind)[:KIND_CODE_WIDTH], ""))[0]


def qualifier_mark(qualifier: str, vague: bool = False) -> str:
    """The marker column: the qualifier's sign, then ``~`` when the figure is vague.

    >>> qualifier_mark("approx"), qualifier_mark("over", True), qualifier_mark("", False)
    ('≈', '>~', '')
    """
    return QUALIFIER_MARKS.get(str(qualifier), "") + (VAGUE_MARK if vague else "")


def legend() -> str:
    """What the figures' codes and markers mean, a line per group.

    >>> print(legend().splitlines()[1])
    marks: ≈ approximate · > lower bound (over, at least) · < upper bound · ~ vague
    """
    kinds = " · ".join(f"{code} {words}" for code, words in KIND_CODES.values())
    marks = " · ".join(f"{m} {words}" for m, words in MARK_LEGEND)
    values = "values: 萬 10⁴ · 億 10⁸ · 萬億 10¹² (the exact value is in the preview line); dates MM-DD"
    return f"kinds: {kinds}\nmarks: {marks}\n{values}"
