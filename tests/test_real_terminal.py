"""Through a real terminal (tmux): a stored note's escape sequences do not act on it;
keys and motions typed in one burst, with no pause between them, land where they should:
in the search box and the note editor they open, on the paragraph they move to."""

from __future__ import annotations

import json
import os
import re
import sys
import time

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


def _seed_terminal(tmp_path) -> Terminal:
    """The seed in a 120x40 tmux pane, with an empty notes file (no remembered place)."""
    env = {
        "READER_DB": str(tmp_path / "notes.json"),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    return Terminal([sys.executable, "-m", "reader", str(SEED)], cwd=REPO, env=env)


_PROMPT = re.compile(r"(?<!\S): ¶\d+/10")
"""The status line with the ``:`` prompt open, before the cursor's paragraph."""


def _after_burst(term: Terminal, *keys: str) -> str:
    """Send ``keys`` and ``:`` in one burst; the screen once all are handled.

    Keys are handled in order, so once the status line opens with the ``:`` prompt every
    key before it was read; the screen is given a moment to settle (the status follows
    the cursor's message), then ``esc`` closes the prompt.
    """
    term.keys(*keys, ":")
    deadline = time.monotonic() + 10
    while not _PROMPT.search(term.screen().splitlines()[-1]):
        assert time.monotonic() < deadline, term.screen()
        time.sleep(0.05)
    shown, since = term.screen(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        now = term.screen()
        if now != shown:
            shown, since = now, time.monotonic()
        elif time.monotonic() - since >= 0.3:
            break
    term.keys("Escape")
    while _PROMPT.search(term.screen().splitlines()[-1]):
        assert time.monotonic() < deadline + 10, term.screen()
        time.sleep(0.05)
    return shown


def _paragraph(screen: str) -> int:
    """The cursor's paragraph as the status line says it (``¶6/10``)."""
    found = re.findall(r"¶(\d+)/10", screen.splitlines()[-1])
    assert len(found) == 1, screen.splitlines()[-1]
    return int(found[0])


def test_5j_in_one_burst_moves_five_paragraphs(tmp_path):
    tmux_or_skip()
    with _seed_terminal(tmp_path) as term:
        term.wait_for("Venezuela's current economic problems", "¶1/10")
        shown = _after_burst(term, "5", "j")
        assert _paragraph(shown) == 6
        # counts before k and G: 3k to ¶3, 12G to the last, 2k to ¶8
        shown = _after_burst(term, "3", "k", "1", "2", "G", "2", "k")
        assert _paragraph(shown) == 8


def test_g_j8_space_in_one_burst_never_lands_above_paragraph_9(tmp_path):
    tmux_or_skip()
    with _seed_terminal(tmp_path) as term:
        term.wait_for("Venezuela's current economic problems", "¶1/10")
        shown = _after_burst(term, "g", *["j"] * 8, "Space")
        assert _paragraph(shown) >= 9
        assert "currencies." in shown  # the page down was read: the last line is in view
        shown = _after_burst(term, "Space")
        assert _paragraph(shown) == 10


# -- type-ahead: whole bursts sent with one tmux call, no pause between the keys --------------


def _saved_bodies(db) -> list[str]:
    listed = run_reader("notes", "list", "--json", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    return [note["body"] for note in json.loads(listed.stdout)]


def test_a_search_typed_in_one_burst_goes_to_its_first_match(tmp_path):
    tmux_or_skip()
    with _seed_terminal(tmp_path) as term:
        term.wait_for("¶1/10")
        term.keys("/cooperation", "Enter")
        term.wait_for("1/6 matches")


def test_a_note_typed_in_one_burst_is_saved_exactly(tmp_path):
    tmux_or_skip()
    db = tmp_path / "notes.json"
    with _seed_terminal(tmp_path) as term:
        term.wait_for("¶1/10")
        term.keys("a", "jk/n a quick note, typed fast", "C-s")
        term.wait_for("Note saved")
        assert _saved_bodies(db) == ["jk/n a quick note, typed fast"]


def test_shift_tab_then_a_opens_an_editor_with_nothing_but_what_is_typed(tmp_path):
    tmux_or_skip()
    db = tmp_path / "notes.json"
    with _seed_terminal(tmp_path) as term:
        term.wait_for("¶1/10", "Sergei Lavrov")
        term.keys("BTab", "a", "on the minister", "C-s")
        term.wait_for("Note saved")
        assert _saved_bodies(db) == ["on the minister"]  # no "a" before it


def test_keys_sent_at_the_first_line_wait_for_the_side_panes(tmp_path):
    tmux_or_skip()
    db = tmp_path / "notes.json"
    with _seed_terminal(tmp_path) as term:
        term.wait_for("On Thursday, Russian Foreign")  # the text: the side panes come next
        term.keys("BTab", "a", "at first sight", "C-s")
        term.wait_for("Note saved")
        assert _saved_bodies(db) == ["at first sight"]
    [note] = json.loads(run_reader("notes", "list", "--json", "--db", str(db)).stdout)
    assert note["target"] is not None  # the side pane's speaker, not the article's paragraph


def test_a_query_pasted_after_slash_is_searched(tmp_path):
    tmux_or_skip()
    with _seed_terminal(tmp_path) as term:
        term.wait_for("¶1/10")
        term._tmux("set-buffer", "-b", "query", "cooperation")
        # One tmux command line: "/", a bracketed paste, enter, with nothing in between.
        term._tmux(
            "send-keys", "-t", "test", "/", ";",
            "paste-buffer", "-p", "-b", "query", "-t", "test", ";",
            "send-keys", "-t", "test", "Enter",
        )  # fmt: skip
        term.wait_for("1/6 matches")
