"""Long texts split over the machine's cores, for the non-interactive CLI.

The cleaning passes, the figure grammar and the labels are all local: a
mojibake run or a pinyin note never spans a line, a figure never leaves its
sentence.  So a book can be cut at line breaks into pieces that forked worker
processes handle at once, each reading the whole text it inherited (no copy
is sent) and sending back only its piece's result.

Forking is safe only in a process with one thread: the TUI never calls this
(its cleaning child already runs beside the interface), and :func:`fork_map`
runs the work in-process when threads exist, when the platform cannot fork,
or when there is a single job.

>>> line_pieces("a\\nbb\\nccc\\ndddd\\n", 3)
[(0, 5), (5, 9), (9, 14)]
>>> fork_map(_demo_length, "a\\nbb\\n", [(0, 2), (2, 5)], jobs=1)
[2, 3]
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

R = TypeVar("R")

# Pieces smaller than this are not worth a process (forking and sending a
# result back cost a few milliseconds).
MIN_PIECE = 200_000

# What the workers read: set just before forking, inherited by the children.
_task: tuple[Callable[..., Any], Any, Sequence[Any]] | None = None


def jobs_wanted() -> int:
    """Worker processes to use: ``KREADER_JOBS`` if set, else one per core (at most 8)."""
    try:
        wanted = int(os.environ.get("KREADER_JOBS", "0"))
    except ValueError:
        wanted = 0
    if wanted > 0:
        return wanted
    return min(available_cores(), 8)


def available_cores() -> int:
    """The cores this process may run on (``taskset``, a container's cpuset), at least 1."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores)


def line_pieces(text: str, size: int, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``text[start:end]`` cut after line breaks into spans of at least ``size`` characters (the last may be shorter)."""
    end = len(text) if end is None else end
    spans = []
    at = start
    while at < end:
        cut = text.find("\n", min(at + size, end) - 1, end)
        stop = end if cut < 0 else cut + 1
        spans.append((at, stop))
        at = stop
    return spans


def pieces_for(text: str, jobs: int) -> list[tuple[int, int]]:
    """Line-aligned spans covering ``text``: a few per job, so a slow piece does not hold the rest up."""
    if jobs <= 1 or len(text) < 2 * MIN_PIECE:
        return [(0, len(text))]
    return line_pieces(text, max(MIN_PIECE, len(text) // (jobs * 4) + 1))


def fork_map(work: Callable[[Any, Any], R], shared: Any, items: Sequence[Any], jobs: int) -> list[R]:
    """``[work(shared, item) for item in items]``, spread over ``jobs`` forked processes.

    ``shared`` (the text, the document) reaches the workers by fork, not by
    pickling; each result is pickled back.  Falls back to a plain loop where
    forking is unsafe or pointless.
    """
    global _task
    if jobs <= 1 or len(items) <= 1 or not _can_fork():
        return [work(shared, item) for item in items]
    _task = (work, shared, items)
    # What the children inherit is read-only to them: out of the cycle collector, so that a
    # child's collections neither walk the parent's heap nor copy its pages (copy-on-write).
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(min(jobs, len(items))) as pool:
            return pool.map(_run_item, range(len(items)), chunksize=1)
    finally:
        _task = None


def _can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1 and not multiprocessing.current_process().daemon


def _run_item(index: int) -> Any:
    assert _task is not None
    work, shared, items = _task
    return work(shared, items[index])


def _demo_length(text: str, span: tuple[int, int]) -> int:
    return span[1] - span[0]
