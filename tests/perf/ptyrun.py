"""Run a command in a real pseudo-terminal and time it, from exec to exit or to a screen marker."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass


@dataclass
class PtyRun:
    seconds: float  # exec -> exit (or -> marker seen)
    max_rss_mb: float  # of the child, from wait4 (0 when killed before exit)
    output: bytes
    status: int


def run_in_pty(argv: list[str], env: dict[str, str], cols: int = 100, rows: int = 30,
               marker: bytes | None = None, timeout: float = 60.0) -> PtyRun:
    """Start ``argv`` on a fresh pty; stop at exit, or at ``marker`` in the output (then kill it)."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    start = time.perf_counter()
    out = bytearray()
    marker_at = None
    while time.perf_counter() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal (exited)
            break
        if not chunk:
            break
        out += chunk
        if marker is not None and marker in out:
            marker_at = time.perf_counter()
            os.kill(pid, signal.SIGKILL)
            break
    else:
        os.kill(pid, signal.SIGKILL)
    _pid, status, usage = os.wait4(pid, 0)
    end = marker_at or time.perf_counter()
    os.close(fd)
    return PtyRun(end - start, usage.ru_maxrss / 1024, bytes(out), status)
