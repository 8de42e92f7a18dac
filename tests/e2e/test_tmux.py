"""End to end: `kreader` on the sample in a real pseudo-terminal under tmux.

Keys go in with ``send-keys``; the screen comes back with ``capture-pane``.
Run with TERM=xterm-256color and with TERM=linux (16 colours).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import pytest
from tmuxpane import TMUX, TmuxPane

pytestmark = pytest.mark.e2e

WIDTH, HEIGHT = 100, 30


def kreader_command() -> list[str]:
    script = Path(sys.executable).with_name("kreader")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from reader.cli import main; sys.exit(main())"]


class Pane(TmuxPane):
    """kreader (with its own empty state dir) in a tmux pane."""

    def __init__(
        self, term: str, width: int = WIDTH, height: int = HEIGHT, args: str = "", stdin_from: str = ""
    ) -> None:
        self.state = tempfile.mkdtemp(prefix="kreader-e2e-state-")  # each run starts with no saved position
        # COLUMNS/LINES from the test runner would override the pane size.
        env = " ".join(
            [
                "env",
                "-u",
                "COLUMNS",
                "-u",
                "LINES",
                f"TERM={term}",
                "KREADER_DEBUG=1",
                f"KREADER_STATE_DIR={self.state}",
            ]
        )
        command = env + " " + " ".join(kreader_command()) + (" " + args if args else "")
        if stdin_from:
            command = f"cat {stdin_from} | {command}"
        super().__init__(command + "; sleep 30", width, height)

    def close(self) -> None:
        super().close()
        shutil.rmtree(self.state, ignore_errors=True)


@pytest.fixture(params=["xterm-256color", "linux"])
def pane(request):
    if TMUX is None:
        pytest.skip("tmux is not installed (Debian package tmux; `make tools` installs it)")
    pane = Pane(request.param)
    yield pane
    pane.close()


def test_kreader_in_a_real_terminal(pane):
    screen = pane.wait_for("sample-article.txt")
    assert "過去近兩個月" in screen  # the article painted (its early preview: no script detected yet)
    screen = pane.wait_for("original (繁)")  # the whole article, its script detected
    screen = pane.wait_for("≈15%")  # a figure value in the figures panel (約15%, approximate)
    assert "Figures" in screen and "Sections" in screen
    pane.send("]")
    screen = pane.wait_for("▌ 01")  # a section heading at the top of the article
    pane.send("t")
    screen = pane.wait_for("简 Simplified")
    assert "这场直播" in screen or "服务商" in screen  # Simplified forms on screen
    pane.send("g")
    screen = pane.wait_for("过去近两个月")
    pane.send("G")  # the end of the article: its last characters are on screen
    pane.wait_for("服务理念的践行。")
    pane.send("q")
    deadline = time.monotonic() + 10
    while "sample-article.txt" in pane.screen() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "sample-article.txt" not in pane.screen()  # q quit back to the shell


def test_narrow_terminal_opens_on_the_article_with_panels_as_overlays():
    if TMUX is None:
        pytest.skip("tmux is not installed (Debian package tmux; `make tools` installs it)")
    pane = Pane("xterm-256color", 80, 24)
    try:
        screen = pane.wait_for("過去近兩個月")
        assert "╭─ Sections" not in screen and "╭─ Figures" not in screen  # both panels collapsed
        pane.send("f")
        pane.wait_for("╭─ Figures")
        pane.send("Escape")
        pane.wait_gone("╭─ Figures")
    finally:
        pane.close()


def test_article_from_standard_input_reads_keys_from_the_terminal():
    if TMUX is None:
        pytest.skip("tmux is not installed (Debian package tmux; `make tools` installs it)")
    sample = Path(__file__).resolve().parents[2] / "assets" / "sample-article.txt"
    pane = Pane("xterm-256color", args="-", stdin_from=str(sample))
    try:
        screen = pane.wait_for("過去近兩個月")
        assert "<stdin>" in screen or "stdin" in screen
        pane.send("t")  # keys reach the app although its stdin was the pipe
        pane.wait_for("简 Simplified")
        pane.send("q")
        deadline = time.monotonic() + 10
        while "过去近两个月" in pane.screen() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "过去近两个月" not in pane.screen()
    finally:
        pane.close()
