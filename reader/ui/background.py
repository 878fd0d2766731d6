"""Long pure work (loading, wrapping, analysing) in daemon threads owned by a screen or widget.

Textual's thread workers run in the event loop's default executor, which
``asyncio.run`` waits for on exit: quitting during the analysis of a 20 MB
file would hang until it finished. Daemon threads do not hold the exit.

Each job belongs to the node that started it (a screen, a widget). Its result
comes back as a message posted to that node, so it is handled by the node's
own handlers, in order with its other messages; once the node is removed
Textual drops the message. A job asks ``owner_gone()`` to stop early. A
failure is posted as ``JobFailed`` to the owner and reported only if the
owner is still there.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump


class JobFailed(Message):
    """Background work of this node raised ``error`` (posted to the node that owned it)."""

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error

    @property
    def text(self) -> str:
        return f"background work failed: {type(self.error).__name__}: {self.error}"


class Jobs:
    """How many background jobs of one app are running."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0

    def start(self, owner: MessagePump, work: Callable[[], Message | None]) -> None:
        """Run ``work`` in a daemon thread; post the message it returns to ``owner``."""

        def run() -> None:
            try:
                message = work()
                if message is not None and not owner_gone(owner):
                    owner.post_message(message)  # thread-safe; dropped once the owner closes
            except Exception as exc:  # reported by the owner, never a crash of the app
                if not owner_gone(owner):
                    owner.post_message(JobFailed(exc))
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


def owner_gone(owner: MessagePump) -> bool:
    """Whether ``owner`` has left the app (its job's result would go nowhere)."""
    return not owner.is_running or not owner.is_attached


def jobs(app: App[Any]) -> Jobs:
    """The background jobs of ``app``."""
    found = getattr(app, "_reader_jobs", None)
    if found is None:
        found = Jobs()
        app._reader_jobs = found  # type: ignore[attr-defined]
    return found


def start_job(owner: MessagePump, work: Callable[[], Message | None]) -> None:
    """Run ``work`` in a daemon thread owned by ``owner``; its returned message goes to it."""
    jobs(owner.app).start(owner, work)


async def settled(app: App[Any], timeout: float = 30.0) -> None:
    """Wait until no background job of ``app`` is running (for tests and benchmarks)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while jobs(app).busy and loop.time() < deadline:
        await asyncio.sleep(0.005)
    await asyncio.sleep(0)
