"""Key-to-frame timing of a Textual app run headless (no Pilot sleeps in the figure).

Pilot's ``press`` and ``pause`` wait for the process to look idle (at least
three sleeps of 20 ms per key), so a mean over Pilot presses mostly measures
Pilot.  Here a key goes to the app's driver as the terminal would send it, and
the time is taken from then to the last frame it caused (frames are rendered
to terminal bytes, as they would be written); the quiet wait that detects the
last frame is not counted.
"""

from __future__ import annotations

import asyncio
import time

from textual import events
from textual._compositor import CompositorUpdate


class FrameClock:
    """Records when the app composes each frame (rendered to the bytes a terminal would get)."""

    def __init__(self, app) -> None:
        self.app = app
        self.frames: list[float] = []
        display = app._display

        def timed_display(screen, renderable) -> None:
            if renderable is not None and not app._batch_count:
                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)  # what writing it to a terminal costs
                self.frames.append(time.perf_counter())
            display(screen, renderable)

        app._display = timed_display

    async def key(
        self, key: str, character: str | None = None, quiet: float = 0.05, timeout: float = 10.0
    ) -> tuple[float, float]:
        """Send ``key``; seconds from then to its first frame and to its last one (the last
        frame before ``quiet`` seconds without any)."""
        seen = len(self.frames)
        sent = time.perf_counter()
        self.app._driver.send_message(events.Key(key, character))
        return await self.settle(sent, seen, quiet, timeout)

    async def settle(self, since: float, seen: int, quiet: float = 0.05, timeout: float = 10.0) -> tuple[float, float]:
        """Seconds from ``since`` to the first and the last frame after frame ``seen``, once frames stop."""
        while time.perf_counter() - since < timeout:
            await asyncio.sleep(quiet / 5)
            if len(self.frames) > seen and time.perf_counter() - self.frames[-1] >= quiet:
                return self.frames[seen] - since, self.frames[-1] - since
        return float("nan"), float("nan")


class StallMeter:
    """The longest time the event loop went without running a ticker (how blocked the UI was)."""

    def __init__(self, period: float = 0.002) -> None:
        self.period = period
        self.longest = 0.0
        self._task: asyncio.Task | None = None

    async def _tick(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(self.period)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last - self.period)
            last = now

    def __enter__(self) -> StallMeter:
        self.longest = 0.0
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *exc) -> None:
        if self._task is not None:
            self._task.cancel()
