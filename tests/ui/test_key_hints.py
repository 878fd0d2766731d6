"""The footer: the screen's keys on one line, the palette's key at the right end, clickable."""

from __future__ import annotations

from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.key_hints import KeyHints

from .conftest import SIZE


def footer_line(app: ReaderApp) -> str:
    return app.screen.query_one(KeyHints).render().plain


async def test_the_footer_shows_the_keys_and_the_palette_at_its_right_end(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hints = app.screen.query_one(KeyHints)
        line = footer_line(app)
        assert line.startswith(" j/k Move  tab Pane  a Note  / Search ")
        assert line.rstrip().endswith("▏^p Commands")
        assert len(line) == hints.size.width


async def test_a_narrow_footer_cuts_the_keys_and_keeps_the_palette(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        line = footer_line(app)
        assert line.startswith(" j/k Move  ")
        assert "q Quit" not in line
        assert line.split("▏")[0].strip().endswith("Move")  # "tab Pane" does not fit: not cut
        assert line.rstrip().endswith("▏^p Commands")
        assert len(line) == app.screen.query_one(KeyHints).size.width


async def test_a_click_on_a_hint_presses_its_key(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = footer_line(app)
        await pilot.click(KeyHints, offset=(line.index("Help"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "esc Close" in footer_line(app)  # the help's own keys, redrawn


async def test_the_footer_follows_the_focus(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = footer_line(app)
        await pilot.press("tab")  # the notes pane: its own keys show
        await pilot.pause()
        after = footer_line(app)
        assert after != before
        assert "e Edit" in after or "enter" in after
