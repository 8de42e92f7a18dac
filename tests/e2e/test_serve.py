"""End to end: `kreader --serve` in headless Chromium, on loopback only.

The server runs on a free port of 127.0.0.1; Chromium (Debian's package) is
driven over the Chrome DevTools Protocol with aiohttp's websocket client
(aiohttp comes with textual-serve, so nothing else is needed).  Its host
resolver maps every name but 127.0.0.1 to "not found": the page's web-font
link never leaves the machine.

textual-serve draws the terminal with xterm.js on a canvas, so the page has
no text to read.  A script injected before the page loads keeps a copy of
what the app sends to xterm.js (the terminal byte stream); the test reads
the text in it, with escape sequences removed, and keeps screenshots of the
page before and after `t` (compared: the canvas changed).  Every process is
stopped at the end, and every wait is bounded.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "assets" / "sample-article.txt"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
LOOPBACK = "127.0.0.1"

# Tees every binary websocket message (the terminal's bytes) into window.__kreaderBytes.
TEE_WEBSOCKET = """
(() => {
  const Native = window.WebSocket;
  window.__kreaderBytes = [];
  function Teed(url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener("message", (e) => {
      if (typeof e.data !== "string") window.__kreaderBytes.push(new Uint8Array(e.data));
    });
    return ws;
  }
  Teed.prototype = Native.prototype;
  for (const k of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Teed[k] = Native[k];
  window.WebSocket = Teed;
})();
"""
# The bytes received so far as text, from byte `skip` on.
READ_STREAM = """
((skip) => {
  const parts = window.__kreaderBytes || [];
  let n = 0;
  for (const p of parts) n += p.length;
  const all = new Uint8Array(n);
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return JSON.stringify({size: n, text: new TextDecoder().decode(all.subarray(Math.min(skip, n)))});
})
"""
# CSI, OSC, DCS/APC and two-character escape sequences.
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[P_^][^\x1b]*\x1b\\|\x1b[@-Z\\-_]")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def kreader_command() -> list[str]:
    script = Path(sys.executable).with_name("kreader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader.cli"]


def wait_until(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def served_url(log: Path) -> str | None:
    """The URL (with its token) that `kreader --serve` printed, once it has."""
    found = re.search(r"serving on (http://\S+)", log.read_text(errors="replace"))
    return found.group(1) if found else None


def port_open(port: int) -> bool:
    try:
        with socket.create_connection((LOOPBACK, port), timeout=0.5):
            return True
    except OSError:
        return False


def stop(process: subprocess.Popen | None) -> None:
    """Stop a process we started, and its children (it leads its own session)."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, PermissionError):
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


class DevTools:
    """A minimal Chrome DevTools Protocol client over one page's websocket."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.next_id = 0

    async def call(self, method: str, timeout: float = 15, **params):
        self.next_id += 1
        ident = self.next_id
        await self.ws.send_str(json.dumps({"id": ident, "method": method, "params": params}))
        async with asyncio.timeout(timeout):
            while True:
                message = json.loads((await self.ws.receive()).data)
                if message.get("id") == ident:
                    if "error" in message:
                        raise AssertionError(f"{method}: {message['error']}")
                    return message.get("result", {})

    async def stream(self, skip: int = 0) -> tuple[int, str]:
        """(bytes received so far, the text from byte ``skip`` on without escape sequences)."""
        result = await self.call("Runtime.evaluate", expression=f"({READ_STREAM})({skip})", returnByValue=True)
        data = json.loads(result["result"]["value"])
        return data["size"], ESCAPES.sub("", data["text"])

    async def wait_for_text(self, wanted: tuple[str, ...], skip: int, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            _size, text = await self.stream(skip)
            if any(w in text for w in wanted):
                return text
            await asyncio.sleep(0.25)
        raise AssertionError(f"none of {wanted} reached the page in {timeout:.0f} s; last text: {text[-400:]!r}")

    async def screenshot(self, path: Path) -> bytes:
        data = base64.b64decode((await self.call("Page.captureScreenshot", format="png"))["data"])
        path.write_bytes(data)
        return data

    async def press(self, key: str) -> None:
        code = f"Key{key.upper()}" if key.isalpha() else ""
        common = {"key": key, "code": code, "windowsVirtualKeyCode": ord(key.upper())}
        await self.call("Input.dispatchKeyEvent", type="keyDown", text=key, **common)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **common)


async def drive(devtools_port: int, url: str, shots: Path) -> None:
    import aiohttp

    targets = json.loads(urllib.request.urlopen(f"http://{LOOPBACK}:{devtools_port}/json/list", timeout=10).read())
    page = next(t for t in targets if t.get("type") == "page")
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            cdp = DevTools(ws)
            await cdp.call("Page.enable")
            await cdp.call("Page.addScriptToEvaluateOnNewDocument", source=TEE_WEBSOCKET)
            await cdp.call("Page.navigate", url=url)
            # the lede, as written (Traditional)
            await cdp.wait_for_text(("過去近兩個月",), 0, timeout=40)
            await asyncio.sleep(1.0)  # let the first frames settle before the key
            before = await cdp.screenshot(shots / "serve-original.png")
            await cdp.call("Runtime.evaluate", expression="document.querySelector('.xterm-helper-textarea').focus()")
            size, _ = await cdp.stream()
            await cdp.press("t")
            # after `t`: the article in Simplified script
            await cdp.wait_for_text(("过去近两个月", "服务商"), size, timeout=20)
            await asyncio.sleep(0.5)
            after = await cdp.screenshot(shots / "serve-simplified.png")
            assert before != after, "the page did not change after `t`"


@pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian package `chromium`; `make tools` installs it)"
)
def test_served_reader_in_headless_chromium(tmp_path):
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    pytest.importorskip("aiohttp", reason="aiohttp (textual-serve's) is not installed")
    port = free_port()
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115 - closed in finally
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    server = browser = None
    try:
        server = subprocess.Popen(
            [*kreader_command(), "--serve", "--host", LOOPBACK, "--port", str(port), str(SAMPLE)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        wait_until(lambda: port_open(port) or server.poll() is not None, 30, "the server to listen")
        assert server.poll() is None, (tmp_path / "serve.log").read_text(errors="replace")
        url = wait_until(lambda: served_url(tmp_path / "serve.log"), 30, "the URL with its token")
        profile = tmp_path / "chromium-profile"
        browser = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-quic",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                f"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE {LOOPBACK}",
                "--window-size=1280,800",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        active = profile / "DevToolsActivePort"
        wait_until(
            lambda: active.is_file() and active.read_text().strip() or browser.poll() is not None,
            30,
            "Chromium's DevTools port",
        )
        assert browser.poll() is None, "chromium exited at start"
        devtools_port = int(active.read_text().split()[0])
        asyncio.run(asyncio.wait_for(drive(devtools_port, url, tmp_path), timeout=90))
    finally:
        stop(browser)
        stop(server)
        log.close()


def test_serve_refuses_standard_input_and_a_busy_port():
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    proc = subprocess.run([*kreader_command(), "--serve", "-"], input=b"x", capture_output=True, timeout=30)
    assert proc.returncode == 2 and b"needs an article FILE" in proc.stderr
    with socket.socket() as busy:
        busy.bind((LOOPBACK, 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run(
            [*kreader_command(), "--serve", "--port", str(port), str(SAMPLE)],
            capture_output=True,
            timeout=30,
            stdin=subprocess.DEVNULL,
        )
    assert proc.returncode == 2 and f"cannot serve on {LOOPBACK}:{port}".encode() in proc.stderr
    assert b"Traceback" not in proc.stderr
