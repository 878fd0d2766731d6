"""Notes in the app: narrowing, speaker/sector/document notes, edit, delete/undo, filter,
orphans and re-attach, preview, and a corrupt notes file opened read-only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from textual.widgets import Input, Static, TextArea

from reader.document import Document
from reader.identity import DocumentId, document_path
from reader.notes.model import Note, Target
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.screens.note_editor import NoteEditor, TargetPicker, parse_tags
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.notes_pane import NoteList, NotesPane

from .conftest import SIZE, note_on


def orphan_on(doc: Document, body: str) -> Note:
    gone = "Words that were in an earlier version of this article and are gone."
    return Note(
        document=str(document_path(doc.path)),
        sha256="0" * 64,
        body=body,
        target=Target(exact=gone, prefix="", suffix="", start=10, end=10 + len(gone)),
    )


def stored(db_file: Path, doc: Document) -> list[Note]:
    return NoteStore(db_file).notes_for(DocumentId.of(doc))


async def focus_notes(app, pilot) -> NotesPane:
    pane = app.screen.query_one(NotesPane)
    pane.note_list.focus()
    await pilot.pause()
    return pane


def test_tags_come_from_the_field_and_the_body():
    # Commas or a word-starting "#" separate tags in the field; a space joins with "-".
    assert parse_tags("#a, b  c #D", "text #b #d-e and#not") == ("a", "b-c", "d", "b", "d-e")


async def test_narrowing_the_target_with_the_keyboard_saves_the_exact_words(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "a")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        await pilot.press(*"narrow")
        picker = editor.query_one(TargetPicker)
        picker.focus()
        await pilot.press("right", "right", "l")  # start three words later
        await pilot.press("shift+left", "H")  # end two words earlier
        words = seed_doc.paragraphs[1].text(seed_doc.text).split()
        expected = " ".join(words[3:-2])
        assert picker.span.text(seed_doc.text) == expected
        await pilot.press("ctrl+s")
        [note] = stored(db_file, seed_doc)
        assert note.target.exact == expected
        assert note.body == "narrow"


async def test_a_mouse_selection_becomes_the_note_target(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        y = article.text_layout.first_line[1]
        line = article.render_line(y).text
        x0 = line.index("Russian")
        x1 = line.index("Minister") + len("Minister")
        await pilot.mouse_down(ArticleView, offset=(x0 + 1, y + 1))
        await pilot.hover(ArticleView, offset=(x1 + 1, y + 1))
        await pilot.mouse_up(ArticleView, offset=(x1 + 1, y + 1))
        await pilot.pause()
        assert article.selected_span() is not None
        assert app.screen.get_selected_text().strip() == "Russian Foreign Affairs Minister"  # copy
        await pilot.press("a")
        assert "selection" in app.screen.query_one("#editor-dialog").border_title
        await pilot.press(*"who", "ctrl+s")
        [note] = stored(db_file, seed_doc)
        assert note.target.exact == "Russian Foreign Affairs Minister"
        await pilot.pause()
        assert article.selected_span() is None


async def test_a_in_the_side_pane_notes_the_speaker_or_sector(seed_doc, db_file, analysis):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        legend = app.screen.query_one(Legend)
        legend.focus()
        await pilot.press("down", "a")
        assert "speaker Yvan Gil" in app.screen.query_one("#editor-dialog").border_title
        assert app.screen.query_one("#editor-tags", Input).value == "yvan-gil"
        await pilot.press(*"venezuelan side", "ctrl+s")
        [note] = stored(db_file, seed_doc)
        first = min(analysis.speaker("yvan-gil").mentions)
        assert (note.target.start, note.target.end) == (first.start, first.end)
        assert note.tags == ("yvan-gil",)


async def test_shift_a_notes_the_whole_document(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A", *"overall", "ctrl+s")
        await pilot.pause()
        [note] = stored(db_file, seed_doc)
        assert note.target is None
        pane = app.screen.query_one(NotesPane)
        assert "Whole document" in str(pane.note_list.get_option_at_index(0).prompt)


async def test_notes_are_listed_in_document_order_and_e_edits(seed_doc, db_file):
    store = NoteStore(db_file)
    later, earlier = note_on(seed_doc, 6, "later"), note_on(seed_doc, 1, "earlier")
    store.add(later)
    store.add(earlier)
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        pane = await focus_notes(app, pilot)
        assert [p.note.body for p in pane.placed] == ["earlier", "later"]
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one(TextArea).text == "earlier"
        await pilot.press(*" and edited #checked", "ctrl+s")
        await pilot.pause()
        note = NoteStore(db_file).get(earlier.id)
        assert note.body == "earlier and edited #checked"
        assert note.tags == ("checked",)
        assert note.created == earlier.created
        assert note.target == earlier.target
        row = str(pane.note_list.get_option_at_index(0).prompt)
        assert "#checked" in row and "and edited" in row


async def test_d_deletes_and_u_brings_the_note_back(seed_doc, db_file):
    store = NoteStore(db_file)
    first, second = note_on(seed_doc, 1, "one"), note_on(seed_doc, 2, "two")
    store.add(first)
    store.add(second)
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        pane = await focus_notes(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        assert [n.id for n in stored(db_file, seed_doc)] == [second.id]
        assert [p.note.id for p in pane.placed] == [second.id]
        await pilot.press("u")
        await pilot.pause()
        assert NoteStore(db_file).get(first.id) == first
        assert [p.note.id for p in pane.placed] == [first.id, second.id]
        await pilot.press("u")  # nothing more to undo: nothing changes
        await pilot.pause()
        assert len(stored(db_file, seed_doc)) == 2


async def test_slash_filters_notes_by_body_quote_and_tag(seed_doc, db_file):
    store = NoteStore(db_file)
    store.add(note_on(seed_doc, 1, "about sanctions", tags=("russia",)))
    store.add(note_on(seed_doc, 7, "projects list", tags=("energy",)))
    store.add(note_on(seed_doc, 9, "dollar"))
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        pane = await focus_notes(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"#energy")
        assert [p.note.body for p in pane.filtered] == ["projects list"]
        assert pane.border_title == "Notes (1/3)"
        await pilot.press(*["backspace"] * 7, *"de-dollarization")  # words of the quote
        assert [p.note.body for p in pane.filtered] == ["dollar"]
        await pilot.press("enter")
        assert app.focused is pane.note_list
        await pilot.press("slash", "escape")
        assert pane.border_title == "Notes (3)"
        assert app.focused is pane.note_list


async def test_orphans_are_listed_apart_and_r_reattaches_to_the_cursor(seed_doc, db_file):
    store = NoteStore(db_file)
    kept = note_on(seed_doc, 2, "still here")
    lost = orphan_on(seed_doc, "lost its words")
    store.add(kept)
    store.add(lost)
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(NotesPane)
        statuses = {p.note.id: p.status for p in pane.placed}
        assert statuses == {kept.id: "anchored", lost.id: "orphan"}
        prompts = [str(pane.note_list.get_option_at_index(i).prompt) for i in range(3)]
        assert "Orphans (1)" in prompts[1] and "lost its words" in prompts[2]
        await pilot.press("j", "j", "j", "j")  # cursor on ¶5
        pane.note_list.focus()
        await pilot.press("r")  # on a placed note: refused
        await pilot.pause()
        assert NoteStore(db_file).get(kept.id) == kept
        await pilot.press("down", "r")
        await pilot.pause()
        note = NoteStore(db_file).get(lost.id)
        assert note.target.exact == seed_doc.paragraphs[4].text(seed_doc.text)
        assert note.sha256 == seed_doc.sha256
        assert {p.note.id: p.status for p in pane.placed}[lost.id] == "anchored"


async def test_the_note_under_the_cursor_is_previewed(seed_doc, db_file):
    NoteStore(db_file).add(note_on(seed_doc, 3, "Look at the trade figures"))
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(NotesPane)
        preview = pane.query_one("#notes-preview", Static)
        assert not preview.display
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert preview.display
        assert "Look at the trade figures" in str(preview.render())
        await pilot.press("j")
        await pilot.pause()
        assert not preview.display


async def test_a_corrupt_notes_file_opens_read_only_and_names_the_backup(seed_doc, tmp_path):
    db = tmp_path / "annotations.json"
    db.write_text('{"notes": {"1": {"id": ')
    before = db.read_bytes()
    from reader.notes.errors import StoreCorruptError

    try:
        NoteStore(db)
    except StoreCorruptError as exc:
        notice = str(exc)
    backup = next(p for p in tmp_path.iterdir() if p != db and "annotations" in p.name)
    assert str(backup) in notice
    app = ReaderApp(seed_doc, NoteStore(db, read_only=True), notice=notice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(str(backup) in n.message for n in app._notifications)
        pane = app.screen.query_one(NotesPane)
        assert "read-only" in pane.border_title
        await pilot.press("a")  # says why, opens no editor whose note could not be saved
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert any(
            n.message.startswith("Cannot save a note:") and str(backup) in n.message
            for n in app._notifications
        )
    assert db.read_bytes() == before


def test_the_command_opens_a_corrupt_file_read_only_rather_than_failing(tmp_path):
    """`reader --db corrupt.json` gets as far as the app (no exit 2, file untouched)."""
    db = tmp_path / "annotations.json"
    db.write_text("not json at all")
    code = (
        "import reader.ui.app as m\n"
        "m.ReaderApp.run = lambda self: print('NOTICE', *self.notices, self.store.read_only)\n"
        "from reader.cli import main\n"
        f"raise SystemExit(main(['--db', {str(db)!r}]))\n"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert out.returncode == 0, out.stderr
    backup = next(p for p in tmp_path.iterdir() if p != db)
    assert out.stdout.startswith("NOTICE ")
    assert str(backup) in out.stdout and "read-only" in out.stdout
    assert out.stdout.strip().endswith("True")  # the store is read-only
    assert db.read_text() == "not json at all"


async def test_enter_on_a_note_in_the_list_jumps_the_cursor(seed_doc, db_file):
    NoteStore(db_file).add(note_on(seed_doc, 8, "far down"))
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await focus_notes(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ArticleView).cursor == 8
        assert app.focused is app.screen.query_one(ArticleView)
        assert isinstance(app.screen.query_one(NoteList), NoteList)
