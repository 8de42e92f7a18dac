"""Returning freed heap memory to the system.

glibc keeps memory that Python freed (the transient lists and strings of
cleaning a book, of finding its figures) in its heap for reuse; the process
then looks hundreds of megabytes bigger than what it holds.  ``malloc_trim``
gives it back.  It is a foreign call, so ctypes releases the GIL while it runs
(a few milliseconds): the interface keeps painting meanwhile.

>>> give_back() in (True, False)
True
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to give back this way
        return None


def give_back() -> bool:
    """Trim the C heap now; whether this platform could."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
