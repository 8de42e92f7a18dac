"""Helpers shared by the Pilot tests (App.run_test) without an async pytest plugin."""

from __future__ import annotations

import asyncio
import functools


def sync(test):
    """Run an async Pilot test with asyncio.run."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


async def until(pilot, predicate, timeout: float = 10.0, what: str = "condition") -> None:
    """Let the app run until ``predicate()`` holds (workers, timers), at most ``timeout`` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{what} never became true")
        await pilot.pause(0.05)
