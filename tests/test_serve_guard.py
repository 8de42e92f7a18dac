"""`kreader --serve` opens only to the user's browser: Host, Origin, a token, a cap on sessions (issue 13, item 18).

A real `kreader --serve` on a free loopback port, probed with aiohttp's client as a
hostile web page or a DNS-rebinding page would; the cap on sessions is checked on the
same server class with a cheap command in place of the reader.
"""

from __future__ import annotations

import asyncio
import re
import shlex
import socket
import subprocess
import sys
import time

import aiohttp
import pytest
from conftest import SAMPLE

pytest.importorskip("textual_serve", reason="textual-serve is not installed")
LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    """(port, printed URL) of a `kreader --serve` on the sample."""
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "reader.cli", "--serve", "--port", str(port), str(SAMPLE)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 60
        while not (found := re.search(r"serving on (http://\S+)", log.read_text(errors="replace"))):
            assert proc.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "the server printed no URL"
            time.sleep(0.1)
        yield port, found.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


async def _status(session: aiohttp.ClientSession, url: str, **headers: str) -> int:
    async with session.get(url, headers=headers) as response:
        return response.status


async def _ws_refused(session: aiohttp.ClientSession, url: str, origin: str | None) -> int:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await session.ws_connect(url, origin=origin)
    return refused.value.status


def test_the_server_needs_its_token_its_own_host_and_its_own_origin(served):
    port, url = served
    base = f"http://{LOOPBACK}:{port}"
    token = url.split("token=", 1)[1]
    assert re.fullmatch(rf"{base}/\?token=[A-Za-z0-9_-]{{32}}", url)

    async def probe() -> None:
        async with aiohttp.ClientSession() as session:
            assert await _status(session, f"{base}/") == 403  # no token
            assert await _status(session, f"{base}/?token=guess") == 403
            assert await _status(session, url, Host=f"evil.example:{port}") == 403  # DNS rebinding
            async with session.get(url) as page:
                assert page.status == 200
                assert f"ws://{LOOPBACK}:{port}/ws/{token}" in await page.text()
            ws = f"ws://{LOOPBACK}:{port}"
            assert await _ws_refused(session, f"{ws}/ws", None) == 403  # textual-serve's own door
            assert await _ws_refused(session, f"{ws}/ws/guess", base) == 403
            assert await _ws_refused(session, f"{ws}/ws/{token}", "http://evil.example") == 403
            assert await _ws_refused(session, f"{ws}/ws/{token}", f"http://localhost:{port + 1}") == 403
            async with session.ws_connect(f"{ws}/ws/{token}?width=80&height=24", origin=base) as socket_:
                message = await socket_.receive(timeout=60)  # the reader's first output
                assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT)

    asyncio.run(asyncio.wait_for(probe(), timeout=120))


def test_concurrent_sessions_are_capped():
    from aiohttp import web

    from reader.serve import GuardedServer

    port = free_port()
    # an "app" that runs until textual-serve tells it to quit
    app = "import sys\nseen = b''\nwhile b'quit' not in seen and (chunk := sys.stdin.buffer.read1(4096)):\n    seen += chunk\n"
    server = GuardedServer(shlex.join([sys.executable, "-c", app]), LOOPBACK, port, max_sessions=2)

    async def run() -> None:
        runner = web.AppRunner(await server._make_app())
        await runner.setup()
        await web.TCPSite(runner, LOOPBACK, port).start()
        base, ws = f"http://{LOOPBACK}:{port}", f"ws://{LOOPBACK}:{port}/ws/{server.token}"
        try:
            async with aiohttp.ClientSession() as session:
                first = await session.ws_connect(ws, origin=base)
                second = await session.ws_connect(ws, origin=base)
                while server.sessions < 2:
                    await asyncio.sleep(0.05)
                assert await _ws_refused(session, ws, base) == 503
                await first.close()
                while server.sessions > 1:
                    await asyncio.sleep(0.05)
                third = await session.ws_connect(ws, origin=base)  # a closed session frees its place
                await second.close()
                await third.close()
        finally:
            await runner.cleanup()

    asyncio.run(asyncio.wait_for(run(), timeout=120))


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::"])
def test_a_host_others_can_reach_needs_expose(host):
    proc = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--serve", "--host", host, "--port", str(free_port()), str(SAMPLE)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert proc.returncode == 2
    assert b"add --expose" in proc.stderr and b"Traceback" not in proc.stderr
