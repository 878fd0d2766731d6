"""`E` in the notes pane: the note's body in $EDITOR (a script here), its quote as comment
lines; what is saved replaces the body, a body saved empty changes nothing."""

from __future__ import annotations

from reader.identity import DocumentId
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.widgets.notes_pane import NotesPane
from tests.notes.helpers import editor_script

from .conftest import SIZE, note_on


async def _press_e_on_the_note(app, pilot) -> None:
    pane = app.screen.query_one(NotesPane)
    pane.note_list.focus()
    await pilot.pause()
    await pilot.press("E")
    await pilot.pause()


async def test_E_edits_the_note_in_the_editor_with_its_quote_as_comments(
    seed_doc, db_file, tmp_path, monkeypatch
):
    store = NoteStore(db_file)
    store.add(note_on(seed_doc, 3, "old words", tags=("energy",)))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor_script(tmp_path, "new words #Trade")))
    app = ReaderApp(seed_doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await _press_e_on_the_note(app, pilot)
        seen = (tmp_path / "seen.txt").read_text()
        assert seen.startswith("old words\n")
        quote = seed_doc.paragraphs[3].text(seed_doc.text)
        assert f"# > {quote.splitlines()[0]}" in seen and "# The note is on ¶4 of" in seen
        [note] = NoteStore(db_file).notes_for(DocumentId.of(seed_doc))
        assert note.body == "new words #Trade" and note.tags == ("energy", "trade")
        [placed] = app.screen.query_one(NotesPane).placed
        assert placed.note.body == "new words #Trade"  # the pane shows it at once


async def test_a_body_saved_empty_in_the_editor_changes_nothing(
    seed_doc, db_file, tmp_path, monkeypatch
):
    store = NoteStore(db_file)
    store.add(note_on(seed_doc, 3, "keep me"))
    before = store.all()
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor_script(tmp_path, " \n ")))
    app = ReaderApp(seed_doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await _press_e_on_the_note(app, pilot)
        assert (tmp_path / "seen.txt").exists()  # the editor did run
        assert any("saved empty" in n.message for n in app._notifications)
    assert NoteStore(db_file).all() == before  # (the reading position is saved on quitting)


async def test_an_editor_that_cannot_run_is_told(seed_doc, db_file, monkeypatch):
    store = NoteStore(db_file)
    store.add(note_on(seed_doc, 3, "keep me"))
    monkeypatch.setenv("VISUAL", "/no/such/editor")
    app = ReaderApp(seed_doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await _press_e_on_the_note(app, pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and "cannot run the editor" in errors[0]
