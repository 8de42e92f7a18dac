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

from reader.figures.draft import RANGE_MARKS, RANGE_SEP, Draft, Outcome, Quantity, Stage
from reader.figures.number_stages import (
    GRADE_MARKS,
    METRE_MARKS,
    MULTIPLIER_MARKS,
    SLASH_MARKS,
    TIMES_MARKS,
    apply_scale,
    dimensions,
    grade,
    half_of,
    metres_and_centimetres,
    multiplier,
    number_range,
    slash_fraction,
)
from reader.figures.numbers import read_number
from reader.figures.time_stages import TIME_MARKS, time_shape
from reader.figures.unit_stages import (
    bare_magnitude,
    indefinite_one,
    post_qualifier,
    temperature,
    unit,
    unit_range,
    unitless_kind,
)
from reader.text.numerals import CN_DIGIT_VALUES, CN_DIGITS, CN_NUMERAL_CHARS

_HK_FRACTION = re.compile(f"([二兩两三四五六七八九])分([一二三四五六七八])(?![{CN_NUMERAL_CHARS}之])")

__all__ = ["STAGES", "STAGE_MARKS", "STAGE_SCRIPTS", "Draft", "Quantity", "draft", "plan", "quantity", "trial"]

_FRACTION = re.compile(
    rf"(\d+|[{CN_NUMERAL_CHARS}]+)分之(\d+(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+(?:[點点][{CN_DIGITS}]+)?)"
)


def draft(text: str, i: int = 0, pre_q: str = "", depth: int = 0) -> Draft | None:
    """The draft of the number at ``text[i]`` before any stage (None: no number)."""
    num = read_number(text, i)
    if num is None:
        return None
    _start, end, _text, value, value_max, script, _decimal, _magnitude_only, vague, over, _scaled = num
    # text, start, pre_q, depth, num, pos, value, value_max, over, vague, read, scale, prefix_word,
    # unit, kind, qualifier, arabic
    return Draft(
        text,
        i,
        pre_q,
        depth,
        num,
        end,
        value,
        value_max,
        over,
        vague,
        quantity,
        1.0,
        "",
        "",
        "",
        "",
        script == "arabic",
    )


def quantity(text: str, i: int, pre_q: str, depth: int = 0) -> Quantity | None:
    """The quantity whose number starts at ``text[i]``, or None."""
    frac = fraction(text, i) or (hk_fraction(text, i) if text[i + 1 : i + 2] == "分" else None)
    if frac is not None:
        return fraction_range(text, frac)
    d = draft(text, i, pre_q, depth)
    if d is None:
        return None
    plans, after = _PLANS[d.arabic], -1
    while True:
        pos = d.pos
        anywhere, by_mark = plans[after + 1] or _plans(d.arabic, after)
        for index, stage in by_mark.get(text[pos : pos + 1], anywhere):
            out = stage(d)
            if out is not None:
                return out or None
            if d.pos != pos:
                after = index  # the stages after this one are chosen again at the new position
                break
        else:
            return d.done()


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


STAGES: tuple[Stage, ...] = (
    slash_fraction,
    half_of,
    time_shape,
    metres_and_centimetres,
    dimensions,
    multiplier,
    number_range,
    apply_scale,
    grade,
    unit,
    temperature,
    unit_range,
    post_qualifier,
    bare_magnitude,
    unitless_kind,
    indefinite_one,
)
# Stages that act only when the character at the draft's position is one of these (each
# tests that first and returns None, the draft untouched): the runner passes them by
# elsewhere without calling them.  Most numbers are followed by none of these characters.
STAGE_MARKS: dict[Stage, frozenset[str]] = {
    slash_fraction: SLASH_MARKS,
    time_shape: TIME_MARKS,
    metres_and_centimetres: METRE_MARKS,
    dimensions: TIMES_MARKS,
    multiplier: MULTIPLIER_MARKS,
    number_range: RANGE_MARKS,
    grade: GRADE_MARKS,
    unit_range: RANGE_MARKS,
}
# Stages that act only on a number written in one script (True: Arabic digits, False: Chinese
# numerals), each testing that first: the runner passes them by for the other script.
STAGE_SCRIPTS: dict[Stage, bool] = {
    slash_fraction: True,
    half_of: False,
    metres_and_centimetres: True,
    dimensions: True,
    bare_magnitude: False,
    indefinite_one: False,
}
_ANY_MARK = frozenset().union(*STAGE_MARKS.values())
Plan = tuple[tuple[int, Stage], ...]
# By script, then by the place of the stage they follow (+1): the stages for a character that
# is no stage's mark, and those for each mark (filled when first needed).
_PLANS: dict[bool, list[tuple[Plan, dict[str, Plan]] | None]] = {s: [None] * (len(STAGES) + 1) for s in (True, False)}


def plan(arabic: bool, mark: str, after: int = -1) -> Plan:
    """The stages after the ``after``-th, with their places in :data:`STAGES`, that may act on
    a number of that script (``arabic``) when ``mark`` is the character at the draft's
    position: every other stage would return None there and leave the draft as it was.

    >>> [stage.__name__ for _i, stage in plan(True, "萬", 8)]
    ['unit', 'temperature', 'post_qualifier', 'unitless_kind']
    >>> [stage.__name__ for _i, stage in plan(False, "-", 8)]
    ['unit', 'temperature', 'unit_range', 'post_qualifier', 'bare_magnitude', 'unitless_kind', 'indefinite_one']
    """
    anywhere, by_mark = _plans(arabic, after)
    return by_mark.get(mark, anywhere)


def _plans(arabic: bool, after: int) -> tuple[Plan, dict[str, Plan]]:
    found = _PLANS[arabic][after + 1]
    if found is None:
        found = _PLANS[arabic][after + 1] = (
            _stages(arabic, "", after),
            {mark: _stages(arabic, mark, after) for mark in _ANY_MARK},
        )
    return found


def _stages(arabic: bool, mark: str, after: int) -> Plan:
    return tuple(
        (index, stage)
        for index, stage in enumerate(STAGES)
        if index > after
        and STAGE_SCRIPTS.get(stage, arabic) == arabic
        and (stage not in STAGE_MARKS or mark in STAGE_MARKS[stage])
    )


def hk_fraction(text: str, i: int) -> Quantity | None:
    """ "三分一" (Hong Kong, without 之) is a third; only a one-digit denominator, so that
    十分一致 (very consistent) stays words.

    >>> hk_fraction("佔約三分一，", 2).value, hk_fraction("十分一致", 0), hk_fraction("三分五", 0)
    (0.3333333333333333, None, None)
    """
    if text[i + 1 : i + 2] != "分":
        return None
    m = _HK_FRACTION.match(text, i)
    if m is None:
        return None
    den, num = (CN_DIGIT_VALUES[c] for c in m.groups())
    return Quantity(m.end(), num / den, None, "", "fraction") if num < den else None


def fraction_range(text: str, low: Quantity) -> Quantity:
    """A range of two fractions or two 百分之 shares: 四分之一至三分之一 is one figure, 0.25..1/3.

    >>> q = fraction_range("四分之一至三分之一。", fraction("四分之一至三分之一。", 0)); (q.value, round(q.value_max, 3), q.end)
    (0.25, 0.333, 9)
    >>> fraction_range("三分之一至四分之一", fraction("三分之一至四分之一", 0)).value_max is None
    True
    """
    m = RANGE_SEP.match(text, low.end)
    if m is None or low.value_max is not None:
        return low
    high = fraction(text, m.end())
    if high is None or high.kind != low.kind or high.value_max is not None:
        return low
    if isinstance(low.value, str) or isinstance(high.value, str) or not low.value < high.value:
        return low
    return Quantity(high.end, low.value, high.value, low.unit, low.kind)


def fraction(text: str, i: int) -> Quantity | None:
    """ "四分之一" -> 0.25; "百分之三十" -> 30 percent; "千分之五" -> 5 per mille, the value "5‰" has
    (it was 0.5 beside the unit ‰: a reviewer read 0.5‰, ten times too little).

    >>> [(q.value, q.unit) for q in (fraction(t, 0) for t in ("千分之二點五", "百分之三十", "四分之一"))]
    [(2.5, '‰'), (30.0, '%'), (0.25, '')]
    """
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
        return Quantity(end, num.value, num.value_max, "‰", "percent")
    if num.value_max is not None:
        return None
    return Quantity(end, num.value / den.value, None, "", "fraction")
