"""Who may connect to `reader serve`: the local-host rule and the token check.

A server bound to a loopback address is reachable from this machine only. Any
other address needs a token, and then every request (the page, its scripts and
the websocket that drives the app) must present it: as ``?token=…`` once, after
which the browser keeps it in a cookie for the rest of the page's requests.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware

TOKEN_PARAMETER = "token"
TOKEN_COOKIE = "reader_token"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_local(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (localhost, a loopback address)."""
    if host.lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def token_middleware(token: str) -> Middleware:
    """An aiohttp middleware that answers 401 to any request without ``token``."""

    @web.middleware
    async def require_token(request: web.Request, handler: Handler) -> web.StreamResponse:
        in_query = _matches(request.query.get(TOKEN_PARAMETER), token)
        if not (in_query or _matches(request.cookies.get(TOKEN_COOKIE), token)):
            raise web.HTTPUnauthorized(
                text="reader: this server needs its token: open the URL it printed (…/?token=…)\n"
            )
        response = await handler(request)
        if in_query and not response.prepared:
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict", path="/")
        return response

    return require_token
