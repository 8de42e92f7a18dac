"""Counting work instead of timing it: tests that a path is linear or skipped must pass on a
loaded machine, so they count calls, never seconds."""

from __future__ import annotations

import sys
from collections.abc import Callable


def python_calls(fn: Callable[[], object]) -> int:
    """How many calls (of Python functions and of C ones) ``fn()`` makes: a count of work
    that does not depend on how loaded the machine is."""
    count = 0

    def profile(_frame, event, _arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count
