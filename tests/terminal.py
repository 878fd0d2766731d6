"""A real terminal for tests: a program in tmux on a private server, at a fixed size.

``Terminal`` starts its own tmux server (``-L`` socket, no user config), runs
one command in a 120x40 pane with ``TERM=xterm-256color`` and the given
environment only, and always kills the server when the ``with`` block ends.
Every tmux call is bounded; :meth:`Terminal.wait_for` gives up after 20 s.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shlex
import shutil
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

import pytest

SIZE = (120, 40)
TIMEOUT = 20.0
_CALL_TIMEOUT = 10.0


def tmux_or_skip() -> str:
    """The tmux binary; the test is skipped when there is none."""
    exe = shutil.which("tmux")
    if exe is None:
        pytest.skip("tmux is not installed: the real-terminal test needs it")
    return exe


class Terminal:
    """``command`` running in a tmux pane of ``SIZE``; use it as a context manager."""

    def __init__(self, command: Sequence[str], *, cwd: Path, env: Mapping[str, str]) -> None:
        self.exe = tmux_or_skip()
        self.socket = f"reader-test-{os.getpid()}-{secrets.token_hex(4)}"
        self.command = command
        self.cwd = cwd
        self.env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", **env}
        self._dir: Path | None = None  # the tmux config, made on entering

    def __enter__(self) -> Terminal:
        self._dir = Path(tempfile.mkdtemp(prefix="reader-tmux-"))
        config = self._dir / "tmux.conf"
        # Keep the pane when the program ends, so a crash can be read on screen.
        config.write_text("set -g remain-on-exit on\nset -g status off\n")
        env_args = [f"{k}={v}" for k, v in self.env.items()]
        shell = shlex.join(["env", "-i", *env_args, *self.command])
        width, height = SIZE
        try:
            self._tmux(
                "-f", str(config), "new-session", "-d", "-s", "test",
                "-x", str(width), "-y", str(height), "-c", str(self.cwd), shell,
            )  # fmt: skip
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _tmux(self, *args: str) -> str:
        client_env = {k: v for k, v in os.environ.items() if k != "TMUX"}
        run = subprocess.run(
            [self.exe, "-L", self.socket, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=_CALL_TIMEOUT,
            env=client_env,
        )
        if run.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args[:2])} failed: {run.stderr.strip()}")
        return run.stdout

    def screen(self, *, escapes: bool = False) -> str:
        """What the pane shows now; with ``escapes``, with the colours as escape sequences."""
        return self._tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", "test")

    def keys(self, *keys: str) -> None:
        """Press tmux-named keys (``G``, ``Enter``, ``C-c``) in one burst."""
        self._tmux("send-keys", "-t", "test", *keys)

    def title(self) -> str:
        """The pane's title, as a program sets it with OSC 0 or 2."""
        return self._tmux("display-message", "-p", "-t", "test", "#{pane_title}").rstrip("\n")

    def size(self) -> tuple[int, int]:
        shown = self._tmux("display-message", "-p", "-t", "test", "#{pane_width} #{pane_height}")
        width, height = shown.split()
        return int(width), int(height)

    def wait_for(self, *words: str, timeout: float = TIMEOUT) -> str:
        """The screen once every one of ``words`` is on it; AssertionError after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            flat = " ".join(shown.split())
            if all(w in flat for w in words):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"not on screen after {timeout:.0f} s: {words}\n{shown}")
            time.sleep(0.05)

    def close(self) -> None:
        """Kill the server and its program (safe to call twice)."""
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            subprocess.run(
                [self.exe, "-L", self.socket, "kill-server"],
                capture_output=True,
                timeout=_CALL_TIMEOUT,
            )
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
