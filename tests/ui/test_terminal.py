"""The reader in a real terminal (tmux): keys pressed the moment a large file paints."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO

LAST = "The very last paragraph of the file ends here."


class Tmux:
    """One program in a detached tmux session on a private server (``-L``)."""

    def __init__(self, command: str, size: tuple[int, int] = (120, 40)) -> None:
        self.socket = f"reader-test-{uuid.uuid4().hex[:12]}"
        self.command = command
        self.size = size

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=10,
        )

    def start(self) -> None:
        width, height = self.size
        run = self.tmux(
            "new-session", "-d", "-x", str(width), "-y", str(height), "-s", "t", self.command
        )
        assert run.returncode == 0, run.stderr

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t").stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def wait_for(self, text: str, timeout: float) -> float | None:
        """Seconds until ``text`` is on screen, or None after ``timeout``."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if text in self.screen():
                return time.monotonic() - start
            time.sleep(0.02)
        return None

    def kill(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    """About 3 MB of plain text: opened as a preview, read whole a moment later."""
    paragraph = (
        "Officials said trade between the two countries grew in the third quarter, "
        "while energy exports fell and the ministry promised new figures soon."
    )
    body = "\n\n".join(f"{i}. {paragraph}" for i in range(20_000))
    path = tmp_path / "big.txt"
    path.write_text(f"Big trade file\n\n{body}\n\n{LAST}\n")
    return path


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_G_right_after_the_first_paint_shows_the_last_line_and_stays(big_file, tmp_path):
    env = {
        "READER_DB": str(tmp_path / "notes.json"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command = (
        f"env -i {exports} {shlex.quote(sys.executable)} -m reader {shlex.quote(str(big_file))}"
    )
    session = Tmux(f"cd {shlex.quote(str(REPO))} && {command}")
    try:
        session.start()
        assert session.wait_for("Big trade file", timeout=15) is not None, session.screen()
        session.keys("G")
        assert session.wait_for(LAST, timeout=3) is not None, session.screen()
        assert session.wait_for("analysing…", timeout=10) is not None, session.screen()  # read
        time.sleep(0.3)
        assert LAST in session.screen()  # still at the end once the whole file replaced it
    finally:
        session.kill()
