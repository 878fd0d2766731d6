"""`reader serve` in headless Chromium: keys typed in the page write a note to the store.

Needs the system's Chromium (``/usr/bin/chromium``, Debian's package) and
Playwright's Python package (the ``browser`` extra); `.ci/run` installs both.
Playwright never downloads a browser here: it is pointed at that Chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import time
from pathlib import Path

import pytest

from tests.conftest import run_reader
from tests.serving import served, stop

CHROMIUM = os.environ.get("READER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NOTE = "Browser note: who pays for the sanctions"

pytestmark = pytest.mark.slow


@pytest.fixture
def browser_page():  # type: ignore[no-untyped-def]
    pytest.importorskip("textual_serve")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install '.[browser]')"
    )
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport={"width": 1280, "height": 800})
        finally:
            browser.close()


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _processes_naming(path: Path) -> list[str]:
    """Command lines of the processes that name ``path`` (the apps the server started)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if str(path) in cmdline and "serve" not in cmdline:
            found.append(cmdline)
    return found


def _notes(db: Path) -> list[dict[str, object]]:
    run = run_reader("notes", "list", "--json", "--db", str(db))
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout) if run.stdout.strip() else []


def test_a_note_typed_in_the_browser_lands_in_the_store(browser_page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "notes.json"
    page = browser_page
    with served("--db", str(db)) as s:
        page.goto(f"{s.url}/")
        # textual-serve marks the page once the app's first output arrived.
        page.wait_for_selector("body.-first-byte", timeout=60_000)
        page.wait_for_timeout(3000)  # the first screen drawn and the analysis done
        shot = tmp_path / "serve-main-screen.png"
        page.screenshot(path=str(shot))
        print(f"screenshot of the main screen: {shot}")
        width, height = png_size(shot)
        assert (width, height) == (1280, 800)
        assert shot.stat().st_size > 20_000  # a drawn screen, not a blank page
        # Keys go to the terminal's input; a click would move the cursor to where it lands.
        page.focus(".xterm-helper-textarea")
        for key in ("j", "j", "a"):
            page.keyboard.press(key)
            page.wait_for_timeout(150)
        page.wait_for_timeout(1000)  # the note editor opens
        page.keyboard.type(NOTE, delay=10)
        page.keyboard.press("Control+s")
        deadline = time.monotonic() + 30
        notes: list[dict[str, object]] = []
        while time.monotonic() < deadline:
            notes = [n for n in _notes(db) if n.get("body") == NOTE] if db.exists() else []
            if notes:
                break
            time.sleep(0.5)
        page.screenshot(path=str(tmp_path / "serve-after-note.png"))
        # Ctrl+C with a browser still connected: a clean stop.
        code, _out, err = stop(s.process)
        assert code == 0 and "Traceback" not in err, err
        assert _processes_naming(db) == [], "an app outlived the server"
    assert len(notes) == 1, f"no note {NOTE!r} in {db}; screenshots in {tmp_path}"
    # On the third paragraph: the cursor starts on the first, and j j moved it two down.
    position = notes[0]["position"]
    assert isinstance(position, dict) and position["paragraph"] == 3, notes[0]
