"""A tmux server on a private socket with one pane: type keys, read the screen (for e2e tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid

TMUX = shutil.which("tmux")


class TmuxPane:
    """``command`` (a shell line) runs in a ``width``×``height`` pane of a private tmux server."""

    def __init__(self, command: str, width: int, height: int, key_pause: float = 0.15) -> None:
        self.socket = f"kreader-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.key_pause = key_pause
        self.tmux("new-session", "-d", "-x", str(width), "-y", str(height), command)

    def tmux(self, *args: str) -> str:
        out = subprocess.run(
            [TMUX, "-u", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True, text=True, timeout=20
        )
        return out.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def pane_pid(self) -> int:
        return int(self.tmux("display-message", "-p", "#{pane_pid}").strip())

    def send(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", key)
            time.sleep(self.key_pause)  # one key at a time: ESC + key would read as alt+key

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def wait_gone(self, text: str, timeout: float = 20.0) -> str:
        """Wait until ``text`` is off the screen (a hang guard, not a speed bound)."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while text in screen and time.monotonic() < deadline:
            time.sleep(0.2)
            screen = self.screen()
        if text in screen:
            raise AssertionError(f"{text!r} never went away; the screen was:\n{screen}")
        return screen

    def close(self) -> None:
        self.tmux("kill-server")
