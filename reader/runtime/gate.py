"""A one-shot go-ahead from a process to the child it forks, over a pipe.

The reader's cleaning child sends the first preview at once, but on a single
core the rest of its work (the whole article, the first run's word list)
would take that core from the interface while Textual starts.  The child
waits at a :class:`Gate` until the parent opens it (after its first frame),
until the parent is gone (the pipe's end of file), or until a time limit, so
that a parent which never opens it costs a delay, never a hang.

>>> gate = Gate()
>>> gate.open(); gate.open()  # once is enough, twice is harmless
>>> gate.wait(5.0)
True
>>> late = Gate()
>>> late.wait(0.01)  # nobody opened it: the time limit
False
>>> late.open()
"""

from __future__ import annotations

import os
import select
import threading


class Gate:
    """Made before ``fork``; the parent calls :meth:`open`, the child :meth:`wait`."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()
        # open() comes from several threads (the first frame, a wait for the whole article, the
        # quit): each end is taken under the lock, so it is closed once; a second close would
        # close whatever file had been given that number meanwhile.
        self._lock = threading.Lock()

    def in_child(self) -> None:
        """After the fork, in the child: only the parent may open it (the parent's exit then
        closes the last writing end, which opens it too)."""
        self._lock = threading.Lock()  # a parent's thread may have held it as the process forked
        self._close_write()

    def in_parent(self) -> None:
        """After the fork, in the parent: the waiting end is the child's."""
        self._close_read()

    def close(self) -> None:
        """Both ends, when there is no child after all."""
        self._close_read()
        self._close_write()

    def open(self) -> None:
        """Let the child go on (idempotent, from any thread)."""
        fd = self._take("_write")
        if fd >= 0:
            try:
                os.write(fd, b"g")
            except OSError:  # the child is gone: nobody to tell
                pass
            os.close(fd)

    def wait(self, limit: float) -> bool:
        """Wait until the gate is opened (or its opener is gone): True; or ``limit`` seconds: False."""
        fd = self._take("_read")
        if fd < 0:
            return True
        try:
            ready, _, _ = select.select([fd], [], [], limit)
        except (OSError, ValueError):
            ready = [fd]
        os.close(fd)
        return bool(ready)

    def _take(self, end: str) -> int:
        """The file descriptor of ``end`` (``_read``, ``_write``), now the caller's alone; -1 once taken."""
        with self._lock:
            fd = getattr(self, end)
            setattr(self, end, -1)
        return fd

    def _close_read(self) -> None:
        fd = self._take("_read")
        if fd >= 0:
            os.close(fd)

    def _close_write(self) -> None:
        fd = self._take("_write")
        if fd >= 0:
            os.close(fd)
