"""Long pure work (loading, wrapping, analysing) in daemon threads.

Textual's thread workers run in the event loop's executor, which the loop
waits for on exit: quitting during the analysis of a 20 MB file would hang
until it finished. Daemon threads do not hold the exit; their result reaches
the app with ``call_from_thread``, and is dropped once the app has gone.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable
from contextlib import suppress
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

from textual.app import App
from textual.dom import DOMNode

P = ParamSpec("P")
N = TypeVar("N", bound=DOMNode)


class Jobs:
    """How many background jobs of one app are running."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0

    def start(self, app: App[Any], work: Callable[[], object]) -> None:
        def run() -> None:
            try:
                work()
            except Exception as exc:  # reported, never a crash of the app
                with suppress(RuntimeError):
                    message = f"background work failed: {type(exc).__name__}: {exc}"
                    app.call_from_thread(app.notify, message, severity="error", timeout=10)
            finally:
                with self._lock:
                    self.count -= 1

        with self._lock:
            self.count += 1
        context = contextvars.copy_context()
        threading.Thread(target=context.run, args=(run,), daemon=True).start()

    @property
    def busy(self) -> bool:
        return self.count > 0


def jobs(app: App[Any]) -> Jobs:
    """The background jobs of ``app``."""
    found = getattr(app, "_reader_jobs", None)
    if found is None:
        found = Jobs()
        app._reader_jobs = found  # type: ignore[attr-defined]
    return found


def in_background(method: Callable[Concatenate[N, P], None]) -> Callable[Concatenate[N, P], None]:
    """Run a widget or screen method in a daemon thread (it calls back with call_from_thread)."""

    @wraps(method)
    def start(self: N, *args: P.args, **kwargs: P.kwargs) -> None:
        jobs(self.app).start(self.app, lambda: method(self, *args, **kwargs))

    return start


async def settled(app: App[Any], timeout: float = 30.0) -> None:
    """Wait until no background job of ``app`` is running (for tests and benchmarks)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while jobs(app).busy and loop.time() < deadline:
        await asyncio.sleep(0.005)
