"""The reader in a real terminal (tmux): keys pressed the moment a large file paints."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.terminal import Terminal

LAST = "The very last paragraph of the file ends here."


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


def test_G_right_after_the_first_paint_shows_the_last_line_and_stays(big_file, tmp_path):
    env = {
        "READER_DB": str(tmp_path / "notes.json"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PATH": os.environ.get("PATH", ""),
    }
    command = [sys.executable, "-m", "reader", str(big_file)]
    with Terminal(command, cwd=REPO, env=env) as term:
        term.wait_for("Big trade file", timeout=15)
        term.keys("G")
        term.wait_for(LAST, timeout=3)
        term.wait_for("analysing…", timeout=10)  # the whole file is read
        time.sleep(0.3)
        assert LAST in term.screen()  # still at the end once the whole file replaced it
