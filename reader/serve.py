"""``kreader --serve``: textual-serve's server behind a door only the user's browser opens.

textual-serve accepts any websocket, from any web page the user has open (a page on
the internet can connect to ``ws://127.0.0.1:8000/ws`` and read the article, write
verdicts), and starts one app process per connection without limit.  This wraps its
aiohttp application (a subclass of its ``Server``, its handlers reused):

* every request must name this server in ``Host`` (a loopback name and the port; a
  DNS-rebinding page names its own host), unless the server is explicitly exposed;
* a request that carries an ``Origin`` (browsers always send one on a websocket) must
  come from the page this server served: the same scheme, host and port;
* the page and the websocket need a random token, printed in the URL kreader shows
  (as Jupyter does); the static files (textual-serve's scripts) need none;
* at most :data:`MAX_SESSIONS` app processes run at once; more are refused (503).

>>> allowed_origin("http://127.0.0.1:8000", "127.0.0.1:8000"), allowed_origin("http://evil.example", "127.0.0.1:8000")
(True, False)
>>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("::1"), is_loopback("0.0.0.0")
(True, True, True, False)
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import sys
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

MAX_SESSIONS = 4  # app processes at once: each is a whole kreader


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach (``localhost``, 127.0.0.0/8, ::1)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_origin(origin: str, host: str) -> bool:
    """Whether a request's ``Origin`` is the page this server (reached as ``host``) served."""
    return origin.lower() in (f"http://{host}".lower(), f"https://{host}".lower())


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode(), token.encode())


class GuardedServer(Server):
    """textual-serve's Server with Host/Origin checks, a token and a cap on sessions."""

    def __init__(
        self, command: str, host: str, port: int, *, exposed: bool = False, max_sessions: int = MAX_SESSIONS
    ) -> None:
        super().__init__(command, host=host, port=port, title="kreader")
        self.token = secrets.token_urlsafe(24)
        self.exposed = exposed
        self.max_sessions = max_sessions
        self.sessions = 0
        self.url = f"{self.public_url}/?token={self.token}"

    def host_allowed(self, host: str) -> bool:
        """The loopback names with this server's port (any name, when exposed on purpose)."""
        if self.exposed:
            return True
        name, _, port = host.rpartition(":")
        return port == str(self.port) and is_loopback(name)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        app.router.add_get("/ws/{token}", self.handle_websocket, name="guarded-websocket")
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if not self.host_allowed(request.host):
            raise web.HTTPForbidden(text="kreader: this server answers only to its own address\n")
        origin = request.headers.get("Origin")
        if origin is not None and not allowed_origin(origin, request.host):
            raise web.HTTPForbidden(text="kreader: requests from other web pages are refused\n")
        route = request.match_info.route.name
        if route == "websocket" or (
            route == "guarded-websocket" and not _same(request.match_info["token"], self.token)
        ):
            raise web.HTTPForbidden(text="kreader: wrong or missing token\n")
        if route == "index" and not _same(request.query.get("token", ""), self.token):
            raise web.HTTPForbidden(text="kreader: open the URL kreader printed (it holds the token)\n")
        return await handler(request)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        context = await Server.handle_index.__wrapped__(self, request)  # type: ignore[attr-defined]
        scheme = "wss" if request.secure else "ws"
        context["app_websocket_url"] = f"{scheme}://{request.host}/ws/{self.token}"  # JS appends ?width=…
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self.sessions >= self.max_sessions:
            raise web.HTTPServiceUnavailable(text=f"kreader: {self.max_sessions} sessions are open already\n")
        self.sessions += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1

    async def on_startup(self, app: web.Application) -> None:
        # Not textual-serve's banner: it prints the command (the article's path) through Rich markup.
        print(f"kreader: serving on {self.url}", flush=True)
        print("kreader: open that URL (it holds the token); Ctrl+C stops the server", file=sys.stderr, flush=True)
