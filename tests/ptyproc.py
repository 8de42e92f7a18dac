"""A command on a fresh pseudo-terminal, every byte it writes kept (for the bad-input and terminal tests)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def kreader_argv(*args: str) -> list[str]:
    """How a user starts kreader: the venv's console script, else the module."""
    script = Path(sys.executable).with_name("kreader")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "reader.cli", *args]


def pty_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "PYTEST_CURRENT_TEST")}
    env.setdefault("TERM", "xterm-256color")
    env.update(extra)
    return env


class PtyProcess:
    """``argv`` started on its own pty (stdin, stdout and stderr), as in a terminal emulator."""

    def __init__(
        self,
        argv: list[str],
        env: dict[str, str] | None = None,
        cols: int = 100,
        rows: int = 30,
        cwd: str | os.PathLike[str] = ROOT,
    ) -> None:
        self.output = bytearray()
        self.status: int | None = None
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child
            try:
                os.chdir(cwd)
                signal.signal(signal.SIGINT, signal.SIG_DFL)  # as in a shell, whatever the test runner did
                os.execvpe(argv[0], argv, env if env is not None else pty_env())
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def _pump(self, timeout: float) -> bool:
        """Read what is there (waiting up to ``timeout``); False once the terminal is closed."""
        if self.fd < 0:
            return False
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: every process holding the terminal has exited
            chunk = b""
        if not chunk:
            return False
        self.output += chunk
        return True

    def expect(self, marker: bytes, timeout: float = 30.0) -> bytes:
        deadline = time.monotonic() + timeout
        while marker not in self.output:
            if time.monotonic() > deadline or not self._pump(0.05):
                if marker in self.output:
                    break
                raise AssertionError(f"{marker!r} never came; the output ended with {bytes(self.output[-600:])!r}")
        return bytes(self.output)

    def send(self, data: bytes, pause: float = 0.15) -> None:
        os.write(self.fd, data)
        end = time.monotonic() + pause
        while time.monotonic() < end and self._pump(0.02):
            pass

    def wait(self, timeout: float = 30.0) -> int:
        """The exit code (128+N when killed by signal N); reads the output meanwhile."""
        deadline = time.monotonic() + timeout
        while self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                if self.status < 0:
                    self.status = 128 - self.status
                break
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(
                    f"still running after {timeout} s; output ended with {bytes(self.output[-600:])!r}"
                )
            self._pump(0.05)
        while self._pump(0.05):  # what is left in the terminal
            pass
        return self.status

    def alive(self) -> bool:
        if self.status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid:
            self.status = os.waitstatus_to_exitcode(status)
            self.status = 128 - self.status if self.status < 0 else self.status
            return False
        return True

    def kill(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.status = 137

    def close(self) -> None:
        self.kill()
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    @property
    def text(self) -> str:
        return self.output.decode("utf-8", "replace")


def run_in_pty(argv: list[str], env: dict[str, str] | None = None, timeout: float = 30.0, **kwargs) -> PtyProcess:
    """Run to the end on a pty; the finished process with its output and status."""
    proc = PtyProcess(argv, env, **kwargs)
    try:
        proc.wait(timeout)
    finally:
        proc.close()
    return proc
