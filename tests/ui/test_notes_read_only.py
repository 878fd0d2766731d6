"""A notes file the file system does not let us write: the app reads it, says so, saves nothing."""

from __future__ import annotations

from textual.widgets import Static

from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.notes_pane import NotesPane

from .conftest import SIZE, note_on


def _messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_mode_444_notes_file_opens_read_only_and_a_says_why(seed_doc, db_file):
    NoteStore(db_file).add(note_on(seed_doc, 3, "kept as it is"))
    db_file.chmod(0o444)
    before = db_file.read_bytes()
    store = NoteStore(db_file)
    assert store.read_only and "read-only (mode 444)" in store.read_only_reason
    app = ReaderApp(seed_doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(NotesPane)
        assert "read-only" in pane.border_title
        said = pane.query_one("#notes-read-only", Static)
        assert said.display and "mode 444" in str(said.render())
        assert [p.note.body for p in pane.placed] == ["kept as it is"]  # read, all the same
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)  # no editor for a note that cannot be saved
        assert any(m.startswith("Cannot save a note:") and "mode 444" in m for m in _messages(app))
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
    assert db_file.read_bytes() == before


async def test_a_writable_notes_file_says_nothing_of_the_sort(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(NotesPane)
        assert "read-only" not in pane.border_title
        assert not any(line.display for line in pane.query("#notes-read-only"))
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, ReaderScreen)  # the editor opened
