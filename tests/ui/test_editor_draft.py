"""``esc`` in the note editor keeps what was written as a draft; ``a`` brings it back."""

from __future__ import annotations

from textual.widgets import TextArea

from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.screens.note_editor import NoteEditor, TargetPicker
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.notes_pane import NoteList

from .conftest import SIZE, note_on


def messages(app: ReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_escape_keeps_a_draft_that_a_on_the_same_paragraph_brings_back(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "a", *"half a thought")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert NoteStore(db_file).all() == []  # nothing saved
        assert "Draft kept — a on the same text brings it back" in messages(app)
        await pilot.press("j", "a")  # another paragraph: a fresh editor
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == ""
        await pilot.press("escape", "k", "a")  # back on the first: the draft
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and "(draft)" in app.screen.heading
        assert app.screen.query_one(TextArea).text == "half a thought"
        await pilot.press(*", whole", "ctrl+s")
        await pilot.pause()
        (note,) = NoteStore(db_file).all()
        assert note.body == "half a thought, whole"
        await pilot.press("a")  # saved: the draft is gone
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == ""


async def test_a_draft_keeps_the_narrowed_words_and_an_emptied_one_is_forgotten(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"narrow", "shift+tab", "right", "right")
        picker = app.screen.query_one(TargetPicker)
        narrowed = picker.span
        await pilot.press("escape", "a")
        await pilot.pause()
        assert app.screen.query_one(TargetPicker).span == narrowed
        assert app.screen.query_one(TextArea).text == "narrow"
        await pilot.press(*["backspace"] * 6, "escape")  # emptied: nothing to keep
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert "(draft)" not in app.screen.heading
        assert app.screen.query_one(TextArea).text == ""


async def test_escape_while_editing_a_note_keeps_the_edit_as_a_draft(seed_doc, db_file):
    NoteStore(db_file).add(note_on(seed_doc, 3, "first"))
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.set_focus(app.screen.query_one(NoteList))
        await pilot.press("e", *" and second", "escape")
        await pilot.pause()
        assert NoteStore(db_file).all()[0].body == "first"  # the note is as it was
        assert "Draft kept — e on the note brings it back" in messages(app)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "first and second"
        await pilot.press("escape")  # unchanged from the note? no: still the draft
        await pilot.pause()
        await pilot.press("e", *["backspace"] * 11, "escape")  # back to the note's text
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "first"
