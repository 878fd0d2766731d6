"""Through a real terminal (tmux): a stored note's escape sequences do not act on it."""

from __future__ import annotations

import os
import sys

from tests.conftest import REPO, SEED, run_reader
from tests.hostile import make_notes_hostile
from tests.terminal import Terminal, tmux_or_skip


def test_a_hostile_note_neither_colours_nor_retitles_the_terminal(tmp_path):
    tmux_or_skip()
    db = tmp_path / "notes.json"
    env = {**os.environ, "READER_DB": str(db)}
    add = run_reader(
        "notes", "add", "--doc", str(SEED), "--paragraph", "2",
        "--body", "placeholder", "--tag", "placeholder", env=env,
    )  # fmt: skip
    assert add.returncode == 0, add.stderr
    make_notes_hostile(db)  # ESC[31m, OSC 0 and 2 titles, C1 CSI and U+202E in body and tag
    command = [sys.executable, "-m", "reader", str(SEED)]
    clean_env = {
        "READER_DB": str(db),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no user keymap or theme
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    with Terminal(command, cwd=REPO, env=clean_env) as term:
        assert term.size() == (120, 40)
        plain = term.wait_for("Sanctions", "rouble")  # the note is on screen
        flat = " ".join(plain.split())
        # What is left of each sequence shows as text: the note really was drawn.
        assert "Sanctions [31mRED]0;PWNED" in flat and "#tr[31made" in flat
        coloured = term.screen(escapes=True)
        note_lines = [line for line in coloured.splitlines() if "Sanctions" in line]
        assert note_lines and not any("\x1b[31m" in line for line in note_lines)
        assert "\x1b]" not in coloured  # no OSC (title, hyperlink) got through
        assert "\u202e" not in coloured and "\x9b" not in coloured
        assert "PWNED" not in term.title()
