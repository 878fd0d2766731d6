"""`reader serve` as a user starts it: a separate process on a free local port."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str  # http://127.0.0.1:PORT
    banner: list[str]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "serve", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def wait_until_listening(port: int, process: subprocess.Popen[str], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"reader serve exited {process.returncode}: {process.stderr!r}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise AssertionError("reader serve did not listen in time")


def stop(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Ctrl+C, as in a terminal; the exit code and what it printed."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        out, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    return process.returncode, out, err


@contextlib.contextmanager
def served(*args: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    port = free_port()
    process = start(*args, "--port", str(port), env=env)
    try:
        wait_until_listening(port, process)
        banner = [process.stdout.readline() for _ in range(1)] if process.stdout else []
        yield Served(process, f"http://127.0.0.1:{port}", banner)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
