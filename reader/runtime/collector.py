"""The cycle collector held while the reader starts, and left out of a printed view's exit.

Importing Textual and kreader's modules and composing the first screen allocate hundreds of
thousands of objects that live as long as the reader: with Python's default thresholds the
cycle collector runs a hundred times over them before the first frame, for next to nothing
collected (a tenth of the start-up's CPU time).  The reader holds it from its start to its
first frame; a process forked meanwhile (the cleaning child) runs it as usual.

>>> import gc
>>> was = gc.isenabled(); gc.enable()
>>> hold_collections(); gc.isenabled()
False
>>> resume_collections(); resume_collections(); gc.isenabled()
True
>>> _ = gc.enable() if was else gc.disable()
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_held = False  # whether hold_collections() turned the collector off (only it turns it on again)


def hold_collections() -> None:
    """No cycle collection until :func:`resume_collections` (a start-up's burst of long-lived objects)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def leave_uncollected() -> None:
    """Keep every object the process holds until it exits (moved where the collector no longer
    looks): a process whose work is done (a view printed whole) then exits without the
    interpreter's last collections, which would go through the modules' objects, cycle by cycle,
    to free memory the operating system takes back at once.  The exit is otherwise the usual one:
    the streams are flushed, atexit handlers run, objects outside cycles are freed.

    >>> import gc
    >>> leave_uncollected(); gc.get_freeze_count() > 0
    True
    >>> gc.unfreeze()
    """
    gc.freeze()


@contextmanager
def collections_paused() -> Iterator[None]:
    """No cycle collection inside the block, the collector as it was after it: for a burst of
    short-lived objects that hold no cycles (the figure grammar's records, freed as they go
    by their counts), which the collector would otherwise walk with the whole heap again and again.

    >>> import gc
    >>> was = gc.isenabled(); gc.enable()
    >>> with collections_paused(): gc.isenabled()
    False
    >>> gc.isenabled()
    True
    >>> _ = gc.enable() if was else gc.disable()
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def resume_collections() -> None:
    """The collector as it was before :func:`hold_collections` (idempotent)."""
    global _held
    if _held:
        _held = False
        gc.enable()
