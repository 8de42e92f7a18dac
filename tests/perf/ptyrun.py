"""Run a command in a real pseudo-terminal and time it: to a screen marker, to exit, per key.

Nothing answers the program's terminal queries, as in a terminal that
ignores them; both kreader and its peers run under the same conditions.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass, field


@dataclass
class PtyRun:
    seconds: float  # exec -> exit (or -> marker, when killed there)
    max_rss_mb: float  # the largest sum of the resident sizes of the program and its children (sample_rss)
    output: bytes
    status: int
    marker_seconds: float | None = None  # exec -> the marker first seen in the output
    cpu_seconds: float = 0.0  # user + system time of the child
    key_latencies: list[float] = field(default_factory=list)  # seconds from each key to its last output byte


def _spawn(argv: list[str], env: dict[str, str], cols: int, rows: int) -> tuple[int, int, float]:
    """Fork on a new pty and exec ``argv``; returns once the exec is done (so that nothing
    measured afterwards, like the resident size, is still this process's copy)."""
    exec_read, exec_write = os.pipe2(os.O_CLOEXEC)
    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    start = time.perf_counter()
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.close(exec_write)
    os.read(exec_read, 1)  # end of file when the exec closed the child's copy
    os.close(exec_read)
    return pid, fd, start


_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def tree_rss_mb(root: int) -> float:
    """Resident size of ``root`` and all its descendants now, in MB (Linux /proc).

    Sampled rather than taken from wait4: a forked child's ru_maxrss starts at its
    parent's size (here the benchmark's own), and wait4 gives the largest single
    process of a tree, not the sum of those alive together.
    """
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children", "rb") as f:
                    children = [int(c) for c in f.read().split()]
            except OSError:
                continue
            for child in children:
                if child not in tree:
                    tree.add(child)
                    frontier.append(child)
    total = 0.0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * _PAGE_MB
        except OSError:
            pass
    return total


def _read(fd: int, timeout: float) -> bytes | None:
    """Output available within ``timeout`` (b"" when none), or None once the child closed the terminal."""
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return b""
    try:
        chunk = os.read(fd, 65536)
    except OSError:  # EIO: the child closed the terminal (exited)
        return None
    return chunk or None


def run_in_pty(
    argv: list[str],
    env: dict[str, str],
    cols: int = 100,
    rows: int = 30,
    marker: bytes | None = None,
    kill_at_marker: bool = False,
    timeout: float = 60.0,
    keys: list[bytes] = (),
    quiet: float = 0.15,
    sample_rss: bool = False,
) -> PtyRun:
    """Start ``argv`` on a fresh pty and time it.

    ``marker``: note when these bytes first appear in the output (and kill the
    program there if ``kill_at_marker``).  ``keys``: once the marker was seen,
    type each key, wait until the output has been quiet for ``quiet`` seconds,
    and record the time from the key to the last byte it caused (the frame
    written); then close the terminal's program with SIGTERM.  ``sample_rss``:
    track the peak resident size of the program's process tree (costs some CPU).
    """
    pid, fd, start = _spawn(argv, env, cols, rows)
    out = bytearray()
    marker_at = None
    exited = False
    peak = 0.0
    while time.perf_counter() - start < timeout:
        if sample_rss:
            peak = max(peak, tree_rss_mb(pid))
        chunk = _read(fd, 0.02)
        if chunk is None:
            exited = True
            break
        out += chunk
        if marker is not None and marker_at is None and marker in out:
            marker_at = time.perf_counter()
            if kill_at_marker or keys:
                break
    latencies: list[float] = []
    if keys and marker_at is not None:
        _drain(fd, quiet)
        for key in keys:
            sent = time.perf_counter()
            os.write(fd, key)
            last = None
            while True:
                chunk = _read(fd, quiet)
                if chunk is None or chunk == b"":
                    break
                last = time.perf_counter()
                out += chunk
            if last is not None:
                latencies.append(last - sent)
    if not exited:
        os.kill(pid, signal.SIGKILL)
    _pid, status, usage = os.wait4(pid, 0)
    end = time.perf_counter()
    os.close(fd)
    seconds = (marker_at - start) if (kill_at_marker and marker_at) else (end - start)
    return PtyRun(
        seconds,
        peak,
        bytes(out),
        status,
        None if marker_at is None else marker_at - start,
        usage.ru_utime + usage.ru_stime,
        latencies,
    )


def _drain(fd: int, quiet: float) -> None:
    while _read(fd, quiet):
        pass
