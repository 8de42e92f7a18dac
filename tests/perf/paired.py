"""Alternated A/B measurement: the bench's only way of comparing two runs.

On a shared machine the load drifts within seconds, so a ratio of two medians
taken minutes apart says little.  Every comparison here runs the variants in
turn (A B A B ...), and the ratio reported is the median of the pairs' own
ratios (each pair ran in the same few seconds), with its range.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

MIN_PAIRS = 5


@dataclass(frozen=True)
class Spread:
    """Median and range of a set of runs (seconds, or any positive figure)."""

    median: float
    low: float
    high: float

    def ms(self) -> str:
        """Milliseconds, median (range).

        >>> Spread(0.5, 0.4, 0.61).ms()
        '500 ms (400–610)'
        """
        return f"{self.median * 1000:.0f} ms ({self.low * 1000:.0f}–{self.high * 1000:.0f})"

    def s(self) -> str:
        """Seconds, median (range).

        >>> Spread(2.25, 2.0, 3.0).s()
        '2.25 s (2.00–3.00)'
        """
        return f"{self.median:.2f} s ({self.low:.2f}–{self.high:.2f})"

    def times(self) -> str:
        """A ratio, median (range).

        >>> Spread(1.234, 1.1, 1.5).times()
        '1.23× (1.10–1.50)'
        """
        return f"{self.median:.2f}× ({self.low:.2f}–{self.high:.2f})"


def spread(values: Sequence[float | None]) -> Spread:
    """Median and range of the values that were measured (None: a run that failed).

    >>> spread([3.0, 1.0, None, 2.0])
    Spread(median=2.0, low=1.0, high=3.0)
    >>> spread([None])
    Spread(median=nan, low=nan, high=nan)
    """
    got = [v for v in values if v is not None]
    if not got:
        nan = float("nan")
        return Spread(nan, nan, nan)
    return Spread(statistics.median(got), min(got), max(got))


def pair_ratios(a: Sequence[float | None], b: Sequence[float | None]) -> Spread:
    """A over B, pair by pair (run i of A against run i of B), as a :class:`Spread`.

    >>> pair_ratios([2.0, 4.0, 3.0], [1.0, 1.0, 2.0])
    Spread(median=2.0, low=1.5, high=4.0)
    >>> pair_ratios([1.0, None], [2.0, 2.0])
    Spread(median=0.5, low=0.5, high=0.5)
    """
    return spread([x / y if x is not None and y else None for x, y in zip(a, b, strict=True)])


@dataclass(frozen=True)
class Comparison:
    """Variant A against variant B, run alternately."""

    a: Spread
    b: Spread
    ratio: Spread  # A / B, pair by pair
    pairs: int


def compare(a: Sequence[float | None], b: Sequence[float | None]) -> Comparison:
    """A against B from their alternated runs.

    >>> c = compare([2.0, 2.2], [1.0, 1.0])
    >>> c.ratio.median, c.pairs
    (2.1, 2)
    """
    return Comparison(spread(a), spread(b), pair_ratios(a, b), len(a))


def alternate_calls(variants: dict[str, Callable[[], float | None]], pairs: int) -> dict[str, list[float | None]]:
    """Call each variant ``pairs`` times, in turn (A B A B ...); per name: its figures in order.

    >>> calls = []
    >>> out = alternate_calls({"a": lambda: calls.append("a") or 1.0, "b": lambda: calls.append("b") or 2.0}, 2)
    >>> "".join(calls), out
    ('abab', {'a': [1.0, 1.0], 'b': [2.0, 2.0]})
    """
    results: dict[str, list[float | None]] = {name: [] for name in variants}
    for _ in range(pairs):
        for name, run in variants.items():
            results[name].append(run())
    return results


def steps_per_mb(sizes: Sequence[float], values: Sequence[float]) -> list[float]:
    """What each further MB costs from one size to the next (sizes in MB, ascending): equal
    steps mean a linear cost, a growing step a worse than linear one.

    >>> steps_per_mb([1, 2, 5, 10], [100, 110, 140, 190])
    [10.0, 10.0, 10.0]
    >>> steps_per_mb([1, 2, 4], [100, 101, 110])
    [1.0, 4.5]
    """
    return [(v1 - v0) / (s1 - s0) for (s0, v0), (s1, v1) in pairwise(zip(sizes, values, strict=True))]
