"""The inter-process write lock of a notes file: blocking ``flock``s, taken in turn.

Why not the ``filelock`` package: its ``UnixFileLock`` tries ``flock(LOCK_NB)`` and
sleeps between tries, so a writer that lets go and takes the lock again at once
nearly always beats the ones asleep (one writer waited 13.9 s behind 35 ms
writes). A plain blocking ``flock`` is not enough either: the kernel wakes every
waiter and the one running first wins, so on a busy machine a writer can lose
ten times in a row.

So writers queue (a CLH queue of files): each makes its own flocked *ticket*
file, and, under the short-lived ``<path>`` guard, reads the ticket of the
writer before it and writes its own in its place; then it blocks in ``flock``
on that earlier ticket, which its owner lets go when it is done. Each ticket has
one waiter, so turns go in arrival order. The exclusion itself is the flock of
``<path>-held``, taken once one's turn has come: a writer killed while queued
lets its successor in early, and that one then waits there for the real holder.

Nothing is left behind when nobody holds or waits for the lock: each file is
removed by its holder before it lets go (a waiter that then gets the flock of a
removed file sees that the path no longer names it and locks the path again),
and the guard by the last writer of the queue. A killed writer's ticket is
removed by :meth:`WriteLock.sweep`. A timeout runs the blocking ``flock`` in a
helper thread (a thread cannot be interrupted otherwise); a waiter that gave up
leaves that thread to close its descriptor once ``flock`` returns.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import threading
import time
from pathlib import Path

RELEASE_TIMEOUT = 5.0
"""Seconds to wait for the guard when leaving the queue (it is held for microseconds)."""


class LockTimeout(Exception):
    """The lock was not free within the timeout; ``waited`` says how long we waited."""

    def __init__(self, waited: float) -> None:
        super().__init__(f"waited {waited:.1f} s")
        self.waited = waited


class WriteLock:
    """An exclusive lock between processes (and between threads holding distinct objects)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        """The guard of the queue; the name a timeout message gives."""
        self._held_path = self.path.with_name(f"{self.path.name}-held")
        self._ticket_prefix = f".{self.path.name}."
        self._held: int | None = None
        self._ticket: tuple[int, str] | None = None
        self.waited = 0.0
        """Seconds the last :meth:`acquire` waited."""
        self.queued = self.taken = 0.0
        """When (``time.monotonic``) the last :meth:`acquire` joined the queue and took the
        lock: writers take it in the order they queued."""

    @property
    def held(self) -> bool:
        return self._held is not None

    def acquire(self, timeout: float) -> float:
        """Take the lock within ``timeout`` seconds (0: only if free now); the seconds waited.

        Raises :class:`LockTimeout`, or OSError when a lock file cannot be made.
        """
        if self._held is not None:
            raise RuntimeError(f"{self.path} is locked already by this object")
        started = time.monotonic()
        deadline = started + timeout
        ticket = self._join(deadline)
        self.queued = time.monotonic()
        try:
            self._wait_for(ticket[2], deadline)
            self._held = _take(self._held_path, deadline)
            self.taken = time.monotonic()
        except BaseException as exc:
            self._leave(ticket[:2])
            self.waited = time.monotonic() - started
            if isinstance(exc, LockTimeout):
                raise LockTimeout(self.waited) from None
            raise
        self._ticket = ticket[:2]
        self.waited = time.monotonic() - started
        return self.waited

    def release(self) -> None:
        """Let go of the lock, then of the ticket the next writer waits on."""
        held, self._held = self._held, None
        if held is not None:
            _let_go(self._held_path, held)
        ticket, self._ticket = self._ticket, None
        if ticket is not None:
            self._leave(ticket)

    def sweep(self) -> None:
        """Remove tickets that killed writers left (those nobody holds)."""
        try:
            names = os.listdir(self.path.parent)
        except OSError:
            return
        for name in names:
            if not (name.startswith(self._ticket_prefix) and name.endswith(".ticket")):
                continue
            with contextlib.suppress(OSError):
                fd = os.open(self.path.parent / name, os.O_RDONLY | os.O_CLOEXEC)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    os.unlink(self.path.parent / name)
                finally:
                    os.close(fd)

    def _join(self, deadline: float) -> tuple[int, str, str]:
        """Queue up: our flocked ticket (descriptor, name) and the name of the one before."""
        guard = _take(self.path, deadline)
        try:
            name = f"{self._ticket_prefix}{secrets.token_hex(6)}.ticket"
            fd = os.open(self.path.parent / name, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC)
            fcntl.flock(fd, fcntl.LOCK_EX)  # new: nobody else has it
            try:
                before = os.pread(guard, 256, 0).decode("ascii", "replace").strip()
                os.ftruncate(guard, 0)
                os.pwrite(guard, name.encode("ascii"), 0)
            except BaseException:
                _let_go(self.path.parent / name, fd)
                raise
        finally:
            os.close(guard)
        return fd, name, before

    def _wait_for(self, before: str, deadline: float) -> None:
        """Block until the writer queued before us lets go of its ticket (or is gone)."""
        if not before or "/" in before or not before.startswith(self._ticket_prefix):
            return
        try:
            fd = os.open(self.path.parent / before, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            return  # done already
        if _flock(fd, deadline):
            os.close(fd)
        else:
            raise LockTimeout(0.0)

    def _leave(self, ticket: tuple[int, str]) -> None:
        """Drop our ticket; the last of the queue removes the guard too."""
        fd, name = ticket
        try:
            guard = _take(self.path, time.monotonic() + RELEASE_TIMEOUT)
        except (LockTimeout, OSError):
            guard = None
        if guard is not None:
            last = os.pread(guard, 256, 0).decode("ascii", "replace").strip() == name
            if last:
                _let_go(self.path, guard)
            else:
                os.close(guard)
        _let_go(self.path.parent / name, fd)


def _take(path: Path, deadline: float) -> int:
    """A descriptor of the file at ``path``, flocked before ``deadline`` (or LockTimeout)."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            locked = _flock(fd, deadline)
        except BaseException:
            os.close(fd)
            raise
        if not locked:  # _flock closed fd, or left it to its thread
            raise LockTimeout(0.0)
        if _names(path, fd):
            return fd
        os.close(fd)  # we locked a file its holder removed: lock the path's file again


def _let_go(path: Path, fd: int) -> None:
    """Remove the lock file at ``path`` while still holding it, then unlock it."""
    with contextlib.suppress(OSError):
        os.unlink(path)
    os.close(fd)


def _names(path: Path, fd: int) -> bool:
    """Whether ``path`` still names the file open on ``fd``."""
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


def _flock(fd: int, deadline: float) -> bool:
    """Lock ``fd`` before ``deadline``; False (and ``fd`` handed to a thread) when it timed out."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        pass
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        os.close(fd)
        return False
    done = threading.Event()
    guard = threading.Lock()
    outcome: list[BaseException | None] = []
    abandoned = False

    def wait() -> None:
        error: BaseException | None = None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as exc:
            error = exc
        with guard:
            if abandoned:
                os.close(fd)  # closing it lets go of the lock it may have got
                return
            outcome.append(error)
            done.set()

    threading.Thread(target=wait, name=f"flock {fd}", daemon=True).start()
    if not done.wait(remaining):
        with guard:
            if not done.is_set():
                abandoned = True
                return False
    if outcome[0] is not None:
        raise outcome[0]
    return True
