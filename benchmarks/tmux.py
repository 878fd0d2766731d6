"""One program in a detached tmux session on a private server, for the benchmarks.

Each session has its own server (``-L``, no user config), is killed when the
``with`` block ends, and times what shows on screen by polling ``capture-pane``.
"""

from __future__ import annotations

import re
import subprocess
import time
import uuid

POLL = 0.01
"""Seconds between two looks at the screen."""


class Tmux:
    """``command`` (a shell command line) in a pane of ``size``; use it as a context manager."""

    def __init__(self, command: str, size: tuple[int, int] = (120, 40)) -> None:
        self.socket = f"reader-bench-{uuid.uuid4().hex[:12]}"
        self.command = command
        self.size = size
        self.started = 0.0

    def tmux(self, *args: str) -> str:
        run = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=10,
        )
        return run.stdout

    def __enter__(self) -> Tmux:
        width, height = self.size
        self.started = time.monotonic()
        self.tmux("new-session", "-d", "-x", str(width), "-y", str(height), "-s", "b", self.command)
        return self

    def __exit__(self, *exc: object) -> None:
        self.tmux("kill-server")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "b")

    def wait_for(self, text: str, timeout: float = 60.0) -> float:
        """Seconds (since now) until ``text`` is on screen; inf after ``timeout``."""
        return self.wait_match(re.compile(re.escape(text)), timeout)

    def wait_match(self, pattern: re.Pattern[str], timeout: float = 60.0) -> float:
        """Seconds (since now) until ``pattern`` matches the screen; inf after ``timeout``."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if pattern.search(self.screen()):
                return time.monotonic() - start
            time.sleep(POLL)
        return float("inf")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "b", *keys)
