"""`reader serve [FILE|DIR ...]`: the same reader in a browser, through textual-serve.

textual-serve answers each browser connection by starting the reader as its own
process (``python -m reader FILE... --db PATH``) and relaying its screen over a
websocket: the same screens and keys, and the same notes store with its file
lock, so a browser and a terminal on one notes file never lose each other's notes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import signal
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from reader.commands.usage import PROG, UsageError, add_db_option, db_path
from reader.untrusted import clean_line

if TYPE_CHECKING:
    from aiohttp import web

TOKEN_ENV = "READER_TOKEN"
WILDCARD_HOSTS = {"0.0.0.0", "::", ""}


class _Parser(argparse.ArgumentParser):
    """argparse whose errors are one line, exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=f"{PROG} serve",
        description="Serve the reader to a web browser: each connection gets its own "
        "reader, on the same files and notes file.",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="article(s) or a folder of them (default: the bundled seed article)",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument(
        "--token",
        help=f"secret every connection must present (default: ${TOKEN_ENV}); "
        "required to listen on an address other than this machine's own",
    )
    add_db_option(p)
    return p


def public_url(host: str, port: int) -> str:
    """The address a browser opens: a wildcard host is named by this machine's name."""
    name = socket.gethostname() if host in WILDCARD_HOSTS else host
    if ":" in name:  # an IPv6 address
        name = f"[{name}]"
    return f"http://{name}:{port}"


def app_command(files: Sequence[str], db: Path) -> str:
    """The shell command textual-serve runs for each connection."""
    for name in files:
        if not Path(name).exists():
            raise UsageError(f"{name}: no such file or folder")
    paths = [str(Path(name).resolve()) for name in files]
    return shlex.join([sys.executable, "-m", "reader", *paths, "--db", str(db.resolve())])


def main(argv: Sequence[str], db: str | None) -> int:
    args = parser().parse_args(argv)
    from reader.commands.serve_access import TOKEN_PARAMETER, is_local

    token = args.token or os.environ.pop(TOKEN_ENV, None) or None  # the apps need it not
    if token is None and not is_local(args.host):
        raise UsageError(
            f"refusing to serve on {args.host} without a token: anyone who reaches it could "
            f"read and change your notes; pass --token SECRET or set {TOKEN_ENV}"
        )
    if not 0 < args.port < 65536:
        raise UsageError(f"argument --port: {args.port} is not a port (1-65535)")
    command = app_command(args.files, db_path(db or args.db))
    url = public_url(args.host, args.port)
    opening = f"{url}/?{TOKEN_PARAMETER}={token}" if token else f"{url}/"
    lines = [f"{PROG}: serving on {url}/ — open {opening} in a browser; Ctrl+C stops"]
    if token:
        lines.append(f"{PROG}: every connection must present the token (?{TOKEN_PARAMETER}=…)")
    return _serve(command, args.host, args.port, url, token, lines)


def _serve(
    command: str, host: str, port: int, url: str, token: str | None, lines: list[str]
) -> int:
    from aiohttp import web
    from aiohttp.web_runner import GracefulExit
    from textual_serve import server as textual_server
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    from reader.commands.serve_access import token_middleware

    apps: set[AppService] = set()

    class TrackedAppService(AppService):
        """An app service the server remembers, to end its app when the server stops."""

        async def start(self, width: int, height: int) -> None:
            apps.add(self)
            await super().start(width, height)

    # textual-serve makes one AppService per connection by this module-level name.
    textual_server.AppService = TrackedAppService  # type: ignore[misc]

    async def end_apps() -> None:
        """Tell every app to quit, as closing its tab does; end those that do not."""
        for service in list(apps):
            process = service._process  # the app's process (textual-serve keeps it private)
            if process is None or process.returncode is not None:
                continue
            await service.send_meta({"type": "quit"})
            try:
                await asyncio.wait_for(process.wait(), 3)
            except TimeoutError:
                process.kill()
                await process.wait()

    class ReaderServer(Server):
        """textual-serve's server with the token check and the reader's own start lines."""

        def initialize_logging(self) -> None:
            pass  # no banner, no log of each request

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            if token is not None:
                app.middlewares.append(token_middleware(token))
            return app

        async def on_shutdown(self, app: web.Application) -> None:
            await end_apps()

        async def on_startup(self, app: web.Application) -> None:
            for line in lines:
                print(clean_line(line), flush=True)

    server = ReaderServer(command, host=host, port=port, title=PROG, public_url=url)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def stop() -> None:
        raise GracefulExit

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop)
    try:
        web.run_app(
            server._make_app(),
            host=host,
            port=port,
            handle_signals=False,
            loop=loop,
            print=None,
            access_log=None,
            # Open browser connections end only when their apps are told to: after
            # this long, their handlers are cancelled and each app is sent "quit".
            shutdown_timeout=2,
        )
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    finally:
        asyncio.set_event_loop(None)
    return 0
