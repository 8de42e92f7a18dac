"""The terminal the reader runs in: standard input given back to the keyboard after a pipe,
output silenced once the terminal hung up, let go of by a forked worker, streams told from
files (read only once)."""

from __future__ import annotations

import os
import stat
import sys

STDIN = "-"


def open_terminal_as_stdin() -> None:
    """After an article came through a pipe, let the TUI read keys from the terminal."""
    fd = os.open("/dev/tty", os.O_RDONLY)
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as long as the process


def is_stream(path: str) -> bool:
    """Standard input, a FIFO or a device: something that can be read only once."""
    if path == STDIN:
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def silence_output() -> None:
    try:
        _point_at_devnull((1, 2), os.O_WRONLY)
    except OSError:
        pass


def let_go_of_the_terminal() -> None:
    """In a forked worker that never writes to the terminal: its standard streams go to /dev/null.
    A stray warning cannot reach the reader's screen, and the terminal is let go of when the
    reader quits (an ssh session or a pty ends when the last process holding it does), not when
    the worker, niced and with a book's memory to free, has finished dying."""
    _point_at_devnull((0, 1, 2), os.O_RDWR)


def _point_at_devnull(fds: tuple[int, ...], mode: int) -> None:
    """``fds`` opened on /dev/null.  When a standard stream was closed, /dev/null comes back
    as that number: it is one of the streams then, and closing it would close that stream again."""
    null = os.open(os.devnull, mode)
    for fd in fds:
        if fd != null:
            os.dup2(null, fd)
    if null > 2:
        os.close(null)
