"""The closed vocabularies of a figure: its kind and its qualifier.

Both are StrEnums, so they compare equal to their values and go into JSON and
CSV as plain strings.

>>> Kind.AGE == "age", Qualifier.of("lower"), Qualifier.of("")
(True, <Qualifier.LOWER: 'lower'>, <Qualifier.NONE: 'none'>)
>>> Qualifier.LOWER.bound, Qualifier.APPROX.bound, Qualifier.NONE.bound
(True, False, False)
>>> marker(Qualifier.LOWER, True), marker("approx", False), marker("none", False)
('≥ vague', '≈', '')
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What a figure is (devset2 policy D1, D5, D6 for quantity, race time and age)."""

    MONEY = "money"
    COUNT = "count"
    PEOPLE = "people"  # a count of people: 300人, 數萬人次
    PERCENT = "percent"
    MULTIPLE = "multiple"
    FRACTION = "fraction"
    DATE = "date"
    YEAR = "year"
    DURATION = "duration"
    TIME = "time"  # a race or split time, in seconds: 1分53.92秒, 52秒70
    CLOCK = "clock"  # a time of day, "Thh:mm": 上午9時30分, 晚上8點
    AGE = "age"
    QUANTITY = "quantity"  # physical, in its written unit: 20公分, 4100 mAh
    TEMPERATURE = "temperature"  # 38℃, 氣溫38度
    NUMBER = "number"


class Qualifier(StrEnum):
    """How the written number relates to the quantity: about it, at least it, at most it."""

    NONE = "none"
    APPROX = "approx"  # 約, 近, 左右
    LOWER = "lower"  # a lower bound: 超過, 以上, 多
    UPPER = "upper"  # an upper bound: 不到, 以下, 以內

    @classmethod
    def of(cls, word: str) -> Qualifier:
        """The qualifier named ``word`` ("" is none)."""
        return _BY_NAME.get(word) or cls(word)

    @property
    def bound(self) -> bool:
        """A bound rather than an estimate."""
        return self in (Qualifier.LOWER, Qualifier.UPPER)


_BY_NAME = {"": Qualifier.NONE, **{q.value: q for q in Qualifier}}
MARKS = {Qualifier.APPROX: "≈", Qualifier.LOWER: "≥", Qualifier.UPPER: "≤", Qualifier.NONE: ""}


def marker(qualifier: str, vague: bool) -> str:
    """A compact mark of what is not exact about a figure: ≈ approximate, ≥ a lower
    bound, ≤ an upper bound, and "vague" for a magnitude (上萬, 數萬, 億級)."""
    mark = MARKS[Qualifier.of(qualifier)]
    return f"{mark} vague".strip() if vague else mark
